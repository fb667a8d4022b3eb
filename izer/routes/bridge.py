"""`POST /webhook`: the original system's bridge JSON, answered with the analysis and routing once done."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from izer.dispatch import redacted, start_and_wait
from izer.domain import HistoryEntry, IncomingMessage, normalize_phone
from izer.errors import InputError
from izer.ingest.bridge import bounded_times, decode_json, parse_bridge
from izer.ingest.signature import verify_signature
from izer.routes.deps import ServicesDep, now, read_body

router = APIRouter(tags=["webhooks"])


@router.post("/webhook")
async def webhook(
    request: Request,
    services: ServicesDep,
    x_signature_256: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Start (or join) the message's workflow and answer once it is analyzed and routed; 202 past
    WEBHOOK_SYNC_TIMEOUT. A repeat is answered with the stored result only to a signed caller
    (WEBHOOK_SECRET); without a secret, with the ids."""
    settings = services.settings
    body = await read_body(request, settings.max_body_bytes)
    secret = settings.webhook_secret
    signed = secret is not None and bool(secret.get_secret_value())
    if secret is not None and signed:
        if not verify_signature(body, x_signature_256, secret.get_secret_value()):
            raise InputError(
                "missing or invalid X-Signature-256 (HMAC-SHA256 of the body with WEBHOOK_SECRET)",
                status=401,
            )
    received_at = now()
    bridge = bounded_times(parse_bridge(decode_json(body), max_history=settings.max_history_entries), received_at)
    message = IncomingMessage(
        message_id=bridge.message_id,
        chat_time=bridge.chat_time,
        chat_name=bridge.chat_name,
        phone_number=normalize_phone(bridge.phone_number),
        current_message=bridge.current_message,
        history=[HistoryEntry(**h.model_dump()) for h in bridge.history],
        received_at=received_at,
        is_group=bridge.is_group,
    )
    status, payload = await start_and_wait(services, message)
    if payload.get("duplicate") and not signed:
        payload = redacted(payload)
    return JSONResponse(payload, status_code=status)
