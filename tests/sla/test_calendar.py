"""Business-hours arithmetic against hand-computed deadlines, and the parsing that feeds it.

Istanbul is UTC+3 all year, so an Istanbul wall time minus 3 hours is the UTC answer.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from izer.sla.calendar import (
    BusinessCalendar,
    BusinessHours,
    Holiday,
    HolidayCalendar,
    compute_deadline,
    load_holidays,
)

ISTANBUL = ZoneInfo("Europe/Istanbul")
BERLIN = ZoneInfo("Europe/Berlin")
NO_HOLIDAYS = HolidayCalendar()


def ist(*fields: int) -> datetime:
    return datetime(*fields, tzinfo=ISTANBUL)  # type: ignore[misc]


def utc(*fields: int) -> datetime:
    return datetime(*fields, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture(scope="module")
def izer() -> BusinessCalendar:
    """The default: Mon-Sat 09:00-19:00 in Istanbul with Turkey's shipped holidays."""
    return BusinessCalendar.from_settings("Mon-Sat 09:00-19:00", "Europe/Istanbul", load_holidays(None))


def test_within_one_day(izer: BusinessCalendar) -> None:
    # Tue 6 Oct 2026 10:00 + 4h stays inside 09:00-19:00: 14:00 Istanbul = 11:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 6, 10, 0), timedelta(hours=4)) == utc(2026, 10, 6, 11, 0)


def test_result_is_utc(izer: BusinessCalendar) -> None:
    assert izer.add_business_time(ist(2026, 10, 6, 10, 0), timedelta(hours=1)).tzinfo is UTC


def test_crossing_the_evening_close(izer: BusinessCalendar) -> None:
    # Tue 17:00 + 4h: 2h until 19:00, the other 2h from Wed 09:00, so Wed 11:00 Istanbul = 08:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 6, 17, 0), timedelta(hours=4)) == utc(2026, 10, 7, 8, 0)


def test_ending_exactly_at_closing_time_stays_that_evening(izer: BusinessCalendar) -> None:
    # Tue 17:00 + 2h reaches 19:00 exactly: due at the close, not at Wednesday's opening.
    assert izer.add_business_time(ist(2026, 10, 6, 17, 0), timedelta(hours=2)) == utc(2026, 10, 6, 16, 0)


def test_saturday_evening_runs_to_monday(izer: BusinessCalendar) -> None:
    # Sat 10 Oct 18:00 + 2h: 1h until 19:00, Sunday closed, 1h from Mon 12 Oct 09:00 -> 10:00 = 07:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 10, 18, 0), timedelta(hours=2)) == utc(2026, 10, 12, 7, 0)


def test_split_day_skips_the_lunch_break() -> None:
    calendar = BusinessCalendar.from_settings("Mon-Fri 09:00-12:30,13:30-19:00", "Europe/Istanbul", NO_HOLIDAYS)
    # Tue 12:00 + 1h: 30 min until 12:30, lunch, 30 min from 13:30 -> 14:00 Istanbul = 11:00 UTC.
    assert calendar.add_business_time(ist(2026, 10, 6, 12, 0), timedelta(hours=1)) == utc(2026, 10, 6, 11, 0)
    assert not calendar.is_open(ist(2026, 10, 6, 13, 0))
    assert calendar.is_open(ist(2026, 10, 6, 13, 30))
    # Tue 09:00-19:00 has 10h minus the 1h lunch.
    assert calendar.business_time_between(ist(2026, 10, 6, 0, 0), ist(2026, 10, 7, 0, 0)) == timedelta(hours=9)


def test_republic_day_and_its_half_day_eve(izer: BusinessCalendar) -> None:
    # Wed 28 Oct 2026 closes at 13:00, Thu 29 Oct is closed all day.
    # Wed 12:00 + 2h: 1h until 13:00, then Fri 30 Oct 09:00 + 1h -> 10:00 Istanbul = 07:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 28, 12, 0), timedelta(hours=2)) == utc(2026, 10, 30, 7, 0)
    assert izer.is_open(ist(2026, 10, 28, 12, 59))
    assert not izer.is_open(ist(2026, 10, 28, 13, 0))
    assert not izer.is_open(ist(2026, 10, 29, 11, 0))
    assert izer.is_open(ist(2026, 10, 30, 9, 0))


