"""What the run left behind: rows in the run's SQLite file, requests the agents received."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

import httpx
from sqlalchemy import Engine, create_engine, func, select

from izer.db.models import AgentRouting, AnalyticsResult, WebhookMessage


def engine_for(database_file: Path) -> Engine:
    return create_engine(f"sqlite:///{database_file}", connect_args={"timeout": 30})


def routed_at(engine: Engine, prefix: str) -> dict[str, float]:
    """message_id → when its routing was recorded (epoch seconds), for ids starting with `prefix`."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(AgentRouting.message_id, func.min(AgentRouting.created_at))
            .where(AgentRouting.message_id.like(f"{prefix}%"))
            .group_by(AgentRouting.message_id)
        ).all()
    return {message_id: created.replace(tzinfo=UTC).timestamp() for message_id, created in rows}


def count_routed(engine: Engine, prefix: str) -> int:
    with engine.connect() as connection:
        return int(
            connection.scalar(
                select(func.count(func.distinct(AgentRouting.message_id))).where(
                    AgentRouting.message_id.like(f"{prefix}%")
                )
            )
            or 0
        )


def count_waiting(engine: Engine) -> int:
    """Messages routed and open: their workflows wait for an answer."""
    with engine.connect() as connection:
        return int(
            connection.scalar(select(func.count()).select_from(WebhookMessage).where(WebhookMessage.status == "open"))
            or 0
        )


@dataclass
class Ledger:
    sent: int
    stored: int
    lost: int
    duplicates: int
    not_analyzed: int
    not_routed: int
    per_table_duplicates: dict[str, int] = field(default_factory=dict)


def ledger(engine: Engine, prefix: str, sent_ids: set[str]) -> Ledger:
    """Each sent message stored, analyzed and routed exactly once; rows beyond one per id are duplicates."""
    counts: dict[str, Counter[str]] = {}
    with engine.connect() as connection:
        for name, model in (
            ("webhook_messages", WebhookMessage),
            ("analytics_results", AnalyticsResult),
            ("agent_routing", AgentRouting),
        ):
            rows = connection.execute(
                select(model.message_id, func.count())
                .where(model.message_id.like(f"{prefix}%"))
                .group_by(model.message_id)
            ).all()
            counts[name] = Counter({message_id: int(n) for message_id, n in rows})
    stored = sum(1 for message_id in sent_ids if counts["webhook_messages"][message_id] > 0)
    extra = {name: sum(max(0, n - 1) for n in c.values()) for name, c in counts.items()}
    return Ledger(
        sent=len(sent_ids),
        stored=stored,
        lost=len(sent_ids) - stored,
        duplicates=sum(extra.values()),
        not_analyzed=sum(1 for m in sent_ids if counts["analytics_results"][m] == 0),
        not_routed=sum(1 for m in sent_ids if counts["agent_routing"][m] == 0),
        per_table_duplicates=extra,
    )


@dataclass
class AgentCheck:
    requests: int
    """POST /process calls the agents received for the run's messages"""
    keys_not_one: int
    """messages that reached the agents with no key or with more than one distinct Idempotency-Key"""
    redeliveries: int
    """calls beyond the first for the same key (retries; harmless, the key makes them idempotent)"""


async def agent_keys(http: httpx.AsyncClient, agent_urls: list[str], sent_ids: set[str]) -> AgentCheck:
    keys: dict[str, set[str]] = {}
    requests = redeliveries = 0
    for url in agent_urls:
        response = await http.get(f"{url}/requests", params={"kind": "process"}, timeout=60)
        response.raise_for_status()
        for entry in response.json():
            if entry["message_id"] not in sent_ids:
                continue
            keys.setdefault(entry["message_id"], set()).add(entry["idempotency_key"])
            requests += entry["count"]
            redeliveries += entry["count"] - 1
    return AgentCheck(
        requests=requests,
        keys_not_one=sum(1 for m in sent_ids if len(keys.get(m, ())) != 1),
        redeliveries=redeliveries,
    )
