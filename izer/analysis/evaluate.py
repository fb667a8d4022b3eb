"""Evaluation of an analyzer against labeled messages (the format of ``shared/data/messages_labeled.jsonl``).

``izer evaluate FILE`` is a thin wrapper: load the records, run them through an analyzer, print
:func:`format_report` or ``report.as_json()``.

Definitions, per label over the ``n`` records:

* ``*_accuracy``: share of exact matches; ``urgency_in_range``: share of urgency scores inside the labeled
  ``urgency_min..urgency_max``; ``priority_within_one``: share of priorities at most one level away.
* ``critical_recall``: labeled-critical records predicted critical / labeled-critical records (1.0 when
  nothing is labeled critical: nothing was missed).
* ``critical_precision``: records predicted critical that are labeled critical / records predicted
  critical. When nothing is predicted critical it is 1.0 if nothing is labeled critical (no false
  alarm, nothing missed) and 0.0 otherwise (the silence missed something, and recall shows it too).
* ``needs_review_rate``: share of analyses marked ``needs_review`` (the analyzers disagree, or the model is
  unsure).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from izer.domain import (
    CATEGORIES,
    PRIORITIES,
    PRIORITY_RANK,
    Analysis,
    Category,
    HistoryEntry,
    IncomingMessage,
    Priority,
    ResponseTime,
    Sentiment,
)

Split = Literal["all", "development", "holdout"]
EXCERPT_LENGTH = 90
WORST_MISSES = 15


class Labels(BaseModel):
    """The expected labels of one record."""

    model_config = ConfigDict(extra="ignore")

    category: Category
    sentiment: Sentiment
    urgency_min: int = Field(ge=1, le=10)
    urgency_max: int = Field(ge=1, le=10)
    priority_level: Priority
    action_required: bool
    response_time: ResponseTime


@dataclass(frozen=True, slots=True)
class LabeledRecord:
    """One labeled message: what the pipeline receives, and what it should conclude."""

    id: str
    message: IncomingMessage
    labels: Labels
    lang: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Miss:
    """A record the analyzer got wrong, with what was expected and what came out."""

    id: str
    kind: str
    excerpt: str
    expected: str
    got: str
    severity: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "excerpt": self.excerpt,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass(slots=True)
class EvaluationReport:
    """Scores of one analyzer over labeled records; see the module docstring for the definitions."""

    n: int
    category_accuracy: float
    sentiment_accuracy: float
    priority_accuracy: float
    priority_within_one: float
    urgency_in_range: float
    action_required_accuracy: float
    response_time_accuracy: float
    critical_recall: float
    critical_precision: float
    needs_review_rate: float = 0.0
    category_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    priority_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    worst_misses: list[Miss] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The report as plain JSON types, floats rounded to 4 decimals."""
        return {
            "n": self.n,
            **{name: round(getattr(self, name), 4) for name in _RATE_NAMES},
            "category_confusion": self.category_confusion,
            "priority_confusion": self.priority_confusion,
            "worst_misses": [miss.as_json() for miss in self.worst_misses],
            "errors": self.errors,
        }


_RATE_NAMES = (
    "category_accuracy",
    "sentiment_accuracy",
    "priority_accuracy",
    "priority_within_one",
    "urgency_in_range",
    "action_required_accuracy",
    "response_time_accuracy",
    "critical_recall",
    "critical_precision",
    "needs_review_rate",
)


def load_labeled(path: str | Path) -> list[LabeledRecord]:
    """Read labeled JSONL; each line becomes an ``IncomingMessage`` (received_at = chat_time) plus labels.

    Raises ``ValueError`` naming the line when a record is malformed.
    """
    records: list[LabeledRecord] = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                records.append(_record(json.loads(line)))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a labeled record: {error}") from error
    return records


def _record(raw: dict[str, Any]) -> LabeledRecord:
    chat_time = datetime.fromisoformat(str(raw["chat_time"]).replace("Z", "+00:00"))
    message = IncomingMessage(
        message_id=str(raw["id"]),
        chat_time=chat_time,
        chat_name=raw.get("chat_name", ""),
        phone_number=raw.get("phone_number", ""),
        current_message=raw["current_message"],
        history=[HistoryEntry.model_validate(entry) for entry in raw.get("history", [])],
        received_at=chat_time,
        is_group=bool(raw.get("is_group", False)),
    )
    return LabeledRecord(
        id=str(raw["id"]),
        message=message,
        labels=Labels.model_validate(raw["labels"]),
        lang=raw.get("lang", ""),
        note=raw.get("note", ""),
    )


def is_holdout(record_id: str, fraction: float = 0.3) -> bool:
    """Deterministic split used while tuning the rules: ~``fraction`` of ids, by a SHA-256 of the id."""
    digest = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16)
    return digest % 10 < round(fraction * 10)


async def evaluate(
    records: Iterable[LabeledRecord], analyze: Callable[[IncomingMessage], Awaitable[Analysis]]
) -> EvaluationReport:
    """Run ``analyze`` over ``records`` one by one and score the results.

    A record whose analysis raises counts as wrong on every label and is listed in ``errors``.
    """
    pairs: list[tuple[LabeledRecord, Analysis | None]] = []
    errors: list[str] = []
    for record in records:
        try:
            pairs.append((record, await analyze(record.message)))
        except Exception as error:  # noqa: BLE001 - one failing record must not hide the others' scores
            errors.append(f"{record.id}: {type(error).__name__}: {error}")
            pairs.append((record, None))
    return score(pairs, errors)


