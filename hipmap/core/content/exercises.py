"""The self-care exercise library: self-compression set-ups and stretches (data/exercises.yaml).

``load_exercises`` reads the library into frozen objects; every problem is reported in one pass as
``FILE:LINE: message`` (the atlas loads it too, so that muscles can name exercises by id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ... import default_assets_dir, default_data_dir
from ..messages import coded_at, said
from .fields import _describe, _load, _load_sources, _Reader
from .problems import Collector
from .svgdoc import SvgError, parse_svg_file, parse_viewbox

KINDS = ("compression", "stretch")
TOOLS = ("tennis_ball", "hands")  # what a compression presses with; a ball unless the muscle needs fingers or a thumb
HOLD_RANGE = (1, 600)
REST_RANGE = (0, 600)
REPS_RANGE = (1, 20)
STEPS_RANGE = (3, 6)
_FIELDS = (
    "id", "name", "kind", "steps", "hold_s", "rest_s", "reps", "per_side", "pressure", "feel", "avoid", "cautions",
    "pictogram", "source", "sources", "tool",
)  # fmt: skip
_PRESSURE = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?$")  # few digits: int() of 5,000 digits raises ValueError


PRESSURE_SLOT = "{pressure}"  # in a compression step: the pressure target out of 10 of the muscle it is done for


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: str  # compression | stretch
    steps: tuple[str, ...]
    hold_s: int
    rest_s: int
    reps: int
    per_side: bool
    pressure: str  # compression: the target on 0-10, e.g. "4-7"; "" for stretches
    feel: str
    avoid: str
    cautions: tuple[str, ...]
    pictogram: Path
    sources: tuple[str, ...]
    tool: str = ""  # compression: "tennis_ball" or "hands"; "" for stretches

    def steps_at(self, pressure: str = "") -> tuple[str, ...]:
        """The steps as a person reads them: PRESSURE_SLOT in a step is PRESSURE (the target of the muscle being
        pressed: a deep muscle needs more) or else the exercise's own."""
        level = pressure or self.pressure
        return tuple(step.replace(PRESSURE_SLOT, level) for step in self.steps)

    def as_row(self) -> dict:
        """A plain, JSON-ready summary."""
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "steps": list(self.steps_at()), "hold_s": self.hold_s,
            "rest_s": self.rest_s, "reps": self.reps, "per_side": self.per_side, "pressure": self.pressure,
            "feel": self.feel, "avoid": self.avoid, "cautions": list(self.cautions), "pictogram": str(self.pictogram),
            "sources": list(self.sources), **({"tool": self.tool} if self.tool else {}),
        }  # fmt: skip


def read_int(r: _Reader, key: str, low: int, high: int, required=True, default=None):
    """An integer field within [low, high], reported at its line otherwise."""
    if key not in r.map:
        r._missing(key, required)
        return default
    value = r.map[key]
    if not isinstance(value, int) or isinstance(value, bool) or not (low <= value <= high):
        r.col.add_coded(r.file, r.line(key), f"{r.where}.{key}", "expected a whole number from {low} to {high}, got {kind}", low=low, high=high, kind=_describe(value))
        return default
    return value


def read_pressure(r: _Reader, key: str = "pressure", required=True, default=""):
    """A pressure target on the 0-10 scale: "5" or "4-7"; YAML may give a plain number."""
    if key not in r.map:
        r._missing(key, required)
        return default
    value = r.map[key]
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    m = _PRESSURE.match(text)
    low, high = (int(m.group(1)), int(m.group(2) or m.group(1))) if m else (None, None)
    if m is None or not (0 <= low <= high <= 10):
        r.col.add_coded(r.file, r.line(key), f"{r.where}.{key}", "expected a target on the 0-10 scale like \"4-7\", got {kind}", kind=_describe(value))
        return default
    return text


def _read_pictogram(col, r: _Reader, assets_dir: Path):
    rel = r.text("pictogram")
    if not rel:
        return None
    path = assets_dir / rel
    if Path(rel).is_absolute() or ".." in Path(rel).parts:
        col.add_coded(r.file, r.line("pictogram"), f"{r.where}.pictogram", "must be a path inside assets/, got {value}", value=repr(rel))
        return None
    try:
        found = path.is_file()
    except OSError:  # a name too long for the file system, ...
        found = False
    if not found:
        col.add_coded(r.file, r.line("pictogram"), f"{r.where}.pictogram", "file not found: {path}", path=rel)
        return None
    try:
        root = parse_svg_file(path)
        if root.tag != "svg":
            raise coded_at(SvgError, root.line, "expected an <svg> root element, got <{tag}>", tag=root.tag)
        parse_viewbox(root.attrs.get("viewBox", ""))
    except SvgError as exc:
        col.add_error(path, exc.line, exc)
        return None
    except ValueError as exc:
        col.add_error(path, 1, exc)
        return None
    except OSError as exc:
        col.add_coded(path, 1, "", "cannot read the file: {reason}", reason=said(exc))
        return None
    return path


