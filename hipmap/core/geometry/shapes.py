"""Shapes: SVG path data -> shapely, mirroring, brush marks, and the spatial index used for matching."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..messages import again, coded
from .svgpath import PathSyntaxError, parse_path

EMPTY = Polygon()
POLYGON = 3  # shapely's type id of a Polygon
# Discs are drawn with 8 segments per quarter: smooth on screen, cheap to intersect.
QUAD_SEGS = 8


class ShapeError(ValueError):
    pass


def polygon_from_path(d: str) -> BaseGeometry:
    """Closed SVG path -> polygon. Several subpaths combine by the even-odd rule (holes are allowed)."""
    try:
        subpaths = parse_path(d)
    except PathSyntaxError as exc:
        raise again(exc, ShapeError(str(exc))) from None
    shape = None
    for points, _closed in subpaths:
        if len(points) < 3:
            raise coded(ShapeError, "a shape needs at least three points")
        ring = Polygon(np.asarray(points, dtype=float))  # (from an array: the same polygon, made in C)
        if not ring.is_valid:
            reason = shapely.is_valid_reason(ring)
            raise coded(ShapeError, "not a valid polygon ({reason})", reason=reason)
        shape = ring if shape is None else shape.symmetric_difference(ring)
    if shape is None or shape.is_empty or shape.area <= 0:
        raise coded(ShapeError, "the shape has no area")
    return shape


def mirror(geometry: BaseGeometry, midline: float) -> BaseGeometry:
    """Reflect across the vertical line x = midline (a person's right side <-> left side)."""
    if geometry.is_empty:
        return geometry
    return shapely.transform(geometry, _Reflect(midline))


def mirror_many(geometries, midline: float) -> list[BaseGeometry]:
    """mirror() of each geometry, in one pass over all their coordinates (the same shapes, for a fraction of the
    calls: loading mirrors a few hundred shapes)."""
    geometries = list(geometries)
    if not geometries:
        return []
    return list(shapely.transform(np.asarray(geometries, dtype=object), _Reflect(midline)))


class _Reflect:
    """x -> 2 * midline - x, y unchanged: affinity.scale(g, -1, 1, origin=(midline, 0)) to the last bit (its
    -1 * x + 0 * y + 2 * midline rounds once, as this does), without the affine matrix's calls."""

    def __init__(self, midline: float):
        self.offset = 2.0 * float(midline)

    def __call__(self, xy: np.ndarray) -> np.ndarray:
        out = np.array(xy, dtype=float)
        out[:, 0] = self.offset - out[:, 0]
        return out


def disc(x: float, y: float, radius: float) -> Polygon:
    return Point(x, y).buffer(radius, quad_segs=QUAD_SEGS)


def discs(centres, radius: float) -> list[Polygon]:
    """disc(x, y, radius) for many centres (x, y) in one call."""
    if not len(centres):
        return []
    xy = np.asarray(centres, dtype=float)
    return list(shapely.buffer(shapely.points(xy[:, 0], xy[:, 1]), radius, quad_segs=QUAD_SEGS))


def stroke(points, radius: float) -> BaseGeometry:
    """The union of brush discs along a path: a buffered polyline (round caps and joins)."""
    pts = [(float(x), float(y)) for x, y in points]
    if len(pts) == 1 or all(p == pts[0] for p in pts):
        return disc(pts[0][0], pts[0][1], radius)
    return LineString(pts).buffer(radius, quad_segs=QUAD_SEGS)


def valid(geometry: BaseGeometry) -> BaseGeometry:
    """Marks painted by hand may self-intersect; keep only their polygonal area."""
    if geometry.is_empty:
        return EMPTY
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    return polygonal(geometry)


def polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Only the areas of a geometry (drops points and lines left by intersections)."""
    if geometry.is_empty:
        return EMPTY
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    if not parts:
        return EMPTY
    return shapely.union_all(parts)


def union(geometries) -> BaseGeometry:
    geometries = [g for g in geometries if g is not None and not g.is_empty]
    if not geometries:
        return EMPTY
    if len(geometries) == 1:
        return geometries[0]
    return polygonal(shapely.union_all(geometries))


def band(geometry: BaseGeometry, axis: str, start: float, end: float, reverse: bool = False) -> BaseGeometry:
    """The part of a shape between two fractions of its bounding box along x or y.

    reverse=True counts the fractions from the high end (for example from the right edge)."""
    if geometry.is_empty:  # no bounds to cut along
        return EMPTY
    minx, miny, maxx, maxy = geometry.bounds
    lo_edge, hi_edge = (minx, maxx) if axis == "x" else (miny, maxy)
    size = hi_edge - lo_edge
    if reverse:
        lo, hi = hi_edge - end * size, hi_edge - start * size
    else:
        lo, hi = lo_edge + start * size, lo_edge + end * size
    pad = 1.0
    if axis == "x":
        box = shapely.box(lo, miny - pad, hi, maxy + pad)
    else:
        box = shapely.box(minx - pad, lo, maxx + pad, hi)
    return polygonal(geometry.intersection(box))


# Zones are unions of regions, which meet in stair steps and square jogs: smoothed with this radius (units; the
# views are 600 x 1000) into the flowing shapes of the references.
SMOOTH_RADIUS = 14.0
SLIVER = 0.05  # units: what is left of a hairline between two smoothed shapes
HAIR = 0.5  # units (under a pixel on screen): a spike or neck this thin left by the rounding is dropped
CRUMB = 10.0  # square units (about a grid cell of matching): smaller pieces are rounding noise, not zone
KEEP_SHARE = 0.95  # a region the zone covers whole keeps at least this share of it
# units: the smoothed outlines keep their points only where they turn by more than this (shapely's simplify, which
# moves no edge further). The buffers leave ~1,200 points per zone (4,500 at most), runs of them in a line; at
# 0.025 a zone keeps a tenth of them. The views fit ~1 px to a unit (2 on a 4K screen) and zoom 8x at most: a
# quarter to a third of a pixel there, nothing at the usual sizes, and far under the 3-unit grid of matching.
SIMPLIFY = 0.025
SMOOTH_STEPS = (1.0, 0.7, 0.5, 0.35)  # the radius tried, as fractions of SMOOTH_RADIUS, until it does
# units: an acute corner the rounding leaves (a tip lying further than half the radius from the arc that would
# replace it: a region's wedge) is rounded with this radius at most: no horn, and little of a small region lost.
TIP_RADIUS = 5.0
FILL_REACH = 0.6  # a concave corner's fill lies within this share of the radius of the zone (a right angle's: 0.41)


def _overlay(op, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """a op b (intersection, difference, union), on a fine grid when the plain computation meets nearly
    coincident edges (the opening's shape shares the body's outline)."""
    try:
        return polygonal(op(a, b))
    except shapely.errors.GEOSException:
        return polygonal(op(a, b, grid_size=SLIVER / 50))


def _closing(geometry: BaseGeometry, radius: float) -> BaseGeometry:
    """Fill the concave corners and the gaps narrower than 2 * radius (round joins)."""
    return valid(valid(geometry.buffer(radius, quad_segs=QUAD_SEGS)).buffer(-radius, quad_segs=QUAD_SEGS))


def _opening(geometry: BaseGeometry, radius: float) -> BaseGeometry:
    """Round the convex corners and drop the parts narrower than 2 * radius. (GEOS's buffer can leave a
    self-intersection where a gap is about as narrow as the radius: each step is made valid.)"""
    return valid(valid(geometry.buffer(-radius, quad_segs=QUAD_SEGS)).buffer(radius, quad_segs=QUAD_SEGS))


def smooth(geometry: BaseGeometry, body: BaseGeometry, regions=(), radius: float = SMOOTH_RADIUS, keep_out=()) -> BaseGeometry:
    """A zone's stair steps and square jogs rounded off, inside the body.

    A closing fills the concave corners, an opening rounds the convex ones (without dropping a part thinner than
    itself); the opening counts everything outside the body as part of the shape, so an edge the zone shares with
    the body's outline (or the midline, the edge of one side) stays on it and a corner where the zone meets the
    outline stays a corner. The zone grows only where the closing fills a concave corner, into whatever region lies
    there, and never further than the radius from where it was (it throws no bridge across a gap between two parts
    and fills no wide notch), and never into ``keep_out`` (the regions holding the muscle's trigger points that its
    zones leave out: there a corner stays, so pain over such a trigger point still matches it by the point alone,
    not by a rounding of its zone). ``regions`` are those the zone names: each one it covers whole keeps at least
    KEEP_SHARE of itself, so matching a pain that fills one stays as it was: where the full radius would cut more of
    a small region, a smaller radius rounds the zone, and a region still cut too much is kept whole."""
    if geometry.is_empty or body.is_empty:
        return geometry
    whole = [region for region in regions if region.difference(geometry).area < 0.01 * region.area]
    out = geometry
    for factor in SMOOTH_STEPS:
        out = _without_crumbs(_smooth_once(geometry, body, radius * factor, keep_out))
        short = [region for region in whole if out.intersection(region).area < KEEP_SHARE * region.area]
        if not short:
            return out
    return _without_crumbs(_overlay(shapely.intersection, valid(union([out, *short])), body))


def _corner_fills(geometry: BaseGeometry, body: BaseGeometry, radius: float, keep_out=()) -> list[BaseGeometry]:
    """What a closing (buffer(+radius) then buffer(-radius), round joins) adds to the zone inside the body, only
    where it fills a concave corner: each piece lies within FILL_REACH * radius of the zone (a right angle's fill
    reaches 0.41 * radius, a run of stair steps less) and meets the zone along one stretch of its edge. A piece
    meeting it in two places (a bridge across a gap between two parts or between two lobes), or reaching into
    ``keep_out``, is left out."""
    added = _overlay(shapely.difference, _overlay(shapely.intersection, _closing(geometry, radius), body), geometry)
    reach = geometry.buffer(FILL_REACH * radius, quad_segs=QUAD_SEGS)
    parts = [part for part in getattr(added, "geoms", [added]) if not part.is_empty and part.area > SLIVER * SLIVER]
    fills = []
    for part in parts:
        if part.difference(reach).area > SLIVER or any(part.intersection(shape).area > SLIVER for shape in keep_out):
            continue
        touching = polygonal(_overlay(shapely.intersection, part.buffer(4 * SLIVER, quad_segs=2), geometry))
        if len(getattr(touching, "geoms", [touching])) == 1:
            fills.append(part)
    return fills


def _smooth_once(geometry: BaseGeometry, body: BaseGeometry, radius: float, keep_out=()) -> BaseGeometry:
    """smooth() with one radius."""
    if geometry.is_empty or body.is_empty:
        return geometry
    minx, miny, maxx, maxy = body.bounds
    pad = 4 * radius
    outside = _overlay(shapely.difference, shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad), body)
    closed = union([geometry, *_corner_fills(geometry, body, radius, keep_out)])
    # (cut to the closed zone, not to the body: the round-trip of the buffers does not land exactly on the outline)
    opened = _overlay(shapely.intersection, _opening(_overlay(shapely.union, closed, outside), radius), closed)
    # The opening also drops whole parts thinner than 2 * radius (a strip down the shin): those come back, rounded
    # with a smaller radius (_rounded_tips). What it cut off a corner lies within about 0.4 * radius of what is left
    # (a right angle's tip lies 0.41 * radius from the arc that replaces it) and stays cut; an acute corner's tip
    # lies further and comes back, rounded with the smaller radius too.
    # A neck the opening cut through (joining two parts, thinner than 2 * radius) comes back too: the rounding
    # never splits a zone.
    lost = _overlay(shapely.difference, closed, opened)
    near = opened.buffer(0.5 * radius, quad_segs=QUAD_SEGS)
    kept_parts = getattr(opened, "geoms", [opened])
    back = [
        part for part in getattr(lost, "geoms", [lost])
        if not part.is_empty and (part.difference(near).area > SLIVER or sum(part.distance(p) < SLIVER for p in kept_parts) != 1)
    ]  # fmt: skip
    back = _rounded_tips(opened, back, outside, min(TIP_RADIUS, 0.5 * radius))
    out = _overlay(shapely.intersection, valid(union([opened, *back])), body)
    # Spikes and pieces thinner than a hair or smaller than a grain (where buffers' arcs meet an edge, or a fill
    # meets a stair step) are dropped; the outside counts as shape again, so nothing on the outline moves.
    if out.is_empty:
        return EMPTY
    return _without_crumbs(_overlay(shapely.intersection, _opening(_overlay(shapely.union, out, outside), HAIR), out))


def _rounded_tips(opened: BaseGeometry, parts: list, outside: BaseGeometry, radius: float) -> list[BaseGeometry]:
    """The PARTS the opening cut off that come back (thin parts, necks, and acute corners, whose tip lies further
    than half the radius from the arc the opening left: a region's wedge, as the sacroiliac area's ends between the
    rim of the pelvis, the sacrum and the buttock), rounded with the smaller RADIUS, so that none comes back as a
    spike or with square corners; a thin strip keeps its length. A part the small rounding would drop or split, or
    whose loss would split the zone (thinner than 2 * RADIUS somewhere), comes back as it was."""
    if not parts:
        return []
    both = union([opened, *parts])
    # (the outside grown by a sliver: a hairline left between a zone and the outline would make a corner on the
    # outline a convex one, to be rounded off it)
    grown = outside.buffer(SLIVER, quad_segs=2)
    rounded = _overlay(shapely.intersection, _opening(_overlay(shapely.union, both, grown), radius), both)

    def count(geometry):
        return len([p for p in getattr(geometry, "geoms", [geometry]) if p.area >= CRUMB])  # (crumbs go after)

    out = []
    for part in parts:
        kept = _overlay(shapely.intersection, rounded, part)
        fine = count(kept) == 1 and kept.area >= 0.5 * part.area
        out.append(kept if fine and count(union([opened, kept])) <= count(union([opened, part])) else part)
    return out


def _without_crumbs(geometry: BaseGeometry) -> BaseGeometry:
    return union([part for part in getattr(geometry, "geoms", [geometry]) if part.area >= CRUMB])


def smooth_pair(essential: BaseGeometry, spillover: BaseGeometry, body: BaseGeometry, essential_regions=(), spillover_regions=(), keep_out=()) -> tuple[BaseGeometry, BaseGeometry]:
    """(essential, spillover) smoothed together: the spillover is the smoothed whole less the smoothed essential
    zone, so the two never overlap and no gap opens between them. ``*_regions``: the shapes each kind names (the
    regions, whole, and the parts drawn as paths; see smooth); ``keep_out``: where neither rounds a corner (smooth)."""
    smooth_essential = _simplified(smooth(essential, body, essential_regions, keep_out=keep_out), body)
    if spillover.is_empty:
        return smooth_essential, spillover
    # (the essential zone's rounding may fill a corner of itself in what the data calls spillover: the spillover
    # is then the rest, so the two never overlap)
    spill_only = _overlay(shapely.difference, spillover, essential)
    whole = _simplified(smooth(union([essential, spillover]), body, [*essential_regions, *spillover_regions], keep_out=keep_out), body)
    rest = _without_crumbs(_opening(_overlay(shapely.difference, whole, smooth_essential), SLIVER)) if not whole.is_empty else EMPTY
    # what the essential zone's rounding gave up inside itself stays out of the spillover (it was never spillover)
    rest = union([part for part in getattr(rest, "geoms", [rest]) if part.intersection(spill_only).area >= 0.5 * part.area])
    return smooth_essential, rest


CORNER_TURN = 30.0  # degrees: a point where the outline turns more than this is a corner, and stays


def _simplified_ring(xy: np.ndarray) -> np.ndarray:
    """A ring's points (not repeated at the end) with those it does not need dropped: between its corners
    (CORNER_TURN, kept with their neighbours) each run of points is simplified on its own (Douglas-Peucker, SIMPLIFY), so no corner moves and
    no short edge beside one grows into a long one."""
    n = len(xy)
    if n < 4:
        return xy
    before, after = xy - np.roll(xy, 1, axis=0), np.roll(xy, -1, axis=0) - xy
    turn = np.degrees(np.abs(np.arctan2(before[:, 0] * after[:, 1] - before[:, 1] * after[:, 0], (before * after).sum(axis=1))))
    # (with the points either side of one: where the smoothing left a corner turning through a few points a
    # hundredth of a unit apart, it keeps them as they were, rather than lengthen the edges into it)
    sharp = turn > CORNER_TURN
    corners = np.flatnonzero(sharp | np.roll(sharp, 1) | np.roll(sharp, -1))
    if len(corners) == 0:
        ring = shapely.simplify(shapely.linearrings(xy), SIMPLIFY, preserve_topology=False)
        return shapely.get_coordinates(ring)[:-1] if not ring.is_empty else xy
    xy = np.roll(xy, -corners[0], axis=0)  # from the first corner round to it again
    corners = np.append(corners - corners[0], n)
    closed = np.vstack([xy, xy[:1]])
    kept = []
    for start, end in zip(corners[:-1], corners[1:]):
        if end - start < 2:
            kept.append(closed[start : start + 1])
            continue
        run = shapely.get_coordinates(shapely.simplify(shapely.linestrings(closed[start : end + 1]), SIMPLIFY, preserve_topology=False))
        kept.append(run[:-1])
    return np.vstack(kept)


def _simplified(geometry: BaseGeometry, body: BaseGeometry) -> BaseGeometry:
    """GEOMETRY with the points it does not need dropped (_simplified_ring), kept inside BODY (where the outline
    is concave a dropped point would let a chord leave it: the outline's own points come back there). A polygon
    the simplification would make invalid (two edges a hair apart crossing) keeps all its points."""
    if geometry.is_empty:
        return geometry
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        rings = [_simplified_ring(shapely.get_coordinates(ring)[:-1]) for ring in (polygon.exterior, *polygon.interiors)]
        simple = Polygon(rings[0], rings[1:]) if all(len(r) >= 3 for r in rings) else polygon
        if not simple.is_valid:  # (the two sides of a notch a hair wide crossing: the crumbs they leave go)
            simple = union([part for part in getattr(valid(simple), "geoms", [valid(simple)]) if part.area > SLIVER * SLIVER])
        parts.append(simple if not simple.is_empty and abs(simple.area - polygon.area) < SLIVER * polygon.length else polygon)
    # (cut to the body where a chord left it; crumbs the cut leaves where the edge ran along the outline go)
    return _without_crumbs(_overlay(shapely.intersection, valid(union(parts)), body))


def to_geojson_many(geometries, precision: int = 2) -> list[dict]:
    """Each shape as a GeoJSON mapping, its coordinates rounded to 10**-precision, in one call (a pain map may
    hold thousands of marks)."""
    if not len(geometries):
        return []
    rounded = shapely.set_precision(np.array(geometries, dtype=object), 10**-precision)
    return [shapely.geometry.mapping(g) for g in rounded]


class Grid:
    """Cell centres over a view, for fast area sums: a shape covers the cells whose centres lie inside it.

    The columns are placed symmetrically about the view's centre line, so that a shape and its mirror image
    cover mirror-image cells; the small offset keeps centres off the 0.1-unit coordinates used in drawings,
    so that no centre sits exactly on an edge."""

    OFFSET = 0.4731

    def __init__(self, viewbox, cell: float = 3.0):
        x0, y0, w, h = viewbox
        cx = x0 + w / 2.0
        half = int(np.ceil((w / 2.0) / cell))
        right = cx + self.OFFSET + cell * np.arange(half)
        self.xs = np.concatenate([(2 * cx - right)[::-1], right])
        self.ys = y0 + self.OFFSET + cell * np.arange(int(np.ceil(h / cell)))
        self.nx, self.ny = len(self.xs), len(self.ys)
        self.size = self.nx * self.ny
        self.cell_area = cell * cell

    def cells(self, geometry: BaseGeometry) -> np.ndarray:
        """Sorted flat indices (row * nx + column) of the cells whose centres lie inside the shape."""
        if geometry is None or geometry.is_empty:
            return np.zeros(0, dtype=np.int64)
        return self.cells_many([geometry])[0]

    def _ring_cells(self, coords: np.ndarray) -> np.ndarray:
        """cells_many's pass for one shape of one ring (a click: about 33 points), its COORDS closed: the same
        crossings, spans and cells, without the bookkeeping of parts, rings and owners (half the calls)."""
        # (ndarray methods, not numpy's functions: each of those costs a Python wrapper's call more)
        x1, y1, x2, y2 = coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1]
        lo = self.ys.searchsorted(np.minimum(y1, y2))
        counts = self.ys.searchsorted(np.maximum(y1, y2)) - lo
        row = expand_ranges(lo, counts)
        if not len(row):
            return row
        edge = np.arange(len(x1)).repeat(counts)
        yc = self.ys[row]
        xc = x1[edge] + (yc - y1[edge]) * (x2[edge] - x1[edge]) / (y2[edge] - y1[edge])
        order = np.lexsort((xc, row))
        xc, row = xc[order], row[order]
        c0 = self.xs.searchsorted(xc[0::2])
        span_counts = np.maximum(self.xs.searchsorted(xc[1::2]) - c0, 0)
        flat = expand_ranges(row[0::2] * self.nx + c0, span_counts)
        return flat if (flat[1:] > flat[:-1]).all() else np.sort(flat)

    def cells_many(self, geometries) -> list[np.ndarray]:
        """cells() for many shapes in one vectorised pass (a painted map has dozens of strokes)."""
        geometries = np.asarray(list(geometries), dtype=object)
        empty = np.zeros(0, dtype=np.int64)
        if not len(geometries):
            return []
        if len(geometries) == 1 and shapely.get_type_id(geometries[0]) == POLYGON and shapely.get_num_interior_rings(geometries[0]) == 0:
            coords = shapely.get_coordinates(geometries[0])
            return [self._ring_cells(coords) if len(coords) else empty]
        parts, part_owner = shapely.get_parts(geometries, return_index=True)
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
        if not len(coords):
            return [empty for _ in geometries]
        same = coord_ring[1:] == coord_ring[:-1]
        x1, y1 = coords[:-1, 0][same], coords[:-1, 1][same]
        x2, y2 = coords[1:, 0][same], coords[1:, 1][same]
        owner = part_owner[ring_part[coord_ring[:-1][same]]]
        # Each edge crosses the rows whose centre y lies in [min y, max y): half-open, so a vertex shared by
        # two edges is counted once, and horizontal edges cross nothing.
        lo = np.searchsorted(self.ys, np.minimum(y1, y2), side="left")
        hi = np.searchsorted(self.ys, np.maximum(y1, y2), side="left")
        counts = hi - lo
        edge = np.repeat(np.arange(len(x1)), counts)
        row = expand_ranges(lo, counts)
        if not len(row):
            return [empty for _ in geometries]
        yc = self.ys[row]
        xc = x1[edge] + (yc - y1[edge]) * (x2[edge] - x1[edge]) / (y2[edge] - y1[edge])
        line = owner[edge] * self.ny + row  # one shape's one row
        order = np.lexsort((xc, line))
        xc, line = xc[order], line[order]
        # Even-odd rule: within one shape and row, crossings pair up into inside spans.
        c0 = np.searchsorted(self.xs, xc[0::2])
        c1 = np.searchsorted(self.xs, xc[1::2])
        span_counts = np.maximum(c1 - c0, 0)
        who, row = np.divmod(line[0::2], self.ny)
        flat = expand_ranges(row * self.nx + c0, span_counts)
        flat_owner = np.repeat(who, span_counts)
        bounds = np.searchsorted(flat_owner, np.arange(len(geometries) + 1))
        # Spans come row by row, left to right, so each shape's cells are already sorted unless its rings cross.
        ordered = np.all((flat[1:] > flat[:-1]) | (flat_owner[1:] != flat_owner[:-1]))
        if ordered:
            return [flat[bounds[i] : bounds[i + 1]] for i in range(len(geometries))]
        return [np.sort(flat[bounds[i] : bounds[i + 1]]) for i in range(len(geometries))]


def gather(ptr: np.ndarray, items: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(how many items each id has, the items of the ids one after another) from a (ptr, items) layout,
    for sorted unique ids: runs of consecutive ids are one slice each when they are long."""
    counts = ptr[ids + 1] - ptr[ids]
    total = int(counts.sum())
    if total <= ITEMS_PER_SLICE:  # (none, or too few for slices to pay: no need to look for runs)
        return counts, items[expand_ranges(ptr[ids], counts)] if total else items[:0]
    breaks = np.flatnonzero(np.diff(ids) != 1) + 1
    if len(breaks) * ITEMS_PER_SLICE < total:  # long runs: a slice each (short ones: one vectorised gather)
        starts = ptr[ids[np.concatenate(([0], breaks))]].tolist()
        ends = ptr[ids[np.concatenate((breaks - 1, [len(ids) - 1]))] + 1].tolist()
        return counts, np.concatenate([items[a:b] for a, b in zip(starts, ends)])
    return counts, items[expand_ranges(ptr[ids], counts)]


def expand_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenate range(s, s + n) for every (s, n), vectorised."""
    ends = counts.cumsum()  # (counts are never negative: the last is the total)
    total = int(ends[-1]) if len(ends) else 0
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    return (np.asarray(starts, dtype=np.int64) - (ends - counts)).repeat(counts) + np.arange(total)


class CellIndex:
    """Which items (zone pieces, trigger points) cover each grid cell: a compressed inverted index."""

    def __init__(self, size: int, cells_per_item: list):
        lengths = np.fromiter((len(c) for c in cells_per_item), dtype=np.int64, count=len(cells_per_item))
        all_cells = np.concatenate(cells_per_item) if cells_per_item else np.zeros(0, dtype=np.int64)
        items = np.repeat(np.arange(len(cells_per_item)), lengths)
        order = np.argsort(all_cells, kind="stable")
        self.items = items[order]
        self.ptr = np.zeros(size + 1, dtype=np.int64)
        np.add.at(self.ptr, all_cells + 1, 1)
        self.ptr = np.cumsum(self.ptr)


ITEMS_PER_SLICE = 128  # (gather) a slice costs about as much as gathering this many items at once


class CellClasses:
    """Cells grouped into classes: cells with the same key (a region) covered by the same items of every index.

    A pain map then costs one step per class it touches, not per cell: neighbouring cells are mostly alike.
    Cells whose key is negative are in no class (-1). The grouping is exact: candidate classes found by hashing
    every cell's items are checked item by item, and a class is split whenever the check fails."""

    def __init__(self, cell_key: np.ndarray, indexes: list[CellIndex], seed: int = 1):
        stream = _Mixer(seed)
        cells = np.flatnonzero(cell_key >= 0)
        # One 64-bit hash per cell: its key and, per index, a sum of pseudo-random numbers, one per item covering it,
        # mixed by pseudo-random odd factors (arithmetic modulo 2**64). Sorting one column is far cheaper than
        # sorting rows.
        hashed = cell_key[cells].astype(np.uint64) * (stream.next(1) | np.uint64(1))
        for index in indexes:
            salt = stream.next(int(index.items.max(initial=-1)) + 1)
            sums = np.concatenate((np.zeros(1, dtype=np.uint64), np.cumsum(salt[index.items], dtype=np.uint64)))
            hashed = (hashed ^ (hashed >> np.uint64(29))) * (stream.next(1) | np.uint64(1))
            hashed += sums[index.ptr[cells + 1]] - sums[index.ptr[cells]]
        _keys, first, inverse = np.unique(hashed, return_index=True, return_inverse=True)
        inverse = inverse.ravel()
        rep = cells[first]
        same = cell_key[rep[inverse]] == cell_key[cells]
        for index in indexes:
            same &= _same_items(index, cells, rep[inverse])
        if not same.all():  # a hash collision (never seen): give every doubtful cell a class of its own
            odd = np.flatnonzero(~same)
            inverse[odd] = len(rep) + np.arange(len(odd))
            rep = np.concatenate([rep, cells[odd]])
        # Number the classes in the order their first cells come, row by row: the classes under a stroke then
        # come in runs of consecutive numbers, whose items are slices of one array.
        by_first = np.argsort(rep, kind="stable")
        rep = rep[by_first]
        renumber = np.empty(len(by_first), dtype=np.int64)
        renumber[by_first] = np.arange(len(by_first))
        self.count = len(rep)
        self.of_cell = np.full(len(cell_key), -1, dtype=np.int64)
        self.of_cell[cells] = renumber[inverse]
        self.key = cell_key[rep]
        self.members = []  # per index: (ptr, items) of each class, like CellIndex
        for index in indexes:
            counts = index.ptr[rep + 1] - index.ptr[rep]
            ptr = np.concatenate(([0], np.cumsum(counts)))
            self.members.append((ptr, index.items[expand_ranges(index.ptr[rep], counts)]))


class _Mixer:
    """Pseudo-random 64-bit numbers for CellClasses' hashing: splitmix64 over a counter, in numpy (so building the
    index never imports numpy.random, ~20 ms of a cold start). Any numbers would do: the grouping is checked exactly."""

    def __init__(self, seed: int):
        self.start = (seed << 32) % 2**64  # each seed its own stretch of the counter
        self.drawn = 0

    def next(self, count: int) -> np.ndarray:
        counter = np.arange(self.drawn + 1, self.drawn + count + 1, dtype=np.uint64) + np.uint64(self.start)
        self.drawn += count
        z = counter * np.uint64(0x9E3779B97F4A7C15)  # (arrays wrap modulo 2**64, as meant, without a warning)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _same_items(index: CellIndex, cells: np.ndarray, reps: np.ndarray) -> np.ndarray:
    """Whether each cell is covered by exactly the items covering its representative cell."""
    counts = index.ptr[cells + 1] - index.ptr[cells]
    same = counts == index.ptr[reps + 1] - index.ptr[reps]
    pairs_a = index.items[expand_ranges(index.ptr[cells], np.where(same, counts, 0))]
    pairs_b = index.items[expand_ranges(index.ptr[reps], np.where(same, counts, 0))]
    differs = np.repeat(np.arange(len(cells)), np.where(same, counts, 0))[pairs_a != pairs_b]
    same[differs] = False
    return same


TILE = 8  # a tile is TILE x TILE cells: one 64-bit mask says which of its cells a shape covers


def tiles_of(grid: Grid, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(tile, bit) of each cell: tiles numbered row by row over the grid, bits row by row within a tile."""
    row, col = np.divmod(np.asarray(cells, dtype=np.int64), grid.nx)
    tiles_across = -(-grid.nx // TILE)
    return (row // TILE) * tiles_across + col // TILE, (row % TILE) * TILE + col % TILE


def tile_count(grid: Grid) -> int:
    return -(-grid.nx // TILE) * -(-grid.ny // TILE)


def tile_masks(keys: np.ndarray, bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct keys in increasing order, each one's mask: the OR of 1 << bit over its cells), for cells that are
    distinct within a key (so summing powers of two is an OR; in two 32-bit halves, exact in float sums)."""
    found, inverse = np.unique(keys, return_inverse=True)
    inverse = inverse.ravel()
    low = np.bincount(inverse, weights=np.where(bits < 32, np.left_shift(1, bits & 31), 0), minlength=len(found))
    high = np.bincount(inverse, weights=np.where(bits >= 32, np.left_shift(1, bits & 31), 0), minlength=len(found))
    return found, low.astype(np.uint64) | (high.astype(np.uint64) << np.uint64(32))


class TileIndex:
    """Which items cover each tile (over all views' tiles, numbered one after another), and which of the tile's
    cells each covers (a 64-bit mask): a shape's cells under some pain are then counted 64 at a time."""

    def __init__(self, parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], count: int):
        """parts: per view, (global tile, item, bit) of every (cell, item) pair; count: the tiles over all views."""
        tiles, items, masks = [], [], []
        for tile, item, bit in parts:
            width = int(item.max(initial=0)) + 1
            keys, found = tile_masks(tile * width + item, bit)
            tiles.append(keys // width)
            items.append(keys % width)
            masks.append(found)
        empty = np.zeros(0, dtype=np.int64)
        tile = np.concatenate(tiles) if tiles else empty
        self.items = np.concatenate(items) if items else empty
        self.masks = np.concatenate(masks) if masks else np.zeros(0, dtype=np.uint64)
        self.ptr = np.concatenate(([0], np.cumsum(np.bincount(tile, minlength=count))))
        self.tile = tile
        # The transpose, item -> its entries (in tile order): the few items of the explaining set's pool.
        self.by_item = np.argsort(self.items, kind="stable")
        self.item_ptr = np.concatenate(([0], np.cumsum(np.bincount(self.items, minlength=int(self.items.max(initial=-1)) + 1))))

    def under(self, tiles: np.ndarray, masks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For (tile, mask) pairs (tiles in increasing order, a tile may come more than once): (how many entries each
        pair meets, the entries' items, how many cells of each the pair's mask holds)."""
        counts = self.ptr[tiles + 1] - self.ptr[tiles]
        entries = expand_ranges(self.ptr[tiles], counts)
        return counts, self.items[entries], np.bitwise_count(self.masks[entries] & np.repeat(masks, counts))
