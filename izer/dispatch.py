"""The two ways a request reaches a message's workflow: Update-with-Start (the bridge webhook waits
for the analysis and routing) and the `mark_answered` signal."""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any

from temporalio.client import (
    Client,
    WithStartWorkflowOperation,
    WorkflowUpdateFailedError,
    WorkflowUpdateRPCTimeoutOrCancelledError,
    WorkflowUpdateStage,
)
from temporalio.common import WorkflowIDConflictPolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from izer.db import outcomes, queries
from izer.domain import AnswerSignal, IncomingMessage, WebhookResult, workflow_id_for
from izer.errors import InputError
from izer.observability import log_stage
from izer.routes.deps import Services, now
from izer.temporal import message_workflow_start
from workflows.contracts import DeliveryRequest, ReplyOutcome, ReplyRequest, ReplyWorkflowInput
from workflows.message import MessageWorkflow
from workflows.reply import ReplyWorkflow, reply_workflow_id

REPLY_WAIT_SECONDS = 25

log = logging.getLogger("izer.api")


async def start_and_wait(services: Services, message: IncomingMessage) -> tuple[int, dict[str, Any]]:
    """Deliveries of one message arriving together share one Update-with-Start: a burst of repeats costs
    Temporal one update (it admits only a few in flight per workflow), and every caller but the first is
    answered as a duplicate."""
    message_id = message.message_id
    shared = services.in_flight.get(message_id)
    first = shared is None
    if shared is None:
        shared = asyncio.ensure_future(_start_and_wait(services, message))
        services.in_flight[message_id] = shared
        shared.add_done_callback(lambda _: services.in_flight.pop(message_id, None))
    status, payload = await asyncio.shield(shared)
    if not first and "duplicate" in payload:
        payload = {**payload, "duplicate": True}
    return status, payload


def redacted(payload: dict[str, Any]) -> dict[str, Any]:
    """A repeat's answer to a caller that proved nothing (no WEBHOOK_SECRET): the ids, never the stored
    analysis or the agent's reply."""
    keys = ("success", "message_id", "database_id", "workflow_id", "duplicate", "status_url")
    return {key: payload[key] for key in keys if key in payload} | {"duplicate": True}


async def already_processed(services: Services, message_id: str) -> bool:
    """Whether the database holds the message analyzed and routed: such a message never runs again, however
    long ago it ran (Temporal's retention forgets the workflow; the database does not)."""
    return bool(await services.db(lambda s: queries.is_processed(s, message_id)))


async def _start_and_wait(services: Services, message: IncomingMessage) -> tuple[int, dict[str, Any]]:
    """Update-with-Start: start (or join) the message's workflow and wait until it is analyzed and routed;
    a message the database holds processed is answered from there, without a new run."""
    settings = services.settings
    workflow_id = workflow_id_for(message.message_id)
    if await already_processed(services, message.message_id):
        log_stage(log, "repeated", message.message_id, workflow_id, message.source)
        return await _stored_answer(services, message.message_id, workflow_id)
    client = await services.temporal.client()
    operation = WithStartWorkflowOperation(
        MessageWorkflow.run,
        **message_workflow_start(settings, message, summary=f"{message.source} message {message.message_id}"),
    )
    timeout = settings.webhook_sync_timeout.total_seconds()
    log_stage(log, "received", message.message_id, workflow_id, message.source)
    try:
        async with asyncio.timeout(timeout):
            handle = await client.start_update_with_start_workflow(
                MessageWorkflow.processed,
                DeliveryRequest(delivery_id=str(uuid.uuid4())),
                start_workflow_operation=operation,
                wait_for_stage=WorkflowUpdateStage.ACCEPTED,
            )
            result: WebhookResult = await handle.result()
        return 200, result.model_dump(mode="json")
    except WorkflowAlreadyStartedError:
        return await _stored_answer(services, message.message_id, workflow_id)
    except (TimeoutError, WorkflowUpdateRPCTimeoutOrCancelledError):
        return await _accepted(services, client, message.message_id, workflow_id)
    except WorkflowUpdateFailedError as err:
        log.error("workflow %s failed its update: %s", workflow_id, err.cause)
        raise InputError("the message could not be processed; it is kept in its workflow", status=500) from None
    except RPCError as err:
        if err.status == RPCStatusCode.ALREADY_EXISTS:
            return await _stored_answer(services, message.message_id, workflow_id)
        raise InputError(f"Temporal refused the request: {err.message}", status=503) from None


