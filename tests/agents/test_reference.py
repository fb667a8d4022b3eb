"""The reference agents over HTTP (ASGI transport): replies, idempotency, fault switch, records."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import uvicorn

from izer.agents.reference import FailSwitch, create_agent_app, detect_language

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC).isoformat()


def payload(
    text: str,
    *,
    message_id: str = "wamid.1",
    category: str = "general",
    priority: str = "normal",
    response_time: str = "4hours",
    action_required: bool = True,
    keywords: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "message": {
            "message_id": message_id,
            "chat_time": NOW,
            "phone_number": "+905551234567",
            "current_message": text,
            "received_at": NOW,
        },
        "analysis": {
            "urgency_score": 5,
            "category": category,
            "sentiment": "neutral",
            "keywords": keywords or [],
            "priority_level": priority,
            "action_required": action_required,
            "recommended_response_time": response_time,
            "analyzer": "rules",
        },
        "workflow_id": f"message-{message_id}",
    }


@pytest.fixture
async def agent() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_agent_app("business_workflow"))
    async with httpx.AsyncClient(transport=transport, base_url="http://agent") as client:
        yield client


async def process(client: httpx.AsyncClient, body: dict[str, Any], key: str = "key-1") -> httpx.Response:
    return await client.post("/process", json=body, headers={"Idempotency-Key": key})


async def test_health_names_the_agent(agent: httpx.AsyncClient) -> None:
    response = await agent.get("/health")
    assert response.json() == {"status": "ok", "agent": "business_workflow"}


@pytest.mark.parametrize(
    ("text", "category", "language", "expected"),
    [
        ("27.5 jant dağ bisikleti bakıyorum, fiyat?", "sales", "tr", "fiyatları"),
        ("Siparişim hala gelmedi, kargo nerede?", "support", "tr", "sipariş veya servis numaranızı"),
        ("Rezalet bir hizmet, bir daha gelmem", "complaint", "tr", "üzgünüz"),
        ("Cumartesi açık mısınız?", "inquiry", "tr", "bilgiyi"),
        ("E-bike ekranında E21 hatası var", "technical", "tr", "hata kodunu"),
        ("Do you sell gravel bikes? I want a quote", "sales", "en", "prices"),
        ("My order has not arrived yet, where is it?", "support", "en", "order or service number"),
        ("This is the worst service, I want my money back", "complaint", "en", "truly sorry"),
        ("What are your opening hours on Saturday?", "inquiry", "en", "information"),
        ("The battery is not charging and the display shows E21", "technical", "en", "error code"),
        ("hi there", "general", "en", "thank you for your message"),
    ],
)
async def test_the_reply_fits_category_and_language(
    agent: httpx.AsyncClient, text: str, category: str, language: str, expected: str
) -> None:
    response = await process(agent, payload(text, category=category), key=f"{category}-{language}")

    assert response.status_code == 200
    body = response.json()
    assert body["agent"] == "business_workflow" and body["status"] == "accepted"
    assert body["idempotency_key"] == f"{category}-{language}"
    assert body["language"] == language
    assert expected in body["suggested_reply"]
    if category != "general":
        promised = {"tr": "birkaç saat içinde", "en": "within a few hours"}[language]
        assert promised in body["suggested_reply"]  # the normal priority's 4 hours
    assert datetime.fromisoformat(body["received_at"]).tzinfo is not None


async def test_a_critical_safety_message_says_stop_riding_and_we_call(agent: httpx.AsyncClient) -> None:
    body = payload(
        "Frenler tutmadı, bataryadan duman çıkıyor!",
        category="technical",
        priority="critical",
        response_time="immediate",
    )
    reply = (await process(agent, body)).json()["suggested_reply"]
    assert "kullanmayı bırakın" in reply and "şarjdan çıkarıp" in reply and "şimdi arıyor" in reply

    english = payload("My brakes failed on the hill", category="technical", priority="critical")
    reply = (await process(agent, english, key="key-2")).json()["suggested_reply"]
    assert "stop riding" in reply and "calling you right now" in reply and "battery" not in reply


async def test_a_closing_message_gets_a_closing_reply(agent: httpx.AsyncClient) -> None:
    body = payload("tamam teşekkürler", category="general", priority="low", action_required=False)
    assert "iyi sürüşler" in (await process(agent, body)).json()["suggested_reply"]


async def test_language_falls_back_to_the_chat_history_then_turkish(agent: httpx.AsyncClient) -> None:
    english_chat = payload("?")
    english_chat["message"]["history"] = [{"sender": "Emily", "content": "Hello, is my bike ready?"}]
    assert (await process(agent, english_chat, key="a")).json()["language"] == "en"
    assert (await process(agent, payload("👍"), key="b")).json()["language"] == "tr"


def test_detect_language_reads_turkish_without_diacritics() -> None:
    assert detect_language("slm abi bisiklet fiyati ne kadar") == "tr"
    assert detect_language("İYİ GÜNLER") == "tr"
    assert detect_language("Hello, I need a quote for 20 bikes") == "en"
    assert detect_language("[audio]") is None


async def test_a_repeated_key_returns_the_first_answer_without_processing_again(
    agent: httpx.AsyncClient,
) -> None:
    first = await process(agent, payload("Cumartesi açık mısınız?", category="inquiry"), key="dup")
    again = await process(agent, payload("different text", category="complaint"), key="dup")

    assert again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    await process(agent, payload("other"), key="other")
    assert (await agent.get("/requests")).json() == [
        {"idempotency_key": "dup", "message_id": "wamid.1", "count": 2, "failures": 0},
        {"idempotency_key": "other", "message_id": "wamid.1", "count": 1, "failures": 0},
    ]
    stats = (await agent.get("/stats")).json()
    assert (stats["total_requests"], stats["distinct_keys"], stats["replays"]) == (3, 2, 1)


async def test_a_missing_idempotency_key_is_refused(agent: httpx.AsyncClient) -> None:
    response = await agent.post("/process", json=payload("merhaba"))
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["detail"]
    assert (await agent.get("/requests")).json() == []


async def test_an_invalid_body_is_refused_with_the_field_named(agent: httpx.AsyncClient) -> None:
    body = payload("merhaba")
    del body["analysis"]["category"]
    response = await process(agent, body)
    assert response.status_code == 422
    assert "category" in response.text


async def test_the_failure_switch_fails_the_next_calls_then_recovers(agent: httpx.AsyncClient) -> None:
    armed = await agent.post("/admin/fail", json={"status": 503, "count": 2})
    assert armed.status_code == 200

    statuses = [(await process(agent, payload("merhaba"), key="k")).status_code for _ in range(3)]

    assert statuses == [503, 503, 200]
    assert (await agent.get("/requests")).json() == [
        {"idempotency_key": "k", "message_id": "wamid.1", "count": 3, "failures": 2}
    ]
    assert (await agent.get("/stats")).json()["failures"] == 2


async def test_an_agent_can_start_failing_until_reset() -> None:
    app = create_agent_app("agent_hub", fail=FailSwitch(status=500, count=-1))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://hub") as hub:
        assert [(await process(hub, payload("x"), key=str(i))).status_code for i in range(3)] == [500] * 3
        await hub.post("/admin/reset")
        assert (await process(hub, payload("x"))).status_code == 200
        assert (await hub.get("/stats")).json()["total_requests"] == 1


async def test_escalations_are_recorded_idempotently(agent: httpx.AsyncClient) -> None:
    note = {"message": {"message_id": "wamid.9"}, "level": 1, "kind": "breach"}
    first = await agent.post("/escalations", json=note, headers={"Idempotency-Key": "esc-1"})
    again = await agent.post("/escalations", json=note, headers={"Idempotency-Key": "esc-1"})
    unkeyed = await agent.post("/escalations", json={"message_id": "wamid.10", "level": 2})

    assert first.status_code == again.status_code == unkeyed.status_code == 200
    assert again.json() == first.json()
    recorded = (await agent.get("/requests", params={"kind": "escalation"})).json()
    assert [(r["message_id"], r["count"]) for r in recorded] == [("wamid.9", 2), ("wamid.10", 1)]
    assert recorded[1]["idempotency_key"].startswith("sha256:")
    assert (await agent.get("/requests")).json() == []


@pytest.fixture
def served_agent() -> Iterator[str]:
    """A real uvicorn on a loopback port, as the dev stack runs it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_agent_app("code_debugger"), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


async def test_a_real_http_agent_answers_and_replays(served_agent: str) -> None:
    async with httpx.AsyncClient(base_url=served_agent) as client:
        body = payload("Vites atıyor", category="technical")
        first = await process(client, body)
        again = await process(client, body)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert first.json()["agent"] == "code_debugger"
