"""The message stored once with its chat history and read back as the workflow received it, and which of
the chat's open messages the business's latest reply in that history answers.

Every write in `izer/db/` follows the rules kept here: timestamps are naive UTC, and each insert is keyed
on a UNIQUE business key, so a repeated insert is refused by the database instead of stored twice."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db.models import MessageHistory, WebhookMessage
from izer.domain import HistoryEntry, IncomingMessage, RecordResult

OPEN_STATES = ("received", "open", "escalated")
AUTOMATED_TYPES = frozenset({"agent", "bot", "auto", "automatic", "automated"})


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def naive_utc(value: datetime) -> datetime:
    """Database timestamps are naive UTC."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def insert_once(session: Session, row: object) -> bool:
    """Insert the row and commit; False when a row with its unique key is already there."""
    session.add(row)
    try:
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
        return False


def is_business_sender(sender: str, business_senders: Sequence[str]) -> bool:
    """`İzer` and `İzer Servis` are the business; matching ignores case (Turkish-aware)."""
    folded = sender.strip().replace("I", "ı").replace("İ", "i").casefold()
    for name in business_senders:
        own = name.strip().replace("I", "ı").replace("İ", "i").casefold()
        if own and (folded == own or folded.startswith(own + " ")):
            return True
    return False


def message_row(session: Session, message_id: str) -> WebhookMessage | None:
    return session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == message_id))


def _insert_message(
    session: Session, message: IncomingMessage, *, workflow_id: str, business_senders: Sequence[str]
) -> WebhookMessage | None:
    """Insert the message and its history in one transaction; None when another insert won the race."""
    now = utcnow()
    row = WebhookMessage(
        message_id=message.message_id,
        chat_time=naive_utc(message.chat_time),
        chat_name=message.chat_name[:255],
        phone_number=message.phone_number,
        current_message=message.current_message,
        source=message.source,
        message_type=message.message_type,
        is_group=message.is_group,
        reply_to=message.reply_to,
        media=json.dumps(message.media, ensure_ascii=False) if message.media else None,
        workflow_id=workflow_id,
        received_at=naive_utc(message.received_at),
        status="received",
        escalation_level=0,
        created_at=now,
        updated_at=now,
    )
    try:
        session.add(row)
        session.flush()  # the message row first: the history rows refer to it
        session.add_all(
            MessageHistory(
                message_id=message.message_id,
                position=position,
                sender=entry.sender[:255],
                content=entry.content,
                sent_at=naive_utc(entry.timestamp) if entry.timestamp else None,
                entry_type=entry.type[:32],
                is_business=is_business_sender(entry.sender, business_senders),
            )
            for position, entry in enumerate(message.history)
        )
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    return row


def record_message(
    session: Session,
    message: IncomingMessage,
    *,
    workflow_id: str,
    business_senders: Sequence[str],
    agent_reply_counts: bool = False,
) -> RecordResult:
    """Store the message and its history once; find the chat's open messages its history answers."""
    row = message_row(session, message.message_id)
    inserted = False
    if row is None:
        row = _insert_message(session, message, workflow_id=workflow_id, business_senders=business_senders)
        inserted = row is not None
        row = row or message_row(session, message.message_id)
        if row is None:
            raise RuntimeError(f"message {message.message_id} could be neither inserted nor found")
    reply = _latest_business_reply(message, business_senders, agent_reply_counts=agent_reply_counts)
    answered: list[str] = []
    if reply is not None:
        answered = open_messages_before(session, message.phone_number, naive_utc(reply[1]), exclude=message.message_id)
    return RecordResult(
        database_id=row.id,
        inserted=inserted,
        answered_in_history=answered,
        business_sender=reply[0] if reply else None,
        business_replied_at=reply[1] if reply else None,
        received_at=row.received_at.replace(tzinfo=UTC),
    )


def _latest_business_reply(
    message: IncomingMessage, business_senders: Sequence[str], *, agent_reply_counts: bool
) -> tuple[str, datetime] | None:
    """The business's latest reply in the history, never dated after the message's arrival; an automatic
    (agent or bot) reply counts only when allowed."""
    for entry in reversed(message.history):
        if entry.timestamp is None or not is_business_sender(entry.sender, business_senders):
            continue
        if entry.type.lower() in AUTOMATED_TYPES and not agent_reply_counts:
            continue
        arrived = message.received_at
        return entry.sender, arrived if naive_utc(entry.timestamp) > naive_utc(arrived) else entry.timestamp
    return None


def open_messages_before(
    session: Session, phone_number: str, before: datetime, *, exclude: str | None = None
) -> list[str]:
    """Ids of the chat's open messages that arrived before `before`."""
    query = select(WebhookMessage.message_id).where(
        WebhookMessage.phone_number == phone_number,
        WebhookMessage.status.in_(OPEN_STATES),
        WebhookMessage.chat_time <= before,
    )
    if exclude:
        query = query.where(WebhookMessage.message_id != exclude)
    return list(session.scalars(query.order_by(WebhookMessage.id)))


def load_message(session: Session, message_id: str) -> IncomingMessage | None:
    """A stored message as the workflow received it, history included."""
    row = message_row(session, message_id)
    if row is None:
        return None
    history = session.scalars(
        select(MessageHistory).where(MessageHistory.message_id == message_id).order_by(MessageHistory.position)
    )
    return IncomingMessage(
        message_id=row.message_id,
        chat_time=row.chat_time.replace(tzinfo=UTC),
        chat_name=row.chat_name,
        phone_number=row.phone_number,
        current_message=row.current_message,
        history=[
            HistoryEntry(
                sender=h.sender,
                content=h.content,
                timestamp=h.sent_at.replace(tzinfo=UTC) if h.sent_at else None,
                type=h.entry_type,
            )
            for h in history
        ],
        received_at=row.received_at.replace(tzinfo=UTC),
        source=row.source,  # type: ignore[arg-type]
        message_type=row.message_type,
        is_group=row.is_group,
        reply_to=row.reply_to,
        media=json.loads(row.media) if row.media else {},
    )