def test_kurban_bayrami_2026(izer: BusinessCalendar) -> None:
    # Arife Tue 26 May closes at 13:00; the bayram is Wed 27 - Sat 30 May; Sun 31 is closed anyway.
    # Tue 11:00 + 8h: 2h until 13:00, then Mon 1 Jun 09:00 + 6h -> 15:00 Istanbul = 12:00 UTC.
    assert izer.add_business_time(ist(2026, 5, 26, 11, 0), timedelta(hours=8)) == utc(2026, 6, 1, 12, 0)
    # Mon 25 May (10h) + Tue 26 May 09:00-13:00 (4h) + Mon 1 Jun (10h) = 24h in the week from Mon 25 May.
    week = izer.business_time_between(ist(2026, 5, 25, 0, 0), ist(2026, 6, 2, 0, 0))
    assert week == timedelta(hours=24)


def test_start_outside_hours_counts_from_the_next_opening(izer: BusinessCalendar) -> None:
    # Wed 06:30 + 30 min -> 09:30 Istanbul = 06:30 UTC.
    assert izer.add_business_time(ist(2026, 10, 7, 6, 30), timedelta(minutes=30)) == utc(2026, 10, 7, 6, 30)
    # Tue 21:00 + 1h -> Wed 10:00 Istanbul = 07:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 6, 21, 0), timedelta(hours=1)) == utc(2026, 10, 7, 7, 0)
    # Sun 11 Oct 15:00 + 1h -> Mon 12 Oct 10:00 Istanbul = 07:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 11, 15, 0), timedelta(hours=1)) == utc(2026, 10, 12, 7, 0)
    # Nothing allowed at all, received at night: due when the shop opens, Wed 09:00 = 06:00 UTC.
    assert izer.add_business_time(ist(2026, 10, 6, 21, 0), timedelta(0)) == utc(2026, 10, 7, 6, 0)


def test_start_in_another_zone_is_the_same_moment(izer: BusinessCalendar) -> None:
    # 07:00 UTC is 10:00 in Istanbul: + 4h -> 14:00 Istanbul = 11:00 UTC.
    assert izer.add_business_time(utc(2026, 10, 6, 7, 0), timedelta(hours=4)) == utc(2026, 10, 6, 11, 0)


def test_opening_and_closing_edges(izer: BusinessCalendar) -> None:
    assert not izer.is_open(ist(2026, 10, 6, 8, 59))
    assert izer.is_open(ist(2026, 10, 6, 9, 0))
    assert izer.is_open(ist(2026, 10, 6, 18, 59))
    assert not izer.is_open(ist(2026, 10, 6, 19, 0))
    assert not izer.is_open(ist(2026, 10, 11, 12, 0))  # Sunday


def test_always_is_open_every_minute_holidays_included() -> None:
    calendar = BusinessCalendar.from_settings("always", "Europe/Istanbul", load_holidays(None))
    assert calendar.is_open(ist(2026, 10, 11, 3, 0))  # Sunday night
    assert calendar.is_open(ist(2026, 10, 29, 12, 0))  # Cumhuriyet Bayramı
    assert calendar.add_business_time(ist(2026, 10, 28, 22, 0), timedelta(hours=5)) == utc(2026, 10, 29, 0, 0)
    assert calendar.business_time_between(ist(2026, 10, 28, 0, 0), ist(2026, 10, 30, 0, 0)) == timedelta(days=2)


def test_all_day_every_day_still_closes_on_holidays() -> None:
    calendar = BusinessCalendar.from_settings("Mon-Sun 00:00-24:00", "Europe/Istanbul", load_holidays(None))
    # 28 Oct open until 13:00, 29 Oct closed: 13h of the two days are open.
    between = calendar.business_time_between(ist(2026, 10, 28, 0, 0), ist(2026, 10, 30, 0, 0))
    assert between == timedelta(hours=13)
    # Wed 12:00 + 2h: 1h until 13:00, then from Fri 00:00 + 1h -> 01:00 Istanbul = Thu 22:00 UTC.
    assert calendar.add_business_time(ist(2026, 10, 28, 12, 0), timedelta(hours=2)) == utc(2026, 10, 29, 22, 0)


