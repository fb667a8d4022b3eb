"""Idempotent writes of the pipeline: every insert is keyed on a UNIQUE business key."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Update, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from izer.db.models import (
    AgentRouting,
    AnalyticsResult,
    Escalation,
    MessageHistory,
    MessageReaction,
    MessageStatusRecord,
    WebhookMessage,
)
from izer.domain import (
    Analysis,
    AnswerSignal,
    HistoryEntry,
    IncomingMessage,
    RecordResult,
    RoutingResult,
)

OPEN_STATES = ("received", "open", "escalated")
AUTOMATED_TYPES = frozenset({"agent", "bot", "auto", "automatic", "automated"})


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def naive_utc(value: datetime) -> datetime:
    """Database timestamps are naive UTC."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def is_business_sender(sender: str, business_senders: Sequence[str]) -> bool:
    """`İzer` and `İzer Servis` are the business; matching ignores case (Turkish-aware)."""
    folded = sender.strip().replace("I", "ı").replace("İ", "i").casefold()
    for name in business_senders:
        own = name.strip().replace("I", "ı").replace("İ", "i").casefold()
        if own and (folded == own or folded.startswith(own + " ")):
            return True
    return False


def _message_row(session: Session, message_id: str) -> WebhookMessage | None:
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
    row = _message_row(session, message.message_id)
    inserted = False
    if row is None:
        row = _insert_message(session, message, workflow_id=workflow_id, business_senders=business_senders)
        inserted = row is not None
        row = row or _message_row(session, message.message_id)
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


def _insert_once(session: Session, row: object) -> bool:
    session.add(row)
    try:
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
        return False


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
    return _insert_once(session, _analysis_row(message_id, analysis, attempt=attempt))


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
    return _insert_once(session, _routing_row(message_id, routing, attempt=attempt, processed_at=processed_at))


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
    row = _message_row(session, message_id)
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


def record_status(
    session: Session,
    *,
    wamid: str,
    status: str,
    recipient_phone: str,
    status_at: datetime,
    errors: list[dict[str, object]] | None,
) -> bool:
    return _insert_once(
        session,
        MessageStatusRecord(
            wamid=wamid,
            status=status[:16],
            recipient_phone=recipient_phone,
            status_at=naive_utc(status_at),
            errors=json.dumps(errors, ensure_ascii=False) if errors else None,
            created_at=utcnow(),
        ),
    )


def record_reaction(
    session: Session,
    *,
    reaction_id: str,
    message_id: str,
    phone_number: str,
    emoji: str,
    reacted_at: datetime,
) -> bool:
    return _insert_once(
        session,
        MessageReaction(
            reaction_id=reaction_id,
            message_id=message_id,
            phone_number=phone_number,
            emoji=emoji[:32],
            reacted_at=naive_utc(reacted_at),
            created_at=utcnow(),
        ),
    )


def load_message(session: Session, message_id: str) -> IncomingMessage | None:
    """A stored message as the workflow received it, history included."""
    row = _message_row(session, message_id)
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


def next_attempt(session: Session, message_id: str) -> int:
    """The attempt number a replay of the message records its analysis and routing under."""
    latest = session.scalar(select(func.max(AnalyticsResult.attempt)).where(AnalyticsResult.message_id == message_id))
    return int(latest or 0) + 1
