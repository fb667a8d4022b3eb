"""analyze_message alone (ActivityEnvironment, the real OpenAI client on httpx.MockTransport): how many
LLM calls a message may cost is the input's `llm_max_attempts`, and the rules answer after that."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from openai import AsyncOpenAI
from sqlalchemy.orm import Session, sessionmaker
from temporalio.exceptions import ApplicationError
from temporalio.testing import ActivityEnvironment

from activities.analysis import AnalysisActivities
from izer.analysis.llm import OpenAIAnalyzer
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.floors import PriorityFloors
from izer.domain import Analysis
from izer.errors import LLM_UNAVAILABLE
from tests.workflows.doubles import message
from workflows.contracts import AnalyzeInput

TEXT = "Bisikletimin frenleri tutmuyor, yokuş aşağı inerken durduramadım!"


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


def activities(sessions: sessionmaker[Session], transport: httpx.MockTransport) -> AnalysisActivities:
    client = AsyncOpenAI(
        api_key="sk-test",
        base_url="http://llm.test/v1",
        max_retries=0,
        http_client=httpx.AsyncClient(transport=transport),
    )
    return AnalysisActivities(
        floors=PriorityFloors(sessions), llm=OpenAIAnalyzer(client=client, model="gpt-4o"), business_senders=["İzer"]
    )


async def analyze(analysis: AnalysisActivities, *, attempt: int, max_attempts: int) -> Analysis:
    env = ActivityEnvironment()
    env.info = dataclasses.replace(env.info, attempt=attempt)
    result: Analysis = await env.run(
        analysis.analyze_message, AnalyzeInput(message=message("m-llm", TEXT), llm_max_attempts=max_attempts)
    )
    return result


def server_error(_: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"error": {"message": "overloaded", "type": "server_error"}})


async def test_before_the_last_attempt_a_failing_llm_is_retried_by_temporal(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(ApplicationError) as raised:
        await analyze(activities(sessions, httpx.MockTransport(server_error)), attempt=1, max_attempts=2)
    assert raised.value.type == LLM_UNAVAILABLE and not raised.value.non_retryable


async def test_at_the_last_attempt_the_rules_answer_degraded(sessions: sessionmaker[Session]) -> None:
    result = await analyze(activities(sessions, httpx.MockTransport(server_error)), attempt=2, max_attempts=2)
    assert result.analyzer == "rules" and result.degraded and result.attempts == 2
    assert result.priority_level == "critical", "the rules still read the brake failure"


async def test_an_unusable_answer_goes_to_the_rules_at_once(sessions: sessionmaker[Session]) -> None:
    def refusal(_: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": {"message": "bad key", "type": "invalid_request_error"}})

    result = await analyze(activities(sessions, httpx.MockTransport(refusal)), attempt=1, max_attempts=3)
    assert result.analyzer == "rules" and result.degraded and result.attempts == 1
