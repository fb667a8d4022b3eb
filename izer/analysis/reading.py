"""Reading one text against the lexicon: category scores, flags and the words that matched.

:func:`read` is the rule analyzer's eyes: it finds the concepts of :mod:`analysis.lexicon` in a text
(safety risks, legal threats, stranded riders, purchase intent, complaint markers, questions…), scopes the
ones a nearby "if", "insurance" or "gibi" turns into a question or a figure of speech, and weighs the
rest into one score per category. :mod:`analysis.rules` decides the labels from readings of the message
and of its history.

The critical concepts (safety, legal threats, stranded riders, large B2B orders at risk) are found by
:mod:`analysis.hazards`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from izer.analysis import lexicon as lx
from izer.analysis.hazards import ends_well, framed, order_at_risk, recent, safety, stranded, threatens, unhedged
from izer.analysis.terms import Hit, Matches, close, unclaimed
from izer.analysis.text import Text, prepare
from izer.domain import Category

CATEGORY_ORDER: tuple[Category, ...] = ("complaint", "technical", "support", "sales", "inquiry")
"""Scored categories, in the order that breaks ties; ``general`` is what is left when none scores."""
COMPLAINT_OVERRIDE = 3.0
"""Complaint score (one strong word of dissatisfaction) that makes a complaint whatever the topic: "charged
twice ... unacceptable", "the chain still skips, really poor work"."""
INTENT_OVER_QUESTION = 3.0
"""Sales or support score that outweighs a plain question: "almayı düşünüyorum, taksit var mı?"."""
_NUDGE_MAX_TOKENS = 2
_PRICE_GRIEVANCE_WEIGHT = 1.5
_OWNERSHIP_WEIGHT = 1.5
_CAPPED_HITS = 2
_USAGE_WEIGHT = 1.5
_URL = re.compile(r"https?://|www\.|t\.me/|bit\.ly|wa\.me/|\.(?:com|net|org|io)\b", re.IGNORECASE)
_POSITIVE_EMOJI = frozenset("👍🙏😊🙂😀😃😄😁🥰😍❤♥💯🎉👏🤝☺🙌✅👌💪🌹🤗😇🥳⭐🌟✨")
_NEGATIVE_EMOJI = frozenset("😡🤬😤👎😠😞😢😭💔😩😫")
_SARCASM_EMOJI = frozenset("🙃🙄😒")
_JOKING_EMOJI = frozenset("😂😅🤣😆😜")
_SCARE_QUOTE = re.compile(r"(?:^|\s)['‘\"“]([^'’\"”\n]{2,24})['’\"”](?=[\s.,!?;:]|$)")
"""A word held at arm's length in quotes: "the 'fixed' gears", "a 'same-day' tune-up"."""


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


