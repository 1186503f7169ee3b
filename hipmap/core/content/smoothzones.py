"""The zones' smoothed shapes as data: data/zones/<muscle>.yaml, written by tools/smooth_zones.py.

Smoothing a muscle's zones (shapes.smooth_pair) takes a quarter of a second of buffering, seven seconds for the
atlas: far too long for every load. So the tool smooths them once and writes the shapes, with the sha256 of every
file they were made from (the muscle's file, data/regions.yaml, data/views.yaml, the view SVGs); the loader reads
them (a few milliseconds) and the shapes read are the ones drawn and matched. While a source no longer matches (or
the file is missing or damaged) the loader uses the zones as the regions draw them, unsmoothed, and check-data
reports the file at its line with "run tools/smooth_zones.py"."""

from __future__ import annotations

import base64
import hashlib
import zlib
from pathlib import Path
from typing import Mapping

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..geometry.shapes import EMPTY, smooth_pair, union
from ..messages import said
from ..reading import read_bytes
from .problems import Collector
from .vocabulary import ZONE_KINDS
from .yamlfile import YamlSyntaxError, load_yaml_file

FOLDER = "zones"  # under data/
# Bumped whenever shapes.smooth / smooth_pair would draw other shapes from the same sources: every file is then stale.
SMOOTHING_VERSION = 5
GRID = 0.0001  # units: the shapes are written on this grid (four decimals: on the body outline to a hair)
PINCHED = 0.01  # square units: a part the grid pinches off a zone (where a hair's-width neck joined it) is dropped
MAX_COORDINATE = 100_000.0  # units: a coordinate beyond this is damage (the views are 600 x 1000)
MAX_RING_BYTES = 8_000_000
MAX_SOURCE_BYTES = 20_000_000
def zone_file(data_dir: Path, muscle_id: str) -> Path:
    return Path(data_dir) / FOLDER / f"{muscle_id}.yaml"


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_bytes(path, MAX_SOURCE_BYTES)).hexdigest()
    except (OSError, ValueError):
        return None


class ZoneSmoothing:
    """Where the smoothed zones of one load come from: the files in data/zones (the default), or, for
    tools/smooth_zones.py, computed here (``live``) and kept in ``made`` for it to write."""

    def __init__(self, live: bool = False, only=()):
        self.live, self.only = live, set(only)  # only: the muscles smoothed live (default all); the rest read
        self.made: dict[str, tuple[dict[str, str | None], dict[str, dict[str, list[str]]]]] = {}  # id -> (sources, paths)
        self.data_dir = self.assets_dir = None
        self.views: Mapping = {}
        self._shared: dict[str, str | None] | None = None

    def start(self, data_dir: Path, assets_dir: Path, views: Mapping) -> None:
        self.data_dir, self.assets_dir, self.views = Path(data_dir), Path(assets_dir), views
        self._shared = None

    def shared_sources(self) -> dict[str, str | None]:
        """The files every muscle's zones are made from, display name -> sha256 (None: unreadable)."""
        if self._shared is None:
            files = {"data/regions.yaml": self.data_dir / "regions.yaml", "data/views.yaml": self.data_dir / "views.yaml"}
            for view_id in sorted(self.views):
                view = self.views[view_id]
                if view.mirrored:
                    continue
                try:
                    name = view.svg_file.relative_to(self.assets_dir).as_posix()
                except ValueError:
                    name = view.svg_file.name
                files[f"assets/{name}"] = view.svg_file
            self._shared = {name: _sha256(path) for name, path in files.items()}
        return self._shared

    def sources(self, muscle_file: Path) -> dict[str, str | None]:
        return {f"data/muscles/{muscle_file.name}": _sha256(muscle_file), **self.shared_sources()}

    def zones(self, muscle_file: Path, drawn, named, authored, point_regions=()) -> dict[str, dict[str, BaseGeometry]]:
        """kind -> view -> the zone on the drawn (right) side, smoothed; ``drawn`` the zones as the regions and
        paths make them, ``named`` the regions each kind names, ``authored`` the parts drawn as paths,
        ``point_regions`` the regions holding the muscle's trigger points."""
        if self.live and (not self.only or muscle_file.stem in self.only):
            paths = {kind: {v: polygon_paths(g) for v, g in per_view.items()} for kind, per_view in smoothed(drawn, named, authored, self.views, point_regions).items()}
            self.made[muscle_file.stem] = (self.sources(muscle_file), paths)
            return {kind: {v: read_polygons(d) for v, d in per_view.items()} for kind, per_view in paths.items()}
        if self.data_dir is None:
            return drawn
        found = read_zone_file(Collector(), zone_file(self.data_dir, muscle_file.stem), self.sources(muscle_file), drawn)
        return found if found is not None else drawn


