"""record_outcome alone (ActivityEnvironment) on SQLite and MariaDB: analysis, routing and the message's
next state in one write, the deadline from the response policy, and a retry that writes nothing twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from temporalio.testing import ActivityEnvironment

from activities.escalation import ResponsePolicy
from activities.outcome import OutcomeActivities
from izer.db import outcomes, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.models import AgentRouting, AnalyticsResult, WebhookMessage
from izer.domain import AnswerSignal, RoutingResult
from tests.workflows.doubles import analysis, message
from workflows.contracts import DeadlineInput, RecordOutcomeInput

RECEIVED = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
POLICY = ResponsePolicy(
    allowed={"immediate": timedelta(minutes=15), "1hour": timedelta(hours=1)},
    wall_clock=frozenset({"immediate", "1hour"}),
    calendar=None,
)
ROUTED = RoutingResult(success=True, agent="code_debugger", idempotency_key="message-o-1/process")


@pytest.fixture(params=["sqlite", "mariadb"])
def sessions(request: pytest.FixtureRequest, tmp_path) -> Iterator[sessionmaker[Session]]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'izer.db'}"
    if request.param == "mariadb":
        url = request.getfixturevalue("scratch_mysql_url")
    engine = make_engine(url)
    init_database(engine)
    yield make_sessionmaker(engine)
    engine.dispose()


def stored(sessions: sessionmaker[Session], message_id: str) -> None:
    msg = message(message_id, at=RECEIVED)
    with sessions() as session:
        store.record_message(session, msg, workflow_id=f"message-{message_id}", business_senders=["İzer"])


def outcome(message_id: str, *, waits: bool = False, close: bool = False) -> RecordOutcomeInput:
    deadline = DeadlineInput(message_id=message_id, received_at=RECEIVED, response_time="immediate", levels=2)
    return RecordOutcomeInput(
        message_id=message_id,
        analysis=analysis(),
        routing=ROUTED,
        processed_at=RECEIVED + timedelta(seconds=1),
        deadline=deadline if waits else None,
        close=close,
    )


def counts(session: Session, message_id: str) -> tuple[int, int]:
    analyses = session.scalar(select(func.count()).where(AnalyticsResult.message_id == message_id))
    routings = session.scalar(select(func.count()).where(AgentRouting.message_id == message_id))
    return int(analyses or 0), int(routings or 0)


def test_a_waiting_message_is_recorded_open_with_its_deadline_once(sessions: sessionmaker[Session]) -> None:
    activities = OutcomeActivities(sessions=sessions, policy=POLICY, pages_management=False)
    stored(sessions, "o-1")
    first = ActivityEnvironment().run(activities.record_outcome, outcome("o-1", waits=True))
    again = ActivityEnvironment().run(activities.record_outcome, outcome("o-1", waits=True))
    assert first.deadline is not None and first.deadline.due_at == RECEIVED + timedelta(minutes=15)
    assert first.deadline.ladder == [RECEIVED + timedelta(minutes=15), RECEIVED + timedelta(minutes=45)]
    assert again == first, "a retry after the commit computes the same deadline"
    with sessions() as session:
        row = session.scalar(select(WebhookMessage).where(WebhookMessage.message_id == "o-1"))
        assert row is not None and row.status == "open"
        assert row.due_at == datetime(2026, 5, 4, 9, 15)
        assert counts(session, "o-1") == (1, 1), "one analysis and one routing row after the retry"
        routing = session.scalar(select(AgentRouting).where(AgentRouting.message_id == "o-1"))
        assert routing is not None and routing.created_at == datetime(2026, 5, 4, 9, 0, 1)


def test_no_action_needed_closes_and_an_answer_stays(sessions: sessionmaker[Session]) -> None:
    activities = OutcomeActivities(sessions=sessions, policy=POLICY, pages_management=False)
    stored(sessions, "o-2")
    stored(sessions, "o-3")
    closed = ActivityEnvironment().run(activities.record_outcome, outcome("o-2", close=True))
    with sessions() as session:
        outcomes.record_answer(session, "o-3", AnswerSignal(answered_by="Ayşe"), RECEIVED + timedelta(minutes=1))
    answered = ActivityEnvironment().run(activities.record_outcome, outcome("o-3", waits=True))
    assert closed.deadline is None and answered.deadline is not None
    with sessions() as session:
        statuses = dict(
            session.execute(
                select(WebhookMessage.message_id, WebhookMessage.status).where(
                    WebhookMessage.message_id.in_(["o-2", "o-3"])
                )
            ).all()
        )
        assert statuses == {"o-2": "closed", "o-3": "answered"}
        assert counts(session, "o-3") == (1, 1)
