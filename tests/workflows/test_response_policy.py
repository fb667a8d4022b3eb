"""Deadlines from the real calendar on the time-skipping server: weekends, holidays, split days,
a configuration change while a message waits, and an answer found in a later message's history."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from temporalio import activity
from temporalio.testing import WorkflowEnvironment
from temporalio.worker import Worker

from activities.escalation import EscalationActivities, EscalationTargets, ResponsePolicy
from activities.outcome import OutcomeActivities
from activities.store import StoreActivities
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import AnswerSignal, HistoryEntry, IncomingMessage
from izer.sla.calendar import BusinessCalendar, load_holidays
from tests.workflows.doubles import Doubles, analysis, message, workflow_input
from workflows.contracts import Arrival, EscalateInput
from workflows.message import MessageWorkflow

ISTANBUL = ZoneInfo("Europe/Istanbul")
EXECUTOR = ThreadPoolExecutor(max_workers=4)
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NORMAL = analysis(category="support", priority_level="normal", recommended_response_time="4hours", urgency_score=5)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


@dataclass
class Real:
    """The real activities that store the message and compute deadlines, on one SQLite file."""

    store: StoreActivities
    escalation: EscalationActivities
    outcome: OutcomeActivities

    def activities(self) -> list[object]:
        return [
            self.store.record_message,
            self.store.record_answer,
            self.escalation.compute_deadline,
            self.outcome.record_outcome,
        ]

    def change_policy(self, other: Real) -> None:
        """What a restarted worker with another configuration would compute from now on."""
        self.escalation._policy = other.escalation._policy
        self.outcome._policy = other.outcome._policy


def real_activities(tmp: Path, http: httpx.AsyncClient, *, hours: str, holidays: str, four_hours: timedelta) -> Real:
    engine = make_engine(f"sqlite:///{tmp}/izer.db")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    calendar = BusinessCalendar.from_settings(hours, "Europe/Istanbul", load_holidays(holidays))
    policy = ResponsePolicy(
        allowed={
            "immediate": timedelta(minutes=15),
            "1hour": timedelta(hours=1),
            "4hours": four_hours,
            "24hours": timedelta(hours=24),
        },
        wall_clock=frozenset({"immediate", "1hour"}),
        calendar=calendar,
    )
    targets = EscalationTargets(
        team_url=None,
        management_url=None,
        hub_url="http://hub",
        dashboard_url="http://d",
        temporal_ui_url="http://ui",
        namespace="default",
    )
    return Real(
        store=StoreActivities(sessions=sessions, business_senders=["İzer"]),
        escalation=EscalationActivities(sessions=sessions, http=http, policy=policy, targets=targets),
        outcome=OutcomeActivities(sessions=sessions, policy=policy, pages_management=targets.has_management),
    )


def worker(env: WorkflowEnvironment, doubles: Doubles, real: Real, queue: str) -> Worker:
    """The doubles for what talks to other services, the real activities for the rest."""

    @activity.defn(name="record_and_analyze")
    def record_and_analyze(message: IncomingMessage) -> Arrival:
        """The real store, the doubles' analysis."""
        return Arrival(record=real.store.record_message(message), analysis=doubles.result)

    ours = [*real.activities(), record_and_analyze]
    names = {getattr(a, "__temporal_activity_definition").name for a in ours}
    replaced = [a for a in doubles.activities() if getattr(a, "__temporal_activity_definition").name not in names]
    return Worker(
        env.client,
        task_queue=queue,
        workflows=[MessageWorkflow],
        activities=[*replaced, *ours],
        activity_executor=EXECUTOR,
    )


def istanbul(day: date, clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ISTANBUL)


async def breaches_at(env: WorkflowEnvironment, doubles: Doubles, real: Real, expected: datetime) -> None:
    """Start a normal (4hours) message now; no escalation a minute before `expected`, one a minute after."""
    queue = f"q-{uuid.uuid4()}"
    with env.auto_time_skipping_disabled():
        async with worker(env, doubles, real, queue):
            handle = await env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message(f"m-{uuid.uuid4()}", at=await env.get_current_time()), warn_at=0),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            status = None
            while status is None or status.due_at is None:
                await env.sleep(timedelta(seconds=1))
                status = await handle.query(MessageWorkflow.status)
            assert status.due_at == expected
            await env.sleep(expected - await env.get_current_time() - timedelta(minutes=1))
            assert [e for e in doubles.named("escalate")] == []
            await env.sleep(timedelta(minutes=2))
            state = await handle.query(MessageWorkflow.status)
            assert state is not None and state.state == "escalated" and state.escalation_level == 1
            breach = doubles.named("escalate")[0]
            assert isinstance(breach, EscalateInput) and breach.due_at == expected
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
            await handle.result()


async def test_a_closed_weekend_moves_the_deadline_to_the_next_opening(
    time_skipping_env: WorkflowEnvironment, tmp_path: Path, http: httpx.AsyncClient
) -> None:
    today = (await time_skipping_env.get_current_time()).astimezone(ISTANBUL).date()
    weekend = {today.weekday(), (today.weekday() + 1) % 7}
    hours = ",".join(DAYS[d] for d in range(7) if d not in weekend) + " 09:00-19:00"
    real = real_activities(tmp_path, http, hours=hours, holidays="none", four_hours=timedelta(hours=4))
    # Today and tomorrow are closed: the four hours run from 09:00 the day after tomorrow, due at 13:00.
    await breaches_at(time_skipping_env, Doubles(result=NORMAL), real, istanbul(today + timedelta(days=2), "13:00"))


