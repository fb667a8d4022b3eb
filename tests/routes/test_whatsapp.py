"""Meta's WhatsApp Cloud API webhook on the real stack: handshake, signatures, every type, statuses."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from temporalio.testing import WorkflowEnvironment

from api import create_app
from izer.db.engine import make_engine, make_sessionmaker
from izer.db.models import WhatsAppReply
from izer.ingest.meta_notification import parse_notification
from izer.ingest.signature import sign
from izer.settings import Settings
from tests.conftest import SHARED
from tests.stack import ServerThread, Stack, running_stack
from workflows.message import MessageWorkflow

FIXTURES = SHARED / "fixtures" / "whatsapp"
OWN = Path(__file__).resolve().parent.parent / "ingest" / "payloads"
SECRET = "1222e786b144d0e85b9f365372d93676"  # the published pywa triple's secret, already reset by its owner
VERIFY_TOKEN = "izer-verify-token"
needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"{FIXTURES} is not present")


@pytest.fixture(scope="module")
async def stack(dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    path = Path(tmp_path_factory.mktemp("wa")) / "izer.db"
    async with running_stack(
        dev_server_env.client,
        database_url=f"sqlite:///{path}",
        whatsapp_app_secret=SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
    ) as running:
        yield running


async def post_signed(stack: Stack, body: bytes, *, signature: str | None = "valid") -> httpx.Response:
    headers = {"content-type": "application/json"}
    if signature == "valid":
        headers["X-Hub-Signature-256"] = sign(body, SECRET)
    elif signature is not None:
        headers["X-Hub-Signature-256"] = signature
    return await stack.post("/webhook/whatsapp", content=body, headers=headers)


async def stored(stack: Stack, message_id: str, *, timeout: float = 20) -> dict[str, Any]:
    """The message as GET /messages/{id} shows it once the workflow has stored and routed it."""
    deadline = time.monotonic() + timeout
    while True:
        response = await stack.get(f"/messages/{message_id}")
        if response.status_code == 200 and response.json().get("routing"):
            return response.json()  # type: ignore[no-any-return]
        if time.monotonic() > deadline:
            raise AssertionError(f"{message_id} not stored and routed: {response.status_code} {response.text}")
        await asyncio.sleep(0.1)


def handshake_cases() -> list[dict[str, Any]]:
    if not FIXTURES.is_dir():
        return []
    return json.loads((FIXTURES / "verify_handshake_cases.json").read_text(encoding="utf-8"))["cases"]


@needs_fixtures
@pytest.mark.parametrize("case", handshake_cases(), ids=lambda c: c["name"])
def test_published_handshake_cases(case: dict[str, Any], tmp_path: Path) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url=f"sqlite:///{tmp_path}/izer.db",
        whatsapp_verify_token=case["configured_verify_token"],
    )
    server = ServerThread(create_app(settings)).start()
    try:
        response = httpx.get(f"{server.url}/webhook/whatsapp", params=case["query"])
    finally:
        server.stop()
    expect = case["expect"]
    assert response.status_code == expect["status"]
    if "body" in expect:
        assert response.text == expect["body"] and response.headers["content-type"].startswith("text/plain")
    if "body_must_not_equal" in expect:
        assert expect["body_must_not_equal"] not in response.text


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "8412"}, 200),
        ({"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "8412"}, 403),
        ({"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "8412"}, 403),
        ({"hub.mode": "subscribe", "hub.challenge": "8412"}, 403),
        ({}, 403),
    ],
)
async def test_handshake(stack: Stack, query: dict[str, str], status: int) -> None:
    response = await stack.get("/webhook/whatsapp", params=query)
    assert response.status_code == status
    assert (response.text == "8412") is (status == 200)


@needs_fixtures
async def test_the_published_signed_body_is_accepted_verbatim_and_stored(stack: Stack) -> None:
    triple = json.loads((FIXTURES / "signature_pywa_triple.json").read_text(encoding="utf-8"))
    body = (FIXTURES / triple["body_file"]).read_bytes()
    response = await post_signed(stack, body, signature=triple["x_hub_signature_256"])
    assert response.status_code == 200, response.text
    wamid = json.loads(body)["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    message = await stored(stack, wamid)
    assert message["current_message"] == "Hey there! I am using PyWa."
    assert message["chat_name"] == "PyWa Tests" and message["source"] == "whatsapp"
    again = await post_signed(stack, body, signature=triple["x_hub_signature_256"])
    assert again.status_code == 200
    executions = [e async for e in stack.client.list_workflows(f"WorkflowId = 'message-{wamid}'")]
    assert len(executions) == 1, "a redelivery never starts a second run"


@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "sha256=abc", "deadbeef"])
async def test_forged_and_unsigned_bodies_are_refused_and_not_stored(stack: Stack, signature: str | None) -> None:
    wamid = f"wamid.forged-{uuid.uuid4()}"
    body = json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messages": [
                                    {
                                        "from": "905551112233",
                                        "id": wamid,
                                        "timestamp": "1735725600",
                                        "type": "text",
                                        "text": {"body": "acil! fren tutmuyor"},
                                    }
                                ]
                            },
                        }
                    ],
                }
            ],
        }
    ).encode()
    response = await post_signed(stack, body, signature=signature)
    assert response.status_code == 401
    await asyncio.sleep(0.3)
    assert (await stack.get(f"/messages/{wamid}")).status_code == 404


async def test_a_signature_over_re_serialized_json_is_refused(stack: Stack) -> None:
    body = (OWN / "batch_two_entries.json").read_bytes()
    reserialized = json.dumps(json.loads(body), ensure_ascii=False).encode()
    response = await post_signed(stack, body, signature=sign(reserialized, SECRET))
    assert response.status_code == 401


async def test_a_batch_with_several_entries_messages_and_statuses(stack: Stack) -> None:
    body = (OWN / "batch_two_entries.json").read_bytes()
    expected = parse_notification(json.loads(body), received_at=datetime.now(UTC))
    response = await post_signed(stack, body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["statuses"] == len(expected.statuses) and result["reactions"] == len(expected.reactions)
    for message in expected.messages:
        shown = await stored(stack, message.message_id)
        assert shown["current_message"] == message.current_message
        assert shown["phone_number"] == message.phone_number


async def test_every_message_type_is_stored_with_readable_text(stack: Stack) -> None:
    body = (OWN / "all_types.json").read_bytes()
    expected = parse_notification(json.loads(body), received_at=datetime.now(UTC))
    response = await post_signed(stack, body)
    assert response.status_code == 200, response.text
    assert expected.reactions, "the fixture carries reactions, recorded apart from messages"
    for message in expected.messages:
        shown = await stored(stack, message.message_id)
        assert shown["message_type"] == message.message_type and shown["current_message"]


@needs_fixtures
async def test_every_published_meta_payload_is_accepted(stack: Stack) -> None:
    for path in sorted(FIXTURES.glob("meta_*.json")):
        body = path.read_bytes()
        response = await post_signed(stack, body)
        assert response.status_code == 200, f"{path.name}: {response.text}"
        for message in parse_notification(json.loads(body), received_at=datetime.now(UTC)).messages:
            shown = await stored(stack, message.message_id)
            assert shown["current_message"], path.name


@pytest.mark.parametrize("name", ["statuses.json", "contacts_only.json", "value_errors.json"])
async def test_bodies_without_messages_are_accepted(stack: Stack, name: str) -> None:
    response = await post_signed(stack, (OWN / name).read_bytes())
    assert response.status_code == 200, response.text
    assert response.json()["received"] == 0


async def test_not_a_meta_notification_is_400(stack: Stack) -> None:
    response = await post_signed(stack, b'{"event": "message", "session": "default"}')
    assert response.status_code == 400 and "object" in response.json()["error"]


def stored_reply(stack: Stack, message_id: str, wamid: str) -> None:
    """A reply İzer sent for a person (as the dashboard's send records it)."""
    engine = make_engine(stack.settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        now = datetime.now(UTC).replace(tzinfo=None)
        session.add(
            WhatsAppReply(
                reply_key=uuid.uuid4().hex,
                message_id=message_id,
                phone_number="+905410000000",
                kind="text",
                body="Merhaba",
                sent_by="Ayşe",
                status="accepted",
                wamid=wamid,
                attempts=1,
                created_at=now,
                updated_at=now,
            )
        )
        session.commit()
    engine.dispose()


async def test_a_status_for_a_reply_to_the_customer_answers_the_chat(stack: Stack) -> None:
    customer = "90541" + str(uuid.uuid4().int)[:7]
    wamid = f"wamid.in-{uuid.uuid4()}"
    now = int(time.time())
    incoming = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "contacts": [{"profile": {"name": "Deniz"}, "wa_id": customer}],
                            "messages": [
                                {
                                    "from": customer,
                                    "id": wamid,
                                    "timestamp": str(now - 60),
                                    "type": "text",
                                    "text": {"body": "Siparişim ne zaman kargoya verilir?"},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }
    assert (await post_signed(stack, json.dumps(incoming).encode())).status_code == 200
    await stored(stack, wamid)
    outgoing = f"wamid.out-{uuid.uuid4()}"
    await asyncio.to_thread(stored_reply, stack, wamid, outgoing)
    status = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "statuses": [
                                {
                                    "id": outgoing,
                                    "status": "sent",
                                    "timestamp": str(now),
                                    "recipient_id": customer,
                                }
                            ]
                        },
                    }
                ],
            }
        ],
    }
    response = await post_signed(stack, json.dumps(status).encode())
    assert response.status_code == 200 and response.json()["answered"] == [wamid]
    result = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{wamid}").result(), timeout=20
    )
    assert result.state == "answered"
    detail = (await stack.get(f"/messages/{wamid}")).json()
    assert detail["answer_source"] == "whatsapp_status" and detail["answered_by"] == "Ayşe"
