"""Structured logs per stage, phone numbers masked, and one trace from the webhook through every activity."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from temporalio.testing import WorkflowEnvironment

from izer.observability import configure_logging, mask_phone
from izer.settings import Settings
from izer.temporal import connect
from tests.stack import Stack, running_stack, wait_for

EXPORTER = InMemorySpanExporter()


@pytest.fixture(scope="module")
def tracing() -> InMemorySpanExporter:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(EXPORTER))
    trace.set_tracer_provider(provider)
    return EXPORTER


@pytest.fixture
def json_log(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "webhook_system.log"
    configure_logging(level="INFO", fmt="json", log_file=str(path))
    yield path
    configure_logging(level="WARNING", fmt="text")


@pytest.fixture(scope="module")
async def traced_stack(
    dev_server_env: WorkflowEnvironment, tmp_path_factory: pytest.TempPathFactory, tracing: InMemorySpanExporter
) -> AsyncIterator[Stack]:
    address = dev_server_env.client.service_client.config.target_host
    settings = Settings(_env_file=None, temporal_address=address, otel_exporter_otlp_endpoint="http://127.0.0.1:9")  # type: ignore[call-arg]
    client = await connect(settings)
    path = Path(tmp_path_factory.mktemp("otel")) / "izer.db"
    async with running_stack(
        client, database_url=f"sqlite:///{path}", otel_exporter_otlp_endpoint="http://127.0.0.1:9"
    ) as running:
        yield running


async def test_one_trace_goes_from_the_webhook_through_every_activity(
    traced_stack: Stack, tracing: InMemorySpanExporter
) -> None:
    tracing.clear()
    body = {
        "message_id": f"otel-{uuid.uuid4()}",
        "chat_time": "2025-05-10T10:00:00Z",
        "chat_name": "Test",
        "phone_number": "+905551112233",
        "current_message": "Vites atlıyor, zincir sesi geliyor",
    }
    assert (await traced_stack.post("/webhook", json=body)).status_code == 200

    async def answered() -> list[Any]:  # the server span ends just after the answer is sent
        return [s for s in tracing.get_finished_spans() if s.name.startswith("POST /webhook")]

    request = await wait_for(answered, timeout=5)
    spans = tracing.get_finished_spans()
    trace_id = request[0].context.trace_id
    in_trace = {s.name for s in spans if s.context.trace_id == trace_id}
    for name in (
        "RunWorkflow:MessageWorkflow",
        "RunActivity:record_and_analyze",
        "RunActivity:deliver_to_agent",
        "RunActivity:record_outcome",
    ):
        assert any(n.startswith(name) for n in in_trace), (name, sorted(in_trace))


async def test_spans_carry_route_templates_never_phone_numbers_or_search_text(
    traced_stack: Stack, tracing: InMemorySpanExporter
) -> None:
    tracing.clear()
    await traced_stack.post("/chats/+905551239876/answer", json={})
    await traced_stack.get("/messages", params={"q": "gizliarama"})

    async def both() -> list[Any]:
        found = [s for s in tracing.get_finished_spans() if s.kind.name == "SERVER"]
        return found if len(found) >= 2 else []

    spans = await wait_for(both, timeout=5)
    dumped = " ".join(f"{s.name} {dict(s.attributes or {})}" for s in spans)
    assert "/chats/{phone_number}/answer" in dumped, dumped
    assert "905551239876" not in dumped and "gizliarama" not in dumped, dumped


async def test_each_stage_logs_one_json_line_with_the_ids_and_no_phone_number(
    traced_stack: Stack, json_log: Path
) -> None:
    phone = "+905329876543"
    message_id = f"log-{uuid.uuid4()}"
    body = {
        "message_id": message_id,
        "chat_time": "2025-05-10T10:00:00Z",
        "chat_name": "Test",
        "phone_number": phone,
        "current_message": f"Numaram {phone}, fren balatası fiyatı nedir?",
    }
    assert (await traced_stack.post("/webhook", json=body)).status_code == 200
    logging.getLogger().handlers[-1].flush()
    text = await asyncio.to_thread(json_log.read_text, encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    mine = [line for line in lines if line.get("message_id") == message_id]
    stages = [line["stage"] for line in mine]
    assert {"received", "stored", "analyzed", "routed"} <= set(stages), stages
    assert all(line["workflow_id"] == f"message-{message_id}" for line in mine)
    assert phone not in text


def test_phone_masking() -> None:
    assert mask_phone("+905551234567") == "+90555***4567"
    logger = logging.getLogger("izer.test")
    record = logger.makeRecord("izer.test", logging.INFO, __file__, 1, "call %s now", ("+90 555 123 45 67",), None)
    from izer.observability import _MaskingFilter

    _MaskingFilter().filter(record)
    assert "123 45 67" not in record.getMessage() and "***" in record.getMessage()
