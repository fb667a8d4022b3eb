"""The statistics of a period (counts by label and agent, answer times, SLA, escalations, corrections) for
`/stats` and the dashboard, their snapshots in `system_stats`, the SLA breaches, and the rows of the CSV
export."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db import corrections
from izer.db.models import AgentRouting, AnalyticsResult, Escalation, SystemStats, WebhookMessage
from izer.db.queries import iso_utc, latest_attempt
from izer.db.store import OPEN_STATES, utcnow
from izer.domain import PRIORITY_RANK


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return round(ordered[index], 1)


def _sla_block(rows: list[tuple[WebhookMessage, AnalyticsResult | None]], now: datetime) -> dict[str, Any]:
    answered = [m for m, _ in rows if m.answered_at is not None]
    seconds = [(m.answered_at - m.received_at).total_seconds() for m in answered]  # type: ignore[operator]
    with_deadline = [m for m in answered if m.due_at is not None]
    within = [m for m in with_deadline if m.answered_at <= m.due_at]  # type: ignore[operator]
    breaches = [m for m, _ in rows if m.status in OPEN_STATES and m.due_at is not None and m.due_at < now]
    return {
        "messages": len(rows),
        "answered": len(answered),
        "answered_within_deadline": round(len(within) / len(with_deadline), 4) if with_deadline else None,
        "median_answer_seconds": round(statistics.median(seconds), 1) if seconds else None,
        "p90_answer_seconds": _percentile(seconds, 0.9),
        "open_breaches": len(breaches),
    }


def statistics_for(session: Session, hours: float, *, until: datetime | None = None) -> dict[str, Any]:
    """The `hours` hours before `until` (now): counts by label and agent, answer times, SLA, escalations."""
    now = until or utcnow()
    since = now - timedelta(hours=hours)
    rows: list[tuple[WebhookMessage, AnalyticsResult | None]] = [
        (m, a)
        for m, a in session.execute(
            select(WebhookMessage, AnalyticsResult)
            .outerjoin(
                AnalyticsResult,
                (AnalyticsResult.message_id == WebhookMessage.message_id) & (AnalyticsResult.attempt == 1),
            )
            .where(WebhookMessage.received_at >= since, WebhookMessage.received_at < now)
        ).all()
    ]
    routes = {r.message_id: r for r in session.scalars(select(AgentRouting).where(AgentRouting.created_at >= since))}
    escalations = list(session.scalars(select(Escalation).where(Escalation.created_at >= since)))
    analyzed = [a for _, a in rows if a is not None]
    per_priority = {
        name: _sla_block([(m, a) for m, a in rows if a is not None and a.priority_level == name], now)
        for name in PRIORITY_RANK
    }
    per_agent: dict[str, Any] = {}
    for agent in sorted({r.agent for r in routes.values()}):
        agent_rows = [(m, a) for m, a in rows if m.message_id in routes and routes[m.message_id].agent == agent]
        block = _sla_block(agent_rows, now)
        calls = [r for r in routes.values() if r.agent == agent]
        block["success_rate"] = round(sum(r.success for r in calls) / len(calls), 4) if calls else None
        per_agent[agent] = block
    hourly: dict[str, Counter[str]] = {}
    for m, a in rows:
        bucket = m.received_at.replace(minute=0, second=0, microsecond=0).replace(tzinfo=UTC).isoformat()
        hourly.setdefault(bucket, Counter())[a.category if a else "unanalyzed"] += 1
    return {
        "window_hours": hours,
        "since": since.replace(tzinfo=UTC).isoformat(),
        "generated_at": now.replace(tzinfo=UTC).isoformat(),
        "total_messages": len(rows),
        "by_status": dict(Counter(m.status for m, _ in rows)),
        "by_category": dict(Counter(a.category for a in analyzed)),
        "by_priority": dict(Counter(a.priority_level for a in analyzed)),
        "by_sentiment": dict(Counter(a.sentiment for a in analyzed)),
        "by_agent": dict(Counter(r.agent for r in routes.values())),
        "by_analyzer": dict(Counter(a.analyzer for a in analyzed)),
        "degraded_analyses": sum(a.degraded for a in analyzed),
        "needs_review": sum(a.needs_review for a in analyzed),
        "corrections": corrections.accuracy(session, hours, until=now),
        "routing_failures": sum(not r.success for r in routes.values()),
        "routing_fallbacks": sum(r.fallback for r in routes.values()),
        "answer_times": _sla_block(rows, now),
        "sla_by_priority": per_priority,
        "sla_by_agent": per_agent,
        "escalations": {
            "total": sum(e.kind == "breach" and e.delivered for e in escalations),
            "warnings": sum(e.kind == "warning" and e.delivered for e in escalations),
            "by_level": dict(Counter(str(e.level) for e in escalations if e.kind == "breach" and e.delivered)),
            "undelivered": sum(not e.delivered and e.target != "suppressed" for e in escalations),
            "suppressed": sum(e.target == "suppressed" for e in escalations),
        },
        "messages_per_hour": {k: dict(v) for k, v in sorted(hourly.items())},
    }


def record_snapshot(session: Session, *, period_end: datetime, interval: timedelta) -> bool:
    """Store the statistics of one period in system_stats, once (keyed on its end)."""
    stats = statistics_for(session, interval.total_seconds() / 3600, until=period_end)
    row = SystemStats(
        period_start=period_end - interval,
        period_end=period_end,
        total_messages=stats["total_messages"],
        open_messages=sum(n for k, n in stats["by_status"].items() if k in OPEN_STATES),
        answered_messages=stats["by_status"].get("answered", 0),
        escalations=stats["escalations"]["total"],
        breaches=stats["answer_times"]["open_breaches"],
        degraded_analyses=stats["degraded_analyses"],
        details=json.dumps(stats, ensure_ascii=False),
        created_at=utcnow(),
    )
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def snapshots(session: Session, hours: float) -> list[dict[str, Any]]:
    since = utcnow() - timedelta(hours=hours)
    query = select(SystemStats).where(SystemStats.period_end >= since).order_by(SystemStats.period_end)
    return [
        {
            "period_start": iso_utc(s.period_start),
            "period_end": iso_utc(s.period_end),
            "total_messages": s.total_messages,
            "open_messages": s.open_messages,
            "answered_messages": s.answered_messages,
            "escalations": s.escalations,
            "breaches": s.breaches,
            "degraded_analyses": s.degraded_analyses,
        }
        for s in session.scalars(query)
    ]


def breaches(session: Session, hours: float) -> list[dict[str, Any]]:
    """Messages whose deadline passed before they were answered (or that are still unanswered)."""
    now = utcnow()
    since = now - timedelta(hours=hours)
    query = select(WebhookMessage).where(WebhookMessage.received_at >= since, WebhookMessage.due_at.is_not(None))
    result = []
    for m in session.scalars(query.order_by(WebhookMessage.due_at)):
        assert m.due_at is not None
        end = m.answered_at or now
        if end <= m.due_at:
            continue
        result.append(
            {
                "message_id": m.message_id,
                "chat_name": m.chat_name,
                "status": m.status,
                "due_at": iso_utc(m.due_at),
                "answered_at": iso_utc(m.answered_at),
                "late_by_seconds": round((end - m.due_at).total_seconds(), 1),
                "escalation_level": m.escalation_level,
                "open": m.answered_at is None,
            }
        )
    return result


EXPORT_COLUMNS = (
    "message_id", "received_at", "chat_name", "phone_number", "source", "message_type", "current_message",
    "category", "priority_level", "sentiment", "urgency_score", "action_required", "recommended_response_time",
    "analyzer", "degraded", "agent", "routing_success", "routing_fallback", "status", "due_at", "answered_at",
    "answered_by", "answer_source", "answer_seconds", "answered_within_deadline", "escalation_level",
)  # fmt: skip


def export_rows(session: Session, since: datetime, until: datetime | None = None) -> list[dict[str, Any]]:
    """One row per message received in [since, until): its latest analysis and routing, and answer times."""
    query = select(WebhookMessage).where(WebhookMessage.received_at >= since)
    if until is not None:
        query = query.where(WebhookMessage.received_at < until)
    rows = []
    for message in session.scalars(query.order_by(WebhookMessage.received_at)):
        analysis = latest_attempt(session, AnalyticsResult, message.message_id)
        routing = latest_attempt(session, AgentRouting, message.message_id)
        answered = message.answered_at
        seconds = (answered - message.received_at).total_seconds() if answered else None
        rows.append(
            {
                "message_id": message.message_id,
                "received_at": iso_utc(message.received_at),
                "chat_name": message.chat_name,
                "phone_number": message.phone_number,
                "source": message.source,
                "message_type": message.message_type,
                "current_message": message.current_message,
                "category": analysis.category if analysis else "",
                "priority_level": analysis.priority_level if analysis else "",
                "sentiment": analysis.sentiment if analysis else "",
                "urgency_score": analysis.urgency_score if analysis else "",
                "action_required": analysis.action_required if analysis else "",
                "recommended_response_time": analysis.recommended_response_time if analysis else "",
                "analyzer": analysis.analyzer if analysis else "",
                "degraded": analysis.degraded if analysis else "",
                "agent": routing.agent if routing else "",
                "routing_success": routing.success if routing else "",
                "routing_fallback": routing.fallback if routing else "",
                "status": message.status,
                "due_at": iso_utc(message.due_at) or "",
                "answered_at": iso_utc(answered) or "",
                "answered_by": message.answered_by or "",
                "answer_source": message.answer_source or "",
                "answer_seconds": round(seconds, 1) if seconds is not None else "",
                "answered_within_deadline": (
                    "" if answered is None or message.due_at is None else answered <= message.due_at
                ),
                "escalation_level": message.escalation_level,
            }
        )
    return rows
