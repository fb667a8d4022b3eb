"""Activities replaced by name, recording what the workflow asked of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.domain import AgentSpec, Analysis, IncomingMessage, RecordResult
from workflows.contracts import (
    AgentReply,
    AnalyzeInput,
    Arrival,
    Deadline,
    DeadlineInput,
    DeliverInput,
    EscalateInput,
    EscalationOutcome,
    MessageWorkflowInput,
    OutcomeRecorded,
    PipelineConfig,
    RecordAnalysisInput,
    RecordAnswerInput,
    RecordOutcomeInput,
    RecordRoutingInput,
    StatusChange,
)

SLA = timedelta(minutes=15)
LADDER = [SLA, SLA + timedelta(minutes=30), SLA + timedelta(minutes=90)]
AGENTS = [
    AgentSpec(name="code_debugger", url="http://debugger", categories=["technical"]),
    AgentSpec(name="business_workflow", url="http://business", categories=["sales", "support", "complaint"]),
    AgentSpec(name="general_purpose", url="http://general", categories=["inquiry", "general"]),
    AgentSpec(name="agent_hub", url="http://hub", categories=[]),
]


def analysis(**changes: object) -> Analysis:
    base = Analysis(
        urgency_score=9,
        category="technical",
        sentiment="urgent",
        keywords=["fren"],
        priority_level="critical",
        action_required=True,
        recommended_response_time="immediate",
    )
    return base.model_copy(update=changes)


def message(message_id: str = "m-1", text: str = "frenler tutmuyor", *, at: datetime | None = None) -> IncomingMessage:
    """A message received at `at`: pass the test server's time, which earlier tests may have moved on."""
    now = at or datetime.now(UTC)
    return IncomingMessage(
        message_id=message_id,
        chat_time=now,
        chat_name="Test",
        phone_number="+905551112233",
        current_message=text,
        received_at=now,
    )


def workflow_input(msg: IncomingMessage, **config: object) -> MessageWorkflowInput:
    settings = {"agents": AGENTS, "search_attributes": False, "agent_max_attempts": 2, **config}
    return MessageWorkflowInput(message=msg, config=PipelineConfig(**settings))  # type: ignore[arg-type]


def fixed_ladder(params: DeadlineInput) -> Deadline:
    """Due SLA after arrival, warned at `warn_at` of it, one level per LADDER step."""
    start = params.received_at
    return Deadline(
        due_at=start + SLA,
        warn_at=start + SLA * params.warn_at,
        ladder=[start + step for step in LADDER[: params.levels]],
    )


@dataclass
class Doubles:
    result: Analysis = field(default_factory=analysis)
    failing_agents: set[str] = field(default_factory=set)
    deadline: Callable[[DeadlineInput], Deadline] = fixed_ladder
    """How `compute_deadline` and `record_outcome` compute a deadline."""
    calls: list[tuple[str, object]] = field(default_factory=list)

    def named(self, name: str) -> list[object]:
        return [arg for called, arg in self.calls if called == name]

    def deadlines_asked(self) -> list[DeadlineInput]:
        """Every deadline the workflow asked for: with its outcome, or on its own (a raised priority, or a
        workflow started before the `outcome-write` patch)."""
        asked = [
            arg.deadline if isinstance(arg, RecordOutcomeInput) else arg
            for called, arg in self.calls
            if called in ("record_outcome", "compute_deadline")
        ]
        return [a for a in asked if isinstance(a, DeadlineInput)]

    def activities(self) -> list[object]:
        @activity.defn(name="record_message")
        async def record_message(msg: IncomingMessage) -> RecordResult:
            self.calls.append(("record_message", msg))
            return RecordResult(database_id=7, inserted=True)

        @activity.defn(name="record_and_analyze")
        async def record_and_analyze(msg: IncomingMessage) -> Arrival:
            self.calls.append(("record_and_analyze", msg))
            return Arrival(record=RecordResult(database_id=7, inserted=True), analysis=self.result)

        @activity.defn(name="analyze_message")
        async def analyze_message(params: AnalyzeInput) -> Analysis:
            self.calls.append(("analyze_message", params))
            return self.result

        @activity.defn(name="record_analysis")
        async def record_analysis(params: RecordAnalysisInput) -> None:
            self.calls.append(("record_analysis", params))

        @activity.defn(name="record_routing")
        async def record_routing(params: RecordRoutingInput) -> None:
            self.calls.append(("record_routing", params))

        @activity.defn(name="record_answer")
        async def record_answer(params: RecordAnswerInput) -> None:
            self.calls.append(("record_answer", params))

        @activity.defn(name="set_status")
        async def set_status(params: StatusChange) -> None:
            self.calls.append(("set_status", params))

        @activity.defn(name="deliver_to_agent")
        async def deliver_to_agent(params: DeliverInput) -> AgentReply:
            self.calls.append(("deliver_to_agent", params))
            if params.route.agent in self.failing_agents:
                raise ApplicationError(f"{params.route.agent} answered HTTP 503", type="AgentUnavailable")
            return AgentReply(status_code=200, body={"agent": params.route.agent, "status": "accepted"})

        @activity.defn(name="compute_deadline")
        async def compute_deadline(params: DeadlineInput) -> Deadline:
            self.calls.append(("compute_deadline", params))
            return self.deadline(params)

        @activity.defn(name="record_outcome")
        async def record_outcome(params: RecordOutcomeInput) -> OutcomeRecorded:
            self.calls.append(("record_outcome", params))
            return OutcomeRecorded(deadline=self.deadline(params.deadline) if params.deadline else None)

        @activity.defn(name="escalate")
        async def escalate(params: EscalateInput) -> EscalationOutcome:
            self.calls.append(("escalate", params))
            return EscalationOutcome(level=params.level, targets=["team"], delivered=["team"])

        return [
            record_message,
            record_and_analyze,
            analyze_message,
            record_analysis,
            record_routing,
            record_answer,
            set_status,
            deliver_to_agent,
            compute_deadline,
            record_outcome,
            escalate,
        ]
