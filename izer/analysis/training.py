"""What the model learns from, and how well it does on messages it has not seen.

:func:`training_files` lists every labeled set the project has (``../shared/data/messages_labeled.jsonl``
when present, ``tests/analysis/data/*.jsonl``, and the team's corrections exported by
``izer export-labels``); :func:`cross_validate` scores the rules, the model and their combination with
stratified k-fold, each fold's model trained without that fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from izer.analysis import rules
from izer.analysis.combined import DEFAULT_BLEND, Blend, combine, model_history, model_only
from izer.analysis.evaluate import EvaluationReport, LabeledRecord, load_labeled, score
from izer.analysis.model import SEED, Example, Prediction, train
from izer.analysis.policy import apply_business_rules
from izer.domain import Analysis

ROOT = Path(__file__).resolve().parents[2]
SHARED_SET = ROOT.parent / "shared" / "data" / "messages_labeled.jsonl"
PROJECT_SETS = ROOT / "tests" / "analysis" / "data"
FOLDS = 5


def training_files(extra: Iterable[str | Path] = ()) -> list[Path]:
    """The shared labeled set when present, the project's labeled sets, then ``extra`` (corrections)."""
    files = [SHARED_SET] if SHARED_SET.is_file() else []
    files += sorted(PROJECT_SETS.glob("*.jsonl"))
    return files + [Path(path) for path in extra]


def load_records(files: Sequence[Path]) -> list[LabeledRecord]:
    """Every record of ``files``; a later record with the same message text replaces an earlier one, so a
    correction (exported last) overrides the label a set gave the same message."""
    by_text: dict[tuple[str, str], LabeledRecord] = {}
    for path in files:
        for record in load_labeled(path):
            history = record.message.history[-1].content if record.message.history else ""
            by_text[(record.message.current_message.strip(), history)] = record
    return list(by_text.values())


def example(record: LabeledRecord, business_senders: Sequence[str] = rules.DEFAULT_BUSINESS_SENDERS) -> Example:
    labels = record.labels
    return Example(
        text=record.message.current_message,
        history=model_history(record.message, business_senders),
        category=labels.category,
        sentiment=labels.sentiment,
        priority=labels.priority_level,
        action=labels.action_required,
    )


def folds(records: Sequence[LabeledRecord], k: int = FOLDS) -> list[list[int]]:
    """Stratified by priority, seeded: record ``i`` of each priority goes to fold ``(i + offset) % k``."""
    import random

    shuffle = random.Random(SEED)
    result: list[list[int]] = [[] for _ in range(k)]
    by_priority: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        by_priority.setdefault(record.labels.priority_level, []).append(index)
    offset = 0
    for priority in sorted(by_priority):
        indices = by_priority[priority]
        shuffle.shuffle(indices)
        for position, index in enumerate(indices):
            result[(position + offset) % k].append(index)
        offset += len(indices)
    return result


@dataclass(slots=True)
class CrossValidation:
    """Out-of-fold scores of each analyzer, with the blend they were combined by."""

    reports: dict[str, EvaluationReport]
    blend: Blend
    k: int
    n: int


def cross_validate(
    records: Sequence[LabeledRecord], *, k: int = FOLDS, blend: Blend = DEFAULT_BLEND
) -> CrossValidation:
    """Rules, model and combined, each record scored by a model that never saw it."""
    by_rules = [rules.analyze(record.message) for record in records]
    predictions: list[Prediction | None] = [None] * len(records)
    for held_out in folds(records, k):
        held = set(held_out)
        model = train([example(record) for index, record in enumerate(records) if index not in held])
        for index in held_out:
            message = records[index].message
            predictions[index] = model.predict(
                message.current_message, model_history(message, rules.DEFAULT_BUSINESS_SENDERS)
            )
    seen = [prediction for prediction in predictions if prediction is not None]
    analyses = {
        "rules": [_policy(analysis, record) for analysis, record in zip(by_rules, records, strict=True)],
        "model": [
            model_only(record.message, prediction, "cv") for record, prediction in zip(records, seen, strict=True)
        ],
        "combined": _combined(records, by_rules, seen, blend),
    }
    return CrossValidation(
        reports={name: score(list(zip(records, found, strict=True))) for name, found in analyses.items()},
        blend=blend,
        k=k,
        n=len(records),
    )


def _combined(
    records: Sequence[LabeledRecord], by_rules: Sequence[Analysis], predictions: Sequence[Prediction], blend: Blend
) -> list[Analysis]:
    return [
        _policy(combine(analysis, prediction, "cv", blend), record)
        for record, analysis, prediction in zip(records, by_rules, predictions, strict=True)
    ]


def _policy(analysis: Analysis, record: LabeledRecord) -> Analysis:
    return apply_business_rules(analysis, record.message)
