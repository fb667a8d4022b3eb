"""The LLM failing (HTTP 500), too slow for OPENAI_TIMEOUT, or answering garbage: every message is
still analyzed, by the rules and marked degraded; with the LLM healthy again, by the LLM."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import Outcome, engine_for, http_summary, messages, send, verify

pytestmark = pytest.mark.faults

PER_MODE = 8
LLM_MAX_ATTEMPTS = 3
# mode → (analyzer, degraded, LLM requests per message); the fallback is the rules with the learned model
EXPECTED = {
    "500": ("combined", True, LLM_MAX_ATTEMPTS),
    "timeout": ("combined", True, LLM_MAX_ATTEMPTS),
    "malformed": ("combined", True, 1),
    "ok": ("openai", False, 1),
}


async def test_llm_failures_fall_back_to_the_rules(launch: Callable[..., Any], http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    stack = await launch(llm_mode="ok", env={"OPENAI_TIMEOUT": "1s", "LLM_MAX_ATTEMPTS": str(LLM_MAX_ATTEMPTS)})
    engine = engine_for(stack)
    sent: list[dict[str, Any]] = []
    by_mode: dict[str, list[str]] = {}
    llm_requests: dict[str, int] = {}
    answers: dict[str, str] = {}
    seen_by_bridge: dict[str, set[tuple[str, bool]]] = {}
    took: dict[str, float] = {}
    for offset, mode in enumerate(EXPECTED):
        await http.post(f"{stack.llm_url}/fake/script", json={"mode": mode})
        before = (await http.get(f"{stack.llm_url}/fake/requests")).json()["count"]
        bodies = messages(f"llm-{mode}", PER_MODE, offset=offset * 3)
        phase = time.monotonic()
        deliveries = await send(http, stack.api_url, bodies, concurrency=PER_MODE)
        took[mode] = time.monotonic() - phase
        seen_by_bridge[mode] = {
            (d.answer["analysis"]["analyzer"], d.answer["analysis"]["degraded"])
            for d in deliveries.values()
            if d.final == "200" and d.answer is not None
        }
        # Every answer was 200 or 202; wait for the analyses before the fake changes its mode.
        outcome = Outcome(f"LLM {mode}")
        await verify(stack, http, engine, bodies, outcome, answer=False, exclusive=False)
        llm_requests[mode] = (await http.get(f"{stack.llm_url}/fake/requests")).json()["count"] - before
        answers[mode] = http_summary(deliveries)
        by_mode[mode] = [body["message_id"] for body in bodies]
        sent += bodies

    outcome = Outcome("LLM 500 / timeout / malformed / ok, 8 messages each")
    rows = await verify(stack, http, engine, sent, outcome)
    engine.dispose()
    outcome.seconds = round(time.monotonic() - started, 1)
    for mode, ids in by_mode.items():
        analyses = [rows.analyses[m][0] for m in ids]
        seen = sorted({(a["analyzer"], bool(a["degraded"])) for a in analyses})
        outcome.notes.append(
            f"{mode}: analyzer/degraded {seen}, {llm_requests[mode]} LLM requests for {len(ids)} messages, "
            f"HTTP {answers[mode]} in {took[mode]:.1f} s"
        )
    outcome.http = "; ".join(f"{mode}: {summary}" for mode, summary in answers.items())
    outcome.record()
    for mode, (analyzer, degraded, per_message) in EXPECTED.items():
        analyses = [rows.analyses[m][0] for m in by_mode[mode]]
        assert {(a["analyzer"], bool(a["degraded"])) for a in analyses} == {(analyzer, degraded)}, mode
        assert seen_by_bridge[mode] <= {(analyzer, degraded)}, f"{mode}: the webhook answered {seen_by_bridge[mode]}"
        assert llm_requests[mode] == per_message * PER_MODE, f"{mode}: {llm_requests[mode]} LLM requests"
