"""Priority floors read whole and kept for the refresh period: an edit applies within it, never later; a
zero period reads for every message; group names match as MySQL's collation compares them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from izer.db.floors import FloorTables, PriorityFloors
from izer.db.models import CriticalGroup, ImportantCustomer
from tests.db.dealer import sessions_with_a_dealer
from tests.workflows.doubles import message


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def demote(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        session.execute(update(ImportantCustomer).values(active=False))
        session.commit()


def test_an_edit_applies_once_the_refresh_period_has_passed(tmp_path: Path) -> None:
    sessions, clock = sessions_with_a_dealer(tmp_path), Clock()
    floors = PriorityFloors(sessions, refresh=timedelta(seconds=30), clock=clock)
    assert floors.current() is None, "nothing read yet"
    assert floors.read().floor(message()) == ("high", "important_customer:dealer")
    demote(sessions)
    clock.now += 29
    kept = floors.current()
    assert kept is not None and kept.floor(message()) == ("high", "important_customer:dealer")
    clock.now += 1
    assert floors.current() is None, "stale after the refresh period: the caller reads again"
    assert floors.read().floor(message()) == (None, None)


def test_a_zero_period_reads_for_every_message(tmp_path: Path) -> None:
    floors = PriorityFloors(sessions_with_a_dealer(tmp_path), refresh=timedelta(0), clock=Clock())
    floors.read()
    assert floors.current() is None


def test_group_names_match_without_case_or_trailing_spaces_and_group_chats_only(tmp_path: Path) -> None:
    sessions = sessions_with_a_dealer(tmp_path)
    with sessions() as session:
        session.execute(update(CriticalGroup).where(CriticalGroup.group_name == "Sales Team").values(active=False))
        session.commit()
        tables = FloorTables.read(session)
    assert tables.floor(
        message().model_copy(update={"chat_name": "vip customers ", "is_group": True, "phone_number": "+1"})
    ) == (
        "high",
        "critical_group",
    )
    assert tables.floor(message().model_copy(update={"chat_name": "VIP Customers", "phone_number": "+1"})) == (
        None,
        None,
    )
    assert tables.floor(
        message().model_copy(update={"chat_name": "Sales Team", "is_group": True, "phone_number": "+1"})
    ) == (
        None,
        None,
    ), "an inactive group gives no floor"
