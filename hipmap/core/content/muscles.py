"""Reads one data/muscles/<id>.yaml into a Muscle: its trigger points, referral zones (shapes on every view and
side), facts and self-care, checked against the views, regions, sources and exercises already read."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Mapping

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..geometry.shapes import ShapeError, band, mirror_many, polygon_from_path, polygonal, union
from ..messages import phrase
from .exercises import read_int, read_pressure
from .fields import _describe, _load, _Reader, read_muscle_id
from .model import Compression, Fact, Instead, Muscle, SelfCare, TriggerPoint, _freeze
from .search import fold
from .smoothzones import ZoneSmoothing
from .vocabulary import AREAS, BOTH, REGION_IDS, SIDES, VIEW_IDS, ZONE_KINDS

DEPTHS = ("superficial", "deep")
# How far (units) a trigger point may sit outside the region it names: the width of a drawn line.
POINT_TOLERANCE = 1.0


def _zone_part(col, file, part, where, kind_views, views, regions, sources):
    """One part of a zone on the drawn (right-side) views: view id -> shape."""
    r = _Reader(col, file, part, where, ("regions", "from_top", "from_medial", "from_back", "views", "view", "path", "source", "sources", "note"))
    if not r.ok:
        return {}
    r.sources(sources)
    r.text("note", required=False)
    out: dict[str, BaseGeometry] = {}
    if "path" in part or "view" in part:
        for forbidden in ("regions", "from_top", "from_medial", "from_back", "views"):
            if forbidden in part:
                col.add_coded(file, r.line(forbidden), where, "{key} cannot be combined with 'path'", key=repr(forbidden))
        view_id = r.choice("view", [v for v in kind_views])
        d = r.text("path")
        if view_id and d:
            try:
                shape = polygon_from_path(d)
            except ShapeError as exc:
                col.add_error(file, r.line("path"), exc, f"{where}.path")
                return {}
            clipped = polygonal(shape.intersection(views[view_id].body["right"]))
            if clipped.is_empty:
                col.add_coded(file, r.line("path"), f"{where}.path", "the shape lies outside the body on view {view}", view=repr(view_id))
            out[view_id] = clipped
        return out
    names = r.text_list("regions", options=REGION_IDS)
    only = r.text_list("views", options=VIEW_IDS, required=False) if "views" in part else None
    from_top, from_medial, from_back = r.fraction_pair("from_top"), r.fraction_pair("from_medial"), r.fraction_pair("from_back")
    for view_id in kind_views:
        if only is not None and view_id not in only:
            continue
        view = views[view_id]
        shapes = []
        for name in names:
            shape = view.regions.get((name, "right"))
            if shape is None:
                continue
            if from_top:
                shape = band(shape, "y", *from_top)
            if from_medial and view.midline is not None and not view.body["right"].is_empty:  # else reported
                lateral_is_high_x = view.body["right"].centroid.x > view.midline
                shape = band(shape, "x", *from_medial, reverse=not lateral_is_high_x)
            if from_back and view.midline is None:
                shape = band(shape, "x", *from_back)
            shapes.append(shape)
        if shapes:
            out[view_id] = union(shapes)
    if names and not out:
        col.add_coded(file, r.line("regions"), where, "none of {names} appears on any view in {views}" if only else "none of {names} appears on any view", names=str(names), views=str(only))
    return out


def _facts(col, file, items, where, sources) -> tuple[Fact, ...]:
    out = []
    for i, item in enumerate(items):
        fr = _Reader(col, file, item, f"{where}[{i}]", ("text", "source", "sources"))
        if fr.ok:
            text = fr.text("text")
            srcs = fr.sources(sources)
            if text:
                out.append(Fact(text, srcs))
    return tuple(out)


def read_aliases(col, file: Path, r: _Reader, key: str) -> tuple[str, ...]:
    """A muscle's other names: a list of non-empty texts, none given twice (case and accents aside)."""
    values, _line = r.items(key, required=False)
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        line = values.line_of(i) if hasattr(values, "line_of") else r.line(key)
        if not isinstance(value, str) or not value.strip():
            col.add_coded(file, line, f"{key}[{i}]", "expected non-empty text, got {kind}", kind=_describe(value))
            continue
        text = " ".join(value.split())
        folded = fold(text)
        if folded in seen:
            col.add_coded(file, line, f"{key}[{i}]", "{value} is listed twice (also item {other})", value=repr(text), other=seen[folded])
            continue
        seen[folded] = i
        out.append(text)
    return tuple(out)


