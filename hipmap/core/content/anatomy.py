"""Where each muscle lies: data/anatomy/<id>.yaml read into MuscleAnatomy (its shape and fibre lines on every view
and side, and how deep it lies there), checked as FILE:LINE; and ``muscles_at``, the muscles under a point.

A shape is authored once, for the right side, on the drawn views (posterior, anterior, lateral_right); the left
side and lateral_left are mirror images made by the same machinery as the zones and trigger points. What is drawn
is what is hit-tested: the window paints these polygons and ``muscles_at`` asks the same polygons.

A view may draw a muscle as several parts, each with its own outline, fibres and depth: iliopsoas as psoas major
and iliacus joining at the groin, gluteus medius as its upper-outer part lying on top and its lower back part under
gluteus maximus. The muscle's shape on that view is the union of its parts; ``muscles_at`` answers per part.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from ..geometry.shapes import mirror_many
from ..geometry.svgpath import PathSyntaxError, parse_path
from .fields import _describe, _load, _Reader, read_muscle_id
from .vocabulary import MUSCLE_IDS, SIDES

DEPTHS = ("superficial", "deep")
FOLDER = "anatomy"
# How far (units) an outline may reach past the body's outline, or a fibre past its outline: a drawn line's width.
BODY_TOLERANCE = 2.0
FIBRE_TOLERANCE = 1.0
FIBRES_MIN, FIBRES_MAX = 2, 5
PARTS_MAX = 3


@dataclass(frozen=True)
class Part:
    """One piece of a muscle's shape on one view and side, with its own depth (a muscle drawn in one piece has one)."""

    shape: Polygon
    fibres: tuple[LineString, ...]
    depth: str
    under: tuple[str, ...]  # when deep: the muscles over this part
    label: str = ""  # what the part is, for the data's authors ("psoas major")


@dataclass(frozen=True)
class MuscleAnatomy:
    """One muscle's place in the body. shapes and fibres are keyed by (side, view), for every view that shows it
    (lateral_left and the left side included); depth_by_view and under_by_view by view."""

    muscle_id: str
    depth: str  # its usual depth: "superficial" or "deep"
    under: tuple[str, ...]  # when deep: the muscles that lie over it
    shapes: Mapping[tuple[str, str], Polygon]
    fibres: Mapping[tuple[str, str], tuple[LineString, ...]]
    depth_by_view: Mapping[str, str]
    under_by_view: Mapping[str, tuple[str, ...]]
    sources: tuple[str, ...] = ()
    file: Path | None = None
    parts: Mapping[tuple[str, str], tuple[Part, ...]] | None = None  # (side, view) -> its parts, where more than one

    def views(self) -> tuple[str, ...]:
        """The views that show it, in the order of the atlas's views."""
        return tuple(dict.fromkeys(view for _side, view in self.shapes))

    def shape(self, side: str, view: str) -> Polygon | None:
        return self.shapes.get((side, view))

    def depth_on(self, view: str) -> str:
        """"superficial" where any part of it lies on top on this view, else "deep"."""
        return self.depth_by_view.get(view, self.depth)

    def parts_on(self, side: str, view: str) -> tuple[Part, ...]:
        """Its parts on one side of a view (one part for a muscle drawn in one piece; none where it is not drawn)."""
        found = (self.parts or {}).get((side, view))
        if found:
            return found
        shape = self.shapes.get((side, view))
        if shape is None:
            return ()
        return (Part(shape, self.fibres.get((side, view), ()), self.depth_on(view), self.under_on(view)),)

    def depths_on(self, view: str) -> tuple[str, ...]:
        """The depths of its parts on a view, superficial first: ("superficial", "deep") for one partly covered."""
        sides = [s for s, v in self.shapes if v == view]
        found = {p.depth for p in self.parts_on(sides[0], view)} if sides else set()
        return tuple(d for d in DEPTHS if d in found)

    def under_on(self, view: str) -> tuple[str, ...]:
        """The muscles drawn over it, or over its deep parts, on this view (empty where it lies wholly on top)."""
        return self.under_by_view.get(view, self.under if self.depth == "deep" else ())


