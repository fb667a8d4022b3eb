"""The API SIGKILLed with webhook requests in flight, restarted, and every failed delivery repeated
as the bridge does: callers see an error or a whole answer, and every message ends stored once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import (
    Outcome,
    deliver,
    engine_for,
    http_summary,
    messages,
    read_rows,
    send,
    verify,
    wait_stored,
)

pytestmark = pytest.mark.faults

AGENT_DELAY = 2.0
COUNT = 30


async def test_api_killed_with_requests_in_flight(launch: Callable[..., Any], http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    stack = await launch()
    engine = engine_for(stack)
    for agent in stack.agent_ports:  # slow agents keep each webhook call open for a while
        switch = {"status": 200, "count": -1, "delay_seconds": AGENT_DELAY}
        (await http.post(f"{stack.agent_url(agent)}/admin/fail", json=switch)).raise_for_status()
    bodies = messages("api-kill", COUNT, offset=11)
    ids = [body["message_id"] for body in bodies]
    first = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=COUNT, spacing=0.08, retry_for=0))
    stored_at_kill = await wait_stored(engine, ids, 10)
    status = stack.kill("api")
    rows = await asyncio.to_thread(read_rows, engine, ids)
    half = {m: rows.history[m] for m in rows.messages if rows.history[m] != len(bodies[ids.index(m)]["history"])}
    await stack.start_part("api")
    deliveries = await first

    cut_off = [d.message_id for d in deliveries.values() if d.first not in ("200", "202", "ConnectError")]
    bad = {m: d.answer for m, d in deliveries.items() if d.final in ("200", "202") and not _whole(d.answer)}
    failed = [body for body in bodies if deliveries[body["message_id"]].final not in ("200", "202")]
    again = await asyncio.gather(*(deliver(http, stack.api_url, body, retry_for=60) for body in failed))
    for delivery in again:
        deliveries[delivery.message_id].attempts += delivery.attempts
        deliveries[delivery.message_id].answer = delivery.answer

    outcome = Outcome("API SIGKILL with webhook calls in flight, restarted, errors re-delivered")
    outcome.http = http_summary(deliveries)
    await verify(stack, http, engine, bodies, outcome)
    engine.dispose()
    outcome.seconds = round(time.monotonic() - started, 1)
    redelivered_duplicates = sum(bool(d.answer and d.answer.get("duplicate")) for d in again)
    outcome.notes += [
        f"API exit status {status}; {stored_at_kill} of {COUNT} stored when killed, "
        f"{len(rows.messages)} right after; messages with missing history rows then: {len(half)}",
        f"{len(failed)} callers got an error and delivered again ({len(cut_off)} cut off in flight): "
        f"{redelivered_duplicates} answers said duplicate=true (the workflow had started before the kill)",
        f"answers without analysis and routing: {len(bad)}",
    ]
    outcome.record()
    assert status == -9
    assert cut_off, "the kill must catch requests in flight (not only refused connections)"
    assert not half, f"half-stored messages after the kill: {half}"
    assert not bad, f"an answer without analysis and routing: {bad}"
    assert all(d.final in ("200", "202") for d in deliveries.values()), outcome.http


def _whole(answer: dict[str, Any] | None) -> bool:
    """A 200 answer carries analysis and routing; a 202 the workflow to ask."""
    if answer is None:
        return False
    if "analysis" in answer:
        return bool(answer["analysis"]) and bool(answer["routing"]) and answer["success"] is True
    return bool(answer.get("workflow_id") and answer.get("status_url"))
