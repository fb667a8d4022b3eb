"""deliver_to_agent alone (ActivityEnvironment, httpx.MockTransport): what an agent answers decides
whether Temporal retries, gives up, or takes the reply."""

from __future__ import annotations

import httpx
import pytest
from temporalio.exceptions import ApplicationError
from temporalio.testing import ActivityEnvironment

from activities.agents import AgentActivities
from izer.errors import AGENT_REJECTED, AGENT_UNAVAILABLE
from tests.workflows.doubles import analysis, message
from workflows.contracts import AgentReply, AgentRoute, DeliverInput

ROUTE = AgentRoute(agent="code_debugger", url="http://debugger.test")


DELIVERY = DeliverInput(
    message=message("m-agents"), analysis=analysis(), route=ROUTE, idempotency_key="message-m/process"
)


async def run(transport: httpx.MockTransport) -> AgentReply:
    async with httpx.AsyncClient(transport=transport) as http:
        activities = AgentActivities(http=http)
        result: AgentReply = await ActivityEnvironment().run(activities.deliver_to_agent, DELIVERY)
        return result


async def test_a_reply_is_taken_with_the_idempotency_key_and_the_workflow_id_sent() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"suggested_reply": "Merhaba"})

    reply = await run(httpx.MockTransport(answer))
    assert reply.status_code == 200 and reply.body == {"suggested_reply": "Merhaba"}
    assert seen[0].url == "http://debugger.test/process"
    assert seen[0].headers["Idempotency-Key"] == "message-m/process"
    assert b'"message_id":"m-agents"' in seen[0].content


@pytest.mark.parametrize("status", [500, 502, 503, 408, 409, 425, 429])
async def test_a_server_error_or_busy_agent_is_retried(status: int) -> None:
    with pytest.raises(ApplicationError) as raised:
        await run(httpx.MockTransport(lambda _: httpx.Response(status)))
    assert raised.value.type == AGENT_UNAVAILABLE
    assert not raised.value.non_retryable


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_a_rejection_is_not_retried(status: int) -> None:
    with pytest.raises(ApplicationError) as raised:
        await run(httpx.MockTransport(lambda _: httpx.Response(status)))
    assert raised.value.type == AGENT_REJECTED
    assert raised.value.non_retryable


@pytest.mark.parametrize("error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_an_unreachable_or_slow_agent_is_retried(error: Exception) -> None:
    def fail(_: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(ApplicationError) as raised:
        await run(httpx.MockTransport(fail))
    assert raised.value.type == AGENT_UNAVAILABLE
    assert not raised.value.non_retryable


async def test_a_reply_that_is_not_json_is_kept_as_text() -> None:
    reply = await run(httpx.MockTransport(lambda _: httpx.Response(200, text="ok, on it")))
    assert reply.body == {"text": "ok, on it"}
