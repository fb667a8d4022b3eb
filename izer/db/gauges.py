"""What `/metrics` reads from the database: a few indexed counts whose cost follows the open queue,
never the stored history, and the latest statistics snapshot (one row). Every API process reads the
same numbers, so several replicas behind a balancer agree."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from izer.db.models import AnalyticsResult, SystemStats, WebhookMessage
from izer.db.store import OPEN_STATES, utcnow


@dataclass(frozen=True)
class Gauges:
    open_by_priority: dict[str, int] = field(default_factory=dict)
    open_breaches: int = 0
    snapshot_by_category: dict[str, int] = field(default_factory=dict)
    snapshot_by_priority: dict[str, int] = field(default_factory=dict)

    @property
    def open_messages(self) -> int:
        return sum(self.open_by_priority.values())


def read_gauges(session: Session) -> Gauges:
    """Open messages by priority and open breaches (the status index: only open rows are read), and the
    counts of the latest `system_stats` period (the unique index on period_end: one row)."""
    latest = (
        select(func.max(AnalyticsResult.attempt))
        .where(AnalyticsResult.message_id == WebhookMessage.message_id)
        .correlate(WebhookMessage)
        .scalar_subquery()
    )
    priority = func.coalesce(AnalyticsResult.priority_level, "unanalyzed")
    open_rows = session.execute(
        select(priority, func.count())
        .select_from(WebhookMessage)
        .outerjoin(
            AnalyticsResult,
            (AnalyticsResult.message_id == WebhookMessage.message_id) & (AnalyticsResult.attempt == latest),
        )
        .where(WebhookMessage.status.in_(OPEN_STATES))
        .group_by(priority)
    ).all()
    breaches = session.scalar(
        select(func.count())
        .select_from(WebhookMessage)
        .where(WebhookMessage.status.in_(OPEN_STATES), WebhookMessage.due_at < utcnow())
    )
    snapshot = session.scalar(select(SystemStats).order_by(SystemStats.period_end.desc()).limit(1))
    details = json.loads(snapshot.details) if snapshot is not None and snapshot.details else {}
    return Gauges(
        open_by_priority={str(name): int(count) for name, count in open_rows},
        open_breaches=int(breaches or 0),
        snapshot_by_category={str(k): int(v) for k, v in details.get("by_category", {}).items()},
        snapshot_by_priority={str(k): int(v) for k, v in details.get("by_priority", {}).items()},
    )
