"""The Turkish-first rule analyzer: deterministic labels from the message, read in the light of its history.

``analyze`` never calls out and takes well under a millisecond. It reads the current message (after
dropping any instruction aimed at a classifier), weighs domain vocabulary into category scores, looks for
the things that make a message critical (safety, legal threats, stranded customers, large B2B orders at
risk, repeated unanswered complaints), and uses the history for follow-ups ("hala cevap yok??"), closings
("tamam teşekkürler") and short replies that only make sense in context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from analysis import lexicon as lx
from analysis.text import Hit, Text, fold, prepare, strip_injection
from workflows.contracts import (
    PRIORITY_RANK,
    PRIORITY_RESPONSE_TIME,
    Analysis,
    Category,
    IncomingMessage,
    Priority,
    ResponseTime,
    Sentiment,
)

DEFAULT_BUSINESS_SENDERS: tuple[str, ...] = ("İzer", "İzmir Merkez")
"""History senders that are İzer itself: ``İzer``, ``İzer Servis - Onur``, ``İzmir Merkez - Levent``."""

URGENCY_BANDS: dict[str, tuple[int, int]] = {"critical": (8, 10), "high": (5, 9), "normal": (2, 7), "low": (1, 5)}
CRITICAL_SIGNALS = frozenset({"safety", "legal", "stranded", "b2b_at_risk", "repeated_unanswered_complaint"})

_CATEGORY_ORDER: tuple[Category, ...] = ("complaint", "technical", "support", "sales", "inquiry")
_BASE_PRIORITY: dict[str, Priority] = {
    "complaint": "high",
    "technical": "normal",
    "support": "normal",
    "sales": "normal",
    "inquiry": "low",
    "general": "low",
}
_MEDIA = re.compile(r"^\s*[\[<(]\s*(audio|voice|voice note|ses|sesli mesaj|ptt|image|photo|video|document)"
                    r"[^\]>)]*[\]>)]\s*$", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|t\.me/|bit\.ly|wa\.me/|\.(?:com|net|org|io)\b", re.IGNORECASE)
_POSITIVE_EMOJI = frozenset("👍🙏😊🙂😀😃😄😁🥰😍❤♥💯🎉👏🤝☺🙌✅👌💪🌹🤗😇🥳⭐🌟✨")
_NEGATIVE_EMOJI = frozenset("😡🤬😤👎😠😞😢😭💔😩😫")
_SARCASM_EMOJI = frozenset("🙃🙄😒")
_FOLLOWUP_GAP = timedelta(minutes=30)
_COMPLAINT_OVERRIDE = 4.0
_NUDGE_MAX_TOKENS = 2
_KEYWORD_TABLES = (
    lx.FIRE, lx.HEAT, lx.BRAKE_FAILURE, lx.STRUCTURE_FAILURE, lx.INJURY, lx.STRANDED, lx.LEGAL,
    lx.COMPLAINT_STRONG, lx.DOUBLE_CHARGE, lx.BLOCKING, lx.DEFECT, lx.PART, lx.QUANTITY, lx.SALES_STRONG,
    lx.SUPPORT, lx.SALES, lx.INQUIRY, lx.RENTAL, lx.COMPLAINT_WEAK, lx.URGENT, lx.NO_RUSH, lx.SPAM,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the lexicon sees in one text: category scores, flags and the words that matched."""

    text: Text
    scores: dict[str, float]
    flags: frozenset[str]
    hits: tuple[Hit, ...]
    content_tokens: int
    quantity: int

    @property
    def category(self) -> Category | None:
        return _pick(self.scores)

    @property
    def strength(self) -> float:
        return max(self.scores.values())


@dataclass(frozen=True, slots=True)
class Thread:
    """The history as it bears on the current message."""

    scores: dict[str, float]
    unanswered: int
    unanswered_complaint: bool
    waiting: bool
    answered: bool
    blocking: bool

    @property
    def category(self) -> Category | None:
        return _pick(self.scores)


def _pick(scores: dict[str, float]) -> Category | None:
    """The best-scoring category (ties in order complaint, technical, support, sales, inquiry), if any.

    Clear dissatisfaction makes a complaint whatever the topic: "charged twice ... unacceptable".
    """
    if scores["complaint"] >= _COMPLAINT_OVERRIDE:
        return "complaint"
    best = max(_CATEGORY_ORDER, key=lambda name: scores[name])
    return best if scores[best] >= 1 else None