def test_dst_spring_forward_in_berlin_counts_real_hours() -> None:
    # Sun 29 Mar 2026 the clock jumps 02:00 CET -> 03:00 CEST. Sun 01:00-05:00 runs from 00:00 UTC (01:00
    # CET) to 03:00 UTC (05:00 CEST): 3 real hours, not 4.
    calendar = BusinessCalendar.from_settings("Sun 01:00-05:00", "Europe/Berlin", NO_HOLIDAYS)
    opening = datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN)
    assert calendar.business_time_between(utc(2026, 3, 28, 0, 0), utc(2026, 3, 30, 0, 0)) == timedelta(hours=3)
    assert calendar.add_business_time(opening, timedelta(hours=3)) == utc(2026, 3, 29, 3, 0)
    # 3h30m: the last 30 min fall on Sun 5 Apr from 01:00 CEST = Sat 4 Apr 23:00 UTC -> 23:30 UTC.
    assert calendar.add_business_time(opening, timedelta(hours=3, minutes=30)) == utc(2026, 4, 4, 23, 30)
    # 03:30 CEST is 01:30 UTC: open; 05:00 CEST is 03:00 UTC: closed.
    assert calendar.is_open(utc(2026, 3, 29, 1, 30))
    assert not calendar.is_open(utc(2026, 3, 29, 3, 0))


def test_dst_fall_back_in_berlin_counts_real_hours() -> None:
    # Sun 25 Oct 2026 the clock falls back 03:00 CEST -> 02:00 CET. Sun 01:00-05:00 runs from Sat 23:00 UTC
    # (01:00 CEST) to 04:00 UTC (05:00 CET): 5 real hours.
    calendar = BusinessCalendar.from_settings("Sun 01:00-05:00", "Europe/Berlin", NO_HOLIDAYS)
    assert calendar.business_time_between(utc(2026, 10, 24, 0, 0), utc(2026, 10, 26, 0, 0)) == timedelta(hours=5)
    # From the opening + 4h30m -> 03:30 UTC (04:30 CET).
    opening = datetime(2026, 10, 25, 1, 0, tzinfo=BERLIN)
    assert calendar.add_business_time(opening, timedelta(hours=4, minutes=30)) == utc(2026, 10, 25, 3, 30)


def test_berlin_office_hours_follow_the_offset_of_each_day() -> None:
    calendar = BusinessCalendar.from_settings("Mon-Fri 09:00-17:00", "Europe/Berlin", NO_HOLIDAYS)
    # Fri 27 Mar 09:00 CET = 08:00 UTC; Mon 30 Mar 09:00 CEST = 07:00 UTC.
    # Fri 16:00 CET (15:00 UTC) + 2h: 1h until 17:00 CET, then Mon 09:00 CEST + 1h = 08:00 UTC.
    assert calendar.add_business_time(utc(2026, 3, 27, 15, 0), timedelta(hours=2)) == utc(2026, 3, 30, 8, 0)


def test_adding_then_measuring_gives_the_duration_back(izer: BusinessCalendar) -> None:
    starts = [
        ist(2026, 10, 6, 10, 17),
        ist(2026, 10, 27, 18, 0),
        ist(2026, 5, 24, 23, 0),
        ist(2026, 12, 31, 13, 0),
    ]
    durations = [timedelta(minutes=1), timedelta(hours=7, minutes=45), timedelta(days=3), timedelta(days=40)]
    for start in starts:
        for duration in durations:
            end = izer.add_business_time(start, duration)
            assert izer.business_time_between(start, end) == duration
            assert izer.business_time_between(end, start) == -duration


def test_long_durations_stay_fast(izer: BusinessCalendar) -> None:
    # 3000 open hours = 300 ten-hour days, about a year of Mon-Sat with its holidays: well into 2027.
    due = izer.add_business_time(ist(2026, 1, 1, 0, 0), timedelta(hours=3000))
    assert utc(2026, 12, 1) < due < utc(2027, 3, 1)


def test_compute_deadline_wall_clock_and_business_time(izer: BusinessCalendar) -> None:
    received = ist(2026, 10, 10, 18, 0)
    # No calendar: Sat 18:00 + 2h = Sat 20:00 Istanbul = 17:00 UTC.
    assert compute_deadline(received, timedelta(hours=2), calendar=None) == utc(2026, 10, 10, 17, 0)
    # Calendar: as in test_saturday_evening_runs_to_monday.
    assert compute_deadline(received, timedelta(hours=2), calendar=izer) == utc(2026, 10, 12, 7, 0)


def test_wall_clock_deadline_counts_real_hours_across_dst() -> None:
    # Sat 28 Mar 12:00 CET = 11:00 UTC; 24 real hours later is 11:00 UTC (13:00 CEST), not 12:00 CEST.
    received = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)
    assert compute_deadline(received, timedelta(hours=24), calendar=None) == utc(2026, 3, 29, 11, 0)


