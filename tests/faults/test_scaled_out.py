"""Two workers and two API processes on MariaDB, one of each SIGKILLed mid-batch: nothing lost, nothing
doubled, and every API process tells the same story."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.faults.pipeline import Outcome, engine_for, http_summary, messages, send, verify, wait_routed, wait_stored
from tests.faults.procstack import ProcStack

pytestmark = [pytest.mark.faults, pytest.mark.mariadb]

CONSISTENCY_READS = 12


def serving_children(pid: int) -> list[int]:
    """The live API processes uvicorn's supervisor `pid` spawned (not its resource tracker, not a zombie)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                state, ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(ppid) == pid and state != "Z" and b"spawn_main" in cmdline:
                found.append(int(entry.name))
    return found


async def api_processes(stack: ProcStack, count: int, *, without: int | None = None, timeout: float = 30) -> list[int]:
    """Wait until uvicorn serves with `count` processes, none of them `without`."""
    deadline = time.monotonic() + timeout
    while len(pids := serving_children(stack.parts["api"].pid)) < count or without in pids:
        assert time.monotonic() < deadline, f"API processes under uvicorn's supervisor: {pids}"
        await asyncio.sleep(0.2)
    return pids


async def read_on_fresh_connections(url: str, headers: dict[str, str] | None = None) -> list[Any]:
    """The same read, each on a new connection, so the kernel hands them to different API processes."""
    answers = []
    for _ in range(CONSISTENCY_READS):
        async with httpx.AsyncClient(timeout=30, headers=headers) as fresh:
            response = await fresh.get(url)
            response.raise_for_status()
            answers.append(response.json())
    return answers


async def read_text_on_fresh_connections(url: str) -> list[str]:
    texts = []
    for _ in range(CONSISTENCY_READS):
        async with httpx.AsyncClient(timeout=30) as fresh:
            response = await fresh.get(url)
            response.raise_for_status()
            texts.append(response.text)
    return texts


def webhook_requests(metrics: str) -> float:
    """The sum of izer_webhook_requests_total over its labels, from Prometheus text."""
    lines = [line for line in metrics.splitlines() if line.startswith("izer_webhook_requests_total{")]
    return sum(float(line.rsplit(" ", 1)[1]) for line in lines)


async def test_two_workers_and_two_api_processes_lose_one_each_mid_batch(
    scratch_mysql_url: str, launch: Callable[..., Any], http: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    stack: ProcStack = await launch(database_url=scratch_mysql_url, workers=2, api_processes=2)
    engine = engine_for(stack)
    for agent in stack.agent_ports:  # slow agents: the kills catch deliveries in flight
        switch = {"status": 200, "count": -1, "delay_seconds": 0.5}
        (await http.post(f"{stack.agent_url(agent)}/admin/fail", json=switch)).raise_for_status()
    before = await api_processes(stack, 2)
    bodies = messages("scaled-out", 40)
    ids = [body["message_id"] for body in bodies]
    batch = asyncio.create_task(send(http, stack.api_url, bodies, concurrency=8, spacing=0.05))
    await wait_stored(engine, ids, 10)
    worker_status = stack.kill("worker 2")
    os.kill(before[0], signal.SIGKILL)
    after = await api_processes(stack, 2, without=before[0])
    await stack.start_part("worker 2")
    await wait_routed(stack, engine, ids, timeout=120)
    deliveries = await batch

    outcome = Outcome(
        "2 workers + 2 API processes on MariaDB; one of each SIGKILLed mid-batch", http=http_summary(deliveries)
    )
    stats = await read_on_fresh_connections(f"{stack.api_url}/stats?hours=1")
    queues = await read_on_fresh_connections(f"{stack.api_url}/messages?status=open&limit=500")
    webhook_counts = [
        webhook_requests(text) for text in await read_text_on_fresh_connections(f"{stack.api_url}/metrics")
    ]
    await verify(stack, http, engine, bodies, outcome, timeout=120)
    engine.dispose()
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.notes += [
        f"worker 2 exit status {worker_status}; API process {before[0]} killed, "
        f"uvicorn started {sorted(set(after) - set(before))} in its place",
        f"{CONSISTENCY_READS} reads of /stats and of the open queue on fresh connections all agree",
    ]
    outcome.record()
    assert worker_status == -9
    assert before[0] not in after, "the killed API process is gone and uvicorn started another"
    assert all(d.final in ("200", "202") for d in deliveries.values()), outcome.http
    assert all(s["by_category"] == stats[0]["by_category"] for s in stats), "API processes disagree on /stats"
    assert all(s["total_messages"] == len(ids) for s in stats), [s["total_messages"] for s in stats]
    assert {tuple(m["message_id"] for m in q["messages"]) for q in queues} == {
        tuple(m["message_id"] for m in queues[0]["messages"])
    }, "API processes disagree on the open queue"
    assert len(set(webhook_counts)) == 1, f"API processes disagree on /metrics: {webhook_counts}"
    assert webhook_counts[0] >= len(ids), "every process counts the requests of all of them"
