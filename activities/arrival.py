"""A message's arrival in one local activity: stored with its history, then analyzed locally (the rules and
the model)."""

from __future__ import annotations

from temporalio import activity

from activities.analysis import AnalysisActivities
from activities.store import StoreActivities
from izer.domain import IncomingMessage
from workflows.contracts import Arrival


class ArrivalActivities:
    """What `record_message` and the local `analyze_message` do, in one activity (one thread hop and one
    workflow activation less per message); workflows that analyze with the LLM call them apart."""

    def __init__(self, *, store: StoreActivities, analysis: AnalysisActivities) -> None:
        self._store = store
        self._analysis = analysis

    @activity.defn
    def record_and_analyze(self, message: IncomingMessage) -> Arrival:
        record = self._store.record_message(message)
        return Arrival(record=record, analysis=self._analysis.analyze_with_rules(message))
