"""Evaluation: loading labeled JSONL, the scores (checked by hand on a tiny file), the report formats, and
the rule analyzer's targets on the shared labeled samples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from izer.analysis.evaluate import evaluate, format_report, is_holdout, load_labeled, run_rules_evaluation
from izer.domain import PRIORITY_RESPONSE_TIME, Analysis, IncomingMessage

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "messages_labeled.jsonl"


def record(
    ident: str, text: str, category: str, priority: str, urgency: tuple[int, int], action: bool
) -> dict[str, Any]:
    return {
        "id": ident,
        "lang": "tr",
        "chat_name": "Test",
        "phone_number": "+905550000000",
        "is_group": False,
        "current_message": text,
        "history": [{"sender": "İzer", "content": "Merhaba", "timestamp": "2025-04-01T09:00:00Z", "type": "text"}],
        "chat_time": "2025-04-01T10:00:00Z",
        "labels": {
            "category": category,
            "sentiment": "neutral",
            "urgency_min": urgency[0],
            "urgency_max": urgency[1],
            "priority_level": priority,
            "action_required": action,
            "response_time": PRIORITY_RESPONSE_TIME[priority],
        },
        "note": "",
    }


RECORDS = [
    record("t-1", "frenler tutmuyor", "technical", "critical", (9, 10), True),
    record("t-2", "faturam nerede", "support", "normal", (3, 5), True),
    record("t-3", "teşekkürler", "general", "low", (1, 2), False),
    record("t-4", "avukatıma gidiyorum", "complaint", "critical", (8, 10), True),
]
# What the fake analyzer answers, by message id: (category, priority, urgency, action).
ANSWERS = {
    "t-1": ("technical", "critical", 9, True),  # all right
    "t-2": ("support", "critical", 8, True),  # false critical, priority off by two, urgency out of range
    "t-3": ("inquiry", "low", 2, True),  # category and action wrong
    "t-4": ("complaint", "high", 7, True),  # missed critical, urgency out of range
}


async def fake(message: IncomingMessage) -> Analysis:
    category, priority, urgency, action = ANSWERS[message.message_id]
    return Analysis(
        urgency_score=urgency,
        category=category,  # type: ignore[arg-type]
        sentiment="neutral",
        keywords=[],
        priority_level=priority,  # type: ignore[arg-type]
        action_required=action,
        recommended_response_time=PRIORITY_RESPONSE_TIME[priority],  # type: ignore[arg-type]
    )


@pytest.fixture
def labeled_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in RECORDS) + "\n\n", encoding="utf-8")
    return path


def test_load_labeled_builds_incoming_messages(labeled_file: Path) -> None:
    records = load_labeled(labeled_file)
    assert [item.id for item in records] == ["t-1", "t-2", "t-3", "t-4"]
    first = records[0]
    assert first.message.message_id == "t-1"
    assert first.message.received_at == first.message.chat_time
    assert first.message.history[0].sender == "İzer"
    assert first.labels.priority_level == "critical"


def test_load_labeled_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n" + '{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        load_labeled(path)


async def test_scores_match_a_hand_count(labeled_file: Path) -> None:
    report = await evaluate(load_labeled(labeled_file), fake)
    assert report.n == 4
    assert report.category_accuracy == 3 / 4
    assert report.sentiment_accuracy == 1.0
    assert report.priority_accuracy == 2 / 4
    assert report.priority_within_one == 3 / 4  # normal predicted critical is two levels off
    assert report.urgency_in_range == 2 / 4
    assert report.action_required_accuracy == 3 / 4
    assert report.response_time_accuracy == 2 / 4
    assert report.critical_recall == 1 / 2
    assert report.critical_precision == 1 / 2
    assert report.category_confusion["general"]["inquiry"] == 1
    assert report.priority_confusion["critical"]["high"] == 1
    assert [(miss.id, miss.kind) for miss in report.worst_misses] == [
        ("t-4", "missed_critical"),
        ("t-2", "false_critical"),
        ("t-3", "category"),
    ]


async def test_precision_is_one_when_nothing_is_critical_on_either_side(labeled_file: Path) -> None:
    calm = [item for item in load_labeled(labeled_file) if item.id == "t-3"]
    report = await evaluate(calm, fake)
    assert (report.critical_recall, report.critical_precision) == (1.0, 1.0)


async def test_a_failing_analysis_counts_as_wrong_and_is_listed(labeled_file: Path) -> None:
    async def broken(message: IncomingMessage) -> Analysis:
        raise RuntimeError("model unavailable")

    report = await evaluate(load_labeled(labeled_file), broken)
    assert report.category_accuracy == 0.0 and report.critical_recall == 0.0
    assert report.errors and "model unavailable" in report.errors[0]


async def test_text_and_json_reports(labeled_file: Path) -> None:
    report = await evaluate(load_labeled(labeled_file), fake)
    data = report.as_json()
    assert data["category_accuracy"] == 0.75 and data["critical_precision"] == 0.5
    assert data["worst_misses"][0] == {
        "id": "t-4",
        "kind": "missed_critical",
        "excerpt": "avukatıma gidiyorum",
        "expected": "critical",
        "got": "high",
    }
    json.dumps(data)
    text = format_report(report)
    assert "category_accuracy" in text and "missed_critical" in text
    header = next(line for line in text.splitlines() if "critical" in line and "high" in line and "low" in line)
    assert header.split() == ["critical", "high", "normal", "low"]


def test_holdout_split_is_deterministic_and_about_thirty_percent() -> None:
    ids = [f"tr-{n:03d}" for n in range(1, 201)]
    held = [ident for ident in ids if is_holdout(ident)]
    assert held == [ident for ident in ids if is_holdout(ident)]
    assert 0.2 < len(held) / len(ids) < 0.4


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="shared labeled samples not found next to the repository")
def test_rule_analyzer_meets_the_targets_on_the_shared_samples() -> None:
    report = run_rules_evaluation(SHARED_DATA)
    holdout = run_rules_evaluation(SHARED_DATA, split="holdout")
    development = run_rules_evaluation(SHARED_DATA, split="development")
    assert holdout.n + development.n == report.n >= 150
    assert holdout.critical_recall == 1.0, format_report(holdout)
    assert report.critical_recall == 1.0, format_report(report)
    assert report.critical_precision >= 0.6, format_report(report)
    assert report.category_accuracy >= 0.80, format_report(report)
    assert report.priority_within_one >= 0.95, format_report(report)
