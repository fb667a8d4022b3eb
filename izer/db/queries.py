"""Reads of messages for the API and the dashboard's queue: one message in full, the queue filtered and
most urgent first, a chat's open messages, and the webhook answer of a finished message rebuilt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from izer.db import corrections
from izer.db.models import AgentRouting, AnalyticsResult, Escalation, MessageHistory, WebhookMessage
from izer.db.store import OPEN_STATES
from izer.domain import PRIORITY_RANK, Analysis, RoutingResult, WebhookResult


def iso_utc(value: datetime | None) -> str | None:
    """A naive UTC database timestamp as ISO 8601 with its offset."""
    return value.replace(tzinfo=UTC).isoformat() if value else None


def latest_attempt(session: Session, model: Any, message_id: str) -> Any:
    """The message's row of `model` (analysis or routing) with the highest attempt."""
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
    analysis = latest_attempt(session, AnalyticsResult, message_id)
    routing = latest_attempt(session, AgentRouting, message_id)
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
        "chat_time": iso_utc(message.chat_time),
        "received_at": iso_utc(message.received_at),
        "status": message.status,
        "due_at": iso_utc(message.due_at),
        "escalation_level": message.escalation_level,
        "answered_at": iso_utc(message.answered_at),
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
        message, latest_attempt(session, AnalyticsResult, message_id), latest_attempt(session, AgentRouting, message_id)
    )
    detail["media"] = json.loads(message.media) if message.media else {}
    detail["reply_to"] = message.reply_to
    detail["history"] = [
        {
            "sender": h.sender,
            "content": h.content,
            "timestamp": iso_utc(h.sent_at),
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
            "due_at": iso_utc(e.due_at),
            "late_by_seconds": e.late_by_seconds,
            "created_at": iso_utc(e.created_at),
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
