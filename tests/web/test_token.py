"""With API_TOKEN set the pages ask for the token once, keep it in localStorage, and send it as a header."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page
from temporalio.testing import WorkflowEnvironment

from tests.stack import Stack, running_stack
from tests.web.support import RENTAL, card, expect, post_message

pytestmark = pytest.mark.browser

TOKEN = "s3cret"
COUNT_TOKEN_PROMPTS = """
const showModal = HTMLDialogElement.prototype.showModal;
window.tokenPrompts = 0;
HTMLDialogElement.prototype.showModal = function () {
  if (this.id === "token-dialog") window.tokenPrompts += 1;
  return showModal.call(this);
};
"""


@pytest.fixture(scope="module")
async def guarded(
    browser: Browser, dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    path = Path(tmp_path_factory.mktemp("web-token")) / "izer.db"
    async with running_stack(dev_server_env.client, database_url=f"sqlite:///{path}", api_token=TOKEN) as running:
        yield running


async def test_the_queue_asks_for_the_token_once_then_shows_the_queue(page: Page, guarded: Stack) -> None:
    posted = await post_message(guarded, RENTAL, chat_name="Token Test")
    requests: list[tuple[str, str | None]] = []
    page.on("request", lambda r: requests.append((r.url, r.headers.get("authorization"))))
    await page.add_init_script(COUNT_TOKEN_PROMPTS)
    await page.goto(guarded.api)
    dialog = page.locator("#token-dialog")
    await expect(dialog).to_be_visible()
    await expect(page.locator(".card")).to_have_count(0)
    await expect(dialog.locator(".modal-error")).to_be_hidden()

    await dialog.locator('input[name="token"]').fill(TOKEN)
    await dialog.locator("button").click()
    await expect(card(page, posted["message_id"])).to_be_visible()
    await expect(dialog).to_be_hidden()
    assert await page.evaluate("window.tokenPrompts") == 1, "one prompt, however many calls were refused"
    assert await page.evaluate("localStorage.getItem('izer.apiToken')") == TOKEN
    assert any(url.startswith(f"{guarded.api}/messages") and auth == f"Bearer {TOKEN}" for url, auth in requests)
    assert not [url for url, _ in requests if TOKEN in url], "the token never goes into an address"

    await page.reload()
    await expect(card(page, posted["message_id"])).to_be_visible()
    assert await page.evaluate("window.tokenPrompts") == 0, "a remembered token is not asked again"
    await expect(page.locator("#forget-token")).to_be_visible()


async def test_a_refused_token_is_forgotten_and_asked_for_again(page: Page, guarded: Stack) -> None:
    await page.goto(f"{guarded.api}/static/favicon.svg")
    await page.evaluate("localStorage.setItem('izer.apiToken', 'wrong')")
    await page.goto(guarded.api)
    dialog = page.locator("#token-dialog")
    await expect(dialog.locator(".modal-error")).to_be_visible()
    await dialog.locator('input[name="token"]').fill(TOKEN)
    await dialog.locator("button").click()
    await expect(page.locator(".card").first).to_be_visible()
    assert await page.evaluate("localStorage.getItem('izer.apiToken')") == TOKEN


async def test_the_stats_page_loads_without_a_token_and_its_script_sends_it(page: Page, guarded: Stack) -> None:
    await page.goto(f"{guarded.api}/static/favicon.svg")
    await page.evaluate(f"localStorage.setItem('izer.apiToken', '{TOKEN}')")
    await page.goto(f"{guarded.api}/stats")
    await expect(page.locator("body")).to_have_attribute("data-loaded-hours", "24", timeout=3000)