def score(pairs: list[tuple[LabeledRecord, Analysis | None]], errors: list[str] | None = None) -> EvaluationReport:
    """Score analyses already made: ``(record, analysis or None when it failed)``."""
    n = len(pairs)
    category_confusion = {expected: dict.fromkeys(CATEGORIES, 0) for expected in CATEGORIES}
    priority_confusion = {expected: dict.fromkeys(PRIORITIES, 0) for expected in PRIORITIES}
    hits = dict.fromkeys(_RATE_NAMES[:7], 0)
    labeled_critical = predicted_critical = true_critical = reviews = 0
    misses: list[Miss] = []
    for record, got in pairs:
        want = record.labels
        labeled_critical += want.priority_level == "critical"
        if got is None:
            misses.append(_miss(record, "error", want.priority_level, "no analysis", 0))
            continue
        reviews += got.needs_review
        category_confusion[want.category][got.category] += 1
        priority_confusion[want.priority_level][got.priority_level] += 1
        distance = abs(PRIORITY_RANK[want.priority_level] - PRIORITY_RANK[got.priority_level])
        hits["category_accuracy"] += want.category == got.category
        hits["sentiment_accuracy"] += want.sentiment == got.sentiment
        hits["priority_accuracy"] += distance == 0
        hits["priority_within_one"] += distance <= 1
        hits["urgency_in_range"] += want.urgency_min <= got.urgency_score <= want.urgency_max
        hits["action_required_accuracy"] += want.action_required == got.action_required
        hits["response_time_accuracy"] += want.response_time == got.recommended_response_time
        predicted_critical += got.priority_level == "critical"
        true_critical += got.priority_level == "critical" and want.priority_level == "critical"
        if want.priority_level == "critical" and got.priority_level != "critical":
            misses.append(_miss(record, "missed_critical", "critical", got.priority_level, 1))
        elif got.priority_level == "critical" and want.priority_level != "critical":
            misses.append(_miss(record, "false_critical", want.priority_level, "critical", 2))
        elif distance >= 2:
            misses.append(_miss(record, "priority", want.priority_level, got.priority_level, 3))
        if want.category != got.category:
            misses.append(_miss(record, "category", want.category, got.category, 4))
    misses.sort(key=lambda miss: miss.severity)
    return EvaluationReport(
        n=n,
        **{name: (count / n if n else 0.0) for name, count in hits.items()},
        critical_recall=true_critical / labeled_critical if labeled_critical else 1.0,
        critical_precision=(
            true_critical / predicted_critical if predicted_critical else 1.0 if not labeled_critical else 0.0
        ),
        needs_review_rate=reviews / n if n else 0.0,
        category_confusion=category_confusion,
        priority_confusion=priority_confusion,
        worst_misses=misses[:WORST_MISSES],
        errors=list(errors or []),
    )


def _miss(record: LabeledRecord, kind: str, expected: str, got: str, severity: int) -> Miss:
    text = " ".join(record.message.current_message.split())
    excerpt = text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"
    return Miss(record.id, kind, excerpt, expected, got, severity)


def format_report(report: EvaluationReport, *, title: str = "evaluation") -> str:
    """The report as text: the rates, both confusion matrices (rows expected, columns predicted), misses."""
    lines = [f"{title}: {report.n} messages", ""]
    width = max(len(name) for name in _RATE_NAMES)
    lines += [f"  {name:<{width}}  {getattr(report, name):6.3f}" for name in _RATE_NAMES]
    lines += ["", "category (rows expected, columns predicted)", *_matrix(report.category_confusion)]
    lines += ["", "priority (rows expected, columns predicted)", *_matrix(report.priority_confusion)]
    if report.worst_misses:
        lines += ["", "worst misses"]
        lines += [
            f"  {miss.id:<8} {miss.kind:<15} expected {miss.expected:<9} got {miss.got:<9} {miss.excerpt}"
            for miss in report.worst_misses
        ]
    if report.errors:
        lines += ["", "errors", *(f"  {error}" for error in report.errors)]
    return "\n".join(lines)


def _matrix(confusion: dict[str, dict[str, int]]) -> list[str]:
    labels = list(confusion)
    width = max(len(label) for label in labels) + 1
    header = " " * (width + 2) + "".join(f"{label[:9]:>10}" for label in labels)
    rows = [f"  {label:<{width}}" + "".join(f"{confusion[label][other]:>10}" for other in labels) for label in labels]
    return [header, *rows]


def run_rules_evaluation(path: str | Path, *, split: Split = "all") -> EvaluationReport:
    """Evaluate the rule analyzer on a labeled file, synchronously (for the CLI and scripts).

    ``split`` keeps only the development or the holdout part of :func:`is_holdout`'s split.
    """
    from izer.analysis.rules import analyze

    async def rules(message: IncomingMessage) -> Analysis:
        return analyze(message)

    records = [
        record for record in load_labeled(path) if split == "all" or is_holdout(record.id) == (split == "holdout")
    ]
    return asyncio.run(evaluate(records, rules))