AT_HOME_MAX = 4  # self_care.instead.at_home: 1 to this many items


def _load_compression(col, file: Path, data, exercises: Mapping[str, str | None], sources) -> Compression | None:
    cr = _Reader(col, file, data, "self_care.compression", ("exercise", "where", "pressure", "hold_s", "reps", "source", "sources"))
    if not cr.ok:
        return None
    kinds = [e for e, kind in exercises.items() if kind == "compression"]
    exercise = cr.text("exercise")
    if exercise and exercise not in kinds and not (exercise in exercises and exercises[exercise] is None):
        what = phrase("is a stretch, not a compression set-up") if exercise in exercises else phrase("is not in data/exercises.yaml")
        col.add_coded(file, cr.line("exercise"), "self_care.compression.exercise", "{value} {what} (expected one of: {allowed})", value=repr(exercise), what=what, allowed=", ".join(kinds))
    where = cr.text("where")
    pressure = read_pressure(cr)
    hold = read_int(cr, "hold_s", 1, 600)
    reps = read_int(cr, "reps", 1, 20)
    srcs = cr.sources(sources)
    return Compression(exercise, where, pressure, hold, reps, srcs)


def _load_instead(col, file: Path, data, sources) -> Instead | None:
    """self_care.instead: why there is no ball for this muscle and who treats it, and 1-4 things safe at home."""
    ir = _Reader(col, file, data, "self_care.instead", ("text", "source", "sources", "at_home"))
    if not ir.ok:
        return None
    text = ir.text("text")
    srcs = ir.sources(sources)
    items, line = ir.items("at_home")
    if isinstance(data.get("at_home"), list) and not 1 <= len(items) <= AT_HOME_MAX:
        col.add_coded(file, line, "self_care.instead.at_home", "expected 1 to {most} items, got {count}", most=AT_HOME_MAX, count=len(items))
    at_home = _facts(col, file, items, "self_care.instead.at_home", sources)
    return Instead(text, srcs, at_home)


def _load_self_care(col, file: Path, data, exercises: Mapping[str, str | None], sources) -> SelfCare | None:
    """exercises: id -> kind of every exercise declared in data/exercises.yaml (None when its kind is broken).

    A muscle has either a compression set-up or, when no ball can reach it, ``instead`` (never both)."""
    r = _Reader(col, file, data, "self_care", ("compression", "instead", "stretches", "habits", "cautions"))
    if not r.ok:
        return None
    before = len(col.problems)
    compression = instead = None
    if "compression" in data and "instead" in data:
        col.add_coded(file, r.line("instead"), "self_care", "give either 'compression' or 'instead' (for a muscle no ball can reach), not both")
    elif "compression" not in data and "instead" not in data:
        col.add_coded(file, r.line(), "self_care", "missing required key 'compression' (or 'instead', for a muscle no ball can reach)")
    if "compression" in data:
        compression = _load_compression(col, file, data["compression"], exercises, sources)
    if "instead" in data:
        instead = _load_instead(col, file, data["instead"], sources)
    stretches, line = r.items("stretches")
    stretch_ids = []
    for i, value in enumerate(stretches):
        item_line = stretches.line_of(i) if hasattr(stretches, "line_of") else line
        if not isinstance(value, str) or value not in exercises:
            col.add_coded(file, item_line, f"self_care.stretches[{i}]", "unknown exercise {value} (not in data/exercises.yaml)", value=repr(value))
        elif exercises[value] is None:
            continue  # its entry is broken, and reported there
        elif exercises[value] != "stretch":
            col.add_coded(file, item_line, f"self_care.stretches[{i}]", "{value} is a {kind} exercise, not a stretch", value=repr(value), kind=exercises[value])
        elif value in stretch_ids:
            col.add_coded(file, item_line, f"self_care.stretches[{i}]", "{value} is listed twice", value=repr(value))
        else:
            stretch_ids.append(value)
    habits = _facts(col, file, r.items("habits", required=False)[0], "self_care.habits", sources)
    cautions = _facts(col, file, r.items("cautions", required=False)[0], "self_care.cautions", sources)
    if len(col.problems) > before or (compression is None) == (instead is None):
        return None
    return SelfCare(compression, tuple(stretch_ids), habits, cautions, instead)


