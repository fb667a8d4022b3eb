"""Typed inputs and results of the workflow, its activities, signals, queries and updates.

Every field added later gets a default, so workflows already running keep replaying.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["sales", "support", "complaint", "inquiry", "technical", "general"]
Sentiment = Literal["positive", "negative", "neutral", "urgent"]
Priority = Literal["critical", "high", "normal", "low"]
ResponseTime = Literal["immediate", "1hour", "4hours", "24hours"]
AnalyzerName = Literal["openai", "rules"]
EscalationKind = Literal["warning", "breach"]
MessageState = Literal["received", "analyzed", "routed", "open", "answered", "escalated", "closed"]

PRIORITY_RESPONSE_TIME: dict[str, str] = {
    "critical": "immediate",
    "high": "1hour",
    "normal": "4hours",
    "low": "24hours",
}
PRIORITY_RANK: dict[str, int] = {"critical": 0, "high": 1, "normal": 2, "low": 3}


class HistoryEntry(BaseModel):
    """One earlier message of the chat, oldest first, as the bridge sends it."""

    sender: str = ""
    content: str = ""
    timestamp: datetime | None = None
    type: str = "text"


class IncomingMessage(BaseModel):
    """A customer's message as the workflow receives it, from the bridge or Meta's Cloud API."""

    message_id: str
    chat_time: datetime
    chat_name: str = ""
    phone_number: str
    current_message: str
    history: list[HistoryEntry] = Field(default_factory=list)
    received_at: datetime
    source: Literal["bridge", "whatsapp"] = "bridge"
    message_type: str = "text"
    is_group: bool = False
    reply_to: str | None = None
    media: dict[str, str] = Field(default_factory=dict)


class AnalysisLabels(BaseModel):
    """What an analyzer decides about a message: the labels of DESIGN.md."""

    model_config = ConfigDict(extra="forbid")

    urgency_score: int = Field(ge=1, le=10, description="1 (no time pressure) to 10 (emergency)")
    category: Category
    sentiment: Sentiment
    keywords: list[str] = Field(description="up to 8 words or short phrases from the message")
    priority_level: Priority
    action_required: bool = Field(description="false only when nothing needs doing: thanks, spam, closings")
    recommended_response_time: ResponseTime


class Analysis(AnalysisLabels):
    """Labels plus where they came from."""

    model_config = ConfigDict(extra="ignore")

    analyzer: AnalyzerName = "rules"
    degraded: bool = False
    signals: list[str] = Field(default_factory=list)
    model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float | None = None
    attempts: int = 1


class AgentSpec(BaseModel):
    """One agent the router may choose: where it listens and which categories and priorities it takes."""

    name: str
    url: str
    categories: list[str] = Field(default_factory=list)
    priorities: list[str] = Field(default_factory=lambda: ["critical", "high", "normal", "low"])


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
    rules_only: bool = Field(default=False, description="the LLM path failed: analyze with the rules, degraded")


class RecordResult(BaseModel):
    """The stored message, and the chat's earlier open messages its history shows answered."""

    database_id: int
    inserted: bool
    answered_in_history: list[str] = Field(default_factory=list)
    business_sender: str | None = None
    business_replied_at: datetime | None = None


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


class RoutingResult(BaseModel):
    success: bool
    agent: str
    response: dict[str, Any] | None = None
    first_choice: str | None = None
    fallback: bool = False
    error: str | None = None
    idempotency_key: str = ""


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


class Deadline(BaseModel):
    """When the answer is due, and when to warn before it."""

    due_at: datetime
    warn_at: datetime | None = None
    business_hours: bool = False
    ladder: list[datetime] = Field(default_factory=list, description="when each escalation level fires")


class EscalateInput(BaseModel):
    message: IncomingMessage
    analysis: Analysis
    level: int
    kind: EscalationKind = "breach"
    due_at: datetime
    late_by_seconds: float = 0
    workflow_id: str = ""


class EscalationOutcome(BaseModel):
    level: int
    targets: list[str] = Field(default_factory=list)
    delivered: list[str] = Field(default_factory=list)


class AnswerSignal(BaseModel):
    """`mark_answered`: someone (or something) answered the customer."""

    answered_by: str = "api"
    answered_at: datetime | None = None
    source: Literal["api", "dashboard", "history", "whatsapp_status", "chat", "agent"] = "api"


class RecordAnswerInput(BaseModel):
    message_id: str
    answer: AnswerSignal
    answered_at: datetime


class StatusChange(BaseModel):
    message_id: str
    status: MessageState
    escalation_level: int | None = None


class WebhookResult(BaseModel):
    """The original system's webhook response, plus the workflow id and whether it was a repeat."""

    success: bool = True
    message_id: str
    database_id: int
    analysis: Analysis
    routing: RoutingResult
    processed_at: datetime
    workflow_id: str
    duplicate: bool = False


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
