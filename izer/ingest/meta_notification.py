"""Meta WhatsApp Cloud API webhook notifications, read into what the pipeline works on.

One POST may carry several entries, each with several changes, each holding several messages and
statuses. A customer's message becomes an `IncomingMessage` whose `current_message` is readable text
for every message type (the type's details, replies, forwards and referrals go into `media`), a
reaction a `Reaction`, and the status of a message the business sent a `StatusUpdate`
(`meta_statuses`); anything else is listed in `ignored`. Unknown keys and message types are
tolerated; a body that is not a Meta notification at all raises `MetaPayloadError` (`meta_fields`)
naming the offending field. Pure code: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from izer.domain import IncomingMessage
from izer.ingest.meta_fields import (
    MetaPayloadError,
    as_dict,
    as_list,
    as_text,
    json_kind,
    list_at,
    read_errors,
    required_object,
    required_text,
    unix_time,
)
from izer.ingest.meta_statuses import StatusUpdate, read_status

META_OBJECT = "whatsapp_business_account"
MESSAGES_FIELD = "messages"
MAX_MESSAGE_CHARS = 4096

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


class MetaNotification(BaseModel):
    """Everything one webhook body carried, in the order it came."""

    messages: list[IncomingMessage] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)
    statuses: list[StatusUpdate] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list)


def parse_notification(payload: Any, *, received_at: datetime) -> MetaNotification:
    """Read a decoded webhook body; `received_at` becomes every message's `received_at`."""
    if not isinstance(payload, dict):
        raise MetaPayloadError(f"the body is {json_kind(payload)}, not an object")
    kind = payload.get("object")
    if kind is None:
        raise MetaPayloadError("object is missing")
    if kind != META_OBJECT:
        raise MetaPayloadError(f"object is {kind!r}, not {META_OBJECT!r}")
    result = MetaNotification()
    for i, entry in enumerate(list_at(payload, "entry", "entry", required=True)):
        changes = list_at(required_object(entry, f"entry[{i}]"), "changes", f"entry[{i}].changes", required=True)
        for j, change in enumerate(changes):
            where = f"entry[{i}].changes[{j}]"
            _read_change(required_object(change, where), where, received_at, result)
    return result


def _read_change(change: dict[str, Any], path: str, received_at: datetime, result: MetaNotification) -> None:
    field = change.get("field")
    if field != MESSAGES_FIELD:
        result.ignored.append(f"{path}: field {field!r} is not {MESSAGES_FIELD!r}")
        return
    value = required_object(change.get("value"), f"{path}.value")
    business = as_text(as_dict(value.get("metadata")).get("phone_number_id"))
    names = _contact_names(value.get("contacts"))
    messages = list_at(value, "messages", f"{path}.value.messages")
    statuses = list_at(value, "statuses", f"{path}.value.statuses")
    for error in read_errors(value.get("errors")):
        result.ignored.append(f"{path}.value.errors: {error.code} {error.title}".rstrip())
    if not messages and not statuses:
        result.ignored.append(f"{path}.value: no messages and no statuses")
    for k, message in enumerate(messages):
        where = f"{path}.value.messages[{k}]"
        _read_message(required_object(message, where), where, names, business, received_at, result)
    for k, status in enumerate(statuses):
        where = f"{path}.value.statuses[{k}]"
        result.statuses.append(read_status(required_object(status, where), where, business))


