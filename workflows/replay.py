"""ReplayWorkflow: analyze and route a stored message again (`izer replay`), as a new recorded attempt."""

from __future__ import annotations

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.store import StoreActivities
    from workflows import steps
    from workflows.contracts import RecordAnalysisInput, RecordRoutingInput, ReplayInput, ReplayResult
    from workflows.steps import DB_RETRY, DB_TIMEOUT


def replay_workflow_id(message_id: str, attempt: int) -> str:
    return f"replay-{message_id}-{attempt}"


@workflow.defn
class ReplayWorkflow:
    @workflow.run
    async def run(self, params: ReplayInput) -> ReplayResult:
        message = await workflow.execute_activity_method(
            StoreActivities.load_message,
            params.message_id,
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary="load the stored message",
        )
        analysis = await steps.analyze(message, params.config)
        await workflow.execute_activity_method(
            StoreActivities.record_analysis,
            RecordAnalysisInput(message_id=message.message_id, analysis=analysis, attempt=params.attempt),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"record analysis attempt {params.attempt}",
        )
        key = f"message-{message.message_id}/replay-{params.attempt}"
        routing = await steps.route(message, analysis, params.config, key=key)
        await workflow.execute_activity_method(
            StoreActivities.record_routing,
            RecordRoutingInput(message_id=message.message_id, routing=routing, attempt=params.attempt),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"record routing attempt {params.attempt}",
        )
        return ReplayResult(message_id=message.message_id, attempt=params.attempt, analysis=analysis, routing=routing)
