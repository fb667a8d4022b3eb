"""Meta WhatsApp Cloud API webhook notifications, read into what the pipeline works on.

One POST may carry several entries, each with several changes, each holding several messages and
statuses. A customer's message becomes an `IncomingMessage`, a reaction a `Reaction`, and the status
of a message the business sent a `StatusUpdate`; anything else is listed in `ignored`. Unknown keys
and message types are tolerated; a body that is not a Meta notification at all raises
`MetaPayloadError` naming the offending field. Pure code: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from izer.domain import IncomingMessage

META_OBJECT = "whatsapp_business_account"
MESSAGES_FIELD = "messages"
MAX_MESSAGE_CHARS = 4096

StatusKind = Literal["sent", "delivered", "read", "failed", "other"]
_KNOWN_STATUSES: tuple[StatusKind, ...] = ("sent", "delivered", "read", "failed")
_MEDIA_TYPES = ("image", "video", "document", "sticker", "audio")
_MEDIA_KEYS = {  # Meta's key in a media object -> our key in `IncomingMessage.media`
    "id": "media_id",
    "mime_type": "mime_type",
    "sha256": "sha256",
    "filename": "filename",
    "caption": "caption",
    "url": "url",
    "animated": "animated",
}
_REFERRAL_KEYS = ("source_url", "source_type", "source_id", "headline", "ctwa_clid")
_JSON_KINDS = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


class MetaPayloadError(ValueError):
    """The body is not a Meta WhatsApp notification; the message names the offending field."""


class MetaError(BaseModel):
    """One item of Meta's `errors` array, on a failed status or an unsupported message."""

    code: int | None = None
    title: str = ""
    message: str = ""
    details: str = ""


class Reaction(BaseModel):
    """A customer reacted to a message with an emoji; an empty emoji means the reaction was removed."""

    message_id: str = Field(description="wamid of the message reacted to")
    emoji: str = ""
    phone_number: str = Field(description="who reacted, E.164")
    chat_name: str = ""
    reaction_id: str = Field(description="wamid of the reaction itself")
    timestamp: datetime
    phone_number_id: str = Field(default="", description="the business number that received it")

    @property
    def removed(self) -> bool:
        return not self.emoji


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


class MetaNotification(BaseModel):
    """Everything one webhook body carried, in the order it came."""

    messages: list[IncomingMessage] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)
    statuses: list[StatusUpdate] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list)


def parse_notification(payload: Any, *, received_at: datetime) -> MetaNotification:
    """Read a decoded webhook body; `received_at` becomes every message's `received_at`."""
    if not isinstance(payload, dict):
        raise MetaPayloadError(f"the body is {_json_kind(payload)}, not an object")
    kind = payload.get("object")
    if kind is None:
        raise MetaPayloadError("object is missing")
    if kind != META_OBJECT:
        raise MetaPayloadError(f"object is {kind!r}, not {META_OBJECT!r}")
    result = MetaNotification()
    for i, entry in enumerate(_list(payload, "entry", "entry", required=True)):
        changes = _list(_object(entry, f"entry[{i}]"), "changes", f"entry[{i}].changes", required=True)
        for j, change in enumerate(changes):
            _read_change(_object(change, f"entry[{i}].changes[{j}]"), f"entry[{i}].changes[{j}]", received_at, result)
    return result


def _read_change(change: dict[str, Any], path: str, received_at: datetime, result: MetaNotification) -> None:
    field = change.get("field")
    if field != MESSAGES_FIELD:
        result.ignored.append(f"{path}: field {field!r} is not {MESSAGES_FIELD!r}")
        return
    value = _object(change.get("value"), f"{path}.value")
    business = _str(_dict(value.get("metadata")).get("phone_number_id"))
    names = _contact_names(value.get("contacts"))
    messages = _list(value, "messages", f"{path}.value.messages")
    statuses = _list(value, "statuses", f"{path}.value.statuses")
    for error in _errors(value.get("errors")):
        result.ignored.append(f"{path}.value.errors: {error.code} {error.title}".rstrip())
    if not messages and not statuses:
        result.ignored.append(f"{path}.value: no messages and no statuses")
    for k, message in enumerate(messages):
        where = f"{path}.value.messages[{k}]"
        _read_message(_object(message, where), where, names, business, received_at, result)
    for k, status in enumerate(statuses):
        where = f"{path}.value.statuses[{k}]"
        result.statuses.append(_read_status(_object(status, where), where, business))


