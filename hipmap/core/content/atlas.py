"""The body atlas: views, regions, muscles, their trigger points and referral zones.

``load_atlas`` reads data/ and assets/ into frozen objects. It checks everything and reports every problem
it finds in one pass, each as ``FILE:LINE: message``; nothing half-loaded ever escapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ... import default_assets_dir, default_data_dir
from ..geometry.shapes import EMPTY, ShapeError, band, mirror, polygon_from_path, polygonal, union
from .problems import Collector, DataError
from .fields import Source, _describe, _load, _load_sources, _Reader, _top_mapping  # noqa: F401  (Source re-exported)
from .exercises import Exercise, _load_exercises, read_int, read_pressure
from .svgdoc import SvgError, parse_svg_file, parse_transform, parse_viewbox
from .vocabulary import MUSCLE_IDS, REGION_IDS, SIDES, VIEW_IDS, ZONE_KINDS  # noqa: F401  (re-exported)
DEPTHS = ("superficial", "deep")
# Regions of one side may touch but not overlap; this much shared area (square units) is drawing noise.
OVERLAP_TOLERANCE = 1.0
# How far (units) a trigger point may sit outside the region it names: the width of a drawn line.
POINT_TOLERANCE = 1.0


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class View:
    id: str
    title: str
    viewbox: tuple[float, float, float, float]
    svg_file: Path
    mirrored: bool  # drawn as the mirror image of svg_file (lateral_left)
    midline: float | None  # bilateral views: the x of the body's midline
    sides: tuple[str, ...]
    body: Mapping[str, BaseGeometry]
    regions: Mapping[tuple[str, str], BaseGeometry]  # (region id, side) -> shape

    @property
    def center_x(self) -> float:
        return self.viewbox[0] + self.viewbox[2] / 2.0

    def region_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for r, _side in self.regions))

    def region_at(self, x: float, y: float) -> tuple[str, str] | None:
        point = Point(x, y)
        for (region_id, side), shape in self.regions.items():
            if shape.covers(point):
                return region_id, side
        return None

    def side_of(self, geometry: BaseGeometry) -> str | None:
        """Which side of the body a shape lies on: 'right', 'left', 'both', or None if off the body."""
        touched = [s for s in self.sides if self.body[s].intersection(geometry).area > 0.0]
        if not touched:
            return None
        return touched[0] if len(touched) == 1 else "both"

    def regions_under(self, geometry: BaseGeometry, min_share: float = 0.1) -> list[tuple[str, str]]:
        """The regions (id, side) holding at least ``min_share`` of a shape, most of it first: the words for
        where a mark lies ("right outer thigh"), for people who cannot see the diagram."""
        if geometry.is_empty or geometry.area <= 0.0:
            return []
        keys = list(self.regions)
        shapes = list(self.regions.values())
        near = shapely.intersects(shapes, geometry)
        found = []
        for key, shape, hit in zip(keys, shapes, near):
            if hit:
                share = shape.intersection(geometry).area / geometry.area
                if share >= min_share:
                    found.append((share, key))
        found.sort(key=lambda item: -item[0])
        return [key for _share, key in found]


@dataclass(frozen=True)
class TriggerPoint:
    view: str
    side: str
    x: float
    y: float
    region: str
    depth: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Compression:
    exercise: str  # an exercise id of kind compression
    where: str  # where to place the ball, in plain words
    pressure: str  # the target on 0-10, e.g. "4-7"
    hold_s: int
    reps: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SelfCare:
    compression: Compression
    stretches: tuple[str, ...]  # exercise ids of kind stretch; empty when the sources give none for this muscle
    habits: tuple[Fact, ...]
    cautions: tuple[Fact, ...]


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    short: str
    description: str
    sources: tuple[str, ...]
    symptoms: tuple[Fact, ...]
    activators: tuple[Fact, ...]
    zone_regions: Mapping[str, tuple[str, ...]]  # kind -> regions named in that zone, in the order given
    trigger_points: tuple[TriggerPoint, ...]  # every view and both sides
    zones: Mapping[tuple[str, str, str], BaseGeometry]  # (kind, side, view) -> shape; absent = empty
    file: Path | None = None
    self_care: SelfCare | None = None

    def zone(self, kind: str, side: str, view: str) -> BaseGeometry:
        return self.zones.get((kind, side, view), EMPTY)

    def points_on(self, view: str, side: str | None = None) -> tuple[TriggerPoint, ...]:
        return tuple(p for p in self.trigger_points if p.view == view and (side is None or p.side == side))

    def source_keys(self, exercises: Mapping | None = None) -> list[str]:
        """Every source behind what is said about this muscle: its facts, trigger points and self-care (with the
        exercises it names, when the library is given), in first-cited order."""
        keys = [*self.sources]
        for fact in (*self.symptoms, *self.activators):
            keys.extend(fact.sources)
        for point in self.trigger_points:
            keys.extend(point.sources)
        care = self.self_care
        if care is not None:
            keys.extend(care.compression.sources)
            for fact in (*care.habits, *care.cautions):
                keys.extend(fact.sources)
            for exercise_id in (care.compression.exercise, *care.stretches):
                if exercises and exercise_id in exercises:
                    keys.extend(exercises[exercise_id].sources)
        return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class Atlas:
    views: Mapping[str, View]
    regions: Mapping[str, Region]
    muscles: Mapping[str, Muscle]
    sources: Mapping[str, Source]
    data_dir: Path | None = None
    assets_dir: Path | None = None
    extras: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    exercises: Mapping[str, Exercise] = field(default_factory=lambda: MappingProxyType({}))

    def __repr__(self) -> str:
        return f"<Atlas: {len(self.muscles)} muscles, {len(self.views)} views, {len(self.regions)} regions>"

    def muscle(self, muscle_id: str) -> Muscle:
        return self.muscles[muscle_id]

    def region_shapes(self, region_id: str, side: str) -> dict[str, BaseGeometry]:
        """The region on every view that shows it, for one side: view id -> shape."""
        return {
            view_id: view.regions[(region_id, side)]
            for view_id, view in self.views.items()
            if (region_id, side) in view.regions
        }


def _freeze(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))


# --------------------------------------------------------------------------------------------- sources, regions


def _load_regions(col, data_dir: Path) -> dict[str, Region]:
    path = data_dir / "regions.yaml"
    entries = _top_mapping(col, path, _load(col, path), "regions")
    if entries is None:
        return {}
    regions = {}
    for key, value in entries.items():
        if key not in REGION_IDS:
            col.add(path, entries.line_of(key), f"unknown region {key!r} (the region vocabulary is fixed; see DESIGN.md)")
            continue
        r = _Reader(col, path, value, f"regions.{key}", ("name", "description"))
        regions[key] = Region(key, r.text("name"), r.text("description"))
    for key in REGION_IDS:
        if key not in entries:
            col.add(path, entries.line, f"missing region {key!r}")
    return regions


# --------------------------------------------------------------------------------------------- views


@dataclass
class _DrawnView:
    """One SVG's right side, before mirroring."""

    viewbox: tuple
    bilateral_midline: float | None
    body: BaseGeometry
    regions: dict  # region id -> shape (right side)
    region_lines: dict


