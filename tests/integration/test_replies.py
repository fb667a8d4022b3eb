"""Replies to the customer through the WhatsApp Cloud API, on the real stack against a fake Graph API that
checks what Meta checks: sent once, answered by the person, Meta's refusals kept and the message left open,
the 24-hour window, statuses from the webhook, and a send whose record failed after Meta's answer."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from temporalio.testing import WorkflowEnvironment

from activities.replies import ReplyActivities
from tests.integration.replies import (
    TEMPLATE,
    Replies,
    accepted_for,
    customer_writes,
    notification,
    post_signed,
    replying_stack,
)
from tests.stack import wait_for
from workflows.message import MessageWorkflow


@pytest.fixture(scope="module")
async def replies(
    dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Replies]:
    database = Path(tmp_path_factory.mktemp("replies")) / "izer.db"
    async with replying_stack(dev_server_env.client, database, reply_confirm_window="30s") as replies:
        yield replies


async def test_a_reply_reaches_the_customer_once_and_answers_the_message_with_the_senders_name(
    replies: Replies,
) -> None:
    stack, graph = replies.stack, replies.graph
    wamid, customer = await customer_writes(stack)
    detail = (await stack.get(f"/messages/{wamid}")).json()
    assert detail["reply"] == {
        "enabled": True,
        "window_open": True,
        "window_closes_at": detail["reply"]["window_closes_at"],
        "template": TEMPLATE,
    }
    body = {
        "text": "Merhaba Deniz Hanım, siparişiniz bugün kargoda.",
        "sent_by": "Ayşe",
        "reply_key": "key-" + uuid.uuid4().hex,
    }
    response = await stack.post(f"/messages/{wamid}/reply", json=body)
    assert response.status_code == 200, response.text
    outcome = response.json()
    assert outcome["accepted"] is True and outcome["answered"] is True and outcome["wamid"].startswith("wamid.fake-")
    again = (await stack.post(f"/messages/{wamid}/reply", json=body)).json()
    assert again["wamid"] == outcome["wamid"], "the same reply key never sends twice"

    sent = accepted_for(graph, customer)
    assert len(sent) == 1
    assert sent[0]["type"] == "text" and sent[0]["text"]["body"] == body["text"]
    assert sent[0]["context"] == {"message_id": wamid} and sent[0]["biz_opaque_callback_data"] == body["reply_key"]
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{wamid}").result(), timeout=20
    )
    assert status.state == "answered" and status.answered_by == "Ayşe"

    async def read() -> Any:
        detail = (await stack.get(f"/messages/{wamid}")).json()
        return detail if detail["replies"] and detail["replies"][0]["status"] == "sent" else None

    detail = await wait_for(read, timeout=10)  # the fake's `sent` status came back through the webhook
    assert detail["answer_source"] == "reply" and detail["answered_by"] == "Ayşe"
    assert detail["replies"][0]["text"] == body["text"] and detail["replies"][0]["sent_by"] == "Ayşe"
    await post_signed(
        stack,
        notification(
            {
                "statuses": [
                    {
                        "id": outcome["wamid"],
                        "status": "read",
                        "timestamp": str(int(time.time())),
                        "recipient_id": customer,
                    }
                ]
            }
        ),
    )
    assert (await stack.get(f"/messages/{wamid}")).json()["replies"][0]["status"] == "read"


@pytest.mark.parametrize("code", [131047, 131026, 190])
async def test_metas_refusal_is_told_in_words_stored_and_the_message_stays_open(replies: Replies, code: int) -> None:
    stack, graph = replies.stack, replies.graph
    wamid, customer = await customer_writes(stack)
    graph.script(code)
    response = await stack.post(f"/messages/{wamid}/reply", json={"text": "Merhaba!", "sent_by": "Ayşe"})
    outcome = response.json()
    assert response.status_code == 200 and outcome["accepted"] is False and outcome["answered"] is False
    assert outcome["error_code"] == code and outcome["error"]
    assert accepted_for(graph, customer) == []
    detail = (await stack.get(f"/messages/{wamid}")).json()
    assert detail["status"] == "open"
    assert detail["replies"][0]["status"] == "rejected" and detail["replies"][0]["error_code"] == code
    state = await stack.client.get_workflow_handle(f"message-{wamid}").query(MessageWorkflow.status)
    assert state.state == "open"


async def test_outside_the_24_hour_window_only_the_template_goes(replies: Replies) -> None:
    stack, graph = replies.stack, replies.graph
    wamid, customer = await customer_writes(stack, hours_ago=30)
    detail = (await stack.get(f"/messages/{wamid}")).json()
    assert detail["reply"]["window_open"] is False and detail["reply"]["template"] == TEMPLATE
    refused = await stack.post(f"/messages/{wamid}/reply", json={"text": "Merhaba!", "sent_by": "Ayşe"})
    assert refused.status_code == 409 and "24 hours" in refused.json()["error"] and TEMPLATE in refused.json()["error"]
    assert accepted_for(graph, customer) == []
    outcome = (await stack.post(f"/messages/{wamid}/reply", json={"template": True, "sent_by": "Ayşe"})).json()
    assert outcome["accepted"] is True
    sent = accepted_for(graph, customer)
    assert [m["template"] for m in sent] == [{"name": TEMPLATE, "language": {"code": "tr"}}]


async def test_a_bridge_message_keeps_the_answered_button_only(replies: Replies) -> None:
    stack = replies.stack
    message_id = f"bridge-{uuid.uuid4().hex[:8]}"
    body = {
        "message_id": message_id,
        "chat_time": "2025-05-10T09:00:00Z",
        "chat_name": "Zeynep",
        "phone_number": "+905551112233",
        "current_message": "Fiyat listesi alabilir miyim?",
        "history": [],
    }
    assert (await stack.post("/webhook", json=body)).status_code == 200
    assert (await stack.get(f"/messages/{message_id}")).json()["reply"]["enabled"] is False
    response = await stack.post(f"/messages/{message_id}/reply", json={"text": "Merhaba", "sent_by": "Ayşe"})
    assert response.status_code == 409 and "bridge" in response.json()["error"]


async def test_a_send_whose_record_failed_after_metas_answer_reaches_the_customer_once(
    replies: Replies, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker dies, in effect, between the Graph API's answer and the record of the wamid: the retry
    finds the row still "sending", waits for Meta's status (which carries the reply key back), and sends
    nothing again."""
    stack, graph = replies.stack, replies.graph
    wamid, customer = await customer_writes(stack)
    real = ReplyActivities._record_accepted
    failures: list[str] = []

    def crash_once(self: ReplyActivities, reply_key: str, wamid: str | None) -> dict[str, Any]:
        if not failures:
            failures.append(reply_key)
            raise RuntimeError("worker lost after Meta's answer, before the record")
        return real(self, reply_key, wamid)

    monkeypatch.setattr(ReplyActivities, "_record_accepted", crash_once)
    response = await stack.post(f"/messages/{wamid}/reply", json={"text": "Kargonuz yolda.", "sent_by": "Mehmet"})
    outcome = response.json()
    assert failures, "the record failed once"
    assert outcome["accepted"] is True, outcome
    assert len(accepted_for(graph, customer)) == 1, "the customer received one message"
    assert outcome["wamid"] == accepted_for(graph, customer)[0]["wamid"]
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{wamid}").result(), timeout=20
    )
    assert status.answered_by == "Mehmet"


async def test_a_sent_status_of_a_message_izer_did_not_send_answers_nothing(replies: Replies) -> None:
    stack = replies.stack
    wamid, customer = await customer_writes(stack)
    result = await post_signed(
        stack,
        notification(
            {
                "statuses": [
                    {
                        "id": f"wamid.auto-{uuid.uuid4().hex}",
                        "status": "sent",
                        "timestamp": str(int(time.time())),
                        "recipient_id": customer,
                    }
                ]
            }
        ),
    )
    assert result["answered"] == []
    assert (await stack.get(f"/messages/{wamid}")).json()["status"] == "open"
