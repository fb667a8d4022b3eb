"""What the message workflow records once a message is analyzed and routed: one local activity, one
transaction (analysis, routing, and the message open with its deadline or closed)."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity

from activities.escalation import ResponsePolicy
from izer.db import outcomes
from izer.observability import log_stage
from workflows.contracts import OutcomeRecorded, RecordOutcomeInput

log = logging.getLogger("izer.pipeline")


class OutcomeActivities:
    def __init__(self, *, sessions: sessionmaker[Session], policy: ResponsePolicy, pages_management: bool) -> None:
        """``policy`` computes the deadline as `compute_deadline` does; ``pages_management``: whether any
        management target exists (the escalation targets' `has_management`)."""
        self._sessions = sessions
        self._policy = policy
        self._pages_management = pages_management

    @activity.defn
    def record_outcome(self, params: RecordOutcomeInput) -> OutcomeRecorded:
        deadline = None
        if params.deadline is not None:
            deadline = self._policy.deadline(params.deadline, pages_management=self._pages_management)
        status = "open" if deadline is not None else "closed" if params.close else None
        with self._sessions() as session:
            outcomes.record_outcome(
                session,
                params.message_id,
                params.analysis,
                params.routing,
                processed_at=params.processed_at,
                status=status,
                due_at=deadline.due_at if deadline is not None else None,
            )
        analysis, routing = params.analysis, params.routing
        analyzer = f"{analysis.analyzer} degraded" if analysis.degraded else analysis.analyzer
        outcome = "ok" if routing.success else "failed"
        workflow_id = activity.info().workflow_id or ""
        log_stage(
            log, "analyzed", params.message_id, workflow_id, f"{analyzer} {analysis.category}/{analysis.priority_level}"
        )
        log_stage(
            log,
            "routed",
            params.message_id,
            workflow_id,
            f"{routing.agent} {outcome}{' (fallback)' if routing.fallback else ''}",
        )
        if deadline is not None and params.deadline is not None:
            log_stage(
                log,
                "waiting",
                params.message_id,
                workflow_id,
                f"{params.deadline.response_time} answer due {deadline.due_at.isoformat()}",
            )
        return OutcomeRecorded(deadline=deadline)
