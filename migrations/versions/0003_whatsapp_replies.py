"""Replies to customers through the WhatsApp Cloud API (`whatsapp_replies`).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import mysql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
KEY = sa.String(191).with_variant(mysql.VARCHAR(191, collation="utf8mb4_bin"), "mysql", "mariadb")


def upgrade() -> None:
    # A database made from today's schema.sql already has the table (CREATE TABLE IF NOT EXISTS).
    if not context.is_offline_mode() and "whatsapp_replies" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "whatsapp_replies",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("reply_key", KEY, nullable=False),
        sa.Column("message_id", KEY, nullable=False),
        sa.Column("phone_number", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="text"),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_by", sa.String(255), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="sending"),
        sa.Column("wamid", KEY, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("error_code", sa.Integer(), nullable=True),
        sa.Column("error_detail", sa.Text(), nullable=True),
        sa.Column("attempted_at", TIMESTAMP, nullable=True),
        sa.Column("status_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reply_key", name="uq_whatsapp_replies_reply_key"),
        sa.UniqueConstraint("wamid", name="uq_whatsapp_replies_wamid"),
        sa.ForeignKeyConstraint(
            ["message_id"], ["webhook_messages.message_id"], name="fk_whatsapp_replies_message", ondelete="CASCADE"
        ),
        mysql_engine="InnoDB",
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_unicode_ci",
    )
    op.create_index("ix_whatsapp_replies_message", "whatsapp_replies", ["message_id"])


def downgrade() -> None:
    op.drop_table("whatsapp_replies")
