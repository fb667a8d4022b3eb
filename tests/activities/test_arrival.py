"""record_and_analyze alone (ActivityEnvironment) on SQLite: the message stored once with its history and
analyzed with the rules, an important customer's floor applied, as the two activities it replaces do."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from temporalio.testing import ActivityEnvironment

from activities.analysis import AnalysisActivities
from activities.arrival import ArrivalActivities
from activities.store import StoreActivities
from izer.db.floors import PriorityFloors
from izer.db.models import MessageHistory, WebhookMessage
from izer.domain import HistoryEntry
from tests.db.dealer import sessions_with_a_dealer
from tests.workflows.doubles import message


def test_a_message_is_stored_once_and_analyzed_with_its_floor(tmp_path: Path) -> None:
    sessions = sessions_with_a_dealer(tmp_path)
    analysis = AnalysisActivities(floors=PriorityFloors(sessions), llm=None, business_senders=["İzer"])
    arrival = ArrivalActivities(store=StoreActivities(sessions=sessions, business_senders=["İzer"]), analysis=analysis)
    msg = message("a-1", "fiyat listesi alabilir miyim?").model_copy(
        update={"history": [HistoryEntry(sender="Müşteri", content="merhaba")]}
    )

    first = ActivityEnvironment().run(arrival.record_and_analyze, msg)
    again = ActivityEnvironment().run(arrival.record_and_analyze, msg)

    assert first.record.inserted and not again.record.inserted
    assert first.record.database_id == again.record.database_id
    assert first.analysis.analyzer == "rules" and first.analysis.category == "inquiry"
    assert first.analysis.priority_level == "high", "a price question, raised to the dealer's floor"
    assert "important_customer:dealer" in first.analysis.signals
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(WebhookMessage)) == 1
        assert session.scalar(select(func.count()).select_from(MessageHistory)) == 1
