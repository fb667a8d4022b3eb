"""The ceiling: bare workflows of one no-op activity on the same dev server, as fast as it takes them.

`python -m bench.baseline --address HOST:PORT --task-queue Q` runs the worker (its own process, like
the project's worker); `drive` starts the workflows from the benchmark process with a given concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from datetime import timedelta

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.common import RetryPolicy
from temporalio.worker import Worker

from izer.tools.exit import exit_with

NOOP_RETRY = RetryPolicy(maximum_attempts=3)


@activity.defn
async def noop(value: str) -> str:
    return value


@workflow.defn
class NoopWorkflow:
    @workflow.run
    async def run(self, value: str) -> str:
        return await workflow.execute_activity(
            noop, value, start_to_close_timeout=timedelta(seconds=30), retry_policy=NOOP_RETRY
        )


async def drive(client: Client, task_queue: str, *, prefix: str, count: int, concurrency: int) -> float:
    """Run `count` workflows, `concurrency` at a time; the seconds it took."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)

    async def one_at_a_time() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            await client.execute_workflow(
                NoopWorkflow.run,
                str(i),
                id=f"{prefix}-{i}",
                task_queue=task_queue,
                execution_timeout=timedelta(minutes=5),
            )

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(one_at_a_time() for _ in range(concurrency))), timeout=max(120.0, count))
    return time.perf_counter() - started


async def serve(address: str, task_queue: str) -> None:
    client = await Client.connect(address)
    worker = Worker(
        client,
        task_queue=task_queue,
        workflows=[NoopWorkflow],
        activities=[noop],
        max_concurrent_activities=int(os.environ.get("WORKER_MAX_CONCURRENT_ACTIVITIES", "100")),
        max_concurrent_workflow_tasks=int(os.environ.get("WORKER_MAX_CONCURRENT_WORKFLOW_TASKS", "100")),
        max_cached_workflows=int(os.environ.get("WORKER_MAX_CACHED_WORKFLOWS", "10000")),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    run = asyncio.create_task(worker.run())
    await asyncio.wait([run, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
    if not run.done():
        await worker.shutdown()
    await run


def main() -> None:
    parser = argparse.ArgumentParser(description="The baseline worker of `make bench`.")
    parser.add_argument("--address", required=True)
    parser.add_argument("--task-queue", required=True)
    args = parser.parse_args()
    code = 0
    try:
        asyncio.run(serve(args.address, args.task_queue))
    except Exception as err:  # noqa: BLE001 - reported, then the true status is the exit code
        print(f"baseline worker stopped: {type(err).__name__}: {err}", file=sys.stderr)
        code = 1
    exit_with(code)


if __name__ == "__main__":
    main()
