"""Escalation on the real stack with response times shortened to seconds and a receiving team webhook."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from temporalio.testing import WorkflowEnvironment

from tests.stack import Stack, running_stack, wait_for
from workflows.message import MessageWorkflow


@pytest.fixture(scope="module")
async def stack(dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    path = Path(tmp_path_factory.mktemp("esc")) / "izer.db"
    async with running_stack(
        dev_server_env.client,
        database_url=f"sqlite:///{path}",
        sla_immediate="2s",
        sla_1hour="3s",
        sla_4hours="4s",
        sla_24hours="5s",
        escalation_levels=3,
        escalation_growth=1,
        sla_warn_at=0.5,
    ) as running:
        yield running


def body(text: str, phone: str | None = None) -> dict[str, object]:
    return {
        "message_id": f"esc-{uuid.uuid4()}",
        "chat_time": "2025-05-10T21:55:00Z",
        "chat_name": "Test Müşteri",
        "phone_number": phone or "+90555" + str(uuid.uuid4().int)[:7],
        "current_message": text,
        "history": [],
    }


async def test_a_critical_message_climbs_every_level_and_stops_after_its_answer(stack: Stack) -> None:
    message = body("Şarj ederken bataryadan duman çıkıyor, ne yapmalıyım?!")
    result = (await stack.post("/webhook", json=message)).json()
    assert result["analysis"]["priority_level"] == "critical"
    message_id = str(message["message_id"])

    async def levels() -> list[int]:
        detail = (await stack.get(f"/messages/{message_id}")).json()
        return sorted({e["level"] for e in detail["escalations"] if e["kind"] == "breach" and e["delivered"]})

    assert await wait_for(lambda: _at_least(levels, 2), timeout=30)
    answered = await stack.post(f"/messages/{message_id}/answer", json={"answered_by": "Nöbetçi"})
    assert answered.status_code == 200
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{message_id}").result(), timeout=20
    )
    assert status.state == "answered"
    reached = await levels()
    await asyncio.sleep(4)
    assert await levels() == reached, "no escalation after the answer"
    team = [r for r in await stack.team_requests() if r["message_id"] == message_id]
    assert team, "the team webhook received the escalations"
    detail = (await stack.get(f"/messages/{message_id}")).json()
    kinds = {(e["kind"], e["target"]) for e in detail["escalations"]}
    assert ("warning", "team") in kinds and ("breach", "team") in kinds and ("breach", "agent_hub") in kinds


async def _at_least(levels: object, count: int) -> bool:
    return len(await levels()) >= count  # type: ignore[operator]


async def test_an_unanswered_message_ends_after_the_last_level(stack: Stack) -> None:
    message = body("ACİL!!! Fren tamamen boşaldı, yokuş aşağı duramadım, az kalsın kaza yapıyordum")
    result = (await stack.post("/webhook", json=message)).json()
    assert result["analysis"]["priority_level"] == "critical"
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, result["workflow_id"]).result(), timeout=40
    )
    assert status.state == "escalated" and status.escalation_level == 3
    detail = (await stack.get(f"/messages/{message['message_id']}")).json()
    assert detail["status"] == "escalated" and detail["escalation_level"] == 3
    breaches = (await stack.get("/sla/breaches", params={"hours": 1})).json()["breaches"]
    assert message["message_id"] in {b["message_id"] for b in breaches}


async def test_a_thank_you_is_never_escalated(stack: Stack) -> None:
    message = body("çok teşekkür ederim, elinize sağlık 🙏")
    result = (await stack.post("/webhook", json=message)).json()
    assert result["analysis"]["action_required"] is False
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, result["workflow_id"]).result(), timeout=20
    )
    assert status.state == "closed"
    await asyncio.sleep(3)
    assert (await stack.get(f"/messages/{message['message_id']}")).json()["escalations"] == []


async def test_three_quick_messages_in_one_chat_page_once_per_level(stack: Stack) -> None:
    phone = "+90542" + str(uuid.uuid4().int)[:7]
    texts = ["Siparişim hala gelmedi, rezalet!", "hala cevap yok??", "cevap verecek misiniz artık"]
    ids = []
    for text in texts:
        message = body(text, phone)
        ids.append(message["message_id"])
        assert (await stack.post("/webhook", json=message)).status_code == 200
    await asyncio.sleep(8)
    pages: dict[int, int] = {}
    for message_id in ids:
        detail = (await stack.get(f"/messages/{message_id}")).json()
        for e in detail["escalations"]:
            if e["kind"] == "breach" and e["target"] == "team" and e["delivered"]:
                pages[e["level"]] = pages.get(e["level"], 0) + 1
    assert pages and all(count == 1 for count in pages.values()), pages
    await stack.post(f"/chats/{phone}/answer", json={"answered_by": "Destek"})
    for message_id in ids:
        await asyncio.wait_for(
            stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{message_id}").result(), timeout=20
        )
    stats = (await stack.get("/stats")).json()
    assert stats["escalations"]["total"] >= 1
