"""Business hours, public holidays and the response deadlines they give.

A `BusinessCalendar` knows when İzer answers customers: a weekly schedule (`BUSINESS_HOURS`) read in
one time zone (`BUSINESS_TIMEZONE`), minus public holidays (`BUSINESS_HOLIDAYS`). Its arithmetic walks
open intervals, never minutes, and measures them in UTC, so a day that gains or loses an hour to
daylight saving time counts the hours that really pass. Wall-clock times that a DST change skips or
repeats are read as Python reads them (`fold=0`): a skipped time with the offset before the change,
a repeated one as its first occurrence.

Everything here is pure: no clock, no I/O except `load_holidays` reading the file it is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SHIPPED_HOLIDAYS = Path(__file__).with_name("holidays_tr.json")

Period = tuple[int, int]
"""An opening period in minutes after local midnight: [start, end), end at most 24:00 (1440)."""

_HOURS_EXAMPLE = "for example 'Mon-Fri 09:00-12:30,13:30-19:00; Sat 10:00-14:00', or 'always' for 24/7"
_DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = {
    name: weekday
    for weekday, names in enumerate(
        (
            ("mon", "monday", "pzt", "pazartesi"),
            ("tue", "tuesday", "sal", "salı", "sali"),
            ("wed", "wednesday", "çar", "car", "çarşamba", "carsamba"),
            ("thu", "thursday", "per", "perşembe", "persembe"),
            ("fri", "friday", "cum", "cuma"),
            ("sat", "saturday", "cmt", "cumartesi"),
            ("sun", "sunday", "paz", "pazar"),
        )
    )
    for name in names
}
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HOLIDAY_LINE = re.compile(r"(?P<date>\S+)(?:\s+until\s+(?P<until>\S+))?(?:\s+(?P<name>.*))?")


@dataclass(frozen=True)
class BusinessHours:
    """A weekly schedule: the open periods of each weekday, Monday first; `always` is 24/7."""

    periods: tuple[tuple[Period, ...], ...] = ((),) * 7
    always: bool = False

    def __post_init__(self) -> None:
        if len(self.periods) != 7:
            raise ValueError(f"business hours need periods for 7 weekdays, got {len(self.periods)}")
        if not self.always and not any(self.periods):
            raise ValueError(f"business hours must open at least once a week: {_HOURS_EXAMPLE}")

    @classmethod
    def parse(cls, text: str) -> BusinessHours:
        """Read `BUSINESS_HOURS`: day groups separated by `;`, or `always`. Days not named are closed."""
        spec = " ".join(text.split())
        if spec.lower() in ("always", "24/7"):
            return cls(always=True)
        week: list[tuple[Period, ...] | None] = [None] * 7
        for raw_group in spec.split(";"):
            group = re.sub(r"\s*([-,])\s*", r"\1", raw_group.strip())
            if not group:
                continue
            day_part, _, period_part = group.partition(" ")
            if not period_part:
                raise _hours_error(text, f"{group!r} names no opening hours")
            periods = _parse_periods(text, period_part)
            for weekday in _parse_days(text, day_part):
                if week[weekday] is not None:
                    raise _hours_error(text, f"{_DAY_ABBREVIATIONS[weekday]} is given twice; name each day once")
                week[weekday] = periods
        if not any(week):
            raise _hours_error(text, "no opening hours given")
        return cls(periods=tuple(periods or () for periods in week))


def _hours_error(text: str, problem: str) -> ValueError:
    return ValueError(f"BUSINESS_HOURS {text!r} is not valid: {problem}; write {_HOURS_EXAMPLE}")


def _parse_days(text: str, spec: str) -> list[int]:
    weekdays: list[int] = []
    for item in spec.split(","):
        first, _, last = item.partition("-")
        start = _weekday(text, first)
        end = _weekday(text, last) if last else start
        weekdays.extend((start + offset) % 7 for offset in range((end - start) % 7 + 1))
    return weekdays


def _weekday(text: str, name: str) -> int:
    try:
        return _DAY_NAMES[name.casefold()]
    except KeyError:
        raise _hours_error(
            text, f"unknown day {name!r} (use Mon Tue Wed Thu Fri Sat Sun, or Pzt Sal Çar Per Cum Cmt Paz)"
        ) from None


def _parse_periods(text: str, spec: str) -> tuple[Period, ...]:
    periods: list[Period] = []
    for item in re.split(r"[,\s]+", spec):
        first, _, last = item.partition("-")
        start, end = _minutes(first), _minutes(last)
        if start is None or end is None:
            raise _hours_error(text, f"{item!r} is not a time range like 09:00-19:00")
        if not start < end:
            raise _hours_error(
                text,
                f"{item!r} ends before it starts (split a night: 'Fri 22:00-24:00; Sat 00:00-02:00')",
            )
        periods.append((start, end))
    periods.sort()
    for (_, earlier_end), (later_start, _) in zip(periods, periods[1:], strict=False):
        if later_start < earlier_end:
            raise _hours_error(text, f"the periods in {spec!r} overlap")
    return tuple(periods)


def _minutes(clock: str) -> int | None:
    """Minutes after midnight of `HH:MM` (00:00 to 24:00), or None when it is not such a time."""
    match = _CLOCK.fullmatch(clock)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


@dataclass(frozen=True)
class Holiday:
    """A day the business is closed or, with `until`, open only until that local time."""

    day: date
    name: str = ""
    until: time | None = None


class HolidayCalendar:
    """Holidays by date. Two on one day merge, and the longer closure wins."""

    def __init__(self, holidays: Iterable[Holiday] = (), *, source: str = "") -> None:
        self.source = source
        self._by_day: dict[date, Holiday] = {}
        for holiday in holidays:
            other = self._by_day.get(holiday.day)
            self._by_day[holiday.day] = holiday if other is None else _merge(other, holiday)

    def get(self, day: date) -> Holiday | None:
        return self._by_day.get(day)

    def __iter__(self) -> Iterator[Holiday]:
        return iter(sorted(self._by_day.values(), key=lambda holiday: holiday.day))

    def __len__(self) -> int:
        return len(self._by_day)


def _merge(first: Holiday, second: Holiday) -> Holiday:
    if first.until is None or second.until is None:
        until = None
    else:
        until = min(first.until, second.until)
    return Holiday(first.day, f"{first.name}; {second.name}", until)


def load_holidays(spec: str | None) -> HolidayCalendar:
    """Read `BUSINESS_HOLIDAYS`.

    Unset or blank: Turkey's holidays shipped in `holidays_tr.json`. `none`: no holidays. A comma-separated
    list of ISO dates (`2026-01-01,2026-04-23`): those days, closed all day. Anything else is a path to a
    JSON file (like the shipped one) or a text file with one `YYYY-MM-DD [until HH:MM] [name]` a line.
    """
    if spec is None or not spec.strip():
        return _parse_holiday_file(SHIPPED_HOLIDAYS.read_text(encoding="utf-8"), str(SHIPPED_HOLIDAYS))
    spec = spec.strip()
    if spec.lower() == "none":
        return HolidayCalendar(source="none")
    items = [item.strip() for item in spec.split(",")]
    if all(_ISO_DATE.fullmatch(item) for item in items):
        where = f"BUSINESS_HOLIDAYS {spec!r}"
        return HolidayCalendar((Holiday(_parse_date(item, where)) for item in items), source="BUSINESS_HOLIDAYS")
    path = Path(spec).expanduser()
    if not path.is_file():
        raise ValueError(
            f"BUSINESS_HOLIDAYS {spec!r} is not 'none', a list of dates like '2026-01-01,2026-04-23', "
            "nor an existing file (JSON, or text with one YYYY-MM-DD date a line)"
        )
    return _parse_holiday_file(path.read_text(encoding="utf-8"), str(path))


def _parse_holiday_file(text: str, where: str) -> HolidayCalendar:
    if text.lstrip()[:1] in ("[", "{"):
        return _parse_holiday_json(text, where)
    holidays = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        match = _HOLIDAY_LINE.fullmatch(line)
        assert match is not None  # the pattern matches any non-blank line
        line_where = f"holidays {where} line {number}"
        holidays.append(
            Holiday(
                _parse_date(match["date"], line_where),
                match["name"] or "",
                _parse_until(match["until"], line_where) if match["until"] else None,
            )
        )
    return HolidayCalendar(holidays, source=where)


def _parse_holiday_json(text: str, where: str) -> HolidayCalendar:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"holidays {where} is not valid JSON: {error}") from None
    source = ""
    if isinstance(data, dict):
        source = str(data.get("source", ""))
        data = data.get("holidays")
    if not isinstance(data, list):
        raise ValueError(f'holidays {where}: expected a list of holidays or {{"holidays": [...]}}')
    return HolidayCalendar(
        (_parse_holiday_entry(entry, f"holidays {where} entry {index}") for index, entry in enumerate(data, 1)),
        source=source or where,
    )


def _parse_holiday_entry(entry: Any, where: str) -> Holiday:
    if isinstance(entry, str):
        return Holiday(_parse_date(entry, where))
    example = '{"date": "2026-03-19", "name": "Ramazan Bayramı arifesi", "until": "13:00"}'
    if not isinstance(entry, dict) or "date" not in entry or set(entry) - {"date", "name", "until"}:
        raise ValueError(f'{where}: {entry!r} is not a holiday like {example} or "2026-01-01"')
    until = entry.get("until")
    return Holiday(
        _parse_date(str(entry["date"]), where),
        str(entry.get("name", "")),
        _parse_until(str(until), where) if until is not None else None,
    )


def _parse_date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{where}: {text!r} is not a date (use YYYY-MM-DD)") from None


def _parse_until(text: str, where: str) -> time:
    minutes = _minutes(text)
    if minutes is None or minutes == 24 * 60:
        raise ValueError(f"{where}: until {text!r} is not a time of day like 13:00")
    return time(minutes // 60, minutes % 60)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"BUSINESS_TIMEZONE {name!r} is not a known time zone: use an IANA name such as Europe/Istanbul"
        ) from None


def _utc(value: datetime, name: str) -> datetime:
    """`value` in UTC; a naive datetime is refused, since the moment it names is unknown."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


