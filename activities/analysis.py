"""The analysis activity: the LLM when configured, the rules and the learned model otherwise or when the
LLM fails (the rules alone when the model file could not be loaded)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from temporalio import activity
from temporalio.exceptions import ApplicationError

from izer.analysis import rules
from izer.analysis.combined import CombinedAnalyzer
from izer.analysis.llm import LLMPermanentError, LLMRetryableError, OpenAIAnalyzer
from izer.analysis.policy import apply_business_rules
from izer.db.floors import FloorTables, PriorityFloors
from izer.domain import Analysis, IncomingMessage
from izer.errors import LLM_UNAVAILABLE
from izer.observability import ANALYSES, ANALYZER_LATENCY
from workflows.contracts import AnalyzeInput

log = logging.getLogger(__name__)


class AnalysisActivities:
    def __init__(
        self,
        *,
        floors: PriorityFloors,
        llm: OpenAIAnalyzer | None,
        business_senders: Sequence[str],
        combined: CombinedAnalyzer | None = None,
        model_unavailable: str | None = None,
    ) -> None:
        """``combined`` is the rules with the loaded model; ``model_unavailable`` says why the model was
        wanted but could not be loaded (then the rules analyze alone, marked degraded with that reason)."""
        self._floors = floors
        self._llm = llm
        self._combined = combined
        self._model_unavailable = model_unavailable
        self._business_senders = tuple(business_senders)

    @activity.defn
    async def analyze_message(self, params: AnalyzeInput) -> Analysis:
        """Analyze, then apply the business rules (important customers, critical groups, safety)."""
        message = params.message
        if params.rules_only or self._llm is None:
            llm_failed = params.rules_only and self._llm is not None
            return await asyncio.to_thread(self.analyze_with_rules, message, llm_failed=llm_failed)
        analysis = await self._labels(self._llm, message, params.llm_max_attempts)
        tables = self._floors.current()
        if tables is None:
            tables = await asyncio.to_thread(self._floors.read)
        return self._with_business_rules(analysis, message, tables)

    def analyze_with_rules(self, message: IncomingMessage, *, llm_failed: bool = False) -> Analysis:
        """The rules and the model, then the business rules. Blocking (CPU, and a read of the floor tables
        once per refresh period): run it in a thread, never on the worker's event loop."""
        tables = self._floors.current() or self._floors.read()
        return self._with_business_rules(self._local(message, llm_failed=llm_failed), message, tables)

    def _with_business_rules(self, analysis: Analysis, message: IncomingMessage, tables: FloorTables) -> Analysis:
        floor, reason = tables.floor(message)
        result = apply_business_rules(
            analysis,
            message,
            minimum_priority=floor,  # type: ignore[arg-type]
            minimum_reason=reason,
            business_senders=self._business_senders,
        )
        ANALYSES.labels(analyzer=result.analyzer, degraded=str(result.degraded).lower()).inc()
        return result

    async def _labels(self, llm: OpenAIAnalyzer, message: IncomingMessage, max_attempts: int) -> Analysis:
        """The LLM's labels; after `max_attempts` retryable failures, or at once on an unusable answer,
        the rules', degraded. Temporal retries the activity in between."""
        attempt = activity.info().attempt
        try:
            with ANALYZER_LATENCY.labels(analyzer="openai").time():
                analysis = await llm.analyze(message)
            if self._combined is not None:
                analysis = self._combined.second_opinion(analysis, message)
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
        fallback = await asyncio.to_thread(self._local, message, llm_failed=True)
        return fallback.model_copy(update={"attempts": attempt})

    def _local(self, message: IncomingMessage, *, llm_failed: bool = False) -> Analysis:
        """The rules and the model; the rules alone when the model is missing (degraded, reason said).
        Pure CPU: the activity runs it in a thread, so it never holds the worker's event loop."""
        if self._combined is not None:
            with ANALYZER_LATENCY.labels(analyzer="combined").time():
                analysis = self._combined.analyze(message)
        else:
            with ANALYZER_LATENCY.labels(analyzer="rules").time():
                analysis = rules.analyze(message, business_senders=self._business_senders)
        reason = "LLM unavailable" if llm_failed else self._model_unavailable
        if llm_failed and self._combined is None and self._model_unavailable:
            reason = f"LLM unavailable; {self._model_unavailable}"
        if reason is None:
            return analysis
        return analysis.model_copy(update={"degraded": True, "degraded_reason": reason})
