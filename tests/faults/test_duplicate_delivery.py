"""The same message delivered 20 times at once: one run, one row, one agent call, one answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import Body, Outcome, deliver, engine_for, http_summary, messages, verify

pytestmark = pytest.mark.faults

COPIES = 20
CLOSING = "Tamam, çok teşekkürler, iyi günler!"


def comparable(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer without the one field that must differ between deliveries."""
    return {key: value for key, value in answer.items() if key != "duplicate"}


async def burst(http: httpx.AsyncClient, api: str, body: Body) -> list[dict[str, Any]]:
    deliveries = await asyncio.gather(*(deliver(http, api, body) for _ in range(COPIES)))
    statuses = [d.final for d in deliveries]
    assert statuses == ["200"] * COPIES, f"every copy gets the answer: {http_summary(dict(enumerate(deliveries)))}"
    return [d.answer for d in deliveries if d.answer is not None]


async def test_the_same_message_delivered_twenty_times_at_once(
    launch: Callable[..., Any], http: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    stack = await launch()
    engine = engine_for(stack)
    open_message = messages("dup-open", 1)[0]
    closing = messages("dup-closing", 1, text=CLOSING)[0]
    outcome = Outcome(f"one message delivered {COPIES}× at once (needs an answer; and a closing 'thanks')")
    notes = []
    for body in (open_message, closing):
        answers = await burst(http, stack.api_url, body)
        late = await deliver(http, stack.api_url, body)
        assert late.final == "200" and late.answer is not None
        answers.append(late.answer)
        originals = [a for a in answers if a["duplicate"] is False]
        distinct = {repr(comparable(a)) for a in answers}
        notes.append(
            f"{body['current_message'][:30]!r}: {len(answers)} answers, {len(originals)} with duplicate=false, "
            f"{len(distinct)} distinct bodies"
        )
        if len(distinct) > 1:
            fields = sorted({k for a in answers for k, v in comparable(a).items() if v != comparable(answers[0])[k]})
            notes.append(f"  fields that differ: {fields}")
        outcome.notes = notes
        assert len(originals) == 1, f"exactly one delivery is the original: {len(originals)}"
        assert len(distinct) == 1, f"every delivery gets the same answer; differing: {notes[-1]}"
    await verify(stack, http, engine, [open_message, closing], outcome)
    engine.dispose()
    outcome.sent = 2 * (COPIES + 1)
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.record()
    assert outcome.agent_posts == 2, "the agent got each message once"
