"""SQLAlchemy 2.0 models mirroring schema.sql (the source of truth; tests/db proves they match)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Id = BigInteger().with_variant(Integer, "sqlite")
Timestamp = DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
# Message ids, wamids and reaction ids compare exactly on MySQL, as they do on SQLite.
MessageKey = String(191).with_variant(mysql.VARCHAR(191, collation="utf8mb4_bin"), "mysql", "mariadb")
TABLE_OPTIONS = {"mysql_engine": "InnoDB", "mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


class Base(DeclarativeBase):
    pass


def _id() -> Mapped[int]:
    return mapped_column(Id, primary_key=True, autoincrement=True)


def _message_fk() -> Mapped[str]:
    return mapped_column(MessageKey, ForeignKey("webhook_messages.message_id", ondelete="CASCADE"), nullable=False)


class WebhookMessage(Base):
    __tablename__ = "webhook_messages"
    __table_args__ = (
        UniqueConstraint("message_id", name="uq_webhook_messages_message_id"),
        Index("ix_webhook_messages_phone_status", "phone_number", "status"),
        Index("ix_webhook_messages_status", "status"),
        Index("ix_webhook_messages_received_at", "received_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = mapped_column(MessageKey, nullable=False)
    chat_time: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    chat_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    phone_number: Mapped[str] = mapped_column(String(32), nullable=False)
    current_message: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False, default="bridge")
    message_type: Mapped[str] = mapped_column(String(32), nullable=False, default="text")
    is_group: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reply_to: Mapped[str | None] = mapped_column(String(191))
    media: Mapped[str | None] = mapped_column(Text)
    workflow_id: Mapped[str] = mapped_column(String(255), nullable=False)
    received_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="received")
    due_at: Mapped[datetime | None] = mapped_column(Timestamp)
    escalation_level: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    answered_at: Mapped[datetime | None] = mapped_column(Timestamp)
    answered_by: Mapped[str | None] = mapped_column(String(255))
    answer_source: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class MessageHistory(Base):
    __tablename__ = "message_history"
    __table_args__ = (
        UniqueConstraint("message_id", "position", name="uq_message_history_message_position"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = _message_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    sender: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    content: Mapped[str] = mapped_column(Text, nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)
    entry_type: Mapped[str] = mapped_column(String(32), nullable=False, default="text")
    is_business: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class AnalyticsResult(Base):
    __tablename__ = "analytics_results"
    __table_args__ = (
        UniqueConstraint("message_id", "attempt", name="uq_analytics_results_message_attempt"),
        Index("ix_analytics_results_created_at", "created_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = _message_fk()
    attempt: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    urgency_score: Mapped[int] = mapped_column(Integer, nullable=False)
    category: Mapped[str] = mapped_column(String(16), nullable=False)
    sentiment: Mapped[str] = mapped_column(String(16), nullable=False)
    keywords: Mapped[str] = mapped_column(Text, nullable=False)
    priority_level: Mapped[str] = mapped_column(String(16), nullable=False)
    action_required: Mapped[bool] = mapped_column(Boolean, nullable=False)
    recommended_response_time: Mapped[str] = mapped_column(String(16), nullable=False)
    analyzer: Mapped[str] = mapped_column(String(16), nullable=False)
    degraded: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    signals: Mapped[str] = mapped_column(Text, nullable=False)
    model: Mapped[str | None] = mapped_column(String(64))
    prompt_tokens: Mapped[int | None] = mapped_column(Integer)
    completion_tokens: Mapped[int | None] = mapped_column(Integer)
    latency_ms: Mapped[float | None] = mapped_column(Double)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    model_version: Mapped[str | None] = mapped_column(String(64))
    needs_review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    degraded_reason: Mapped[str | None] = mapped_column(String(255))


class AgentRouting(Base):
    __tablename__ = "agent_routing"
    __table_args__ = (
        UniqueConstraint("message_id", "attempt", name="uq_agent_routing_message_attempt"),
        Index("ix_agent_routing_created_at", "created_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = _message_fk()
    attempt: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    agent: Mapped[str] = mapped_column(String(64), nullable=False)
    first_choice: Mapped[str | None] = mapped_column(String(64))
    success: Mapped[bool] = mapped_column(Boolean, nullable=False)
    fallback: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    idempotency_key: Mapped[str] = mapped_column(String(255), nullable=False)
    response: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class Escalation(Base):
    __tablename__ = "escalations"
    __table_args__ = (
        UniqueConstraint("message_id", "level", "kind", "target", name="uq_escalations_message_level_kind_target"),
        Index("ix_escalations_created_at", "created_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = _message_fk()
    level: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="breach")
    target: Mapped[str] = mapped_column(String(64), nullable=False)
    delivered: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    detail: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    late_by_seconds: Mapped[float] = mapped_column(Double, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class LabelCorrection(Base):
    __tablename__ = "label_corrections"
    __table_args__ = (
        Index("ix_label_corrections_message_id", "message_id"),
        Index("ix_label_corrections_created_at", "created_at"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    message_id: Mapped[str] = _message_fk()
    corrected_by: Mapped[str] = mapped_column(String(255), nullable=False)
    analyzer: Mapped[str] = mapped_column(String(16), nullable=False)
    model_version: Mapped[str | None] = mapped_column(String(64))
    old_category: Mapped[str] = mapped_column(String(16), nullable=False)
    new_category: Mapped[str] = mapped_column(String(16), nullable=False)
    old_priority: Mapped[str] = mapped_column(String(16), nullable=False)
    new_priority: Mapped[str] = mapped_column(String(16), nullable=False)
    old_action_required: Mapped[bool] = mapped_column(Boolean, nullable=False)
    new_action_required: Mapped[bool] = mapped_column(Boolean, nullable=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class MessageStatusRecord(Base):
    __tablename__ = "message_statuses"
    __table_args__ = (
        UniqueConstraint("wamid", "status", name="uq_message_statuses_wamid_status"),
        Index("ix_message_statuses_recipient", "recipient_phone"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    wamid: Mapped[str] = mapped_column(MessageKey, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    recipient_phone: Mapped[str] = mapped_column(String(32), nullable=False)
    status_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    errors: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class WhatsAppReply(Base):
    __tablename__ = "whatsapp_replies"
    __table_args__ = (
        UniqueConstraint("reply_key", name="uq_whatsapp_replies_reply_key"),
        UniqueConstraint("wamid", name="uq_whatsapp_replies_wamid"),
        Index("ix_whatsapp_replies_message", "message_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    reply_key: Mapped[str] = mapped_column(MessageKey, nullable=False)
    message_id: Mapped[str] = _message_fk()
    phone_number: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="text")
    body: Mapped[str] = mapped_column(Text, nullable=False)
    sent_by: Mapped[str] = mapped_column(String(255), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="sending")
    wamid: Mapped[str | None] = mapped_column(MessageKey)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error_code: Mapped[int | None] = mapped_column(Integer)
    error_detail: Mapped[str | None] = mapped_column(Text)
    attempted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    status_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class MessageReaction(Base):
    __tablename__ = "message_reactions"
    __table_args__ = (
        UniqueConstraint("reaction_id", name="uq_message_reactions_reaction_id"),
        Index("ix_message_reactions_message", "message_id"),
        TABLE_OPTIONS,
    )

    id: Mapped[int] = _id()
    reaction_id: Mapped[str] = mapped_column(MessageKey, nullable=False)
    message_id: Mapped[str] = mapped_column(MessageKey, nullable=False)
    phone_number: Mapped[str] = mapped_column(String(32), nullable=False)
    emoji: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    reacted_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class CriticalGroup(Base):
    __tablename__ = "critical_groups"
    __table_args__ = (UniqueConstraint("group_name", name="uq_critical_groups_group_name"), TABLE_OPTIONS)

    id: Mapped[int] = _id()
    group_name: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    min_priority: Mapped[str] = mapped_column(String(16), nullable=False, default="high")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class ImportantCustomer(Base):
    __tablename__ = "important_customers"
    __table_args__ = (UniqueConstraint("phone_number", name="uq_important_customers_phone_number"), TABLE_OPTIONS)

    id: Mapped[int] = _id()
    phone_number: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    tier: Mapped[str] = mapped_column(String(32), nullable=False, default="vip")
    min_priority: Mapped[str] = mapped_column(String(16), nullable=False, default="high")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)


class SystemStats(Base):
    __tablename__ = "system_stats"
    __table_args__ = (UniqueConstraint("period_end", name="uq_system_stats_period_end"), TABLE_OPTIONS)

    id: Mapped[int] = _id()
    period_start: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    period_end: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
    total_messages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    open_messages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    answered_messages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    escalations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    breaches: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    degraded_analyses: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    details: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp, nullable=False)
