"""Typed inputs and results of the workflow, its activities, signals, queries and updates.

The message, its labels and the answer are the domain's types (`izer.domain`); this module adds what
only the orchestration needs. Every field added later gets a default, so workflows already running
keep replaying.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from izer.domain import (
    AgentSpec,
    Analysis,
    AnswerSignal,
    Category,
    EscalationKind,
    IncomingMessage,
    MessageState,
    Priority,
    RecordResult,
    ResponseTime,
    RoutingResult,
)


class PipelineConfig(BaseModel):
    """Settings a workflow needs, fixed when it starts so a later change never alters a running one."""

    use_llm: bool = False
    agents: list[AgentSpec] = Field(default_factory=list)
    hub_agent: str = "agent_hub"
    agent_max_attempts: int = 3
    llm_max_attempts: int = 3
    escalation_levels: int = 3
    escalation_growth: float = 2.0
    warn_at: float = 0.8
    search_attributes: bool = True


class MessageWorkflowInput(BaseModel):
    message: IncomingMessage
    config: PipelineConfig = Field(default_factory=PipelineConfig)


class AnalyzeInput(BaseModel):
    message: IncomingMessage
    attempt: int = 1
    llm_max_attempts: int = Field(
        default=3, ge=1, description="LLM calls this message may cost before the rules answer (PipelineConfig's)"
    )
    rules_only: bool = Field(default=False, description="the LLM path failed: analyze with the rules, degraded")


class AgentRoute(BaseModel):
    """The agent the routing table chose and where to reach it."""

    agent: str
    url: str
    reason: str = ""


class DeliverInput(BaseModel):
    message: IncomingMessage
    analysis: Analysis
    route: AgentRoute
    idempotency_key: str


class AgentReply(BaseModel):
    """What an agent answered to POST /process."""

    status_code: int
    body: dict[str, Any] = Field(default_factory=dict)


class RecordRoutingInput(BaseModel):
    message_id: str
    routing: RoutingResult
    attempt: int = 1
    processed_at: datetime | None = Field(
        default=None, description="the webhook answer's processed_at, kept so a repeated delivery gets the same"
    )


class RecordAnalysisInput(BaseModel):
    message_id: str
    analysis: Analysis
    attempt: int = 1


class DeadlineInput(BaseModel):
    message_id: str
    received_at: datetime
    response_time: ResponseTime
    warn_at: float = 0.8
    levels: int = 3
    growth: float = 2.0
    priority: Priority | None = Field(default=None, description="critical pages management even in quiet hours")


class Deadline(BaseModel):
    """When the answer is due, and when to warn before it."""

    due_at: datetime
    warn_at: datetime | None = None
    business_hours: bool = False
    ladder: list[datetime] = Field(default_factory=list, description="when each escalation level fires")
    management_at: list[datetime | None] = Field(
        default_factory=list,
        description="per level: when management may be paged, when quiet hours hold the page (else None)",
    )


class Arrival(BaseModel):
    """A message stored and analyzed with the rules by one local activity (the `store-and-analyze` patch)."""

    record: RecordResult
    analysis: Analysis


class RecordOutcomeInput(BaseModel):
    """A routed message's analysis, routing and next state, written in one transaction (the `outcome-write`
    patch): with `deadline`, the deadline is computed and the message is open; with `close`, it is closed;
    with neither (an answer came first), only the two rows are written."""

    message_id: str
    analysis: Analysis
    routing: RoutingResult
    processed_at: datetime
    deadline: DeadlineInput | None = None
    close: bool = False


class OutcomeRecorded(BaseModel):
    deadline: Deadline | None = Field(default=None, description="the deadline computed, when one was asked for")


class EscalateInput(BaseModel):
    """One level's notices. Workflows started before the `escalate-by-id` patch pass the whole message and
    its analysis; newer ones pass the id only and the activity reads the rest from the database."""

    message: IncomingMessage | None = None
    analysis: Analysis | None = None
    message_id: str = ""
    level: int
    kind: EscalationKind = "breach"
    due_at: datetime
    late_by_seconds: float = 0
    workflow_id: str = ""
    include_management: bool = Field(default=True, description="false: quiet hours hold management's page")
    management_only: bool = Field(default=False, description="the held management page, released")

    @property
    def id(self) -> str:
        return self.message_id or (self.message.message_id if self.message else "")


class EscalationOutcome(BaseModel):
    level: int
    targets: list[str] = Field(default_factory=list)
    delivered: list[str] = Field(default_factory=list)
    skipped: str | None = Field(default=None, description="why nobody was paged (answered, suppressed)")


ReplyKind = Literal["text", "template"]


class ReplyRequest(BaseModel):
    """`send_reply`: a person's reply to the customer, sent through the WhatsApp Cloud API.
    `reply_key` is made by the caller and identifies this one send across every retry."""

    reply_key: str
    sent_by: str
    text: str = ""
    kind: ReplyKind = "text"


class SendReplyInput(BaseModel):
    message_id: str
    request: ReplyRequest


class ReplyOutcome(BaseModel):
    """What Meta answered: accepted with the reply's wamid, or refused with its error code and words."""

    reply_key: str
    accepted: bool
    status: str
    wamid: str | None = None
    error_code: int | None = None
    error: str | None = None
    answered: bool = False


class ReplyWorkflowInput(BaseModel):
    """A reply to a message whose own workflow has already finished (for example after its last escalation)."""

    message_id: str
    request: ReplyRequest


class RecordAnswerInput(BaseModel):
    message_id: str
    answer: AnswerSignal
    answered_at: datetime


class StatusChange(BaseModel):
    message_id: str
    status: MessageState
    escalation_level: int | None = None


class PriorityChange(BaseModel):
    """`raise_priority`: a person corrected the message to a more urgent priority."""

    priority: Priority
    changed_by: str = ""


class DeliveryRequest(BaseModel):
    """The update the webhook sends: one per HTTP delivery of the message."""

    delivery_id: str = ""


class MessageStatus(BaseModel):
    """The `status` query: where the message is now."""

    message_id: str
    state: MessageState = "received"
    priority: Priority | None = None
    category: Category | None = None
    urgency: int | None = None
    agent: str | None = None
    escalation_level: int = 0
    due_at: datetime | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
    deliveries: int = 0


class SnapshotInput(BaseModel):
    """The statistics snapshot job: one period of `interval_seconds`, ending at the scheduled time."""

    interval_seconds: float = 300


class ReplayInput(BaseModel):
    """Analyze and route a stored message again, recorded as attempt `attempt`."""

    message_id: str
    attempt: int
    config: PipelineConfig = Field(default_factory=PipelineConfig)


class ReplayResult(BaseModel):
    message_id: str
    attempt: int
    analysis: Analysis
    routing: RoutingResult
