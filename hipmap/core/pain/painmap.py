"""The user's pain map: marks on the diagrams, and the ``*.hipmap.json`` file format.

A PainMap is immutable: every edit returns a new map, which makes undo exact and sharing safe.
"""

from __future__ import annotations

import json
import re
import weakref
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from ... import __version__
from ..content.model import Atlas
from ..content.vocabulary import VIEW_IDS
from ..fileio import atomic_write_bytes
from ..reading import read_bytes
from ..geometry.shapes import EMPTY, disc, mirror, stroke, to_geojson_many, valid
from ..messages import coded, said

FORMAT = "hipmap.painmap"
VERSION = 1
QUALITIES = ("aching", "burning", "tingling", "numbness", "sharp", "throbbing")
NERVE_QUALITIES = ("tingling", "numbness")
DEFAULT_BRUSH = 12.0
MAX_FILE_BYTES = 20_000_000
MAX_MARKS = 5_000
# Marks must lie near the diagram: the views are 600 x 1000; allow a margin for brushes at the edge.
COORDINATE_LIMIT = 5_000.0
# Repairing a shape that crosses itself (make_valid) costs more than the square of its crossings: 300 random points
# (a 10 KB file) take half a minute. hipmap writes only valid shapes, so one file may ask for this much repair in all,
# of shapes this big at most.
MAX_REPAIR_CROSSINGS = 1_000
MAX_REPAIR_POINTS = 10_000


