"""The critical concepts of one text: safety risks, legal threats, stranded riders, large B2B orders at risk.

Critical concepts are read as combinations, not phrases: a safety risk is a safety subject (a brake,
anything carrying current, the frame, a wheel, the suspension, the rider's body, a vehicle) in one sentence
with a sign of failure or harm, in any tense; a stranded rider is a bike that cannot go on, somewhere far,
dark or without a ride, with the rider still there; a large B2B order at risk is a large order or a business
account with a cancellation, a competitor or a penalty. A new wording of either half still pairs with the
other. :func:`analysis.reading.read` turns what these functions find into flags.
"""

from __future__ import annotations

from bisect import bisect_right

from izer.analysis import lexicon as lx
from izer.analysis.terms import Hit, Matches, Spans, close, following, near, unclaimed, uncovered
from izer.analysis.text import Text

_HYPOTHETICAL_BEFORE = 4
_HYPOTHETICAL_AFTER = 1
_FRAME_REACH = 8
_BRAKE_REACH = 6
_CONDITION_REACH = 6
_CONDITION_BEFORE = 3
_PART_REACH = 5
_VERB_REACH = 3
_BODY_REACH = 3
_VEHICLE_REACH = 6
_LARGE_ORDER = 20
_VERY_LARGE_ORDER = 50
_MEDIUM_ORDER = 10
_BIKE_UNITS = ("bisiklet", "bike", "scooter")
_SUBJECT_TABLES = (lx.PART, lx.POWER, lx.BIKE, lx.FRAME, lx.WHEEL, lx.SUSPENSION, lx.TYRE, lx.BODY, lx.VEHICLE)
"""What a sentence can be about: a sign in a sentence naming none of these is about the previous sentence."""


def unhedged(found: list[Hit], hedges: list[Hit]) -> list[Hit]:
    """The hits of ``found`` that no hypothetical word scopes: "kaza sigortası", "in case of theft",
    "what happens if the battery catches fire", "yolda kaldım diye korkmayayım", "yangın gibi"."""
    return [
        hit
        for hit in found
        if not any(
            hit.first - _HYPOTHETICAL_BEFORE <= other.last and other.first <= hit.last + _HYPOTHETICAL_AFTER
            for other in hedges
        )
    ]


def framed(found: list[Hit], hits: Matches, *, asks: bool) -> list[Hit]:
    """The hits of ``found`` that no frame puts out of this world: a game, a film or a dream, a denial or a
    blessing in their sentence or a few words off ("the brakes failed!! ...in the video game", "öyle bi şey
    olmadı ha", "Allah kazadan beladan korusun"), or, in a message that asks, hearsay ("my friend says e-bikes
    explode, that's not a thing, right?")."""
    frames = hits[lx.FICTION] + hits[lx.DENIAL] + hits[lx.BLESSING] + (hits[lx.HEARSAY] if asks else [])
    if not frames:
        return found
    sentences = hits.text.sentences
    framing = {sentences[frame.first] for frame in frames}
    return [
        hit
        for hit in found
        if sentences[hit.first] not in framing and not close(hit, frames, _FRAME_REACH, _FRAME_REACH)
    ]