def _read_message(
    message: dict[str, Any],
    path: str,
    names: dict[str, str],
    business: str,
    received_at: datetime,
    result: MetaNotification,
) -> None:
    message_id = required_text(message, "id", path)
    sender = required_text(message, "from", path)
    phone_number = sender if sender.startswith("+") else "+" + sender
    chat_name = _chat_name(names, sender, as_text(message.get("from_user_id"))) or phone_number
    chat_time = unix_time(message.get("timestamp"), f"{path}.timestamp")
    kind = as_text(message.get("type")) or "unknown"
    if kind == "reaction":
        reaction = as_dict(message.get("reaction"))
        target = as_text(reaction.get("message_id"))
        if not target:
            result.ignored.append(f"{path}.reaction.message_id is missing: reaction {message_id} skipped")
            return
        result.reactions.append(
            Reaction(
                message_id=target,
                emoji=as_text(reaction.get("emoji")),
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
    errors = read_errors(message.get("errors"))
    if errors:
        media.update(_put(error_code=errors[0].code, error_title=errors[0].title, error_details=errors[0].details))
    group_id = as_text(message.get("group_id"))
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
    context = as_dict(message.get("context"))
    product = as_dict(context.get("referred_product"))
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
    referral = as_dict(message.get("referral"))
    media.update(_put(**{f"referral_{key}": referral.get(key) for key in _REFERRAL_KEYS}))
    return as_text(context.get("id")) or None


def _render(kind: str, message: dict[str, Any], media: dict[str, str]) -> str:
    """A readable text for any message type; the type's details go into `media`."""
    if kind == "text":
        return as_text(as_dict(message.get("text")).get("body"))
    if kind in _MEDIA_TYPES:
        return _render_media(kind, as_dict(message.get(kind)), media)
    renderer = _RENDERERS.get(kind)
    if renderer is not None:
        return renderer(message, media)
    inner = as_text(as_dict(message.get("unsupported")).get("type")) if kind == "unsupported" else ""
    errors = read_errors(message.get("errors"))
    return f"[unsupported: {inner or kind}] {errors[0].title if errors else ''}".rstrip()


def _render_media(kind: str, body: dict[str, Any], media: dict[str, str]) -> str:
    media.update(_put(**{name: body.get(key) for key, name in _MEDIA_KEYS.items()}))
    caption = as_text(body.get("caption"))
    if kind == "document":
        filename = as_text(body.get("filename"))
        label = f"[document: {filename}]" if filename else "[document]"
    elif kind == "audio":
        voice = body.get("voice") is True or ("voice" not in body and "opus" in as_text(body.get("mime_type")))
        if voice:
            media["voice"] = "true"
        label = "[audio]" if voice else "[audio file]"
    else:
        label = f"[{kind}]"
    return f"{label} {caption}" if caption else label


def _render_location(message: dict[str, Any], media: dict[str, str]) -> str:
    location = as_dict(message.get("location"))
    latitude, longitude = location.get("latitude"), location.get("longitude")
    name, address = as_text(location.get("name")), as_text(location.get("address"))
    media.update(_put(latitude=latitude, longitude=longitude, name=name, address=address, url=location.get("url")))
    described = ", ".join(part for part in (name, address) if part)
    text = f"[location] {described}" if described else "[location]"
    if latitude is not None and longitude is not None:
        text += f" ({as_text(latitude)}, {as_text(longitude)})"
    return text


def _render_contacts(message: dict[str, Any], media: dict[str, str]) -> str:
    shown = []
    for card in map(as_dict, as_list(message.get("contacts"))):
        name = as_dict(card.get("name"))
        full = " ".join(part for part in (as_text(name.get("first_name")), as_text(name.get("last_name"))) if part)
        label = as_text(name.get("formatted_name")) or full or "?"
        phones = [phone for item in as_list(card.get("phones")) if (phone := as_text(as_dict(item).get("phone")))]
        shown.append(f"{label} ({' / '.join(phones)})" if phones else label)
    media["contacts_count"] = str(len(shown))
    return "[contacts] " + ", ".join(shown)


def _render_interactive(message: dict[str, Any], media: dict[str, str]) -> str:
    interactive = as_dict(message.get("interactive"))
    kind = as_text(interactive.get("type"))
    reply = as_dict(interactive.get(kind))
    media.update(_put(interactive_type=kind, reply_id=reply.get("id")))
    if kind in ("button_reply", "list_reply"):
        title, description = as_text(reply.get("title")), as_text(reply.get("description"))
        return f"{title} — {description}" if description else title
    if kind == "nfm_reply":
        name = as_text(reply.get("name")) or "flow"
        media["flow_name"] = name
        return f"[{name}] {as_text(reply.get('response_json')) or as_text(reply.get('body'))}".rstrip()
    return f"[interactive: {kind or 'unknown'}]"


def _render_button(message: dict[str, Any], media: dict[str, str]) -> str:
    button = as_dict(message.get("button"))
    media.update(_put(button_payload=button.get("payload")))
    return as_text(button.get("text"))


def _render_order(message: dict[str, Any], media: dict[str, str]) -> str:
    order = as_dict(message.get("order"))
    items = [as_dict(item) for item in as_list(order.get("product_items"))]
    media.update(_put(catalog_id=order.get("catalog_id"), items_count=len(items)))
    text = f"[order] {len(items)} item{'' if len(items) == 1 else 's'}"
    if items:
        text += ": " + ", ".join(
            f"{as_text(i.get('quantity'))} × {as_text(i.get('product_retailer_id'))}" for i in items
        )
    currencies = {as_text(item.get("currency")) for item in items}
    try:
        total = sum(float(item["item_price"]) * float(item["quantity"]) for item in items)
        if items and len(currencies) == 1:
            text += f"; total {total:.2f} {currencies.pop()}".rstrip()
    except (KeyError, TypeError, ValueError):
        pass
    note = as_text(order.get("text"))
    return f"{text} — {note}" if note else text


def _render_system(message: dict[str, Any], media: dict[str, str]) -> str:
    system = as_dict(message.get("system"))
    kind = as_text(system.get("type"))
    media.update(_put(system_type=kind, new_wa_id=system.get("wa_id"), new_user_id=system.get("user_id")))
    return as_text(system.get("body")) or f"[system: {kind or 'unknown'}]"


_RENDERERS: dict[str, Callable[[dict[str, Any], dict[str, str]], str]] = {
    "location": _render_location,
    "contacts": _render_contacts,
    "interactive": _render_interactive,
    "button": _render_button,
    "order": _render_order,
    "system": _render_system,
}


def _contact_names(contacts: Any) -> dict[str, str]:
    """Profile names keyed by wa_id and by BSUID (`user_id`)."""
    names: dict[str, str] = {}
    for contact in map(as_dict, as_list(contacts)):
        if name := as_text(as_dict(contact.get("profile")).get("name")):
            names |= {ident: name for key in ("wa_id", "user_id") if (ident := as_text(contact.get(key)))}
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


def _put(**values: Any) -> dict[str, str]:
    """The given values as strings, leaving out the empty ones."""
    return {key: text for key, value in values.items() if (text := as_text(value))}