class PainMapError(ValueError):
    """A pain map file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Mark:
    view: str
    geometry: BaseGeometry
    intensity: int = 5
    qualities: tuple[str, ...] = ()
    side: str | None = None  # 'right', 'left' or 'both'; derived from the geometry when an atlas is known

    def with_(self, **changes) -> "Mark":
        return replace(self, **changes)


@dataclass(frozen=True)
class PainMap:
    marks: tuple[Mark, ...] = ()
    note: str = ""
    created: str = field(default_factory=lambda: _now())

    def add(self, mark: Mark) -> "PainMap":
        return replace(self, marks=self.marks + (mark,))

    def without(self, index: int) -> "PainMap":
        return replace(self, marks=self.marks[:index] + self.marks[index + 1 :])

    def cleared(self) -> "PainMap":
        return replace(self, marks=())

    def is_empty(self) -> bool:
        return not self.marks

    def views(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.view for m in self.marks))

    def geometry_on(self, view: str) -> BaseGeometry:
        shapes = [m.geometry for m in self.marks if m.view == view and not m.geometry.is_empty]
        if not shapes:
            return EMPTY
        return valid(shapely.union_all(shapes))

    def qualities(self) -> tuple[str, ...]:
        found = {q for m in self.marks for q in m.qualities}
        return tuple(q for q in QUALITIES if q in found)

    def has_nerve_signs(self) -> bool:
        return any(q in NERVE_QUALITIES for m in self.marks for q in m.qualities)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------------------------- building marks


def click_mark(view: str, x: float, y: float, radius: float = DEFAULT_BRUSH, intensity: int = 5, qualities=()) -> Mark:
    return Mark(view, disc(x, y, radius), intensity, tuple(qualities))


def stroke_mark(view: str, points, radius: float = DEFAULT_BRUSH, intensity: int = 5, qualities=()) -> Mark:
    return Mark(view, valid(stroke(points, radius)), intensity, tuple(qualities))


def region_marks(atlas: Atlas, region: str, side: str, intensity: int = 5, qualities=()) -> list[Mark]:
    """Pain over a whole region: its shape on every view that shows it."""
    return [
        Mark(view_id, shape, intensity, tuple(qualities), side)
        for view_id, shape in atlas.region_shapes(region, side).items()
    ]


# region_of's answers, per mark (id -> (weak refs to the mark and to the view asked about, the answer)): a mark
# never changes, and the status bar counts every mark of the map again after each new one. An entry goes with its
# mark, and holds neither the mark nor the view alive.
_REGION_OF: dict[int, tuple[weakref.ref, weakref.ref, tuple[str, str] | None]] = {}


def region_of(mark: Mark, atlas: Atlas) -> tuple[str, str] | None:
    """(region, side) when MARK is a whole region as region_marks() makes it (that region's shape on its view)."""
    view = atlas.views.get(mark.view)
    if view is None or mark.side not in ("left", "right"):
        return None
    key = id(mark)
    known = _REGION_OF.get(key)
    if known is not None and known[0]() is mark and known[1]() is view:
        return known[2]
    found = _region_of(mark, view)
    ref = weakref.ref(mark, lambda r, k=key: _REGION_OF.pop(k) if _REGION_OF.get(k, (None,))[0] is r else None)
    _REGION_OF[key] = (ref, weakref.ref(view), found)
    return found


def _region_of(mark: Mark, view) -> tuple[str, str] | None:
    bounds = mark.geometry.bounds
    for (region, side), shape in view.regions.items():
        if side != mark.side:
            continue
        if shape is mark.geometry:
            return region, side
        if all(abs(a - b) < 0.05 for a, b in zip(shape.bounds, bounds)) and shape.symmetric_difference(mark.geometry).area < 1.0:
            return region, side
    return None


def made_count(painmap: PainMap, atlas: Atlas) -> int:
    """How many marks the person made: a region marked by name is one mark, though it lies on every view that shows
    it (region_marks); each click or stroke is one."""
    groups = set()
    count = 0
    for mark in painmap.marks:
        found = region_of(mark, atlas)
        if found is None:
            count += 1
        else:
            groups.add((found, mark.intensity, tuple(mark.qualities)))
    return count + len(groups)


def with_sides(painmap: PainMap, atlas: Atlas) -> PainMap:
    """Fill in each mark's side from where it lies on the body."""
    marks = tuple(m.with_(side=atlas.views[m.view].side_of(m.geometry)) if m.view in atlas.views else m for m in painmap.marks)
    return replace(painmap, marks=marks)


def pain_side(painmap: PainMap, atlas: Atlas) -> str | None:
    """The side most of the marked pain is on ('right' or 'left'; right when the two are even), or None when
    nothing on the body is marked: the side a muscle chosen from the browser is shown on. Cheap: a mark that knows
    its side counts whole; only one over both sides (or of unknown side) is cut along the body's halves."""
    area = {"right": 0.0, "left": 0.0}
    for mark in painmap.marks:
        if mark.side in area:
            area[mark.side] += mark.geometry.area
            continue
        view = atlas.views.get(mark.view)
        for side in view.sides if view is not None else ():
            if side in area:
                area[side] += view.body[side].intersection(mark.geometry).area
    if not area["right"] and not area["left"]:
        return None
    return "left" if area["left"] > area["right"] else "right"


def extent(painmap: PainMap, atlas: Atlas) -> float:
    """The share of the body drawing that is marked, over all views (0-1): the "pain extent" of digital pain
    drawings. Every view counts in the total, so a map marked on one view compares fairly with one marked on two."""
    marked = total = 0.0
    for view_id, view in atlas.views.items():
        body = shapely.union_all(list(view.body.values()))
        total += body.area
        pain = painmap.geometry_on(view_id)
        if not pain.is_empty:
            marked += pain.intersection(body).area
    return min(1.0, marked / total) if total else 0.0


def strongest(painmap: PainMap) -> int | None:
    return max((m.intensity for m in painmap.marks), default=None)


# --------------------------------------------------------------------------------------------- mirroring


_SWAP_SIDE = {"right": "left", "left": "right", "both": "both", None: None}


def mirrored(painmap: PainMap, atlas: Atlas) -> PainMap:
    """The same pain on the other side of the body: right <-> left, and nothing else."""
    marks = []
    for mark in painmap.marks:
        view = atlas.views[mark.view]
        if view.midline is not None:
            new_view, axis = mark.view, view.midline
        else:
            # lateral_left is drawn as the mirror image of lateral_right, so the same spot on the
            # other leg sits at the mirrored position on the other lateral view.
            new_view = "lateral_left" if mark.view == "lateral_right" else "lateral_right"
            axis = view.center_x
        marks.append(mark.with_(view=new_view, geometry=mirror(mark.geometry, axis), side=_SWAP_SIDE[mark.side]))
    return replace(painmap, marks=tuple(marks))


# --------------------------------------------------------------------------------------------- file format


def to_json_dict(painmap: PainMap) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "app": f"hipmap {__version__}",
        "created": painmap.created,
        "saved": _now(),
        "note": painmap.note,
        "marks": [
            {
                "view": m.view,
                **({"side": m.side} if m.side else {}),
                "intensity": m.intensity,
                "qualities": list(m.qualities),
                "geometry": geometry,
            }
            for m, geometry in zip(painmap.marks, to_geojson_many([m.geometry for m in painmap.marks]))
        ],
    }