def _read_svg(col, path: Path, view_id: str, expected_regions: list[str]) -> _DrawnView | None:
    try:
        root = parse_svg_file(path)
    except FileNotFoundError:
        col.add(path, 1, f"view {view_id!r}: SVG file not found")
        return None
    except SvgError as exc:
        col.add(path, exc.line, str(exc))
        return None
    except OSError as exc:
        col.add(path, 1, f"cannot read the file: {exc}")
        return None
    try:
        viewbox = parse_viewbox(root.attrs.get("viewBox", ""))
    except ValueError as exc:
        col.add(path, root.line, str(exc))
        return None
    side = root.find_id("side-right")
    if side is None:
        col.add(path, root.line, "missing <g id=\"side-right\"> holding the right side of the body")
        return None
    midline = None
    for element in root.iter():
        if element.tag == "use":
            href = element.attrs.get("href") or element.attrs.get("xlink:href")
            if href != "#side-right":
                continue
            try:
                a, b, c, d, e, f = parse_transform(element.attrs.get("transform", ""))
            except ValueError as exc:
                col.add(path, element.line, str(exc))
                continue
            if not (math.isclose(a, -1) and math.isclose(d, 1) and abs(b) < 1e-9 and abs(c) < 1e-9 and abs(f) < 1e-9):
                col.add(path, element.line, "the <use> of #side-right must be a left-right mirror: matrix(-1 0 0 1 W 0)")
                continue
            if not viewbox[0] <= e / 2.0 <= viewbox[0] + viewbox[2]:  # (also false for NaN)
                col.add(path, element.line, f"the mirror of #side-right must lie on the diagram: its axis x={e / 2.0:g} is outside the viewBox")
                continue
            midline = e / 2.0
    body_element = side.find_id("body")
    body = EMPTY
    if body_element is None or "d" not in body_element.attrs:
        col.add(path, side.line, "missing <path id=\"body\"> (the outline of the right side of the body)")
    else:
        try:
            body = polygon_from_path(body_element.attrs["d"])
        except ShapeError as exc:
            col.add(path, body_element.line, f"body outline: {exc}")
    regions: dict[str, BaseGeometry] = {}
    lines: dict[str, int] = {}
    for element in side.iter():
        element_id = element.attrs.get("id", "")
        if not element_id.startswith("region-"):
            continue
        region_id = element_id[len("region-"):]
        if region_id not in REGION_IDS:
            col.add(path, element.line, f"unknown region {region_id!r} in id {element_id!r}")
            continue
        if region_id in regions:
            col.add(path, element.line, f"duplicate region {region_id!r} (first on line {lines[region_id]})")
            continue
        if element.tag != "path" or "d" not in element.attrs:
            col.add(path, element.line, f"region {region_id!r} must be a <path> with a 'd' attribute")
            continue
        try:
            shape = polygon_from_path(element.attrs["d"])
        except ShapeError as exc:
            col.add(path, element.line, f"region {region_id!r}: {exc}")
            continue
        regions[region_id] = shape
        lines[region_id] = element.line
    for region_id in expected_regions:
        if region_id not in regions and region_id in REGION_IDS and region_id not in lines:
            col.add(path, side.line, f"view {view_id!r}: missing region {region_id!r} (expected <path id=\"region-{region_id}\">)")
    for region_id, line in lines.items():
        if region_id not in expected_regions:
            col.add(path, line, f"region {region_id!r} is drawn but data/views.yaml does not list it for view {view_id!r}")
    _check_tiling(col, path, regions, lines, body)
    return _DrawnView(viewbox, midline, body, regions, lines)


