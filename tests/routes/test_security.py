"""The stack as an attacker meets it: from another address (a proxy on this machine forwarding a remote
client), with unsigned repeats, crafted ids and searches; and what Temporal stores with a key set."""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, event, select
from temporalio.api.common.v1 import Payload
from temporalio.service import RPCError
from temporalio.testing import WorkflowEnvironment

from api import create_app
from izer.db import outcomes, store
from izer.db.engine import make_sessionmaker
from izer.db.models import WebhookMessage
from izer.domain import IncomingMessage
from izer.settings import Settings
from izer.temporal import connect
from tests.routes.test_bridge_and_messages import bridge
from tests.stack import ServerThread, Stack, running_stack

REMOTE = {"X-Forwarded-For": "203.0.113.7"}
"""uvicorn takes the client from a proxy on this machine: the caller is then 203.0.113.7, not loopback."""


@pytest.fixture(scope="module")
async def stack(dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    path = Path(tmp_path_factory.mktemp("db")) / "izer.db"
    async with running_stack(dev_server_env.client, database_url=f"sqlite:///{path}") as running:
        yield running


async def test_without_api_token_management_data_and_docs_answer_loopback_only(stack: Stack) -> None:
    for path in ("/messages", "/stats", "/sla/breaches", "/docs", "/openapi.json", "/messages/x"):
        remote = await stack.get(path, headers=REMOTE)
        assert remote.status_code == 403, (path, remote.status_code)
        assert "API_TOKEN" in remote.json()["error"]
        assert (await stack.get(path)).status_code in (200, 404), path
    answer = await stack.post("/messages/x/answer", headers=REMOTE, json={})
    assert answer.status_code == 403
    assert (await stack.get("/", headers=REMOTE)).status_code == 200, "the page holds no data"


async def test_health_tells_an_unauthenticated_caller_ok_or_failing_only(stack: Stack, tmp_path: Path) -> None:
    remote = (await stack.get("/health", headers=REMOTE)).json()
    assert remote == {"status": "ok", "database": "ok", "temporal": "ok"}
    assert "task_queue" in (await stack.get("/health")).json()
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path}/h.db", temporal_address="127.0.0.1:9")  # type: ignore[call-arg]
    server = ServerThread(create_app(settings)).start()
    try:
        async with httpx.AsyncClient(timeout=20) as http:
            failing = await http.get(f"{server.url}/health", headers=REMOTE)
    finally:
        server.stop()
    assert failing.status_code == 503
    assert failing.json() == {"status": "unavailable", "database": "ok", "temporal": "failing"}
    assert "127.0.0.1:9" not in failing.text


async def test_every_answer_carries_the_security_headers(stack: Stack) -> None:
    for path, accept in (("/", "text/html"), ("/stats", "text/html"), ("/messages", "*/*"), ("/health", "*/*"),
                         ("/static/queue.js", "*/*"), ("/nothing", "*/*"), ("/metrics", "*/*")):  # fmt: skip
        headers = (await stack.get(path, headers={"accept": accept})).headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy, path
        assert "script-src 'self'" in policy, path
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"], path


async def test_an_unsigned_repeat_gets_the_ids_only(stack: Stack) -> None:
    body = bridge("Kask fiyatı nedir?")
    first = (await stack.post("/webhook", json=body)).json()
    assert first["analysis"] and first["duplicate"] is False
    repeat = await stack.post("/webhook", json=body)
    assert repeat.status_code == 200
    assert repeat.json() == {
        "success": True,
        "message_id": body["message_id"],
        "database_id": first["database_id"],
        "workflow_id": first["workflow_id"],
        "duplicate": True,
    }


