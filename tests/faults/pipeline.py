"""Traffic through a process stack, and what it left behind: rows, agent requests, workflows.

`deliver` plays the WhatsApp bridge (POST /webhook; on a network error or a 5xx it delivers again
until its deadline). `verify` waits until every message is routed and then checks the invariants
every fault case shares, returning the counts for docs/faults.md.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowExecutionStatus, WorkflowHandle

from izer.db.models import AgentRouting, AnalyticsResult, MessageHistory, WebhookMessage
from izer.ingest.signature import sign
from tests.conftest import SHARED
from tests.faults.procstack import AGENTS, ProcStack
from workflows.message import MessageWorkflow, workflow_id_for

DATASET = SHARED / "data" / "messages_labeled.jsonl"
HTTP_TIMEOUT = 30.0
REDELIVER_AFTER = 0.5
REPORT_ENV = "IZER_FAULTS_REPORT"

Body = dict[str, Any]


def messages(case: str, count: int, *, offset: int = 0, text: str | None = None) -> list[Body]:
    """`count` bridge bodies from the labeled data set, each with its own message id and chat."""
    records = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines() if line.strip()]
    run = uuid.uuid4().hex[:6]
    chat = random.randrange(10_000, 99_999)
    step = max(1, len(records) // count)
    bodies = []
    for index in range(count):
        record = records[(offset + index * step) % len(records)]
        bodies.append(
            {
                "message_id": f"{case}-{run}-{index:03d}",
                "chat_time": record["chat_time"],
                "chat_name": record["chat_name"],
                "phone_number": f"+9055{chat}{index:03d}",
                "current_message": text or record["current_message"],
                "history": record["history"],
                "is_group": record["is_group"],
            }
        )
    return bodies


@dataclass
class Delivery:
    """What the bridge saw for one message: each attempt's status (or error), and the last answer."""

    message_id: str
    attempts: list[str] = field(default_factory=list)
    answer: Body | None = None

    @property
    def first(self) -> str:
        return self.attempts[0] if self.attempts else "none"

    @property
    def final(self) -> str:
        return self.attempts[-1] if self.attempts else "none"


async def deliver(
    http: httpx.AsyncClient, api: str, body: Body, *, retry_for: float = 0, secret: str | None = None
) -> Delivery:
    """POST /webhook (signed with `secret`, WEBHOOK_SECRET, when given); on a network error or a 5xx deliver
    again every 0.5 s for `retry_for` seconds."""
    delivery = Delivery(body["message_id"])
    content = json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Signature-256"] = sign(content, secret)
    deadline = time.monotonic() + retry_for
    while True:
        try:
            response = await http.post(f"{api}/webhook", content=content, headers=headers, timeout=HTTP_TIMEOUT)
        except httpx.HTTPError as err:
            delivery.attempts.append(type(err).__name__)
        else:
            delivery.attempts.append(str(response.status_code))
            if response.status_code < 500:
                delivery.answer = response.json()
                return delivery
        if time.monotonic() >= deadline:
            return delivery
        await asyncio.sleep(REDELIVER_AFTER)


async def send(
    http: httpx.AsyncClient,
    api: str,
    bodies: list[Body],
    *,
    concurrency: int = 6,
    retry_for: float = 90.0,
    spacing: float = 0.0,
) -> dict[str, Delivery]:
    """Deliver every body, at most `concurrency` at a time, starting one every `spacing` seconds."""
    gate = asyncio.Semaphore(concurrency)

    async def one(index: int, body: Body) -> Delivery:
        await asyncio.sleep(index * spacing)
        async with gate:
            return await deliver(http, api, body, retry_for=retry_for)

    done = await asyncio.gather(*(one(i, body) for i, body in enumerate(bodies)))
    return {delivery.message_id: delivery for delivery in done}


def http_summary(deliveries: dict[str, Delivery]) -> str:
    """`first attempts → final answers`, e.g. `200×22, ReadError×8 → 200×30`."""

    def tally(values: list[str]) -> str:
        return ", ".join(f"{key}×{n}" for key, n in sorted(Counter(values).items()))

    firsts = [d.first for d in deliveries.values()]
    finals = [d.final for d in deliveries.values()]
    return tally(firsts) if firsts == finals else f"{tally(firsts)} → {tally(finals)}"