def analyze(message: IncomingMessage, *, business_senders: Sequence[str] = DEFAULT_BUSINESS_SENDERS) -> Analysis:
    """Label ``message`` with the rules: every label filled, plus ``signals`` saying why."""
    text, injected = strip_injection(message.current_message)
    reading = read(text)
    thread = _thread(message, tuple(fold(name).strip() for name in business_senders))
    signals: list[str] = ["injection"] if injected else []
    if message.is_group:
        signals.append("group")
    media = _MEDIA.match(message.current_message) or message.message_type in ("audio", "voice", "image", "video")
    if media:
        kind = "audio" if message.message_type in ("audio", "voice") or _is_audio(message.current_message) else "media"
        category = thread.category or "general"
        return _finish(message, reading, category, "normal", "neutral", True, [*signals, kind], base_urgency=4)
    return _classify(message, reading, thread, signals)


def _classify(message: IncomingMessage, reading: Reading, thread: Thread, signals: list[str]) -> Analysis:
    flags = reading.flags
    signals.extend(sorted(flags & CRITICAL_SIGNALS))
    if "spam" in flags:
        return _finish(message, reading, "general", "low", "neutral", False, [*signals, "spam"], base_urgency=1)
    if "wrong_number" in flags or "test" in flags:
        signal = "wrong_number" if "wrong_number" in flags else "test"
        return _finish(message, reading, "general", "low", "neutral", False, [*signals, signal], base_urgency=1)
    if not reading.content_tokens and not (flags & CRITICAL_SIGNALS):
        short = _short_message(message, reading, thread, signals)
        if short is not None:
            return short

    category: Category | None = reading.category
    if category != "complaint" and flags & {"b2b_at_risk", "b2b_order_pressure"}:
        category = "sales"
    if reading.strength < 2 and thread.category is not None and category != "complaint":
        weight = 1.0 if reading.content_tokens <= 4 else 0.5
        blended = {name: value + weight * thread.scores[name] for name, value in reading.scores.items()}
        category = _pick(blended) or category
    if category is not None and category != "complaint" and "praise" in flags:
        category = "general"
    if category is None:
        if "followup" in flags:
            category = "support"
        elif "safety" in flags or "stranded" in flags:
            category = "technical"
        elif "legal" in flags:
            category = "complaint"
        else:
            category = "general"

    priority: Priority = _BASE_PRIORITY[category]
    if category == "complaint" and reading.scores["complaint"] < 3:
        priority = "normal"
    sentiment: Sentiment = "negative" if category == "complaint" else "neutral"
    pressure = "pressure" in flags
    if pressure and category in ("sales", "support", "technical", "complaint"):
        priority, sentiment = _raise(priority, "high"), "urgent" if category != "complaint" else sentiment
    elif pressure and category == "general":
        priority = _raise(priority, "normal")
    if "b2b_order_pressure" in flags:
        priority, sentiment = _raise(priority, "high"), "urgent"
        signals.append("b2b_order_pressure")
    if "double_charge" in flags:
        priority = _raise(priority, "high")
        sentiment = "negative" if category == "complaint" else "urgent"
    if "blocking" in flags and category == "technical":
        priority, sentiment = _raise(priority, "high"), "negative" if sentiment == "neutral" else sentiment
    if "recurrence" in flags and thread.blocking and reading.strength < 2:
        priority, sentiment = _raise(priority, "high"), "negative"
        signals.append("recurring_defect")
    if "brake_partial" in flags:
        priority = _raise(priority, "high")
        signals.append("brake_issue")
    if thread.unanswered and thread.waiting and ("followup" in flags or category == "complaint"):
        if thread.unanswered_complaint or category == "complaint":
            priority = "critical"
            signals.append("repeated_unanswered_complaint")
        else:
            priority = _raise(priority, "high")
        sentiment = "negative" if sentiment == "neutral" else sentiment
        signals.append("followup_unanswered")
    elif "followup" in flags:
        sentiment = "negative" if sentiment == "neutral" else sentiment
        signals.append("followup")
    if flags & CRITICAL_SIGNALS:
        priority = "critical"
        if category != "complaint":
            sentiment = "urgent"
    if "no_rush" in flags and not flags & {"safety", "legal", "stranded"} and priority != "critical":
        priority, sentiment = "low", "neutral"
        signals.append("no_rush")
    if sentiment == "neutral" and _positivity(reading) >= 2:
        sentiment = "positive"
    if category == "general" and sentiment == "neutral" and flags & {"thanks", "wishes", "positive"}:
        sentiment = "positive"
    action = True
    if category == "general" and priority == "low" and not reading.text.original.count("?"):
        action = not (flags & {"thanks", "wishes", "positive"}) or "pressure" in flags
    if pressure:
        signals.append("time_pressure")
    if "blocking" in flags:
        signals.append("blocking")
    return _finish(message, reading, category, priority, sentiment, action, signals)


