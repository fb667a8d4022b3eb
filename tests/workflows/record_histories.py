"""Record the histories the replay test replays: `python -m tests.workflows.record_histories`.

Re-record only on purpose: a change that no longer replays them would break workflows already running
in production, which then needs `workflow.patched` instead.
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


async def record() -> None:
    env = await WorkflowEnvironment.start_time_skipping(
        data_converter=pydantic_data_converter, test_server_existing_path=str(BIN / "temporal-test-server")
    )
    try:
        escalated = Doubles(failing_agents={"code_debugger"})
        closed = Doubles(
            result=analysis(
                category="general",
                priority_level="low",
                action_required=False,
                recommended_response_time="24hours",
                urgency_score=1,
            )
        )
        async with Worker(
            env.client, task_queue="record", workflows=[MessageWorkflow], activities=escalated.activities()
        ):
            now = await env.get_current_time()
            with env.auto_time_skipping_disabled():
                handle = await env.client.start_workflow(
                    MessageWorkflow.run,
                    workflow_input(message("escalated-then-answered", at=now)),
                    id="message-escalated-then-answered",
                    task_queue="record",
                )
                await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="1"))
                await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="2"))
                await env.sleep(timedelta(minutes=20))
                await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Ayşe"))
                await handle.result()
            await write(env, handle.id)
        async with Worker(
            env.client, task_queue="record-closed", workflows=[MessageWorkflow], activities=closed.activities()
        ):
            handle = await env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message("thanks", "teşekkürler", at=await env.get_current_time())),
                id="message-thanks",
                task_queue="record-closed",
            )
            await handle.result()
            await write(env, handle.id)
    finally:
        await env.shutdown()


async def write(env: WorkflowEnvironment, workflow_id: str) -> None:
    history = await env.client.get_workflow_handle(workflow_id).fetch_history()
    (HISTORIES / f"{workflow_id}.json").write_text(history.to_json(), encoding="utf-8")
    print(f"recorded {workflow_id}: {len(history.events)} events")


if __name__ == "__main__":
    asyncio.run(record())
    exit_with(0)
