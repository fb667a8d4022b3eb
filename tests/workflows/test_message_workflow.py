"""MessageWorkflow on the time-skipping test server, with every activity replaced by name."""

from __future__ import annotations

import uuid
from datetime import timedelta

from temporalio import activity
from temporalio.exceptions import ApplicationError
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from izer.domain import Analysis, AnswerSignal
from tests.workflows.doubles import LADDER, Doubles, analysis, message, workflow_input
from workflows.contracts import (
    AnalyzeInput,
    Deadline,
    DeadlineInput,
    DeliveryRequest,
    EscalateInput,
    RecordOutcomeInput,
)
from workflows.message import MessageWorkflow


def _worker(env: WorkflowEnvironment, doubles: Doubles, queue: str) -> Worker:
    return Worker(env.client, task_queue=queue, workflows=[MessageWorkflow], activities=doubles.activities())


def _escalations(doubles: Doubles) -> list[tuple[str, int]]:
    return [(e.kind, e.level) for e in doubles.named("escalate") if isinstance(e, EscalateInput)]


async def test_answered_before_the_deadline_is_never_escalated(
    time_skipping_env: WorkflowEnvironment,
) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    with time_skipping_env.auto_time_skipping_disabled():
        async with _worker(time_skipping_env, doubles, queue):
            handle = await time_skipping_env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message("answered", at=await time_skipping_env.get_current_time())),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            first = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="a"))
            assert first.routing.agent == "code_debugger" and first.routing.success
            assert first.duplicate is False and first.database_id == 7
            await time_skipping_env.sleep(timedelta(minutes=5))
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Ayşe"))
            status = await handle.result()
    assert status.state == "answered" and status.answered_by == "Ayşe"
    assert _escalations(doubles) == []
    assert len(doubles.named("record_answer")) == 1