def _short_message(message: IncomingMessage, reading: Reading, thread: Thread, signals: list[str]) -> Analysis | None:
    """Messages without content words: ``?``, ``👍``, ``ok``, ``tamam teşekkürler``, ``merhaba``."""
    flags = reading.flags
    original = reading.text.original
    if "nudge" in flags:
        if thread.unanswered and thread.category is not None:
            critical = thread.unanswered_complaint
            return _finish(
                message, reading, thread.category, "critical" if critical else "high", "negative", True,
                [*signals, "followup_unanswered", *(["repeated_unanswered_complaint"] if critical else [])],
            )
        category = thread.category or "general"
        priority: Priority = "normal" if thread.category else "low"
        return _finish(message, reading, category, priority, "neutral", True, [*signals, "question_only"])
    if flags & {"thanks", "closing", "wishes", "positive"} or _emoji_mood(original) == "positive":
        extra = ["closing_after_answer"] if thread.answered else ["closing"]
        if not reading.text.keys:
            extra.append("emoji_only")
        return _finish(message, reading, "general", "low", "positive" if _positive_closing(reading) else "neutral",
                       False, [*signals, *extra], base_urgency=1)
    if "greeting" in flags:
        return _finish(message, reading, "general", "low", "neutral", not message.is_group, [*signals, "greeting"])
    if not reading.text.keys:
        mood = _emoji_mood(original)
        if mood == "negative" or mood == "sarcasm":
            category = thread.category or "general"
            return _finish(message, reading, category, "normal", "negative", True, [*signals, "emoji_only"])
        if original.strip():
            return _finish(message, reading, "general", "low", "neutral", False, [*signals, "emoji_only"],
                           base_urgency=1)
        return _finish(message, reading, "general", "low", "neutral", False, [*signals, "empty"], base_urgency=1)
    return None


def _finish(
    message: IncomingMessage,
    reading: Reading,
    category: Category,
    priority: Priority,
    sentiment: Sentiment,
    action: bool,
    signals: list[str],
    *,
    base_urgency: int | None = None,
) -> Analysis:
    response: ResponseTime = PRIORITY_RESPONSE_TIME[priority]  # type: ignore[assignment]
    return Analysis(
        urgency_score=_urgency(priority, category, reading, signals, base_urgency),
        category=category,
        sentiment=sentiment,
        keywords=keywords(reading),
        priority_level=priority,
        action_required=action or priority in ("critical", "high"),
        recommended_response_time=response,
        analyzer="rules",
        signals=list(dict.fromkeys(signals)),
    )


def _urgency(priority: Priority, category: str, reading: Reading, signals: list[str], base: int | None) -> int:
    low, high = URGENCY_BANDS[priority]
    if priority == "critical":
        value = 10 if len(set(signals) & CRITICAL_SIGNALS) > 1 or "pressure" in reading.flags else 9
    elif priority == "high":
        strong = {"time_pressure", "repeated_unanswered_complaint"} & set(signals) or "double_charge" in reading.flags
        mild = {"followup_unanswered", "blocking", "recurring_defect", "brake_issue"} & set(signals)
        value = 8 if strong else 6 if mild and category != "complaint" else 7
    elif priority == "normal":
        value = base if base is not None else 5 if category in ("sales", "technical", "complaint") else 4
    else:
        value = base if base is not None else 2
    return min(max(value, low), high)


def _raise(current: Priority, floor: Priority) -> Priority:
    return floor if PRIORITY_RANK[floor] < PRIORITY_RANK[current] else current


