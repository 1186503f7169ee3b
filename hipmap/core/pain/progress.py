"""Two pain maps compared in figures a person can read: how much is marked, how strong, where.

These describe the person's own drawings; they are not measurements of healing, and the wording says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Atlas
from .painmap import PainMap, extent, made_count, strongest


@dataclass(frozen=True)
class Figures:
    extent: float  # share of the body drawing marked, 0-1
    strongest: int | None
    average: float | None  # intensity weighted by marked area
    marks: int


@dataclass(frozen=True)
class Row:
    label: str
    before: str
    after: str
    change: str  # in words: "less", "more", "same" with the amount
    better: bool | None  # None: no direction (or nothing to compare)


def figures(painmap: PainMap, atlas: Atlas) -> Figures:
    weighted = area = 0.0
    for mark in painmap.marks:
        a = mark.geometry.area
        weighted += a * mark.intensity
        area += a
    return Figures(extent(painmap, atlas), strongest(painmap), weighted / area if area else None, made_count(painmap, atlas))


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%" if 0 < share < 0.1 else f"{share * 100:.0f}%"


# The words of the rows, with {named} placeholders; the UI passes compare(phrases=...) in its language, same keys.
PHRASES = {
    "area": "Area marked (share of the body drawing)",
    "strongest": "Strongest pain",
    "average": "Average pain over the marked area",
    "marks": "Marks",
    "about_same": "about the same",
    "points_less": "{value} percentage points less",
    "points_more": "{value} percentage points more",
    "nothing": "nothing to compare",
    "no_pain_now": "no pain marked now",
    "same": "the same",
    "lower": "{value} lower",
    "higher": "{value} higher",
    "none": "none",
}


def compare(before: PainMap, after: PainMap, atlas: Atlas, phrases: dict[str, str] | None = None) -> list[Row]:
    p = {**PHRASES, **(phrases or {})}
    b, a = figures(before, atlas), figures(after, atlas)
    rows = []
    delta = (a.extent - b.extent) * 100
    if abs(delta) < 0.05:
        change = p["about_same"]
    else:
        change = p["points_less" if delta < 0 else "points_more"].format(value=f"{abs(delta):.1f}")
    rows.append(Row(p["area"], _percent(b.extent), _percent(a.extent), change,
                    None if abs(delta) < 0.05 else delta < 0))  # fmt: skip
    if b.strongest is None or a.strongest is None:
        rows.append(Row(p["strongest"], _rating(b.strongest, p), _rating(a.strongest, p), p["nothing"] if b.strongest is None else
                        p["no_pain_now"], None if b.strongest is None else True))  # fmt: skip
    else:
        d = a.strongest - b.strongest
        rows.append(Row(p["strongest"], _rating(b.strongest, p), _rating(a.strongest, p),
                        p["same"] if d == 0 else p["lower" if d < 0 else "higher"].format(value=abs(d)), None if d == 0 else d < 0))  # fmt: skip
    if b.average is not None and a.average is not None:
        d = a.average - b.average
        rows.append(Row(p["average"], f"{b.average:.1f}/10", f"{a.average:.1f}/10",
                        p["about_same"] if abs(d) < 0.05 else p["lower" if d < 0 else "higher"].format(value=f"{abs(d):.1f}"),
                        None if abs(d) < 0.05 else d < 0))  # fmt: skip
    rows.append(Row(p["marks"], str(b.marks), str(a.marks), "", None))
    return rows


def _rating(value: int | None, p=PHRASES) -> str:
    return p["none"] if value is None else f"{value}/10"