def anatomy_folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def _read_outline(col, file, r: _Reader, key: str, where: str) -> Polygon | None:
    """A closed SVG path -> one valid polygon, or None after saying why not (at the path's line)."""
    d = r.text(key)
    if not d:
        return None
    line = r.line(key)
    try:
        subpaths = parse_path(d)
    except PathSyntaxError as exc:
        col.add_error(file, line, exc, where)
        return None
    if len(subpaths) != 1:
        col.add_coded(file, line, where, "expected one closed path, got {count} subpaths", count=len(subpaths))
        return None
    points, closed = subpaths[0]
    if not closed and not (len(points) > 2 and points[0] == points[-1]):
        col.add_coded(file, line, where, "the outline is not closed (end it with Z)")
        return None
    if len(points) < 3:
        col.add_coded(file, line, where, "an outline needs at least three points")
        return None
    polygon = Polygon(np.asarray(points, dtype=float))  # (from an array: the same polygon, made in C)
    if not polygon.is_valid:
        col.add_coded(file, line, where, "not a valid polygon ({reason})", reason=shapely.is_valid_reason(polygon))
        return None
    if polygon.area <= 0:
        col.add_coded(file, line, where, "the outline has no area")
        return None
    return polygon


def _read_fibres(col, file, r: _Reader, where: str, outline: Polygon | None) -> tuple[LineString, ...]:
    items, line = r.items("fibres")
    if isinstance(r.map.get("fibres"), list) and not FIBRES_MIN <= len(items) <= FIBRES_MAX:
        col.add_coded(file, line, f"{where}.fibres", "expected {least} to {most} lines, got {count}", least=FIBRES_MIN, most=FIBRES_MAX, count=len(items))
    inside = None  # the outline grown by FIBRE_TOLERANCE: made only for a fibre the outline itself does not cover
    fibres = []
    for i, d in enumerate(items):
        item_line = items.line_of(i) if hasattr(items, "line_of") else line
        here = f"{where}.fibres[{i}]"
        if not isinstance(d, str) or not d.strip():
            col.add_coded(file, item_line, here, "expected SVG path data, got {kind}", kind=_describe(d))
            continue
        try:
            subpaths = parse_path(d)
        except PathSyntaxError as exc:
            col.add_error(file, item_line, exc, here)
            continue
        if len(subpaths) != 1 or len(subpaths[0][0]) < 2:
            col.add_coded(file, item_line, here, "expected one open line of at least two points")
            continue
        fibre = LineString(subpaths[0][0])
        if outline is not None and not outline.covers(fibre):  # (a fibre inside the outline is inside it grown too)
            if inside is None:
                inside = outline.buffer(FIBRE_TOLERANCE)
            if inside.covers(fibre):
                fibres.append(fibre)
                continue
            outside = fibre.difference(inside).length
            col.add_coded(file, item_line, here, "the fibre line runs {units} units outside its outline", units=f"{outside:.1f}")
            continue
        fibres.append(fibre)
    return tuple(fibres)


_GROWN: dict[int, tuple] = {}


def _grown(body):
    """The body grown by BODY_TOLERANCE and prepared for containment tests: once per view, not once per outline."""
    found = _GROWN.get(id(body))
    if found is None or found[0] is not body:
        if len(_GROWN) >= 16:
            _GROWN.clear()
        grown = body.buffer(BODY_TOLERANCE)
        shapely.prepare(grown)
        found = _GROWN[id(body)] = (body, grown)
    return found[1]


def _check_placement(col, file, line, where, outline: Polygon, view) -> None:
    """Inside the body's outline on that view, on the person's right side (the left is its mirror image)."""
    right = view.body["right"]
    if right.is_empty:
        return
    grown = _grown(right)
    if grown.contains(outline):  # (prepared: most outlines lie well inside)
        return
    outside = outline.difference(grown)
    if outside.is_empty or outside.area <= 0.01:
        return
    left = view.body.get("left")
    if left is not None and outline.intersection(left).area > outline.intersection(right).area:
        toward = "x >= " if right.centroid.x > view.midline else "x <= "
        col.add_coded(file, line, where, "the outline lies on the person's left side; draw the right side ({toward} on view {view}): the left is its mirror image",
                      toward=f"{toward}{view.midline:g}", view=repr(view.id))  # fmt: skip
        return
    col.add_coded(file, line, where, "the outline reaches {area} square units outside the body outline of view {view}", area=f"{outside.area:.0f}", view=repr(view.id))


