"""What İzer sends out: the facts an escalation notice tells, and the replies to customers through the
WhatsApp Cloud API with their idempotency guard (a row per send, written before the send)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db.models import AgentRouting, AnalyticsResult, WebhookMessage, WhatsAppReply
from izer.db.store import naive_utc, utcnow

CUSTOMER_SERVICE_WINDOW = timedelta(hours=24)
DELIVERY_STATUSES = ("sent", "delivered", "read", "failed")
STATUS_ORDER = {"sending": 0, "unsent": 0, "rejected": 0, "accepted": 1, "sent": 2, "delivered": 3, "read": 4}


@dataclass(frozen=True)
class EscalationContext:
    """A message as an escalation notice tells it, read from the database."""

    message_id: str
    status: str
    chat_name: str
    phone_number: str
    is_group: bool
    text: str
    received_at: datetime
    due_at: datetime | None
    priority: str
    category: str
    analysis: dict[str, Any]
    agent: str | None
    suggested_reply: str | None

    @property
    def answered(self) -> bool:
        return self.status in ("answered", "closed")


def escalation_context(session: Session, message_id: str) -> EscalationContext | None:
    row = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))
    if row is None:
        return None
    analysis = session.scalar(
        select(AnalyticsResult)
        .where(AnalyticsResult.message_id == message_id)
        .order_by(AnalyticsResult.attempt.desc())
        .limit(1)
    )
    routing = session.scalar(
        select(AgentRouting).where(AgentRouting.message_id == message_id).order_by(AgentRouting.attempt.desc()).limit(1)
    )
    response = json.loads(routing.response) if routing is not None and routing.response else {}
    suggested = response.get("suggested_reply") if isinstance(response, dict) else None
    labels: dict[str, Any] = {}
    if analysis is not None:
        labels = {
            "category": analysis.category,
            "priority_level": analysis.priority_level,
            "urgency_score": analysis.urgency_score,
            "sentiment": analysis.sentiment,
            "keywords": json.loads(analysis.keywords),
            "signals": json.loads(analysis.signals),
            "recommended_response_time": analysis.recommended_response_time,
        }
    return EscalationContext(
        message_id=message_id,
        status=row.status,
        chat_name=row.chat_name,
        phone_number=row.phone_number,
        is_group=row.is_group,
        text=row.current_message,
        received_at=row.received_at.replace(tzinfo=UTC),
        due_at=row.due_at.replace(tzinfo=UTC) if row.due_at else None,
        priority=analysis.priority_level if analysis else "normal",
        category=analysis.category if analysis else "general",
        analysis=labels,
        agent=routing.agent if routing is not None and routing.success else None,
        suggested_reply=str(suggested) if suggested else None,
    )


@dataclass(frozen=True)
class ReplyTarget:
    """Where a reply to a message goes, and whether WhatsApp's 24-hour window still allows free text."""

    message_id: str
    phone_number: str
    source: str
    status: str
    last_customer_at: datetime | None

    def window_open(self, now: datetime) -> bool:
        return self.last_customer_at is not None and now - self.last_customer_at < CUSTOMER_SERVICE_WINDOW

    def window_closes_at(self) -> datetime | None:
        return self.last_customer_at + CUSTOMER_SERVICE_WINDOW if self.last_customer_at else None


def reply_target(session: Session, message_id: str) -> ReplyTarget | None:
    row = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))
    if row is None:
        return None
    return ReplyTarget(
        message_id=row.message_id,
        phone_number=row.phone_number,
        source=row.source,
        status=row.status,
        last_customer_at=last_customer_message(session, row.phone_number),
    )


def last_customer_message(session: Session, phone_number: str) -> datetime | None:
    """When the customer last wrote on WhatsApp: the 24-hour customer-service window runs from there."""
    latest = session.scalar(
        select(func.max(WebhookMessage.chat_time)).where(
            WebhookMessage.phone_number == phone_number, WebhookMessage.source == "whatsapp"
        )
    )
    return latest.replace(tzinfo=UTC) if latest else None


def last_customer_messages(session: Session, phones: list[str]) -> dict[str, datetime]:
    if not phones:
        return {}
    rows = session.execute(
        select(WebhookMessage.phone_number, func.max(WebhookMessage.chat_time))
        .where(WebhookMessage.phone_number.in_(set(phones)), WebhookMessage.source == "whatsapp")
        .group_by(WebhookMessage.phone_number)
    ).all()
    return {phone: latest.replace(tzinfo=UTC) for phone, latest in rows if latest}


