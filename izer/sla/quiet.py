"""Quiet hours: the nightly period in which management is paged only for critical messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

_PERIOD = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class QuietHours:
    """`22:00-08:00` in a time zone; a period may cross midnight."""

    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, text: str | None, timezone: str) -> QuietHours | None:
        """None for an empty value; a ValueError naming the expected form otherwise."""
        if not text or not text.strip():
            return None
        match = _PERIOD.match(text)
        if not match:
            raise ValueError(f"MANAGEMENT_QUIET_HOURS={text!r}: use HH:MM-HH:MM, e.g. 22:00-08:00")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h1, m1) == (h2, m2):
            raise ValueError(f"MANAGEMENT_QUIET_HOURS={text!r}: not a period of the day")
        return cls(start=time(h1, m1), end=time(h2, m2), zone=ZoneInfo(timezone))

    def release(self, moment: datetime) -> datetime | None:
        """When the quiet period that `moment` falls in ends (UTC), or None when `moment` is not quiet."""
        local = moment.astimezone(self.zone)
        clock = local.time().replace(tzinfo=None)
        crosses_midnight = self.start > self.end
        if crosses_midnight:
            quiet = clock >= self.start or clock < self.end
        else:
            quiet = self.start <= clock < self.end
        if not quiet:
            return None
        day = local.date() + timedelta(days=1) if crosses_midnight and clock >= self.start else local.date()
        return datetime.combine(day, self.end, tzinfo=self.zone).astimezone(UTC)
