"""Replying to the customer from İzer, through the WhatsApp Cloud API: the request is checked here (the
message came from WhatsApp, the 24-hour window allows free text) and sent by the message's workflow."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from izer.db import outbound
from izer.dispatch import send_reply
from izer.errors import InputError
from izer.routes.deps import Authorized, ServicesDep, now
from izer.settings import Settings
from workflows.contracts import ReplyKind, ReplyRequest

router = APIRouter(tags=["replies"], dependencies=[Authorized])


class ReplyBody(BaseModel):
    text: str = Field(default="", max_length=4096, description="the reply; empty for the template")
    sent_by: str = Field(min_length=1, max_length=255, description="who is answering")
    template: bool = Field(default=False, description="send WHATSAPP_REPLY_TEMPLATE instead of the text")
    reply_key: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="the caller's key for this one send: sending again with it never sends twice",
    )


@router.post("/messages/{message_id}/reply")
async def reply_to_message(message_id: str, body: ReplyBody, services: ServicesDep) -> dict[str, Any]:
    """Send a reply; the answer says whether Meta accepted it (`accepted`, `wamid`) or why not
    (`error_code`, `error`). Only an accepted reply answers the message."""
    settings = services.settings
    if not settings.replies_enabled:
        raise InputError(
            "WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are not set: replies through the Cloud API need them",
            status=503,
        )
    target = await services.db(lambda s: outbound.reply_target(s, message_id))
    if target is None:
        raise InputError(f"no message with id {message_id!r}", status=404)
    if target.source != "whatsapp":
        raise InputError(
            "this message came through the bridge, not the WhatsApp Cloud API: answer it in WhatsApp and mark it "
            "answered",
            status=409,
        )
    kind: ReplyKind = "template" if body.template else "text"
    if kind == "template" and not settings.whatsapp_reply_template:
        raise InputError("WHATSAPP_REPLY_TEMPLATE is not set: there is no template to send", status=409)
    if kind == "text":
        if not body.text.strip():
            raise InputError("text is empty: write the reply", status=422, fields=[{"field": "text"}])
        if not target.window_open(now()):
            raise InputError(
                "the customer last wrote more than 24 hours ago: WhatsApp accepts only an approved template "
                f"outside its customer-service window ({template_hint(settings)})",
                status=409,
            )
    request = ReplyRequest(
        reply_key=body.reply_key or uuid.uuid4().hex,
        sent_by=body.sent_by.strip(),
        text=body.text.strip() if kind == "text" else "",
        kind=kind,
    )
    status, outcome = await send_reply(services, message_id, request)
    return {"message_id": message_id, "pending": status == 202, **outcome}


def template_hint(settings: Settings) -> str:
    name = settings.whatsapp_reply_template
    return f"send the template {name!r} instead" if name else "set WHATSAPP_REPLY_TEMPLATE to offer one"


def reply_options(settings: Settings, target: outbound.ReplyTarget | None) -> dict[str, Any]:
    """What the dashboard may offer for a message: a text reply, the template, or only "answered"."""
    enabled = settings.replies_enabled and target is not None and target.source == "whatsapp"
    closes = target.window_closes_at() if target is not None else None
    return {
        "enabled": enabled,
        "window_open": bool(target and target.window_open(now())),
        "window_closes_at": closes.isoformat() if closes else None,
        "template": settings.whatsapp_reply_template if enabled else None,
    }
