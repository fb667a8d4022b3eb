"""The worker SIGKILLed mid-batch and started again: nothing lost, nothing doubled."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import (
    Outcome,
    engine_for,
    http_summary,
    messages,
    send,
    timeouts,
    verify,
    wait_routed,
    wait_stored,
)
from tests.faults.procstack import ProcStack

pytestmark = pytest.mark.faults

AGENT_DELAY = 1.0


async def wait_posted(http: httpx.AsyncClient, stack: ProcStack, at_least: int, timeout: float = 30) -> int:
    """Wait until the agents have received `at_least` /process calls (they answer AGENT_DELAY later)."""
    deadline = time.monotonic() + timeout
    while True:
        stats = [(await http.get(f"{stack.agent_url(agent)}/stats")).json() for agent in stack.agent_ports]
        posted = sum(s["total_requests"] for s in stats)
        if posted >= at_least:
            return posted
        assert time.monotonic() < deadline, f"only {posted} agent calls within {timeout:.0f} s"
        await asyncio.sleep(0.05)


async def test_worker_killed_mid_batch_then_restarted(launch: Callable[..., Any], http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    stack = await launch()
    engine = engine_for(stack)
    for agent in stack.agent_ports:  # slow agents: the kill catches deliveries in flight
        switch = {"status": 200, "count": -1, "delay_seconds": AGENT_DELAY}
        (await http.post(f"{stack.agent_url(agent)}/admin/fail", json=switch)).raise_for_status()
    bodies = messages("worker-kill", 30)
    ids = [body["message_id"] for body in bodies]
    batch = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=6, spacing=0.05))
    stored_at_kill = await wait_stored(engine, ids, 8)
    posted_at_kill = await wait_posted(http, stack, 3)
    status = stack.kill("worker")
    await asyncio.sleep(1)
    await stack.start_part("worker")
    restarted = time.monotonic()
    await wait_routed(stack, engine, ids, timeout=90)
    recovered = time.monotonic() - restarted
    deliveries = await batch

    outcome = Outcome(
        f"worker SIGKILL mid-batch, restarted after 1 s (agents answer in {AGENT_DELAY:.0f} s)",
        http=http_summary(deliveries),
    )
    await verify(stack, http, engine, bodies, outcome)
    engine.dispose()
    timed_out = await timeouts(await stack.temporal_client(), ids)
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.notes += [
        f"worker exit status {status}; {stored_at_kill}+ of 30 stored and {posted_at_kill} agent calls received "
        "at the kill",
        f"every message routed {recovered:.1f} s after the restart",
        f"timeouts in the histories: {dict(timed_out) or 'none'}",
    ]
    outcome.record()
    assert status == -9, "SIGKILL ends the worker without a clean shutdown"
    assert all(d.final in ("200", "202") for d in deliveries.values()), http_summary(deliveries)
