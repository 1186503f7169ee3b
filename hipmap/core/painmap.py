"""The user's pain map: marks on the diagrams, and the ``*.hipmap.json`` file format.

A PainMap is immutable: every edit returns a new map, which makes undo exact and sharing safe.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import shapely
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from .. import __version__
from .atlas import VIEW_IDS, Atlas
from .fileio import atomic_write_bytes
from .geometry import EMPTY, disc, mirror, stroke, to_geojson, valid

FORMAT = "hipmap.painmap"
VERSION = 1
QUALITIES = ("aching", "burning", "tingling", "numbness", "sharp", "throbbing")
NERVE_QUALITIES = ("tingling", "numbness")
DEFAULT_BRUSH = 12.0
MAX_FILE_BYTES = 20_000_000
MAX_MARKS = 5_000
# Marks must lie near the diagram: the views are 600 x 1000; allow a margin for brushes at the edge.
COORDINATE_LIMIT = 5_000.0


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


def with_sides(painmap: PainMap, atlas: Atlas) -> PainMap:
    """Fill in each mark's side from where it lies on the body."""
    marks = tuple(m.with_(side=atlas.views[m.view].side_of(m.geometry)) if m.view in atlas.views else m for m in painmap.marks)
    return replace(painmap, marks=marks)


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
                "geometry": to_geojson(m.geometry),
            }
            for m in painmap.marks
        ],
    }


def dumps(painmap: PainMap) -> bytes:
    return (json.dumps(to_json_dict(painmap), indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def save(painmap: PainMap, path: Path) -> None:
    atomic_write_bytes(Path(path), dumps(painmap))


def _fail(where: str, message: str):
    raise PainMapError(f"{where}: {message}")


def _finite_coords(value, depth=0) -> bool:
    if depth > 6:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return math.isfinite(value) and abs(value) <= COORDINATE_LIMIT
    if isinstance(value, list):
        return all(_finite_coords(v, depth + 1) for v in value)
    return False


def _read_geometry(where: str, value) -> BaseGeometry:
    if not isinstance(value, dict) or value.get("type") not in ("Polygon", "MultiPolygon"):
        _fail(where, "expected a GeoJSON Polygon or MultiPolygon")
    coords = value.get("coordinates")
    if not isinstance(coords, list) or not _finite_coords(coords):
        _fail(where, f"coordinates must be nested lists of finite numbers within ±{COORDINATE_LIMIT:g}")
    try:
        geometry = geojson_shape(value)
    except Exception as exc:  # shapely raises several types for malformed rings
        _fail(where, f"not a valid shape ({exc})")
    return valid(geometry)


def from_json_dict(data, where: str = "pain map") -> PainMap:
    if not isinstance(data, dict):
        _fail(where, "expected a JSON object")
    if data.get("format") != FORMAT:
        _fail(where, f"not a hipmap pain map (expected \"format\": \"{FORMAT}\")")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _fail(where, "missing or invalid \"version\" (expected a whole number)")
    if version > VERSION:
        _fail(where, f"made by a newer hipmap (format version {version}); this version reads up to {VERSION}. Please update hipmap.")
    marks_data = data.get("marks")
    if not isinstance(marks_data, list):
        _fail(where, "\"marks\" must be a list")
    if len(marks_data) > MAX_MARKS:
        _fail(where, f"too many marks ({len(marks_data)}; the limit is {MAX_MARKS})")
    marks = []
    for i, item in enumerate(marks_data):
        at = f"{where}: marks[{i}]"
        if not isinstance(item, dict):
            _fail(at, "expected an object")
        view = item.get("view")
        if view not in VIEW_IDS:
            _fail(at, f"unknown view {view!r} (expected one of: {', '.join(VIEW_IDS)})")
        intensity = item.get("intensity", 5)
        if not isinstance(intensity, int) or isinstance(intensity, bool) or not 0 <= intensity <= 10:
            _fail(at, f"intensity must be a whole number from 0 to 10, got {intensity!r}")
        qualities = item.get("qualities", [])
        if not isinstance(qualities, list) or any(q not in QUALITIES for q in qualities):
            _fail(at, f"qualities must be a list of: {', '.join(QUALITIES)}")
        side = item.get("side")
        if side not in (None, "right", "left", "both"):
            _fail(at, f"side must be right, left or both, got {side!r}")
        geometry = _read_geometry(f"{at}.geometry", item.get("geometry"))
        marks.append(Mark(view, geometry, intensity, tuple(dict.fromkeys(qualities)), side))
    note = data.get("note", "")
    created = data.get("created", "")
    return PainMap(tuple(marks), note if isinstance(note, str) else "", created if isinstance(created, str) else "")


def loads(data: bytes, where: str = "pain map") -> PainMap:
    if len(data) > MAX_FILE_BYTES:
        _fail(where, f"file is too large ({len(data)} bytes)")
    try:
        parsed = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        _fail(where, "not UTF-8 text")
    except json.JSONDecodeError as exc:
        _fail(f"{where}:{exc.lineno}", f"invalid JSON: {exc.msg}")
    except RecursionError:
        _fail(where, "JSON nested too deeply")
    return from_json_dict(parsed, where)


def load(path: Path) -> PainMap:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        _fail(str(path), "file not found")
    except OSError as exc:
        _fail(str(path), f"cannot read the file ({exc.strerror or exc})")
    return loads(data, str(path))
