"""Priority floors: the lowest priority an important customer or a critical group gets. The two tables are
small and edited by hand, so the analysis reads them whole, at most once per refresh period, instead of
querying them for every message."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from izer.db.models import CriticalGroup, ImportantCustomer
from izer.domain import PRIORITY_RANK, IncomingMessage


def group_key(name: str) -> str:
    """Group names match without regard to case or trailing spaces, as MySQL's utf8mb4 collation compares."""
    return name.rstrip().casefold()


@dataclass(frozen=True)
class FloorTables:
    """The active rows of `important_customers` (by phone number) and `critical_groups` (by name)."""

    customers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """phone number → (min_priority, tier)"""
    groups: dict[str, str] = field(default_factory=dict)
    """group_key(group_name) → min_priority"""

    @classmethod
    def read(cls, session: Session) -> FloorTables:
        customers = session.execute(
            select(ImportantCustomer.phone_number, ImportantCustomer.min_priority, ImportantCustomer.tier).where(
                ImportantCustomer.active.is_(True)
            )
        )
        groups = session.execute(
            select(CriticalGroup.group_name, CriticalGroup.min_priority).where(CriticalGroup.active.is_(True))
        )
        return cls(
            customers={phone: (priority, tier) for phone, priority, tier in customers},
            groups={group_key(name): priority for name, priority in groups},
        )

    def floor(self, message: IncomingMessage) -> tuple[str | None, str | None]:
        """The floor and why: an important customer by phone number only (never by a name the customer
        chose), a critical group for group chats only (a 1:1 chat named "VIP Customers" is not one)."""
        floors: list[tuple[str, str]] = []
        customer = self.customers.get(message.phone_number)
        if customer is not None:
            floors.append((customer[0], f"important_customer:{customer[1]}"))
        if message.is_group and message.chat_name:
            group = self.groups.get(group_key(message.chat_name))
            if group is not None:
                floors.append((group, "critical_group"))
        known = [f for f in floors if f[0] in PRIORITY_RANK]
        if not known:
            return None, None
        return min(known, key=lambda f: PRIORITY_RANK[f[0]])


class PriorityFloors:
    """The floor tables as read at most `refresh` ago. Every worker reads them on the same period, so after
    an edit the workers agree again within `refresh`; a zero `refresh` reads them for every message."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        refresh: timedelta = timedelta(seconds=30),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._refresh = refresh.total_seconds()
        self._clock = clock
        self._tables: FloorTables | None = None
        self._read_at = 0.0

    def current(self) -> FloorTables | None:
        """The tables if read within the refresh period, else None (then `read` them, off the event loop)."""
        if self._tables is None or self._clock() - self._read_at >= self._refresh:
            return None
        return self._tables

    def read(self) -> FloorTables:
        """Read both tables from the database now, and keep them for the refresh period."""
        read_at = self._clock()
        with self._sessions() as session:
            tables = FloorTables.read(session)
        self._tables, self._read_at = tables, read_at
        return tables
