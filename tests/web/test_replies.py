"""Replying from the dashboard in a real browser, through a fake Graph API: the box is prefilled with the
agent's suggestion, the reply reaches the customer once and shows in the thread, the workflow ends answered
by the sender; the 24-hour rule and Meta's refusals are told in words."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page
from temporalio.testing import WorkflowEnvironment

from tests.integration.replies import TEMPLATE, Replies, accepted_for, customer_writes, replying_stack
from tests.stack import Stack
from tests.web.support import card, expect, screenshot
from workflows.message import MessageWorkflow

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def reply_stack(
    browser: Browser, dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Replies]:
    database = Path(tmp_path_factory.mktemp("web-replies")) / "izer.db"
    async with replying_stack(dev_server_env.client, database) as replies:
        yield replies


async def as_ayse(page: Page, stack: Stack) -> None:
    await page.add_init_script("localStorage.setItem('izer.answeredBy', 'Ayşe')")
    await page.goto(f"{stack.api}/?status=all")


async def test_a_reply_typed_on_the_dashboard_reaches_the_customer_and_answers_the_message(
    page: Page, reply_stack: Replies
) -> None:
    stack, graph = reply_stack.stack, reply_stack.graph
    wamid, customer = await customer_writes(stack)
    suggested = (await stack.get(f"/messages/{wamid}")).json()["routing"]["response"]["suggested_reply"]
    await as_ayse(page, stack)
    item = card(page, wamid)
    box = item.locator(".send-reply textarea")
    await expect(box).to_have_value(suggested)
    await box.fill("Merhaba Deniz Hanım, siparişiniz bugün kargoya verildi.")
    await item.locator(".send-reply .send").click()
    await expect(page.locator("#toast")).to_contain_text("Yanıt gönderildi")
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{wamid}").result(), timeout=20
    )
    assert status.state == "answered" and status.answered_by == "Ayşe"
    sent = accepted_for(graph, customer)
    assert [m["text"]["body"] for m in sent] == ["Merhaba Deniz Hanım, siparişiniz bugün kargoya verildi."]
    await item.locator(".history summary").click()
    reply = item.locator(".thread .reply-sent")
    await expect(reply).to_contain_text("Merhaba Deniz Hanım, siparişiniz bugün kargoya verildi.")
    await expect(reply.locator(".thread-head")).to_contain_text("Ayşe · İzer'den")
    await expect(item.locator(".countdown-label")).to_have_text("Ayşe yanıtladı")
    await expect(item.locator(".send-reply")).to_be_hidden()
    await screenshot(page, "reply-sent.png")


async def test_outside_the_24_hours_the_dashboard_says_so_and_offers_the_template(
    page: Page, reply_stack: Replies
) -> None:
    stack, graph = reply_stack.stack, reply_stack.graph
    wamid, customer = await customer_writes(stack, hours_ago=30)
    await as_ayse(page, stack)
    item = card(page, wamid)
    await expect(item.locator(".send-reply-note")).to_contain_text("24 saatten uzun süredir yazmadı")
    await expect(item.locator(".send-reply .send")).to_be_hidden()
    template = item.locator(".send-reply .send-template")
    await expect(template).to_have_text(f"Şablonu gönder ({TEMPLATE})")
    await template.click()
    await expect(page.locator("#toast")).to_contain_text("Yanıt gönderildi")
    assert [m["type"] for m in accepted_for(graph, customer)] == ["template"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (131047, "24 saatlik müşteri hizmetleri penceresi kapandı"),
        (131026, "Mesaj iletilemedi"),
        (190, "erişim anahtarının süresi dolmuş"),
    ],
)
async def test_metas_refusal_is_shown_in_words_and_the_message_stays_open(
    page: Page, reply_stack: Replies, code: int, words: str
) -> None:
    stack, graph = reply_stack.stack, reply_stack.graph
    wamid, customer = await customer_writes(stack)
    await as_ayse(page, stack)
    item = card(page, wamid)
    await expect(item.locator(".send-reply textarea")).to_be_visible()
    graph.script(code)
    await item.locator(".send-reply .send").click()
    await expect(item.locator(".send-reply-error")).to_contain_text(words)
    assert accepted_for(graph, customer) == []
    await item.locator(".history summary").click()
    await expect(item.locator(".thread .reply-rejected .failed")).to_contain_text(words)
    assert (await stack.get(f"/messages/{wamid}")).json()["status"] == "open"
    await expect(item.locator(".answer")).to_be_visible()