@dataclass(frozen=True)
class ReplyPlan:
    """What a send attempt must do: `send` now, `wait` for the status of an earlier attempt whose answer
    was lost, or nothing because the row already holds the outcome."""

    action: str
    row: dict[str, Any]


def begin_reply(
    session: Session,
    *,
    message_id: str,
    phone_number: str,
    reply_key: str,
    kind: str,
    body: str,
    sent_by: str,
    confirm_window: timedelta,
) -> ReplyPlan:
    """Write the intent before anything is sent; on a retry decide from what the row says."""
    now = utcnow()
    row = session.scalar(select(WhatsAppReply).where(WhatsAppReply.reply_key == reply_key))
    if row is None:
        row = WhatsAppReply(
            reply_key=reply_key,
            message_id=message_id,
            phone_number=phone_number,
            kind=kind,
            body=body,
            sent_by=sent_by[:255],
            status="sending",
            attempts=1,
            attempted_at=now,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return begin_reply(
                session,
                message_id=message_id,
                phone_number=phone_number,
                reply_key=reply_key,
                kind=kind,
                body=body,
                sent_by=sent_by,
                confirm_window=confirm_window,
            )
        return ReplyPlan("send", reply_view(row))
    if row.wamid is not None or row.status == "rejected":
        return ReplyPlan("done", reply_view(row))
    if row.status == "sending" and row.attempted_at is not None and now - row.attempted_at < confirm_window:
        return ReplyPlan("wait", reply_view(row))
    row.status = "sending"
    row.attempts += 1
    row.attempted_at = now
    row.updated_at = now
    session.commit()
    return ReplyPlan("send", reply_view(row))


def finish_reply(
    session: Session,
    reply_key: str,
    *,
    status: str,
    wamid: str | None = None,
    error_code: int | None = None,
    error_detail: str | None = None,
) -> dict[str, Any]:
    """Record what Meta answered (`accepted` with the wamid, `rejected`, or `unsent` when the attempt
    surely did not reach Meta). A status webhook can arrive before this answer is recorded (Meta sends
    `sent` at once): then its wamid and status are kept. One conditional UPDATE decides, so a webhook
    committing between a read and this write cannot be overwritten."""
    session.execute(
        update(WhatsAppReply)
        .where(WhatsAppReply.reply_key == reply_key, WhatsAppReply.wamid.is_(None))
        .values(wamid=wamid, status=status, error_code=error_code, error_detail=error_detail, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.commit()
    fresh = select(WhatsAppReply).where(WhatsAppReply.reply_key == reply_key).execution_options(populate_existing=True)
    row = session.scalar(fresh)
    if row is None:
        raise LookupError(f"no reply {reply_key!r}")
    return reply_view(row)


def apply_status(
    session: Session,
    *,
    wamid: str,
    status: str,
    status_at: datetime,
    tracking: str | None,
    error_code: int | None,
    error_detail: str | None,
) -> WhatsAppReply | None:
    """A status webhook about one of İzer's replies: found by wamid, or by the reply key Meta echoes back
    (`biz_opaque_callback_data`), which also records a wamid whose send answer was lost. Statuses only move
    forward (Meta may deliver `read` before `delivered`); `failed` always wins."""
    row = session.scalar(select(WhatsAppReply).where(WhatsAppReply.wamid == wamid))
    if row is None and tracking:
        row = session.scalar(select(WhatsAppReply).where(WhatsAppReply.reply_key == tracking))
    if row is None:
        return None
    if row.wamid is None:
        row.wamid = wamid
    if status == "failed" or STATUS_ORDER.get(status, 0) > STATUS_ORDER.get(row.status, 0):
        row.status = status
        row.status_at = naive_utc(status_at)
    if status == "failed":
        row.error_code = error_code
        row.error_detail = error_detail
    row.updated_at = utcnow()
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    return row


def reply_view(row: WhatsAppReply) -> dict[str, Any]:
    return {
        "reply_key": row.reply_key,
        "kind": row.kind,
        "text": row.body,
        "sent_by": row.sent_by,
        "status": row.status,
        "wamid": row.wamid,
        "attempts": row.attempts,
        "error_code": row.error_code,
        "error": row.error_detail,
        "created_at": row.created_at.replace(tzinfo=UTC).isoformat(),
        "status_at": row.status_at.replace(tzinfo=UTC).isoformat() if row.status_at else None,
    }


def replies_of(session: Session, message_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(WhatsAppReply).where(WhatsAppReply.message_id == message_id).order_by(WhatsAppReply.id)
    )
    return [reply_view(row) for row in rows]
