"""Correcting a message on the dashboard: the correction is stored and shown, and a raised priority shortens
the running deadline through the workflow."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from playwright.async_api import Page

from tests.stack import Stack, wait_for
from tests.web.support import card, expect, post_message
from workflows.message import MessageWorkflow

pytestmark = pytest.mark.browser


async def test_a_person_corrects_the_labels_and_a_raised_priority_shortens_the_deadline(
    page: Page, stack: Stack
) -> None:
    posted = await post_message(stack, "Fren balatası değişimi için randevu alabilir miyim?", chat_name="Deniz Ak")
    assert posted["analysis"]["priority_level"] in ("normal", "low"), posted["analysis"]
    handle = stack.client.get_workflow_handle_for(MessageWorkflow.run, posted["workflow_id"])

    async def due() -> datetime | None:
        status = await handle.query(MessageWorkflow.status)
        return status.due_at if status and status.due_at else None

    first_due = await wait_for(due)
    await page.goto(f"{stack.api}/")
    item = card(page, posted["message_id"])
    await expect(item).to_be_visible()
    await item.locator(".history summary").click()
    form = item.locator("form.correction")
    await expect(form).to_be_visible()
    await form.locator('select[name="category"]').select_option("complaint")
    await form.locator('select[name="priority"]').select_option("critical")
    await form.locator('button[type="submit"]').click()
    dialog = page.locator("#name-dialog")
    await expect(dialog).to_be_visible()
    await dialog.locator('input[name="name"]').fill("Ayşe")
    await dialog.locator('button[value="save"]').click()
    await expect(page.locator("#toast")).to_contain_text("süre kısaltıldı")
    await expect(item.locator("ul.corrections")).to_contain_text("Ayşe")
    await expect(item.locator("ul.corrections")).to_contain_text("priority: ")

    detail: dict[str, Any] = (await stack.get(f"/messages/{posted['message_id']}")).json()
    correction = detail["corrections"][-1]
    assert correction["corrected_by"] == "Ayşe"
    assert correction["category"][1] == "complaint" and correction["priority"][1] == "critical"

    async def shorter() -> datetime | None:
        status = await handle.query(MessageWorkflow.status)
        return status.due_at if status and status.priority == "critical" and status.due_at < first_due else None

    assert await wait_for(shorter) < first_due
