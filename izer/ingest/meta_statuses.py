"""Delivery statuses in Meta's notifications: what became of a message the business sent.

Each item of a change's `statuses` becomes a `StatusUpdate`: `sent`, `delivered`, `read` or `failed`,
any other word of Meta's (e.g. `played`) as `other` with the word kept, together with the
conversation and pricing Meta attached and the errors of a failure. Pure code: no I/O, no clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from izer.ingest.meta_fields import (
    MetaError,
    as_dict,
    as_text,
    optional_unix_time,
    read_errors,
    required_text,
    unix_time,
)

StatusKind = Literal["sent", "delivered", "read", "failed", "other"]
_KNOWN_STATUSES: tuple[StatusKind, ...] = ("sent", "delivered", "read", "failed")


class StatusUpdate(BaseModel):
    """What happened to a message the business sent: sent, delivered, read or failed."""

    message_id: str = Field(description="wamid of the business's outgoing message")
    status: StatusKind
    raw_status: str = Field(description="Meta's word, telling what 'other' was (e.g. 'played')")
    recipient_id: str = Field(default="", description="the customer's wa_id (a group id for groups)")
    recipient_type: str = "individual"
    timestamp: datetime
    errors: list[MetaError] = Field(default_factory=list)
    conversation_id: str | None = None
    conversation_origin: str | None = None
    conversation_expires_at: datetime | None = None
    pricing_category: str | None = None
    billable: bool | None = None
    biz_opaque_callback_data: str | None = None
    phone_number_id: str = Field(default="", description="the business number that sent it")


def read_status(status: dict[str, Any], path: str, business: str) -> StatusUpdate:
    """One status object at `path`, sent from the business number `business` (its phone_number_id)."""
    raw_status = as_text(status.get("status"))
    conversation, pricing = as_dict(status.get("conversation")), as_dict(status.get("pricing"))
    billable = pricing.get("billable")
    return StatusUpdate(
        message_id=required_text(status, "id", path),
        status=next((kind for kind in _KNOWN_STATUSES if kind == raw_status), "other"),
        raw_status=raw_status,
        recipient_id=as_text(status.get("recipient_id")),
        recipient_type=as_text(status.get("recipient_type")) or "individual",
        timestamp=unix_time(status.get("timestamp"), f"{path}.timestamp"),
        errors=read_errors(status.get("errors")),
        conversation_id=as_text(conversation.get("id")) or None,
        conversation_origin=as_text(as_dict(conversation.get("origin")).get("type")) or None,
        conversation_expires_at=optional_unix_time(conversation.get("expiration_timestamp")),
        pricing_category=as_text(pricing.get("category")) or None,
        billable=billable if isinstance(billable, bool) else None,
        biz_opaque_callback_data=as_text(status.get("biz_opaque_callback_data")) or None,
        phone_number_id=business,
    )
