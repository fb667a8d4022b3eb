"""Meta notifications written for this project parse into messages, reactions and statuses."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from izer.ingest.meta_fields import MetaPayloadError
from izer.ingest.meta_notification import MAX_MESSAGE_CHARS, MetaNotification, parse_notification

PAYLOADS = Path(__file__).resolve().parent / "payloads"
RECEIVED_AT = datetime(2025, 1, 1, 10, 0, 30, tzinfo=UTC)
T0 = datetime(2025, 1, 1, 10, 0, 0, tzinfo=UTC)  # the fixtures' timestamps count from here


def load(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_bytes())


def parse(name: str) -> MetaNotification:
    return parse_notification(load(name), received_at=RECEIVED_AT)


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(T0.timestamp() + seconds, tz=UTC)


# --- one body, two entries, several changes, several messages and statuses per array


def test_batch_yields_every_message_reaction_and_status_in_order() -> None:
    result = parse("batch_two_entries.json")
    assert [m.message_type for m in result.messages] == ["text", "image", "text", "sticker", "text"]
    assert [m.chat_time for m in result.messages] == [at(0), at(5), at(7), at(60), at(61)]
    assert [(s.status, s.raw_status) for s in result.statuses] == [
        ("sent", "sent"),
        ("delivered", "delivered"),
        ("read", "read"),
        ("failed", "failed"),
        ("other", "played"),
    ]
    assert len(result.reactions) == 1
    assert result.ignored == ["entry[0].changes[1]: field 'message_template_status_update' is not 'messages'"]


def test_batch_decodes_turkish_text_and_emoji_from_u_escapes() -> None:
    first, image, reply, _, last = parse("batch_two_entries.json").messages
    assert first.current_message == (
        "Merhaba, bisikletimin vitesi takılıyor 🚲 Yarın İzer'e getirebilir miyim? Teşekkürler 🙏"
    )
    assert (first.chat_name, first.phone_number) == ("Ayşe Yılmaz", "+905321112233")
    assert image.current_message == "[image] Kırık jant, fotoğraf ekte 😞"
    assert reply.current_message == "Fiyatı ne kadar? 💸 Çok acil değil."
    assert last.current_message == "Şu an açık mısınız? ⏰ Öğleden sonra uğrarım."


def test_batch_messages_carry_the_fields_of_an_incoming_message() -> None:
    first, image, reply, sticker, _ = parse("batch_two_entries.json").messages
    assert first.message_id == "wamid.HBgMOTA1MzIxMTEyMjMzFQIAEhgUQkFUQ0gwMDAwMDAwMDAwMDAwMDEA"
    assert first.source == "whatsapp" and first.received_at == RECEIVED_AT
    assert first.history == [] and first.reply_to is None and first.media == {} and not first.is_group
    assert image.chat_name == "Mehmet Öztürk"
    assert image.media == {
        "forwarded": "true",
        "frequently_forwarded": "true",
        "media_id": "1480231752739412",
        "mime_type": "image/jpeg",
        "sha256": "tJ2lqU2QmT4Rz3p1h0Yq0dXl6Nw8v5s9c1b2a3e4f5g=",
        "caption": "Kırık jant, fotoğraf ekte 😞",
    }
    assert reply.reply_to == "wamid.HBgMOTA1MzM0NDQ1NTY2FQIAERgST1VUMDAwMDAwMDAwMDAwMDIA"
    assert reply.media == {"context_from": "908502223344"}


def test_entry_with_id_0_field_first_no_contacts_and_unprefixed_ids() -> None:
    sticker, text = parse("batch_two_entries.json").messages[3:]
    assert (sticker.message_id, text.message_id) == ("ABGGFlA5FpaXsTIcKer", "ABGGFlA5FpaXsTIcKes")
    assert sticker.chat_name == sticker.phone_number == "+905556667788"
    assert sticker.current_message == "[sticker]"
    assert sticker.media["animated"] == "false"
    assert sticker.chat_time == at(60)  # an integer timestamp


def test_batch_reaction_is_not_a_message() -> None:
    result = parse("batch_two_entries.json")
    (reaction,) = result.reactions
    assert reaction.message_id == "wamid.HBgMOTA1MzIxMTEyMjMzFQIAERgST1VUMDAwMDAwMDAwMDAwMDEA"
    assert reaction.reaction_id == "wamid.HBgMOTA1MzIxMTEyMjMzFQIAEhgUQkFUQ0gwMDAwMDAwMDAwMDAwMDMA"
    assert (reaction.emoji, reaction.removed) == ("👍", False)
    assert (reaction.phone_number, reaction.chat_name, reaction.timestamp) == (
        "+905321112233",
        "Ayşe Yılmaz",
        at(6),
    )
    assert reaction.reaction_id not in {m.message_id for m in result.messages}


def test_batch_statuses_keep_recipient_errors_and_business_number() -> None:
    sent, _, _, failed, played = parse("batch_two_entries.json").statuses
    assert (sent.recipient_id, sent.timestamp, sent.phone_number_id) == (
        "905321112233",
        at(8),
        "106540352242922",
    )
    assert (sent.conversation_origin, sent.conversation_expires_at) == ("service", at(86400))
    assert (sent.pricing_category, sent.billable) == ("service", True)
    assert failed.recipient_id == "905334445566"
    assert [(e.code, e.title) for e in failed.errors] == [(131047, "Re-engagement message")]
    assert failed.errors[0].details.startswith("Message failed to send because more than 24 hours")
    assert played.phone_number_id == "106540352242999"


# --- every message type in one messages array

ALL_TYPES: list[tuple[str, str, dict[str, str]]] = [
    ("text", "Merhaba", {}),
    (
        "image",
        "[image] Sele yırtık",
        {"media_id": "2001", "caption": "Sele yırtık", "mime_type": "image/jpeg"},
    ),
    ("video", "[video]", {"media_id": "2002", "mime_type": "video/mp4"}),
    ("document", "[document: fatura_2025.pdf] Faturam", {"media_id": "2003", "filename": "fatura_2025.pdf"}),
    ("document", "[document]", {"media_id": "2004"}),
    ("sticker", "[sticker]", {"media_id": "2005", "animated": "true"}),
    ("audio", "[audio]", {"media_id": "2006", "voice": "true", "mime_type": "audio/ogg; codecs=opus"}),
    ("audio", "[audio file]", {"media_id": "2007", "mime_type": "audio/mpeg"}),
    (
        "location",
        "[location] İzer Bisiklet, Bağdat Cad. No:1 Kadıköy İstanbul (40.9703, 29.0611)",
        {
            "latitude": "40.9703",
            "longitude": "29.0611",
            "name": "İzer Bisiklet",
            "url": "https://maps.example/izer",
        },
    ),
    ("location", "[location] (41.0082, 28.9784)", {"latitude": "41.0082", "longitude": "28.9784"}),
    (
        "contacts",
        "[contacts] Ali Usta (+90 532 000 00 00 / +90 216 000 00 00), Deniz",
        {"contacts_count": "2"},
    ),
    ("interactive", "Evet, randevu al", {"interactive_type": "button_reply", "reply_id": "randevu_evet"}),
    ("interactive", "Periyodik bakım — Fren, vites ve zincir ayarı", {"reply_id": "servis_bakim"}),
    (
        "interactive",
        '[flow] {"flow_token": "randevu-42", "tarih": "2025-01-03"}',
        {"interactive_type": "nfm_reply", "flow_name": "flow"},
    ),
    ("button", "Onaylıyorum", {"button_payload": "SIPARIS_ONAY"}),
    (
        "order",
        "[order] 2 items: 1 × KASK-M, 2 × ZIL-01; total 1450.00 TRY — Hediye paketi olsun",
        {"catalog_id": "1234567", "items_count": "2"},
    ),
    (
        "system",
        "Zeynep Kaya changed from 905301234567 to 905309876543",
        {"system_type": "user_changed_number", "new_wa_id": "905309876543"},
    ),
    ("unsupported", "[unsupported: poll] Message type unknown", {"error_code": "131051"}),
    (
        "unknown",
        "[unsupported: unknown] Unsupported message type",
        {
            "error_title": "Unsupported message type",
            "error_details": "Message type is not currently supported",
        },
    ),
    ("request_welcome", "[unsupported: request_welcome]", {}),
    (
        "text",
        "Bu kampanya hâlâ geçerli mi?",
        {"referral_source_type": "ad", "referral_headline": "Kış bakımında %20 indirim"},
    ),
    (
        "text",
        "Bu bisikletin 26 jant modeli var mı?",
        {
            "referred_catalog_id": "1234567",
            "referred_product_id": "BISIKLET-28",
            "context_from": "908502223344",
        },
    ),
]


@pytest.fixture(scope="module")
def all_types() -> MetaNotification:
    return parse("all_types.json")


@pytest.mark.parametrize(
    ("index", "expected"), list(enumerate(ALL_TYPES)), ids=[f"{i}-{e[0]}" for i, e in enumerate(ALL_TYPES)]
)
def test_each_type_reads_as_text_with_its_details_in_media(
    all_types: MetaNotification, index: int, expected: tuple[str, str, dict[str, str]]
) -> None:
    message_type, text, media = expected
    message = all_types.messages[index]
    assert (message.message_type, message.current_message) == (message_type, text)
    assert media.items() <= message.media.items()
    assert all(isinstance(value, str) for value in message.media.values())


def test_all_types_counts_reactions_apart(all_types: MetaNotification) -> None:
    assert len(all_types.messages) == 26
    assert [(r.message_id, r.emoji, r.removed) for r in all_types.reactions] == [
        ("wamid.OUT-PRICE", "❤️", False),
        ("wamid.OUT-PRICE", "", True),
    ]
    assert all_types.statuses == [] and all_types.ignored == []


def test_replies_to_buttons_lists_and_templates_point_at_the_business_message(
    all_types: MetaNotification,
) -> None:
    replies = {m.current_message: m.reply_to for m in all_types.messages if m.reply_to}
    assert replies == {
        "Evet, randevu al": "wamid.OUT-BUTTONS",
        "Periyodik bakım — Fren, vites ve zincir ayarı": "wamid.OUT-LIST",
        '[flow] {"flow_token": "randevu-42", "tarih": "2025-01-03"}': "wamid.OUT-FLOW",
        "Onaylıyorum": "wamid.OUT-TEMPLATE",
        "Bu bisikletin 26 jant modeli var mı?": "wamid.OUT-PRODUCT",
    }


def test_a_long_message_is_clipped_to_4096_characters(all_types: MetaNotification) -> None:
    long = all_types.messages[22]
    original = load("all_types.json")["entry"][0]["changes"][0]["value"]["messages"][24]["text"]["body"]
    assert len(original) > MAX_MESSAGE_CHARS
    assert len(long.current_message) == MAX_MESSAGE_CHARS == 4096
    assert long.current_message == original[: MAX_MESSAGE_CHARS - 1] + "…"


def test_group_forwarded_and_unknown_senders(all_types: MetaNotification) -> None:
    group, forwarded, stranger = all_types.messages[23:]
    assert group.is_group and group.media["group_id"] == "Y2FwaV9ncm91cDo5MDUzMDEyMzQ1Njc6MTIzNDU2"
    assert (group.chat_name, group.phone_number) == ("Emre Demir", "+905420000000")
    assert forwarded.media == {"forwarded": "true", "frequently_forwarded": "true"}
    assert not forwarded.is_group
    # Two contacts in the value and neither matches: the number stands in for the name.
    assert stranger.chat_name == stranger.phone_number == "+905559990000"


# --- statuses


def test_statuses_of_every_kind() -> None:
    result = parse("statuses.json")
    assert result.messages == [] and result.reactions == [] and result.ignored == []
    sent, delivered, read, failed, failed_top_level, played, group = result.statuses
    assert [s.status for s in result.statuses] == [
        "sent",
        "delivered",
        "read",
        "failed",
        "failed",
        "other",
        "delivered",
    ]
    assert sent.message_id == delivered.message_id == read.message_id
    assert (sent.biz_opaque_callback_data, sent.billable, sent.pricing_category) == (
        "izer-reply-42",
        False,
        "service",
    )
    assert (sent.conversation_id, sent.conversation_expires_at) == (
        "c0ffee00c0ffee00c0ffee00c0ffee00",
        at(86500),
    )
    assert delivered.conversation_id is None and delivered.billable is None and delivered.errors == []
    assert read.timestamp == at(160) and read.recipient_id == "905301234567"
    assert [(e.code, e.title, e.message, e.details) for e in failed.errors] == [
        (131026, "Message undeliverable", "Message undeliverable", "Message Undeliverable.")
    ]
    assert [(e.code, e.details) for e in failed_top_level.errors] == [(131053, "Unsupported media type")]
    assert played.raw_status == "played"
    assert (group.recipient_type, group.recipient_id) == ("group", "Y2FwaV9ncm91cDo5MDUzMDEyMzQ1Njc6MTIzNDU2")


# --- nothing to process


def test_contacts_without_messages_or_statuses_is_an_empty_result() -> None:
    result = parse("contacts_only.json")
    assert (result.messages, result.reactions, result.statuses) == ([], [], [])
    assert result.ignored == ["entry[0].changes[0].value: no messages and no statuses"]


def test_value_level_errors_are_reported_in_ignored() -> None:
    result = parse("value_errors.json")
    assert (result.messages, result.reactions, result.statuses) == ([], [], [])
    assert result.ignored == [
        "entry[0].changes[0].value.errors: 131000 Something went wrong",
        "entry[0].changes[0].value: no messages and no statuses",
    ]


def test_an_empty_entry_list_is_an_empty_result() -> None:
    result = parse_notification({"object": "whatsapp_business_account", "entry": []}, received_at=RECEIVED_AT)
    assert result == MetaNotification()


# --- leniency


def test_unknown_keys_and_types_are_tolerated() -> None:
    payload = load("batch_two_entries.json")
    payload["new_top_level"] = {"x": 1}
    payload["entry"][0]["time"] = 1735725600
    value = payload["entry"][0]["changes"][0]["value"]
    value["brand_new"] = [1, 2]
    value["contacts"][0]["identity_key_hash"] = "abc"
    value["messages"][0]["identity"] = {"acknowledged": True}
    value["messages"].append(
        {
            "from": "905321112233",
            "id": "wamid.NEW",
            "timestamp": "1735725700",
            "type": "hologram",
            "hologram": {},
        }
    )
    value["messages"].append({"from": "905321112233", "id": "wamid.UNTYPED", "timestamp": "1735725701"})
    result = parse_notification(payload, received_at=RECEIVED_AT)
    texts = {m.message_id: (m.message_type, m.current_message) for m in result.messages}
    assert texts["wamid.NEW"] == ("hologram", "[unsupported: hologram]")
    assert texts["wamid.UNTYPED"] == ("unknown", "[unsupported: unknown]")
    assert len(result.messages) == 7 and len(result.statuses) == 5


def test_a_reaction_without_its_target_is_skipped_and_noted() -> None:
    payload = load("batch_two_entries.json")
    payload["entry"][0]["changes"][0]["value"]["messages"][2]["reaction"] = {"emoji": "👍"}
    result = parse_notification(payload, received_at=RECEIVED_AT)
    assert result.reactions == []
    assert result.ignored[0].startswith("entry[0].changes[0].value.messages[2].reaction.message_id is missing")


# --- bodies that are not Meta notifications

Mutation = Callable[[dict[str, Any]], Any]


def _set(path: list[str | int], value: Any) -> Mutation:
    def mutate(payload: dict[str, Any]) -> dict[str, Any]:
        target: Any = payload
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return payload

    return mutate


def _drop(path: list[str | int]) -> Mutation:
    def mutate(payload: dict[str, Any]) -> dict[str, Any]:
        target: Any = payload
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return payload

    return mutate


VALUE: list[str | int] = ["entry", 0, "changes", 0, "value"]
REFUSED: dict[str, tuple[Mutation, str]] = {
    "array body": (lambda payload: [payload], "the body is an array, not an object"),
    "string body": (lambda payload: "hello", "the body is a string, not an object"),
    "object missing": (_drop(["object"]), "object is missing"),
    "object page": (_set(["object"], "page"), "object is 'page', not 'whatsapp_business_account'"),
    "entry missing": (_drop(["entry"]), "entry is missing"),
    "entry an object": (_set(["entry"], {"id": "1"}), "entry is an object, not a list"),
    "entry item a string": (_set(["entry", 1], "x"), "entry[1] is a string, not an object"),
    "changes missing": (_drop(["entry", 1, "changes"]), "entry[1].changes is missing"),
    "change a list": (_set(["entry", 0, "changes", 2], []), "entry[0].changes[2] is an array, not an object"),
    "value missing": (_drop(VALUE), "entry[0].changes[0].value is missing"),
    "messages an object": (
        _set([*VALUE, "messages"], {}),
        "entry[0].changes[0].value.messages is an object, not a list",
    ),
    "message id missing": (
        _drop([*VALUE, "messages", 1, "id"]),
        "entry[0].changes[0].value.messages[1].id is missing",
    ),
    "message id empty": (
        _set([*VALUE, "messages", 0, "id"], ""),
        "entry[0].changes[0].value.messages[0].id is missing",
    ),
    "message from missing": (
        _drop([*VALUE, "messages", 3, "from"]),
        "entry[0].changes[0].value.messages[3].from is missing",
    ),
    "message from an object": (
        _set([*VALUE, "messages", 0, "from"], {"wa_id": "1"}),
        "entry[0].changes[0].value.messages[0].from is an object, not a string",
    ),
    "timestamp not a time": (
        _set(["entry", 1, "changes", 0, "value", "messages", 0, "timestamp"], "yesterday"),
        "entry[1].changes[0].value.messages[0].timestamp is not a unix time: 'yesterday'",
    ),
    "status id missing": (
        _drop([*VALUE, "statuses", 2, "id"]),
        "entry[0].changes[0].value.statuses[2].id is missing",
    ),
}


@pytest.mark.parametrize(("mutate", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_payload_errors_name_the_offending_field(mutate: Mutation, message: str) -> None:
    payload = mutate(copy.deepcopy(load("batch_two_entries.json")))
    with pytest.raises(MetaPayloadError) as caught:
        parse_notification(payload, received_at=RECEIVED_AT)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
