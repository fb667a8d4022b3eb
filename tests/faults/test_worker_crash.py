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
    verify,
    wait_routed,
    wait_stored,
)

pytestmark = pytest.mark.faults


async def test_worker_killed_mid_batch_then_restarted(launch: Callable[..., Any], http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    stack = await launch()
    engine = engine_for(stack)
    bodies = messages("worker-kill", 30)
    ids = [body["message_id"] for body in bodies]
    batch = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=6, spacing=0.05))
    stored_at_kill = await wait_stored(engine, ids, 8)
    status = stack.kill("worker")
    await asyncio.sleep(1)
    await stack.start_part("worker")
    restarted = time.monotonic()
    await wait_routed(stack, engine, ids, timeout=90)
    recovered = time.monotonic() - restarted
    deliveries = await batch

    outcome = Outcome("worker SIGKILL mid-batch, restarted after 1 s", http=http_summary(deliveries))
    await verify(stack, http, engine, bodies, outcome)
    engine.dispose()
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.notes += [
        f"worker exit status {status}; {stored_at_kill} of 30 stored at the kill",
        f"every message routed {recovered:.1f} s after the restart",
    ]
    outcome.record()
    assert status == -9, "SIGKILL ends the worker without a clean shutdown"
    assert all(d.final in ("200", "202") for d in deliveries.values()), http_summary(deliveries)
