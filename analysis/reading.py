"""Reading one text against the lexicon: category scores, flags and the words that matched.

:func:`read` is the rule analyzer's eyes: it finds the concepts of :mod:`analysis.lexicon` in a text
(safety risks, legal threats, stranded riders, purchase intent, complaint markers, questions…), scopes the
ones a nearby "if", "insurance" or "gibi" turns into a question or a figure of speech, and weighs the
rest into one score per category. :mod:`analysis.rules` decides the labels from readings of the message
and of its history.

Critical concepts are read as combinations, not phrases: a safety risk is a safety subject (a brake,
anything carrying current, the frame, a wheel, the rider's body, a vehicle) in one sentence with a sign of
failure or harm, in any tense; a stranded rider is a bike that cannot go on, somewhere far, dark or without
a ride, with the rider still there; a large B2B order at risk is a large order or a business account with a
cancellation, a competitor or a penalty. A new wording of either half still pairs with the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis import lexicon as lx
from analysis.text import Hit, Matches, Text, close, following, near, prepare, unclaimed, uncovered
from workflows.contracts import Category

CATEGORY_ORDER: tuple[Category, ...] = ("complaint", "technical", "support", "sales", "inquiry")
"""Scored categories, in the order that breaks ties; ``general`` is what is left when none scores."""
COMPLAINT_OVERRIDE = 4.0
"""Complaint score that makes a complaint whatever the topic: "charged twice ... unacceptable"."""
INTENT_OVER_QUESTION = 3.0
"""Sales or support score that outweighs a plain question: "almayı düşünüyorum, taksit var mı?"."""
_NUDGE_MAX_TOKENS = 2
_HYPOTHETICAL_BEFORE = 4
_HYPOTHETICAL_AFTER = 1
_PRICE_GRIEVANCE_WEIGHT = 1.5
_OWNERSHIP_WEIGHT = 1.5
_CAPPED_HITS = 2
_BRAKE_REACH = 6
_CONDITION_REACH = 6
_PART_REACH = 5
_VERB_REACH = 3
_BODY_REACH = 3
_VEHICLE_REACH = 6
_MEDIUM_ORDER = 10
_LARGE_ORDER = 20
_VERY_LARGE_ORDER = 50
_BIKE_UNITS = ("bisiklet", "bike", "scooter")
_URL = re.compile(r"https?://|www\.|t\.me/|bit\.ly|wa\.me/|\.(?:com|net|org|io)\b", re.IGNORECASE)
_POSITIVE_EMOJI = frozenset("👍🙏😊🙂😀😃😄😁🥰😍❤♥💯🎉👏🤝☺🙌✅👌💪🌹🤗😇🥳⭐🌟✨")
_NEGATIVE_EMOJI = frozenset("😡🤬😤👎😠😞😢😭💔😩😫")
_SARCASM_EMOJI = frozenset("🙃🙄😒")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the lexicon sees in one text: category scores, flags and the words that matched."""

    text: Text
    scores: dict[str, float]
    flags: frozenset[str]
    hits: tuple[Hit, ...]
    content_tokens: int

    @property
    def category(self) -> Category | None:
        return pick(self.scores)

    @property
    def strength(self) -> float:
        return max(self.scores.values())


def pick(scores: dict[str, float]) -> Category | None:
    """The best-scoring category (ties in :data:`CATEGORY_ORDER`), if any scores at least 1.

    Clear dissatisfaction makes a complaint whatever the topic: "charged twice ... unacceptable".
    """
    if scores["complaint"] >= COMPLAINT_OVERRIDE:
        return "complaint"
    best: Category = max(CATEGORY_ORDER, key=lambda name: scores[name])
    if best == "inquiry":
        # A plain question is the weakest intent: buying, or an order/booking of one's own, outweighs it
        # ("almayı düşünüyorum, taksit yapıyor musunuz? teslimat kaç gün?" is a sale).
        intent: Category = "sales" if scores["sales"] >= scores["support"] else "support"
        if scores[intent] >= INTENT_OVER_QUESTION:
            return intent
    return best if scores[best] >= 1 else None


