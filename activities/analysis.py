"""The analysis activity: the LLM when configured, the rule analyzer otherwise or when the LLM fails."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker
from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.analysis import rules
from izer.analysis.llm import LLMPermanentError, LLMRetryableError, OpenAIAnalyzer
from izer.analysis.policy import apply_business_rules
from izer.db import store
from izer.domain import Analysis, IncomingMessage
from izer.errors import LLM_UNAVAILABLE
from izer.observability import ANALYSES, ANALYZER_LATENCY
from workflows.contracts import AnalyzeInput

log = logging.getLogger(__name__)


class AnalysisActivities:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        llm: OpenAIAnalyzer | None,
        business_senders: Sequence[str],
    ) -> None:
        self._sessions = sessions
        self._llm = llm
        self._business_senders = tuple(business_senders)

    @activity.defn
    async def analyze_message(self, params: AnalyzeInput) -> Analysis:
        """Analyze, then apply the business rules (important customers, critical groups, safety)."""
        message = params.message
        floor, reason = await asyncio.to_thread(self._priority_floor, message)
        if params.rules_only:
            fallback = await self._rules(message)
            analysis = fallback.model_copy(update={"degraded": self._llm is not None})
        else:
            analysis = await self._labels(message, params.llm_max_attempts)
        result = apply_business_rules(
            analysis,
            message,
            minimum_priority=floor,  # type: ignore[arg-type]
            minimum_reason=reason,
            business_senders=self._business_senders,
        )
        ANALYSES.labels(analyzer=result.analyzer, degraded=str(result.degraded).lower()).inc()
        return result

    async def _labels(self, message: IncomingMessage, max_attempts: int) -> Analysis:
        """The LLM's labels; after `max_attempts` retryable failures, or at once on an unusable answer,
        the rules', degraded. Temporal retries the activity in between."""
        if self._llm is None:
            with ANALYZER_LATENCY.labels(analyzer="rules").time():
                return await self._rules(message)
        attempt = activity.info().attempt
        try:
            with ANALYZER_LATENCY.labels(analyzer="openai").time():
                analysis = await self._llm.analyze(message)
            return analysis.model_copy(update={"attempts": attempt})
        except LLMRetryableError as err:
            if attempt < max_attempts:
                raise ApplicationError(
                    f"LLM unavailable ({err.reason}), attempt {attempt} of {max_attempts}",
                    type=LLM_UNAVAILABLE,
                ) from None
            log.warning("LLM failed %d times (%s): analyzing with the rules", attempt, err.reason)
        except LLMPermanentError as err:
            log.warning("LLM answer unusable (%s): analyzing with the rules", err.reason)
        fallback = await self._rules(message)
        return fallback.model_copy(update={"degraded": True, "attempts": attempt})

    async def _rules(self, message: IncomingMessage) -> Analysis:
        """The rule analyzer in a thread: pure CPU, it never holds the worker's event loop (and with it
        every other workflow and activity of this worker)."""
        return await asyncio.to_thread(rules.analyze, message, business_senders=self._business_senders)

    def _priority_floor(self, message: IncomingMessage) -> tuple[str | None, str | None]:
        with self._sessions() as session:
            return store.priority_floor(session, message)
