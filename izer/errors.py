"""The documented errors: what a caller must fix at the HTTP edge, and the failure types that
activities raise and workflows branch on (never on message text)."""

from __future__ import annotations


class InputError(ValueError):
    """A request the caller must fix, or a dependency that keeps it from being served: `status` is the
    HTTP status to answer, `fields` names the offending fields. One handler in `izer.app` maps it."""

    def __init__(self, message: str, *, status: int = 400, fields: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.fields = fields or []


# ApplicationError types shared by activities (which raise them) and workflows (which branch on them).
AGENT_UNAVAILABLE = "AgentUnavailable"
AGENT_REJECTED = "AgentRejected"
LLM_UNAVAILABLE = "LLMUnavailable"
MESSAGE_NOT_FOUND = "MessageNotFound"
ESCALATION_UNDELIVERED = "EscalationUndelivered"
REPLY_NOT_POSSIBLE = "ReplyNotPossible"
"""Permanent: replies are not configured, or the message cannot be answered through the Cloud API."""
REPLY_UNCONFIRMED = "ReplyUnconfirmed"
"""Retryable: an earlier attempt may have reached Meta; wait for its status before sending again."""
GRAPH_UNAVAILABLE = "GraphUnavailable"
"""Retryable: the Graph API did not answer, or answered with a transient error."""