def _read_under(col, file, r: _Reader, where: str, muscle_id: str) -> tuple[str, ...] | None:
    if "under" not in r.map:
        return None
    names = r.text_list("under")
    out = []
    for i, name in enumerate(names):
        if name == muscle_id:
            col.add_coded(file, r.line("under"), f"{where}.under", "a muscle cannot lie under itself ({name})", name=repr(name))
        elif name not in MUSCLE_IDS:
            col.add_coded(file, r.line("under"), f"{where}.under", "unknown muscle {name} (expected one of the ids in DESIGN.md)", name=repr(name))
        elif name not in out:
            out.append(name)
    return tuple(out)


def _read_part(col, file, r: _Reader, where: str, view, muscle_id: str, view_depth, view_under, under, inherit=True) -> Part | None:
    """One outline with its fibres and depth: a view's whole shape, or one of its parts (which take the view's depth
    and 'under' unless they give their own)."""
    outline = _read_outline(col, file, r, "outline", f"{where}.outline")
    if outline is not None:
        _check_placement(col, file, r.line("outline"), f"{where}.outline", outline, view)
    lines = _read_fibres(col, file, r, where, outline)
    part_depth = r.choice("depth", DEPTHS, required=False, default=view_depth) if inherit else view_depth
    part_under = _read_under(col, file, r, where, muscle_id) if inherit else None
    if part_under is None:
        part_under = view_under
    if part_under is None or (inherit and "depth" in r.map and "under" not in r.map and part_depth != view_depth):
        part_under = (under or ()) if part_depth == "deep" else ()
    if part_depth == "deep" and not part_under:
        col.add_coded(file, r.line("depth") if "depth" in r.map else r.line(), where, "a deep muscle needs 'under': the muscles that lie over it on this view")
    if part_depth == "superficial" and part_under:
        col.add_coded(file, r.line("under") if "under" in r.map else r.line(), f"{where}.under", "'under' is for a deep muscle; it is superficial on this view")
    if outline is None:
        return None
    label = r.text("part", required=False) if inherit else ""
    return Part(outline, lines, part_depth or "superficial", tuple(part_under), label or "")


