"""The analysis activity in a workflow: the LLM answers, or fails and the rules take over, marked degraded."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from openai import AsyncOpenAI
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from activities.analysis import AnalysisActivities
from izer.analysis.llm import OpenAIAnalyzer
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.floors import PriorityFloors
from izer.domain import AnswerSignal
from tests.fakes.openai_server import FakeOpenAI
from tests.workflows.doubles import Doubles, message, workflow_input
from workflows.contracts import DeliveryRequest
from workflows.message import MessageWorkflow

ATTEMPTS = 3


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(labels={"category": "technical", "priority_level": "high", "sentiment": "negative"}) as server:
        yield server


async def analyze_in_workflow(env: WorkflowEnvironment, fake: FakeOpenAI, tmp_path: Path, text: str):
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    client = AsyncOpenAI(api_key="sk-test-not-a-real-key", base_url=fake.base_url, max_retries=0, timeout=2)
    analysis = AnalysisActivities(
        floors=PriorityFloors(make_sessionmaker(engine)),
        llm=OpenAIAnalyzer(client=client, model="gpt-4o"),
        business_senders=["İzer"],
    )
    doubles = Doubles()
    others = [a for a in doubles.activities() if getattr(a, "__temporal_activity_definition").name != "analyze_message"]
    queue = f"q-{uuid.uuid4()}"
    async with Worker(
        env.client, task_queue=queue, workflows=[MessageWorkflow], activities=[*others, analysis.analyze_message]
    ):
        handle = await env.client.start_workflow(
            MessageWorkflow.run,
            workflow_input(message(f"llm-{uuid.uuid4()}", text), use_llm=True, llm_max_attempts=ATTEMPTS),
            id=f"wf-{uuid.uuid4()}",
            task_queue=queue,
        )
        result = await handle.execute_update(MessageWorkflow.processed, DeliveryRequest())
        await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
        await handle.result()
    await client.close()
    return result.analysis


async def test_the_llm_answer_is_used(time_skipping_env: WorkflowEnvironment, fake: FakeOpenAI, tmp_path: Path) -> None:
    analysis = await analyze_in_workflow(time_skipping_env, fake, tmp_path, "vites atıyor, zincir sesi geliyor")
    assert analysis.analyzer == "openai" and not analysis.degraded
    assert analysis.category == "technical" and analysis.model
    assert len(fake.requests) == 1, "one request per message"


async def test_a_failing_llm_falls_back_to_the_rules_marked_degraded(
    time_skipping_env: WorkflowEnvironment, fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.set_mode("500")
    analysis = await analyze_in_workflow(time_skipping_env, fake, tmp_path, "Şarj ederken bataryadan duman çıkıyor!")
    assert analysis.analyzer == "rules" and analysis.degraded
    assert analysis.priority_level == "critical", "the rules still find the smoking battery"
    assert len(fake.requests) == ATTEMPTS and analysis.attempts == ATTEMPTS


async def test_an_unusable_answer_falls_back_at_once(
    time_skipping_env: WorkflowEnvironment, fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.set_mode("malformed")
    analysis = await analyze_in_workflow(time_skipping_env, fake, tmp_path, "Kiralık bisiklet fiyatı nedir?")
    assert analysis.analyzer == "rules" and analysis.degraded
    assert len(fake.requests) == 1, "a malformed answer is not retried"
