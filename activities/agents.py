"""Delivery to the agents over HTTP, with an idempotency key derived from the workflow id."""

from __future__ import annotations

import httpx
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.errors import AGENT_REJECTED, AGENT_UNAVAILABLE
from izer.observability import AGENT_CALLS
from workflows.contracts import AgentReply, DeliverInput

RETRYABLE_STATUS = {408, 409, 425, 429}  # 409: the agent is still working on this key


class AgentActivities:
    def __init__(self, *, http: httpx.AsyncClient) -> None:
        self._http = http

    @activity.defn
    async def deliver_to_agent(self, params: DeliverInput) -> AgentReply:
        """POST {url}/process; 5xx, 408, 429 and network errors are retried by Temporal, other 4xx not."""
        route = params.route
        body = {
            "message": params.message.model_dump(mode="json"),
            "analysis": params.analysis.model_dump(mode="json"),
            "workflow_id": activity.info().workflow_id,
        }
        try:
            response = await self._http.post(
                f"{route.url.rstrip('/')}/process",
                json=body,
                headers={"Idempotency-Key": params.idempotency_key},
            )
        except httpx.TimeoutException as err:
            AGENT_CALLS.labels(agent=route.agent, outcome="timeout").inc()
            raise ApplicationError(
                f"{route.agent} did not answer in time ({type(err).__name__})", type=AGENT_UNAVAILABLE
            ) from None
        except httpx.HTTPError as err:
            AGENT_CALLS.labels(agent=route.agent, outcome="unreachable").inc()
            raise ApplicationError(
                f"{route.agent} unreachable ({type(err).__name__})", type=AGENT_UNAVAILABLE
            ) from None
        status = response.status_code
        if status >= 500 or status in RETRYABLE_STATUS:
            AGENT_CALLS.labels(agent=route.agent, outcome="retryable_error").inc()
            raise ApplicationError(f"{route.agent} answered HTTP {status}", type=AGENT_UNAVAILABLE)
        if status >= 400:
            AGENT_CALLS.labels(agent=route.agent, outcome="rejected").inc()
            raise ApplicationError(
                f"{route.agent} rejected the message: HTTP {status}", type=AGENT_REJECTED, non_retryable=True
            )
        AGENT_CALLS.labels(agent=route.agent, outcome="ok").inc()
        try:
            payload = response.json()
        except ValueError:
            payload = {"text": response.text[:2000]}
        return AgentReply(status_code=status, body=payload if isinstance(payload, dict) else {"body": payload})