class _Unions(Mapping):
    """view id -> the union of that view's parts of a zone, made when first asked for: the zones as the regions draw
    them are only needed when a muscle's smoothed zones cannot be read (or are being made), and their unions are
    ~10% of loading the atlas. Its keys (the views) are known at once."""

    def __init__(self, parts: dict[str, list]):
        self._parts = parts
        self._made: dict[str, BaseGeometry] = {}

    def __getitem__(self, view_id: str) -> BaseGeometry:
        if view_id not in self._made:
            self._made[view_id] = union(self._parts[view_id])
        return self._made[view_id]

    def __iter__(self):
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


def _outside(spillover: Mapping[str, BaseGeometry], essential: Mapping[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """view -> the spillover zone less the essential zone there (the smoothed zones are made apart)."""
    return {v: polygonal(shape.difference(essential[v])) if v in essential and not shape.is_empty and not essential[v].is_empty else shape for v, shape in spillover.items()}


def _load_muscle(col, file: Path, views, regions, sources, mirrors, exercises: Mapping[str, str | None] | None = None, smoothing: ZoneSmoothing | None = None) -> Muscle | None:
    """``smoothing``: where the smoothed zones come from (data/zones, smoothzones.py); None: unsmoothed."""
    data = _load(col, file)
    if data is None:
        return None
    allowed = (
        "id", "name", "short", "description", "source", "sources", "bilateral", "trigger_points", "zones", "symptoms",
        "activators", "self_care", "see_a_clinician", "area", "aliases",
    )  # fmt: skip
    r = _Reader(col, file, data, "muscle", allowed)
    if not r.ok:
        return None
    muscle_id = read_muscle_id(col, file, r, "id") or r.text("id")
    name, short, description = r.text("name"), r.text("short"), r.text("description")
    muscle_sources = r.sources(sources)
    area = r.choice("area", AREAS) or ""
    aliases = read_aliases(col, file, r, "aliases")

    bilateral = data.get("bilateral", False)
    if not isinstance(bilateral, bool):
        col.add_coded(file, r.line("bilateral"), "bilateral", "expected true or false, got {kind}", kind=_describe(bilateral))
        bilateral = False

    drawn_views = [v for v in views if not views[v].mirrored]
    facts = {}
    for key in ("symptoms", "activators", "see_a_clinician"):
        items, _ = r.items(key, required=(key == "symptoms"))  # not every muscle has known activators
        facts[key] = _facts(col, file, items, key, sources)

    points: list[TriggerPoint] = []
    items, items_line = r.items("trigger_points")
    if isinstance(data.get("trigger_points"), list) and not items:
        col.add_coded(file, items_line, "trigger_points", "at least one trigger point is needed")
    for i, item in enumerate(items):
        where = f"trigger_points[{i}]"
        pr = _Reader(col, file, item, where, ("view", "at", "region", "depth", "note", "source", "sources"))
        if not pr.ok:
            continue
        view_id = pr.choice("view", drawn_views)
        region_id = pr.choice("region", REGION_IDS)
        depth = pr.choice("depth", DEPTHS, required=False, default="superficial")
        note = pr.text("note", required=False)
        srcs = pr.sources(sources)
        at = item.get("at")
        if not (isinstance(at, list) and len(at) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) < 1e15 for v in at)):
            if "at" in item:
                col.add_coded(file, pr.line("at"), f"{where}.at", "expected [x, y] numbers, got {kind}", kind=_describe(at))
            else:
                col.add_coded(file, pr.line(), where, "missing required key {key}", key=repr("at"))
            continue
        if not view_id or not region_id:
            continue
        view = views[view_id]
        shape = view.regions.get((region_id, "right"))
        if shape is None:
            col.add_coded(file, pr.line("region"), where, "region {region} is not drawn on view {view}", region=repr(region_id), view=repr(view_id))
            continue
        x, y = float(at[0]), float(at[1])
        distance = shape.distance(Point(x, y))
        if distance > POINT_TOLERANCE:
            found = view.region_at(x, y)
            inside = phrase("it lies in {region}", region=repr(found[0])) if found else phrase("it lies outside the body")
            col.add_coded(file, pr.line("at"), f"{where}.at", "({x}, {y}) is not inside region {region} on view {view}; {inside}", x=f"{x:g}", y=f"{y:g}", region=repr(region_id), view=repr(view_id), inside=inside)
            continue
        for (vid, side), (src, axis) in mirrors.items():
            if src != view_id:
                continue
            px, py = (x, y) if axis is None else (2 * axis - x, y)
            points.append(TriggerPoint(vid, side, px, py, region_id, depth, note, srcs))

    zones: dict[tuple[str, str, str], BaseGeometry] = {}
    zone_regions: dict[str, tuple[str, ...]] = {}
    zr = None
    if "zones" in data:
        zr = _Reader(col, file, data["zones"], "zones", ZONE_KINDS)
    else:
        col.add_coded(file, r.line(), "muscle", "missing required key {key}", key=repr("zones"))
    if zr is not None and zr.ok:
        drawn: dict[str, _Unions] = {}  # kind -> view id -> the zone on the drawn (right) side
        authored: dict[tuple[str, str], list] = {}  # (kind, view id) -> the parts drawn as paths, as the references draw them
        for kind in ZONE_KINDS:
            parts, parts_line = zr.items(kind, required=(kind == "essential"))
            if kind == "essential" and isinstance(data["zones"].get(kind), list) and not parts:
                col.add_coded(file, parts_line, "zones.essential", "the essential zone cannot be empty")
            per_view: dict[str, list] = {}
            named: list[str] = []
            for i, part in enumerate(parts):
                for view_id, shape in _zone_part(col, file, part, f"zones.{kind}[{i}]", drawn_views, views, regions, sources).items():
                    per_view.setdefault(view_id, []).append(shape)
                    if isinstance(part, dict) and "path" in part:
                        authored.setdefault((kind, view_id), []).append(shape)
                if isinstance(part, dict) and isinstance(part.get("regions"), list):
                    named.extend(n for n in part["regions"] if n in REGION_IDS and n not in named)
            zone_regions[kind] = tuple(named)
            if parts and all(g.is_empty for shapes in per_view.values() for g in shapes):  # (a union of shapes is empty only so)
                col.add_coded(file, parts_line, f"zones.{kind}", "the zone is empty on every view")
            drawn[kind] = _Unions(per_view)
        shaped = smoothing.zones(file, drawn, zone_regions, authored, {p.region for p in points}) if smoothing else drawn
        if shaped is drawn:  # (unsmoothed: the spillover zone is what lies outside the essential one, as smoothed)
            shaped = {**drawn, "spillover": _outside(drawn.get("spillover", {}), drawn.get("essential", {}))}
        for kind, right in shaped.items():
            to_mirror: dict[float, list] = {}  # axis -> [(key, shape)]: each axis's shapes mirrored in one call
            for (vid, side), (src, axis) in mirrors.items():
                shape = right.get(src)
                if shape is None or shape.is_empty:
                    continue
                zones[(kind, side, vid)] = shape  # (the mirrored ones replaced below, in their place in the order)
                if axis is not None:
                    to_mirror.setdefault(axis, []).append(((kind, side, vid), shape))
            for axis, pending in to_mirror.items():
                for (key, _shape), flipped in zip(pending, mirror_many([shape for _key, shape in pending], axis)):
                    zones[key] = flipped
            if bilateral:  # one pattern over both sides: on each view, the union of what each side shows there
                for vid in views:
                    halves = [zones[(kind, side, vid)] for side in SIDES if (kind, side, vid) in zones]
                    if halves:
                        zones[(kind, BOTH, vid)] = union(halves)
    self_care = None
    if "self_care" in data:
        self_care = _load_self_care(col, file, data["self_care"], exercises or {}, sources)
    else:
        col.add_coded(file, r.line(), "muscle", "missing required key {key}", key=repr("self_care"))
    if not muscle_id:
        return None
    return Muscle(
        muscle_id, name, short, description, muscle_sources, facts.get("symptoms", ()), facts.get("activators", ()),
        _freeze(zone_regions), tuple(points), _freeze(zones), file, self_care, facts.get("see_a_clinician", ()), bilateral,
        area, aliases,
    )  # fmt: skip
