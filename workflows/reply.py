"""ReplyWorkflow: a reply to a message whose own workflow has already finished (after its last escalation,
or closed): the same guarded send, then the message is answered by the person who sent it."""

from __future__ import annotations

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities.store import StoreActivities
    from izer.domain import AnswerSignal
    from workflows import steps
    from workflows.contracts import RecordAnswerInput, ReplyOutcome, ReplyWorkflowInput
    from workflows.steps import DB_RETRY, DB_TIMEOUT


def reply_workflow_id(message_id: str, reply_key: str) -> str:
    return f"reply-{message_id}-{reply_key}"


@workflow.defn
class ReplyWorkflow:
    @workflow.run
    async def run(self, params: ReplyWorkflowInput) -> ReplyOutcome:
        request = params.request
        outcome = await steps.send_reply(params.message_id, request)
        if outcome.accepted:
            await workflow.execute_local_activity_method(
                StoreActivities.record_answer,
                RecordAnswerInput(
                    message_id=params.message_id,
                    answer=AnswerSignal(answered_by=request.sent_by, source="reply"),
                    answered_at=workflow.now(),
                ),
                start_to_close_timeout=DB_TIMEOUT,
                retry_policy=DB_RETRY,
                summary=f"answered by {request.sent_by} (reply)",
            )
        return outcome.model_copy(update={"answered": outcome.accepted})
