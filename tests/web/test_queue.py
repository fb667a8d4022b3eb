"""The queue page in a real browser: what the team sees, how it refreshes, answering, filters, phones."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.async_api import Browser, Page

from tests.stack import Stack, wait_for
from tests.web.support import BATTERY, PHONE, RENTAL, card, expect, post_message, screenshot
from workflows.message import MessageWorkflow

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Pair:
    token: str
    rental: dict[str, Any]
    battery: dict[str, Any]


@pytest.fixture(scope="module")
async def pair(stack: Stack) -> Pair:
    """A rental question, then a smoking battery (with its chat's history), both ids holding `token`."""
    run = uuid.uuid4().hex[:8]
    rental = await post_message(stack, RENTAL, chat_name="Zeynep Kaya", message_id=f"web-{run}-rental")
    battery = await post_message(
        stack,
        BATTERY,
        chat_name="Mehmet Demir",
        message_id=f"web-{run}-battery",
        history=[
            {"sender": "Mehmet Demir", "content": "Geçen ay e-bisiklet aldım.", "timestamp": "2025-05-10T08:50:00Z"},
            {"sender": "İzer", "content": "Merhaba, nasıl yardımcı olabiliriz?", "timestamp": "2025-05-10T08:55:00Z"},
        ],
    )
    assert battery["analysis"]["priority_level"] == "critical", battery["analysis"]
    assert rental["analysis"]["priority_level"] != "critical", rental["analysis"]
    return Pair(token=run, rental=rental, battery=battery)


async def open_queue(page: Page, stack: Stack) -> None:
    await page.goto(f"{stack.api}/")
    await expect(page.locator(".card").first).to_be_visible()


async def test_the_queue_lists_open_messages_most_urgent_first_with_what_the_team_needs(
    page: Page, stack: Stack, pair: Pair
) -> None:
    await open_queue(page, stack)
    ids = await page.locator(".card").evaluate_all("cards => cards.map(c => c.dataset.messageId)")
    battery, rental = pair.battery["message_id"], pair.rental["message_id"]
    assert battery in ids and rental in ids
    assert ids.index(battery) < ids.index(rental), "the smoking battery is more urgent than a rental question"
    assert await page.locator(".card").first.get_attribute("data-priority") == "critical"

    item = card(page, battery)
    await expect(item.locator(".priority")).to_have_text("Kritik")
    await expect(item.locator(".category")).to_have_text("Teknik")
    await expect(item.locator(".phone")).to_have_text("+90555***4567")
    await expect(item.locator(".text")).to_have_text(BATTERY)
    await expect(item.locator(".urgency")).to_contain_text("/10")
    await expect(item.locator(".escalation")).to_contain_text("Yükseltme")
    await expect(item.locator(".reply-agent")).to_contain_text("Teknik servis")
    reply = pair.battery["routing"]["response"]["suggested_reply"]
    await expect(item.locator(".reply-text")).to_have_text(reply)
    workflow = pair.battery["workflow_id"]
    href = f"{stack.settings.temporal_ui_url}/namespaces/{stack.settings.temporal_namespace}/workflows/{workflow}"
    await expect(item.locator(".workflow-link")).to_have_attribute("href", href)
    assert "905551234567" not in await page.locator("body").inner_text(), "the full number is never shown"
    await expect(page.locator('.tabs a[href="/stats"]')).to_be_visible()


async def test_the_countdown_moves_every_second_and_turns_red_past_the_deadline(
    page: Page, stack: Stack, pair: Pair
) -> None:
    await open_queue(page, stack)
    battery = card(page, pair.battery["message_id"])
    rental = card(page, pair.rental["message_id"])
    await expect(battery.locator(".countdown")).to_have_attribute("data-state", "breached")
    await expect(battery).to_have_class(re.compile(r"\bis-breached\b"))
    first = await battery.locator(".countdown-value").inner_text()
    await asyncio.sleep(1.5)
    second = await battery.locator(".countdown-value").inner_text()
    assert re.fullmatch(r"\+\d\d:\d\d", first) and first != second, (first, second)
    color = await battery.locator(".countdown-value").evaluate("el => getComputedStyle(el).color")
    assert color == "rgb(217, 45, 32)", color
    await expect(rental.locator(".countdown")).to_have_attribute("data-state", "ok")
    assert re.fullmatch(r"\d+:\d\d:\d\d", await rental.locator(".countdown-value").inner_text())
    await expect(battery.locator(".escalation")).not_to_have_attribute("data-level", "0")
    await screenshot(page, "queue.png")


async def test_a_refresh_keeps_the_open_history_the_scroll_position_and_the_search(
    browser: Browser, stack: Stack, pair: Pair
) -> None:
    context = await browser.new_context(viewport={"width": 1000, "height": 500}, locale="tr-TR")
    page = await context.new_page()
    try:
        await open_queue(page, stack)
        await page.fill('input[name="q"]', pair.token)
        await expect(page.locator(".card")).to_have_count(2)
        battery = card(page, pair.battery["message_id"])
        await battery.locator(".history summary").click()
        thread = battery.locator(".thread li")
        await expect(thread).to_have_count(3)
        await expect(thread.first).to_contain_text("Geçen ay e-bisiklet aldım.")
        await expect(thread.nth(1)).to_have_class(re.compile("from-business"))
        await battery.evaluate("el => { el.keptAcrossRefreshes = true; }")
        await page.evaluate("window.scrollTo(0, 180)")
        scrolled = await page.evaluate("window.scrollY")
        assert scrolled > 0, "the page must be taller than the window for this test"
        seen = int(await page.evaluate("document.body.dataset.refreshes"))
        await refreshed_after(page, seen)
        assert await battery.evaluate("el => el.keptAcrossRefreshes === true"), "the card was updated in place"
        assert await battery.locator(".history").evaluate("el => el.open")
        await expect(thread).to_have_count(3)
        assert await page.input_value('input[name="q"]') == pair.token
        assert await page.evaluate("window.scrollY") == scrolled
        assert f"q={pair.token}" in page.url, "the filters are kept in the address for a reload"
    finally:
        await context.close()


async def test_the_priority_filter_shows_only_matching_cards(page: Page, stack: Stack, pair: Pair) -> None:
    await open_queue(page, stack)
    await page.select_option('select[name="priority"]', "critical")
    await expect(card(page, pair.rental["message_id"])).to_have_count(0)
    await expect(card(page, pair.battery["message_id"])).to_be_visible()
    priorities = await page.locator(".card").evaluate_all("cards => cards.map(c => c.dataset.priority)")
    assert priorities and set(priorities) == {"critical"}
    rental = pair.rental["analysis"]
    await page.select_option('select[name="priority"]', rental["priority_level"])
    await page.select_option('select[name="category"]', rental["category"])
    await expect(card(page, pair.rental["message_id"])).to_be_visible()
    await expect(card(page, pair.battery["message_id"])).to_have_count(0)
    shown = await page.locator(".card").evaluate_all(
        "cards => cards.map(c => [c.dataset.priority, c.dataset.category])"
    )
    assert {tuple(labels) for labels in shown} == {(rental["priority_level"], rental["category"])}
    await page.select_option('select[name="category"]', "technical" if rental["category"] != "technical" else "sales")
    await expect(card(page, pair.rental["message_id"])).to_have_count(0)
    assert "priority=" in page.url and "category=" in page.url


async def test_answering_removes_the_card_and_signals_the_workflow(page: Page, stack: Stack) -> None:
    first = await post_message(stack, "Fren balatası değişimi için randevu alabilir miyim?", chat_name="Ali Can")
    second = await post_message(stack, "Sipariş ettiğim bisiklet ne zaman kargoya verilecek?", chat_name="Ece Su")
    await open_queue(page, stack)
    await card(page, first["message_id"]).locator(".answer").click()
    dialog = page.locator("#name-dialog")
    await expect(dialog).to_be_visible()
    await dialog.locator('input[name="name"]').fill("Ayşe")
    await dialog.locator('button[value="save"]').click()
    await expect(card(page, first["message_id"])).to_have_count(0)
    await expect(page.locator("#toast")).to_contain_text("yanıtlandı")

    async def answered() -> dict[str, Any] | None:
        stored = (await stack.get(f"/messages/{first['message_id']}")).json()
        return stored if stored["status"] == "answered" else None

    stored = await wait_for(answered)
    assert stored["answered_by"] == "Ayşe" and stored["answer_source"] == "dashboard"
    handle = stack.client.get_workflow_handle_for(MessageWorkflow.run, first["workflow_id"])
    result = await asyncio.wait_for(handle.result(), timeout=20)
    assert result.state == "answered" and result.answered_by == "Ayşe"

    await card(page, second["message_id"]).locator(".answer").click()
    await expect(card(page, second["message_id"])).to_have_count(0)
    assert not await dialog.evaluate("el => el.open"), "the name is asked once, then remembered"
    await expect(page.locator("#who")).to_contain_text("Yanıtlayan: Ayşe")
    await refreshed_after(page, int(await page.evaluate("document.body.dataset.refreshes")))
    await expect(card(page, first["message_id"])).to_have_count(0)
    await page.check('input[name="status"][value="answered"]', force=True)
    await expect(card(page, first["message_id"]).locator(".countdown-label")).to_have_text("Ayşe yanıtladı")


async def test_the_interface_is_turkish_by_default_and_english_on_request(page: Page, stack: Stack, pair: Pair) -> None:
    await open_queue(page, stack)
    assert await page.get_attribute("html", "lang") == "tr"
    await expect(page.locator('.tabs a[href="/"]')).to_have_text("Kuyruk")
    await page.click('button[data-lang="en"]')
    await expect(page.locator('.tabs a[href="/"]')).to_have_text("Queue")
    battery = card(page, pair.battery["message_id"])
    await expect(battery.locator(".priority")).to_have_text("Critical")
    await expect(battery.locator(".answer")).to_have_text("✓ Mark answered")
    await page.reload()
    await expect(page.locator('.tabs a[href="/"]')).to_have_text("Queue")
    assert await page.get_attribute("html", "lang") == "en"


async def test_the_queue_fits_a_phone_screen(browser: Browser, stack: Stack, pair: Pair) -> None:
    context = await browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="tr-TR"
    )
    page = await context.new_page()
    try:
        await open_queue(page, stack)
        await expect(card(page, pair.battery["message_id"])).to_be_visible()
        assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        box = await card(page, pair.battery["message_id"]).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        answer = await page.locator(".card .answer").first.bounding_box()
        assert answer is not None and answer["height"] >= 44, "the answer button is big enough for a thumb"
        await screenshot(page, "queue-phone.png")
    finally:
        await context.close()


async def refreshed_after(page: Page, seen: int, timeout: float = 8.0) -> None:
    """Wait for the queue's next refresh. Polled from here: the page's Content-Security-Policy forbids the
    string evaluation that `wait_for_function` needs."""
    deadline = asyncio.get_running_loop().time() + timeout
    while int(await page.evaluate("document.body.dataset.refreshes")) <= seen:
        assert asyncio.get_running_loop().time() < deadline, f"no refresh after {seen} within {timeout} s"
        await asyncio.sleep(0.1)
