"""Meta's WhatsApp Cloud API webhook: the verification handshake and signed notifications.

The handler only verifies, parses and starts workflows, then answers 200; Meta retries anything else.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from datetime import datetime
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy.orm import Session
from temporalio.client import Client
from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError

from izer.db import outbound, receipts, store
from izer.dispatch import already_processed, signal_answer
from izer.domain import AnswerSignal, IncomingMessage, message_id_of, normalize_phone
from izer.errors import InputError
from izer.ingest.bridge import decode_json
from izer.ingest.meta_fields import MetaPayloadError
from izer.ingest.meta_notification import MetaNotification, parse_notification
from izer.ingest.meta_statuses import StatusUpdate
from izer.ingest.signature import verify_signature
from izer.routes.deps import Services, ServicesDep, now, read_body
from izer.temporal import message_workflow_start
from workflows.message import MessageWorkflow

log = logging.getLogger("izer.whatsapp")
router = APIRouter(tags=["webhooks"])
ANSWERING_STATUSES = ("sent",)  # delivered/read come later than the reply itself


@router.get("/webhook/whatsapp")
async def verify_subscription(
    services: ServicesDep,
    mode: Annotated[str | None, Query(alias="hub.mode")] = None,
    verify_token: Annotated[str | None, Query(alias="hub.verify_token")] = None,
    challenge: Annotated[str | None, Query(alias="hub.challenge")] = None,
) -> PlainTextResponse:
    """200 with the challenge as plain text when the token matches WHATSAPP_VERIFY_TOKEN, else 403."""
    expected = services.settings.whatsapp_verify_token
    if (
        expected is not None
        and expected.get_secret_value()
        and mode == "subscribe"
        and challenge is not None
        and verify_token is not None
        and hmac.compare_digest(verify_token.encode(), expected.get_secret_value().encode())
    ):
        return PlainTextResponse(challenge)
    return PlainTextResponse("verification failed", status_code=403)


@router.post("/webhook/whatsapp")
async def receive_notification(
    request: Request,
    services: ServicesDep,
    x_hub_signature_256: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    settings = services.settings
    secret = settings.whatsapp_app_secret
    if secret is None or not secret.get_secret_value():
        raise InputError("WHATSAPP_APP_SECRET is not set: signature checks need it", status=503)
    body = await read_body(request, settings.max_body_bytes)
    if not verify_signature(body, x_hub_signature_256, secret.get_secret_value()):
        raise InputError("missing or invalid X-Hub-Signature-256", status=401)
    try:
        notification = parse_notification(decode_json(body), received_at=now())
    except MetaPayloadError as err:
        raise InputError(f"not a WhatsApp Cloud API notification: {err}", status=400) from None
    client = await services.temporal.client()
    started = await asyncio.gather(*(_start(services, client, m) for m in _unique(notification.messages)))
    replies = await services.db(lambda s: _record_reactions_and_statuses(s, notification))
    answered = await _acknowledge_from_statuses(services, notification.statuses, replies)
    return {
        "received": len(notification.messages),
        "accepted": [m for m, running in started if running],
        "already_finished": [m for m, running in started if not running],
        "reactions": len(notification.reactions),
        "statuses": len(notification.statuses),
        "answered": answered,
        "ignored": notification.ignored,
    }


def _unique(messages: list[IncomingMessage]) -> list[IncomingMessage]:
    seen: dict[str, IncomingMessage] = {}
    for message in messages:
        seen.setdefault(message.message_id, message)
    return list(seen.values())


async def _start(services: Services, client: Client, message: IncomingMessage) -> tuple[str, bool]:
    """Start the message's workflow; a redelivery joins the running one. False: it had already finished."""
    settings = services.settings
    if await already_processed(services, message.message_id):
        return message.message_id, False
    try:
        handle = await client.start_workflow(
            MessageWorkflow.run,
            **message_workflow_start(
                settings, message, summary=f"whatsapp {message.message_type} message {message.message_id}"
            ),
        )
    except WorkflowAlreadyStartedError:
        return message.message_id, False
    except RPCError as err:
        raise InputError(f"Temporal refused the message: {err.message}", status=503) from None
    return message_id_of(handle.id), True


def _record_reactions_and_statuses(session: Session, notification: MetaNotification) -> dict[str, str]:
    """Record reactions and statuses; the statuses of İzer's own replies also update those replies.
    Returns wamid → who sent the reply, for the statuses that are İzer's replies."""
    replies: dict[str, str] = {}
    for reaction in notification.reactions:
        receipts.record_reaction(
            session,
            reaction_id=reaction.reaction_id,
            message_id=reaction.message_id,
            phone_number=reaction.phone_number,
            emoji=reaction.emoji,
            reacted_at=reaction.timestamp,
        )
    for status in notification.statuses:
        receipts.record_status(
            session,
            wamid=status.message_id,
            status=status.raw_status or status.status,
            recipient_phone=normalize_phone(status.recipient_id),
            status_at=status.timestamp,
            errors=[e.model_dump() for e in status.errors] or None,
        )
        first_error = status.errors[0] if status.errors else None
        reply = outbound.apply_status(
            session,
            wamid=status.message_id,
            status=status.raw_status or status.status,
            status_at=status.timestamp,
            tracking=status.biz_opaque_callback_data,
            error_code=first_error.code if first_error else None,
            error_detail=(first_error.details or first_error.message or first_error.title) if first_error else None,
        )
        if reply is not None:
            replies[status.message_id] = reply.sent_by
    return replies


def _open_before(session: Session, *, phone: str, at: datetime) -> list[str]:
    return store.open_messages_before(session, phone, store.naive_utc(at))


async def _acknowledge_from_statuses(
    services: Services, statuses: list[StatusUpdate], replies: dict[str, str]
) -> list[str]:
    """A reply İzer sent for a person answers that chat's earlier open messages. Any other outgoing
    message (a template, an automatic acknowledgement sent by another tool) answers nothing, unless
    ANY_SENT_STATUS_ANSWERS is set."""
    answered: list[str] = []
    any_counts = services.settings.any_sent_status_answers
    for status in statuses:
        if status.status not in ANSWERING_STATUSES or not status.recipient_id:
            continue
        sender = replies.get(status.message_id)
        if sender is None and not any_counts:
            continue
        phone = normalize_phone(status.recipient_id)
        open_ids = await services.db(partial(_open_before, phone=phone, at=status.timestamp))
        answer = AnswerSignal(
            answered_by=sender or "whatsapp reply", answered_at=status.timestamp, source="whatsapp_status"
        )
        for message_id in open_ids:
            if message_id not in answered:
                await signal_answer(services, message_id, answer)
                answered.append(message_id)
    return answered