def emoji_mood(text: str) -> str:
    """``sarcasm``, ``negative``, ``positive`` or ``""``, from the emoji of ``text``."""
    chars = set(text)
    if chars & _SARCASM_EMOJI:
        return "sarcasm"
    if chars & _NEGATIVE_EMOJI:
        return "negative"
    if chars & _POSITIVE_EMOJI:
        return "positive"
    return ""


def keywords(reading: Reading, limit: int = 8) -> list[str]:
    """Up to ``limit`` words or phrases of the message: matched domain terms first, then content words."""
    text = reading.text
    used: set[int] = set()
    chosen: list[tuple[int, str]] = []
    for hit in sorted(reading.hits, key=lambda hit: (hit.first, -hit.last)):
        span = range(hit.first, hit.last + 1)
        if used.intersection(span):
            continue
        used.update(span)
        words = [text.words[index] for index in span if text.keys[index] not in lx.STOPWORDS]
        phrase = " ".join(dict.fromkeys(words))
        if phrase:
            chosen.append((hit.first, phrase))
    for index, key in enumerate(text.keys):
        if index in used or key in lx.STOPWORDS or len(key) < 3 or key.isdigit():
            continue
        used.add(index)
        chosen.append((index + len(text.keys), text.words[index]))
    result = list(dict.fromkeys(phrase for _, phrase in sorted(chosen)))
    return result[:limit]


def _real(found: list[Hit], hedges: list[Hit]) -> list[Hit]:
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


def _safety(hits: Matches, *, joking: bool) -> tuple[list[Hit], bool]:
    """The evidence of a safety risk, and whether there is a milder safety concern.

    Evidence is a safety subject paired with a sign of failure or harm in one sentence (brakes that do not
    brake, current with smoke or heat, a frame or wheel giving way, a body part hurt, a vehicle striking the
    rider), a tyre or a wheel failing while moving, or an event told outright (a fall, an ambulance). A sign
    scoped by "if", "sigorta" or "-mazsa" is a question, not an event; an event "last year" is history.
    """
    text = hits.text
    conditions = hits[lx.CONDITIONAL] + hits[lx.FIGURATIVE]
    failing, mild = _mechanical(hits, conditions)
    evidence = failing + _scoped(_fire(hits) + _harm(hits, bool(failing or mild)), conditions, text)
    hedges = hits[lx.HYPOTHETICAL] + hits[lx.FIGURATIVE]
    if "🔥" not in text.original or hits[lx.POWER]:
        evidence += _real(hits[lx.FIRE], hedges)  # "kampanya alev aldı 🔥" is hype, not a fire
    care = unclaimed(hits[lx.CARE] + hits[lx.INJURY], hits[lx.CARE_OTHER_SENSE])
    events = _real(hits[lx.ACCIDENT], hedges) + hits[lx.CRASH_GEAR]
    evidence += _scoped(events, conditions, text) + hits[lx.ACCIDENT_EVENT] + hits[lx.RUNAWAY]
    evidence += unclaimed(care + hits[lx.RIDER_FALL], hits[lx.FALL_OTHER_SENSE]) + hits[lx.NEAR_MISS]
    if hits[lx.DEFECT] or hits[lx.BREAKDOWN] or failing or mild:
        evidence += hits[lx.DANGER]
    if not joking:
        evidence += hits[lx.MORTAL_DANGER]
    if hits[lx.LONG_AGO]:
        # "I had a crash last year" is history; "the brake failed again, like last week" is not, nor is a
        # crash told far from "geçen ay aldığım bisiklet".
        evidence = [
            hit
            for hit in evidence
            if not close(hit, hits[lx.LONG_AGO], _BRAKE_REACH, _BRAKE_REACH)
            or close(hit, hits[lx.RECURRENCE], _PART_REACH, _PART_REACH)
        ]
    return evidence, bool(mild or hits[lx.BRAKE_WEAK])


