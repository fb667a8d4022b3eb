"""The shipped Turkish holiday file: known published dates, and the same shape every year."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, time, timedelta

import pytest

from izer.sla.calendar import SHIPPED_HOLIDAYS, Holiday, load_holidays

HALF_DAY = time(13, 0)
HOLIDAYS = load_holidays(None)
ENTRIES = json.loads(SHIPPED_HOLIDAYS.read_text(encoding="utf-8"))["holidays"]


def closed(first: date, days: int) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(days)]


@pytest.mark.parametrize(
    ("arife", "first", "days"),
    [
        (date(2025, 3, 29), date(2025, 3, 30), 3),  # Ramazan Bayramı 2025: 30 Mar - 1 Apr
        (date(2025, 6, 5), date(2025, 6, 6), 4),  # Kurban Bayramı 2025: 6 - 9 Jun
        (date(2026, 3, 19), date(2026, 3, 20), 3),  # Ramazan Bayramı 2026: 20 - 22 Mar
        (date(2026, 5, 26), date(2026, 5, 27), 4),  # Kurban Bayramı 2026: 27 - 30 May
    ],
)
def test_published_religious_holidays(arife: date, first: date, days: int) -> None:
    eve = HOLIDAYS.get(arife)
    assert eve is not None and eve.until == HALF_DAY
    for day in closed(first, days):
        holiday = HOLIDAYS.get(day)
        assert holiday is not None and holiday.until is None, day
    assert HOLIDAYS.get(first + timedelta(days=days)) is None


@pytest.mark.parametrize("year", range(2025, 2031))
def test_every_year_has_the_fixed_holidays(year: int) -> None:
    for month, day in [(1, 1), (4, 23), (5, 1), (5, 19), (7, 15), (8, 30), (10, 29)]:
        holiday = HOLIDAYS.get(date(year, month, day))
        assert holiday is not None and holiday.until is None, (month, day)
    assert HOLIDAYS.get(date(year, 10, 28)) == Holiday(date(year, 10, 28), "Cumhuriyet Bayramı arifesi", HALF_DAY)


@pytest.mark.parametrize(("bayram", "days"), [("Ramazan Bayramı", 3), ("Kurban Bayramı", 4)])
@pytest.mark.parametrize("year", range(2025, 2031))
def test_every_year_has_each_bayram_after_a_half_day_arife(year: int, bayram: str, days: int) -> None:
    in_year = [entry for entry in ENTRIES if entry["date"].startswith(str(year)) and bayram in entry["name"]]
    assert [entry["name"] for entry in in_year] == [f"{bayram} arifesi"] + [
        f"{bayram} {number}. gün" for number in range(1, days + 1)
    ]
    dates = [date.fromisoformat(entry["date"]) for entry in in_year]
    assert dates == closed(dates[0], days + 1)
    assert in_year[0]["until"] == "13:00"


def test_dates_are_not_listed_twice_except_where_holidays_coincide() -> None:
    repeated = sorted(day for day, count in Counter(entry["date"] for entry in ENTRIES).items() if count > 1)
    # 19 May 2027 is also Kurban Bayramı's 4th day; 23 Apr 2029 is also Kurban Bayramı's arife.
    assert repeated == ["2027-05-19", "2029-04-23"]
    assert HOLIDAYS.get(date(2029, 4, 23)) is not None
    assert HOLIDAYS.get(date(2029, 4, 23)).until is None  # type: ignore[union-attr]
