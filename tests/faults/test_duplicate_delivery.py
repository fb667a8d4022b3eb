"""The same message delivered 20 times at once: one run, one row, one agent call, one answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import Body, Outcome, deliver, engine_for, http_summary, messages, verify
from tests.faults.procstack import ProcStack

pytestmark = pytest.mark.faults

COPIES = 20
SECRET = "duplicate-delivery-secret"
"""The bridge signs its bodies (WEBHOOK_SECRET): a signed repeat gets the stored answer, not the ids only."""
CLOSING = "Tamam, çok teşekkürler, iyi günler!"


def differing(answers: list[dict[str, Any]]) -> set[str]:
    """The answer fields that are not the same in every answer, besides `duplicate`."""
    first = answers[0]
    return {key for answer in answers for key, value in answer.items() if key != "duplicate" and value != first[key]}


async def burst(http: httpx.AsyncClient, stack: ProcStack, body: Body) -> list[dict[str, Any]]:
    """COPIES deliveries at once, then one more after they all answered (a late retry of the bridge)."""
    deliveries = await asyncio.gather(*(deliver(http, stack.api_url, body, secret=SECRET) for _ in range(COPIES)))
    deliveries.append(await deliver(http, stack.api_url, body, secret=SECRET))
    summary = http_summary({str(i): d for i, d in enumerate(deliveries)})
    assert all(d.final == "200" and d.answer for d in deliveries), (
        f"every copy gets the answer: {summary}\n{stack.logs()}"
    )
    return [d.answer for d in deliveries if d.answer is not None]


async def test_the_same_message_delivered_twenty_times_at_once(
    launch: Callable[..., Any], http: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    stack = await launch(env={"WEBHOOK_SECRET": SECRET})
    engine = engine_for(stack)
    waiting = messages("dup-open", 1)[0]
    closing = messages("dup-closing", 1, text=CLOSING)[0]
    outcome = Outcome(f"one message delivered {COPIES}× at once, then once more (an open one, a closing one)")
    answers = {"open": await burst(http, stack, waiting), "closing": await burst(http, stack, closing)}
    await verify(stack, http, engine, [waiting, closing], outcome)
    engine.dispose()
    outcome.sent = sum(len(a) for a in answers.values())
    outcome.http = f"200×{outcome.sent}"
    outcome.seconds = round(time.monotonic() - started, 1)
    for kind, replies in answers.items():
        originals = sum(a["duplicate"] is False for a in replies)
        outcome.notes.append(
            f"{kind}: {len(replies)} answers, {originals} with duplicate=false, differing fields "
            f"{sorted(differing(replies)) or 'none'}"
        )
    late = answers["closing"][-1]["processed_at"], answers["closing"][0]["processed_at"]
    drift = (datetime.fromisoformat(late[0]) - datetime.fromisoformat(late[1])).total_seconds()
    outcome.notes.append(f"closing: the late answer's processed_at is {drift * 1000:+.1f} ms off the workflow's")
    outcome.record()

    for kind, replies in answers.items():
        assert sum(a["duplicate"] is False for a in replies) == 1, f"{kind}: exactly one original delivery"
        assert replies[0]["workflow_id"] == f"message-{replies[0]['message_id']}"
    assert outcome.agent_posts == 2, "each agent call happened once"
    assert not differing(answers["open"]), "a running workflow answers every delivery alike"
    assert not differing(answers["closing"]), "after the workflow closed, the stored answer matches the workflow's"