async def test_holidays_are_skipped(
    time_skipping_env: WorkflowEnvironment, tmp_path: Path, http: httpx.AsyncClient
) -> None:
    today = (await time_skipping_env.get_current_time()).astimezone(ISTANBUL).date()
    holidays = f"{today.isoformat()},{(today + timedelta(days=1)).isoformat()}"
    real = real_activities(
        tmp_path, http, hours="Mon-Sun 09:00-19:00", holidays=holidays, four_hours=timedelta(hours=4)
    )
    await breaches_at(time_skipping_env, Doubles(result=NORMAL), real, istanbul(today + timedelta(days=2), "13:00"))


async def test_a_split_day_pauses_over_lunch(
    time_skipping_env: WorkflowEnvironment, tmp_path: Path, http: httpx.AsyncClient
) -> None:
    today = (await time_skipping_env.get_current_time()).astimezone(ISTANBUL).date()
    real = real_activities(
        tmp_path,
        http,
        hours="Mon-Sun 09:00-12:30,13:30-19:00",
        holidays=today.isoformat(),
        four_hours=timedelta(hours=4),
    )
    # Tomorrow: 09:00–12:30 gives 3.5 h, the last half hour runs from 13:30: due at 14:00.
    await breaches_at(time_skipping_env, Doubles(result=NORMAL), real, istanbul(today + timedelta(days=1), "14:00"))


async def test_a_configuration_change_leaves_deadlines_already_set(
    time_skipping_env: WorkflowEnvironment, tmp_path: Path, http: httpx.AsyncClient
) -> None:
    env = time_skipping_env
    today = (await env.get_current_time()).astimezone(ISTANBUL).date()
    closed = today.isoformat()
    before = real_activities(
        tmp_path, http, hours="Mon-Sun 09:00-19:00", holidays=closed, four_hours=timedelta(hours=4)
    )
    after = real_activities(tmp_path, http, hours="always", holidays="none", four_hours=timedelta(minutes=5))
    expected = istanbul(today + timedelta(days=1), "13:00")
    doubles, queue = Doubles(result=NORMAL), f"q-{uuid.uuid4()}"
    with env.auto_time_skipping_disabled():
        async with worker(env, doubles, before, queue):
            handle = await env.client.start_workflow(
                MessageWorkflow.run,
                workflow_input(message(f"m-{uuid.uuid4()}", at=await env.get_current_time()), warn_at=0),
                id=f"wf-{uuid.uuid4()}",
                task_queue=queue,
            )
            while (state := await handle.query(MessageWorkflow.status)) is None or state.due_at is None:
                await env.sleep(timedelta(seconds=1))
            # The configuration changes (what a restarted worker would read): 5-minute, 24/7 response times.
            before.change_policy(after)
            await env.sleep(timedelta(minutes=30))
            assert doubles.named("escalate") == [], "the new policy does not apply to a deadline already set"
            await env.sleep(expected - await env.get_current_time() + timedelta(minutes=1))
            assert [e.level for e in doubles.named("escalate")] == [1]  # type: ignore[attr-defined]
            await handle.signal(MessageWorkflow.mark_answered, AnswerSignal())
            await handle.result()


async def test_a_business_reply_in_a_later_history_answers_the_waiting_message(
    time_skipping_env: WorkflowEnvironment, tmp_path: Path, http: httpx.AsyncClient
) -> None:
    env = time_skipping_env
    real = real_activities(tmp_path, http, hours="always", holidays="none", four_hours=timedelta(hours=4))
    doubles = Doubles(result=NORMAL)
    queue = f"q-{uuid.uuid4()}"
    first = message(f"m-{uuid.uuid4()}", "Siparişim ne zaman gelir?", at=await env.get_current_time())
    async with worker(env, doubles, real, queue):
        with env.auto_time_skipping_disabled():
            waiting = await env.client.start_workflow(
                MessageWorkflow.run, workflow_input(first), id=f"message-{first.message_id}", task_queue=queue
            )
            while (state := await waiting.query(MessageWorkflow.status)) is None or state.state != "open":
                await env.sleep(timedelta(seconds=1))
            reply_at = await env.get_current_time()
            later = message(f"m-{uuid.uuid4()}", "tamam, teşekkürler", at=reply_at).model_copy(
                update={
                    "history": [
                        HistoryEntry(sender="Müşteri", content=first.current_message, timestamp=first.chat_time),
                        HistoryEntry(sender="İzer Destek", content="Yarın kargoda.", timestamp=reply_at),
                    ]
                }
            )
            await env.client.start_workflow(
                MessageWorkflow.run, workflow_input(later), id=f"message-{later.message_id}", task_queue=queue
            )
            status = await waiting.result()
    assert status.state == "answered" and status.answered_by == "İzer Destek"
    assert doubles.named("escalate") == []