def _read_message(
    message: dict[str, Any],
    path: str,
    names: dict[str, str],
    business: str,
    received_at: datetime,
    result: MetaNotification,
) -> None:
    message_id = _required_str(message, "id", path)
    sender = _required_str(message, "from", path)
    phone_number = sender if sender.startswith("+") else "+" + sender
    chat_name = _chat_name(names, sender, _str(message.get("from_user_id"))) or phone_number
    chat_time = _unix_time(message.get("timestamp"), f"{path}.timestamp")
    kind = _str(message.get("type")) or "unknown"
    if kind == "reaction":
        reaction = _dict(message.get("reaction"))
        target = _str(reaction.get("message_id"))
        if not target:
            result.ignored.append(f"{path}.reaction.message_id is missing: reaction {message_id} skipped")
            return
        result.reactions.append(
            Reaction(
                message_id=target,
                emoji=_str(reaction.get("emoji")),
                phone_number=phone_number,
                chat_name=chat_name,
                reaction_id=message_id,
                timestamp=chat_time,
                phone_number_id=business,
            )
        )
        return
    media: dict[str, str] = {}
    reply_to = _read_context(message, media)
    text = _render(kind, message, media)
    errors = _errors(message.get("errors"))
    if errors:
        media.update(_put(error_code=errors[0].code, error_title=errors[0].title, error_details=errors[0].details))
    group_id = _str(message.get("group_id"))
    media.update(_put(group_id=group_id))
    result.messages.append(
        IncomingMessage(
            message_id=message_id,
            chat_time=chat_time,
            chat_name=chat_name,
            phone_number=phone_number,
            current_message=text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…",
            received_at=received_at,
            source="whatsapp",
            message_type=kind,
            is_group=bool(group_id),
            reply_to=reply_to,
            media=media,
        )
    )


def _read_context(message: dict[str, Any], media: dict[str, str]) -> str | None:
    """Note replies, forwards, product questions and ad referrals; return the wamid replied to."""
    context = _dict(message.get("context"))
    product = _dict(context.get("referred_product"))
    media.update(
        _put(
            context_from=context.get("from"),
            referred_catalog_id=product.get("catalog_id"),
            referred_product_id=product.get("product_retailer_id"),
        )
    )
    if context.get("forwarded") is True or context.get("frequently_forwarded") is True:
        media["forwarded"] = "true"
    if context.get("frequently_forwarded") is True:
        media["frequently_forwarded"] = "true"
    referral = _dict(message.get("referral"))
    media.update(_put(**{f"referral_{key}": referral.get(key) for key in _REFERRAL_KEYS}))
    return _str(context.get("id")) or None


def _render(kind: str, message: dict[str, Any], media: dict[str, str]) -> str:
    """A readable text for any message type; the type's details go into `media`."""
    if kind == "text":
        return _str(_dict(message.get("text")).get("body"))
    if kind in _MEDIA_TYPES:
        return _render_media(kind, _dict(message.get(kind)), media)
    renderer = _RENDERERS.get(kind)
    if renderer is not None:
        return renderer(message, media)
    inner = _str(_dict(message.get("unsupported")).get("type")) if kind == "unsupported" else ""
    errors = _errors(message.get("errors"))
    return f"[unsupported: {inner or kind}] {errors[0].title if errors else ''}".rstrip()


