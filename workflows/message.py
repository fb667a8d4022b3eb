"""MessageWorkflow: one customer message from arrival to answer (or the last escalation)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from temporalio import workflow
from temporalio.common import RetryPolicy, SearchAttributeKey, SearchAttributeUpdate
from temporalio.exceptions import ActivityError

with workflow.unsafe.imports_passed_through():
    from activities.arrival import ArrivalActivities
    from activities.escalation import EscalationActivities
    from activities.outcome import OutcomeActivities
    from activities.store import StoreActivities
    from izer.domain import (
        PRIORITY_RANK,
        PRIORITY_RESPONSE_TIME,
        Analysis,
        AnswerSignal,
        EscalationKind,
        IncomingMessage,
        MessageState,
        RecordResult,
        RoutingResult,
        WebhookResult,
        workflow_id_for,
    )
    from workflows import steps
    from workflows.contracts import (
        Deadline,
        DeadlineInput,
        DeliveryRequest,
        EscalateInput,
        MessageStatus,
        MessageWorkflowInput,
        PriorityChange,
        RecordAnalysisInput,
        RecordAnswerInput,
        RecordOutcomeInput,
        RecordRoutingInput,
        ReplyOutcome,
        ReplyRequest,
        StatusChange,
    )
    from workflows.patches import (
        ESCALATE_BY_ID,
        IMPLIED,
        OUTCOME_WRITE,
        PRIORITY_RAISE,
        QUIET_HOURS,
        STORE_AND_ANALYZE,
    )
    from workflows.steps import DB_RETRY, DB_TIMEOUT, HTTP_RETRY_INITIAL

PRIORITY = SearchAttributeKey.for_keyword("IzerPriority")
CATEGORY = SearchAttributeKey.for_keyword("IzerCategory")
STATUS = SearchAttributeKey.for_keyword("IzerStatus")
URGENCY = SearchAttributeKey.for_int("IzerUrgency")
SEARCH_ATTRIBUTES = (PRIORITY, CATEGORY, STATUS, URGENCY)
ESCALATION_RETRY = RetryPolicy(
    initial_interval=HTTP_RETRY_INITIAL, maximum_interval=timedelta(seconds=30), maximum_attempts=10
)


@workflow.defn
class MessageWorkflow:
    """Store → analyze → route → wait for an answer, escalating at each missed deadline.

    Everything from stored to routed runs as local activities (idempotent, retried by the worker and
    recorded as markers), in one workflow task: store and analyze (the rules), deliver to the agent, and
    record the outcome with the deadline. The LLM analysis and the escalations stay regular activities."""

    @workflow.init
    def __init__(self, params: MessageWorkflowInput) -> None:
        self._status = MessageStatus(message_id=params.message.message_id)
        self._result: WebhookResult | None = None
        self._answer: AnswerSignal | None = None
        self._deliveries = 0
        self._raised: PriorityChange | None = None
        self._search_attributes = params.config.search_attributes
        self._implied: frozenset[str] = frozenset()  # patches this run takes without asking (patches.py)

    @workflow.run
    async def run(self, params: MessageWorkflowInput) -> MessageStatus:
        message, config = params.message, params.config
        store_and_analyze = workflow.patched(STORE_AND_ANALYZE)
        if store_and_analyze:
            self._implied = IMPLIED[STORE_AND_ANALYZE] | {STORE_AND_ANALYZE}
        elif workflow.patched(OUTCOME_WRITE):
            self._implied = IMPLIED[OUTCOME_WRITE] | {OUTCOME_WRITE}
        if store_and_analyze and not config.use_llm:
            arrival = await workflow.execute_local_activity_method(
                ArrivalActivities.record_and_analyze,
                message,
                start_to_close_timeout=DB_TIMEOUT,
                retry_policy=DB_RETRY,
                summary="store the message and its chat history, analyze with the rules",
            )
            record, analysis = arrival.record, arrival.analysis
            await self._acknowledge_answered_in_history(record.answered_in_history, record.business_sender)
        else:
            record = await workflow.execute_local_activity_method(
                StoreActivities.record_message,
                message,
                start_to_close_timeout=DB_TIMEOUT,
                retry_policy=DB_RETRY,
                summary="store the message and its chat history",
            )
            await self._acknowledge_answered_in_history(record.answered_in_history, record.business_sender)
            analysis = await steps.analyze(message, config)
        received_at = record.received_at or message.received_at

        deadline: Deadline | None = None
        closed = False
        if OUTCOME_WRITE in self._implied:
            deadline, closed = await self._route_and_record_outcome(params, analysis, record, received_at)
        else:
            await self._route_and_record_apart(params, analysis, record)

        if self._answer is None and analysis.action_required:
            await self._wait_for_answer(params, analysis, received_at, first=deadline)
        if self._answer is not None:
            await self._record_answer(message.message_id)
        elif not analysis.action_required and not closed:
            await self._set_state(message.message_id, "closed")
        await workflow.wait_condition(workflow.all_handlers_finished)
        return self._status

    async def _route_and_record_outcome(
        self, params: MessageWorkflowInput, analysis: Analysis, record: RecordResult, received_at: datetime
    ) -> tuple[Deadline | None, bool]:
        """Route, then record analysis, routing and what comes next (the deadline, or the message closed)
        with one local activity; the deadline when the message waits, and whether it was closed."""
        message, config = params.message, params.config
        self._status = self._analyzed(analysis)
        key = f"{workflow.info().workflow_id}/process"
        routing = await steps.route(message, analysis, config, key=key, local_delivery=True)
        processed_at = workflow.now()
        waits = self._answer is None and analysis.action_required
        close = self._answer is None and not analysis.action_required
        recorded = await workflow.execute_local_activity_method(
            OutcomeActivities.record_outcome,
            RecordOutcomeInput(
                message_id=message.message_id,
                analysis=analysis,
                routing=routing,
                processed_at=processed_at,
                deadline=self._deadline_input(params, analysis, received_at) if waits else None,
                close=close,
            ),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"record {analysis.category}/{analysis.priority_level}, routed to {routing.agent}",
        )
        self._routed(record, analysis, routing, processed_at)
        if recorded.deadline is not None:
            self._status = self._status.model_copy(update={"state": "open", "due_at": recorded.deadline.due_at})
        elif close:
            self._status = self._status.model_copy(update={"state": "closed"})
        self._publish()
        return recorded.deadline, close

    async def _route_and_record_apart(
        self, params: MessageWorkflowInput, analysis: Analysis, record: RecordResult
    ) -> None:
        """Before the `outcome-write` patch: analysis and routing recorded by one local activity each."""
        message, config = params.message, params.config
        await workflow.execute_local_activity_method(
            StoreActivities.record_analysis,
            RecordAnalysisInput(message_id=message.message_id, analysis=analysis),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"record analysis: {analysis.category}, {analysis.priority_level}",
        )
        self._status = self._analyzed(analysis)
        self._publish()

        routing = await steps.route(message, analysis, config, key=f"{workflow.info().workflow_id}/process")
        processed_at = workflow.now()
        await workflow.execute_local_activity_method(
            StoreActivities.record_routing,
            RecordRoutingInput(message_id=message.message_id, routing=routing, processed_at=processed_at),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"record routing to {routing.agent}",
        )
        self._routed(record, analysis, routing, processed_at)

    def _patched(self, patch: str) -> bool:
        """Whether `patch`'s branch runs: without asking when the run's newest patch implies it
        (`workflows/patches.py`), else as `workflow.patched` says."""
        return patch in self._implied or workflow.patched(patch)

    def _analyzed(self, analysis: Analysis) -> MessageStatus:
        return self._status.model_copy(
            update={
                "state": "analyzed",
                "priority": analysis.priority_level,
                "category": analysis.category,
                "urgency": analysis.urgency_score,
            }
        )

    def _routed(self, record: RecordResult, analysis: Analysis, routing: RoutingResult, processed_at: datetime) -> None:
        """Routed: the webhook's `processed` update can answer."""
        self._status = self._status.model_copy(update={"state": "routed", "agent": routing.agent})
        self._result = WebhookResult(
            message_id=self._status.message_id,
            database_id=record.database_id,
            analysis=analysis,
            routing=routing,
            processed_at=processed_at,
            workflow_id=workflow.info().workflow_id,
        )

    async def _wait_for_answer(
        self, params: MessageWorkflowInput, analysis: Analysis, received_at: datetime, *, first: Deadline | None
    ) -> None:
        """Deadlines count from the first arrival the database holds, not from a repeat's; `first` is the
        deadline already computed with the outcome."""
        interruptible = self._patched(PRIORITY_RAISE)
        while True:
            deadline = first or await self._deadline(params, analysis, received_at)
            first = None
            await self._escalation_ladder(params, analysis, deadline, interruptible=interruptible)
            raised, self._raised = self._raised, None
            if not interruptible or raised is None or self._answer is not None:
                return
            analysis = analysis.model_copy(
                update={
                    "priority_level": raised.priority,
                    "recommended_response_time": PRIORITY_RESPONSE_TIME[raised.priority],
                }
            )
            self._status = self._status.model_copy(update={"priority": raised.priority})
            workflow.logger.info("priority raised to %s by %s", raised.priority, raised.changed_by or "?")

    @staticmethod
    def _deadline_input(params: MessageWorkflowInput, analysis: Analysis, received_at: datetime) -> DeadlineInput:
        config = params.config
        return DeadlineInput(
            message_id=params.message.message_id,
            received_at=received_at,
            response_time=analysis.recommended_response_time,
            warn_at=config.warn_at,
            levels=config.escalation_levels,
            growth=config.escalation_growth,
            priority=analysis.priority_level,
        )

    async def _deadline(self, params: MessageWorkflowInput, analysis: Analysis, received_at: datetime) -> Deadline:
        deadline: Deadline = await workflow.execute_local_activity_method(
            EscalationActivities.compute_deadline,
            self._deadline_input(params, analysis, received_at),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"deadline for a {analysis.recommended_response_time} answer",
        )
        self._status = self._status.model_copy(update={"state": "open", "due_at": deadline.due_at})
        self._publish()
        return deadline

    async def _escalation_ladder(
        self, params: MessageWorkflowInput, analysis: Analysis, deadline: Deadline, *, interruptible: bool
    ) -> None:
        """Warn, then escalate at each missed deadline, until answered (or, when ``interruptible``, until a
        person raises the priority); management's pages held by quiet hours go out when those end."""
        message = params.message
        if deadline.warn_at is not None and await self._answered_by(deadline.warn_at, interruptible) is False:
            if self._interrupted(interruptible):
                return
            await self._escalate(message, analysis, 0, "warning", deadline.due_at)
        held: list[asyncio.Task[None]] = []
        for level, due_at in enumerate(deadline.ladder, start=1):
            if await self._answered_by(due_at, interruptible) or self._interrupted(interruptible):
                break
            release = deadline.management_at[level - 1] if level <= len(deadline.management_at) else None
            hold = release is not None and release > due_at and self._patched(QUIET_HOURS)
            await self._escalate(message, analysis, level, "breach", due_at, include_management=not hold)
            if hold and release is not None:
                held.append(asyncio.create_task(self._release_held(message, analysis, level, due_at, release)))
            self._status = self._status.model_copy(update={"state": "escalated", "escalation_level": level})
            self._publish()
        if held:
            await asyncio.gather(*held)

    async def _release_held(
        self, message: IncomingMessage, analysis: Analysis, level: int, due_at: datetime, release: datetime
    ) -> None:
        """Management's page of `level`, held by quiet hours: sent when they end, unless answered by then."""
        if not await self._answered_by(release):
            await self._escalate(message, analysis, level, "breach", due_at, management_only=True)

    def _interrupted(self, interruptible: bool) -> bool:
        return interruptible and self._raised is not None

    async def _answered_by(self, moment: datetime, interruptible: bool = False) -> bool:
        """Wait until answered (or the priority raised, when ``interruptible``) or until `moment`; whether
        the answer came."""
        remaining = moment - workflow.now()
        if self._answer is None and not self._interrupted(interruptible) and remaining > timedelta(0):
            try:
                await workflow.wait_condition(
                    lambda: self._answer is not None or self._interrupted(interruptible), timeout=remaining
                )
            except TimeoutError:
                return False
        return self._answer is not None

    async def _escalate(
        self,
        message: IncomingMessage,
        analysis: Analysis,
        level: int,
        kind: EscalationKind,
        due_at: datetime,
        *,
        include_management: bool = True,
        management_only: bool = False,
    ) -> None:
        """Notify this level's targets; one that stays unreachable after the retries does not stop the ladder."""
        by_id = self._patched(ESCALATE_BY_ID)
        summary = f"breach level {level}" if kind == "breach" else "warning before the deadline"
        if management_only:
            summary = f"breach level {level}: management, after quiet hours"
        try:
            await workflow.execute_activity_method(
                EscalationActivities.escalate,
                EscalateInput(
                    message=None if by_id else message,
                    analysis=None if by_id else analysis,
                    message_id=message.message_id if by_id else "",
                    level=level,
                    kind=kind,
                    due_at=due_at,
                    late_by_seconds=max(0.0, (workflow.now() - due_at).total_seconds()),
                    workflow_id=workflow.info().workflow_id,
                    include_management=include_management,
                    management_only=management_only,
                ),
                start_to_close_timeout=timedelta(seconds=60),
                retry_policy=ESCALATION_RETRY,
                summary=summary,
            )
        except ActivityError:
            workflow.logger.warning("%s level %d could not be delivered to every target", kind, level)

    async def _record_answer(self, message_id: str) -> None:
        answer = self._answer
        assert answer is not None
        answered_at = answer.answered_at or workflow.now()
        await workflow.execute_local_activity_method(
            StoreActivities.record_answer,
            RecordAnswerInput(message_id=message_id, answer=answer, answered_at=answered_at),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"answered by {answer.answered_by} ({answer.source})",
        )
        self._status = self._status.model_copy(
            update={"state": "answered", "answered_by": answer.answered_by, "answered_at": answered_at}
        )
        self._publish()

    async def _set_state(self, message_id: str, state: MessageState) -> None:
        await workflow.execute_local_activity_method(
            StoreActivities.set_status,
            StatusChange(message_id=message_id, status=state),
            start_to_close_timeout=DB_TIMEOUT,
            retry_policy=DB_RETRY,
            summary=f"status {state}",
        )
        self._status = self._status.model_copy(update={"state": state})
        self._publish()

    async def _acknowledge_answered_in_history(self, message_ids: list[str], sender: str | None) -> None:
        """The chat's history shows the business replied: those earlier open messages are answered."""
        for message_id in message_ids:
            handle = workflow.get_external_workflow_handle(workflow_id_for(message_id))
            try:
                await handle.signal(
                    MessageWorkflow.mark_answered,
                    AnswerSignal(answered_by=sender or "business", source="history"),
                )
            except Exception:  # noqa: BLE001 - a finished workflow cannot be signalled; its row is updated
                workflow.logger.info("workflow of %s already finished", message_id)

    def _publish(self) -> None:
        status = self._status
        workflow.set_current_details(
            f"**{status.state}** · priority {status.priority or '?'} · {status.category or '?'} · "
            f"agent {status.agent or '-'} · level {status.escalation_level}"
            + (f" · due {status.due_at:%Y-%m-%d %H:%M:%S} UTC" if status.due_at else "")
        )
        if not self._search_attributes:
            return
        updates: list[SearchAttributeUpdate[Any]] = [STATUS.value_set(status.state)]
        if status.priority:
            updates.append(PRIORITY.value_set(status.priority))
        if status.category:
            updates.append(CATEGORY.value_set(status.category))
        if status.urgency is not None:
            updates.append(URGENCY.value_set(status.urgency))
        workflow.upsert_search_attributes(updates)

    @workflow.signal
    def mark_answered(self, answer: AnswerSignal) -> None:
        if self._answer is None:
            self._answer = answer.model_copy(update={"answered_at": answer.answered_at or workflow.now()})

    @workflow.signal
    def raise_priority(self, change: PriorityChange) -> None:
        """A person raised the priority: the deadline is recomputed, shorter. A lower or equal priority is
        ignored: a correction never lengthens a running deadline."""
        current = self._raised.priority if self._raised else self._status.priority
        if current is None or PRIORITY_RANK[change.priority] < PRIORITY_RANK[current]:
            self._raised = change

    @workflow.update
    async def send_reply(self, request: ReplyRequest) -> ReplyOutcome:
        """A person's reply, sent through the WhatsApp Cloud API; once Meta accepted it, the message is
        answered by that person. Meta's refusal comes back in words and the message stays open."""
        outcome = await steps.send_reply(self._status.message_id, request)
        if outcome.accepted and self._answer is None:
            self._answer = AnswerSignal(answered_by=request.sent_by, answered_at=workflow.now(), source="reply")
        return outcome.model_copy(update={"answered": outcome.accepted})

    @workflow.query
    def status(self) -> MessageStatus:
        return self._status.model_copy(update={"deliveries": self._deliveries})

    @workflow.update
    async def processed(self, request: DeliveryRequest) -> WebhookResult:
        """Answer a webhook delivery once the message is analyzed and routed."""
        self._deliveries += 1
        duplicate = self._deliveries > 1
        await workflow.wait_condition(lambda: self._result is not None)
        assert self._result is not None
        return self._result.model_copy(update={"duplicate": duplicate})