def _check_tiling(col, path, regions, lines, body):
    ids = list(regions)
    if not ids:
        return
    tree = shapely.STRtree([regions[i] for i in ids])
    for i, region_id in enumerate(ids):
        for j in tree.query(regions[region_id], predicate="intersects"):
            if j <= i:
                continue
            overlap = regions[region_id].intersection(regions[ids[j]]).area
            if overlap > OVERLAP_TOLERANCE:
                later = max(region_id, ids[j], key=lambda r: lines[r])
                col.add(path, lines[later], f"regions {region_id!r} and {ids[j]!r} overlap ({overlap:.1f} square units)")
    if not body.is_empty:
        outside = union(regions.values()).difference(body).area
        if outside > 0.01 * body.area:
            col.add(path, 1, f"regions reach {outside:.0f} square units outside the body outline")


def _load_views(col, data_dir: Path, assets_dir: Path) -> dict[str, View]:
    path = data_dir / "views.yaml"
    entries = _top_mapping(col, path, _load(col, path), "views")
    if entries is None:
        return {}
    drawn: dict[str, tuple[_DrawnView, dict]] = {}
    specs = {}
    for view_id, value in entries.items():
        if view_id not in VIEW_IDS:
            col.add(path, entries.line_of(view_id), f"unknown view {view_id!r} (expected one of: {', '.join(VIEW_IDS)})")
            continue
        r = _Reader(col, path, value, f"views.{view_id}", ("title", "svg", "regions", "mirror_of"))
        title = r.text("title")
        if isinstance(value, dict) and "mirror_of" in value:
            specs[view_id] = (title, None, r.choice("mirror_of", VIEW_IDS), r.line("mirror_of"))
            continue
        svg = r.text("svg")
        expected = r.text_list("regions", options=REGION_IDS)
        if svg:
            svg_path = assets_dir / svg
            result = _read_svg(col, svg_path, view_id, expected)
            if result is not None:
                drawn[view_id] = (result, svg_path)
        specs[view_id] = (title, svg, None, r.line())
    for view_id in VIEW_IDS:
        if view_id not in entries:
            col.add(path, entries.line, f"missing view {view_id!r}")

    views: dict[str, View] = {}
    for view_id, (title, _svg, mirror_of, line) in specs.items():
        if mirror_of is None:
            if view_id not in drawn:
                continue
            dv, svg_path = drawn[view_id]
            right_regions = {(r, "right"): g for r, g in dv.regions.items()}
            if dv.bilateral_midline is not None:
                m = dv.bilateral_midline
                left_regions = {(r, "left"): mirror(g, m) for r, g in dv.regions.items()}
                body = {"right": dv.body, "left": mirror(dv.body, m)}
                sides = SIDES
            else:
                left_regions, body, sides = {}, {"right": dv.body}, ("right",)
            views[view_id] = View(
                view_id, title, dv.viewbox, svg_path, False, dv.bilateral_midline, sides, _freeze(body),
                _freeze({**right_regions, **left_regions}),
            )  # fmt: skip
    for view_id, (title, _svg, mirror_of, line) in specs.items():
        if mirror_of is None:
            continue
        source = views.get(mirror_of)
        if source is None:
            if mirror_of in specs and specs[mirror_of][2] is not None:
                col.add(path, line, f"view {view_id!r} mirrors {mirror_of!r}, which is itself a mirror")
            continue
        if source.midline is not None:
            col.add(path, line, f"view {view_id!r} mirrors {mirror_of!r}, which already shows both sides")
            continue
        c = source.center_x
        views[view_id] = View(
            view_id, title, source.viewbox, source.svg_file, True, None, ("left",),
            _freeze({"left": mirror(source.body["right"], c)}),
            _freeze({(r, "left"): mirror(g, c) for (r, _s), g in source.regions.items()}),
        )  # fmt: skip
    return views


