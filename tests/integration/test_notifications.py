"""Escalations through Apprise on the real stack: a real e-mail over SMTP, Apprise's JSON and a
Slack-format webhook (Mattermost's incoming webhooks take Slack's body) on loopback; a channel that fails
is retried by Temporal without sending the others twice, and a dead one is recorded as undelivered."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from temporalio.testing import WorkflowEnvironment

from tests.fakes.receivers import HTTPReceiver, SMTPReceiver
from tests.stack import Stack, free_port, running_stack, wait_for

PHONE = "+905551234567"


@dataclass
class Channels:
    stack: Stack
    smtp: SMTPReceiver
    http: HTTPReceiver


@pytest.fixture(scope="module")
async def channels(
    dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Channels]:
    path = Path(tmp_path_factory.mktemp("notify")) / "izer.db"
    with SMTPReceiver() as smtp, HTTPReceiver() as http:
        urls = [
            smtp.url(),
            f"json://{http.base}/ok",
            f"mmost://{http.base}/slackformattoken",
            f"json://{http.base}/flaky",
            f"json://127.0.0.1:{free_port()}/dead",
        ]
        async with running_stack(
            dev_server_env.client,
            database_url=f"sqlite:///{path}",
            sla_immediate="2s",
            sla_warn_at=0,
            escalation_levels=1,
            escalation_team_urls=", ".join(urls),
        ) as stack:
            yield Channels(stack=stack, smtp=smtp, http=http)


async def test_one_channel_down_the_others_get_the_notice_once_the_failed_one_is_retried_and_recorded(
    channels: Channels,
) -> None:
    stack, smtp, http = channels.stack, channels.smtp, channels.http
    http.fail("/flaky", 2)
    message_id = f"notify-{uuid.uuid4().hex[:10]}"
    body = {
        "message_id": message_id,
        "chat_time": "2025-05-10T21:55:00Z",
        "chat_name": "Ahmet Yılmaz",
        "phone_number": PHONE,
        "current_message": "Şarj ederken bataryadan duman çıkıyor, ne yapmalıyım?!",
        "history": [],
    }
    result = (await stack.post("/webhook", json=body)).json()
    assert result["analysis"]["priority_level"] == "critical"

    async def escalations() -> dict[str, dict[str, object]]:
        detail = (await stack.get(f"/messages/{message_id}")).json()
        return {e["target"]: e for e in detail["escalations"] if e["kind"] == "breach"}

    async def flaky_delivered() -> bool:
        rows = await escalations()
        return bool(rows.get("team:json#4", {}).get("delivered"))

    await wait_for(flaky_delivered, timeout=40)
    await asyncio.sleep(3)  # Temporal goes on retrying the dead channel: nothing else may be sent again
    rows = await escalations()
    for name in ("team:mailto#1", "team:json#2", "team:mmost#3", "team:json#4", "team", "agent_hub"):
        assert rows[name]["delivered"] is True, (name, rows[name])
    dead = rows["team:json#5"]
    assert dead["delivered"] is False and "Connection error" in str(dead["detail"])
    assert "127.0.0.1" not in str(dead["detail"]), "the channel's address is not repeated in what is stored"

    mails = [m for m in smtp.mails if message_id in m.body]
    assert len(mails) == 1, "one e-mail, however often the dead channel is retried"
    assert mails[0].subject.startswith("KRİTİK · "), mails[0].subject
    assert "Ahmet Y. (+90555***4567)" in mails[0].subject
    assert "905551234567" not in mails[0].subject + mails[0].body
    assert "Şarj ederken bataryadan duman çıkıyor" in mails[0].body
    assert "Kategori: Teknik" in mails[0].body and "Ajan: code_debugger" in mails[0].body
    assert f"{stack.settings.public_url}/#message={message_id}" in mails[0].body
    assert len(http.posts["/ok"]) == 1 and len(http.posts["/hooks/slackformattoken"]) == 1
    assert len(http.posts["/flaky"]) == 1 and http.refused["/flaky"] == 2
    slack = json.loads(http.posts["/hooks/slackformattoken"][0])
    assert slack["text"].startswith("KRİTİK · ") and message_id in slack["text"]
    payload = json.loads(http.posts["/ok"][0])
    assert payload["title"].startswith("KRİTİK · ") and "+90555***4567" in payload["title"]


async def test_an_answered_message_is_never_paged(channels: Channels) -> None:
    stack, smtp = channels.stack, channels.smtp
    message_id = f"notify-{uuid.uuid4().hex[:10]}"
    body = {
        "message_id": message_id,
        "chat_time": "2025-05-10T21:55:00Z",
        "chat_name": "Ayşe Kaya",
        "phone_number": "+90532" + str(uuid.uuid4().int)[:7],
        "current_message": "ACİL!!! Fren tamamen boşaldı, yokuş aşağı duramadım",
        "history": [],
    }
    assert (await stack.post("/webhook", json=body)).status_code == 200
    assert (await stack.post(f"/messages/{message_id}/answer", json={"answered_by": "Nöbetçi"})).status_code == 200
    await asyncio.sleep(4)
    detail = (await stack.get(f"/messages/{message_id}")).json()
    assert detail["status"] == "answered" and detail["escalations"] == []
    assert not [m for m in smtp.mails if message_id in m.body]