def _load_exercises(col: Collector, data_dir: Path, assets_dir: Path, sources: Mapping, declared: dict | None = None) -> dict[str, Exercise]:
    """Read data/exercises.yaml, adding every problem to col; returns the exercises that are whole.

    ``declared`` (if given) receives id -> kind for every entry that names an id, whole or not, so that callers
    can tell a broken entry (already reported) from an id that does not exist.
    """
    declared = {} if declared is None else declared
    path = data_dir / "exercises.yaml"
    data = _load(col, path)
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        col.add_coded(path, getattr(data, "line", 1), "", "expected a top-level list {key}", key=repr("exercises"))
        return {}
    for extra in data:
        if extra != "exercises":
            col.add_coded(path, data.line_of(extra), "", "unknown top-level key {extra} (expected only {key})", extra=repr(extra), key=repr("exercises"))
    entries = data["exercises"]  # a YList
    out: dict[str, Exercise] = {}
    for i, entry in enumerate(entries):
        before = len(col.problems)
        where = f"exercises[{i}]"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            where = f"exercise {entry['id']!r}"
        r = _Reader(col, path, entry, where, _FIELDS)
        if not r.ok:
            continue
        ex_id = r.text("id")
        if ex_id and not re.fullmatch(r"[a-z][a-z0-9_]*", ex_id):
            col.add_coded(path, r.line("id"), f"{where}.id", "use lower-case letters, digits and _ only, got {value}", value=repr(ex_id))
        if ex_id in out:
            col.add_coded(path, r.line("id"), "", "duplicate exercise id {id}", id=repr(ex_id))
        name = r.text("name")
        kind = r.choice("kind", KINDS)
        if ex_id:
            declared.setdefault(ex_id, kind)
        steps = r.text_list("steps")
        if isinstance(entry.get("steps"), list) and not (STEPS_RANGE[0] <= len(entry["steps"]) <= STEPS_RANGE[1]):
            col.add_coded(path, r.line("steps"), f"{where}.steps", "expected {least} to {most} steps, got {count}", least=STEPS_RANGE[0], most=STEPS_RANGE[1], count=len(entry["steps"]))
        hold = read_int(r, "hold_s", *HOLD_RANGE)
        rest = read_int(r, "rest_s", *REST_RANGE)
        reps = read_int(r, "reps", *REPS_RANGE)
        per_side = entry.get("per_side")
        if "per_side" not in entry:
            r._missing("per_side", True)
        elif not isinstance(per_side, bool):
            col.add_coded(path, r.line("per_side"), f"{where}.per_side", "expected true or false, got {kind}", kind=_describe(per_side))
        pressure, tool = "", ""
        if kind != "compression":
            for i, step in enumerate(steps):
                if PRESSURE_SLOT in step:
                    col.add_coded(path, r.line("steps"), f"{where}.steps[{i}]", "only a compression step can name the pressure ({slot})", slot=PRESSURE_SLOT)
        if kind == "compression":
            pressure = read_pressure(r)
            tool = r.choice("tool", TOOLS, required=False, default=TOOLS[0])
        elif kind == "stretch":
            for key in ("pressure", "tool"):
                if key in entry:
                    col.add_coded(path, r.line(key), f"{where}.{key}", "only compression exercises have a {key}", key=key.replace("_", " "))
        feel, avoid = r.text("feel"), r.text("avoid")
        cautions = r.text_list("cautions", required=False)
        pictogram = _read_pictogram(col, r, assets_dir)
        srcs = r.sources(sources)
        if len(col.problems) > before or not ex_id or ex_id in out:
            continue
        out[ex_id] = Exercise(
            ex_id, name, kind, tuple(steps), hold, rest, reps, per_side, pressure, feel, avoid, tuple(cautions),
            pictogram, srcs, tool,
        )  # fmt: skip
    return out


def load_exercises(data_dir: Path | None = None, assets_dir: Path | None = None) -> Mapping[str, Exercise]:
    """The exercise library, id -> Exercise, in file order; raises DataError listing every problem."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    assets_dir = Path(assets_dir) if assets_dir else (
        data_dir.parent / "assets" if (data_dir.parent / "assets").is_dir() else default_assets_dir()
    )  # fmt: skip
    col = Collector()
    sources = _load_sources(col, data_dir)
    exercises = _load_exercises(col, data_dir, assets_dir, sources)
    col.raise_if_any()
    return MappingProxyType(exercises)