# --------------------------------------------------------------------------------------------- muscles


def _view_mirrors(views: Mapping[str, View]):
    """For each view and side: (drawn view whose right-side shapes to use, mirror axis or None)."""
    out = {}
    for view_id, view in views.items():
        if view.mirrored:
            source = next(v for v in views.values() if not v.mirrored and v.svg_file == view.svg_file)
            out[(view_id, "left")] = (source.id, view.center_x)
        else:
            out[(view_id, "right")] = (view_id, None)
            if view.midline is not None:
                out[(view_id, "left")] = (view_id, view.midline)
    return out


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
                col.add(file, r.line(forbidden), f"{where}: {forbidden!r} cannot be combined with 'path'")
        view_id = r.choice("view", [v for v in kind_views])
        d = r.text("path")
        if view_id and d:
            try:
                shape = polygon_from_path(d)
            except ShapeError as exc:
                col.add(file, r.line("path"), f"{where}.path: {exc}")
                return {}
            clipped = polygonal(shape.intersection(views[view_id].body["right"]))
            if clipped.is_empty:
                col.add(file, r.line("path"), f"{where}.path: the shape lies outside the body on view {view_id!r}")
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
        col.add(file, r.line("regions"), f"{where}: none of {names} appears on any view{' in ' + str(only) if only else ''}")
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


def _load_self_care(col, file: Path, data, exercises: Mapping[str, str | None], sources) -> SelfCare | None:
    """exercises: id -> kind of every exercise declared in data/exercises.yaml (None when its kind is broken)."""
    r = _Reader(col, file, data, "self_care", ("compression", "stretches", "habits", "cautions"))
    if not r.ok:
        return None
    before = len(col.problems)
    compression = None
    if "compression" not in data:
        r._missing("compression", True)
    else:
        cr = _Reader(col, file, data["compression"], "self_care.compression",
                     ("exercise", "where", "pressure", "hold_s", "reps", "source", "sources"))  # fmt: skip
        if cr.ok:
            kinds = [e for e, kind in exercises.items() if kind == "compression"]
            exercise = cr.text("exercise")
            if exercise and exercise not in kinds and not (exercise in exercises and exercises[exercise] is None):
                what = "is a stretch, not a compression set-up" if exercise in exercises else "is not in data/exercises.yaml"
                col.add(file, cr.line("exercise"), f"self_care.compression.exercise: {exercise!r} {what} (expected one of: {', '.join(kinds)})")
            where = cr.text("where")
            pressure = read_pressure(cr)
            hold = read_int(cr, "hold_s", 1, 600)
            reps = read_int(cr, "reps", 1, 20)
            srcs = cr.sources(sources)
            compression = Compression(exercise, where, pressure, hold, reps, srcs)
    stretches, line = r.items("stretches")
    stretch_ids = []
    for i, value in enumerate(stretches):
        item_line = stretches.line_of(i) if hasattr(stretches, "line_of") else line
        if not isinstance(value, str) or value not in exercises:
            col.add(file, item_line, f"self_care.stretches[{i}]: unknown exercise {value!r} (not in data/exercises.yaml)")
        elif exercises[value] is None:
            continue  # its entry is broken, and reported there
        elif exercises[value] != "stretch":
            col.add(file, item_line, f"self_care.stretches[{i}]: {value!r} is a {exercises[value]} exercise, not a stretch")
        elif value in stretch_ids:
            col.add(file, item_line, f"self_care.stretches[{i}]: {value!r} is listed twice")
        else:
            stretch_ids.append(value)
    habits = _facts(col, file, r.items("habits", required=False)[0], "self_care.habits", sources)
    cautions = _facts(col, file, r.items("cautions", required=False)[0], "self_care.cautions", sources)
    if len(col.problems) > before or compression is None:
        return None
    return SelfCare(compression, tuple(stretch_ids), habits, cautions)