def _positivity(reading: Reading) -> int:
    """Warmth beyond politeness: a formal "şimdiden teşekkürler, iyi çalışmalar" scores 0, "Teşekkürler 🙂" 2."""
    flags = reading.flags
    mood = _emoji_mood(reading.text.original)
    if mood in ("negative", "sarcasm"):
        return 0
    warm = mood == "positive" or "!" in reading.text.original
    score = ("positive" in flags) + (mood == "positive")
    score += ("thanks" in flags) + ("positive" in flags) if warm else 0
    return score


def _positive_closing(reading: Reading) -> bool:
    return bool(reading.flags & {"thanks", "wishes", "positive"}) or _emoji_mood(reading.text.original) == "positive"


def _emoji_mood(text: str) -> str:
    chars = set(text)
    if chars & _SARCASM_EMOJI:
        return "sarcasm"
    if chars & _NEGATIVE_EMOJI:
        return "negative"
    if chars & _POSITIVE_EMOJI:
        return "positive"
    return ""


def _is_audio(text: str) -> bool:
    lowered = fold(text)
    return any(word in lowered for word in ("audio", "voice", "ses", "ptt"))


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
    hits = {table: table.hits(text) for table in lx.READ_TABLES}

    def n(table: lx.Terms) -> int:
        return len(hits[table])

    flags: set[str] = set()
    hypothetical = n(lx.HYPOTHETICAL) > 0
    fire = n(lx.FIRE) or (n(lx.HEAT) and n(lx.POWER_PART) and not n(lx.LIGHT))
    brake = n(lx.BRAKE_FAILURE) and not n(lx.PARTIAL)
    if fire or brake or n(lx.STRUCTURE_FAILURE) or n(lx.RUNAWAY) or (n(lx.INJURY) and not hypothetical):
        flags.add("safety")
    elif n(lx.BRAKE_FAILURE):
        flags.add("brake_partial")
    if n(lx.LEGAL):
        flags.add("legal")
    if n(lx.STRANDED) or (n(lx.BREAKDOWN) and n(lx.FAR_AWAY)):
        flags.add("stranded")
    quantity = max((int(hit.key.split()[0]) for hit in hits[lx.QUANTITY]), default=0)
    joking = n(lx.JOKING) > 0 or "😅" in raw or "😂" in raw
    no_rush = n(lx.NO_RUSH) > 0
    today_deadline = n(lx.TODAY) and n(lx.DEADLINE)
    if (n(lx.URGENT) or today_deadline) and not joking and not no_rush:
        flags.add("pressure")
    if n(lx.CANCEL_RISK) and (quantity >= 50 or (n(lx.B2B) and quantity >= 10 and today_deadline)):
        flags.add("b2b_at_risk")
    for name, table in (
        ("no_rush", lx.NO_RUSH), ("followup", lx.FOLLOWUP), ("recurrence", lx.RECURRENCE),
        ("double_charge", lx.DOUBLE_CHARGE), ("wrong_number", lx.WRONG_NUMBER), ("thanks", lx.THANKS),
        ("wishes", lx.WISHES), ("positive", lx.POSITIVE), ("greeting", lx.GREETING), ("closing", lx.CLOSING),
    ):
        if n(table):
            flags.add(name)
    if n(lx.BLOCKING) and not n(lx.RIDEABLE):
        flags.add("blocking")
    spam_score = 1.5 * n(lx.SPAM) + 0.5 * n(lx.SPAM_WEAK)
    if spam_score >= 3 or (_URL.search(raw) and spam_score >= 1.5):
        flags.add("spam")

    filler = {i for table in lx.FILLER_TABLES for hit in hits[table] for i in range(hit.first, hit.last + 1)}
    content = sum(1 for i, key in enumerate(text.keys) if i not in filler and key not in lx.STOPWORDS)
    if content == 0 and "?" in raw and len(text.keys) <= _NUDGE_MAX_TOKENS:
        flags.add("nudge")
    if n(lx.TEST) and not raw.count("?"):
        testing = {i for table in (lx.TEST, lx.TEST_FILLER) for hit in hits[table] for i in range(hit.first, hit.last + 1)}
        if all(i in testing or key in lx.STOPWORDS for i, key in enumerate(text.keys)):
            flags.add("test")
    mood = _emoji_mood(raw)
    scores = _category_scores(hits)
    scores["complaint"] += 4.0 * ("legal" in flags) + (1.5 if mood == "sarcasm" else 0.0)
    scores["technical"] += (1.0 if n(lx.DEFECT) and n(lx.PART) else 0.0) + 3.0 * bool(
        fire or n(lx.BRAKE_FAILURE) or n(lx.STRUCTURE_FAILURE)
    )
    scores["sales"] += (2.0 if quantity >= 5 else 0.0) + (1.0 if quantity >= 5 and n(lx.B2B) else 0.0)
    scores["inquiry"] += (0.5 if "?" in raw else 0.0) + (0.5 if n(lx.QUESTION) else 0.0)
    if n(lx.POSITIVE) and not n(lx.REQUEST) and "?" not in raw and scores["complaint"] == 0 and not n(lx.DEFECT):
        flags.add("praise")
    if quantity >= 10 and n(lx.SOFT_RISK) and scores["sales"] >= 3:
        flags.add("b2b_order_pressure")
    keyword_hits = tuple(hit for table in _KEYWORD_TABLES for hit in hits.get(table, ()))
    return Reading(text, scores, frozenset(flags), keyword_hits, content, quantity)