class BusinessCalendar:
    """When the business is open, and how much open time lies between two moments."""

    def __init__(self, *, hours: BusinessHours, zone: ZoneInfo, holidays: HolidayCalendar) -> None:
        self.hours = hours
        self.zone = zone
        self.holidays = holidays

    @classmethod
    def from_settings(cls, hours: str, timezone: str, holidays: HolidayCalendar) -> BusinessCalendar:
        """Build from `BUSINESS_HOURS`, `BUSINESS_TIMEZONE` and `load_holidays(BUSINESS_HOLIDAYS)`.

        `always` means open every minute of every day: holidays do not apply. For "all day, every day,
        except holidays" write `Mon-Sun 00:00-24:00`.
        """
        return cls(hours=BusinessHours.parse(hours), zone=_zone(timezone), holidays=holidays)

    def is_open(self, at: datetime) -> bool:
        moment = _utc(at, "at")
        if self.hours.always:
            return True
        opens, _ = next(self._open_intervals(moment))
        return opens <= moment

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The UTC moment when `duration` of open time has passed since `start`.

        Counting begins at `start` if open, else at the next opening; a duration that ends exactly at a
        closing time ends there, not at the next opening.
        """
        moment = _utc(start, "start")
        if duration < timedelta(0):
            raise ValueError(f"duration must not be negative, got {duration}")
        if self.hours.always:
            return moment + duration
        remaining = duration
        intervals = self._open_intervals(moment)
        while True:
            opens, closes = next(intervals)
            opens = max(opens, moment)
            if remaining <= closes - opens:
                return opens + remaining
            remaining -= closes - opens

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Open time in [start, end); negative when `end` is before `start`."""
        since, until = _utc(start, "start"), _utc(end, "end")
        if until < since:
            return -self.business_time_between(end, start)
        if self.hours.always:
            return until - since
        total = timedelta(0)
        intervals = self._open_intervals(since)
        while True:
            opens, closes = next(intervals)
            if opens >= until:
                return total
            total += min(closes, until) - max(opens, since)

    def _open_intervals(self, after: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals in UTC, in order, from the one that contains or follows `after` (UTC), forever."""
        day = after.astimezone(self.zone).date()
        while True:
            for start, end in self._periods_on(day):
                opens, closes = self._instant(day, start), self._instant(day, end)
                if closes > after and closes > opens:
                    yield opens, closes
            day += timedelta(days=1)

    def _periods_on(self, day: date) -> tuple[Period, ...]:
        periods = self.hours.periods[day.weekday()]
        holiday = self.holidays.get(day)
        if holiday is None:
            return periods
        if holiday.until is None:
            return ()
        cut = holiday.until.hour * 60 + holiday.until.minute
        return tuple((start, min(end, cut)) for start, end in periods if start < cut)

    def _instant(self, day: date, minutes: int) -> datetime:
        wall = datetime.combine(day, time()) + timedelta(minutes=minutes)
        return wall.replace(tzinfo=self.zone).astimezone(UTC)


def compute_deadline(received_at: datetime, allowed: timedelta, *, calendar: BusinessCalendar | None) -> datetime:
    """When an answer is due (UTC): `allowed` of open time on `calendar`, else of wall-clock time."""
    if calendar is not None:
        return calendar.add_business_time(received_at, allowed)
    if allowed < timedelta(0):
        raise ValueError(f"allowed must not be negative, got {allowed}")
    return _utc(received_at, "received_at") + allowed
