"""Agents down for a while: Temporal retries the agent, then the hub takes the message, and the
routing record says what happened (`first_choice`, `fallback`, `error`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from izer.analysis import rules
from izer.domain import HistoryEntry, IncomingMessage
from izer.settings import Settings
from tests.faults.pipeline import Body, Outcome, engine_for, http_summary, messages, send, verify, wait_routed
from tests.faults.procstack import ProcStack
from workflows.message import workflow_id_for
from workflows.routing import choose_agent

pytestmark = pytest.mark.faults

ATTEMPTS = 3
AGENT_TIMEOUT = 2.0
HUB = "agent_hub"


def first_choice(body: Body) -> str:
    """The agent the routing table picks for the rule analyzer's labels of this message."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    message = IncomingMessage(
        **{k: v for k, v in body.items() if k != "history"},
        history=[HistoryEntry(**entry) for entry in body["history"]],
        received_at=datetime.now(UTC),
    )
    analysis = rules.analyze(message, business_senders=settings.business_sender_names)
    return choose_agent(analysis, settings.agents(), hub=HUB).agent


def pick(pool: list[Body], agent: str, count: int) -> list[Body]:
    """Take `count` messages bound for `agent` (any agent but it when `agent` starts with "!")."""
    chosen = [b for b in pool if (first_choice(b) != agent[1:] if agent.startswith("!") else first_choice(b) == agent)]
    assert len(chosen) >= count, f"only {len(chosen)} messages for {agent} in the data set"
    for body in chosen[:count]:
        pool.remove(body)
    return chosen[:count]


async def fail(
    http: httpx.AsyncClient, stack: ProcStack, agent: str, count: int, status: int = 503, delay: float = 0
) -> None:
    """Arm the agent's fault switch: the next `count` /process calls answer `status` after `delay`
    seconds (-1: until reset)."""
    switch = {"status": status, "count": count, "delay_seconds": delay}
    response = await http.post(f"{stack.agent_url(agent)}/admin/fail", json=switch)
    response.raise_for_status()


async def stats(http: httpx.AsyncClient, stack: ProcStack, agent: str) -> dict[str, Any]:
    return (await http.get(f"{stack.agent_url(agent)}/stats")).json()  # type: ignore[no-any-return]


