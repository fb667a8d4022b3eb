"""What the HTTP routes share: the clients built at start-up, authentication, body limits, and the
two ways a request reaches a workflow (Update-with-Start and a signal)."""

from __future__ import annotations

import asyncio
import hmac
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from temporalio.client import (
    Client,
    WithStartWorkflowOperation,
    WorkflowUpdateFailedError,
    WorkflowUpdateRPCTimeoutOrCancelledError,
    WorkflowUpdateStage,
)
from temporalio.common import WorkflowIDConflictPolicy, WorkflowIDReusePolicy
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError, RPCStatusCode

from db import queries, store
from ingest.bridge import InputError
from observability import log_stage
from settings import Settings
from worker import connect
from workflows.contracts import (
    AnswerSignal,
    DeliveryRequest,
    IncomingMessage,
    MessageWorkflowInput,
    WebhookResult,
)
from workflows.message import MessageWorkflow, workflow_id_for

log = logging.getLogger("izer.api")


class TemporalGateway:
    """Connects on first use and again after a failure, so the API starts even before Temporal."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Client | None = None
        self._lock = asyncio.Lock()

    async def client(self) -> Client:
        if self._client is None:
            async with self._lock:
                if self._client is None:
                    try:
                        self._client = await asyncio.wait_for(connect(self._settings), timeout=5)
                    except (RPCError, OSError, RuntimeError, TimeoutError) as err:
                        raise InputError(
                            f"Temporal is unreachable at {self._settings.temporal_address}: {err}", status=503
                        ) from None
        return self._client

    async def healthy(self) -> str | None:
        """None when Temporal answers, else what went wrong."""
        try:
            client = await self.client()
            await asyncio.wait_for(client.service_client.check_health(), timeout=3)
        except (InputError, RPCError, TimeoutError, RuntimeError) as err:
            return str(err) or type(err).__name__
        return None


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    temporal: TemporalGateway
    in_flight: dict[str, asyncio.Future[tuple[int, dict[str, Any]]]] = field(default_factory=dict)

    async def db(self, work: Callable[[Session], Any]) -> Any:
        """Run synchronous database work in a thread."""

        def run() -> Any:
            with self.sessions() as session:
                return work(session)

        return await asyncio.to_thread(run)


def get_services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


ServicesDep = Annotated[Services, Depends(get_services)]


def require_token(services: ServicesDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Management endpoints need `Authorization: Bearer $API_TOKEN` when API_TOKEN is set."""
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        return
    expected = f"Bearer {token.get_secret_value()}"
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise InputError("missing or wrong Authorization: Bearer token (API_TOKEN)", status=401)


Authorized = Depends(require_token)


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 past `limit` bytes (whether or not Content-Length says so)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(f"the body is {declared} bytes; at most {limit} are accepted", status=413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputError(f"the body is larger than {limit} bytes", status=413)
        chunks.append(chunk)
    return b"".join(chunks)


class AnswerRequest(BaseModel):
    answered_by: str = Field(default="api", min_length=1, max_length=255)
    source: str = Field(default="api", pattern="^(api|dashboard|agent)$")


def now() -> datetime:
    return datetime.now(UTC)


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


async def _start_and_wait(services: Services, message: IncomingMessage) -> tuple[int, dict[str, Any]]:
    """Update-with-Start: start (or join) the message's workflow and wait until it is analyzed and routed."""
    settings = services.settings
    client = await services.temporal.client()
    workflow_id = workflow_id_for(message.message_id)
    operation = WithStartWorkflowOperation(
        MessageWorkflow.run,
        MessageWorkflowInput(message=message, config=settings.pipeline_config()),
        id=workflow_id,
        task_queue=settings.temporal_task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
        id_reuse_policy=WorkflowIDReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        static_summary=f"{message.source} message {message.message_id}",
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
        await services.db(lambda s: store.record_answer(s, message_id, answer, answer.answered_at or now()))
        delivered = "database"
    return {"message_id": message_id, "answered_by": answer.answered_by, "recorded_via": delivered}
