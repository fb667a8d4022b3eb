"""Every published Meta notification in ../shared/fixtures/whatsapp parses to what it shows.

The folder sits beside the repository and is read in place; these tests skip when it is absent.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from izer.ingest.meta_fields import MetaPayloadError
from izer.ingest.meta_notification import META_OBJECT, MetaNotification, parse_notification

SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "whatsapp"
RECEIVED_AT = datetime(2025, 1, 1, tzinfo=UTC)


class Expected(NamedTuple):
    messages: list[tuple[str, str, str]] = []  # (message_type, current_message, chat_name)
    reactions: list[tuple[str, str]] = []  # (message_id reacted to, emoji)
    statuses: list[tuple[str, str]] = []  # (wamid, status)


EXPECTED: dict[str, Expected] = {
    "meta_audio_voice.json": Expected(messages=[("audio", "[audio]", "Test Name")]),
    "meta_button_template_quick_reply.json": Expected(messages=[("button", "title", "Test Name")]),
    "meta_contacts.json": Expected(
        messages=[
            (
                "contacts",
                "[contacts] Chandler Bing (+1 555-555-5555), Monica (+1 666-666-6666), Rachel Green (+1 777-777-7777)",
                "Test Name",
            )
        ]
    ),
    "meta_contacts_only_no_messages.json": Expected(),
    "meta_dashboard_test_text.json": Expected(messages=[("text", "this is a text message", "test user name")]),
    "meta_document_caption.json": Expected(messages=[("document", "[document: filename.pdf] caption", "Test Name")]),
    "meta_image.json": Expected(messages=[("image", "[image]", "Test Name")]),
    "meta_image_caption.json": Expected(messages=[("image", "[image] CAPTION_TEXT", "NAME")]),
    "meta_interactive_button_reply.json": Expected(messages=[("interactive", "title", "Test Name")]),
    "meta_interactive_list_reply.json": Expected(messages=[("interactive", "title — description", "Test Name")]),
    "meta_location.json": Expected(
        messages=[
            (
                "location",
                "[location] Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025 (37.4611978, -122.2164385)",
                "Test Name",
            )
        ]
    ),
    "meta_multiple_changes_text.json": Expected(
        messages=[("text", "MESSAGE_BODY", "NAME"), ("text", "MESSAGE_BODY2", "NAME")]
    ),
    "meta_reaction.json": Expected(reactions=[("wamid.yzxyzx=", "😮")]),
    "meta_reaction_removed.json": Expected(reactions=[("wamid.yzxyzx=", "")]),
    "meta_signed_text.json": Expected(messages=[("text", "Hey there! I am using PyWa.", "PyWa Tests")]),
    "meta_status_delivered.json": Expected(statuses=[("wamid.xyzxyz", "delivered")]),
    "meta_status_failed.json": Expected(statuses=[("wamid.xyzxyz", "failed")]),
    "meta_status_read.json": Expected(statuses=[("wamid.xyzxyz", "read")]),
    "meta_status_sent.json": Expected(statuses=[("wamid.xyzxyz", "sent")]),
    "meta_statuses_only_failed.json": Expected(statuses=[("amid.ID", "failed")]),
    "meta_statuses_only_read.json": Expected(statuses=[("wamid.ID", "read")]),
    "meta_system_user_changed_number.json": Expected(
        messages=[("system", "NAME changed from PHONE_NUMBER to PHONE_NUMBER", "+PHONE_NUMBER")]
    ),
    "meta_text.json": Expected(messages=[("text", "Body Text", "Test Name")]),
    "meta_text_non_ascii.json": Expected(
        messages=[("text", "this is a text message!@#$%^&*()\u2019", "test user name")]
    ),
    "meta_text_reply_context.json": Expected(messages=[("text", "replied text", "Test Name")]),
    "meta_text_reply_context_realistic_ids.json": Expected(messages=[("text", "Coolio", "Bob Bobson")]),
    "meta_unknown_type_errors.json": Expected(
        messages=[("unknown", "[unsupported: unknown] Unsupported message type", "NAME")]
    ),
    "meta_unsupported.json": Expected(
        messages=[("unsupported", "[unsupported: pool] Message type unknown", "Test Name")]
    ),
    "meta_video_caption_forwarded.json": Expected(messages=[("video", "[video] caption", "Test Name")]),
}
NOT_META = [
    "evolution_messages_upsert.json",
    "waha_hmac_body.json",
    "waha_message_ack.json",
    "waha_message_legacy_docs.json",
    "waha_message_media_document.json",
]


@pytest.fixture(scope="module")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the published payloads live beside the repository")
    return SHARED


def load(folder: Path, name: str) -> Any:
    return json.loads((folder / name).read_bytes())


def parse(folder: Path, name: str) -> MetaNotification:
    return parse_notification(load(folder, name), received_at=RECEIVED_AT)


def test_every_meta_notification_in_the_folder_has_expectations(shared: Path) -> None:
    bodies = {path.name: json.loads(path.read_bytes()) for path in shared.glob("*.json")}
    meta = {name for name, body in bodies.items() if isinstance(body, dict) and body.get("object") == META_OBJECT}
    assert meta == set(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_published_notification_parses_to_its_counts_and_texts(shared: Path, name: str) -> None:
    result = parse(shared, name)
    expected = EXPECTED[name]
    assert [(m.message_type, m.current_message, m.chat_name) for m in result.messages] == expected.messages
    assert [(r.message_id, r.emoji) for r in result.reactions] == expected.reactions
    assert [(s.message_id, s.status) for s in result.statuses] == expected.statuses
    for message in result.messages:
        assert message.source == "whatsapp" and message.received_at == RECEIVED_AT
        assert message.phone_number.startswith("+") and message.chat_time.tzinfo is not None


@pytest.mark.parametrize("name", NOT_META)
def test_other_gateways_envelopes_are_not_meta_notifications(shared: Path, name: str) -> None:
    with pytest.raises(MetaPayloadError, match="^object is missing$"):
        parse(shared, name)


def test_signed_text_keeps_the_real_wamid_and_number(shared: Path) -> None:
    (message,) = parse(shared, "meta_signed_text.json").messages
    assert message.message_id == "wamid.HBgMOTcyNTQ0NDAxMjQzFQIAEhggM0RFQTNCMEEwRTY3QzUwODYzMDc4NjQ4QzM4ODAxM0YA"
    assert message.phone_number == "+972544401243"
    assert message.chat_time == datetime(2024, 10, 29, 19, 58, 23, tzinfo=UTC)


def test_dashboard_sample_field_first_entry_0_and_unprefixed_id(shared: Path) -> None:
    (message,) = parse(shared, "meta_dashboard_test_text.json").messages
    assert (message.message_id, message.phone_number) == ("ABGGFlA5Fpa", "+16315551181")
    assert message.chat_time == datetime.fromtimestamp(1504902988, tz=UTC)


def test_replies_point_at_the_quoted_message(shared: Path) -> None:
    replies = {
        name: parse(shared, name).messages[0].reply_to
        for name in (
            "meta_text_reply_context.json",
            "meta_text_reply_context_realistic_ids.json",
            "meta_interactive_button_reply.json",
            "meta_button_template_quick_reply.json",
            "meta_text.json",
        )
    }
    assert replies == {
        "meta_text_reply_context.json": "wamid.xyzxyz==",
        "meta_text_reply_context_realistic_ids.json": ("wamid.HBgLMrIwqjczMzA4MjQVAgarGBjcRjg3QkEwRjZGRTY5MERBMTUA"),
        "meta_interactive_button_reply.json": "wamid.xyzxyz",
        "meta_button_template_quick_reply.json": "wamid.xyzxyz==",
        "meta_text.json": None,
    }


def test_media_ids_and_flags_are_kept(shared: Path) -> None:
    voice = parse(shared, "meta_audio_voice.json").messages[0].media
    assert voice == {
        "media_id": "1234567890987654321",
        "mime_type": "audio/ogg; codecs=opus",
        "sha256": "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=",
        "voice": "true",
    }
    image = parse(shared, "meta_image.json").messages[0].media
    assert image["media_id"] == "65463453" and image["url"].startswith("https://lookaside.fbsbx.com/")
    for name in ("meta_video_caption_forwarded.json", "meta_document_caption.json", "meta_location.json"):
        assert parse(shared, name).messages[0].media["forwarded"] == "true"
    assert "forwarded" not in parse(shared, "meta_text.json").messages[0].media


def test_unsupported_messages_keep_their_error(shared: Path) -> None:
    media = parse(shared, "meta_unsupported.json").messages[0].media
    assert (media["error_code"], media["error_details"]) == (
        "131051",
        "Message type is currently not supported.",
    )
    media = parse(shared, "meta_unknown_type_errors.json").messages[0].media
    assert media["error_details"] == "Message type is not currently supported"


def test_published_statuses_keep_errors_conversation_and_pricing(shared: Path) -> None:
    (failed,) = parse(shared, "meta_status_failed.json").statuses
    assert [(e.code, e.title) for e in failed.errors] == [(130472, "User's number is part of an experiment")]
    assert failed.errors[0].details.startswith("Failed to send message because")
    assert failed.recipient_id == "972987654321"
    (sent,) = parse(shared, "meta_status_sent.json").statuses
    assert (sent.conversation_id, sent.conversation_origin) == ("7270432eae37498234f4444b35ffc5", "service")
    assert sent.conversation_expires_at == datetime.fromtimestamp(1698339900, tz=UTC)
    assert (sent.billable, sent.pricing_category, sent.phone_number_id) == (True, "service", "1122334455667")
    (only_failed,) = parse(shared, "meta_statuses_only_failed.json").statuses
    assert [(e.code, e.title) for e in only_failed.errors] == [(131053, "ERROR_TITLE")]


def test_system_message_with_integer_timestamp_and_no_contacts(shared: Path) -> None:
    (message,) = parse(shared, "meta_system_user_changed_number.json").messages
    assert message.chat_time == datetime.fromtimestamp(1669233778, tz=UTC)
    assert message.media == {"system_type": "user_changed_number", "new_wa_id": "NEW_PHONE_NUMBER_ID"}


def test_contacts_only_body_is_empty_but_fine(shared: Path) -> None:
    result = parse(shared, "meta_contacts_only_no_messages.json")
    assert (result.messages, result.reactions, result.statuses) == ([], [], [])
    assert result.ignored == ["entry[0].changes[0].value: no messages and no statuses"]