def _mechanical(hits: Matches, conditions: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Brakes that do not brake, a frame, steering or wheel giving way, a tyre bursting while moving: the
    failures, and the milder ones a degree word softens ("tam tutmuyor", "a bit loose") or that arrived so
    in the box."""
    text = hits.text
    brakes = uncovered(hits[lx.BRAKE], hits[lx.NOT_BRAKE])
    failing = _brake_signs(hits, brakes) + hits[lx.BRAKE_FAILURE]
    if brakes:
        failing += following(unclaimed(hits[lx.REFUSED], hits[lx.NOT_FAILURE]), brakes, text, _VERB_REACH)
    failing += hits.paired(lx.STOP_FAILURE, brakes + hits[lx.BIKE], None)
    parts = hits.paired(lx.FRAME_SIGN, hits[lx.FRAME], _PART_REACH) + hits[lx.STRUCTURE_FAILURE]
    parts += hits.paired(lx.WHEEL_SIGN, hits[lx.WHEEL], _PART_REACH)
    failing = _scoped(failing + parts, conditions, text)
    moving = bool(hits[lx.RIDING] or hits[lx.LOST_CONTROL] or hits[lx.RIDER_FALL])
    mild = [hit for hit in failing if _softened(hit, hits)]
    if not moving and hits[lx.DELIVERED]:
        mild += [hit for hit in failing if hit in parts]
    failing = [hit for hit in failing if hit not in mild]
    if moving:
        failing += _scoped(hits.paired(lx.WHEEL_LOCK, hits[lx.WHEEL], _PART_REACH), conditions, text)
        failing += _scoped(hits.paired(lx.TYRE_SIGN, hits[lx.TYRE], _PART_REACH), conditions, text)
    return failing, mild


def _brake_signs(hits: Matches, brakes: list[Hit]) -> list[Hit]:
    """Signs of a brake not braking that belong to a brake: in its sentence, at most :data:`_BRAKE_REACH` words
    away (anywhere in the sentence when "hiç" or "tamamen" makes the sign total), with no other part named in
    between ("fren balatası değişti ama vites tutmuyor" is about the gears)."""
    if not brakes:
        return []
    text = hits.text
    # Other parts, leaving out the ones a brake word names ("brake cable", "fren kolu", "fren hortumu").
    others = [part for part in unclaimed(hits[lx.PART], brakes) if not close(part, brakes, 1, 0)]

    def belongs(sign: Hit, brake: Hit) -> bool:
        reach = None if close(sign, hits[lx.STRONG], 2, 1) else _BRAKE_REACH
        low, high = min(brake.last, sign.last), max(brake.first, sign.first)
        between = any(low < other.first and other.last < high for other in others)
        return bool(near([sign], [brake], text, reach)) and not between

    return [sign for sign in hits[lx.BRAKE_SIGN] if any(belongs(sign, brake) for brake in brakes)]


def _fire(hits: Matches) -> list[Hit]:
    """Smoke, heat, swelling, leaking or sparks from something that carries current, unless denied ("duman
    yok") or said of an indicator light ("şarj aleti kırmızı yanıyor")."""
    signs = hits.paired(lx.FIRE_SIGN, hits[lx.POWER], None)
    return [hit for hit in signs if not _negated(hit, hits) and not close(hit, hits[lx.LIGHT], 2, 2)]


def _harm(hits: Matches, failing: bool) -> list[Hit]:
    """A body part hurt (pain only after a fall or a crash), a vehicle striking the rider, a motor driving on
    by itself, a hospital after any of these."""
    body = uncovered(hits[lx.BODY], hits[lx.NOT_BRAKE])
    harm = hits.paired(lx.HARM, body, _BODY_REACH)
    incident = unclaimed(hits[lx.INCIDENT], hits[lx.FALL_OTHER_SENSE])
    if incident:
        harm += hits.paired(lx.ACHE, body, _BODY_REACH)
    harm += hits.paired(lx.IMPACT, hits[lx.VEHICLE], _VEHICLE_REACH)
    harm += hits.paired(lx.RUNAWAY_SIGN, hits[lx.RUNAWAY_PART] + hits[lx.BIKE], None)
    if harm or incident or hits[lx.VEHICLE] or failing:
        harm += hits[lx.HOSPITAL]
    return harm


def _scoped(found: list[Hit], conditions: list[Hit], text: Text) -> list[Hit]:
    """The hits of ``found`` that no condition scopes: a condition scopes the rest of its clause, up to
    :data:`_CONDITION_REACH` words ("if my battery ever catches fire"), and the word it is glued to or the
    next one ("fren tutmazsa", "kaza olursa")."""

    def scopes(condition: Hit, hit: Hit) -> bool:
        if text.clauses[condition.first] != text.clauses[hit.first]:
            return False
        return hit.first - _CONDITION_REACH <= condition.last and condition.first <= hit.last + 1

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


def _ends_well(dangers: list[Hit], hits: Matches, raw: str) -> bool:
    """A past incident told with thanks and a happy end, asking nothing ("geçen ayki kazadan sonra bisikleti
    toparlamışsınız, ben de iyileştim, teşekkürler"): not an emergency. The end must come after every danger
    word, so "thanks, fixed last week, but today the brakes failed again" stays critical."""
    resolved = hits[lx.RESOLVED]
    grateful = hits[lx.THANKS] or hits[lx.POSITIVE]
    again = unclaimed(hits[lx.RECURRENCE], hits[lx.POLITE_AGAIN])
    if not resolved or not grateful or "?" in raw or again or hits[lx.URGENT]:
        return False
    return max(hit.last for hit in dangers) < max(hit.first for hit in resolved)


def _threatens(hits: Matches, raw: str) -> bool:
    """A legal or official escalation named as a threat or a step taken: not a lawyer buying bikes for the
    office, and not "tüketici haklarına göre iade hakkım var mı?", which asks what the rights are."""
    legal = uncovered(hits[lx.LEGAL], hits[lx.LEGAL_OTHER_SENSE])
    if legal and hits[lx.RIGHTS_QUESTION] and "?" in raw:
        asked = {hits.text.sentences[hit.first] for hit in hits[lx.RIGHTS_QUESTION]}
        legal = [hit for hit in legal if hits.text.sentences[hit.first] not in asked]
    return bool(legal)


def _stranded(hits: Matches) -> bool:
    """A bike that cannot go on (a breakdown, an empty battery, a burst tyre), somewhere far, dark or without
    a ride, with the rider still there or alone, with children or in the rain; not once they got home."""

    immobile = hits[lx.BREAKDOWN] + hits.paired(lx.DEPLETED, hits[lx.POWER], _BODY_REACH)
    immobile += hits.paired(lx.TYRE_SIGN, hits[lx.TYRE], _PART_REACH)
    if not _scoped(immobile, hits[lx.CONDITIONAL], hits.text) or hits[lx.GOT_HOME]:
        return False
    places = [bool(hits[table]) for table in (lx.FAR_AWAY, lx.NIGHT, lx.NO_TRANSPORT)]
    here, company = bool(hits[lx.PRESENT_PLACE]), bool(hits[lx.COMPANY])
    return (any(places) and (here or company or sum(places) >= 2)) or (here and company)


def _order_at_risk(hits: Matches, quantity: int, *, conditional: bool, today: bool) -> bool:
    """A large B2B order at risk: cancellation, termination, a competitor or a penalty, for an order of 20
    bikes or more (50 of anything), or for a dealer, fleet or tender account under a condition or deadline."""
    risk = hits[lx.CANCEL_RISK]
    if not risk:
        return False
    bikes = any(unit in hit.key for hit in hits[lx.QUANTITY] for unit in _BIKE_UNITS)
    account = uncovered(hits[lx.ACCOUNT], risk)
    large = quantity >= _VERY_LARGE_ORDER or (quantity >= _LARGE_ORDER and (bikes or bool(account)))
    pressing = bool(account) and conditional and (quantity == 0 or (quantity >= _MEDIUM_ORDER and today))
    return large or pressing


@lru_cache(maxsize=8192)
def read(raw: str) -> Reading:
    """Read one text (already stripped of injected instructions) against the lexicon."""
    text = prepare(raw)
    hits = Matches(text)

    def n(table: lx.Terms) -> int:
        return len(hits[table])

    hedges = hits[lx.HYPOTHETICAL] + hits[lx.FIGURATIVE]
    flags: set[str] = set()
    joking = n(lx.JOKING) > 0 or "😅" in raw or "😂" in raw
    dangers, concern = _safety(hits, joking=joking)
    if dangers and not _ends_well(dangers, hits, raw):
        flags.add("safety")
    elif concern:
        flags.add("safety_concern")
    if _threatens(hits, raw):
        flags.add("legal")
    if _real(hits[lx.STRANDED], hedges) or _stranded(hits):
        flags.add("stranded")
    quantity = max((int(hit.key.split()[0]) for hit in hits[lx.QUANTITY]), default=0)
    no_rush = n(lx.NO_RUSH) > 0
    today_deadline = n(lx.TODAY) and n(lx.DEADLINE)
    if (n(lx.URGENT) or today_deadline) and not joking and not no_rush:
        flags.add("pressure")
    conditional = bool(n(lx.SOFT_RISK) or n(lx.CONDITIONAL) or n(lx.TODAY) or "pressure" in flags)
    if not no_rush and _order_at_risk(hits, quantity, conditional=conditional, today=bool(today_deadline)):
        flags.add("b2b_at_risk")
    for name, table in (
        ("no_rush", lx.NO_RUSH),
        ("followup", lx.FOLLOWUP),
        ("recurrence", lx.RECURRENCE),
        ("repeat_ordinal", lx.REPEAT_ORDINAL),
        ("double_charge", lx.DOUBLE_CHARGE),
        ("wrong_number", lx.WRONG_NUMBER),
        ("job", lx.JOB),
        ("thanks", lx.THANKS),
        ("wishes", lx.WISHES),
        ("positive", lx.POSITIVE),
        ("greeting", lx.GREETING),
        ("closing", lx.CLOSING),
        ("resolved", lx.RESOLVED),
    ):
        if n(table):
            flags.add(name)
    if n(lx.BLOCKING) and not n(lx.RIDEABLE) and (n(lx.PART) or n(lx.BIKE) or n(lx.POWER_PART)):
        flags.add("blocking")
    spam_score = 1.5 * n(lx.SPAM) + 0.5 * n(lx.SPAM_WEAK)
    if spam_score >= 3 or (_URL.search(raw) and spam_score >= 1.5):
        flags.add("spam")

    filler = {i for table in lx.FILLER_TABLES for hit in hits[table] for i in range(hit.first, hit.last + 1)}
    content = sum(1 for i, key in enumerate(text.keys) if i not in filler and key not in lx.STOPWORDS)
    if content == 0 and "?" in raw and len(text.keys) <= _NUDGE_MAX_TOKENS:
        flags.add("nudge")
    if n(lx.TEST) and not raw.count("?"):
        testing = {
            i for table in (lx.TEST, lx.TEST_FILLER) for hit in hits[table] for i in range(hit.first, hit.last + 1)
        }
        if all(i in testing or key in lx.STOPWORDS for i, key in enumerate(text.keys)):
            flags.add("test")
    if n(lx.QUESTION) or "?" in raw:
        flags.add("question")
    if n(lx.REQUEST):
        flags.add("request")
    scores = _category_scores(hits)
    _weigh_signals(scores, hits, flags, quantity, raw)
    strong_complaints = n(lx.COMPLAINT_STRONG) + n(lx.COMPLAINT_OUTRIGHT) + n(lx.DAMAGED_ON_ARRIVAL)
    if (n(lx.PRICE_GRIEVANCE) and not strong_complaints) or (n(lx.HEDGE) and strong_complaints <= 1):
        flags.add("mild")
    asks = flags & {"request", "question"}
    calm = not asks and scores["complaint"] == 0 and not n(lx.DEFECT) and not n(lx.URGENT)
    if calm and n(lx.POSITIVE) and max(scores.values()) < 3:
        flags.add("praise")
    elif calm and (n(lx.THANKS) or n(lx.WISHES)) and max(scores.values()) <= 3:
        flags.add("acknowledgement")
    if _real(hits[lx.THEFT], hedges):
        flags.add("theft")
        scores["support"] += 1.5
    if quantity >= 10 and n(lx.SOFT_RISK) and scores["sales"] >= 3:
        flags.add("b2b_order_pressure")
    if n(lx.PART):
        flags.add("part")
    if n(lx.INQUIRY):
        flags.add("information_topic")
    keyword_hits = tuple(hit for table in lx.KEYWORD_TABLES for hit in hits[table])
    return Reading(text, scores, frozenset(flags), keyword_hits, content)


def _weigh_signals(
    scores: dict[str, float],
    hits: dict[lx.Terms, list[Hit]],
    flags: set[str],
    quantity: int,
    raw: str,
) -> None:
    """Add what the flags say to the word scores: a legal threat is a complaint, a failing brake a defect,
    a quantity a sale; and a question that names prices or payment without wanting to buy asks for
    information (README: "inquiry: … general prices, policies")."""

    def n(table: lx.Terms) -> int:
        return len(hits[table])

    mood = emoji_mood(raw)
    scores["complaint"] += 4.0 * ("legal" in flags) + (1.5 if mood == "sarcasm" else 0.0)
    scores["complaint"] += _PRICE_GRIEVANCE_WEIGHT * min(n(lx.PRICE_GRIEVANCE), _CAPPED_HITS)
    failing = bool(flags & {"safety", "safety_concern"})
    part_fails = n(lx.PART) and n(lx.NEGATED_VERB) and not n(lx.DEFECT)
    scores["technical"] += (1.5 if n(lx.DEFECT) and n(lx.PART) else 0.0) + 3.0 * bool(failing) + 1.5 * part_fails
    scores["sales"] += (2.0 if quantity >= 5 else 0.0) + (1.0 if quantity >= 5 and n(lx.B2B) else 0.0)
    if "question" in flags and not (n(lx.SALES_STRONG) or n(lx.SPECIFIC_ITEM)) and quantity < 2:
        scores["inquiry"] += scores["sales"]
        scores["sales"] = 0.0
    if (n(lx.DEFECT) or part_fails) and not n(lx.SUPPORT):
        # "bisikletimde vites boşa düşüyor": a defect of one's own bike is technical, not an order matter.
        scores["support"] = max(scores["support"] - _OWNERSHIP_WEIGHT * n(lx.OWNERSHIP), 0.0)
    scores["inquiry"] += 0.5 if "question" in flags else 0.0
    if scores["inquiry"] and not (n(lx.OWNERSHIP) or n(lx.REQUEST) or "double_charge" in flags):
        # Support is help with something of one's own; "how long is the warranty on e-bikes?" asks a policy.
        scores["support"] /= 2


_SCORED: tuple[tuple[str, lx.Terms, float], ...] = (
    ("complaint", lx.COMPLAINT_STRONG, 3.0),
    ("complaint", lx.COMPLAINT_OUTRIGHT, 4.0),
    ("complaint", lx.DAMAGED_ON_ARRIVAL, 4.0),
    ("complaint", lx.COMPLAINT_WEAK, 1.0),
    ("complaint", lx.REPEAT_ORDINAL, 2.0),
    ("technical", lx.DEFECT, 1.5),
    ("technical", lx.BLOCKING, 1.0),
    ("technical", lx.PART, 0.25),
    ("support", lx.SUPPORT, 1.5),
    ("support", lx.OWNERSHIP, _OWNERSHIP_WEIGHT),
    ("support", lx.DOUBLE_CHARGE, 2.0),
    ("sales", lx.SALES_STRONG, 3.0),
    ("sales", lx.SALES, 0.5),
    ("sales", lx.B2B, 0.5),
    ("inquiry", lx.INQUIRY, 1.5),
    ("inquiry", lx.INQUIRY_GENERIC, 1.0),
    ("inquiry", lx.RENTAL, 0.5),
)


def _category_scores(hits: dict[lx.Terms, list[Hit]]) -> dict[str, float]:
    """Weigh the category tables' hits; a hit inside a longer (or heavier) hit of another category is
    not counted, so "ödeme hazır" (payment ready: buying) does not also count "ödeme" (payment: support)."""
    weighed = [
        (category, weight, hit)
        for category, table, weight in _SCORED
        for hit in (hits[table][:_CAPPED_HITS] if table in (lx.PART, lx.B2B) else hits[table])
    ]
    scores: dict[str, float] = dict.fromkeys(CATEGORY_ORDER, 0.0)
    for category, weight, hit in weighed:
        size = hit.last - hit.first
        covered = any(
            other_category != category
            and other.first <= hit.first
            and other.last >= hit.last
            and (other.last - other.first > size or (other.last - other.first == size and other_weight > weight))
            for other_category, other_weight, other in weighed
        )
        if not covered:
            scores[category] += weight
    return scores