async def test_agent_down_for_a_while_then_the_hub(launch: Callable[..., Any], http: httpx.AsyncClient) -> None:
    started = time.monotonic()
    stack = await launch(env={"AGENT_MAX_ATTEMPTS": str(ATTEMPTS), "AGENT_TIMEOUT": f"{AGENT_TIMEOUT}s"})
    engine = engine_for(stack)
    pool = messages("agent-down", 151)
    phases: dict[str, list[Body]] = {}
    answers: dict[str, str] = {}

    async def run(phase: str, bodies: list[Body]) -> None:
        deliveries = await send(http, stack.api_url, bodies, concurrency=len(bodies))
        await wait_routed(stack, engine, [b["message_id"] for b in bodies], timeout=60)
        phases[phase], answers[phase] = bodies, http_summary(deliveries)

    stack.kill("general_purpose")
    await run("general_purpose killed", pick(pool, "general_purpose", 5) + pick(pool, "!general_purpose", 3))
    await stack.start_part("general_purpose")

    await fail(http, stack, "business_workflow", -1)
    await run("business_workflow 503", pick(pool, "business_workflow", 5) + pick(pool, "!business_workflow", 3))

    await fail(http, stack, "business_workflow", -1, status=200, delay=AGENT_TIMEOUT + 1)
    await run("business_workflow slower than AGENT_TIMEOUT", pick(pool, "business_workflow", 4))

    await fail(http, stack, "business_workflow", 2)
    failures_before = (await stats(http, stack, "business_workflow"))["failures"]
    await run("business_workflow 503 twice", pick(pool, "business_workflow", 4))
    flaky_failures = (await stats(http, stack, "business_workflow"))["failures"] - failures_before

    await fail(http, stack, "business_workflow", -1)
    await fail(http, stack, HUB, -1)
    await run("business_workflow and hub 503", pick(pool, "business_workflow", 4) + pick(pool, "code_debugger", 2))

    await fail(http, stack, "business_workflow", 0)
    await fail(http, stack, HUB, 0)
    await run("all recovered", pick(pool, "business_workflow", 2) + pick(pool, "!business_workflow", 2))

    sent = [body for bodies in phases.values() for body in bodies]
    outcome = Outcome("agents down: killed, 503 until reset, too slow, 503 twice, agent and hub 503, recovered")
    rows = await verify(stack, http, engine, sent, outcome)
    engine.dispose()
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.http = "; ".join(f"{phase}: {summary}" for phase, summary in answers.items())
    requests = {agent: {e["message_id"]: e for e in await _requests(http, stack, agent)} for agent in stack.agent_ports}

    def routing(body: Body) -> dict[str, Any]:
        return rows.routings[body["message_id"]][0]

    for phase, bodies in phases.items():
        seen = sorted(
            {
                (r["first_choice"], r["agent"], bool(r["success"]), bool(r["fallback"]), _error_kind(r["error"]))
                for r in map(routing, bodies)
            }
        )
        outcome.notes.append(f"{phase}: (first_choice, agent, success, fallback, error) {seen}")
    outcome.notes.append(f"business_workflow 503 twice: {flaky_failures} failed calls, then delivered")
    outcome.record()

    for body in phases["general_purpose killed"]:
        r = routing(body)
        if r["first_choice"] == "general_purpose":
            assert (r["agent"], r["success"], r["fallback"]) == (HUB, True, True), r
            assert "general_purpose unreachable" in r["error"], r["error"]
            assert body["message_id"] in requests[HUB]
        else:
            assert (r["agent"], r["fallback"], r["error"]) == (r["first_choice"], False, None), r
    for body in phases["business_workflow 503"]:
        r = routing(body)
        if r["first_choice"] == "business_workflow":
            assert (r["agent"], r["success"], r["fallback"]) == (HUB, True, True), r
            assert r["error"].startswith("business_workflow: business_workflow answered HTTP 503"), r["error"]
            tried = requests["business_workflow"][body["message_id"]]
            assert (tried["count"], tried["failures"]) == (ATTEMPTS, ATTEMPTS), tried
            assert tried["idempotency_key"] == requests[HUB][body["message_id"]]["idempotency_key"]
        else:
            assert (r["agent"], r["fallback"]) == (r["first_choice"], False), r
    for body in phases["business_workflow slower than AGENT_TIMEOUT"]:
        r = routing(body)
        assert (r["agent"], r["success"], r["fallback"]) == (HUB, True, True), r
        assert "business_workflow did not answer in time (ReadTimeout)" in r["error"], r["error"]
        assert requests["business_workflow"][body["message_id"]]["count"] == ATTEMPTS, "one key, every attempt"
    assert flaky_failures == 2
    for body in phases["business_workflow 503 twice"]:
        r = routing(body)
        assert (r["agent"], r["success"], r["fallback"], r["error"]) == ("business_workflow", True, False, None), r
    for body in phases["business_workflow and hub 503"]:
        r = routing(body)
        if r["first_choice"] == "business_workflow":
            assert (r["agent"], r["success"], r["fallback"]) == (HUB, False, True), r
            assert "business_workflow answered HTTP 503" in r["error"] and "agent_hub answered HTTP 503" in r["error"]
            assert requests[HUB][body["message_id"]]["failures"] == ATTEMPTS
            assert workflow_id_for(body["message_id"]) in r["idempotency_key"]
        else:
            assert (r["agent"], r["success"]) == ("code_debugger", True), r
    for body in phases["all recovered"]:
        r = routing(body)
        assert (r["agent"], r["success"], r["fallback"]) == (r["first_choice"], True, False), r


async def _requests(http: httpx.AsyncClient, stack: ProcStack, agent: str) -> list[dict[str, Any]]:
    return (await http.get(f"{stack.agent_url(agent)}/requests")).json()  # type: ignore[no-any-return]


def _error_kind(error: str | None) -> str | None:
    """`business_workflow: … HTTP 503` → `HTTP 503`; `… unreachable (ConnectError)` → `unreachable`."""
    if error is None:
        return None
    kinds = sorted(
        {"unreachable" if "unreachable" in part else part.rsplit(" answered ", 1)[-1] for part in error.split("; ")}
    )
    return ", ".join(kinds)