def smoothed(drawn: Mapping[str, Mapping[str, BaseGeometry]], named, authored, views, point_regions=()) -> dict[str, dict[str, BaseGeometry]]:
    """Each view's zones with the regions' stair steps rounded off (shapes.smooth_pair): the essential zone
    smoothed, the spillover the smoothed whole pattern less it. The regions named and the parts drawn as paths are
    kept whole where the rounding would cut more than a few percent of one; a concave corner is not filled in a
    region holding one of the muscle's trigger points that no zone names (``point_regions``)."""
    unnamed = sorted(set(point_regions) - {name for kind in ZONE_KINDS for name in named.get(kind, ())})
    essential, spillover = drawn.get("essential", {}), drawn.get("spillover", {})
    out: dict[str, dict[str, BaseGeometry]] = {kind: {} for kind in ZONE_KINDS}
    for view_id in sorted({*essential, *spillover}):
        view = views[view_id]
        regions = {
            kind: [view.regions[(name, "right")] for name in named.get(kind, ()) if (name, "right") in view.regions] + authored.get((kind, view_id), [])
            for kind in ZONE_KINDS
        }  # fmt: skip
        keep_out = [view.regions[(name, "right")] for name in unnamed if (name, "right") in view.regions]
        ess, spill = smooth_pair(essential.get(view_id, EMPTY), spillover.get(view_id, EMPTY), view.body["right"], regions["essential"], regions["spillover"], keep_out)
        if view_id in essential:
            out["essential"][view_id] = ess
        if view_id in spillover:
            out["spillover"][view_id] = spill
    return out


# -------------------------------------------------------------------------------------------------- the file


def _ring_text(xy: np.ndarray) -> str:
    """One ring (its points, not repeated at the end) -> base64 of the zlib-compressed little-endian int32 of its
    coordinates in GRID units, each point after the first as its step from the one before."""
    ints = np.rint(np.asarray(xy, dtype=float) / GRID).astype("<i8").reshape(-1)
    steps = ints.copy()
    steps[2:] = ints[2:] - ints[:-2]
    return base64.b64encode(zlib.compress(steps.astype("<i4").tobytes(), 9)).decode("ascii")


def _ring_points(text: str) -> np.ndarray | None:
    """_ring_text's ring back as an (n, 2) array of coordinates; None when TEXT is anything else."""
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode(text, validate=True), MAX_RING_BYTES + 1)  # (never a bomb's worth)
    except (ValueError, zlib.error):
        return None
    if not inflate.eof or len(raw) % 8 or len(raw) < 24 or len(raw) > MAX_RING_BYTES:
        return None
    ints = np.cumsum(np.frombuffer(raw, dtype="<i4").reshape(-1, 2), axis=0, dtype=np.int64)
    if np.abs(ints).max() > MAX_COORDINATE / GRID:
        return None
    return ints * GRID


def polygon_paths(geometry: BaseGeometry) -> list[str]:
    """One text per polygon: its outline then its holes (_ring_text each), separated by spaces, on the GRID."""
    if geometry.is_empty:
        return []
    geometry = shapely.set_precision(geometry, GRID)
    out = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty or polygon.area < PINCHED:
            continue
        polygon = shapely.geometry.polygon.orient(polygon)
        out.append(" ".join(_ring_text(shapely.get_coordinates(ring)[:-1]) for ring in (polygon.exterior, *polygon.interiors)))
    return out


def read_polygons(paths) -> BaseGeometry | None:
    """The shape of polygon_paths' texts; None when they are anything else."""
    polygons = []
    for d in paths:
        if not isinstance(d, str):
            return None
        rings = [_ring_points(text) for text in d.split()]
        if not rings or any(ring is None for ring in rings):
            return None
        polygons.append(Polygon(rings[0], rings[1:]))
    if not polygons:
        return EMPTY
    shape = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    if not shape.is_valid or any(p.area <= 0 for p in polygons):  # (overlapping parts make a MultiPolygon invalid)
        return None
    return shape