def safety(hits: Matches, *, joking: bool, asks: bool = False) -> tuple[list[Hit], bool]:
    """The evidence of a safety risk, and whether there is a milder safety concern.

    Evidence is a safety subject paired with a sign of failure or harm in one sentence (brakes that do not
    brake, current with smoke or heat, a frame or wheel giving way, a body part hurt, a vehicle striking the
    rider), a tyre or a wheel failing while moving, or an event told outright (a fall, an ambulance, a person
    missing). A sign scoped by "if", "sigorta" or "-mazsa" is a question, not an event; an event "last year"
    is history; in a joke only a failing part or a smoking battery counts; a game, a film, a denial or a
    blessing frames the rest (:func:`framed`).
    """
    text = hits.text
    conditions = hits[lx.CONDITIONAL] + hits[lx.FIGURATIVE]
    failing, mild = _mechanical(hits, conditions)
    fire = _scoped(_fire(hits), conditions, text)
    evidence = failing + fire + _scoped(_harm(hits, bool(failing or mild)), conditions, text)
    evidence += _called_dangerous(hits, conditions)
    hedges = hits[lx.HYPOTHETICAL] + hits[lx.FIGURATIVE]
    if "🔥" not in text.original or hits[lx.POWER]:
        # "kampanya alev aldı 🔥" is hype, not a fire; "if a battery ever caught fire, …?" asks what would happen
        evidence += _scoped(unhedged(hits[lx.FIRE], hedges), conditions, text)
    care = unclaimed(hits[lx.CARE] + hits[lx.INJURY], hits[lx.CARE_OTHER_SENSE])
    crash_gear = hits[lx.CRASH_GEAR] if not (hits[lx.REFUND_ASKED] or hits[lx.LONG_AGO]) else []
    events = unhedged(hits[lx.ACCIDENT], hedges) + crash_gear + unhedged(hits[lx.MISSING_PERSON], hedges)
    if hits[lx.KIN] and hits[lx.UNREACHABLE] and hits[lx.AWAY_TOO_LONG]:
        events += hits[lx.UNREACHABLE]  # "2,5 saat oldu dönmedi, telefonunu açmıyor"
    evidence += _scoped(events, conditions, text) + hits[lx.ACCIDENT_EVENT] + hits[lx.RUNAWAY]
    falls = unclaimed(hits[lx.RIDER_FALL], hits[lx.NEAR_MISS])  # "almost went over the bars": nobody fell
    evidence += unclaimed(care + falls, hits[lx.FALL_OTHER_SENSE])
    # A near miss is a danger with a brake, the frame or fork, a wheel, the suspension, the motor or a vehicle in
    # the story; after a slipping gear it is a defect to fix before the next ride ("almost went over the bars").
    subjects = (lx.BRAKE, lx.FRAME, lx.WHEEL, lx.SUSPENSION, lx.POWER, lx.VEHICLE)
    named = any(uncovered(hits[table], hits[lx.RIDER_FALL]) for table in subjects)  # not "over the bars"
    near_miss = hits[lx.NEAR_MISS] if failing or mild or named else []
    evidence += near_miss
    if hits[lx.DEFECT] or hits[lx.BREAKDOWN] or failing or mild:
        evidence += unhedged(hits[lx.DANGER], hedges)  # not "yangın çıkar mı diye korkuyorum"
    evidence += hits[lx.MORTAL_DANGER]
    carrying = hits[lx.FRAME] or hits[lx.SUSPENSION] or hits[lx.CARRYING_PART]
    if hits[lx.CRACK] and carrying and hits[lx.RIDE_AHEAD] and not hits[lx.NOT_RIDING]:
        evidence += hits[lx.CRACK]  # "çatalda kılcal çatlak var, yarın 90 km çıkıcaz, binebilir miyim?"
    if hits[lx.LONG_AGO]:
        # "I had a crash last year" is history; "the brake failed again, like last week" is not, nor is a
        # crash told far from "geçen ay aldığım bisiklet".
        sentences = hits.text.sentences
        evidence = [
            hit
            for hit in evidence
            if not any(
                sentences[ago.first] == sentences[hit.first] and close(hit, [ago], _BRAKE_REACH, _BRAKE_REACH)
                for ago in hits[lx.LONG_AGO]
            )
            or _recurs(hit, hits)
        ]
    if hits[lx.KIDDING]:
        return [], False  # "fren tutmuyo 😂 şaka şaka, balatalar bitmiş sadece"
    if joking:
        # "yolda kaldım 😂", "ciğerlerim duman attı 😂", "crashed in Mario Kart lol": with a joke, only a part that
        # failed or a battery that smokes or heats is a danger, not the words of a story.
        evidence = [hit for hit in evidence if hit in failing or hit in fire]
    near = hits[lx.NEAR_MISS] if not joking else []  # "az kalsın bi keçiye çarpıyodum 😂"
    return framed(evidence, hits, asks=asks), bool(mild or hits[lx.BRAKE_WEAK] or near)


def _recurs(hit: Hit, hits: Matches) -> bool:
    """A "yine" or "again" in the clause of a danger word makes the danger new again ("fren yine boşa gitti,
    geçen hafta da olmuştu"); one in another clause is about something else ("geçen yaz düşmüştü, şimdi
    tekrar binmek istiyor")."""
    clauses = hits.text.clauses
    return any(clauses[other.first] == clauses[hit.first] for other in hits[lx.RECURRENCE] if close(hit, [other], 5, 5))


