"""The escalations sent for a message: one row per (message, level, kind, target), saying whether the page
was delivered, and the rule that a chat is paged once per level at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db.models import Escalation, WebhookMessage
from izer.db.store import OPEN_STATES, naive_utc, utcnow


def _escalation_row(session: Session, message_id: str, level: int, kind: str, target: str) -> Escalation | None:
    return session.scalar(
        select(Escalation).where(
            Escalation.message_id == message_id,
            Escalation.level == level,
            Escalation.kind == kind,
            Escalation.target == target,
        )
    )


def escalation_sent(session: Session, message_id: str, level: int, kind: str, target: str) -> bool:
    row = _escalation_row(session, message_id, level, kind, target)
    return row is not None and row.delivered


def record_escalation(
    session: Session,
    *,
    message_id: str,
    level: int,
    kind: str,
    target: str,
    delivered: bool,
    detail: str | None,
    due_at: datetime,
    late_by_seconds: float,
) -> None:
    """Insert or update the one row of (message, level, kind, target)."""
    row = _escalation_row(session, message_id, level, kind, target)
    if row is None:
        row = Escalation(
            message_id=message_id,
            level=level,
            kind=kind,
            target=target,
            created_at=utcnow(),
            due_at=naive_utc(due_at),
        )
        session.add(row)
    row.delivered = delivered
    row.detail = detail
    row.late_by_seconds = late_by_seconds
    try:
        session.commit()
    except IntegrityError:
        session.rollback()


def chat_escalated_elsewhere(
    session: Session, message_id: str, phone_number: str, level: int, *, within: timedelta = timedelta(hours=24)
) -> str | None:
    """Another open message of the chat, from the same conversation (received within `within`), already
    escalated to this level: one page per chat at a time. An old message left escalated blocks nothing."""
    query = (
        select(WebhookMessage.message_id)
        .join(Escalation, Escalation.message_id == WebhookMessage.message_id)
        .where(
            WebhookMessage.phone_number == phone_number,
            WebhookMessage.message_id != message_id,
            WebhookMessage.status.in_(OPEN_STATES),
            WebhookMessage.received_at >= utcnow() - within,
            Escalation.kind == "breach",
            Escalation.level >= level,
            Escalation.delivered.is_(True),
        )
        .limit(1)
    )
    return session.scalar(query)
