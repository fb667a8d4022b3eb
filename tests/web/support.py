"""What the dashboard tests share: the browser's location and flags, messages to post, screenshots."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from playwright.async_api import Locator, Page, expect

from tests.conftest import REPO
from tests.stack import Stack

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
RENTAL = "Hafta sonu için 2 bisiklet kiralamak istiyorum, fiyat nedir?"
BATTERY = "Şarj ederken bataryadan duman çıkıyor!!"

# The page polls every 5 s and a message takes a moment to be analyzed: assertions wait up to 15 s.
expect.set_options(timeout=15_000)


def card(page: Page, message_id: str) -> Locator:
    return page.locator(f'.card[data-message-id="{message_id}"]')


async def post_message(
    stack: Stack, text: str, *, chat_name: str, message_id: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Deliver one bridge message and wait until it is analyzed and routed."""
    body = {
        "message_id": message_id or f"web-{uuid.uuid4().hex[:12]}",
        "chat_time": "2025-05-10T09:00:00Z",
        "chat_name": chat_name,
        "phone_number": "+905551234567",
        "current_message": text,
        "history": [],
        **extra,
    }
    response = await stack.post("/webhook", json=body)
    assert response.status_code == 200, response.text
    return {**response.json(), "message_id": body["message_id"]}


async def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    path = ARTIFACTS / name
    await page.screenshot(path=str(path), full_page=full_page)
    return path
