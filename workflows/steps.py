"""Steps shared by the message workflow and the replay workflow: analysis and routing with fallback.

Called from workflow code only: they schedule activities and hold no I/O of their own.
"""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError

with workflow.unsafe.imports_passed_through():
    from activities.agents import AgentActivities
    from activities.analysis import AnalysisActivities
    from activities.replies import ReplyActivities
    from izer.domain import Analysis, IncomingMessage, RoutingResult
    from izer.errors import AGENT_REJECTED, REPLY_NOT_POSSIBLE
    from workflows.contracts import (
        AgentReply,
        AgentRoute,
        AnalyzeInput,
        DeliverInput,
        PipelineConfig,
        ReplyOutcome,
        ReplyRequest,
        SendReplyInput,
    )
    from workflows.patches import LOCAL_DELIVERY
    from workflows.routing import choose_agent, hub_route

DB_RETRY = RetryPolicy(initial_interval=timedelta(milliseconds=200), maximum_interval=timedelta(seconds=30))
DB_TIMEOUT = timedelta(seconds=10)
LOCAL_TIMEOUT = timedelta(seconds=10)
LLM_RETRY_BUFFER = 2
HTTP_RETRY_INITIAL = timedelta(milliseconds=500)


REPLY_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=1),
    maximum_interval=timedelta(seconds=15),
    maximum_attempts=12,
    non_retryable_error_types=[REPLY_NOT_POSSIBLE],
)


async def send_reply(message_id: str, request: ReplyRequest) -> ReplyOutcome:
    """The send through the Cloud API, retried by Temporal while Meta is unreachable or an earlier attempt
    is unconfirmed; a refusal by Meta is an outcome, and so is giving up."""
    try:
        return await workflow.execute_activity_method(
            ReplyActivities.send_reply,
            SendReplyInput(message_id=message_id, request=request),
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=REPLY_RETRY,
            summary=f"{request.kind} reply by {request.sent_by}",
        )
    except ActivityError as err:
        cause = err.cause
        reason = str(getattr(cause, "message", None) or err)
        return ReplyOutcome(reply_key=request.reply_key, accepted=False, status="unsent", error=reason)


async def analyze(message: IncomingMessage, config: PipelineConfig) -> Analysis:
    """The rules as a local activity; the LLM as a regular one, which falls back to the rules itself once
    the LLM has failed `llm_max_attempts` times. Should that activity still fail (its database read kept
    failing, or the worker kept dying), the rules analyze the message here, marked degraded: a message is
    never left unanalyzed."""
    if config.use_llm:
        try:
            return await workflow.execute_activity_method(
                AnalysisActivities.analyze_message,
                AnalyzeInput(message=message, llm_max_attempts=config.llm_max_attempts),
                start_to_close_timeout=timedelta(seconds=90),
                retry_policy=RetryPolicy(
                    initial_interval=timedelta(seconds=1),
                    maximum_interval=timedelta(seconds=20),
                    maximum_attempts=config.llm_max_attempts + LLM_RETRY_BUFFER,
                ),
                summary="analyze with the LLM (rules as fallback)",
            )
        except ActivityError:
            workflow.logger.warning("LLM analysis failed for good: analyzing with the rules")
    return await workflow.execute_local_activity_method(
        AnalysisActivities.analyze_message,
        AnalyzeInput(message=message, rules_only=config.use_llm),
        start_to_close_timeout=LOCAL_TIMEOUT,
        retry_policy=DB_RETRY,
        summary="analyze with the rules" if not config.use_llm else "analyze with the rules (LLM failed)",
    )


async def route(
    message: IncomingMessage, analysis: Analysis, config: PipelineConfig, *, key: str, local_delivery: bool = False
) -> RoutingResult:
    """Deliver to the agent the routing table chooses; to the hub when that agent keeps failing.
    `local_delivery`: the caller knows the `local-delivery` branch applies (a later patch implies it)."""
    first = choose_agent(analysis, config.agents, hub=config.hub_agent)
    reply, error = await _deliver(message, analysis, first, key, config.agent_max_attempts, local=local_delivery)
    if reply is not None:
        return RoutingResult(
            success=True, agent=first.agent, response=reply.body, first_choice=first.agent, idempotency_key=key
        )
    if first.agent == config.hub_agent:
        return RoutingResult(
            success=False, agent=first.agent, first_choice=first.agent, error=error, idempotency_key=key
        )
    hub = hub_route(config.agents, hub=config.hub_agent, reason=f"{first.agent} failed: {error}")
    hub_reply, hub_error = await _deliver(message, analysis, hub, key, config.agent_max_attempts, local=local_delivery)
    if hub_reply is not None:
        return RoutingResult(
            success=True,
            agent=hub.agent,
            response=hub_reply.body,
            first_choice=first.agent,
            fallback=True,
            error=f"{first.agent}: {error}",
            idempotency_key=key,
        )
    return RoutingResult(
        success=False,
        agent=hub.agent,
        first_choice=first.agent,
        fallback=True,
        error=f"{first.agent}: {error}; {hub.agent}: {hub_error}",
        idempotency_key=key,
    )


async def _deliver(
    message: IncomingMessage, analysis: Analysis, target: AgentRoute, key: str, attempts: int, *, local: bool
) -> tuple[AgentReply | None, str | None]:
    """One agent, with Temporal's retries: its reply, or the error once it finally failed."""
    params = DeliverInput(message=message, analysis=analysis, route=target, idempotency_key=key)
    timeout = timedelta(seconds=30)
    retry = RetryPolicy(
        initial_interval=HTTP_RETRY_INITIAL,
        maximum_interval=timedelta(seconds=10),
        maximum_attempts=attempts,
        non_retryable_error_types=[AGENT_REJECTED],
    )
    summary = f"deliver to {target.agent}"
    try:
        if local or workflow.patched(LOCAL_DELIVERY):
            reply = await workflow.execute_local_activity_method(
                AgentActivities.deliver_to_agent,
                params,
                start_to_close_timeout=timeout,
                retry_policy=retry,
                summary=summary,
            )
        else:
            reply = await workflow.execute_activity_method(
                AgentActivities.deliver_to_agent,
                params,
                start_to_close_timeout=timeout,
                retry_policy=retry,
                summary=summary,
            )
    except ActivityError as err:
        cause = err.cause
        return None, str(getattr(cause, "message", None) or err)
    except ApplicationError as err:  # a local activity's failure arrives as the activity raised it
        return None, err.message
    return reply, None
