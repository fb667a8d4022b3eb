"""A person raises a message's priority while its workflow waits: the deadline is recomputed, shorter; a
lower priority changes nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from tests.workflows.doubles import Doubles, analysis, message, workflow_input
from workflows.contracts import Deadline, DeadlineInput, DeliveryRequest, EscalateInput, PriorityChange
from workflows.message import MessageWorkflow

ALLOWED = {
    "immediate": timedelta(minutes=15),
    "1hour": timedelta(hours=1),
    "4hours": timedelta(hours=4),
    "24hours": timedelta(hours=24),
}


def by_priority(params: DeadlineInput) -> Deadline:
    due = params.received_at + ALLOWED[params.response_time]
    return Deadline(due_at=due, ladder=[due, due + timedelta(hours=1)][: params.levels])


def _worker(env: WorkflowEnvironment, doubles: Doubles, queue: str) -> Worker:
    return Worker(env.client, task_queue=queue, workflows=[MessageWorkflow], activities=doubles.activities())


async def test_a_raised_priority_recomputes_a_shorter_deadline(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = (
        Doubles(result=analysis(priority_level="low", recommended_response_time="24hours"), deadline=by_priority),
        f"q-{uuid.uuid4()}",
    )
    with time_skipping_env.auto_time_skipping_disabled():
        async with _worker(time_skipping_env, doubles, queue):
            start = await time_skipping_env.get_current_time()
            handle = await time_skipping_env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message("raised", at=start), escalation_levels=1),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
            before = await handle.query(MessageWorkflow.status)
            assert before is not None and before.due_at == start + timedelta(hours=24)
            await handle.signal(MessageWorkflow.raise_priority, PriorityChange(priority="normal", changed_by="x"))
            await handle.signal(MessageWorkflow.raise_priority, PriorityChange(priority="critical", changed_by="Ayşe"))
            await time_skipping_env.sleep(timedelta(minutes=1))
            after = await handle.query(MessageWorkflow.status)
            assert after is not None and after.priority == "critical"
            assert after.due_at == start + timedelta(minutes=15)
            await time_skipping_env.sleep(timedelta(minutes=20))
            escalations = [e for e in doubles.named("escalate") if isinstance(e, EscalateInput)]
            assert [(e.kind, e.level, e.due_at) for e in escalations] == [
                ("breach", 1, start + timedelta(minutes=15))
            ], "one breach, at the raised priority's shorter deadline"
            assert (await handle.result()).state == "escalated"
    responses = [p.response_time for p in doubles.deadlines_asked()]
    assert responses[0] == "24hours" and responses[-1] == "immediate"


async def test_a_lower_priority_leaves_the_deadline_alone(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = (
        Doubles(result=analysis(priority_level="high", recommended_response_time="1hour"), deadline=by_priority),
        f"q-{uuid.uuid4()}",
    )
    with time_skipping_env.auto_time_skipping_disabled():
        async with _worker(time_skipping_env, doubles, queue):
            start = await time_skipping_env.get_current_time()
            handle = await time_skipping_env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message("lowered", at=start)),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
            await handle.signal(MessageWorkflow.raise_priority, PriorityChange(priority="low"))
            await time_skipping_env.sleep(timedelta(minutes=1))
            state = await handle.query(MessageWorkflow.status)
            assert state is not None and state.priority == "high" and state.due_at == start + timedelta(hours=1)
            await handle.terminate()
    assert len(doubles.deadlines_asked()) == 1
