"""The statistics page in a real browser: its charts draw what GET /stats reports."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from tests.stack import Stack
from tests.web.support import BATTERY, RENTAL, expect, post_message, screenshot

pytestmark = pytest.mark.browser

CHARTS = [
    "chart-hourly",
    "chart-priority",
    "chart-within",
    "chart-answer-times",
    "chart-escalations",
    "chart-agents",
    "chart-analyzer",
]


async def test_the_stats_page_draws_its_charts_for_a_day_and_for_a_week(page: Page, stack: Stack) -> None:
    await post_message(stack, BATTERY, chat_name="Stats Battery")
    answered = await post_message(stack, RENTAL, chat_name="Stats Rental")
    response = await stack.post(f"/messages/{answered['message_id']}/answer", json={"answered_by": "Can"})
    assert response.status_code == 200, response.text

    async with page.expect_response(lambda r: "/stats?hours=24" in r.url) as first:
        await page.goto(f"{stack.api}/stats", wait_until="commit")
    assert (await first.value).headers["content-type"].startswith("application/json")
    await expect(page.locator("body")).to_have_attribute("data-loaded-hours", "24")
    drawn = await page.evaluate(
        """ids => ids.map(id => {
            const chart = Chart.getChart(document.getElementById(id));
            return chart ? chart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + (b || 0), 0) : null;
        })""",
        CHARTS,
    )
    assert None not in drawn, dict(zip(CHARTS, drawn, strict=True))
    totals = dict(zip(CHARTS, drawn, strict=True))
    assert totals["chart-hourly"] >= 2 and totals["chart-priority"] >= 2 and totals["chart-analyzer"] >= 2
    assert totals["chart-agents"] > 0, "the reference agents answer: their success rate is above zero"
    for canvas in await page.locator("canvas").all():
        box = await canvas.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 100
    await expect(page.locator("#kpi-total")).not_to_have_text("–")
    await expect(page.locator('.tabs a[href="/"]')).to_be_visible()
    await page.wait_for_timeout(500)
    await screenshot(page, "stats.png", full_page=True)

    async with page.expect_response(lambda r: "/stats?hours=168" in r.url):
        await page.check('input[name="hours"][value="168"]', force=True)
    await expect(page.locator("body")).to_have_attribute("data-loaded-hours", "168")
    labels = await page.evaluate("Chart.getChart(document.getElementById('chart-hourly')).data.labels.length")
    assert labels >= 168, "a week is drawn hour by hour"