def _load_one(col, file: Path, views, mirrors, sources) -> tuple[MuscleAnatomy, dict] | None:
    """One file -> (MuscleAnatomy, {view: line of its 'under'}) for the cross-file checks."""
    data = _load(col, file)
    if data is None:
        return None
    r = _Reader(col, file, data, "anatomy", ("muscle", "depth", "under", "sources", "source", "views"))
    if not r.ok:
        return None
    muscle_id = read_muscle_id(col, file, r, "muscle")
    if muscle_id is None and r.text("muscle"):
        return None  # an unknown muscle: nothing of it can be checked against the others
    muscle_id = muscle_id or ""
    depth = r.choice("depth", DEPTHS)
    under = _read_under(col, file, r, "anatomy", muscle_id)
    if depth == "deep" and not under:
        col.add_coded(file, r.line("under") if "under" in data else r.line("depth"), "anatomy", "a deep muscle needs 'under': the muscles that lie over it")
    if depth == "superficial" and under:
        col.add_coded(file, r.line("under"), "anatomy", "'under' is for a deep muscle; this one is superficial")
    srcs = r.sources(sources)
    drawn = [v for v in views if not views[v].mirrored]
    shapes: dict = {}
    fibres: dict = {}
    depth_by_view: dict = {}
    under_by_view: dict = {}
    under_lines: dict = {}
    split: dict = {}
    entries = data.get("views")
    if "views" not in data:
        col.add_coded(file, r.line(), "anatomy", "missing required key {key}", key=repr("views"))
    elif not isinstance(entries, dict) or not entries:
        col.add_coded(file, r.line("views"), "anatomy.views", "expected a mapping of views, got {kind}", kind=_describe(entries))
    else:
        for view_id, value in entries.items():
            where = f"views.{view_id}"
            if view_id not in drawn:
                mirrored = view_id in views and views[view_id].mirrored
                why = "it is drawn as the mirror image of the right side" if mirrored else f"expected one of: {', '.join(drawn)}"
                col.add_coded(file, entries.line_of(view_id), "anatomy.views", "unknown view {view} ({why})", view=repr(view_id), why=why)
                continue
            vr = _Reader(col, file, value, where, ("outline", "fibres", "depth", "under", "parts"))
            if not vr.ok:
                continue
            view_depth = vr.choice("depth", DEPTHS, required=False, default=depth)
            view_under = _read_under(col, file, vr, where, muscle_id)
            under_lines[view_id] = vr.line("under") if "under" in value else (r.line("under") if "under" in data else vr.line())
            if "parts" in value:
                if "outline" in value or "fibres" in value:
                    col.add_coded(file, vr.line("parts"), where, "give either 'outline' and 'fibres' or 'parts', not both")
                    continue
                items, items_line = vr.items("parts")
                if isinstance(value.get("parts"), list) and not 2 <= len(items) <= PARTS_MAX:
                    col.add_coded(file, items_line, f"{where}.parts", "expected 2 to {most} parts, got {count}", most=PARTS_MAX, count=len(items))
                found = []
                for i, item in enumerate(items):
                    pr = _Reader(col, file, item, f"{where}.parts[{i}]", ("part", "outline", "fibres", "depth", "under"))
                    if pr.ok:
                        found.append(_read_part(col, file, pr, f"{where}.parts[{i}]", views[view_id], muscle_id, view_depth, view_under, under))
                parts = [p for p in found if p is not None]
                if len(parts) != len(items) or not parts:
                    continue
                shape = shapely.union_all([p.shape for p in parts])
                if shape.geom_type != "Polygon":
                    col.add_coded(file, items_line, f"{where}.parts", "the parts do not join into one shape")
                    continue
            else:
                part = _read_part(col, file, vr, where, views[view_id], muscle_id, view_depth, view_under, under, inherit=False)
                if part is None:
                    continue
                parts, shape = [part], part.shape
            on_top = any(p.depth == "superficial" for p in parts)
            over = tuple(dict.fromkeys(m for p in parts if p.depth == "deep" for m in p.under))
            for (vid, side), (src, axis) in mirrors.items():
                if src != view_id:
                    continue
                # The outline, every part's fibres and (when split) every part's outline, mirrored in one call.
                flat = [shape, *(f for p in parts for f in p.fibres), *((p.shape for p in parts) if len(parts) > 1 else ())]
                flipped = iter(flat if axis is None else mirror_many(flat, axis))
                shapes[(side, vid)] = next(flipped)
                part_fibres = [tuple(next(flipped) for _f in p.fibres) for p in parts]
                fibres[(side, vid)] = tuple(f for group in part_fibres for f in group)
                if len(parts) > 1:
                    split[(side, vid)] = tuple(Part(next(flipped), group, p.depth, p.under, p.label) for p, group in zip(parts, part_fibres))
                depth_by_view[vid] = "superficial" if on_top else "deep"
                under_by_view[vid] = over
    if not muscle_id or depth is None:
        return None
    order = {v: i for i, v in enumerate(views)}
    keys = sorted(shapes, key=lambda k: (order.get(k[1], 99), SIDES.index(k[0]) if k[0] in SIDES else 9))
    anatomy = MuscleAnatomy(
        muscle_id, depth, under or (), MappingProxyType({k: shapes[k] for k in keys}),
        MappingProxyType({k: fibres[k] for k in keys}), MappingProxyType(depth_by_view), MappingProxyType(under_by_view),
        srcs, file, MappingProxyType({k: split[k] for k in keys if k in split}) if split else None,
    )  # fmt: skip
    return anatomy, under_lines


def load_anatomy(col, data_dir: Path, views, mirrors, sources) -> dict[str, MuscleAnatomy]:
    """Every data/anatomy/*.yaml; each muscle of the vocabulary needs one."""
    folder = anatomy_folder(data_dir)
    try:
        present = folder.is_dir()
    except OSError:
        present = False
    if not present:
        col.add_coded(folder, 1, "", "folder of muscle shapes (data/anatomy) not found")
        return {}
    out: dict[str, MuscleAnatomy] = {}
    lines: dict[str, dict] = {}
    for file in sorted(folder.glob("*.yaml")):
        found = _load_one(col, file, views, mirrors, sources)
        if found is None:
            continue
        anatomy, under_lines = found
        out[anatomy.muscle_id] = anatomy
        lines[anatomy.muscle_id] = under_lines
    for muscle_id in MUSCLE_IDS:
        if muscle_id not in out and not (folder / f"{muscle_id}.yaml").exists():
            col.add_coded(folder / f"{muscle_id}.yaml", 1, "", "missing the shape of muscle {id}: every muscle needs data/anatomy/{name}.yaml", id=repr(muscle_id), name=muscle_id)
    for anatomy in out.values():  # a deep muscle is drawn with the ones over it ghosted: they must be drawn there
        for view_id in anatomy.views():
            for other in anatomy.under_on(view_id):
                if other in out and ("right", view_id) not in out[other].shapes and ("left", view_id) not in out[other].shapes:
                    col.add_coded(anatomy.file, lines[anatomy.muscle_id].get(view_id, 1), f"views.{view_id}.under",
                                  "{other} has no shape on view {view} (data/anatomy/{name}.yaml)", other=repr(other), view=repr(view_id), name=other)  # fmt: skip
    ordered = {m: out[m] for m in MUSCLE_IDS if m in out}
    return ordered


