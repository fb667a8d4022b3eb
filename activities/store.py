"""Database activities: synchronous, run in the worker's thread pool, idempotent by unique keys."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.db import outcomes, reports, store
from izer.domain import AnswerSignal, IncomingMessage, RecordResult
from izer.errors import MESSAGE_NOT_FOUND
from izer.observability import log_stage
from workflows.contracts import RecordAnalysisInput, RecordAnswerInput, RecordRoutingInput, SnapshotInput, StatusChange

log = logging.getLogger("izer.pipeline")


class StoreActivities:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        business_senders: Sequence[str],
        agent_reply_counts_as_answer: bool = False,
    ) -> None:
        self._sessions = sessions
        self._business_senders = tuple(business_senders)
        self._agent_reply_counts = agent_reply_counts_as_answer

    @activity.defn
    def record_message(self, message: IncomingMessage) -> RecordResult:
        """Store the message and its history; mark earlier messages its history shows answered."""
        with self._sessions() as session:
            result = store.record_message(
                session,
                message,
                workflow_id=activity.info().workflow_id or "",
                business_senders=self._business_senders,
                agent_reply_counts=self._agent_reply_counts,
            )
            if result.business_replied_at is not None:
                answer = AnswerSignal(answered_by=result.business_sender or "business", source="history")
                for message_id in result.answered_in_history:
                    outcomes.record_answer(session, message_id, answer, result.business_replied_at)
        info = activity.info()
        log_stage(log, "stored", message.message_id, info.workflow_id or "", f"new={result.inserted}")
        return result

    @activity.defn
    def load_message(self, message_id: str) -> IncomingMessage:
        with self._sessions() as session:
            message = store.load_message(session, message_id)
        if message is None:
            raise ApplicationError(f"no stored message {message_id!r}", type=MESSAGE_NOT_FOUND, non_retryable=True)
        return message

    @activity.defn
    def record_analysis(self, params: RecordAnalysisInput) -> None:
        with self._sessions() as session:
            outcomes.record_analysis(session, params.message_id, params.analysis, attempt=params.attempt)
        analysis = params.analysis
        analyzer = f"{analysis.analyzer} degraded" if analysis.degraded else analysis.analyzer
        labels = f"{analyzer} {analysis.category}/{analysis.priority_level}"
        log_stage(log, "analyzed", params.message_id, activity.info().workflow_id or "", labels)

    @activity.defn
    def record_routing(self, params: RecordRoutingInput) -> None:
        with self._sessions() as session:
            outcomes.record_routing(
                session, params.message_id, params.routing, attempt=params.attempt, processed_at=params.processed_at
            )
        routing = params.routing
        outcome = "ok" if routing.success else "failed"
        log_stage(
            log,
            "routed",
            params.message_id,
            activity.info().workflow_id or "",
            f"{routing.agent} {outcome}{' (fallback)' if routing.fallback else ''}",
        )

    @activity.defn
    def record_answer(self, params: RecordAnswerInput) -> None:
        with self._sessions() as session:
            outcomes.record_answer(session, params.message_id, params.answer, params.answered_at)
        log_stage(
            log,
            "answered",
            params.message_id,
            activity.info().workflow_id or "",
            f"by {params.answer.answered_by} ({params.answer.source})",
        )

    @activity.defn
    def record_stats_snapshot(self, params: SnapshotInput) -> bool:
        """Store the period that just ended; periods end on multiples of the interval, so a retry or an
        overlapping run writes nothing twice."""
        interval = timedelta(seconds=params.interval_seconds)
        now = store.utcnow()
        epoch = datetime(1970, 1, 1)
        period_end = epoch + ((now - epoch) // interval) * interval
        with self._sessions() as session:
            return reports.record_snapshot(session, period_end=period_end, interval=interval)

    @activity.defn
    def set_status(self, params: StatusChange) -> None:
        with self._sessions() as session:
            outcomes.set_status(session, params.message_id, params.status, escalation_level=params.escalation_level)