async def _stored_answer(services: Services, message_id: str, workflow_id: str) -> tuple[int, dict[str, Any]]:
    stored = await services.db(lambda s: queries.stored_result(s, message_id))
    if stored is None:
        return 202, {
            "message_id": message_id,
            "workflow_id": workflow_id,
            "duplicate": True,
            "status_url": f"/messages/{message_id}",
        }
    return 200, stored.model_dump(mode="json")


async def _accepted(
    services: Services, client: Client, message_id: str, workflow_id: str
) -> tuple[int, dict[str, Any]]:
    """The answer took longer than WEBHOOK_SYNC_TIMEOUT: 202 if the workflow exists (it goes on), else 503."""
    try:
        await asyncio.wait_for(client.get_workflow_handle(workflow_id).describe(), timeout=5)
    except (RPCError, TimeoutError):
        raise InputError("the message could not be started in time; deliver it again", status=503) from None
    return 202, {
        "success": True,
        "message_id": message_id,
        "workflow_id": workflow_id,
        "status_url": f"/messages/{message_id}",
        "detail": "accepted; analysis and routing are still running",
    }


async def signal_answer(services: Services, message_id: str, answer: AnswerSignal) -> dict[str, Any]:
    """Signal the workflow; if it already finished, record the answer in the database directly."""
    known = await services.db(lambda s: queries.message_detail(s, message_id))
    client = await services.temporal.client()
    try:
        await client.get_workflow_handle(workflow_id_for(message_id)).signal(MessageWorkflow.mark_answered, answer)
        delivered = "signal"
    except RPCError as err:
        if err.status != RPCStatusCode.NOT_FOUND:
            raise InputError(f"Temporal refused the signal: {err.message}", status=503) from None
        if known is None:
            raise InputError(f"no message with id {message_id!r}", status=404) from None
        await services.db(lambda s: outcomes.record_answer(s, message_id, answer, answer.answered_at or now()))
        delivered = "database"
    return {"message_id": message_id, "answered_by": answer.answered_by, "recorded_via": delivered}


async def send_reply(services: Services, message_id: str, request: ReplyRequest) -> tuple[int, dict[str, Any]]:
    """The `send_reply` update on the message's workflow; when that workflow has finished (after its last
    escalation, or closed), a ReplyWorkflow sends it. 202 when Meta's answer takes longer than the wait
    (the send goes on durably; the thread shows it)."""
    client = await services.temporal.client()
    try:
        async with asyncio.timeout(REPLY_WAIT_SECONDS):
            try:
                outcome: ReplyOutcome = await client.get_workflow_handle(workflow_id_for(message_id)).execute_update(
                    MessageWorkflow.send_reply, request
                )
            except RPCError as err:
                if err.status not in (RPCStatusCode.NOT_FOUND, RPCStatusCode.FAILED_PRECONDITION):
                    raise
                outcome = await client.execute_workflow(
                    ReplyWorkflow.run,
                    ReplyWorkflowInput(message_id=message_id, request=request),
                    id=reply_workflow_id(message_id, request.reply_key),
                    task_queue=services.settings.temporal_task_queue,
                    id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
                    static_summary=f"reply to {message_id} by {request.sent_by}",
                )
    except (TimeoutError, WorkflowUpdateRPCTimeoutOrCancelledError):
        return 202, {"reply_key": request.reply_key, "accepted": False, "status": "sending"}
    except WorkflowUpdateFailedError as err:
        log.error("reply to %s failed in its workflow: %s", message_id, err.cause)
        raise InputError("the reply could not be sent; see the message's workflow", status=500) from None
    except RPCError as err:
        raise InputError(f"Temporal refused the reply: {err.message}", status=503) from None
    log_stage(log, "reply", message_id, workflow_id_for(message_id), "accepted" if outcome.accepted else "refused")
    return 200, outcome.model_dump(mode="json")