# ------------------------------------------------------------------------------------------------ hit-testing


def layer_of(anatomy: Mapping[str, MuscleAnatomy], muscle_id: str, view: str, _seen=()) -> int:
    """0 for a muscle lying on top on this view, 1 for one under a top muscle, and so on (cycles count once)."""
    found = anatomy.get(muscle_id)
    if found is None or muscle_id in _seen:
        return 0
    over = found.under_on(view)
    if not over:
        return 0
    return 1 + max(layer_of(anatomy, m, view, (*_seen, muscle_id)) for m in over)


def part_layer(anatomy: Mapping[str, MuscleAnatomy], part: Part, view: str) -> int:
    """0 for a part lying on top, else one more than the deepest of the muscles over it."""
    if part.depth != "deep" or not part.under:
        return 0
    return 1 + max(layer_of(anatomy, m, view) for m in part.under)


class AnatomyIndex:
    """Every muscle part of every view in one STRtree per view, in stacking order (top-most first)."""

    def __init__(self, anatomy: Mapping[str, MuscleAnatomy]):
        self.anatomy = anatomy
        per_view: dict[str, list] = {}
        for muscle_id, found in anatomy.items():
            for side, view in found.shapes:
                for part in found.parts_on(side, view):
                    per_view.setdefault(view, []).append((part_layer(anatomy, part, view), muscle_id, side, part))
        self.trees = {}
        for view, entries in per_view.items():
            entries.sort(key=lambda e: (e[0], e[3].shape.area, e[1], e[2]))
            shapes = [e[3].shape for e in entries]
            self.trees[view] = (shapely.STRtree(shapes), [(m, s, part.depth) for _l, m, s, part in entries], shapes)

    def at(self, view: str, x: float, y: float) -> list[tuple[str, str, str]]:
        found = self.trees.get(view)
        if found is None:
            return []
        tree, keys, _shapes = found
        hits = tree.query(Point(x, y), predicate="intersects")  # covered or on the edge
        out, seen = [], set()
        for i in sorted(hits):  # a muscle once, as its top-most part there
            if keys[i][:2] not in seen:
                seen.add(keys[i][:2])
                out.append(keys[i])
        return out


_INDEXES: list[tuple[Mapping, AnatomyIndex]] = []  # (the anatomy mapping, its index): a few atlases at most


def anatomy_index(atlas) -> AnatomyIndex:
    anatomy = atlas.anatomy
    for mapping, index in _INDEXES:
        if mapping is anatomy:
            return index
    index = AnatomyIndex(anatomy)
    _INDEXES.insert(0, (anatomy, index))
    del _INDEXES[4:]
    return index


def muscles_at(atlas, view: str, x: float, y: float) -> list[tuple[str, str, str]]:
    """The muscles whose shape holds the point (x, y) of a view, top-most first: [(muscle id, side, depth)].

    Top-most means a muscle lying on top on that view before those under it (by the 'under' lists), and among
    muscles at the same depth the smaller shape first. A muscle drawn in parts is answered by the part under the
    point: gluteus medius is on top at its upper-outer part and under gluteus maximus lower down."""
    return anatomy_index(atlas).at(view, x, y)


def shape_bounds(shapes) -> tuple[float, float, float, float] | None:
    """The bounding box of several shapes, or None when there are none."""
    shapes = [s for s in shapes if s is not None and not s.is_empty]
    if not shapes:
        return None
    return shapely.union_all(shapes).bounds if len(shapes) > 1 else shapes[0].bounds