def count_stored(engine: Engine, ids: list[str]) -> int:
    with engine.connect() as connection:
        query = select(func.count()).select_from(WebhookMessage).where(WebhookMessage.message_id.in_(ids))
        return int(connection.scalar(query) or 0)


async def wait_stored(engine: Engine, ids: list[str], at_least: int, *, timeout: float = 30.0) -> int:
    """Wait until at least `at_least` of the messages are stored (the moment to inject a fault)."""
    deadline = time.monotonic() + timeout
    while True:
        stored = await asyncio.to_thread(count_stored, engine, ids)
        if stored >= at_least:
            return stored
        if time.monotonic() > deadline:
            raise AssertionError(f"only {stored} of {len(ids)} messages stored within {timeout:.0f} s")
        await asyncio.sleep(0.05)


@dataclass
class Outcome:
    """One case's measured result: a row of docs/faults.md."""

    case: str
    sent: int = 0
    stored: int = 0
    duplicates: int = 0
    analyzed: int = 0
    routed: int = 0
    routed_to_first_choice: int = 0
    fallback_to_hub: int = 0
    routing_failed: int = 0
    keys_per_message: int = 0
    agent_posts: int = 0
    posted_more_than_once: int = 0
    waiting: int = 0
    completed: int = 0
    answered_then_completed: int = 0
    http: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def record(self) -> None:
        """Print the outcome, and append it to $IZER_FAULTS_REPORT (JSON lines) when that is set."""
        line = json.dumps(asdict(self), ensure_ascii=False)
        print(line)
        target = os.environ.get(REPORT_ENV)
        if target:
            with open(target, "a", encoding="utf-8") as report:
                report.write(line + "\n")


@dataclass
class Rows:
    """Per message: its stored rows, and its analysis and routing rows as dicts."""

    messages: Counter[str]
    history: Counter[str]
    analyses: dict[str, list[dict[str, Any]]]
    routings: dict[str, list[dict[str, Any]]]
    other_messages: int


def read_rows(engine: Engine, ids: list[str]) -> Rows:
    wanted = set(ids)
    with engine.connect() as connection:
        stored = [row.message_id for row in connection.execute(select(WebhookMessage.message_id))]
        history = [row.message_id for row in connection.execute(select(MessageHistory.message_id))]
        analyses: dict[str, list[dict[str, Any]]] = {}
        for row in connection.execute(select(AnalyticsResult)).mappings():
            analyses.setdefault(row["message_id"], []).append(dict(row))
        routings: dict[str, list[dict[str, Any]]] = {}
        for row in connection.execute(select(AgentRouting)).mappings():
            routings.setdefault(row["message_id"], []).append(dict(row))
    return Rows(
        messages=Counter(m for m in stored if m in wanted),
        history=Counter(m for m in history if m in wanted),
        analyses=analyses,
        routings=routings,
        other_messages=sum(m not in wanted for m in stored),
    )


async def agent_requests(http: httpx.AsyncClient, stack: ProcStack) -> dict[str, list[dict[str, Any]]]:
    """Every agent's `/process` requests: {agent: [{idempotency_key, message_id, count, failures}]}."""
    answers = await asyncio.gather(*(http.get(f"{stack.agent_url(name)}/requests") for name in AGENTS))
    return {name: response.json() for name, response in zip(AGENTS, answers, strict=True)}


async def wait_routed(stack: ProcStack, engine: Engine, ids: list[str], *, timeout: float) -> Rows:
    """Wait until every message has its routing row; fail with the missing ids and the logs."""
    deadline = time.monotonic() + timeout
    while True:
        rows = await asyncio.to_thread(read_rows, engine, ids)
        missing = [m for m in ids if m not in rows.routings]
        if not missing:
            return rows
        if time.monotonic() > deadline:
            raise AssertionError(
                f"{len(missing)} of {len(ids)} messages not routed within {timeout:.0f} s "
                f"(e.g. {missing[:3]}); stored {sum(rows.messages.values())}\n{stack.logs()}"
            )
        await asyncio.sleep(0.25)