def _render_media(kind: str, body: dict[str, Any], media: dict[str, str]) -> str:
    media.update(_put(**{name: body.get(key) for key, name in _MEDIA_KEYS.items()}))
    caption = _str(body.get("caption"))
    if kind == "document":
        filename = _str(body.get("filename"))
        label = f"[document: {filename}]" if filename else "[document]"
    elif kind == "audio":
        voice = body.get("voice") is True or ("voice" not in body and "opus" in _str(body.get("mime_type")))
        if voice:
            media["voice"] = "true"
        label = "[audio]" if voice else "[audio file]"
    else:
        label = f"[{kind}]"
    return f"{label} {caption}" if caption else label


def _render_location(message: dict[str, Any], media: dict[str, str]) -> str:
    location = _dict(message.get("location"))
    latitude, longitude = location.get("latitude"), location.get("longitude")
    name, address = _str(location.get("name")), _str(location.get("address"))
    media.update(_put(latitude=latitude, longitude=longitude, name=name, address=address, url=location.get("url")))
    described = ", ".join(part for part in (name, address) if part)
    text = f"[location] {described}" if described else "[location]"
    if latitude is not None and longitude is not None:
        text += f" ({_str(latitude)}, {_str(longitude)})"
    return text


def _render_contacts(message: dict[str, Any], media: dict[str, str]) -> str:
    shown = []
    for card in map(_dict, _as_list(message.get("contacts"))):
        name = _dict(card.get("name"))
        full = " ".join(part for part in (_str(name.get("first_name")), _str(name.get("last_name"))) if part)
        label = _str(name.get("formatted_name")) or full or "?"
        phones = [phone for item in _as_list(card.get("phones")) if (phone := _str(_dict(item).get("phone")))]
        shown.append(f"{label} ({' / '.join(phones)})" if phones else label)
    media["contacts_count"] = str(len(shown))
    return "[contacts] " + ", ".join(shown)


def _render_interactive(message: dict[str, Any], media: dict[str, str]) -> str:
    interactive = _dict(message.get("interactive"))
    kind = _str(interactive.get("type"))
    reply = _dict(interactive.get(kind))
    media.update(_put(interactive_type=kind, reply_id=reply.get("id")))
    if kind in ("button_reply", "list_reply"):
        title, description = _str(reply.get("title")), _str(reply.get("description"))
        return f"{title} — {description}" if description else title
    if kind == "nfm_reply":
        name = _str(reply.get("name")) or "flow"
        media["flow_name"] = name
        return f"[{name}] {_str(reply.get('response_json')) or _str(reply.get('body'))}".rstrip()
    return f"[interactive: {kind or 'unknown'}]"


def _render_button(message: dict[str, Any], media: dict[str, str]) -> str:
    button = _dict(message.get("button"))
    media.update(_put(button_payload=button.get("payload")))
    return _str(button.get("text"))


def _render_order(message: dict[str, Any], media: dict[str, str]) -> str:
    order = _dict(message.get("order"))
    items = [_dict(item) for item in _as_list(order.get("product_items"))]
    media.update(_put(catalog_id=order.get("catalog_id"), items_count=len(items)))
    text = f"[order] {len(items)} item{'' if len(items) == 1 else 's'}"
    if items:
        text += ": " + ", ".join(f"{_str(i.get('quantity'))} × {_str(i.get('product_retailer_id'))}" for i in items)
    currencies = {_str(item.get("currency")) for item in items}
    try:
        total = sum(float(item["item_price"]) * float(item["quantity"]) for item in items)
        if items and len(currencies) == 1:
            text += f"; total {total:.2f} {currencies.pop()}".rstrip()
    except (KeyError, TypeError, ValueError):
        pass
    note = _str(order.get("text"))
    return f"{text} — {note}" if note else text


def _render_system(message: dict[str, Any], media: dict[str, str]) -> str:
    system = _dict(message.get("system"))
    kind = _str(system.get("type"))
    media.update(_put(system_type=kind, new_wa_id=system.get("wa_id"), new_user_id=system.get("user_id")))
    return _str(system.get("body")) or f"[system: {kind or 'unknown'}]"


_RENDERERS: dict[str, Callable[[dict[str, Any], dict[str, str]], str]] = {
    "location": _render_location,
    "contacts": _render_contacts,
    "interactive": _render_interactive,
    "button": _render_button,
    "order": _render_order,
    "system": _render_system,
}