@lru_cache(maxsize=8192)
def read(raw: str) -> Reading:
    """Read one text (already stripped of injected instructions) against the lexicon."""
    text = prepare(raw)
    hits = Matches(text)

    def n(table: lx.Terms) -> int:
        return len(hits[table])

    hedges = hits[lx.HYPOTHETICAL] + hits[lx.FIGURATIVE]
    flags: set[str] = set()
    joking = n(lx.JOKING) > 0 or any(face in raw for face in _JOKING_EMOJI)
    questioned = "?" in raw or n(lx.QUESTION) > 0
    dangers, concern = safety(hits, joking=joking, asks=questioned)
    if dangers and not ends_well(dangers, hits, raw):
        flags.add("safety")
    elif concern:
        flags.add("safety_concern")
    if threatens(hits, raw):
        flags.add("legal")
    told = [] if joking else framed(recent(unhedged(hits[lx.STRANDED], hedges), hits), hits, asks=questioned)
    # "yolda kaldım 2 kere", "bu ay 3 kere yolda kaldım": a stranding counted is a fault that recurs
    counted = any(close(hit, hits[lx.TIMES_COUNTED], 3, 3) for hit in hits[lx.STRANDED])
    if not counted and (told or stranded(hits, asks=questioned)):
        flags.add("stranded")
    quantity = max((int(hit.key.split()[0]) for hit in hits[lx.QUANTITY]), default=0)
    no_rush = n(lx.NO_RUSH) > 0
    today_deadline = n(lx.TODAY) and n(lx.DEADLINE)
    if (n(lx.URGENT) or today_deadline) and not joking and not no_rush:
        flags.add("pressure")
    conditional = bool(n(lx.SOFT_RISK) or n(lx.CONDITIONAL) or n(lx.TODAY) or "pressure" in flags)
    if not no_rush and order_at_risk(hits, quantity, conditional=conditional, today=bool(today_deadline)):
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
        ("rental", lx.RENTAL),
        ("tour", lx.TOUR),
    ):
        if n(table):
            flags.add(name)
    gone = n(lx.MISSING_PERSON) or (n(lx.KIN) and n(lx.UNREACHABLE) and n(lx.AWAY_TOO_LONG))
    if gone and not (n(lx.DEFECT) or n(lx.BREAKDOWN) or n(lx.FIRE) or n(lx.ACCIDENT)):
        flags.add("missing")  # someone of the party gone, no bike at fault
    if n(lx.BLOCKING) and not n(lx.RIDEABLE) and (n(lx.PART) or n(lx.BIKE) or n(lx.POWER_PART)):
        flags.add("blocking")
    spam_score = 1.5 * n(lx.SPAM) + 0.5 * n(lx.SPAM_WEAK)
    if spam_score >= 3 or (_URL.search(raw) and spam_score >= 1.5):
        flags.add("spam")
        flags -= {"safety", "legal", "stranded", "b2b_at_risk"}  # an ad for accident lawyers reports no accident

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
    if n(lx.NOT_COMPLAINT):
        scores["complaint"] = max(scores["complaint"] - COMPLAINT_OVERRIDE * n(lx.NOT_COMPLAINT), 0.0)
    _weigh_signals(scores, hits, flags, quantity, raw)
    if n(lx.IRONY) and _SCARE_QUOTE.search(raw):
        flags.add("sarcasm")
        scores["complaint"] += COMPLAINT_OVERRIDE
    if flags & {"safety", "stranded"} and n(lx.SERVICE_BLAME):
        # A danger blamed on the shop's own work ("your mechanic didn't tighten the axle") is a complaint.
        flags.add("blame")
        scores["complaint"] += COMPLAINT_OVERRIDE
    strong_complaints = n(lx.COMPLAINT_STRONG) + n(lx.COMPLAINT_OUTRIGHT) + n(lx.DAMAGED_ON_ARRIVAL)
    if (n(lx.PRICE_GRIEVANCE) and not strong_complaints) or (n(lx.HEDGE) and strong_complaints <= 1):
        flags.add("mild")
    asks = flags & {"request", "question"}
    # A problem told as solved, with thanks ("geçen ay fren sorunu yaşamıştım, hemen çözdünüz, teşekkürler").
    solved = bool(n(lx.RESOLVED) and (n(lx.THANKS) or n(lx.POSITIVE))) and "?" not in raw and "safety" not in flags
    if solved and not unclaimed(hits[lx.RECURRENCE], hits[lx.POLITE_AGAIN]):
        scores["technical"] = min(scores["technical"], 1.0)
        if not strong_complaints:
            scores["complaint"] = 0.0  # "1 aydır tık yok, sorunsuz gidiyor": no grievance left
    calm = not asks and scores["complaint"] == 0 and (solved or not n(lx.DEFECT)) and not n(lx.URGENT)
    sharing = n(lx.SHARING) and not asks and scores["complaint"] == 0 and not n(lx.URGENT)
    if sharing and not flags & {"safety", "stranded", "legal"}:
        # "bacaklar koptu ama değdi, sadece paylaşmak istedim": a story told for its own sake asks for nothing.
        flags.add("praise")
        scores.update({name: min(value, 1.0) for name, value in scores.items()})
    elif calm and n(lx.POSITIVE) and max(scores.values()) < 3:
        flags.add("praise")
    elif calm and (n(lx.THANKS) or n(lx.WISHES)) and max(scores.values()) <= 3:
        flags.add("acknowledgement")
    theft = unhedged(hits[lx.THEFT], hedges)
    if theft and not close(theft[-1], hits[lx.RETRACTED], 0, 8):  # not "çaldılar... pardon, eşim almış"
        flags.add("theft")
        scores["support"] += 1.5
    if quantity >= 10 and (n(lx.SOFT_RISK) or (n(lx.SOON) and n(lx.NEEDED))) and scores["sales"] >= 3:
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
    usage = _USAGE_WEIGHT if n(lx.USAGE) and n(lx.PART) else 0.0
    scores["technical"] += (1.5 if n(lx.DEFECT) and n(lx.PART) else 0.0) + 3.0 * bool(failing) + 1.5 * part_fails
    scores["technical"] += usage
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
    starting: dict[int, list[tuple[str, float, Hit]]] = {}  # a hit covering another starts at most `longest` before
    for entry in weighed:
        starting.setdefault(entry[2].first, []).append(entry)
    longest = max((hit.last - hit.first for _, _, hit in weighed), default=0)
    for category, weight, hit in weighed:
        size = hit.last - hit.first
        covered = any(
            other_category != category
            and other.last >= hit.last
            and (other.last - other.first > size or (other.last - other.first == size and other_weight > weight))
            for first in range(hit.first - longest, hit.first + 1)
            for other_category, other_weight, other in starting.get(first, ())
        )
        if not covered:
            scores[category] += weight
    return scores
