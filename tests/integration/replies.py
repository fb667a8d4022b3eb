"""A running stack whose WhatsApp replies go to a fake Graph API, and a customer who writes to it:
shared by the reply tests at the HTTP level and in the browser."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from temporalio.client import Client

from izer.ingest.signature import sign
from tests.fakes.graph_api import FakeGraph
from tests.stack import Stack, running_stack, wait_for

SECRET = "reply-test-app-secret"
TOKEN = "graph-test-token"
PHONE_NUMBER_ID = "106540352242922"
TEMPLATE = "izer_takip"


@dataclass
class Replies:
    stack: Stack
    graph: FakeGraph


@asynccontextmanager
async def replying_stack(client: Client, database: Path, **overrides: Any) -> AsyncIterator[Replies]:
    """The stack on `database` with replies switched on, sending to a fake Graph API whose statuses come
    back to the stack's webhook, signed."""
    with FakeGraph(token=TOKEN, phone_number_id=PHONE_NUMBER_ID) as graph:
        async with running_stack(
            client,
            database_url=f"sqlite:///{database}",
            whatsapp_app_secret=SECRET,
            whatsapp_access_token=TOKEN,
            whatsapp_phone_number_id=PHONE_NUMBER_ID,
            graph_api_url=graph.url,
            whatsapp_reply_template=TEMPLATE,
            **overrides,
        ) as stack:
            graph.webhook = (f"{stack.api}/webhook/whatsapp", SECRET)
            yield Replies(stack=stack, graph=graph)


def notification(value: dict[str, Any]) -> bytes:
    body = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(body).encode()


async def post_signed(stack: Stack, body: bytes) -> dict[str, Any]:
    response = await stack.post(
        "/webhook/whatsapp",
        content=body,
        headers={"content-type": "application/json", "X-Hub-Signature-256": sign(body, SECRET)},
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def customer_writes(
    stack: Stack, *, hours_ago: float = 0, text: str = "Siparişim ne zaman kargoya verilir?"
) -> tuple[str, str]:
    """A customer's WhatsApp message, stored and waiting for an answer: (wamid, customer's wa_id)."""
    customer = "90541" + str(uuid.uuid4().int)[:7]
    wamid = f"wamid.in-{uuid.uuid4().hex}"
    sent = int(time.time() - hours_ago * 3600)
    await post_signed(
        stack,
        notification(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"profile": {"name": "Deniz Aydın"}, "wa_id": customer}],
                "messages": [
                    {"from": customer, "id": wamid, "timestamp": str(sent), "type": "text", "text": {"body": text}}
                ],
            }
        ),
    )

    async def open_() -> bool:
        response = await stack.get(f"/messages/{wamid}")
        return response.status_code == 200 and response.json().get("status") == "open"

    await wait_for(open_, timeout=30)
    return wamid, customer


def accepted_for(graph: FakeGraph, customer: str) -> list[dict[str, Any]]:
    return [m for m in graph.accepted if m["to"] == customer]