def _load_muscle(col, file: Path, views, regions, sources, mirrors, exercises: Mapping[str, str | None] | None = None) -> Muscle | None:
    data = _load(col, file)
    if data is None:
        return None
    allowed = (
        "id", "name", "short", "description", "source", "sources", "trigger_points", "zones", "symptoms", "activators",
        "self_care",
    )  # fmt: skip
    r = _Reader(col, file, data, "muscle", allowed)
    if not r.ok:
        return None
    muscle_id = r.text("id")
    if muscle_id and muscle_id != file.stem:
        col.add(file, r.line("id"), f"id {muscle_id!r} does not match the file name {file.name!r}")
    if muscle_id and muscle_id not in MUSCLE_IDS:
        col.add(file, r.line("id"), f"unknown muscle id {muscle_id!r} (expected one of the ids in DESIGN.md)")
    name, short, description = r.text("name"), r.text("short"), r.text("description")
    muscle_sources = r.sources(sources)

    drawn_views = [v for v in views if not views[v].mirrored]
    facts = {}
    for key in ("symptoms", "activators"):
        items, _ = r.items(key, required=(key == "symptoms"))  # not every muscle has known activators
        out = []
        for i, item in enumerate(items):
            fr = _Reader(col, file, item, f"{key}[{i}]", ("text", "source", "sources"))
            if fr.ok:
                text = fr.text("text")
                srcs = fr.sources(sources)
                if text:
                    out.append(Fact(text, srcs))
        facts[key] = tuple(out)

    points: list[TriggerPoint] = []
    items, items_line = r.items("trigger_points")
    if isinstance(data.get("trigger_points"), list) and not items:
        col.add(file, items_line, "trigger_points: at least one trigger point is needed")
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
                col.add(file, pr.line("at"), f"{where}.at: expected [x, y] numbers, got {_describe(at)}")
            else:
                col.add(file, pr.line(), f"{where}: missing required key 'at'")
            continue
        if not view_id or not region_id:
            continue
        view = views[view_id]
        shape = view.regions.get((region_id, "right"))
        if shape is None:
            col.add(file, pr.line("region"), f"{where}: region {region_id!r} is not drawn on view {view_id!r}")
            continue
        x, y = float(at[0]), float(at[1])
        distance = shape.distance(Point(x, y))
        if distance > POINT_TOLERANCE:
            found = view.region_at(x, y)
            inside = f"it lies in {found[0]!r}" if found else "it lies outside the body"
            col.add(file, pr.line("at"), f"{where}.at: ({x:g}, {y:g}) is not inside region {region_id!r} on view {view_id!r}; {inside}")
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
        col.add(file, r.line(), "muscle: missing required key 'zones'")
    if zr is not None and zr.ok:
        for kind in ZONE_KINDS:
            parts, parts_line = zr.items(kind, required=(kind == "essential"))
            if kind == "essential" and isinstance(data["zones"].get(kind), list) and not parts:
                col.add(file, parts_line, "zones.essential: the essential zone cannot be empty")
            per_view: dict[str, list] = {}
            named: list[str] = []
            for i, part in enumerate(parts):
                for view_id, shape in _zone_part(col, file, part, f"zones.{kind}[{i}]", drawn_views, views, regions, sources).items():
                    per_view.setdefault(view_id, []).append(shape)
                if isinstance(part, dict) and isinstance(part.get("regions"), list):
                    named.extend(n for n in part["regions"] if n in REGION_IDS and n not in named)
            zone_regions[kind] = tuple(named)
            right = {v: union(shapes) for v, shapes in per_view.items()}
            if parts and not any(not g.is_empty for g in right.values()):
                col.add(file, parts_line, f"zones.{kind}: the zone is empty on every view")
            for (vid, side), (src, axis) in mirrors.items():
                shape = right.get(src)
                if shape is None or shape.is_empty:
                    continue
                zones[(kind, side, vid)] = shape if axis is None else mirror(shape, axis)
    self_care = None
    if "self_care" in data:
        self_care = _load_self_care(col, file, data["self_care"], exercises or {}, sources)
    else:
        col.add(file, r.line(), "muscle: missing required key 'self_care'")
    if not muscle_id:
        return None
    return Muscle(
        muscle_id, name, short, description, muscle_sources, facts.get("symptoms", ()), facts.get("activators", ()),
        _freeze(zone_regions), tuple(points), _freeze(zones), file, self_care,
    )  # fmt: skip


