"""The learned model's trace on every analysis (model_version, needs_review, degraded_reason) and the team's
label corrections.

Like 0001, it adopts a database already made from schema.sql: a column or table that exists is left alone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import mysql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
KEY = sa.String(191).with_variant(mysql.VARCHAR(191, collation="utf8mb4_bin"), "mysql", "mariadb")
MYSQL_TABLE: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_unicode_ci",
}
ANALYSIS_COLUMNS: tuple[sa.Column[Any], ...] = (
    sa.Column("model_version", sa.String(64), nullable=True),
    sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("degraded_reason", sa.String(255), nullable=True),
)


def upgrade() -> None:
    offline = context.is_offline_mode()
    inspector = None if offline else sa.inspect(op.get_bind())
    present = set() if inspector is None else {column["name"] for column in inspector.get_columns("analytics_results")}
    for column in ANALYSIS_COLUMNS:
        if column.name not in present:
            op.add_column("analytics_results", column._copy())
    if inspector is not None and "label_corrections" in inspector.get_table_names():
        return
    op.create_table(
        "label_corrections",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("message_id", KEY, nullable=False),
        sa.Column("corrected_by", sa.String(255), nullable=False),
        sa.Column("analyzer", sa.String(16), nullable=False),
        sa.Column("model_version", sa.String(64), nullable=True),
        sa.Column("old_category", sa.String(16), nullable=False),
        sa.Column("new_category", sa.String(16), nullable=False),
        sa.Column("old_priority", sa.String(16), nullable=False),
        sa.Column("new_priority", sa.String(16), nullable=False),
        sa.Column("old_action_required", sa.Boolean(), nullable=False),
        sa.Column("new_action_required", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["webhook_messages.message_id"],
            name="fk_label_corrections_message",
            ondelete="CASCADE",
        ),
        **MYSQL_TABLE,
    )
    op.create_index("ix_label_corrections_message_id", "label_corrections", ["message_id"])
    op.create_index("ix_label_corrections_created_at", "label_corrections", ["created_at"])


def downgrade() -> None:
    op.drop_table("label_corrections")
    for column in reversed(ANALYSIS_COLUMNS):
        op.drop_column("analytics_results", column.name)
