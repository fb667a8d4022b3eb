"""The team's work on messages: read one, list the queue, mark a message or a whole chat answered."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session
from temporalio.service import RPCError, RPCStatusCode

from izer.db import corrections, outbound, queries
from izer.dispatch import signal_answer
from izer.domain import AnswerSignal, Category, Priority, normalize_phone, workflow_id_for
from izer.errors import InputError
from izer.routes.deps import AnswerRequest, Authorized, Services, ServicesDep, now
from izer.routes.replies import reply_options
from workflows.contracts import PriorityChange
from workflows.message import MessageWorkflow

router = APIRouter(tags=["messages"], dependencies=[Authorized])

StatusFilter = Literal["open", "received", "escalated", "answered", "closed"]


@router.post("/messages/{message_id:path}/answer")
async def answer_message(message_id: str, services: ServicesDep, body: AnswerRequest | None = None) -> dict[str, Any]:
    request = body or AnswerRequest()
    answer = AnswerSignal(answered_by=request.answered_by, answered_at=now(), source=request.source)  # type: ignore[arg-type]
    return await signal_answer(services, message_id, answer)


@router.post("/chats/{phone_number}/answer")
async def answer_chat(phone_number: str, services: ServicesDep, body: AnswerRequest | None = None) -> dict[str, Any]:
    request = body or AnswerRequest()
    phone = normalize_phone(phone_number)
    open_ids = await services.db(lambda s: queries.open_chat_messages(s, phone))
    answer = AnswerSignal(answered_by=request.answered_by, answered_at=now(), source="chat")
    answered = [await signal_answer(services, mid, answer) for mid in open_ids]
    return {"phone_number": phone, "answered": [a["message_id"] for a in answered]}


class CorrectionRequest(BaseModel):
    """A person's correction: any of category, priority and action_required; the others stay."""

    corrected_by: str = Field(default="dashboard", min_length=1, max_length=255)
    category: Category | None = None
    priority: Priority | None = None
    action_required: bool | None = None


@router.post("/messages/{message_id}/corrections")
async def correct_message(message_id: str, body: CorrectionRequest, services: ServicesDep) -> dict[str, Any]:
    """Store the correction; a raised priority signals the workflow, which recomputes a shorter deadline."""
    if body.category is None and body.priority is None and body.action_required is None:
        raise InputError("a correction needs category, priority or action_required")

    def record(session):  # type: ignore[no-untyped-def]
        return corrections.record_correction(
            session,
            message_id,
            corrected_by=body.corrected_by,
            category=body.category,
            priority=body.priority,
            action_required=body.action_required,
        )

    try:
        correction = await services.db(record)
    except corrections.NotAnalyzed:
        raise InputError(f"no analyzed message with id {message_id!r}", status=404) from None
    correction["deadline_recomputed"] = False
    if correction["raised"]:
        change = PriorityChange(priority=correction["priority"][1], changed_by=body.corrected_by)
        client = await services.temporal.client()
        try:
            await client.get_workflow_handle(workflow_id_for(message_id)).signal(MessageWorkflow.raise_priority, change)
            correction["deadline_recomputed"] = True
        except RPCError as err:  # a finished workflow has no deadline left to shorten
            if err.status != RPCStatusCode.NOT_FOUND:
                raise InputError(f"Temporal refused the signal: {err.message}", status=503) from None
    return correction


@router.get("/messages/{message_id:path}")
async def get_message(message_id: str, services: ServicesDep) -> dict[str, Any]:
    detail = await services.db(lambda s: _detail_with_replies(s, message_id))
    live = await _live_state(services, message_id)
    if detail is None and live is None:
        raise InputError(f"no message with id {message_id!r}", status=404)
    if detail is None:
        return {"message_id": message_id, "status": "received", "workflow": live}
    detail["workflow"] = live
    detail["reply"] = reply_options(services.settings, detail.pop("_target"))
    return detail


def _detail_with_replies(session: Session, message_id: str) -> dict[str, Any] | None:
    """The message, the replies sent to the customer from İzer, and where a reply would go."""
    detail = queries.message_detail(session, message_id)
    if detail is not None:
        detail["replies"] = outbound.replies_of(session, message_id)
        detail["_target"] = outbound.reply_target(session, message_id)
    return detail


@router.get("/messages")
async def list_messages(
    services: ServicesDep,
    status: StatusFilter | None = None,
    priority: Priority | None = None,
    category: Category | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    where = queries.MessageFilter(status=status, priority=priority, category=category, query=q, limit=limit)
    items = await services.db(lambda s: _with_reply_windows(s, queries.list_messages(s, where)))
    settings = services.settings
    return {
        "count": len(items),
        "messages": items,
        "replies": {"enabled": settings.replies_enabled, "template": settings.whatsapp_reply_template},
        "temporal_ui_url": services.settings.temporal_ui_url,
        "namespace": services.settings.temporal_namespace,
        "now": now().isoformat(),
    }


def _with_reply_windows(session: Session, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each WhatsApp message with the end of its chat's 24-hour customer-service window."""
    latest = outbound.last_customer_messages(
        session, [m["phone_number"] for m in items if m.get("source") == "whatsapp"]
    )
    for item in items:
        last = latest.get(item["phone_number"]) if item.get("source") == "whatsapp" else None
        closes = last + outbound.CUSTOMER_SERVICE_WINDOW if last else None
        item["reply_window_closes_at"] = closes.isoformat() if closes else None
    return items


async def _live_state(services: Services, message_id: str) -> dict[str, Any] | None:
    """The workflow's run status and, while it runs, its `status` query; None when Temporal has none."""
    try:
        client = await services.temporal.client()
        handle = client.get_workflow_handle(workflow_id_for(message_id))
        description = await asyncio.wait_for(handle.describe(), timeout=3)
    except (InputError, RPCError, TimeoutError):
        return None
    state: dict[str, Any] = {
        "workflow_id": handle.id,
        "run_status": description.status.name if description.status else None,
    }
    if description.status is not None and description.status.name == "RUNNING":
        try:
            status = await asyncio.wait_for(handle.query(MessageWorkflow.status), timeout=3)
            state["state"] = status.model_dump(mode="json") if status else None
        except (RPCError, TimeoutError, Exception):  # noqa: BLE001 - a query needs a worker; the row still answers
            state["state"] = None
    return state