async def test_escalated_once_then_answered(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    with time_skipping_env.auto_time_skipping_disabled():
        await _escalate_once_then_answer(time_skipping_env, doubles, queue)
    assert _escalations(doubles) == [("warning", 0), ("breach", 1)]


async def _escalate_once_then_answer(time_skipping_env: WorkflowEnvironment, doubles: Doubles, queue: str) -> None:
    async with _worker(time_skipping_env, doubles, queue):
        handle = await time_skipping_env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message("once", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
        await time_skipping_env.sleep(timedelta(minutes=20))
        state = await handle.query(MessageWorkflow.status)
        assert state is not None and state.state == "escalated" and state.escalation_level == 1
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Mehmet", source="dashboard"))
        status = await handle.result()
    assert status.state == "answered"
    assert _escalations(doubles) == [("warning", 0), ("breach", 1)]


async def test_unanswered_message_climbs_every_level_then_ends(
    time_skipping_env: WorkflowEnvironment,
) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    async with _worker(time_skipping_env, doubles, queue):
        status = await time_skipping_env.client.execute_workflow(
            MessageWorkflow.run,
            workflow_input(message("ladder", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
    assert status.state == "escalated" and status.escalation_level == 3
    assert _escalations(doubles) == [("warning", 0), ("breach", 1), ("breach", 2), ("breach", 3)]
    assert doubles.named("record_answer") == []


async def test_failing_agent_falls_back_to_the_hub(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = Doubles(failing_agents={"code_debugger"}), f"q-{uuid.uuid4()}"
    async with _worker(time_skipping_env, doubles, queue):
        handle = await time_skipping_env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message("fallback", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        result = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
        await handle.result()
    routing = result.routing
    assert routing.success and routing.agent == "agent_hub" and routing.fallback
    assert routing.first_choice == "code_debugger" and "503" in (routing.error or "")
    tried = [d.route.agent for d in doubles.named("deliver_to_agent")]  # type: ignore[attr-defined]
    assert tried == ["code_debugger", "code_debugger", "agent_hub"]
    keys = {d.idempotency_key for d in doubles.named("deliver_to_agent")}  # type: ignore[attr-defined]
    assert len(keys) == 1, "every delivery of one message carries the same idempotency key"


async def test_no_action_needed_closes_without_a_deadline(time_skipping_env: WorkflowEnvironment) -> None:
    doubles = Doubles(
        result=analysis(
            category="general",
            priority_level="low",
            action_required=False,
            recommended_response_time="24hours",
            urgency_score=1,
            sentiment="positive",
        )
    )
    queue = f"q-{uuid.uuid4()}"
    async with _worker(time_skipping_env, doubles, queue):
        status = await time_skipping_env.client.execute_workflow(
            MessageWorkflow.run,
            workflow_input(message("thanks", "teşekkürler", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
    assert status.state == "closed"
    assert doubles.deadlines_asked() == [] and _escalations(doubles) == []
    assert doubles.named("deliver_to_agent")[0].route.agent == "general_purpose"  # type: ignore[attr-defined]


async def test_analysis_routing_and_the_deadline_are_recorded_by_one_activity(
    time_skipping_env: WorkflowEnvironment,
) -> None:
    """The `store-and-analyze` branch (with `outcome-write`'s): one local activity stores and analyzes the
    message, one after the delivery records what it became; the separate steps of workflows started
    before them are not asked for."""
    waiting, closing = Doubles(), Doubles(result=analysis(action_required=False, priority_level="low"))
    for doubles, text in ((waiting, "frenler tutmuyor"), (closing, "teşekkürler")):
        queue = f"q-{uuid.uuid4()}"
        async with _worker(time_skipping_env, doubles, queue):
            handle = await time_skipping_env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message(f"one-write-{text[:5]}", text, at=await time_skipping_env.get_current_time())),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
            state = await handle.query(MessageWorkflow.status)
            if doubles is waiting:
                assert state is not None and state.state == "open" and state.due_at is not None
                await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
            await handle.result()
        for separate in ("record_message", "analyze_message", "record_analysis", "record_routing", "compute_deadline"):
            assert doubles.named(separate) == [], separate
        assert doubles.named("set_status") == [] and doubles.named("record_and_analyze")
    # A local activity runs again when its workflow task does (here, the update racing the workflow's end).
    waits = [o for o in waiting.named("record_outcome") if isinstance(o, RecordOutcomeInput)]
    assert waits and all(o.deadline is not None and not o.close for o in waits)
    assert waits[0].deadline is not None and waits[0].deadline.response_time == "immediate"
    assert waits[0].routing.agent == "code_debugger" and waits[0].analysis.priority_level == "critical"
    closes = [o for o in closing.named("record_outcome") if isinstance(o, RecordOutcomeInput)]
    assert closes and all(o.deadline is None and o.close for o in closes)


async def test_a_repeated_delivery_gets_the_same_answer_marked_duplicate(
    time_skipping_env: WorkflowEnvironment,
) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    async with _worker(time_skipping_env, doubles, queue):
        handle = await time_skipping_env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message("dup", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        first = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="1"))
        second = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="2"))
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
        await handle.result()
    assert (first.duplicate, second.duplicate) == (False, True)
    assert first.analysis == second.analysis and first.routing == second.routing
    assert len(doubles.named("record_and_analyze")) == 1 and len(doubles.named("deliver_to_agent")) == 1


async def test_an_answer_before_routing_ends_the_wait_at_once(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    async with _worker(time_skipping_env, doubles, queue):
        handle = await time_skipping_env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message("early", at=await time_skipping_env.get_current_time())),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="history", source="history"))
        status = await handle.result()
    assert status.state == "answered" and _escalations(doubles) == []


async def test_an_analysis_activity_that_keeps_failing_falls_back_to_the_rules(
    time_skipping_env: WorkflowEnvironment,
) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    asked: list[bool] = []

    @activity.defn(name="analyze_message")
    async def analyze_message(params: AnalyzeInput) -> Analysis:
        asked.append(params.rules_only)
        if not params.rules_only:
            raise ApplicationError("database unreachable", type="OperationalError")
        return analysis(degraded=True, priority_level="high", recommended_response_time="1hour")

    others = [a for a in doubles.activities() if getattr(a, "__temporal_activity_definition").name != "analyze_message"]
    async with Worker(
        time_skipping_env.client, task_queue=queue, workflows=[MessageWorkflow], activities=[*others, analyze_message]
    ):
        handle = await time_skipping_env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message("llm-down", at=await time_skipping_env.get_current_time()), use_llm=True),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        result = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
        await handle.result()
    assert result.analysis.degraded and result.routing.success
    assert asked == [False] * 5 + [True], "five LLM attempts (three plus the buffer), then the rules"


def _quiet_doubles(doubles: Doubles, hold_until: timedelta) -> list[object]:
    """The doubles, with a deadline whose level-2 management page is held by quiet hours."""

    def held(params: DeadlineInput) -> Deadline:
        start = params.received_at
        ladder = [start + step for step in LADDER[: params.levels]]
        return Deadline(
            due_at=ladder[0],
            ladder=ladder,
            management_at=[None, start + hold_until, None][: params.levels],
        )

    doubles.deadline = held
    return doubles.activities()


def _pages(doubles: Doubles) -> list[tuple[int, bool, bool]]:
    return [
        (e.level, e.include_management, e.management_only)
        for e in doubles.named("escalate")
        if isinstance(e, EscalateInput) and e.kind == "breach"
    ]


async def test_quiet_hours_hold_managements_page_until_they_end(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    env = time_skipping_env
    async with Worker(
        env.client,
        task_queue=queue,
        workflows=[MessageWorkflow],
        activities=_quiet_doubles(doubles, timedelta(hours=3)),
    ):
        status = await env.client.execute_workflow(
            MessageWorkflow.run,
            workflow_input(message("quiet", at=await env.get_current_time()), warn_at=0),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
    assert status.state == "escalated"
    assert _pages(doubles) == [(1, True, False), (2, False, False), (3, True, False), (2, True, True)]
    escalations = [e for e in doubles.named("escalate") if isinstance(e, EscalateInput)]
    assert all(e.message is None and e.message_id == "quiet" for e in escalations), "ids, not the message"


async def test_an_answer_during_quiet_hours_cancels_the_held_page(time_skipping_env: WorkflowEnvironment) -> None:
    doubles, queue = Doubles(), f"q-{uuid.uuid4()}"
    env = time_skipping_env
    with env.auto_time_skipping_disabled():
        async with Worker(
            env.client,
            task_queue=queue,
            workflows=[MessageWorkflow],
            activities=_quiet_doubles(doubles, timedelta(hours=5)),
        ):
            handle = await env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message("quiet-answered", at=await env.get_current_time()), warn_at=0),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            await env.sleep(timedelta(hours=2))
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Gece nöbetçisi"))
            status = await handle.result()
    assert status.state == "answered"
    assert _pages(doubles) == [(1, True, False), (2, False, False), (3, True, False)]