def _mechanical(hits: Matches, conditions: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Brakes that do not brake, a frame, steering or wheel giving way, a tyre bursting, a wheel or the
    suspension locking or shaking while moving: the failures, and the milder ones a degree word softens
    ("tam tutmuyor", "a bit loose") or that arrived so in the box."""
    text = hits.text
    brakes = uncovered(hits[lx.BRAKE], hits[lx.NOT_BRAKE])
    failing = _brake_signs(hits, brakes) + unclaimed(hits[lx.BRAKE_FAILURE], hits[lx.NOT_BRAKE])
    if brakes:
        failing += following(unclaimed(hits[lx.REFUSED], hits[lx.NOT_FAILURE]), brakes, text, _VERB_REACH)
    failing += hits.paired(lx.STOP_FAILURE, brakes + hits[lx.BIKE], None)
    parts = hits.paired(lx.FRAME_SIGN, hits[lx.FRAME], _PART_REACH) + hits[lx.STRUCTURE_FAILURE]
    parts += _carried(hits[lx.FRAME_SIGN], hits[lx.FRAME], hits)
    parts += hits.paired(lx.WHEEL_SIGN, hits[lx.WHEEL], _PART_REACH)
    failing = _scoped(failing + parts, conditions, text)
    # A part found broken while the bike stands at home, told once the rider got home safely, or arrived so in
    # the box: a fault to fix before the next ride ("arka aktarıcı koptu, eve yürüyerek geldim neyse ki"). Brakes
    # that do not brake stay a danger wherever the bike is, unless they are only soft.
    parked = bool(hits[lx.NOT_RIDING] or hits[lx.GOT_HOME]) and not (hits[lx.RIDER_FALL] or hits[lx.NEAR_MISS])
    moving = not parked and bool(hits[lx.RIDING] or hits[lx.LOST_CONTROL] or hits[lx.RIDER_FALL])
    weak = {text.sentences[hit.first] for hit in hits[lx.BRAKE_WEAK]}
    mild = [hit for hit in failing if _softened(hit, hits) or _weak_brake(hit, weak, hits)]
    if parked or (not moving and hits[lx.DELIVERED]):
        mild += [hit for hit in failing if hit in parts]
    failing = [hit for hit in failing if hit not in mild]
    if moving:
        rolling = hits[lx.WHEEL] + hits[lx.SUSPENSION]
        failing += _scoped(hits.paired(lx.WHEEL_LOCK, rolling, _PART_REACH), conditions, text)
        failing += _scoped(hits.paired(lx.TYRE_SIGN, hits[lx.TYRE], _PART_REACH), conditions, text)
        # A wheel, the steering or the suspension shaking at speed ("inerken ön teker sallanmaya başladı").
        steering = rolling + hits[lx.FRAME]
        shaking = hits.paired(lx.WOBBLE, steering, _PART_REACH) + _carried(hits[lx.WOBBLE], steering, hits)
        failing += [hit for hit in _scoped(shaking, conditions, text) if not _softened(hit, hits)]
    return failing, mild


def _weak_brake(hit: Hit, weak: set[int], hits: Matches) -> bool:
    """A sign in a sentence that calls the brake soft or spongy ("lever feels spongy, goes to the bar before it
    bites") describes a weak brake, unless "hiç" or "completely" makes it total."""
    return hits.text.sentences[hit.first] in weak and not close(hit, hits[lx.STRONG], 3, 3)


def _brake_signs(hits: Matches, brakes: list[Hit]) -> list[Hit]:
    """Signs of a brake not braking that belong to a brake: in its sentence, at most :data:`_BRAKE_REACH` words
    away (anywhere in the sentence when "hiç" or "tamamen" makes the sign total), with no other part named in
    between ("fren balatası değişti ama vites tutmuyor" is about the gears)."""
    if not brakes:
        return []
    text = hits.text
    # Other parts, leaving out the ones a brake word names ("brake cable", "fren kolu", "fren hortumu").
    brake_spans = Spans(brakes)
    others = [part for part in unclaimed(hits[lx.PART], brakes) if not brake_spans.touches(part, 1, 0)]

    others.sort(key=lambda hit: hit.first)
    other_firsts = [other.first for other in others]
    by_sentence: dict[int, list[Hit]] = {}
    for brake in sorted(brakes, key=lambda hit: hit.first):
        by_sentence.setdefault(text.sentences[brake.first], []).append(brake)
    firsts = {sentence: [brake.first for brake in members] for sentence, members in by_sentence.items()}
    latest: dict[int, list[Hit]] = {}  # per sentence: of the brakes up to here, the one ending last
    for sentence, members in by_sentence.items():
        running: list[Hit] = []
        for brake in members:
            running.append(brake if not running or brake.last > running[-1].last else running[-1])
        latest[sentence] = running

    def part_between(low: int, high: int) -> bool:
        # Parts starting after `low`; the ones still running at `high` all cover that word, so few are skipped.
        for position in range(bisect_right(other_firsts, low), len(others)):
            other = others[position]
            if other.first >= high:
                return False
            if other.last < high:
                return True
        return False

    def belongs(sign: Hit, brake: Hit) -> bool:
        reach = None if close(sign, hits[lx.STRONG], 2, 1) else _BRAKE_REACH
        low, high = min(brake.last, sign.last), max(brake.first, sign.first)
        return bool(near([sign], [brake], text, reach)) and not part_between(low, high)

    def candidates(sign: Hit) -> list[Hit]:
        """The brake that ends last among those starting at or before the sign, and the first one after it:
        if any brake of the sentence belongs to the sign, one of these two does (fewer words, so fewer
        parts, lie between them and the sign)."""
        sentence = text.sentences[sign.first]
        members = by_sentence.get(sentence, [])
        split = bisect_right(firsts.get(sentence, []), sign.first)
        found = [latest[sentence][split - 1]] if split else []
        return found + members[split : split + 1]

    signs = [sign for sign in hits[lx.BRAKE_SIGN] if any(belongs(sign, brake) for brake in candidates(sign))]
    # "Dün ön freni değiştirdiniz. Bugün yokuşta hiç tutmadı.": the brake is the topic of the next sentence
    # too, when the sign there is total or told while riding.
    moving = hits[lx.RIDING] + hits[lx.LOST_CONTROL]
    carried = _carried(hits[lx.BRAKE_SIGN], brakes, hits)
    return signs + [sign for sign in carried if close(sign, hits[lx.STRONG] + moving, 3, 1)]


def _fire(hits: Matches) -> list[Hit]:
    """Smoke, heat, swelling, leaking or sparks from something that carries current, unless denied ("duman
    yok") or said of an indicator light ("şarj aleti kırmızı yanıyor"); plain heating ("ısındı") unless a
    degree word softens it ("biraz ısınıyor", "slightly warm"). A motor that burned out ("motor 8. ayda
    yandı") is a dead part, unless smoke, flames or a smell are told too."""
    power = hits[lx.POWER]
    signs = hits.paired(lx.FIRE_SIGN, power, None) + _carried(hits[lx.FIRE_SIGN], power, hits)
    if not hits[lx.FIRE]:
        signs = unclaimed(signs, hits[lx.BURNT_OUT])
    heating = hits.paired(lx.HEATING, power, None) + _carried(hits[lx.HEATING], power, hits)
    signs += [hit for hit in heating if not _softened(hit, hits)]
    return [hit for hit in signs if not _negated(hit, hits) and not close(hit, hits[lx.LIGHT], 2, 2)]


def _carried(signs: list[Hit], subjects: list[Hit], hits: Matches) -> list[Hit]:
    """Signs in a sentence that names no part, bike, body or vehicle of its own, right after a sentence that
    names one of ``subjects``: the topic carries over ("Şarj aleti prize takılı. Çok ısındı, dokunamıyorum.",
    "Dün ön freni değiştirdiniz. Bugün yokuşta hiç tutmadı.")."""
    if not signs or not subjects:
        return []
    sentences = hits.text.sentences
    named = {sentences[hit.first] for table in _SUBJECT_TABLES for hit in hits[table]}
    topics = {sentences[hit.first] for hit in subjects}
    return [sign for sign in signs if sentences[sign.first] not in named and sentences[sign.first] - 1 in topics]


def _called_dangerous(hits: Matches, conditions: list[Hit]) -> list[Hit]:
    """A brake, a battery, the frame, a wheel or the suspension called dangerous or scary in its sentence, not
    asked about ("frenler tehlikeli mi?", "is it dangerous to ride in the rain?")."""
    subjects = hits[lx.BRAKE] + hits[lx.POWER] + hits[lx.FRAME] + hits[lx.WHEEL] + hits[lx.SUSPENSION]
    signs = hits.paired(lx.SUBJECT_DANGER, subjects, None)
    asked = hits[lx.DANGER_QUESTION]
    return [hit for hit in _scoped(signs, conditions, hits.text) if not close(hit, asked, 2, 2)]


def _harm(hits: Matches, failing: bool) -> list[Hit]:
    """A body part hurt (pain only after a fall or a crash), a vehicle striking the rider, a motor driving on
    by itself, a hospital after any of these."""
    body = uncovered(hits[lx.BODY], hits[lx.NOT_BRAKE])
    harm = hits.paired(lx.HARM, body, _BODY_REACH)
    incident = unclaimed(hits[lx.INCIDENT], hits[lx.FALL_OTHER_SENSE])
    if incident:
        harm += hits.paired(lx.ACHE, body, _BODY_REACH)
    harm += hits.paired(lx.IMPACT, hits[lx.VEHICLE], _VEHICLE_REACH)
    harm += hits.paired(lx.RUNAWAY_SIGN, hits[lx.RUNAWAY_PART], None)
    if harm or incident or hits[lx.VEHICLE] or failing:
        harm += hits[lx.HOSPITAL]
    return harm


def _scoped(found: list[Hit], conditions: list[Hit], text: Text) -> list[Hit]:
    """The hits of ``found`` that no condition scopes: a condition scopes the rest of its clause, up to
    :data:`_CONDITION_REACH` words ("if my battery ever catches fire"), and the few words before it, as a
    Turkish conditional ends its clause ("fren tutmazsa", "kendi kendine alev alırsa")."""

    def scopes(condition: Hit, hit: Hit) -> bool:
        if text.clauses[condition.first] != text.clauses[hit.first]:
            return False
        return hit.first - _CONDITION_REACH <= condition.last and condition.first <= hit.last + _CONDITION_BEFORE

    return [hit for hit in found if not any(scopes(condition, hit) for condition in conditions)]


def _softened(hit: Hit, hits: Matches) -> bool:
    """A sign a degree word modifies ("tam tutmuyor", "biraz gevşemiş", "not as well as before"), with no
    "hiç" or "completely" by it."""
    text = hits.text
    sentence = text.sentences[hit.first]
    degrees = [other for other in hits[lx.DEGREE] if text.sentences[other.first] == sentence]
    compared = [other for other in hits[lx.COMPARED] if text.sentences[other.first] == sentence]
    softened = close(hit, degrees, 2, 0) or close(hit, compared, 0, 3)
    return softened and not close(hit, hits[lx.STRONG], 3, 3)


def _negated(hit: Hit, hits: Matches) -> bool:
    """A sign denied right next to it: "duman yok", "no smoke", "not hot"."""
    after = [other for other in hits[lx.NEGATED_AFTER] if 0 < other.first - hit.last <= 2]
    before = [other for other in hits[lx.NEGATED_BEFORE] if 0 < hit.first - other.last <= 2]
    sentences = hits.text.sentences
    return any(sentences[other.first] == sentences[hit.first] for other in after + before)


def ends_well(dangers: list[Hit], hits: Matches, raw: str) -> bool:
    """A past incident told with thanks and a happy end, asking nothing ("geçen ayki kazadan sonra bisikleti
    toparlamışsınız, ben de iyileştim, teşekkürler"): not an emergency. The end must come after every danger
    word, so "thanks, fixed last week, but today the brakes failed again" stays critical."""
    resolved = hits[lx.RESOLVED]
    grateful = hits[lx.THANKS] or hits[lx.POSITIVE]
    again = unclaimed(hits[lx.RECURRENCE], hits[lx.POLITE_AGAIN])
    if not resolved or not grateful or "?" in raw or again or hits[lx.URGENT]:
        return False
    return max(hit.last for hit in dangers) < max(hit.first for hit in resolved)


def threatens(hits: Matches, raw: str) -> bool:
    """A legal or official escalation named as a threat or a step taken: not a lawyer buying bikes for the
    office, and not "tüketici haklarına göre iade hakkım var mı?", which asks what the rights are."""
    legal = uncovered(hits[lx.LEGAL], hits[lx.LEGAL_OTHER_SENSE])
    if legal and (close(legal[-1], hits[lx.RETRACTED], 0, 12) or ends_well(legal, hits, raw)):
        return False  # taken back ("dava açıcam demiştim ya, unutun onu") or settled with thanks
    if legal and hits[lx.RIGHTS_QUESTION] and "?" in raw:
        asked = {hits.text.sentences[hit.first] for hit in hits[lx.RIGHTS_QUESTION]}
        legal = [hit for hit in legal if hits.text.sentences[hit.first] not in asked]
    return bool(legal)


def recent(found: list[Hit], hits: Matches) -> list[Hit]:
    """The hits of ``found`` not told in a sentence set long ago ("Last summer your mechanic fixed my snapped
    chain on the roadside near Urla")."""
    sentences = hits.text.sentences
    history = {sentences[hit.first] for hit in hits[lx.LONG_AGO]}
    return [hit for hit in found if sentences[hit.first] not in history]


def stranded(hits: Matches, *, asks: bool = False) -> bool:
    """A rider who cannot go on (a breakdown, an empty battery, a burst tyre, a bike that will not unlock, or
    lost), somewhere far, dark or without a ride, or asking to be fetched, still there or alone, with children
    or in the rain; not once they got home."""

    immobile = hits[lx.BREAKDOWN] + hits[lx.LOCKED_OUT] + hits[lx.LOST_WAY]
    immobile += hits.paired(lx.WHEEL_LOCK, hits[lx.WHEEL] + hits[lx.POWER], _PART_REACH)  # "motor kilitlendi"
    immobile += hits.paired(lx.DEPLETED, hits[lx.POWER], _BODY_REACH)
    immobile += hits.paired(lx.TYRE_SIGN, hits[lx.TYRE], _PART_REACH)
    immobile = unclaimed(immobile, hits[lx.PHONE_POWER])
    immobile = recent(immobile, hits)
    if not framed(_scoped(immobile, hits[lx.CONDITIONAL], hits.text), hits, asks=asks) or hits[lx.GOT_HOME]:
        return False
    outside = [bool(hits[table]) for table in (lx.FAR_AWAY, lx.NIGHT, lx.TRAFFIC, lx.EXPOSED)]
    places = [*outside, bool(hits[lx.NO_TRANSPORT]), bool(hits[lx.PICKUP])]
    here, company = bool(hits[lx.PRESENT_PLACE]), bool(hits[lx.COMPANY])
    # Children and no car at home make a failure a hardship; out on the road, an emergency.
    return (any(places) and (here or (company and any(outside)) or sum(places) >= 2)) or (here and company)


def order_at_risk(hits: Matches, quantity: int, *, conditional: bool, today: bool) -> bool:
    """A large B2B order at risk: cancellation, termination, a competitor or a penalty, for an order of 20
    bikes or more (50 of anything), or for a dealer, fleet or tender account under a condition or deadline;
    or a delivery of 10 bikes or more (20 of anything) lost or overdue with its day today or tomorrow; or a
    dealership, contract or partnership about to end."""
    risk = hits[lx.CANCEL_RISK]
    bikes = any(unit in hit.key for hit in hits[lx.QUANTITY] for unit in _BIKE_UNITS)
    asked = bool(hits[lx.CONDITIONAL]) and "?" in hits.text.original  # "if the contract ends, do we…?"
    if hits[lx.ACCOUNT_ENDING] and hits[lx.ACCOUNT] and not asked:
        return True  # the whole account: "bayiliği bırakıyoruz", "reconsidering the renewal of the fleet contract"
    if (
        hits[lx.SHIPMENT_LOST]
        and hits[lx.DAY_NEAR]
        and (quantity >= _LARGE_ORDER or (quantity >= _MEDIUM_ORDER and bikes))
    ):
        return True
    if not risk:
        return False
    account = uncovered(hits[lx.ACCOUNT], risk)
    large = quantity >= _VERY_LARGE_ORDER or (quantity >= _LARGE_ORDER and (bikes or bool(account)))
    pressing = bool(account) and conditional and (quantity == 0 or (quantity >= _MEDIUM_ORDER and today))
    return large or pressing
