"""The schema of schema.sql at the first release: every table and key, and the editable critical groups.

A database made from schema.sql itself (the mysql image's docker-entrypoint-initdb.d, or `mysql < schema.sql`)
already has these tables: like schema.sql's CREATE TABLE IF NOT EXISTS, this revision creates only the missing
ones and inserts the defaults with INSERT IGNORE, so `alembic upgrade head` adopts such a database as it is.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import mysql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
# Message ids, wamids and reaction ids compare exactly (utf8mb4_bin), as in schema.sql.
KEY = sa.String(191).with_variant(mysql.VARCHAR(191, collation="utf8mb4_bin"), "mysql", "mariadb")
MYSQL_TABLE: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_unicode_ci",
}

# In creation order; dropped in the reverse one.
TABLES = (
    "webhook_messages",
    "message_history",
    "analytics_results",
    "agent_routing",
    "escalations",
    "message_statuses",
    "message_reactions",
    "critical_groups",
    "important_customers",
    "system_stats",
)

CRITICAL_GROUPS = (
    ("VIP Customers", "VIP customers"),
    ("Technical Support", "Technical support team"),
    ("Sales Team", "Sales team"),
    ("Management", "Management"),
    ("Important Partners", "Important partners and dealers"),
    ("İzer Yönetim", "İzer management"),
)


def upgrade() -> None:
    missing = _missing_tables()
    if "webhook_messages" in missing:
        op.create_table(
            "webhook_messages",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("chat_time", TIMESTAMP, nullable=False),
            sa.Column("chat_name", sa.String(255), nullable=False, server_default=""),
            sa.Column("phone_number", sa.String(32), nullable=False),
            sa.Column("current_message", sa.Text(), nullable=False),
            sa.Column("source", sa.String(16), nullable=False, server_default="bridge"),
            sa.Column("message_type", sa.String(32), nullable=False, server_default="text"),
            sa.Column("is_group", sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.Column("reply_to", sa.String(191), nullable=True),
            sa.Column("media", sa.Text(), nullable=True),
            sa.Column("workflow_id", sa.String(255), nullable=False),
            sa.Column("received_at", TIMESTAMP, nullable=False),
            sa.Column("status", sa.String(16), nullable=False, server_default="received"),
            sa.Column("due_at", TIMESTAMP, nullable=True),
            sa.Column("escalation_level", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("answered_at", TIMESTAMP, nullable=True),
            sa.Column("answered_by", sa.String(255), nullable=True),
            sa.Column("answer_source", sa.String(32), nullable=True),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.Column("updated_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("message_id", name="uq_webhook_messages_message_id"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_webhook_messages_phone_status", "webhook_messages", ["phone_number", "status"])
        op.create_index("ix_webhook_messages_status", "webhook_messages", ["status"])
        op.create_index("ix_webhook_messages_received_at", "webhook_messages", ["received_at"])

    if "message_history" in missing:
        op.create_table(
            "message_history",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("sender", sa.String(255), nullable=False, server_default=""),
            sa.Column("content", sa.Text(), nullable=False),
            sa.Column("sent_at", TIMESTAMP, nullable=True),
            sa.Column("entry_type", sa.String(32), nullable=False, server_default="text"),
            sa.Column("is_business", sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("message_id", "position", name="uq_message_history_message_position"),
            _message_foreign_key("fk_message_history_message"),
            **MYSQL_TABLE,
        )

    if "analytics_results" in missing:
        op.create_table(
            "analytics_results",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("attempt", sa.Integer(), nullable=False, server_default=sa.text("1")),
            sa.Column("urgency_score", sa.Integer(), nullable=False),
            sa.Column("category", sa.String(16), nullable=False),
            sa.Column("sentiment", sa.String(16), nullable=False),
            sa.Column("keywords", sa.Text(), nullable=False),
            sa.Column("priority_level", sa.String(16), nullable=False),
            sa.Column("action_required", sa.Boolean(), nullable=False),
            sa.Column("recommended_response_time", sa.String(16), nullable=False),
            sa.Column("analyzer", sa.String(16), nullable=False),
            sa.Column("degraded", sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.Column("signals", sa.Text(), nullable=False),
            sa.Column("model", sa.String(64), nullable=True),
            sa.Column("prompt_tokens", sa.Integer(), nullable=True),
            sa.Column("completion_tokens", sa.Integer(), nullable=True),
            sa.Column("latency_ms", sa.Double(), nullable=True),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("message_id", "attempt", name="uq_analytics_results_message_attempt"),
            _message_foreign_key("fk_analytics_results_message"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_analytics_results_created_at", "analytics_results", ["created_at"])

    if "agent_routing" in missing:
        op.create_table(
            "agent_routing",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("attempt", sa.Integer(), nullable=False, server_default=sa.text("1")),
            sa.Column("agent", sa.String(64), nullable=False),
            sa.Column("first_choice", sa.String(64), nullable=True),
            sa.Column("success", sa.Boolean(), nullable=False),
            sa.Column("fallback", sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.Column("idempotency_key", sa.String(255), nullable=False),
            sa.Column("response", sa.Text(), nullable=True),
            sa.Column("error", sa.Text(), nullable=True),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("message_id", "attempt", name="uq_agent_routing_message_attempt"),
            _message_foreign_key("fk_agent_routing_message"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_agent_routing_created_at", "agent_routing", ["created_at"])

    if "escalations" in missing:
        op.create_table(
            "escalations",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("level", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(16), nullable=False, server_default="breach"),
            sa.Column("target", sa.String(64), nullable=False),
            sa.Column("delivered", sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.Column("detail", sa.Text(), nullable=True),
            sa.Column("due_at", TIMESTAMP, nullable=False),
            sa.Column("late_by_seconds", sa.Double(), nullable=False, server_default=sa.text("0")),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint(
                "message_id", "level", "kind", "target", name="uq_escalations_message_level_kind_target"
            ),
            _message_foreign_key("fk_escalations_message"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_escalations_created_at", "escalations", ["created_at"])

    if "message_statuses" in missing:
        op.create_table(
            "message_statuses",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("wamid", KEY, nullable=False),
            sa.Column("status", sa.String(16), nullable=False),
            sa.Column("recipient_phone", sa.String(32), nullable=False),
            sa.Column("status_at", TIMESTAMP, nullable=False),
            sa.Column("errors", sa.Text(), nullable=True),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("wamid", "status", name="uq_message_statuses_wamid_status"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_message_statuses_recipient", "message_statuses", ["recipient_phone"])

    if "message_reactions" in missing:
        op.create_table(
            "message_reactions",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("reaction_id", KEY, nullable=False),
            sa.Column("message_id", KEY, nullable=False),
            sa.Column("phone_number", sa.String(32), nullable=False),
            sa.Column("emoji", sa.String(32), nullable=False, server_default=""),
            sa.Column("reacted_at", TIMESTAMP, nullable=False),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("reaction_id", name="uq_message_reactions_reaction_id"),
            **MYSQL_TABLE,
        )
        op.create_index("ix_message_reactions_message", "message_reactions", ["message_id"])

    if "critical_groups" in missing:
        op.create_table(
            "critical_groups",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("group_name", sa.String(255), nullable=False),
            sa.Column("description", sa.String(255), nullable=False, server_default=""),
            sa.Column("min_priority", sa.String(16), nullable=False, server_default="high"),
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("group_name", name="uq_critical_groups_group_name"),
            **MYSQL_TABLE,
        )

    if "important_customers" in missing:
        op.create_table(
            "important_customers",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("phone_number", sa.String(32), nullable=False),
            sa.Column("name", sa.String(255), nullable=False, server_default=""),
            sa.Column("tier", sa.String(32), nullable=False, server_default="vip"),
            sa.Column("min_priority", sa.String(16), nullable=False, server_default="high"),
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("phone_number", name="uq_important_customers_phone_number"),
            **MYSQL_TABLE,
        )

    if "system_stats" in missing:
        op.create_table(
            "system_stats",
            sa.Column("id", ID, autoincrement=True, nullable=False),
            sa.Column("period_start", TIMESTAMP, nullable=False),
            sa.Column("period_end", TIMESTAMP, nullable=False),
            sa.Column("total_messages", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("open_messages", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("answered_messages", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("escalations", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("breaches", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("degraded_analyses", sa.Integer(), nullable=False, server_default=sa.text("0")),
            sa.Column("details", sa.Text(), nullable=False),
            sa.Column("created_at", TIMESTAMP, nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("period_end", name="uq_system_stats_period_end"),
            **MYSQL_TABLE,
        )

    _insert_critical_groups()


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)


def _missing_tables() -> set[str]:
    """Offline (`--sql`) every table; online those the database does not have yet."""
    if context.is_offline_mode():
        return set(TABLES)
    return set(TABLES) - set(sa.inspect(op.get_bind()).get_table_names())


def _message_foreign_key(name: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["message_id"], ["webhook_messages.message_id"], name=name, ondelete="CASCADE")


def _insert_critical_groups() -> None:
    """schema.sql's editable defaults, each inserted unless a group of that name exists (INSERT IGNORE)."""
    table = sa.table(
        "critical_groups",
        sa.column("group_name", sa.String),
        sa.column("description", sa.String),
        sa.column("min_priority", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("created_at", TIMESTAMP),
    )
    rows = [
        {
            "group_name": name,
            "description": description,
            "min_priority": "high",
            "active": True,
            "created_at": sa.func.current_timestamp(),
        }
        for name, description in CRITICAL_GROUPS
    ]
    op.execute(
        sa.insert(table)
        .values(rows)
        .prefix_with("IGNORE", dialect="mysql")
        .prefix_with("IGNORE", dialect="mariadb")
        .prefix_with("OR IGNORE", dialect="sqlite")
    )