_SCORED: tuple[tuple[str, lx.Terms, float], ...] = (
    ("complaint", lx.COMPLAINT_STRONG, 3.0),
    ("complaint", lx.DAMAGED_ON_ARRIVAL, 4.0),
    ("complaint", lx.COMPLAINT_WEAK, 1.0),
    ("complaint", lx.REPEAT_ORDINAL, 2.0),
    ("technical", lx.DEFECT, 1.5),
    ("technical", lx.BLOCKING, 1.0),
    ("technical", lx.PART, 0.25),
    ("support", lx.SUPPORT, 1.5),
    ("support", lx.OWNERSHIP, 1.5),
    ("support", lx.DOUBLE_CHARGE, 2.0),
    ("sales", lx.SALES_STRONG, 3.0),
    ("sales", lx.SALES, 1.0),
    ("inquiry", lx.INQUIRY, 1.5),
    ("inquiry", lx.RENTAL, 0.5),
)
_PART_HITS_COUNTED = 3


def _category_scores(hits: dict[lx.Terms, list[Hit]]) -> dict[str, float]:
    """Weigh the category tables' hits; a hit inside a longer (or heavier) hit of another category is
    not counted, so "ödeme hazır" (payment ready: buying) does not also count "ödeme" (payment: support)."""
    weighed = [
        (category, weight, hit)
        for category, table, weight in _SCORED
        for hit in (hits[table][:_PART_HITS_COUNTED] if table is lx.PART else hits[table])
    ]
    scores = dict.fromkeys(_CATEGORY_ORDER, 0.0)
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


def _thread(message: IncomingMessage, business: tuple[str, ...]) -> Thread:
    scores = dict.fromkeys(_CATEGORY_ORDER, 0.0)
    entries = message.history[-6:]
    last_business = -1
    readings: list[tuple[bool, Reading, datetime | None]] = []
    for index, entry in enumerate(entries):
        is_business = _is_business(entry.sender, business)
        if is_business:
            last_business = index
        readings.append((is_business, read(strip_injection(entry.content)[0]), entry.timestamp))
    for is_business, reading, _ in readings[-4:]:
        for name in _CATEGORY_ORDER:
            scores[name] += reading.scores[name] * (0.5 if is_business else 1.0)
    pending = [
        (reading, stamp)
        for is_business, reading, stamp in readings[last_business + 1 :]
        if not is_business and (reading.category is not None or "followup" in reading.flags)
    ]
    waiting = bool(pending) and (
        pending[0][1] is None or message.chat_time - pending[0][1] >= _FOLLOWUP_GAP
    )
    return Thread(
        scores=scores,
        unanswered=len(pending),
        unanswered_complaint=any(
            reading.scores["complaint"] >= 3 or "legal" in reading.flags for reading, _ in pending
        ),
        waiting=waiting,
        answered=bool(readings) and readings[-1][0],
        blocking=any("blocking" in reading.flags for is_business, reading, _ in readings if not is_business),
    )


def _is_business(sender: str, business: tuple[str, ...]) -> bool:
    name = fold(sender).strip()
    return any(name == prefix or name.startswith(prefix + " ") for prefix in business if prefix)
