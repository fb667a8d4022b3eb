"""The same pipeline on MariaDB through SQLAlchemy and pymysql (required when CI=true)."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import create_engine, func, select
from temporalio.testing import WorkflowEnvironment

from izer.db.models import AgentRouting, AnalyticsResult, MessageHistory, WebhookMessage
from tests.conftest import REPO
from tests.stack import Stack, running_stack
from workflows.message import MessageWorkflow

pytestmark = pytest.mark.mariadb
SAMPLE = json.loads((REPO / "test_message.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
async def stack(dev_server_env: WorkflowEnvironment) -> AsyncIterator[Stack]:
    from tests.conftest import MYSQL_TEST_URL, mariadb_engine

    engine = mariadb_engine()
    assert engine is not None
    name = f"izer_it_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    url = MYSQL_TEST_URL.rsplit("/", 1)[0] + f"/{name}?charset=utf8mb4"
    try:
        async with running_stack(dev_server_env.client, database_url=url) as running:
            yield running
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        engine.dispose()


def rows(stack: Stack, model: object, message_id: str) -> int:
    engine = create_engine(stack.settings.sqlalchemy_url)
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(model).where(model.message_id == message_id)  # type: ignore[attr-defined]
            return int(connection.scalar(query) or 0)
    finally:
        engine.dispose()


async def test_a_turkish_message_with_emoji_is_stored_analyzed_routed_and_answered(stack: Stack) -> None:
    body = copy.deepcopy(SAMPLE)
    body["message_id"] = f"maria-{uuid.uuid4()}"
    body["current_message"] = "Şarj ederken bataryadan duman çıkıyor 😱 ne yapmalıyım? İ ı ğ ü ş ö ç"
    response = await stack.post("/webhook", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["analysis"]["priority_level"] == "critical"
    stored = (await stack.get(f"/messages/{body['message_id']}")).json()
    assert stored["current_message"] == body["current_message"], "utf8mb4 keeps Turkish letters and emoji"
    assert [h["content"] for h in stored["history"]] == [h["content"] for h in body["history"]]
    for model in (WebhookMessage, AnalyticsResult, AgentRouting):
        assert rows(stack, model, body["message_id"]) == 1
    assert rows(stack, MessageHistory, body["message_id"]) == 2
    again = (await stack.post("/webhook", json=body)).json()
    assert again["duplicate"] is True and again["database_id"] == result["database_id"]
    await stack.post(f"/messages/{body['message_id']}/answer", json={"answered_by": "Ayşe"})
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, result["workflow_id"]).result(), timeout=20
    )
    assert status.state == "answered"
    assert (await stack.get(f"/messages/{body['message_id']}")).json()["status"] == "answered"


async def test_concurrent_deliveries_make_one_row_on_mariadb(stack: Stack) -> None:
    body = copy.deepcopy(SAMPLE)
    body["message_id"] = f"maria-dup-{uuid.uuid4()}"
    responses = await asyncio.gather(*(stack.post("/webhook", json=body) for _ in range(10)))
    assert {r.status_code for r in responses} == {200}
    assert sum(not r.json()["duplicate"] for r in responses) == 1
    assert rows(stack, WebhookMessage, body["message_id"]) == 1
    stats = (await stack.get("/stats")).json()
    assert stats["total_messages"] >= 2
