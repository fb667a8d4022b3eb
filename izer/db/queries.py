"""Reads for the API and the dashboard: one message in full, the queue, the statistics."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db import corrections
from izer.db.models import AgentRouting, AnalyticsResult, Escalation, MessageHistory, SystemStats, WebhookMessage
from izer.db.store import OPEN_STATES, utcnow
from izer.domain import PRIORITY_RANK, Analysis, RoutingResult, WebhookResult


def _aware(value: datetime | None) -> str | None:
    return value.replace(tzinfo=UTC).isoformat() if value else None


def _latest(session: Session, model: Any, message_id: str) -> Any:
    return session.scalar(select(model).where(model.message_id == message_id).order_by(model.attempt.desc()).limit(1))


def analysis_of(row: AnalyticsResult) -> Analysis:
    return Analysis(
        urgency_score=row.urgency_score,
        category=row.category,  # type: ignore[arg-type]
        sentiment=row.sentiment,  # type: ignore[arg-type]
        keywords=json.loads(row.keywords),
        priority_level=row.priority_level,  # type: ignore[arg-type]
        action_required=row.action_required,
        recommended_response_time=row.recommended_response_time,  # type: ignore[arg-type]
        analyzer=row.analyzer,  # type: ignore[arg-type]
        degraded=row.degraded,
        degraded_reason=row.degraded_reason,
        model_version=row.model_version,
        needs_review=row.needs_review,
        signals=json.loads(row.signals),
        model=row.model,
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
        latency_ms=row.latency_ms,
    )


def routing_of(row: AgentRouting) -> RoutingResult:
    return RoutingResult(
        success=row.success,
        agent=row.agent,
        response=json.loads(row.response) if row.response else None,
        first_choice=row.first_choice,
        fallback=row.fallback,
        error=row.error,
        idempotency_key=row.idempotency_key,
    )


def stored_result(session: Session, message_id: str) -> WebhookResult | None:
    """The webhook answer rebuilt from the database, for a repeated delivery of a finished message."""
    message = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))
    analysis = _latest(session, AnalyticsResult, message_id)
    routing = _latest(session, AgentRouting, message_id)
    if message is None or analysis is None or routing is None:
        return None
    return WebhookResult(
        message_id=message_id,
        database_id=message.id,
        analysis=analysis_of(analysis),
        routing=routing_of(routing),
        processed_at=routing.created_at.replace(tzinfo=UTC),
        workflow_id=message.workflow_id,
        duplicate=True,
    )


def is_processed(session: Session, message_id: str) -> bool:
    """The message is stored and its routing recorded (a run that failed before routing may run again)."""
    routed = select(AgentRouting.id).where(AgentRouting.message_id == message_id).limit(1)
    return session.scalar(routed) is not None


def message_summary(
    message: WebhookMessage, analysis: AnalyticsResult | None, routing: AgentRouting | None
) -> dict[str, Any]:
    return {
        "message_id": message.message_id,
        "database_id": message.id,
        "workflow_id": message.workflow_id,
        "chat_name": message.chat_name,
        "phone_number": message.phone_number,
        "current_message": message.current_message,
        "source": message.source,
        "message_type": message.message_type,
        "is_group": message.is_group,
        "chat_time": _aware(message.chat_time),
        "received_at": _aware(message.received_at),
        "status": message.status,
        "due_at": _aware(message.due_at),
        "escalation_level": message.escalation_level,
        "answered_at": _aware(message.answered_at),
        "answered_by": message.answered_by,
        "answer_source": message.answer_source,
        "analysis": analysis_of(analysis).model_dump(mode="json") if analysis else None,
        "routing": routing_of(routing).model_dump(mode="json") if routing else None,
    }


def message_detail(session: Session, message_id: str) -> dict[str, Any] | None:
    message = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))
    if message is None:
        return None
    detail = message_summary(
        message, _latest(session, AnalyticsResult, message_id), _latest(session, AgentRouting, message_id)
    )
    detail["media"] = json.loads(message.media) if message.media else {}
    detail["reply_to"] = message.reply_to
    detail["history"] = [
        {
            "sender": h.sender,
            "content": h.content,
            "timestamp": _aware(h.sent_at),
            "type": h.entry_type,
            "is_business": h.is_business,
        }
        for h in session.scalars(
            select(MessageHistory).where(MessageHistory.message_id == message_id).order_by(MessageHistory.position)
        )
    ]
    detail["escalations"] = [
        {
            "level": e.level,
            "kind": e.kind,
            "target": e.target,
            "delivered": e.delivered,
            "detail": e.detail,
            "due_at": _aware(e.due_at),
            "late_by_seconds": e.late_by_seconds,
            "created_at": _aware(e.created_at),
        }
        for e in session.scalars(select(Escalation).where(Escalation.message_id == message_id).order_by(Escalation.id))
    ]
    detail["corrections"] = corrections.corrections_of(session, message_id)
    return detail


@dataclass(frozen=True)
class MessageFilter:
    status: str | None = None
    priority: str | None = None
    category: str | None = None
    query: str | None = None
    limit: int = 100


def list_messages(session: Session, where: MessageFilter) -> list[dict[str, Any]]:
    """Messages most urgent first: priority, then the nearest deadline, then the oldest."""
    latest = (
        select(AnalyticsResult.message_id, func.max(AnalyticsResult.attempt).label("attempt"))
        .group_by(AnalyticsResult.message_id)
        .subquery()
    )
    query = (
        select(WebhookMessage, AnalyticsResult)
        .outerjoin(latest, latest.c.message_id == WebhookMessage.message_id)
        .outerjoin(
            AnalyticsResult,
            (AnalyticsResult.message_id == latest.c.message_id) & (AnalyticsResult.attempt == latest.c.attempt),
        )
    )
    if where.status == "open":
        query = query.where(WebhookMessage.status.in_(OPEN_STATES))
    elif where.status:
        query = query.where(WebhookMessage.status == where.status)
    if where.priority:
        query = query.where(AnalyticsResult.priority_level == where.priority)
    if where.category:
        query = query.where(AnalyticsResult.category == where.category)
    if where.query:
        query = query.where(_search(where.query))
    rank = case(*[(AnalyticsResult.priority_level == name, value) for name, value in PRIORITY_RANK.items()], else_=9)
    query = query.order_by(
        rank, WebhookMessage.due_at.is_(None), WebhookMessage.due_at, WebhookMessage.received_at
    ).limit(where.limit)
    rows = session.execute(query).all()
    routes = _routes_for(session, [m.message_id for m, _ in rows])
    return [message_summary(m, a, routes.get(m.message_id)) for m, a in rows]


def _search(text: str) -> ColumnElement[bool]:
    """`q=`: the text in the message, the chat's name or the id, taken literally (`%` and `_` are not
    wildcards), or digits of the phone number (`0555 123`, `+90 555`, `5551234567`)."""
    found = (
        WebhookMessage.current_message.contains(text, autoescape=True)
        | WebhookMessage.chat_name.contains(text, autoescape=True)
        | WebhookMessage.message_id.contains(text, autoescape=True)
    )
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 3 and not any(ch.isalpha() for ch in text):
        found = found | WebhookMessage.phone_number.contains(digits, autoescape=True)
        if digits.startswith("0") and not digits.startswith("00"):
            found = found | WebhookMessage.phone_number.contains(digits[1:], autoescape=True)
    return found


def _routes_for(session: Session, message_ids: list[str]) -> dict[str, AgentRouting]:
    if not message_ids:
        return {}
    routes: dict[str, AgentRouting] = {}
    for row in session.scalars(
        select(AgentRouting).where(AgentRouting.message_id.in_(message_ids)).order_by(AgentRouting.attempt)
    ):
        routes[row.message_id] = row
    return routes


def open_chat_messages(session: Session, phone_number: str) -> list[str]:
    return list(
        session.scalars(
            select(WebhookMessage.message_id).where(
                WebhookMessage.phone_number == phone_number, WebhookMessage.status.in_(OPEN_STATES)
            )
        )
    )


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
            "period_start": _aware(s.period_start),
            "period_end": _aware(s.period_end),
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
                "due_at": _aware(m.due_at),
                "answered_at": _aware(m.answered_at),
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
        analysis = _latest(session, AnalyticsResult, message.message_id)
        routing = _latest(session, AgentRouting, message.message_id)
        answered = message.answered_at
        seconds = (answered - message.received_at).total_seconds() if answered else None
        rows.append(
            {
                "message_id": message.message_id,
                "received_at": _aware(message.received_at),
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
                "due_at": _aware(message.due_at) or "",
                "answered_at": _aware(answered) or "",
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