def dumps(painmap: PainMap) -> bytes:
    return (json.dumps(to_json_dict(painmap), indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def save(painmap: PainMap, path: Path) -> None:
    atomic_write_bytes(Path(path), dumps(painmap))


def _fail(where: str, template: str, **params):
    """Raise a PainMapError: WHERE, then TEMPLATE filled with PARAMS (the UI says the template in its language)."""
    raise coded(PainMapError, template, where, **params)


def _finite_coords(value, depth=0) -> bool:
    if depth > 6:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return abs(value) <= COORDINATE_LIMIT  # False for NaN and infinity; no float() of a 400-digit int
    if isinstance(value, list):
        return all(_finite_coords(v, depth + 1) for v in value)
    return False


def _crossings(geometry: BaseGeometry, cap: int) -> int:
    """How many pairs of edges of a shape meet, besides neighbours on a ring: crossings, edges running along each
    other and, in a valid shape, a hole touching its shell. Counted up to just over ``cap`` on shapes of up to
    MAX_REPAIR_POINTS points, estimated from a sample of edges on bigger ones (GEOS takes seconds even to call a
    tangle of 150,000 random points invalid)."""
    rings = [r for part in getattr(geometry, "geoms", (geometry,)) if not part.is_empty for r in (part.exterior, *part.interiors)]
    ends = [np.asarray(r.coords)[:, :2] for r in rings]
    ends = [c[np.r_[True, np.any(np.diff(c, axis=0) != 0, axis=1)]] for c in ends]  # no zero-length edges
    edges = [np.stack([c[:-1], c[1:]], axis=1) for c in ends if len(c) >= 2]
    if not edges:
        return 0
    sizes = np.array([len(e) for e in edges])
    ring = np.repeat(np.arange(len(edges)), sizes)  # each edge's ring, and its place on the ring
    place = np.arange(len(ring)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    lines = shapely.linestrings(np.concatenate(edges))
    n = len(lines)
    order = np.arange(n) if n <= MAX_REPAIR_POINTS else np.random.default_rng(0).choice(n, 2048, replace=False)
    batch = max(1, min(64, 500_000 // n))  # one edge may meet all the others: keep each query's answer small
    tree = shapely.STRtree(lines)
    found = checked = 0
    for start in range(0, len(order), batch):
        chunk = order[start : start + batch]
        mine, other = tree.query(lines[chunk], predicate="intersects")
        a, b = chunk[mine], other
        gap = np.abs(place[a] - place[b])
        neighbours = (ring[a] == ring[b]) & ((gap <= 1) | (gap == sizes[ring[a]] - 1))  # (and each edge itself)
        found += int(np.count_nonzero(~neighbours))
        checked += len(chunk)
        if found > 2 * cap:
            break
    return found * n // checked // 2  # each pair was found from both sides


def _read_geometry(where: str, value, repairs: list[int] | None = None) -> BaseGeometry:
    """``repairs``: [crossings the file may still ask to repair], shared by its marks."""
    if not isinstance(value, dict) or value.get("type") not in ("Polygon", "MultiPolygon"):
        _fail(where, "expected a GeoJSON Polygon or MultiPolygon")
    coords = value.get("coordinates")
    if not isinstance(coords, list) or not _finite_coords(coords):
        _fail(where, "coordinates must be nested lists of finite numbers within ±{limit}", limit=f"{COORDINATE_LIMIT:g}")
    try:
        geometry = geojson_shape(value)
    except Exception as exc:  # shapely raises several types for malformed rings
        _fail(where, "not a valid shape ({reason})", reason=str(exc))
    repairs = [MAX_REPAIR_CROSSINGS] if repairs is None else repairs
    points = shapely.get_num_coordinates(geometry)
    if points <= MAX_REPAIR_POINTS:
        # Up to MAX_REPAIR_POINTS, is_valid is fast whatever the shape, and a valid one needs no repair: count
        # crossings (for the file's repair budget) only on a shape that has them. A map of thousands of small
        # marks took seconds when every mark was counted.
        is_valid = geometry.is_valid
        meeting = 0 if is_valid else _crossings(geometry, repairs[0])
    else:
        meeting = _crossings(geometry, repairs[0])  # first: is_valid itself is slow on a big tangle
        is_valid = meeting <= repairs[0] and geometry.is_valid
    if not is_valid and (meeting > repairs[0] or points > MAX_REPAIR_POINTS):
        _fail(where, "the shape crosses itself and is too complex to repair ({points} points; hipmap repairs up to "
                     "{crossings} crossings in a file, in shapes of up to {most} points)", points=points,
              crossings=MAX_REPAIR_CROSSINGS, most=MAX_REPAIR_POINTS)  # fmt: skip
    if not is_valid:
        repairs[0] -= meeting
    geometry = valid(geometry)
    if geometry.is_empty or not geometry.area > 0:  # a mark of no area draws nothing and breaks every overlap
        _fail(where, "the shape is empty (a mark must cover some area)")
    return geometry


def from_json_dict(data, where: str = "pain map") -> PainMap:
    if not isinstance(data, dict):
        _fail(where, "expected a JSON object")
    if data.get("format") != FORMAT:
        _fail(where, "not a hipmap pain map (expected \"format\": \"{format}\")", format=FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _fail(where, "missing or invalid \"version\" (expected a whole number)")
    if version > VERSION:
        _fail(where, "made by a newer hipmap (format version {version}); this version reads up to {supported}. Please update hipmap.", version=version, supported=VERSION)
    marks_data = data.get("marks")
    if not isinstance(marks_data, list):
        _fail(where, "\"marks\" must be a list")
    if len(marks_data) > MAX_MARKS:
        _fail(where, "too many marks ({count}; the limit is {limit})", count=len(marks_data), limit=MAX_MARKS)
    marks = []
    repairs = [MAX_REPAIR_CROSSINGS]
    for i, item in enumerate(marks_data):
        at = f"{where}: marks[{i}]"
        if not isinstance(item, dict):
            _fail(at, "expected an object")
        view = item.get("view")
        if view not in VIEW_IDS:
            _fail(at, "unknown view {view} (expected one of: {views})", view=repr(view), views=", ".join(VIEW_IDS))
        intensity = item.get("intensity", 5)
        if not isinstance(intensity, int) or isinstance(intensity, bool) or not 0 <= intensity <= 10:
            _fail(at, "intensity must be a whole number from 0 to 10, got {value}", value=repr(intensity))
        qualities = item.get("qualities", [])
        if not isinstance(qualities, list) or any(q not in QUALITIES for q in qualities):
            _fail(at, "qualities must be a list of: {qualities}", qualities=", ".join(QUALITIES))
        side = item.get("side")
        if side not in (None, "right", "left", "both"):
            _fail(at, "side must be right, left or both, got {value}", value=repr(side))
        geometry = _read_geometry(f"{at}.geometry", item.get("geometry"), repairs)
        marks.append(Mark(view, geometry, intensity, tuple(dict.fromkeys(qualities)), side))
    note = data.get("note", "")
    created = data.get("created", "")
    return PainMap(tuple(marks), _text(note), _text(created))


def _text(value) -> str:
    """Free text as kept: JSON may escape half of a surrogate pair (\\ud800), which no file can hold again."""
    return re.sub("[\ud800-\udfff]", "\ufffd", value) if isinstance(value, str) else ""


def loads(data: bytes, where: str = "pain map") -> PainMap:
    if len(data) > MAX_FILE_BYTES:
        _fail(where, "file is too large ({size} bytes)", size=len(data))
    try:
        parsed = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        _fail(where, "not UTF-8 text")
    except json.JSONDecodeError as exc:
        _fail(f"{where}:{exc.lineno}", "invalid JSON: {reason}", reason=exc.msg)
    except RecursionError:
        _fail(where, "JSON nested too deeply")
    except ValueError:  # Python's limit on the digits of a whole number
        _fail(where, "invalid JSON: a number is too long")
    return from_json_dict(parsed, where)


def load(path: Path) -> PainMap:
    path = Path(path)
    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        _fail(str(path), "file not found")
    except OSError as exc:
        _fail(str(path), "cannot read the file ({reason})", reason=said(exc, str(exc.strerror or exc)))
    return loads(data, str(path))