async def test_a_processed_message_never_runs_again_after_temporal_forgets_it(stack: Stack) -> None:
    """A message processed long ago, whose workflow Temporal's retention has removed: the database row is
    all that is left, and a repeat must not start a second run nor move its arrival."""
    from izer.domain import Analysis, RoutingResult

    body = bridge("Zincir sesi geliyor, bakım randevusu alabilir miyim?")
    long_ago = datetime.now(UTC) - timedelta(days=400)
    message = IncomingMessage(
        message_id=body["message_id"],
        chat_time=long_ago,
        phone_number=body["phone_number"],
        current_message=body["current_message"],
        received_at=long_ago,
    )
    engine = create_engine(stack.settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        store.record_message(session, message, workflow_id=f"message-{message.message_id}", business_senders=[])
        analysis = Analysis(
            urgency_score=3, category="support", sentiment="neutral", keywords=[], priority_level="normal",
            action_required=False, recommended_response_time="24hours",
        )  # fmt: skip
        outcomes.record_analysis(session, message.message_id, analysis)
        outcomes.record_routing(session, message.message_id, RoutingResult(success=True, agent="business_workflow"))
    repeat = await stack.post("/webhook", json=body)
    assert repeat.status_code == 200 and repeat.json()["duplicate"] is True
    with pytest.raises(RPCError):
        await stack.client.get_workflow_handle(f"message-{message.message_id}").describe()
    with engine.connect() as connection:
        received = connection.scalar(
            select(WebhookMessage.received_at).where(WebhookMessage.message_id == message.message_id)
        )
    engine.dispose()
    assert received == long_ago.replace(tzinfo=None)


async def test_a_message_id_with_a_slash_can_be_read_and_answered(stack: Stack) -> None:
    body = bridge("Sipariş durumumu öğrenebilir miyim?", message_id=f"bridge/{uuid.uuid4()}")
    assert (await stack.post("/webhook", json=body)).status_code == 200
    path = f"/messages/{body['message_id']}"
    assert (await stack.get(path)).json()["message_id"] == body["message_id"]
    encoded = "/messages/" + body["message_id"].replace("/", "%2F")
    assert (await stack.get(encoded)).status_code == 200
    answered = await stack.post(f"{path}/answer", json={"answered_by": "Ayşe"})
    assert answered.status_code == 200 and answered.json()["message_id"] == body["message_id"]


async def test_search_takes_wildcards_literally_and_finds_phone_numbers(stack: Stack) -> None:
    tag = uuid.uuid4().hex[:8]
    percent = bridge(f"{tag} 100% orijinal mi?", phone_number="+905417770011")
    other = bridge(f"{tag} 1000 TL mi?", phone_number="+905417770022")
    for body in (percent, other):
        assert (await stack.post("/webhook", json=body)).status_code == 200

    async def ids(q: str) -> set[str]:
        found = (await stack.get("/messages", params={"q": q})).json()["messages"]
        return {m["message_id"] for m in found}

    assert await ids(f"{tag} 100%") == {percent["message_id"]}
    assert await ids("_") >= set() and percent["message_id"] not in await ids(f"{tag}_100")
    assert percent["message_id"] in await ids("0541 777 00 11")
    assert await ids("+90 541 777 0022") == {other["message_id"]}


async def test_a_future_business_reply_cannot_answer_later_messages(stack: Stack) -> None:
    phone = "+905418889900"
    first = bridge("Bisikletim hazır mı?", phone_number=phone)
    assert (await stack.post("/webhook", json=first)).status_code == 200
    future = (datetime.now(UTC) + timedelta(days=5)).isoformat()
    second = bridge(
        "Tamam teşekkürler",
        phone_number=phone,
        history=[{"sender": "İzer", "content": "Hazır", "timestamp": future, "type": "text"}],
    )
    assert (await stack.post("/webhook", json=second)).status_code == 200
    stored = (await stack.get(f"/messages/{second['message_id']}")).json()
    assert datetime.fromisoformat(stored["history"][0]["timestamp"]) <= datetime.now(UTC)
    answered = (await stack.get(f"/messages/{first['message_id']}")).json()
    if answered["answered_at"]:
        assert datetime.fromisoformat(answered["answered_at"]) <= datetime.now(UTC)


async def test_metrics_read_no_stored_message_whatever_the_history(stack: Stack) -> None:
    sessions = make_sessionmaker(create_engine(stack.settings.sqlalchemy_url))
    now = datetime.now(UTC)
    with sessions() as session:
        for _ in range(300):
            message = IncomingMessage(
                message_id=f"old-{uuid.uuid4()}",
                chat_time=now,
                phone_number="+905550000000",
                current_message="eski mesaj",
                received_at=now - timedelta(hours=1),
            )
            store.record_message(session, message, workflow_id="w", business_senders=[])
            outcomes.set_status(session, message.message_id, "closed")
    loaded: list[Any] = []
    listener = lambda target, context: loaded.append(target)  # noqa: E731
    event.listen(WebhookMessage, "load", listener)
    try:
        text = (await stack.get("/metrics")).text
    finally:
        event.remove(WebhookMessage, "load", listener)
    assert "izer_open_breaches" in text
    assert loaded == [], f"/metrics loaded {len(loaded)} stored messages"


@pytest.fixture(scope="module")
async def private_stack(
    dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    key = base64.b64encode(os.urandom(32)).decode()
    address = dev_server_env.client.service_client.config.target_host
    settings = Settings(_env_file=None, temporal_address=address, payload_encryption_key=f"k1:{key}")  # type: ignore[call-arg]
    client = await connect(settings)
    path = Path(tmp_path_factory.mktemp("private")) / "izer.db"
    async with running_stack(client, database_url=f"sqlite:///{path}", payload_encryption_key=f"k1:{key}") as running:
        yield running


async def test_with_a_key_temporal_stores_no_customer_text_and_the_codec_endpoint_decodes_it(
    private_stack: Stack, dev_server_env: WorkflowEnvironment
) -> None:
    words = f"Kırmızı{uuid.uuid4().hex[:6]} bisikletimin frenleri tutmuyor"
    body = bridge(words, chat_name="Zeynep Gizlioğlu", phone_number="+905427654321", history=[
        {"sender": "Zeynep Gizlioğlu", "content": "Dün de yazmıştım", "timestamp": None, "type": "text"}
    ])  # fmt: skip
    response = await private_stack.post("/webhook", json=body)
    assert response.status_code == 200 and response.json()["analysis"]
    await private_stack.post(f"/messages/{body['message_id']}/answer", json={"answered_by": "Ayşe Yılmaz"})
    plain = dev_server_env.client.get_workflow_handle(response.json()["workflow_id"])
    await private_stack.client.get_workflow_handle(plain.id).result()
    history = await plain.fetch_history()
    raw = history.to_json().encode() + b"".join(e.SerializeToString() for e in history.events)
    for secret in (words.split()[0], "frenleri", "Gizlioğlu", "Dün de yazmıştım", "905427654321", "Ayşe Yılmaz"):
        assert secret.encode() not in raw and base64.b64encode(secret.encode())[:12] not in raw, secret
    started = history.events[0].workflow_execution_started_event_attributes.input.payloads[0]
    assert started.metadata["encoding"] == b"binary/encrypted"

    request = {
        "payloads": [
            {
                "metadata": {k: base64.b64encode(v).decode() for k, v in started.metadata.items()},
                "data": base64.b64encode(started.data).decode(),
            }
        ]
    }
    origin = {"Origin": private_stack.settings.temporal_ui_url}
    decoded = await private_stack.post("/codec/decode", json=request, headers=origin)
    assert decoded.status_code == 200, decoded.text
    assert decoded.headers["access-control-allow-origin"] == private_stack.settings.temporal_ui_url
    payload = decoded.json()["payloads"][0]
    text = base64.b64decode(payload["data"]).decode()
    assert words in text and "Gizlioğlu" in text
    assert Payload(metadata={"encoding": base64.b64decode(payload["metadata"]["encoding"])}).metadata["encoding"] == (
        b"json/plain"
    )
    assert (await private_stack.post("/codec/decode", json=request, headers=REMOTE)).status_code == 403