def test_naive_datetimes_are_refused(izer: BusinessCalendar) -> None:
    naive = datetime(2026, 10, 6, 10, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        izer.is_open(naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        izer.add_business_time(naive, timedelta(hours=1))
    with pytest.raises(ValueError, match="timezone-aware"):
        izer.business_time_between(ist(2026, 10, 6, 10, 0), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_deadline(naive, timedelta(hours=1), calendar=None)
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_deadline(naive, timedelta(hours=1), calendar=izer)


def test_negative_durations_are_refused(izer: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        izer.add_business_time(ist(2026, 10, 6, 10, 0), timedelta(hours=-1))
    with pytest.raises(ValueError, match="negative"):
        compute_deadline(ist(2026, 10, 6, 10, 0), timedelta(hours=-1), calendar=None)


NINE_TO_SIX = (((540, 1080),),)  # one day open 09:00-18:00


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("Mon-Sat 09:00-19:00", (((540, 1140),),) * 6 + ((),)),
        ("Pzt-Cmt 09:00-19:00", (((540, 1140),),) * 6 + ((),)),
        ("  mon - fri  09:00 - 18:00 ", NINE_TO_SIX * 5 + ((), ())),
        ("Mon-Fri 09:00-18:00; Sat 10:00-14:00", NINE_TO_SIX * 5 + (((600, 840),), ())),
        ("Mon-Fri 09:00-12:30,13:30-19:00", (((540, 750), (810, 1140)),) * 5 + ((), ())),
        ("Mon-Fri 13:30-19:00 09:00-12:30", (((540, 750), (810, 1140)),) * 5 + ((), ())),
        ("Sat-Mon 10:00-12:00", (((600, 720),), (), (), (), (), ((600, 720),), ((600, 720),))),
        ("Mon,Çar,CUM 08:00-24:00", (((480, 1440),), (), ((480, 1440),), (), ((480, 1440),), (), ())),
        ("Paz 9:00-10:00", ((), (), (), (), (), (), ((540, 600),))),
    ],
)
def test_business_hours_syntax(text: str, periods: tuple[tuple[tuple[int, int], ...], ...]) -> None:
    assert BusinessHours.parse(text) == BusinessHours(periods=periods)


def test_always_parses_to_24_7() -> None:
    assert BusinessHours.parse(" Always ").always


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no opening hours given"),
        ("Mon-Fri", "names no opening hours"),
        ("Mnd 09:00-18:00", "unknown day 'Mnd'"),
        ("Mon 9-18", "'9-18' is not a time range"),
        ("Mon 25:00-26:00", "not a time range"),
        ("Mon 09:60-10:00", "not a time range"),
        ("Mon 24:30-24:45", "not a time range"),
        ("Fri 22:00-02:00", "ends before it starts"),
        ("Mon 10:00-10:00", "ends before it starts"),
        ("Mon 09:00-12:00,11:00-13:00", "overlap"),
        ("Mon-Fri 09:00-18:00; Fri 10:00-12:00", "Fri is given twice"),
    ],
)
def test_invalid_business_hours_say_what_is_wrong_and_show_an_example(text: str, problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        BusinessHours.parse(text)
    message = str(caught.value)
    assert problem in message
    assert "BUSINESS_HOURS" in message
    assert "Mon-Fri 09:00-12:30,13:30-19:00; Sat 10:00-14:00" in message


@pytest.mark.parametrize("zone", ["Europe/Istanbull", "../etc/passwd", ""])
def test_unknown_time_zone_is_refused(zone: str) -> None:
    with pytest.raises(ValueError, match="BUSINESS_TIMEZONE .* is not a known time zone"):
        BusinessCalendar.from_settings("Mon-Sat 09:00-19:00", zone, NO_HOLIDAYS)


def test_no_holidays_spec() -> None:
    assert len(load_holidays("none")) == 0
    assert len(load_holidays(" NONE ")) == 0


def test_unset_or_blank_spec_loads_the_shipped_turkish_file() -> None:
    shipped = load_holidays(None)
    assert "Diyanet" in shipped.source
    assert load_holidays("  ").get(date(2026, 10, 29)) == shipped.get(date(2026, 10, 29))
    assert shipped.get(date(2026, 10, 29)) == Holiday(date(2026, 10, 29), "Cumhuriyet Bayramı")


def test_list_of_dates_spec() -> None:
    holidays = load_holidays("2026-01-01, 2026-04-23")
    assert [holiday.day for holiday in holidays] == [date(2026, 1, 1), date(2026, 4, 23)]
    assert all(holiday.until is None for holiday in holidays)


def test_list_with_an_impossible_date_is_refused() -> None:
    with pytest.raises(ValueError, match="'2026-02-30' is not a date"):
        load_holidays("2026-01-01,2026-02-30")


def test_missing_file_spec_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nor an existing file"):
        load_holidays(str(tmp_path / "missing.json"))


def test_json_file_spec(tmp_path: Path) -> None:
    path = tmp_path / "holidays.json"
    entries = [
        {"date": "2026-03-19", "name": "Ramazan Bayramı arifesi", "until": "13:00"},
        {"date": "2026-01-01", "name": "Yılbaşı"},
        "2026-12-31",
    ]
    path.write_text(json.dumps({"source": "our list", "holidays": entries}), encoding="utf-8")
    holidays = load_holidays(str(path))
    assert holidays.source == "our list"
    assert list(holidays) == [
        Holiday(date(2026, 1, 1), "Yılbaşı"),
        Holiday(date(2026, 3, 19), "Ramazan Bayramı arifesi", time(13, 0)),
        Holiday(date(2026, 12, 31)),
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    assert len(load_holidays(str(path))) == 3


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[{"date": "2026-03-19", "untill": "13:00"}]', "entry 1: .* is not a holiday like"),
        ('[{"date": "2026-03-19", "until": "1pm"}]', "entry 1: until '1pm' is not a time of day"),
        ('{"holidays": 3}', "expected a list of holidays"),
        ("[", "not valid JSON"),
    ],
)
def test_invalid_json_holidays_are_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "holidays.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_holidays(str(path))