async def verify(
    stack: ProcStack,
    http: httpx.AsyncClient,
    engine: Engine,
    bodies: list[Body],
    outcome: Outcome,
    *,
    timeout: float = 90.0,
    answer: bool = True,
    exclusive: bool = True,
) -> Rows:
    """Every message stored once with its history, analyzed, routed with one stable key; each
    workflow waiting for an answer (action required) or completed; then, with `answer`, each waiting
    one answered through the API and completed. `exclusive`: no other message reached the stack."""
    ids = [body["message_id"] for body in bodies]
    rows = await wait_routed(stack, engine, ids, timeout=timeout)
    expected_history = {body["message_id"]: len(body["history"]) for body in bodies}
    outcome.sent = len(ids)
    outcome.stored = len(rows.messages)
    outcome.duplicates = sum(n - 1 for n in rows.messages.values())
    assert outcome.stored == len(ids), f"stored {outcome.stored} of {len(ids)}"
    assert outcome.duplicates == 0, f"duplicate rows: {[m for m, n in rows.messages.items() if n > 1]}"
    assert not exclusive or rows.other_messages == 0, f"{rows.other_messages} rows of messages nobody sent"
    half = {m: rows.history[m] for m in ids if rows.history[m] != expected_history[m]}
    assert not half, f"messages whose history rows do not match what was sent: {half}"
    assert all(len(rows.analyses.get(m, [])) == 1 for m in ids), "a message without exactly one analysis"
    assert all(len(rows.routings[m]) == 1 for m in ids), "a message without exactly one routing record"
    outcome.analyzed = len(ids)

    requests = await agent_requests(http, stack)
    keys: dict[str, set[str]] = {m: set() for m in ids}
    posts: dict[tuple[str, str], int] = {}
    for agent, entries in requests.items():
        for entry in entries:
            if entry["message_id"] not in keys:
                assert not exclusive, f"{agent} got a message nobody sent: {entry}"
                continue
            keys[entry["message_id"]].add(entry["idempotency_key"])
            posts[(agent, entry["message_id"])] = entry["count"]
    for message_id in ids:
        route = rows.routings[message_id][0]
        expected = f"{workflow_id_for(message_id)}/process"
        assert route["idempotency_key"] == expected, f"{message_id}: routing key {route['idempotency_key']!r}"
        assert keys[message_id] <= {expected}, f"{message_id}: agents saw keys {keys[message_id]}"
        if route["success"]:
            assert (route["agent"], message_id) in posts, f"{message_id}: {route['agent']} never got it"
    outcome.keys_per_message = max(len(k) for k in keys.values())
    outcome.agent_posts = sum(posts.values())
    outcome.posted_more_than_once = sum(count > 1 for count in posts.values())
    outcome.routed = sum(rows.routings[m][0]["success"] for m in ids)
    outcome.routing_failed = outcome.sent - outcome.routed
    outcome.fallback_to_hub = sum(rows.routings[m][0]["fallback"] and rows.routings[m][0]["success"] for m in ids)
    outcome.routed_to_first_choice = outcome.routed - outcome.fallback_to_hub

    client = await stack.temporal_client()
    waiting = [m for m in ids if rows.analyses[m][0]["action_required"]]
    closing = [m for m in ids if m not in waiting]
    await wait_workflows(client, waiting, WorkflowExecutionStatus.RUNNING, state="open", timeout=timeout)
    await wait_workflows(client, closing, WorkflowExecutionStatus.COMPLETED, timeout=timeout)
    await assert_one_run_each(client, stack.task_queue, ids)
    outcome.waiting, outcome.completed = len(waiting), len(closing)
    if answer and waiting:
        await answer_all(stack, http, waiting)
        await wait_workflows(client, waiting, WorkflowExecutionStatus.COMPLETED, timeout=timeout)
        outcome.answered_then_completed = len(waiting)
    return rows


