"""What became of a stored message: its analysis and routing, one row per attempt (the first attempt's
written in one transaction with the message's next status; a replay's under the next attempt number), its
status, and the first answer."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Update, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db.models import AgentRouting, AnalyticsResult, WebhookMessage
from izer.db.store import insert_once, message_row, naive_utc, utcnow
from izer.domain import Analysis, AnswerSignal, RoutingResult


def _analysis_row(message_id: str, analysis: Analysis, *, attempt: int) -> AnalyticsResult:
    return AnalyticsResult(
        message_id=message_id,
        attempt=attempt,
        urgency_score=analysis.urgency_score,
        category=analysis.category,
        sentiment=analysis.sentiment,
        keywords=json.dumps(analysis.keywords, ensure_ascii=False),
        priority_level=analysis.priority_level,
        action_required=analysis.action_required,
        recommended_response_time=analysis.recommended_response_time,
        analyzer=analysis.analyzer,
        degraded=analysis.degraded,
        signals=json.dumps(analysis.signals, ensure_ascii=False),
        model=analysis.model,
        prompt_tokens=analysis.prompt_tokens,
        completion_tokens=analysis.completion_tokens,
        latency_ms=analysis.latency_ms,
        created_at=utcnow(),
        model_version=analysis.model_version,
        needs_review=analysis.needs_review,
        degraded_reason=(analysis.degraded_reason or "")[:255] or None,
    )


def _routing_row(
    message_id: str, routing: RoutingResult, *, attempt: int, processed_at: datetime | None
) -> AgentRouting:
    return AgentRouting(
        message_id=message_id,
        attempt=attempt,
        agent=routing.agent,
        first_choice=routing.first_choice,
        success=routing.success,
        fallback=routing.fallback,
        idempotency_key=routing.idempotency_key,
        response=json.dumps(routing.response, ensure_ascii=False) if routing.response is not None else None,
        error=routing.error,
        created_at=naive_utc(processed_at) if processed_at else utcnow(),
    )


def record_analysis(session: Session, message_id: str, analysis: Analysis, *, attempt: int = 1) -> bool:
    return insert_once(session, _analysis_row(message_id, analysis, attempt=attempt))


def record_routing(
    session: Session,
    message_id: str,
    routing: RoutingResult,
    *,
    attempt: int = 1,
    processed_at: datetime | None = None,
) -> bool:
    """Insert the routing record once; created_at is the webhook answer's processed_at when given, so an
    answer rebuilt from this row (a repeated delivery after the workflow closed) matches the first."""
    return insert_once(session, _routing_row(message_id, routing, attempt=attempt, processed_at=processed_at))


def record_outcome(
    session: Session,
    message_id: str,
    analysis: Analysis,
    routing: RoutingResult,
    *,
    processed_at: datetime,
    status: str | None = None,
    due_at: datetime | None = None,
) -> None:
    """The first attempt's analysis and routing, and the message moved to `status` (unless answered), in
    one transaction. A retry after that transaction committed finds the rows there: each part is then
    written on its own, once, as `record_analysis`, `record_routing` and `set_status` do."""
    try:
        session.add(_analysis_row(message_id, analysis, attempt=1))
        session.add(_routing_row(message_id, routing, attempt=1, processed_at=processed_at))
        if status is not None:
            session.execute(_status_update(message_id, status, due_at=due_at))
        session.commit()
        return
    except IntegrityError:
        session.rollback()
    record_analysis(session, message_id, analysis)
    record_routing(session, message_id, routing, processed_at=processed_at)
    if status is not None:
        set_status(session, message_id, status, due_at=due_at)


def _status_update(
    message_id: str, status: str, *, due_at: datetime | None = None, escalation_level: int | None = None
) -> Update:
    values: dict[str, object] = {"status": status, "updated_at": utcnow()}
    if due_at is not None:
        values["due_at"] = naive_utc(due_at)
    if escalation_level is not None:
        values["escalation_level"] = escalation_level
    return (
        update(WebhookMessage)
        .where(WebhookMessage.message_id == message_id, WebhookMessage.status != "answered")
        .values(**values)
    )


def set_status(
    session: Session,
    message_id: str,
    status: str,
    *,
    due_at: datetime | None = None,
    escalation_level: int | None = None,
) -> None:
    """Move an unanswered message to `status`; an answered message stays answered."""
    session.execute(_status_update(message_id, status, due_at=due_at, escalation_level=escalation_level))
    session.commit()


def record_answer(session: Session, message_id: str, answer: AnswerSignal, answered_at: datetime) -> bool:
    """Mark answered once: the first answer's who and when are kept. An answer found in a history can
    predate the message's arrival here (the bridge delivered it late); it counts from the arrival."""
    row = message_row(session, message_id)
    if row is None or row.answered_at is not None:
        return False
    result = session.execute(
        update(WebhookMessage)
        .where(WebhookMessage.message_id == message_id, WebhookMessage.answered_at.is_(None))
        .values(
            status="answered",
            answered_at=max(naive_utc(answered_at), row.received_at),
            answered_by=answer.answered_by[:255],
            answer_source=answer.source,
            updated_at=utcnow(),
        )
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def next_attempt(session: Session, message_id: str) -> int:
    """The attempt number a replay of the message records its analysis and routing under."""
    latest = session.scalar(select(func.max(AnalyticsResult.attempt)).where(AnalyticsResult.message_id == message_id))
    return int(latest or 0) + 1
