"""The team's corrections of a message's labels: stored with who and when, shown, scored and exported.

A correction records the labels before (the latest correction's, else the analysis') and after, and the
analyzer and model version that labeled the message, so ``/stats`` can say how often each analyzer was
right, and ``izer export-labels`` can hand the corrected messages to ``izer train``.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from izer.analysis.rules import URGENCY_BANDS
from izer.db.models import AnalyticsResult, LabelCorrection, MessageHistory, WebhookMessage
from izer.db.store import naive_utc, utcnow
from izer.domain import PRIORITY_RANK, PRIORITY_RESPONSE_TIME


class NotAnalyzed(LookupError):
    """The message is unknown or has no analysis yet: there is nothing to correct."""


def record_correction(
    session: Session,
    message_id: str,
    *,
    corrected_by: str,
    category: str | None = None,
    priority: str | None = None,
    action_required: bool | None = None,
) -> dict[str, Any]:
    """Store one correction (unchanged labels keep their current value); ``raised`` says whether the
    priority became more urgent, the one change that shortens a running deadline."""
    analysis = session.scalar(
        select(AnalyticsResult)
        .where(AnalyticsResult.message_id == message_id)
        .order_by(AnalyticsResult.attempt.desc())
        .limit(1)
    )
    if analysis is None:
        raise NotAnalyzed(message_id)
    old_category, old_priority, old_action = current_labels(session, message_id, analysis)
    row = LabelCorrection(
        message_id=message_id,
        corrected_by=corrected_by,
        analyzer=analysis.analyzer,
        model_version=analysis.model_version,
        old_category=old_category,
        new_category=category or old_category,
        old_priority=old_priority,
        new_priority=priority or old_priority,
        old_action_required=old_action,
        new_action_required=old_action if action_required is None else action_required,
        created_at=utcnow(),
    )
    session.add(row)
    session.commit()
    result = correction_json(row)
    result["raised"] = PRIORITY_RANK[row.new_priority] < PRIORITY_RANK[row.old_priority]
    return result


def current_labels(session: Session, message_id: str, analysis: AnalyticsResult) -> tuple[str, str, bool]:
    """Category, priority and action_required as the team sees them now: the latest correction's, else the
    analysis'."""
    latest = session.scalar(
        select(LabelCorrection)
        .where(LabelCorrection.message_id == message_id)
        .order_by(LabelCorrection.id.desc())
        .limit(1)
    )
    if latest is None:
        return analysis.category, analysis.priority_level, analysis.action_required
    return latest.new_category, latest.new_priority, latest.new_action_required


def corrections_of(session: Session, message_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(LabelCorrection).where(LabelCorrection.message_id == message_id).order_by(LabelCorrection.id)
    )
    return [correction_json(row) for row in rows]


def correction_json(row: LabelCorrection) -> dict[str, Any]:
    return {
        "corrected_by": row.corrected_by,
        "corrected_at": row.created_at.isoformat() + "Z",
        "analyzer": row.analyzer,
        "model_version": row.model_version,
        "category": [row.old_category, row.new_category],
        "priority": [row.old_priority, row.new_priority],
        "action_required": [row.old_action_required, row.new_action_required],
    }


def labeled_records(session: Session) -> list[dict[str, Any]]:
    """Every corrected message in the labeled JSONL format, with its latest correction as the labels; the
    sentiment is the analysis' (a correction does not change it)."""
    latest: dict[str, LabelCorrection] = {}
    for row in session.scalars(select(LabelCorrection).order_by(LabelCorrection.id)):
        latest[row.message_id] = row
    records = []
    for message_id, correction in latest.items():
        message = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))
        analysis = session.scalar(
            select(AnalyticsResult)
            .where(AnalyticsResult.message_id == message_id)
            .order_by(AnalyticsResult.attempt.desc())
            .limit(1)
        )
        if message is None or analysis is None:
            continue
        history = session.scalars(
            select(MessageHistory).where(MessageHistory.message_id == message_id).order_by(MessageHistory.position)
        )
        low, high = URGENCY_BANDS[correction.new_priority]
        records.append(
            {
                "id": f"correction-{message_id}",
                "lang": "",
                "chat_name": message.chat_name,
                "phone_number": message.phone_number,
                "is_group": message.is_group,
                "current_message": message.current_message,
                "history": [
                    {
                        "sender": entry.sender,
                        "content": entry.content,
                        "timestamp": entry.sent_at.isoformat() + "Z" if entry.sent_at else None,
                        "type": entry.entry_type,
                    }
                    for entry in history
                ],
                "chat_time": message.chat_time.isoformat() + "Z",
                "labels": {
                    "category": correction.new_category,
                    "sentiment": analysis.sentiment,
                    "urgency_min": low,
                    "urgency_max": high,
                    "priority_level": correction.new_priority,
                    "action_required": correction.new_action_required,
                    "response_time": PRIORITY_RESPONSE_TIME[correction.new_priority],
                },
                "note": f"corrected by {correction.corrected_by}",
            }
        )
    return records


def accuracy(session: Session, hours: float, *, until: datetime | None = None) -> dict[str, Any]:
    """Against the corrections made in the period: per analyzer, how often each label stood, per day."""
    end = naive_utc(until) if until else utcnow()
    rows = session.scalars(
        select(LabelCorrection).where(LabelCorrection.created_at >= end - timedelta(hours=hours))
    ).all()
    totals: Counter[str] = Counter()
    kept: dict[str, Counter[str]] = {}
    days: dict[str, Counter[str]] = {}
    for row in rows:
        totals[row.analyzer] += 1
        held = kept.setdefault(row.analyzer, Counter())
        held["category"] += row.old_category == row.new_category
        held["priority"] += row.old_priority == row.new_priority
        held["action_required"] += row.old_action_required == row.new_action_required
        day = days.setdefault(row.created_at.date().isoformat(), Counter())
        day["corrections"] += 1
        day["all_kept"] += (row.old_category, row.old_priority, row.old_action_required) == (
            row.new_category,
            row.new_priority,
            row.new_action_required,
        )
    return {
        "corrections": len(rows),
        "by_analyzer": {
            name: {"corrections": count, **{label: round(hits / count, 4) for label, hits in kept[name].items()}}
            for name, count in totals.items()
        },
        "by_day": [
            {
                "day": day,
                "corrections": counts["corrections"],
                "accuracy": round(counts["all_kept"] / counts["corrections"], 4),
            }
            for day, counts in sorted(days.items())
        ],
    }