def read_zone_file(col: Collector, path: Path, expected: Mapping[str, str | None], drawn=None):
    """kind -> view -> shape when PATH holds the smoothed zones made from the EXPECTED sources (and, when ``drawn``
    is given, on its views); else None, after reporting why not to COL."""
    try:
        data = load_yaml_file(path)
    except FileNotFoundError:
        col.add_coded(path, 1, "", "missing the smoothed zones of muscle {id}: run tools/smooth_zones.py", id=path.stem)
        return None
    except YamlSyntaxError as exc:
        col.add_error(path, exc.line, exc)
        return None
    except (OSError, UnicodeError) as exc:
        col.add_coded(path, 1, "", "cannot read the file: {reason}", reason=said(exc))
        return None
    damaged = "not what tools/smooth_zones.py writes: run tools/smooth_zones.py"
    if not isinstance(data, dict) or data.get("muscle") != path.stem:
        col.add_coded(path, data.line_of("muscle") if isinstance(data, dict) else 1, "", damaged)
        return None
    if data.get("method") != SMOOTHING_VERSION:
        col.add_coded(path, data.line_of("method"), "", "made by another version of the smoothing ({version}; now {current}): run tools/smooth_zones.py", version=repr(data.get("method")), current=SMOOTHING_VERSION)
        return None
    sources = data.get("sources")
    if not isinstance(sources, dict):
        col.add_coded(path, data.line_of("sources"), "", damaged)
        return None
    for name, digest in expected.items():
        if name not in sources:
            col.add_coded(path, data.line_of("sources"), "", "not made from {source}, which the zones now use: run tools/smooth_zones.py", source=name)
            return None
        if digest is None or sources[name] != digest:
            col.add_coded(path, sources.line_of(name), "", "made from another version of {source} than the one there now: run tools/smooth_zones.py", source=name)
            return None
    for name in sources:
        if name not in expected:
            col.add_coded(path, sources.line_of(name), "", "made from {source}, which it no longer is: run tools/smooth_zones.py", source=name)
            return None
    out: dict[str, dict[str, BaseGeometry]] = {kind: {} for kind in ZONE_KINDS}
    for kind in ZONE_KINDS:
        per_view = data.get(kind, {})
        if not isinstance(per_view, dict):
            col.add_coded(path, data.line_of(kind), "", damaged)
            return None
        for view_id, paths in per_view.items():
            shape = read_polygons(paths) if isinstance(paths, list) else None
            if shape is None:
                col.add_coded(path, per_view.line_of(view_id), "", damaged)
                return None
            out[kind][str(view_id)] = shape
    if drawn is not None and any(set(out[kind]) != set(drawn.get(kind, {})) for kind in ZONE_KINDS):
        col.add_coded(path, 1, "", "the zones are drawn on other views now: run tools/smooth_zones.py")
        return None
    return out


def render_zone_file(muscle_id: str, sources: Mapping[str, str | None], zones: Mapping[str, Mapping[str, list[str]]]) -> str:
    """The file: SOURCES (name -> sha256) and ZONES (kind -> view -> polygon_paths)."""
    lines = [
        f"# The zones of {muscle_id} smoothed into flowing shapes, on the drawn (right) side: what is drawn and matched.",
        "# Generated by tools/smooth_zones.py from the files below (their sha256); edit those and run it again.",
        f"muscle: {muscle_id}",
        f"method: {SMOOTHING_VERSION}",
        "sources:",
        *(f"  {name}: {digest}" for name, digest in sources.items()),
    ]
    for kind in ZONE_KINDS:
        per_view = zones.get(kind, {})
        if not per_view:
            continue
        lines.append(f"{kind}:")
        for view_id in sorted(per_view):
            paths = per_view[view_id]
            if not paths:
                lines.append(f"  {view_id}: []")
                continue
            lines.append(f"  {view_id}:")
            lines.extend(f'    - "{d}"' for d in paths)
    return "\n".join(lines) + "\n"


def check_zone_files(col: Collector, atlas) -> None:
    """Every muscle's data/zones file missing, damaged or made from other sources than those there now; and
    files for no muscle. (check-data)"""
    data_dir = Path(atlas.data_dir)
    smoothing = ZoneSmoothing()
    smoothing.start(data_dir, atlas.assets_dir, atlas.views)
    for name, digest in smoothing.shared_sources().items():
        if digest is None:
            col.add_coded(data_dir / FOLDER, 1, "", "cannot read {source} to check the smoothed zones: run tools/smooth_zones.py", source=name)
            return
    for muscle_id, muscle in atlas.muscles.items():
        read_zone_file(col, zone_file(data_dir, muscle_id), smoothing.sources(muscle.file))
    folder = data_dir / FOLDER
    try:
        extra = sorted(p for p in folder.glob("*.yaml") if p.stem not in atlas.muscles)
    except OSError:
        extra = []
    for path in extra:
        col.add_coded(path, 1, "", "no muscle {id} in data/muscles: delete the file or run tools/smooth_zones.py", id=path.stem)
