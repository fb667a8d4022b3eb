"""Record the histories the replay test replays: `python -m tests.workflows.record_histories`.

A history is recorded once and never again: a file already there is kept as it is (a change that no
longer replays it would break workflows already running in production, and needs `workflow.patched`).
Add a scenario with a new workflow id to record what a new version of the workflow does.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from izer.domain import AnswerSignal
from izer.tools.exit import exit_with
from tests.conftest import BIN
from tests.workflows.doubles import Doubles, analysis, message, workflow_input
from workflows.contracts import DeliveryRequest
from workflows.message import MessageWorkflow

HISTORIES = Path(__file__).resolve().parent / "histories"


# Each version of the workflow adds its scenarios under a new prefix; recorded files stay as they are.
#   ""                 before the agent delivery became a local activity
#   "local-delivery-"  the delivery as a local activity (the `local-delivery` patch)
#   "outcome-write-"   analysis, routing and the deadline recorded by one local activity (`outcome-write`)
#   "store-and-analyze-"  stored and analyzed (the rules) by one local activity (`store-and-analyze`)
VERSIONS = ("", "local-delivery-", "outcome-write-", "store-and-analyze-")


async def record() -> None:
    env = await WorkflowEnvironment.start_time_skipping(
        data_converter=pydantic_data_converter, test_server_existing_path=str(BIN / "temporal-test-server")
    )
    try:
        for version in VERSIONS:
            if not (HISTORIES / f"message-{version}escalated-then-answered.json").exists():
                await escalated_then_answered(env, f"message-{version}escalated-then-answered")
            if not (HISTORIES / f"message-{version}thanks.json").exists():
                await thanks(env, f"message-{version}thanks")
    finally:
        await env.shutdown()


async def escalated_then_answered(env: WorkflowEnvironment, workflow_id: str) -> None:
    """A technical message whose agent fails (the hub takes it), escalated once, then answered."""
    doubles = Doubles(failing_agents={"code_debugger"})
    async with Worker(env.client, task_queue=workflow_id, workflows=[MessageWorkflow], activities=doubles.activities()):
        now = await env.get_current_time()
        with env.auto_time_skipping_disabled():
            handle = await env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message(workflow_id.removeprefix("message-"), at=now)),
                id=workflow_id,
                task_queue=workflow_id,
            )
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="1"))
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="2"))
            await env.sleep(timedelta(minutes=20))
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Ayşe"))
            await handle.result()
        await write(env, handle.id)


async def thanks(env: WorkflowEnvironment, workflow_id: str) -> None:
    """A thank-you that needs no action: closed without waiting."""
    doubles = Doubles(
        result=analysis(
            category="general",
            priority_level="low",
            action_required=False,
            recommended_response_time="24hours",
            urgency_score=1,
        )
    )
    async with Worker(env.client, task_queue=workflow_id, workflows=[MessageWorkflow], activities=doubles.activities()):
        handle = await env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(
                message(workflow_id.removeprefix("message-"), "teşekkürler", at=await env.get_current_time())
            ),
            id=workflow_id,
            task_queue=workflow_id,
        )
        await handle.result()
        await write(env, handle.id)


async def write(env: WorkflowEnvironment, workflow_id: str) -> None:
    """Write the history once; an existing file is never replaced."""
    path = HISTORIES / f"{workflow_id}.json"
    if path.exists():
        print(f"kept {path.name} as recorded")
        return
    history = await env.client.get_workflow_handle(workflow_id).fetch_history()
    path.write_text(history.to_json(), encoding="utf-8")
    print(f"recorded {workflow_id}: {len(history.events)} events")


if __name__ == "__main__":
    asyncio.run(record())
    exit_with(0)
