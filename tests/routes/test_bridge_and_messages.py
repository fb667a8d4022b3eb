"""The real API over HTTP, the real dev server, the worker, the reference agents and SQLite."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select
from temporalio.client import WorkflowExecutionStatus
from temporalio.testing import WorkflowEnvironment

from izer.analysis.model import FORMAT_VERSION
from izer.db.models import AgentRouting, AnalyticsResult, MessageHistory, WebhookMessage
from tests.conftest import REPO
from tests.stack import Stack, running_stack, wait_for
from workflows.message import MessageWorkflow

SAMPLE = json.loads((REPO / "test_message.json").read_text(encoding="utf-8"))


def bridge(text: str = "Merhaba, bisiklet fiyatlarınızı öğrenebilir miyim?", **changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(SAMPLE)
    body.update({"message_id": f"it-{uuid.uuid4()}", "current_message": text, "history": [], **changes})
    return body


@pytest.fixture(scope="module")
async def stack(dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    path = Path(tmp_path_factory.mktemp("db")) / "izer.db"
    async with running_stack(dev_server_env.client, database_url=f"sqlite:///{path}") as running:
        yield running


def count_rows(stack: Stack, model: Any, message_id: str | None = None) -> int:
    engine = create_engine(stack.settings.sqlalchemy_url)
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(model)
            if message_id is not None:
                query = query.where(model.message_id == message_id)
            return int(connection.scalar(query) or 0)
    finally:
        engine.dispose()


async def test_webhook_answers_the_original_shape_with_a_real_analysis_and_routing(stack: Stack) -> None:
    body = copy.deepcopy(SAMPLE)
    body["message_id"] = f"sample-{uuid.uuid4()}"
    response = await stack.post("/webhook", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert set(result) >= {
        "success",
        "message_id",
        "database_id",
        "analysis",
        "routing",
        "processed_at",
        "workflow_id",
        "duplicate",
    }
    assert result["success"] is True and result["duplicate"] is False
    assert result["workflow_id"] == f"message-{body['message_id']}"
    analysis = result["analysis"]
    assert analysis["analyzer"] == "combined" and analysis["degraded"] is False
    assert analysis["model_version"].startswith(f"v{FORMAT_VERSION}-") and "needs_review" in analysis
    assert analysis["category"] == "technical", "a battery that does not charge is a technical defect"
    assert analysis["action_required"] is True
    assert result["routing"]["success"] is True and result["routing"]["agent"] == "code_debugger"
    assert result["routing"]["response"]["suggested_reply"]

    stored = (await stack.get(f"/messages/{body['message_id']}")).json()
    assert stored["current_message"] == body["current_message"]
    assert [h["content"] for h in stored["history"]] == [h["content"] for h in body["history"]]
    assert stored["analysis"]["category"] == "technical" and stored["routing"]["agent"] == "code_debugger"
    assert stored["status"] == "open" and stored["due_at"]
    assert count_rows(stack, MessageHistory, body["message_id"]) == 2


async def test_a_repeated_delivery_answers_the_stored_result_and_runs_nothing_twice(stack: Stack) -> None:
    body = bridge("Sipariş ettiğim bisiklet ne zaman kargoya verilecek?")
    first = (await stack.post("/webhook", json=body)).json()
    second = (await stack.post("/webhook", json=body)).json()
    assert second["duplicate"] is True and first["duplicate"] is False
    assert second["database_id"] == first["database_id"]
    assert "analysis" not in second and "routing" not in second, "an unsigned repeat reads no stored data"
    assert count_rows(stack, WebhookMessage, body["message_id"]) == 1
    received = await stack.agent_requests(first["routing"]["agent"])
    mine = [r for r in received if r["message_id"] == body["message_id"]]
    assert len(mine) == 1 and mine[0]["count"] == 1


async def test_twenty_concurrent_deliveries_make_one_run_one_row_and_the_same_answer(stack: Stack) -> None:
    body = bridge("Kiralık bisiklet için yarın sabah müsaitlik var mı?")
    responses = await asyncio.gather(*(stack.post("/webhook", json=body) for _ in range(20)))
    assert {r.status_code for r in responses} == {200}
    results = [r.json() for r in responses]
    assert sum(not r["duplicate"] for r in results) == 1
    assert [r for r in results if "analysis" in r] == [r for r in results if not r["duplicate"]]
    assert len({r["database_id"] for r in results}) == 1
    for model in (WebhookMessage, AnalyticsResult, AgentRouting):
        assert count_rows(stack, model, body["message_id"]) == 1
    executions = [e async for e in stack.client.list_workflows(f"WorkflowId = '{results[0]['workflow_id']}'")]
    assert len(executions) == 1


async def test_marking_answered_completes_the_workflow(stack: Stack) -> None:
    body = bridge("Fren balatası değişimi için randevu alabilir miyim?")
    result = (await stack.post("/webhook", json=body)).json()
    answer = await stack.post(f"/messages/{body['message_id']}/answer", json={"answered_by": "Ayşe"})
    assert answer.status_code == 200, answer.text
    handle = stack.client.get_workflow_handle_for(MessageWorkflow.run, result["workflow_id"])
    status = await asyncio.wait_for(handle.result(), timeout=20)
    assert status.state == "answered" and status.answered_by == "Ayşe"
    assert (await handle.describe()).status == WorkflowExecutionStatus.COMPLETED
    stored = (await stack.get(f"/messages/{body['message_id']}")).json()
    assert stored["status"] == "answered" and stored["answered_by"] == "Ayşe"
    again = await stack.post(f"/messages/{body['message_id']}/answer", json={"answered_by": "Can"})
    assert again.status_code == 200
    assert (await stack.get(f"/messages/{body['message_id']}")).json()["answered_by"] == "Ayşe"


async def test_a_thank_you_needs_no_answer_and_closes(stack: Stack) -> None:
    body = bridge("tamam teşekkürler 👍")
    result = (await stack.post("/webhook", json=body)).json()
    assert result["analysis"]["action_required"] is False
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, result["workflow_id"]).result(), timeout=20
    )
    assert status.state == "closed"
    assert (await stack.get(f"/messages/{body['message_id']}")).json()["status"] == "closed"


async def test_answering_a_chat_answers_all_its_open_messages(stack: Stack) -> None:
    phone = "+90555" + str(uuid.uuid4().int)[:7]
    ids = []
    for text in ("Sipariş numaram 1234, kargo nerede?", "hala cevap yok"):
        body = bridge(text, phone_number=phone)
        ids.append(body["message_id"])
        assert (await stack.post("/webhook", json=body)).status_code == 200
    response = await stack.post(f"/chats/{phone}/answer", json={"answered_by": "Destek"})
    assert sorted(response.json()["answered"]) == sorted(ids)
    for message_id in ids:
        status = await asyncio.wait_for(
            stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{message_id}").result(),
            timeout=20,
        )
        assert status.state == "answered"


async def test_a_business_reply_in_the_history_answers_the_earlier_message(stack: Stack) -> None:
    phone = "+90532" + str(uuid.uuid4().int)[:7]
    first = bridge("Jant ölçüsü 29 olan dağ bisikletiniz var mı?", phone_number=phone, chat_time="2025-03-01T10:00:00Z")
    await stack.post("/webhook", json=first)
    second = bridge(
        "tamam teşekkürler",
        phone_number=phone,
        chat_time="2025-03-01T10:20:00Z",
        history=[
            {"sender": "Müşteri", "content": first["current_message"], "timestamp": "2025-03-01T10:00:00Z"},
            {"sender": "İzer", "content": "Evet, stokta var.", "timestamp": "2025-03-01T10:10:00Z"},
        ],
    )
    await stack.post("/webhook", json=second)
    status = await asyncio.wait_for(
        stack.client.get_workflow_handle_for(MessageWorkflow.run, f"message-{first['message_id']}").result(),
        timeout=20,
    )
    assert status.state == "answered" and status.answered_by == "İzer"
    stored = (await stack.get(f"/messages/{first['message_id']}")).json()
    assert stored["answer_source"] == "history"


BAD_INPUTS = [
    ("empty body", b"", 400, "empty"),
    ("not JSON", b"{nope", 400, "not valid JSON"),
    ("non-UTF-8 bytes", b'{"message_id": "\xff\xfe"}', 400, "UTF-8"),
    ("a JSON array", b"[1, 2]", 422, "JSON object"),
    ("deep nesting", b"[" * 100 + b"]" * 100, 400, "nested"),
]


@pytest.mark.parametrize(("name", "raw", "status", "says"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
async def test_malformed_bodies_get_a_clear_4xx(stack: Stack, name: str, raw: bytes, status: int, says: str) -> None:
    response = await stack.post("/webhook", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    assert says in response.json()["error"]


FIELD_ERRORS = [
    ("missing message_id", {"message_id": None}, "message_id"),
    ("missing current_message", {"current_message": None}, "current_message"),
    ("message_id a number", {"message_id": 42}, "message_id"),
    ("history not a list", {"history": "nope"}, "history"),
    ("history entry content a number", {"history": [{"sender": "a", "content": 5}]}, "history.0.content"),
    ("chat_time not a date", {"chat_time": "yesterday"}, "chat_time"),
    ("phone_number letters", {"phone_number": "call me"}, "phone_number"),
    ("text over 4096 characters", {"current_message": "a" * 5000}, "current_message"),
    ("10,000 history entries", {"history": [{"content": "b"}] * 10_000}, "history"),
]


@pytest.mark.parametrize(("name", "change", "field"), FIELD_ERRORS, ids=[f[0] for f in FIELD_ERRORS])
async def test_bad_fields_are_named_and_nothing_is_stored(
    stack: Stack, name: str, change: dict[str, Any], field: str
) -> None:
    body = bridge()
    for key, value in change.items():
        if value is None:
            del body[key]
        else:
            body[key] = value
    before = count_rows(stack, WebhookMessage)
    response = await stack.post("/webhook", json=body)
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]
    assert count_rows(stack, WebhookMessage) == before
    assert (await stack.get(f"/messages/{body.get('message_id', 'none')}")).status_code == 404


async def test_a_two_megabyte_body_is_refused_with_413(stack: Stack) -> None:
    body = bridge()
    body["padding"] = "x" * (2 * 1024 * 1024)
    before = count_rows(stack, WebhookMessage)
    response = await stack.post("/webhook", json=body)
    assert response.status_code == 413 and "bytes" in response.json()["error"]
    assert count_rows(stack, WebhookMessage) == before


async def test_health_and_stats(stack: Stack) -> None:
    health = await stack.get("/health")
    assert health.status_code == 200 and health.json()["database"] == "ok" and health.json()["temporal"] == "ok"
    await stack.post("/webhook", json=bridge("Bayilik şartlarınızı öğrenmek istiyoruz, teklif alabilir miyiz?"))
    stats = (await stack.get("/stats", params={"hours": 24})).json()
    assert stats["total_messages"] >= 1 and stats["by_category"] and stats["by_agent"]
    assert set(stats["sla_by_priority"]) == {"critical", "high", "normal", "low"}
    assert stats["by_analyzer"].get("combined", 0) >= 1
    assert "needs_review" in stats and stats["corrections"]["corrections"] >= 0


async def test_an_unknown_message_is_404(stack: Stack) -> None:
    assert (await stack.get("/messages/does-not-exist")).status_code == 404
    assert (await stack.post("/messages/does-not-exist/answer")).status_code == 404


async def test_the_stats_schedule_stores_snapshots_in_system_stats(stack: Stack) -> None:
    from izer.temporal import ensure_stats_schedule
    from workflows.stats import SCHEDULE_ID

    await ensure_stats_schedule(stack.client, stack.settings)
    await ensure_stats_schedule(stack.client, stack.settings)  # a restarted worker updates it
    handle = stack.client.get_schedule_handle(SCHEDULE_ID)
    try:
        description = await handle.describe()
        assert description.schedule.spec.intervals[0].every == stack.settings.stats_interval
        await handle.trigger()

        async def snapshots() -> list[dict[str, Any]]:
            return (await stack.get("/stats", params={"hours": 1})).json()["snapshots"]

        stored = await wait_for(snapshots, timeout=20)
        assert stored[-1]["total_messages"] >= 0 and stored[-1]["period_end"]
    finally:
        await handle.delete()


async def test_metrics_count_webhook_requests_and_expose_the_queue(stack: Stack) -> None:
    await stack.post("/webhook", json=bridge("Dağ bisikleti için kask önerir misiniz?"))
    await stack.post("/webhook", content=b"{nope", headers={"content-type": "application/json"})
    text = (await stack.get("/metrics")).text
    assert 'izer_webhook_requests_total{endpoint="/webhook",status="200"}' in text
    assert 'izer_webhook_requests_total{endpoint="/webhook",status="400"}' in text
    assert "izer_webhook_latency_seconds_bucket" in text and "izer_open_messages" in text
    assert "izer_open_messages{priority=" in text and "izer_open_breaches" in text
    assert "izer_agent_calls_total" in text and "izer_analyses_total" in text


async def test_replay_records_a_new_attempt_with_its_own_idempotency_key(stack: Stack) -> None:
    from izer.db import outcomes, store
    from izer.db.engine import make_engine, make_sessionmaker
    from izer.temporal import pipeline_config
    from workflows.contracts import ReplayInput
    from workflows.replay import ReplayWorkflow, replay_workflow_id

    body = bridge("Sipariş ettiğim bisiklet ne zaman kargoya verilecek?")
    first = (await stack.post("/webhook", json=body)).json()
    engine = make_engine(stack.settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        attempt = outcomes.next_attempt(session, body["message_id"])
        assert store.load_message(session, body["message_id"]).current_message == body["current_message"]
    engine.dispose()
    assert attempt == 2
    result = await stack.client.execute_workflow(
        ReplayWorkflow.run,
        ReplayInput(message_id=body["message_id"], attempt=attempt, config=pipeline_config(stack.settings)),
        id=replay_workflow_id(body["message_id"], attempt),
        task_queue=stack.settings.temporal_task_queue,
    )
    assert result.analysis.category == first["analysis"]["category"]
    assert result.routing.idempotency_key == f"message-{body['message_id']}/replay-2"
    assert count_rows(stack, AnalyticsResult, body["message_id"]) == 2
    assert count_rows(stack, AgentRouting, body["message_id"]) == 2
    received = [r for r in await stack.agent_requests(result.routing.agent) if r["message_id"] == body["message_id"]]
    assert len(received) == 2, "the replay reached the agent under its own key"
    stored = (await stack.get(f"/messages/{body['message_id']}")).json()
    assert stored["routing"]["idempotency_key"].endswith("/replay-2"), "the message shows the latest attempt"


async def test_export_writes_one_csv_row_per_message(stack: Stack, tmp_path: Path) -> None:
    import csv
    import os
    import subprocess
    import sys

    body = bridge("Kask ve eldiven fiyatlarınızı öğrenebilir miyim?")
    await stack.post("/webhook", json=body)
    await stack.post(f"/messages/{body['message_id']}/answer", json={"answered_by": "Ayşe"})
    await wait_for(lambda: _status_is(stack, body["message_id"], "answered"))
    output = tmp_path / "export.csv"
    env = {**os.environ, "DATABASE_URL": stack.settings.sqlalchemy_url}
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "izer.tools.cli", "export", "--since", "2000-01-01", "--output", str(output)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert len(rows) == count_rows(stack, WebhookMessage)
    answered = [r for r in rows if r["answered_at"]]
    assert answered and all(float(r["answer_seconds"]) >= 0 for r in answered)
    assert {"category", "priority_level", "agent", "answered_within_deadline"} <= set(rows[0])


async def _status_is(stack: Stack, message_id: str, status: str) -> bool:
    return bool((await stack.get(f"/messages/{message_id}")).json()["status"] == status)