def test_text_file_spec(tmp_path: Path) -> None:
    path = tmp_path / "holidays.txt"
    path.write_text(
        "# our own closing days\n2026-08-15 Summer break\n\n2026-12-31 until 13:00 New Year's Eve  # early\n",
        encoding="utf-8",
    )
    assert list(load_holidays(str(path))) == [
        Holiday(date(2026, 8, 15), "Summer break"),
        Holiday(date(2026, 12, 31), "New Year's Eve", time(13, 0)),
    ]
    path.write_text("2026-08-15\nAugust 16\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: 'August' is not a date"):
        load_holidays(str(path))


def test_holidays_on_one_day_merge_and_the_longer_closure_wins() -> None:
    day = date(2029, 4, 23)
    full_and_half = HolidayCalendar([Holiday(day, "Kurban arifesi", time(13, 0)), Holiday(day, "23 Nisan")])
    assert full_and_half.get(day) == Holiday(day, "Kurban arifesi; 23 Nisan")
    two_halves = HolidayCalendar([Holiday(day, "a", time(13, 0)), Holiday(day, "b", time(12, 0))])
    assert two_halves.get(day) == Holiday(day, "a; b", time(12, 0))
    assert len(two_halves) == 1


def test_a_half_day_before_opening_closes_the_whole_day() -> None:
    holidays = HolidayCalendar([Holiday(date(2026, 10, 6), "early", time(8, 0))])
    calendar = BusinessCalendar.from_settings("Mon-Sat 09:00-19:00", "Europe/Istanbul", holidays)
    assert calendar.business_time_between(ist(2026, 10, 6, 0, 0), ist(2026, 10, 7, 0, 0)) == timedelta(0)


def test_a_period_the_spring_jump_swallows_has_no_open_time() -> None:
    # Berlin skips 02:00-03:00 on Sun 29 Mar 2026. 02:30 is read with the offset before the jump (CET): 01:30
    # UTC, later than 03:00 CEST = 01:00 UTC, so that day's 02:30-03:00 period is empty; a week later it is
    # the usual 30 minutes.
    calendar = BusinessCalendar.from_settings("Sun 02:30-03:00", "Europe/Berlin", NO_HOLIDAYS)
    assert calendar.business_time_between(utc(2026, 3, 28, 0, 0), utc(2026, 3, 30, 0, 0)) == timedelta(0)
    assert calendar.business_time_between(utc(2026, 4, 4, 0, 0), utc(2026, 4, 6, 0, 0)) == timedelta(minutes=30)
    # 02:30 CEST on 5 Apr = 00:30 UTC.
    assert calendar.add_business_time(utc(2026, 3, 29, 0, 0), timedelta(0)) == utc(2026, 4, 5, 0, 30)
