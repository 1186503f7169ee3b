"""How the history writes times and values in words: stored times as local dates, days, date ranges, pain ratings,
the share of the body drawing marked and whose session it is."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from ..kit.runwords import run_text

MONTHS = (QT_TRANSLATE_NOOP("chart", "Jan"), QT_TRANSLATE_NOOP("chart", "Feb"), QT_TRANSLATE_NOOP("chart", "Mar"), QT_TRANSLATE_NOOP("chart", "Apr"), QT_TRANSLATE_NOOP("chart", "May"), QT_TRANSLATE_NOOP("chart", "Jun"), QT_TRANSLATE_NOOP("chart", "Jul"), QT_TRANSLATE_NOOP("chart", "Aug"), QT_TRANSLATE_NOOP("chart", "Sep"), QT_TRANSLATE_NOOP("chart", "Oct"), QT_TRANSLATE_NOOP("chart", "Nov"), QT_TRANSLATE_NOOP("chart", "Dec"))

NO_LABEL = QT_TRANSLATE_NOOP("history", "No label")


@lru_cache(maxsize=8192)
def local_time(created_at: str) -> datetime:
    """A stored time (ISO 8601 UTC, '...Z') as an aware datetime in the computer's time zone."""
    return datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone()


def when_text(created_at) -> str:
    """A stored time in words, or a dash when the stored value is not a time (a damaged row)."""
    try:
        return format_when(local_time(created_at))
    except (TypeError, ValueError, OverflowError, OSError):
        return "\u2014"


def format_day(when: datetime | date, year: bool = True) -> str:
    text = f"{when.day} {translate('chart', MONTHS[when.month - 1])}"
    return f"{text} {when.year}" if year else text


def format_when(when: datetime) -> str:
    """'25 Nov 2026, 14:05' (English month names, like the rest of the app; the time is local)."""
    return f"{format_day(when)}, {when:%H:%M}"


def format_range(first: datetime, last: datetime) -> str:
    """'3 Mar to 25 Nov 2026', or '3 Mar 2025 to 25 Nov 2026' across a new year."""
    if first.date() == last.date():
        return translate("chart", "on {format_day}").format(format_day=format_day(last))
    return translate("chart", "from {format_day} to {format_day2}").format(format_day=format_day(first, year=first.year != last.year), format_day2=format_day(last))


def format_rating(value: int | None) -> str:
    return "\u2014" if value is None else f"{value}/10"


def format_area(share: float | None) -> str:
    if share is None:
        return "\u2014"
    percent = share * 100
    return f"{percent:.1f}%" if percent < 10 else f"{percent:.0f}%"


def person_text(person: str) -> str:
    return person or translate("history", NO_LABEL)


def routine_text(summary) -> tuple[str, str]:
    """What the history says of a session's routine (store SessionSummary): short for the list, whole for a tooltip."""
    if not summary.has_routine:
        return "\u2014", translate("history", "No routine")
    if summary.run is None:
        return "?", translate("history", "A routine was saved, but the record of how it went cannot be read")
    return run_text(summary.run)
