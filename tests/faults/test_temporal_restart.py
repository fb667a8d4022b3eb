"""The Temporal dev server SIGKILLed mid-batch and restarted on the same file and port."""

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

pytestmark = pytest.mark.faults

DOWN_FOR = 3.0


async def test_temporal_killed_mid_batch_then_restarted_on_the_same_file(
    launch: Callable[..., Any], http: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    stack = await launch()
    engine = engine_for(stack)
    bodies = messages("temporal-kill", 30, offset=7)
    ids = [body["message_id"] for body in bodies]
    batch = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=6, spacing=0.1))
    stored_at_kill = await wait_stored(engine, ids, 8)
    status = stack.kill("temporal")
    killed = time.monotonic()
    await asyncio.sleep(DOWN_FOR)
    health_while_down = (await http.get(f"{stack.api_url}/health")).status_code
    await stack.start_part("temporal")
    restarted = time.monotonic()
    await wait_routed(stack, engine, ids, timeout=90)
    recovered = time.monotonic() - restarted
    deliveries = await batch
    health_after = (await http.get(f"{stack.api_url}/health")).status_code

    outcome = Outcome("Temporal dev server SIGKILL mid-batch, same file and port", http=http_summary(deliveries))
    await verify(stack, http, engine, bodies, outcome)
    engine.dispose()
    timed_out = await timeouts(await stack.temporal_client(), ids)
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.notes += [
        f"server exit status {status}; {stored_at_kill} of 30 stored at the kill",
        f"down {restarted - killed:.1f} s (port free again, server answering); /health {health_while_down} while down, "
        f"{health_after} after",
        f"every message routed {recovered:.1f} s after the restart; worker and API were not restarted",
        f"bridge deliveries: {sum(len(d.attempts) for d in deliveries.values())} for 30 messages",
    ]
    outcome.notes.append(f"timeouts in the histories: {dict(timed_out) or 'none'}")
    outcome.record()
    assert health_while_down == 503 and health_after == 200
    assert stack.parts["worker"].running and stack.parts["api"].running, "worker and API survive the outage"
    assert all(d.final in ("200", "202") for d in deliveries.values()), http_summary(deliveries)