def load_atlas(data_dir: Path | None = None, assets_dir: Path | None = None, language: str | None = None) -> Atlas:
    """Load and check everything; raise DataError listing every problem found.

    ``language`` (e.g. "es") puts the text of data/i18n/<language>.yaml in place of the English where it has some
    (hipmap.core.content.translations); None, "en" or a language without a file gives the English."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    assets_dir = Path(assets_dir) if assets_dir else default_assets_dir()
    col = Collector()
    sources = _load_sources(col, data_dir)
    regions = _load_regions(col, data_dir)
    views = _load_views(col, data_dir, assets_dir)
    mirrors = _view_mirrors(views)
    declared: dict[str, str | None] = {}
    exercises = _load_exercises(col, data_dir, assets_dir, sources, declared)
    muscles: dict[str, Muscle] = {}
    muscle_dir = data_dir / "muscles"
    try:
        have_muscle_dir = muscle_dir.is_dir()
    except OSError:  # a name too long for the file system, ... (is_dir only answers False for a missing one)
        have_muscle_dir = False
    files = sorted(muscle_dir.glob("*.yaml")) if have_muscle_dir else []
    if not have_muscle_dir:
        col.add(muscle_dir, 1, "folder of muscle files not found")
    for file in files:
        muscle = _load_muscle(col, file, views, regions, sources, mirrors, declared)
        if muscle is None:
            continue
        if muscle.id in muscles:
            col.add(file, 1, f"duplicate muscle id {muscle.id!r} (also in {muscles[muscle.id].file.name})")
            continue
        muscles[muscle.id] = muscle
    if have_muscle_dir:
        present = {f.stem for f in files}
        for muscle_id in MUSCLE_IDS:
            if muscle_id not in present:
                col.add(muscle_dir / f"{muscle_id}.yaml", 1, f"missing muscle {muscle_id!r}: every muscle in DESIGN.md needs a file")
    col.raise_if_any()
    ordered = {m: muscles[m] for m in MUSCLE_IDS if m in muscles}
    extras = _freeze({"exercises": tuple(_freeze(e.as_row()) for e in exercises.values())})
    atlas = Atlas(
        _freeze({v: views[v] for v in VIEW_IDS if v in views}), _freeze(regions), _freeze(ordered), _freeze(sources),
        data_dir, assets_dir, extras, _freeze(exercises),
    )  # fmt: skip
    if language:
        from .translations import read_translation, translate_atlas, translation_file

        atlas = translate_atlas(col, atlas, read_translation(col, data_dir, language), translation_file(data_dir, language))
        col.raise_if_any()
    return atlas


def check_data(data_dir=None, assets_dir=None) -> list[str]:
    """Every problem as a FILE:LINE: message line; empty when the data is valid."""
    try:
        atlas = load_atlas(data_dir, assets_dir)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return check_translations(atlas)


def check_translations(atlas: Atlas) -> list[str]:
    """Problems in the data's translation files (data/i18n/*.yaml), as FILE:LINE: message lines."""
    from .safety import load_red_flags
    from .translations import available_languages, read_translation, translate_atlas, translate_red_flags, translation_file

    data_dir = atlas.data_dir or default_data_dir()
    try:
        flags = load_red_flags(data_dir / "red_flags.yaml") if (data_dir / "red_flags.yaml").exists() else None
    except DataError:
        flags = None  # its own problems are reported where it is loaded
    col = Collector()
    for language in available_languages(data_dir):
        file = translation_file(data_dir, language)
        data = read_translation(col, data_dir, language)
        translate_atlas(col, atlas, data, file)
        if flags is not None:
            translate_red_flags(col, flags, data, file)
    return [str(p) for p in col.problems]
