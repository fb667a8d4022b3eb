"""The worker's workflow runner (izer/sandbox.py) gives every payload the serialization context the SDK's
own sandbox gives it, and the recorded histories replay under it."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from temporalio.api.common.v1 import Payload
from temporalio.client import Client, WorkflowHistory
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.converter import PayloadCodec, SerializationContext, WithSerializationContext
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Replayer, Worker, WorkflowRunner
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from izer.domain import AnswerSignal
from izer.sandbox import PASSTHROUGH_MODULES, workflow_runner
from tests.workflows.doubles import Doubles, message, workflow_input
from workflows.contracts import DeliveryRequest
from workflows.message import MessageWorkflow

HISTORIES = sorted((Path(__file__).resolve().parent / "histories").glob("*.json"))


class ContextRecordingCodec(PayloadCodec, WithSerializationContext):
    """Changes nothing; notes the serialization context of every payload it is given."""

    def __init__(self, seen: list[SerializationContext | None], context: SerializationContext | None = None) -> None:
        self.seen = seen
        self.context = context

    def with_context(self, context: SerializationContext) -> ContextRecordingCodec:
        return ContextRecordingCodec(self.seen, context)

    async def encode(self, payloads: Sequence[Payload]) -> list[Payload]:
        self.seen.extend(self.context for _ in payloads)
        return list(payloads)

    async def decode(self, payloads: Sequence[Payload]) -> list[Payload]:
        self.seen.extend(self.context for _ in payloads)
        return list(payloads)


async def contexts_of_one_message(env: WorkflowEnvironment, runner: WorkflowRunner, label: str) -> Counter[str]:
    """Every payload's context while one message is routed, escalated once and answered (its workflow id
    and task queue as placeholders)."""
    seen: list[SerializationContext | None] = []
    converter = dataclasses.replace(pydantic_data_converter, payload_codec=ContextRecordingCodec(seen))
    client = Client(env.client.service_client, namespace=env.client.namespace, data_converter=converter)
    workflow_id, queue = f"{label}-{uuid.uuid4()}", f"q-{uuid.uuid4()}"
    doubles = Doubles()
    async with Worker(
        client, task_queue=queue, workflows=[MessageWorkflow], activities=doubles.activities(), workflow_runner=runner
    ):
        with env.auto_time_skipping_disabled():
            handle = await client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message(label, at=await env.get_current_time())),
                id=workflow_id,
                task_queue=queue,
            )
            await handle.execute_update(MessageWorkflow.processed, DeliveryRequest(delivery_id="1"))
            await env.sleep(timedelta(minutes=20))
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal(answered_by="Ayşe"))
            assert (await handle.result()).state == "answered"
    assert [e.kind for e in doubles.named("escalate")] == ["warning", "breach"]  # type: ignore[attr-defined]
    return Counter(repr(context).replace(workflow_id, "<id>").replace(queue, "<queue>") for context in seen)


async def test_payloads_get_the_contexts_the_sdk_sandbox_gives_them(time_skipping_env: WorkflowEnvironment) -> None:
    restrictions = SandboxRestrictions.default.with_passthrough_modules(*PASSTHROUGH_MODULES)
    sdk = SandboxedWorkflowRunner(restrictions=restrictions)
    expected = await contexts_of_one_message(time_skipping_env, sdk, "sdk")
    actual = await contexts_of_one_message(time_skipping_env, workflow_runner(), "worker")
    assert any("ActivitySerializationContext" in context for context in expected), "a regular activity was seen"
    assert actual == expected


@pytest.mark.parametrize("path", HISTORIES, ids=[p.stem for p in HISTORIES])
async def test_a_recorded_history_replays_under_the_worker_runner(path: Path) -> None:
    history = WorkflowHistory.from_json(path.stem, await asyncio.to_thread(path.read_text, encoding="utf-8"))
    replayer = Replayer(
        workflows=[MessageWorkflow], data_converter=pydantic_data_converter, workflow_runner=workflow_runner()
    )
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None
