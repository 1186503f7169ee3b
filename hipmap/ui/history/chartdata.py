"""What the pain chart plots, before any pixels: ChartPoints from the stored sessions, fewer line points per pixel
column, the trend's moving average, the calendar ticks of the time axis and the top of the area scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtGui import QFontMetricsF

from ..kit.i18n import translate
from .formats import MONTHS, format_day, local_time

DAY_S = 86_400.0


@dataclass(frozen=True)
class ChartPoint:
    session_id: int
    when: datetime  # local time
    t: float  # POSIX seconds
    before: int | None
    after: int | None
    extent: float | None
    person: str = ""
    has_routine: bool = False
    run: object = None  # the store's RunOutcome of the routine, in words only when a tooltip shows it


def chart_points(summaries) -> list[ChartPoint]:
    """ChartPoints from store SessionSummary objects (any order)."""
    out = []
    for s in summaries:
        if getattr(s, "damaged", ""):
            continue  # a damaged row is listed as such, never charted
        when = local_time(s.created_at)
        out.append(ChartPoint(s.id, when, when.timestamp(), s.pain_before, s.pain_after, s.pain_extent, s.person, s.has_routine, s.run))
    return out


def decimate(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Per pixel column keep the first, lowest, highest and last point, in their order (M4): on screen the line
    looks the same, and it never has more than four points per column."""
    if len(points) <= 8:
        return points
    out: list[tuple[float, float]] = []
    bucket: list[tuple[float, float]] = []
    column = None

    def flush():
        if len(bucket) <= 4:
            out.extend(bucket)
            return
        keep = {0, len(bucket) - 1}
        keep.add(min(range(len(bucket)), key=lambda i: bucket[i][1]))
        keep.add(max(range(len(bucket)), key=lambda i: bucket[i][1]))
        out.extend(bucket[i] for i in sorted(keep))

    for x, y in points:
        c = int(x)
        if c != column:
            flush()
            bucket = []
            column = c
        bucket.append((x, y))
    flush()
    return out


_TREND_WINDOWS = ((7, "1-week"), (14, "2-week"), (28, "4-week"), (56, "8-week"), (91, "3-month"), (182, "6-month"),
                  (365, "1-year"))  # fmt: skip


def trend_window(span_s: float) -> tuple[int, str]:
    """The averaging window (days, words) for a time span: about a fiftieth of it, in calendar-friendly steps."""
    for days, words in _TREND_WINDOWS:
        if days * DAY_S >= span_s / 50:
            return days, words
    return _TREND_WINDOWS[-1]


def moving_average(times: list[float], values: list[float], window_s: float) -> list[float]:
    """The mean of the values within window_s centred on each time (times ascending); O(n)."""
    out, lo, hi, total, n, half = [], 0, 0, 0.0, len(values), window_s / 2
    for t in times:
        while hi < n and times[hi] <= t + half:
            total += values[hi]
            hi += 1
        while times[lo] < t - half:
            total -= values[lo]
            lo += 1
        out.append(total / (hi - lo))
    return out


_STEPS = (  # (unit, count, approximate seconds)
    ("day", 1, DAY_S), ("day", 2, 2 * DAY_S), ("week", 1, 7 * DAY_S), ("week", 2, 14 * DAY_S),
    ("month", 1, 30.44 * DAY_S), ("month", 2, 60.9 * DAY_S), ("month", 3, 91.3 * DAY_S), ("month", 6, 182.6 * DAY_S),
    ("year", 1, 365.25 * DAY_S), ("year", 2, 730.5 * DAY_S), ("year", 5, 1826 * DAY_S), ("year", 10, 3652 * DAY_S),
    ("year", 25, 9131 * DAY_S), ("year", 100, 36525 * DAY_S),
)  # fmt: skip


def _tick_label(unit: str, day: date) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return translate("chart", MONTHS[day.month - 1])
    return format_day(day, year=False)


def _tick_days(unit: str, count: int, first: date, last: date):
    """Local calendar days for ticks from `first` to `last`: every `count` days, Mondays, month or year starts."""
    if unit in ("day", "week"):
        step = count if unit == "day" else 7 * count
        # date(1, 1, 1) is ordinal 1 and a Monday: ordinals - 1 divisible by 7 are Mondays.
        ordinal = first.toordinal()
        ordinal += (-(ordinal - 1)) % step
        while ordinal <= last.toordinal():
            yield date.fromordinal(ordinal)
            ordinal += step
    elif unit == "month":
        y, m = first.year, first.month
        if first.day > 1:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        while (m - 1) % count:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        while date(y, m, 1) <= last:
            yield date(y, m, 1)
            m += count
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    else:
        y = first.year + (first.month > 1 or first.day > 1)
        y += (-y) % count
        while y <= last.year and y <= 9999:
            yield date(y, 1, 1)
            y += count


def midnight(day: date) -> float:
    """POSIX seconds of a local midnight."""
    return datetime(day.year, day.month, day.day).timestamp()


def day_of(t: float) -> date:
    return datetime.fromtimestamp(t).date()


def time_ticks(t0: float, t1: float, width: float, fm: QFontMetricsF, gap: float = 20.0):
    """The finest calendar step whose labels fit side by side: (unit, [(seconds, label), ...])."""
    widest_day = max(fm.horizontalAdvance(f"28 {translate('chart', m)}") for m in MONTHS)
    widest = {"day": widest_day, "week": widest_day, "month": max(fm.horizontalAdvance(translate("chart", m)) for m in MONTHS),
              "year": fm.horizontalAdvance("2088")}  # fmt: skip
    span = max(t1 - t0, 1.0)
    unit, count = _STEPS[-1][:2]
    for u, c, seconds in _STEPS:
        if seconds / span * width >= widest[u] + gap:
            unit, count = u, c
            break
    first, last = day_of(t0), day_of(t1)
    ticks = [(midnight(d), _tick_label(unit, d)) for d in _tick_days(unit, count, first, last)]
    return unit, [(t, label) for t, label in ticks if t0 <= t <= t1]


def nice_area_max(largest: float) -> float:
    for top in (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0):
        if largest <= top + 1e-9:
            return top
    return 1.0