def _read_status(status: dict[str, Any], path: str, business: str) -> StatusUpdate:
    raw_status = _str(status.get("status"))
    conversation, pricing = _dict(status.get("conversation")), _dict(status.get("pricing"))
    billable = pricing.get("billable")
    return StatusUpdate(
        message_id=_required_str(status, "id", path),
        status=next((kind for kind in _KNOWN_STATUSES if kind == raw_status), "other"),
        raw_status=raw_status,
        recipient_id=_str(status.get("recipient_id")),
        recipient_type=_str(status.get("recipient_type")) or "individual",
        timestamp=_unix_time(status.get("timestamp"), f"{path}.timestamp"),
        errors=_errors(status.get("errors")),
        conversation_id=_str(conversation.get("id")) or None,
        conversation_origin=_str(_dict(conversation.get("origin")).get("type")) or None,
        conversation_expires_at=_optional_unix_time(conversation.get("expiration_timestamp")),
        pricing_category=_str(pricing.get("category")) or None,
        billable=billable if isinstance(billable, bool) else None,
        biz_opaque_callback_data=_str(status.get("biz_opaque_callback_data")) or None,
        phone_number_id=business,
    )


def _errors(value: Any) -> list[MetaError]:
    return [
        MetaError(
            code=_int(error.get("code")),
            title=_str(error.get("title")),
            message=_str(error.get("message")),
            details=_str(_dict(error.get("error_data")).get("details")) or _str(error.get("details")),
        )
        for error in map(_dict, _as_list(value))
    ]


def _contact_names(contacts: Any) -> dict[str, str]:
    """Profile names keyed by wa_id and by BSUID (`user_id`)."""
    names: dict[str, str] = {}
    for contact in map(_dict, _as_list(contacts)):
        if name := _str(_dict(contact.get("profile")).get("name")):
            names |= {ident: name for key in ("wa_id", "user_id") if (ident := _str(contact.get(key)))}
    return names


def _chat_name(names: dict[str, str], sender: str, user_id: str) -> str:
    """The sender's profile name by wa_id or BSUID, else the name of the value's only contact.

    Meta lists the senders of a value's messages in its `contacts`, so a lone contact is the sender
    even where a sample spells its id differently from `from`.
    """
    found = names.get(sender) or names.get(user_id)
    if found:
        return found
    distinct = set(names.values())
    return distinct.pop() if len(distinct) == 1 else ""


def _unix_time(value: Any, path: str) -> datetime:
    if value is None or value == "":
        raise MetaPayloadError(f"{path} is missing")
    parsed = _optional_unix_time(value)
    if parsed is None:
        raise MetaPayloadError(f"{path} is not a unix time: {value!r}")
    return parsed


def _optional_unix_time(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return datetime.fromtimestamp(int(float(value)), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _put(**values: Any) -> dict[str, str]:
    """The given values as strings, leaving out the empty ones."""
    return {key: text for key, value in values.items() if (text := _str(value))}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, str | int | float) else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _object(value: Any, path: str) -> dict[str, Any]:
    if value is None:
        raise MetaPayloadError(f"{path} is missing")
    if not isinstance(value, dict):
        raise MetaPayloadError(f"{path} is {_json_kind(value)}, not an object")
    return value


def _list(container: dict[str, Any], key: str, path: str, *, required: bool = False) -> list[Any]:
    value = container.get(key)
    if value is None and required:
        raise MetaPayloadError(f"{path} is missing")
    if value is not None and not isinstance(value, list):
        raise MetaPayloadError(f"{path} is {_json_kind(value)}, not a list")
    return value or []


def _required_str(container: dict[str, Any], key: str, path: str) -> str:
    value = container.get(key)
    if value is None or value == "":
        raise MetaPayloadError(f"{path}.{key} is missing")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MetaPayloadError(f"{path}.{key} is {_json_kind(value)}, not a string")
    return str(value)


def _json_kind(value: Any) -> str:
    return _JSON_KINDS.get(type(value), type(value).__name__)
