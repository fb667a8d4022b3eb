"""The dashboard in Debian's Chromium, driven by Playwright, against the real stack on loopback."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright
from temporalio.testing import WorkflowEnvironment

from tests.stack import Stack, running_stack
from tests.web.support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP


def require_chromium() -> None:
    """Skip without Debian's chromium, except on CI where the browser test must run."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the dashboard tests"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture(scope="package")
async def stack(
    browser: Browser, dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """The whole pipeline; a critical message's deadline is 4 s so that a breach shows within a test."""
    path = Path(tmp_path_factory.mktemp("web")) / "izer.db"
    async with running_stack(dev_server_env.client, database_url=f"sqlite:///{path}", sla_immediate="4s") as running:
        yield running


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A fresh browser profile (empty localStorage) at desktop size; uncaught script errors fail the test."""
    context = await browser.new_context(viewport=DESKTOP, locale="tr-TR", timezone_id="Europe/Istanbul")
    opened = await context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    await context.close()
    assert not errors, f"the page raised script errors: {errors}"