async def wait_workflows(
    client: Client,
    ids: list[str],
    status: WorkflowExecutionStatus,
    *,
    state: str | None = None,
    timeout: float,
) -> None:
    """Wait until every message's workflow has `status` (and, when running, the `status` query's state)."""
    deadline = time.monotonic() + timeout
    pending = list(ids)
    last: dict[str, str] = {}
    while pending:
        seen = await asyncio.gather(*(_workflow_state(client.get_workflow_handle(workflow_id_for(m))) for m in pending))
        last = {m: s for m, s in zip(pending, seen, strict=True)}
        wanted = status.name if state is None else f"{status.name}/{state}"
        pending = [m for m in pending if last[m] != wanted]
        if not pending:
            return
        if time.monotonic() > deadline:
            sample = {m: last[m] for m in pending[:5]}
            raise AssertionError(f"{len(pending)} workflows not {wanted} within {timeout:.0f} s: {sample}")
        await asyncio.sleep(0.5)


async def _workflow_state(handle: WorkflowHandle[Any, Any]) -> str:
    try:
        description = await handle.describe()
    except Exception as err:  # noqa: BLE001 - reported as the state that did not match
        return f"describe failed: {type(err).__name__}"
    status = description.status.name if description.status else "UNKNOWN"
    if status != "RUNNING":
        return status
    try:
        current = await asyncio.wait_for(handle.query(MessageWorkflow.status), timeout=10)
    except Exception as err:  # noqa: BLE001 - a query needs a live worker
        return f"RUNNING/query failed: {type(err).__name__}"
    return f"RUNNING/{current.state if current else None}"


async def assert_one_run_each(client: Client, task_queue: str, ids: list[str], *, timeout: float = 30.0) -> None:
    """Temporal holds exactly one run per message on this stack's task queue (visibility may lag)."""
    wanted = {workflow_id_for(m) for m in ids}
    deadline = time.monotonic() + timeout
    while True:
        runs: Counter[str] = Counter()
        async for execution in client.list_workflows(f"TaskQueue = '{task_queue}'"):
            runs[execution.id] += 1
        extra = {w: n for w, n in runs.items() if n != 1 and w in wanted}
        missing = wanted - set(runs)
        assert not extra, f"more than one run for a message: {extra}"
        if not missing:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(missing)} workflows missing from the list, e.g. {sorted(missing)[:3]}")
        await asyncio.sleep(0.5)


async def timeouts(client: Client, ids: list[str]) -> Counter[str]:
    """Timeouts in the messages' histories: `workflow task`, or the type of an activity whose attempt
    timed out (a retried attempt shows as the next attempt's last failure, not as an event of its own)."""
    found: Counter[str] = Counter()
    for message_id in ids:
        history = await client.get_workflow_handle(workflow_id_for(message_id)).fetch_history()
        scheduled = {
            event.event_id: event.activity_task_scheduled_event_attributes.activity_type.name
            for event in history.events
            if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
        }
        for event in history.events:
            if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
                found["workflow task"] += 1
            elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT:
                found[scheduled[event.activity_task_timed_out_event_attributes.scheduled_event_id]] += 1
            elif event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
                started = event.activity_task_started_event_attributes
                if started.attempt > 1 and started.last_failure.HasField("timeout_failure_info"):
                    found[scheduled[started.scheduled_event_id]] += 1
    return found


async def answer_all(stack: ProcStack, http: httpx.AsyncClient, ids: list[str]) -> None:
    """Answer each message through the API, as a person on the dashboard would."""
    replies = await asyncio.gather(
        *(http.post(f"{stack.api_url}/messages/{m}/answer", json={"answered_by": "faults"}) for m in ids)
    )
    failed = {m: r.status_code for m, r in zip(ids, replies, strict=True) if r.status_code != 200}
    assert not failed, f"answers refused: {failed}"


def engine_for(stack: ProcStack) -> Engine:
    return create_engine(stack.database_url, pool_pre_ping=True)
