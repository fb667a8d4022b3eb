"""The types every layer shares: the message, its labels, the routing and the answer.

Below the workflows, activities, database and analysis alike, so the domain never depends on the
orchestration. Every field added later gets a default, so workflows already running keep replaying.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["sales", "support", "complaint", "inquiry", "technical", "general"]
Sentiment = Literal["positive", "negative", "neutral", "urgent"]
Priority = Literal["critical", "high", "normal", "low"]
ResponseTime = Literal["immediate", "1hour", "4hours", "24hours"]
AnalyzerName = Literal["openai", "rules", "model", "combined"]
EscalationKind = Literal["warning", "breach"]
MessageState = Literal["received", "analyzed", "routed", "open", "answered", "escalated", "closed"]

PRIORITY_RESPONSE_TIME: dict[str, str] = {
    "critical": "immediate",
    "high": "1hour",
    "normal": "4hours",
    "low": "24hours",
}
PRIORITY_RANK: dict[str, int] = {"critical": 0, "high": 1, "normal": 2, "low": 3}
CATEGORIES: tuple[str, ...] = get_args(Category)
PRIORITIES: tuple[str, ...] = get_args(Priority)
SENTIMENTS: tuple[str, ...] = get_args(Sentiment)
RESPONSE_TIMES: tuple[str, ...] = get_args(ResponseTime)
WORKFLOW_ID_PREFIX = "message-"


def workflow_id_for(message_id: str) -> str:
    """The id of a message's workflow: one workflow per message."""
    return f"{WORKFLOW_ID_PREFIX}{message_id}"


def message_id_of(workflow_id: str) -> str:
    return workflow_id.removeprefix(WORKFLOW_ID_PREFIX)


def normalize_phone(raw: str) -> str:
    """One form for every path (bridge, Meta, the answer endpoints): separators dropped, international
    numbers as +E.164 (`905551234567`, `00905551234567` → `+905551234567`); a local number keeps its 0."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if raw.strip().startswith("+"):
        return f"+{digits}"
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if digits.startswith("0"):
        return digits
    return f"+{digits}"


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
    degraded_reason: str | None = None
    signals: list[str] = Field(default_factory=list)
    model: str | None = None
    model_version: str | None = Field(default=None, description="the learned model's version, when it took part")
    needs_review: bool = Field(default=False, description="the analyzers disagree or the model is unsure")
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


class RoutingResult(BaseModel):
    success: bool
    agent: str
    response: dict[str, Any] | None = None
    first_choice: str | None = None
    fallback: bool = False
    error: str | None = None
    idempotency_key: str = ""


class AnswerSignal(BaseModel):
    """`mark_answered`: someone (or something) answered the customer."""

    answered_by: str = "api"
    answered_at: datetime | None = None
    source: Literal["api", "dashboard", "history", "whatsapp_status", "chat", "agent", "reply"] = "api"


class RecordResult(BaseModel):
    """The stored message, and the chat's earlier open messages its history shows answered."""

    database_id: int
    inserted: bool
    answered_in_history: list[str] = Field(default_factory=list)
    business_sender: str | None = None
    business_replied_at: datetime | None = None
    received_at: datetime | None = None
    """When the message first arrived (a repeat or a run started again never moves it)."""


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
