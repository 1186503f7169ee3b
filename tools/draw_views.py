#!/usr/bin/env python3
"""Draw hipmap's body diagrams: assets/views/posterior.svg, anterior.svg and lateral_right.svg.

    python tools/draw_views.py              write the three SVGs (byte for byte the same on every run)
    python tools/draw_views.py --check      check the files on disk: structure, regions, tiling, up to date
    python tools/draw_views.py --summary    every region's bounding box, area and an interior point, and the
                                            named landmarks of each view (for placing trigger points)

The frame is docs/data-format.md's: viewBox 0 0 600 1000, y = 40 + (0.72 - h) * 1300 for height h*H, midline
x = 300. Only the person's RIGHT side is drawn (<g id="side-right">); the bilateral views mirror it with <use>.

Outlines are cubic Bezier splines through hand-placed knots (chord-length Catmull-Rom, so they are smooth). The
regions are cut from the flattened body outline with shapely: each region is body & cell minus what earlier
regions took, on a 0.1 grid, so they tile the body exactly. Needs Python 3.11+ and shapely 2.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
VIEW_DIR = ROOT / "assets" / "views"

MID = 300.0  # the midline of the bilateral views
GRID = 0.1  # region coordinates are snapped to this grid
BIG = 5000.0  # "infinity" for half-plane cells

SKIN = "#f3e6dc"
CONTOUR = "#4a4a4a"
MUSCLE = "#b08f80"
LANDMARK = "#8a7a70"

# The regions each view must show (right side only), in the order they are written.
VIEW_REGIONS = {
    "posterior": [
        "lower_back", "iliac_crest", "sacrum_coccyx", "sacroiliac", "upper_buttock", "buttock_center",
        "lower_buttock", "lateral_hip", "greater_trochanter", "posterior_thigh", "lateral_thigh", "medial_thigh",
        "posterior_knee", "lateral_knee", "medial_knee", "posterior_calf", "lateral_leg", "lateral_ankle",
        "medial_ankle", "heel",
    ],
    "anterior": [
        "lower_abdomen", "iliac_crest", "lateral_hip", "greater_trochanter", "anterior_hip", "groin",
        "anterior_thigh", "medial_thigh", "lateral_thigh", "anterior_knee", "medial_knee", "lateral_knee",
        "anterior_shin", "lateral_leg", "medial_ankle", "lateral_ankle", "dorsal_foot",
    ],
    "lateral_right": [
        "lower_back", "lower_abdomen", "iliac_crest", "upper_buttock", "buttock_center", "lower_buttock",
        "lateral_hip", "greater_trochanter", "anterior_hip", "lateral_thigh", "anterior_thigh", "posterior_thigh",
        "lateral_knee", "anterior_knee", "posterior_knee", "lateral_leg", "anterior_shin", "posterior_calf",
        "lateral_ankle", "heel", "dorsal_foot",
    ],
}
BILATERAL = {"posterior": True, "anterior": True, "lateral_right": False}


# ----------------------------------------------------------------------------------------------- path building

def fmt(v: float) -> str:
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def fpt(p) -> str:
    return f"{fmt(p[0])},{fmt(p[1])}"


def _unit(v):
    n = math.hypot(v[0], v[1])
    return (v[0] / n, v[1] / n)


def spline(knots, t0=None, t1=None, tension=1.0):
    """Cubic Bezier segments through the knots (chord-length Catmull-Rom).

    t0 / t1 optionally fix the direction at the first / last knot; otherwise the end is "natural" (the
    neighbouring tangent reflected about the end chord).
    """
    knots = [(float(x), float(y)) for x, y in knots]
    n = len(knots)
    if n < 2:
        return []
    d = [math.dist(knots[i], knots[i + 1]) for i in range(n - 1)]
    m: list = [None] * n
    for i in range(1, n - 1):
        s = d[i - 1] + d[i]
        m[i] = ((knots[i + 1][0] - knots[i - 1][0]) / s, (knots[i + 1][1] - knots[i - 1][1]) / s)

    def natural(chord, neighbour):
        c = _unit(chord)
        if neighbour is None:
            return c
        dot = c[0] * neighbour[0] + c[1] * neighbour[1]
        return (2 * dot * c[0] - neighbour[0], 2 * dot * c[1] - neighbour[1])

    m[0] = _unit(t0) if t0 is not None else natural((knots[1][0] - knots[0][0], knots[1][1] - knots[0][1]), m[1])
    m[-1] = (_unit(t1) if t1 is not None
             else natural((knots[-1][0] - knots[-2][0], knots[-1][1] - knots[-2][1]), m[-2]))
    segs = []
    for i in range(n - 1):
        k = tension * d[i] / 3.0
        c1 = (knots[i][0] + m[i][0] * k, knots[i][1] + m[i][1] * k)
        c2 = (knots[i + 1][0] - m[i + 1][0] * k, knots[i + 1][1] - m[i + 1][1] * k)
        segs.append(("C", c1, c2, knots[i + 1]))
    return segs


class Path:
    """An SVG path of absolute lines and cubic curves, which can also be flattened for shapely."""

    def __init__(self, start):
        self.start = (float(start[0]), float(start[1]))
        self.segs: list = []
        self.closed = False

    @property
    def end(self):
        return self.segs[-1][-1] if self.segs else self.start

    def line(self, *pts):
        for p in pts:
            self.segs.append(("L", (float(p[0]), float(p[1]))))
        return self

    def curve(self, c1, c2, p):
        self.segs.append(("C", tuple(map(float, c1)), tuple(map(float, c2)), tuple(map(float, p))))
        return self

    def smooth(self, pts, t0=None, t1=None, tension=1.0):
        self.segs.extend(spline([self.end, *pts], t0, t1, tension))
        return self

    def close(self):
        self.closed = True
        return self

    def mapped(self, f) -> "Path":
        p = Path(f(self.start))
        for seg in self.segs:
            p.segs.append((seg[0], *[f(q) for q in seg[1:]]))
        p.closed = self.closed
        return p

    def d(self) -> str:
        out = [f"M{fpt(self.start)}"]
        for seg in self.segs:
            if seg[0] == "L":
                out.append(f"L{fpt(seg[1])}")
            else:
                out.append(f"C{fpt(seg[1])} {fpt(seg[2])} {fpt(seg[3])}")
        if self.closed:
            out.append("Z")
        return " ".join(out)

    def points(self, step=1.0):
        pts = [self.start]
        cur = self.start
        for seg in self.segs:
            if seg[0] == "L":
                pts.append(seg[1])
            else:
                pts.extend(_flatten_cubic(cur, seg[1], seg[2], seg[3], step))
            cur = seg[-1]
        return pts


def _flatten_cubic(p0, p1, p2, p3, step):
    length = math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)
    n = max(2, int(math.ceil(length / step)))
    out = []
    for i in range(1, n + 1):
        t = i / n
        mt = 1 - t
        a, b, c, e = mt ** 3, 3 * mt * mt * t, 3 * mt * t * t, t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]))
    return out


def curve(knots, t0=None, t1=None, tension=1.0) -> Path:
    return Path(knots[0]).smooth(knots[1:], t0, t1, tension)


def closed_curve(knots, tension=1.0) -> Path:
    """A smooth closed loop through the knots."""
    ext = [knots[-1], *knots, knots[0], knots[1]]
    segs = spline(ext, tension=tension)[1:-1]
    p = Path(knots[0])
    p.segs = segs
    return p.close()


def ellipse(cx, cy, rx, ry, angle=0.0) -> Path:
    k = 0.5522847498
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))

    def P(x, y):
        return (cx + x * ca - y * sa, cy + x * sa + y * ca)

    p = Path(P(rx, 0))
    p.curve(P(rx, k * ry), P(k * rx, ry), P(0, ry))
    p.curve(P(-k * rx, ry), P(-rx, k * ry), P(-rx, 0))
    p.curve(P(-rx, -k * ry), P(-k * rx, -ry), P(0, -ry))
    p.curve(P(k * rx, -ry), P(rx, -k * ry), P(rx, 0))
    return p.close()


# ------------------------------------------------------------------------------------------------- cells

def snap(g):
    return shapely.set_precision(g, GRID)


def _xsorted(pts):
    pts = list(pts)
    return pts if pts[0][0] <= pts[-1][0] else pts[::-1]


def _ysorted(pts):
    pts = list(pts)
    return pts if pts[0][1] <= pts[-1][1] else pts[::-1]


def above(pts):
    """Everything above a left-to-right polyline (extended horizontally at both ends)."""
    pts = _xsorted(pts)
    ring = [(-BIG, pts[0][1]), *pts, (BIG, pts[-1][1]), (BIG, -BIG), (-BIG, -BIG)]
    return Polygon(ring)


def below(pts):
    pts = _xsorted(pts)
    ring = [(-BIG, pts[0][1]), *pts, (BIG, pts[-1][1]), (BIG, BIG), (-BIG, BIG)]
    return Polygon(ring)


def left_of(pts):
    """Everything left of a top-to-bottom polyline (extended vertically at both ends)."""
    pts = _ysorted(pts)
    ring = [(pts[0][0], -BIG), *pts, (pts[-1][0], BIG), (-BIG, BIG), (-BIG, -BIG)]
    return Polygon(ring)


def right_of(pts):
    pts = _ysorted(pts)
    ring = [(pts[0][0], -BIG), *pts, (pts[-1][0], BIG), (BIG, BIG), (BIG, -BIG)]
    return Polygon(ring)


def hline(y):
    return [(-BIG, y), (BIG, y)]


def vline(x):
    return [(x, -BIG), (x, BIG)]


def everything():
    return box(-BIG, -BIG, BIG, BIG)


class Cutter:
    """Cut lines that follow the body: fractions of its width at each height.

    t = 0 is the medial edge (bilateral views) or the back (lateral view), t = 1 the lateral edge or the front.
    `outer` is the side of a vertical cut line towards t = 1.
    """

    def __init__(self, body: Polygon, outward: int):
        self.body = body
        self.outward = outward  # +1: t grows with x; -1: t grows towards smaller x

    def extent(self, y):
        hit = self.body.intersection(LineString([(-BIG, y), (BIG, y)]))
        minx, _, maxx, _ = hit.bounds
        return minx, maxx

    def x_at(self, y, t):
        a, b = self.extent(y)
        return a + t * (b - a) if self.outward > 0 else b - t * (b - a)

    def col(self, t, y0, y1, step=2.0):
        """A vertical cut at fraction t (a number or a function of y) from y0 to y1."""
        tf = t if callable(t) else (lambda _y, _t=t: _t)
        n = max(1, int(math.ceil((y1 - y0) / step)))
        return [(round(self.x_at(y0 + (y1 - y0) * i / n, tf(y0 + (y1 - y0) * i / n)), 2), y0 + (y1 - y0) * i / n)
                for i in range(n + 1)]

    def outer(self, pts):
        return right_of(pts) if self.outward > 0 else left_of(pts)

    def inner(self, pts):
        return left_of(pts) if self.outward > 0 else right_of(pts)


def blend(y, y0, v0, y1, v1):
    """v0 above y0, v1 below y1, smoothly in between."""
    if y <= y0:
        return v0
    if y >= y1:
        return v1
    s = (y - y0) / (y1 - y0)
    s = s * s * (3 - 2 * s)
    return v0 + (v1 - v0) * s


def partition(body: Polygon, cells):
    """Regions = body & cell minus what earlier cells took. Stray pieces join the neighbour they share most with."""
    taken = Polygon()
    regions = {}
    for name, cell in cells:
        part = _areal(shapely.intersection(body, snap(cell), grid_size=GRID))
        part = _areal(shapely.difference(part, taken, grid_size=GRID))
        regions[name] = part
        taken = _areal(shapely.union(taken, part, grid_size=GRID))
    strays = []
    rest = _areal(shapely.difference(body, taken, grid_size=GRID))
    strays.extend(_polys(rest))
    for name in regions:
        parts = sorted(_polys(regions[name]), key=lambda g: -g.area)
        if not parts:
            raise SystemExit(f"region {name} is empty")
        regions[name] = parts[0]
        strays.extend(parts[1:])
    for piece in sorted(strays, key=lambda g: (-g.area, g.bounds)):
        best, best_len = None, 0.0
        for name, reg in regions.items():
            shared = shapely.intersection(piece.boundary, reg.boundary).length
            if shared > best_len:
                best, best_len = name, shared
        if best is None:
            raise SystemExit(f"a stray piece of {piece.area:.1f} square units at {piece.bounds} touches no region")
        regions[best] = _areal(shapely.union(regions[best], piece, grid_size=GRID))
        if len(_polys(regions[best])) == 1:
            regions[best] = _polys(regions[best])[0]
    for name, reg in regions.items():
        if not isinstance(reg, Polygon) or reg.interiors:
            raise SystemExit(f"region {name} is not a simple polygon ({reg.geom_type})")
    return regions


def _areal(g):
    """Only the polygonal part of a geometry (overlays can leave lines and points behind)."""
    parts = _polys(g)
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts) if parts else Polygon()


def _polys(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    out = []
    for p in getattr(g, "geoms", []):
        out.extend(_polys(p))
    return out


def region_d(poly: Polygon) -> str:
    ring = list(orient(poly, 1.0).exterior.coords)[:-1]
    # start at the top-left-most point so the output does not depend on how GEOS started the ring
    k = min(range(len(ring)), key=lambda i: (ring[i][1], ring[i][0]))
    ring = ring[k:] + ring[:k]
    return "M" + fpt(ring[0]) + " L" + " ".join(fpt(p) for p in ring[1:]) + " Z"


# ------------------------------------------------------------------------------------------------- views

@dataclass
class View:
    name: str
    body: Path
    contours: list  # open Paths, the silhouette
    details: list = field(default_factory=list)  # thinner contour strokes inside the body
    muscles: list = field(default_factory=list)  # (id, Path) or (id, Path, dash pattern) for deep muscles
    landmarks: list = field(default_factory=list)  # (id, Path)
    points: dict = field(default_factory=dict)  # named landmark points for --summary
    cells: list = field(default_factory=list)  # (region, cell polygon) in priority order
    regions: dict = field(default_factory=dict)

    def body_polygon(self) -> Polygon:
        return snap(Polygon(self.body.points(0.75)))


# Silhouette of the right leg in the bilateral views, as (u, y): u = distance from the midline.
# From the waist down the outer (lateral) edge to the ankle.
LEG_OUTER = [
    (98, 40), (96.5, 80), (97.5, 120), (102, 160), (109.5, 196), (117, 238), (122.5, 272), (124, 290),
    (123.5, 318), (121.5, 355), (118, 405), (112, 458), (104, 508), (95, 553), (89.5, 584), (88.5, 606),
    (89, 634), (90.5, 668), (90, 702), (86, 748), (78.5, 800), (71, 850), (66.5, 893), (66, 920),
]
# From the ankle up the inner (medial) edge to the crotch.
LEG_INNER = [
    (19.5, 925), (21, 900), (22, 868), (19.5, 818), (15, 762), (11.5, 712), (11.5, 678), (14, 648),
    (16.8, 622), (16.2, 600), (14, 574), (12.8, 530), (11, 478), (9, 428), (6.5, 390), (4, 366),
]
CROTCH_Y = 345.0


def bilateral_leg(foot_outer, foot_bottom, foot_inner) -> tuple[Path, Path]:
    """(body, silhouette) of the right half in u-coordinates: waist top -> outer edge -> foot -> inner edge."""
    body = Path((0, 40)).line(LEG_OUTER[0])
    body.smooth(LEG_OUTER[1:] + foot_outer + [foot_bottom[0]], t0=(0, 1), t1=(-1, 0))
    body.line(foot_bottom[1])  # the sole
    body.smooth([*foot_inner, *LEG_INNER, (0, CROTCH_Y)], t0=(-1, 0), t1=(-1, -1.3))
    silhouette = Path(LEG_OUTER[0])
    silhouette.segs = list(body.segs[1:])
    body.line((0, 40)).close()
    return body, silhouette


def posterior() -> View:
    # the heel seen from behind: the foot widens a little to the floor on both sides
    foot_outer = [(67.5, 940), (70.5, 958), (70, 971)]
    foot_bottom = [(65, 976), (23, 976)]
    foot_inner = [(16.5, 971), (16, 958), (18, 940)]
    body_u, sil_u = bilateral_leg(foot_outer, foot_bottom, foot_inner)
    to_x = lambda p: (MID + p[0], p[1])  # noqa: E731
    v = View("posterior", body_u.mapped(to_x), [sil_u.mapped(to_x)])

    # --- landmarks
    psis = (337.0, 220.0)
    crest = [psis, (350, 205), (373, 197.5), (396, 197.5), (412, 204)]
    sacrum_edge = [(335, 205), (332, 236), (325, 267), (315, 295), (306, 314), (300, 326)]
    fold = [(301, 347), (318, 352), (344, 356.5), (370, 355.5), (390, 349), (402, 340)]
    v.points.update({
        "psis": psis, "iliac_crest_top": (385, 196.5), "sacrum_top_lateral": (335, 205), "coccyx_tip": (300, 326),
        "greater_trochanter": (414, 288), "ischial_tuberosity": (336, 344), "gluteal_fold_mid": (344, 356.5),
        "knee_centre": (352, 606), "popliteal_crease_mid": (352, 606), "lateral_malleolus": (361, 930),
        "medial_malleolus": (324, 919),
    })
    v.landmarks += [
        ("iliac_crest", curve(crest)),
        ("sacrum", Path((300, 205)).line((335, 205)).smooth(sacrum_edge[1:4])),
        ("coccyx", curve(sacrum_edge[3:])),
        ("sacrococcygeal_joint", Path((309.5, 304)).line((303, 305))),
        ("psis", ellipse(psis[0], psis[1] + 1, 4.2, 3.2, -15)),
        ("greater_trochanter", ellipse(413, 288, 8, 14, 0)),
        ("gluteal_fold", curve(fold)),
        ("gluteal_cleft", curve([(300, 323), (300.6, 335), (300.4, 345)])),
        ("popliteal_crease", curve([(327, 604), (352, 607.5), (377, 604)])),
        ("lateral_malleolus", ellipse(361, 930, 3.6, 5.8)),
        ("medial_malleolus", ellipse(324, 919, 3.6, 5.8)),
    ]
    v.details += [curve([(327, 946), (331, 968), (344, 974), (357, 968), (360, 946)])]  # the heel cup

    # --- muscles
    v.muscles += [
        ("gluteus_maximus", closed_curve([
            (344, 212), (372, 228), (396, 254), (408, 285), (411, 322), (404, 358), (390, 371), (360, 364),
            (330, 350), (308, 335), (304, 325), (312, 300), (324, 270), (332, 238),
        ])),
        ("erector_spinae", curve([(340, 40), (343, 110), (342, 170), (338, 207)])),
        ("quadratus_lumborum", curve([(372, 40), (382, 120), (388, 198)]), "3 2"),
        ("gluteus_medius", curve([(341, 229), (364, 244), (390, 258), (412, 272)]), "3 2"),
        ("piriformis", closed_curve([(324, 263), (350, 259), (384, 267), (410, 281), (384, 277), (350, 273)]), "3 2"),
        ("iliotibial_band", curve([(412, 340), (412, 400), (404, 470), (394, 530), (384, 585), (380, 615)])),
        ("biceps_femoris", curve([(338, 350), (360, 400), (378, 470), (386, 540), (384, 590), (380, 622)])),
        ("hamstring_split", curve([(338, 352), (346, 420), (352, 500), (350, 560)])),
        ("medial_hamstrings", curve([(334, 352), (322, 410), (316, 480), (318, 550), (322, 620)])),
        ("gastrocnemius_lateral", curve([(377, 614), (386, 660), (382, 712), (364, 760), (348, 792)])),
        ("gastrocnemius_medial", curve([(326, 614), (314, 668), (316, 730), (332, 785), (345, 800)])),
        ("gastrocnemius_split", curve([(351, 640), (350, 700), (347, 780)])),
        ("achilles", curve([(336, 800), (338, 860), (339, 930)])),
        ("achilles_lateral", curve([(358, 800), (353, 860), (351, 930)])),
    ]

    # --- regions
    body = v.body_polygon()
    cut = Cutter(body, +1)
    sacrum = Polygon([(280, 205), *Path(sacrum_edge[0]).smooth(sacrum_edge[1:]).points(1.5), (280, 326)])
    crest_x = curve([(322, 238)] + crest + [(440, 214)]).points(1.5)
    crest_band = Polygon([(x, y - 12) for x, y in crest_x] + [(x, y + 13) for x, y in reversed(crest_x)])
    edge = [p for p in curve([(337, 185)] + sacrum_edge).points(1.5) if p[1] <= 300]
    si = Polygon(edge + [(x + 26, y) for x, y in reversed(edge)])
    lat_t = lambda y: blend(y, 300, 0.74, 350, 0.81)  # noqa: E731
    col_lat = cut.col(lat_t, 150, 600)
    col_med = cut.col(0.18, 330, 600)
    v.cells = [
        ("sacrum_coccyx", sacrum),
        ("iliac_crest", crest_band.intersection(right_of(vline(331)))),
        ("sacroiliac", si.intersection(above(hline(285)))),
        ("lower_back", above(crest_x)),
        ("lateral_hip", cut.outer(col_lat).intersection(above(hline(270)))),
        ("greater_trochanter", cut.outer(col_lat).intersection(above(hline(311)))),
        ("upper_buttock", above(hline(260))),
        ("buttock_center", cut.inner(col_lat).intersection(above(hline(315)))),
        ("lower_buttock", cut.inner(col_lat).intersection(above(curve(fold + [(430, 338)]).points(1.5)))),
        ("lateral_thigh", cut.outer(col_lat).intersection(above(hline(575)))),
        ("medial_thigh", cut.inner(col_med).intersection(above(hline(575)))),
        ("posterior_thigh", above(hline(575))),
        ("lateral_knee", cut.outer(cut.col(0.75, 560, 660)).intersection(above(hline(640)))),
        ("medial_knee", cut.inner(cut.col(0.25, 560, 660)).intersection(above(hline(640)))),
        ("posterior_knee", above(hline(640))),
        ("lateral_leg", cut.outer(cut.col(0.75, 620, 910)).intersection(above(hline(895)))),
        ("posterior_calf", above(hline(895))),
        ("lateral_ankle", cut.outer(cut.col(0.5, 880, 960)).intersection(above(hline(950)))),
        ("medial_ankle", above(hline(950))),
        ("heel", everything()),
    ]
    return v


def anterior() -> View:
    # the foot seen from the front: foreshortened, wider than the ankle, the toes reaching the floor
    foot_outer = [(69, 938), (75, 954), (80.5, 967), (79, 973.5)]
    foot_bottom = [(73, 976), (17, 976)]
    foot_inner = [(12.5, 972), (12.5, 961), (16, 944)]
    body_u, sil_u = bilateral_leg(foot_outer, foot_bottom, foot_inner)
    to_x = lambda p: (MID - p[0], p[1])  # noqa: E731
    v = View("anterior", body_u.mapped(to_x), [sil_u.mapped(to_x)])

    asis = (199.0, 213.0)
    crest = [(195.5, 185), (193.5, 195), (195, 205), asis]
    inguinal = [asis, (220, 246), (246, 276), (271, 301.5), (292, 321)]
    v.points.update({
        "asis": asis, "pubic_tubercle": (292, 322), "greater_trochanter": (186, 288), "navel": (300, 188),
        "patella_centre": (249, 586), "knee_centre": (248, 606), "tibial_tuberosity": (250, 632),
        "lateral_malleolus": (239, 930), "medial_malleolus": (277, 919),
    })
    v.landmarks += [
        ("iliac_crest", curve(crest)),
        ("asis", ellipse(asis[0], asis[1], 3.6, 3.6)),
        ("inguinal_ligament", curve(inguinal)),
        ("navel", Path((300, 183)).curve((298, 183), (296.5, 185.5), (296.5, 188.5))
            .curve((296.5, 191.5), (298, 194), (300, 194))),
        ("greater_trochanter", ellipse(187, 288, 8, 14)),
        ("patella", ellipse(249, 586, 16.5, 20.5, 4)),
        ("tibial_tuberosity", ellipse(250, 633, 5, 4)),
        ("lateral_malleolus", ellipse(239, 930, 3.6, 5.8)),
        ("medial_malleolus", ellipse(277, 919, 3.6, 5.8)),
        ("toes", Path((282, 964)).line((282, 976))),
        ("toes_2", Path((269, 967)).line((268.5, 976))),
        ("toes_3", Path((258, 968.5)).line((257, 976))),
        ("toes_4", Path((247.5, 969)).line((246, 976))),
    ]
    v.muscles += [
        ("tensor_fasciae_latae", closed_curve([(197, 218), (204, 240), (202, 275), (192, 310), (184, 280),
                                               (186, 245)])),
        ("iliotibial_band", curve([(192, 310), (191, 370), (196, 450), (208, 530), (221, 600), (224, 628)])),
        ("sartorius", closed_curve([(201, 220), (226, 300), (256, 400), (276, 490), (286, 560), (282, 610),
                                    (272, 560), (260, 490), (240, 405), (210, 300)], tension=0.9)),
        ("rectus_femoris", closed_curve([(212, 262), (230, 330), (246, 440), (249, 530), (248, 565),
                                         (236, 530), (220, 440), (208, 340)], tension=0.9)),
        ("vastus_lateralis", curve([(190, 312), (196, 400), (208, 480), (224, 545), (234, 570)])),
        ("vastus_medialis", curve([(270, 470), (286, 520), (285, 565), (266, 585)])),
        ("adductor_longus", curve([(290, 330), (282, 380), (272, 440)])),
        ("tibialis_anterior", curve([(232, 640), (228, 700), (238, 780), (256, 860), (268, 905)])),
        ("tibia", curve([(252, 648), (254, 740), (260, 830), (270, 890)])),
        ("gastrocnemius_medial", curve([(284, 650), (290, 690), (287, 740)])),
    ]

    body = v.body_polygon()
    cut = Cutter(body, -1)
    lat_t = lambda y: blend(y, 300, 0.845, 350, 0.81)  # noqa: E731
    col_lat = cut.col(lat_t, 150, 600)
    col_med = cut.col(0.18, 330, 600)
    crest_medial = curve([(205, 180), (207.5, 197), (212.5, 212), (211, 226)]).points(1.5)
    crest_band = Polygon([(150, 180), *crest_medial, (150, 224)])
    inguinal_ext = [(-BIG, asis[1]), *curve(inguinal + [(300, 327)]).points(1.5)]
    groin = Polygon([*[p for p in curve(inguinal + [(300, 327)]).points(1.5) if p[0] >= 246],
                     (320, 327), (320, 352), *curve([(300, 352), (281, 340), (262, 320), (246, 298)]).points(1.5)])
    v.cells = [
        ("iliac_crest", crest_band),
        ("lower_abdomen", above(inguinal_ext)),
        ("lateral_hip", cut.outer(col_lat).intersection(above(hline(275)))),
        ("greater_trochanter", cut.outer(col_lat).intersection(above(hline(312)))),
        ("groin", groin),
        ("anterior_hip", cut.inner(col_lat).intersection(above(hline(305)))),
        ("medial_thigh", cut.inner(col_med).intersection(above(hline(570)))),
        ("lateral_thigh", cut.outer(col_lat).intersection(above(hline(570)))),
        ("anterior_thigh", above(hline(570))),
        ("lateral_knee", cut.outer(cut.col(0.75, 560, 660)).intersection(above(hline(640)))),
        ("medial_knee", cut.inner(cut.col(0.25, 560, 660)).intersection(above(hline(640)))),
        ("anterior_knee", above(hline(640))),
        ("lateral_leg", cut.outer(cut.col(0.7, 620, 910)).intersection(above(hline(895)))),
        ("anterior_shin", above(hline(895))),
        ("lateral_ankle", cut.outer(cut.col(0.5, 880, 950)).intersection(above(hline(940)))),
        ("medial_ankle", above(hline(940))),
        ("dorsal_foot", everything()),
    ]
    return v


# The right side seen from outside, facing the viewer's right.
LAT_FRONT = [
    (365, 40), (369.5, 88), (369, 132), (364, 175), (357.5, 210), (353.5, 238), (355, 268), (359.5, 305),
    (365, 350), (368, 400), (366, 450), (359, 500), (348.5, 545), (339.5, 573), (336, 593), (333, 613),
    (328, 633), (325, 652), (321.5, 692), (319, 752), (317, 820), (315.5, 866), (316.5, 893),
]
LAT_DORSUM = [(322.5, 908), (340, 914), (370, 921.5), (400, 932), (428, 944.5), (450, 954), (465, 959.5),
              (472.5, 966.5)]
LAT_HEEL = [(289, 975.5), (276, 969), (270.5, 955), (271.5, 937), (278, 917), (283.5, 898), (285, 880)]
LAT_BACK_LEG = [(285, 880), (282.5, 845), (274.5, 800), (259.5, 750), (246, 710), (240, 686), (241.5, 660),
                (249.5, 636), (258.5, 616), (261.5, 598), (259.5, 576), (254, 542), (246.5, 492), (240, 440),
                (236, 400), (233.5, 372), (232, 358)]
LAT_BUTTOCK = [(232, 358), (221, 344), (215.5, 322), (215, 296), (219, 264), (228, 230), (239, 200), (246.5, 165),
               (249.5, 125), (248, 85), (245, 40)]


def lateral_right() -> View:
    body = Path((245, 40)).line(LAT_FRONT[0])
    body.smooth(LAT_FRONT[1:] + LAT_DORSUM + [(465, 976)], t0=(0.1, 1), t1=(-1, 0))
    body.line((292, 976))  # the sole
    body.smooth(LAT_HEEL, t0=(-1, 0), t1=(0.05, -1))
    body.smooth(LAT_BACK_LEG[1:], t0=(0.05, -1), t1=(0.08, -1))  # a concave corner at the gluteal fold
    body.smooth(LAT_BUTTOCK[1:], t0=(-0.8, -1), t1=(-0.05, -1))
    body.close()
    sil = Path(LAT_FRONT[0])
    sil.segs = list(body.segs[1:])
    v = View("lateral_right", body, [sil])

    asis = (349.0, 214.0)
    crest = [(249, 222), (262, 206.5), (284, 197.5), (312, 198.5), (336, 205), asis]
    v.points.update({
        "asis": asis, "iliac_crest_top": (293, 197), "psis_region": (249, 222), "greater_trochanter": (286, 288),
        "gluteal_fold_back": (232, 358), "patella_centre": (326, 594), "knee_centre": (298, 606),
        "fibular_head": (281, 632), "lateral_malleolus": (300, 931),
    })
    v.landmarks += [
        ("iliac_crest", curve(crest)),
        ("asis", ellipse(asis[0], asis[1], 3.6, 3.6)),
        ("inguinal_ligament", curve([(350, 219), (352.5, 232), (354, 246)])),
        ("greater_trochanter", ellipse(286, 288, 12, 14.5, -10)),
        ("gluteal_fold", curve([(232, 358), (245, 356), (258, 351)])),
        ("patella", closed_curve([(328, 574), (334.5, 590), (332.5, 609), (323, 614), (318.5, 596), (321, 579)])),
        ("fibular_head", ellipse(281, 632, 6, 5, 20)),
        ("popliteal_crease", curve([(262, 601), (268, 603.5), (274, 608)])),
        ("lateral_malleolus", ellipse(299.5, 931, 5, 7.5, 8)),
        ("toes", curve([(446, 952.5), (451.5, 964), (451, 975.5)])),
        ("toes_2", curve([(434, 947.5), (439.5, 961), (439, 975.5)])),
    ]
    deep = "3 2"
    v.muscles += [
        ("gluteus_maximus", curve([(245, 207), (265, 230), (282, 262), (294, 298), (299, 334), (290, 349),
                                   (262, 356), (238, 361)])),
        ("gluteus_medius", curve([(336, 207), (326, 236), (309, 258), (293, 272)])),
        ("gluteus_minimus", curve([(330, 222), (316, 250), (296, 275)]), deep),
        ("tensor_fasciae_latae", closed_curve([(345, 220), (348.5, 250), (341, 296), (327, 333), (323, 300),
                                               (330, 254)])),
        ("iliotibial_band", curve([(328, 334), (324, 410), (318, 490), (312, 570), (309, 628)])),
        ("iliotibial_band_back", curve([(299, 334), (297, 420), (294, 500), (294, 570), (301, 628)])),
        ("vastus_lateralis", curve([(335, 318), (352, 400), (352, 480), (340, 545), (329, 574)])),
        ("vastus_lateralis_back", curve([(294, 352), (277, 430), (272, 500), (280, 560), (292, 590)])),
        ("biceps_femoris", curve([(238, 364), (252, 440), (266, 520), (277, 590), (281, 626)])),
        ("gastrocnemius", curve([(266, 622), (264, 680), (270, 745), (280, 800), (283, 835)])),
        ("soleus", curve([(283, 700), (286, 780), (287, 850)])),
        ("fibularis_longus", curve([(288, 640), (297, 730), (300, 820), (297, 880), (294, 918)])),
        ("tibialis_anterior", curve([(316, 650), (309, 740), (307, 830), (313, 895), (328, 915)])),
        ("achilles", curve([(283, 835), (286, 880), (286, 925)])),
    ]

    body_p = v.body_polygon()
    cut = Cutter(body_p, +1)
    crest_x = curve([(224, 233)] + crest + [(362, 226), (390, 236)]).points(1.5)
    crest_band = Polygon([(x, y - 12) for x, y in crest_x] + [(x, y + 13) for x, y in reversed(crest_x)])
    back_t = lambda y: blend(y, 320, 0.40, 370, 0.30)  # noqa: E731
    col_back = cut.col(back_t, 150, 600)
    col_front = cut.col(0.72, 150, 600)
    fold = curve([(220, 362), (232, 358), (248, 354.5), (266, 346), (290, 340)]).points(1.5)
    heel = Polygon([(200, 930), (282, 934), *curve([(290, 938), (304, 950), (314, 966), (318, 990)]).points(1.5),
                    (200, 990)])
    v.cells = [
        ("iliac_crest", crest_band),
        ("lower_back", above(crest_x).intersection(left_of(vline(300)))),
        ("lower_abdomen", above(crest_x)),
        ("upper_buttock", cut.inner(col_back).intersection(above(hline(265)))),
        ("buttock_center", cut.inner(col_back).intersection(above(hline(320)))),
        ("lower_buttock", cut.inner(col_back).intersection(above(fold))),
        ("lateral_hip", cut.inner(col_front).intersection(above(hline(270)))),
        ("greater_trochanter", cut.inner(col_front).intersection(above(hline(308)))),
        ("anterior_hip", above(hline(300))),
        ("posterior_thigh", cut.inner(col_back).intersection(above(hline(575)))),
        ("anterior_thigh", cut.outer(col_front).intersection(above(hline(575)))),
        ("lateral_thigh", above(hline(575))),
        ("posterior_knee", cut.inner(cut.col(0.3, 560, 660)).intersection(above(hline(640)))),
        ("anterior_knee", cut.outer(cut.col(0.7, 560, 660)).intersection(above(hline(640)))),
        ("lateral_knee", above(hline(640))),
        ("posterior_calf", cut.inner(cut.col(0.38, 620, 910)).intersection(above(hline(900)))),
        ("anterior_shin", cut.outer(cut.col(0.76, 620, 910)).intersection(above(hline(900)))),
        ("lateral_leg", above(hline(900))),
        ("heel", heel),
        ("lateral_ankle", above(hline(950)).intersection(left_of(vline(338)))),
        ("dorsal_foot", everything()),
    ]
    return v


BUILDERS = {"posterior": posterior, "anterior": anterior, "lateral_right": lateral_right}


def build(name: str) -> View:
    v = BUILDERS[name]()
    v.regions = partition(v.body_polygon(), v.cells)
    return v


# ------------------------------------------------------------------------------------------------- SVG output

def render_svg(v: View) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.2" '
        'baseProfile="tiny" viewBox="0 0 600 1000">',
        f'  <!-- hipmap {v.name} view, generated by tools/draw_views.py: edit that script, not this file. -->',
        '  <g id="side-right">',
        f'    <path id="body" fill="{SKIN}" stroke="none" d="{v.body.d()}"/>',
    ]
    line = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'
    for c in v.contours:
        out.append(f'    <path class="contour" {line} stroke="{CONTOUR}" stroke-width="2" d="{c.d()}"/>')
    for c in v.details:
        out.append(f'    <path class="contour" {line} stroke="{CONTOUR}" stroke-width="1.3" opacity="0.8" '
                   f'd="{c.d()}"/>')
    out.append('    <g id="muscles">')
    for mid, p, *dash in v.muscles:
        dashed = f' stroke-dasharray="{dash[0]}"' if dash else ""
        out.append(f'      <path id="muscle-{mid}" class="muscle" {line} stroke="{MUSCLE}" stroke-width="1"{dashed} '
                   f'opacity="0.45" d="{p.d()}"/>')
    out.append('    </g>')
    out.append('    <g id="landmarks">')
    for lid, p in v.landmarks:
        out.append(f'      <path id="landmark-{lid}" class="landmark" {line} stroke="{LANDMARK}" '
                   f'stroke-width="1.2" opacity="0.6" d="{p.d()}"/>')
    out.append('    </g>')
    out.append('    <g id="regions" fill="none" stroke="none" display="none">')
    for name in VIEW_REGIONS[v.name]:
        out.append(f'      <path id="region-{name}" fill="none" stroke="none" d="{region_d(v.regions[name])}"/>')
    out.append('    </g>')
    out.append('  </g>')
    if BILATERAL[v.name]:
        mirror = f"matrix(-1 0 0 1 {fmt(2 * MID)} 0)"
        out.append(f'  <use xlink:href="#side-right" href="#side-right" transform="{mirror}"/>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------- checking

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def parse_d(d: str):
    """Read path data back with the app's own reader, so --check sees exactly what hipmap will load."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from hipmap.core.geometry.svgpath import parse_path

    return parse_path(d)


def load_view_file(path: Path):
    """(root element, body polygon, {region: polygon}) of a view SVG on disk."""
    root = ET.parse(path).getroot()
    side = next(e for e in root.iter() if e.get("id") == "side-right")
    body_el = next(e for e in side.iter() if e.get("id") == "body")
    body = Polygon(parse_d(body_el.get("d"))[0][0])
    regions = {}
    for e in side.iter():
        rid = e.get("id", "")
        if rid.startswith("region-"):
            subs = parse_d(e.get("d"))
            regions[rid[len("region-"):]] = Polygon(subs[0][0]) if len(subs) == 1 else MultiPolygon(
                [Polygon(s[0]) for s in subs])
    return root, body, regions


def check() -> int:
    problems = []
    for name in VIEW_REGIONS:
        path = VIEW_DIR / f"{name}.svg"
        if not path.exists():
            problems.append(f"{path}: missing (run tools/draw_views.py)")
            continue
        text = path.read_text(encoding="utf-8")
        if text != render_svg(build(name)):
            problems.append(f"{path}: not what the script generates (run tools/draw_views.py)")
        root, body, regions = load_view_file(path)
        p = lambda msg: problems.append(f"{name}: {msg}")  # noqa: E731
        if root.get("viewBox") != "0 0 600 1000" or root.get("width") or root.get("height"):
            p("viewBox must be '0 0 600 1000' with no width/height")
        tags = {e.tag.replace(SVG_NS, "") for e in root.iter()}
        if not tags <= {"svg", "g", "path", "use", "ellipse", "circle"}:
            p(f"unexpected elements {sorted(tags - {'svg', 'g', 'path', 'use', 'ellipse', 'circle'})}")
        for e in root.iter():
            d = e.get("d")
            if d is not None and re.search(r"[Aa]", d):
                p(f"arc in path {e.get('id')}")
            if e.tag == SVG_NS + "path" and e.get("class") in ("contour", "muscle", "landmark"):
                if not e.get("stroke") or e.get("fill") != "none":
                    p(f"{e.get('class')} path {e.get('id')} lacks inline stroke/fill")
        uses = [e for e in root.iter() if e.tag == SVG_NS + "use"]
        if BILATERAL[name]:
            ok = (len(uses) == 1 and uses[0].get(XLINK) == "#side-right" and uses[0].get("href") == "#side-right"
                  and uses[0].get("transform") == "matrix(-1 0 0 1 600 0)")
            if not ok:
                p("needs exactly one <use> of #side-right mirrored about x=300")
        elif uses:
            p("the lateral view must not have a <use>")
        minx, miny, maxx, maxy = body.bounds
        if not body.is_valid:
            p("body outline is not a valid polygon")
        if name == "posterior" and minx < MID - 0.01:
            p(f"side-right must lie at x >= 300 (body reaches {minx:.1f})")
        if name == "anterior" and maxx > MID + 0.01:
            p(f"side-right must lie at x <= 300 (body reaches {maxx:.1f})")
        if abs(miny - 40) > 0.5 or abs(maxy - 976) > 0.5:
            p(f"body spans y {miny:.1f}..{maxy:.1f}, expected 40..976")
        expected = set(VIEW_REGIONS[name])
        if set(regions) != expected:
            p(f"regions missing {sorted(expected - set(regions))}, unexpected {sorted(set(regions) - expected)}")
        for rid, g in sorted(regions.items()):
            if not isinstance(g, Polygon) or not g.is_valid or g.interiors:
                p(f"region {rid} is not a single valid polygon without holes")
            elif g.area < 150:
                p(f"region {rid} is too small ({g.area:.0f} square units)")
        ids = sorted(regions)
        worst = 0.0
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if regions[a].intersects(regions[b]):
                    ov = regions[a].intersection(regions[b]).area
                    worst = max(worst, ov)
                    if ov >= 1.0:
                        p(f"regions {a} and {b} overlap by {ov:.2f} square units")
        union = shapely.union_all(list(regions.values()))
        diff = union.symmetric_difference(body).area
        if diff > 0.01 * body.area:
            p(f"regions differ from the body by {diff:.0f} square units ({100 * diff / body.area:.2f}%)")
        status = "FAIL" if any(x.startswith(name + ":") for x in problems) else "ok"
        print(f"{name:14s} {status}: {len(regions)} regions, body area {body.area:.0f}, "
              f"union differs by {diff:.1f} ({100 * diff / body.area:.3f}%), worst pairwise overlap {worst:.3f}")
    for msg in problems:
        print("  " + msg)
    print("check: " + ("FAILED" if problems else "all views ok"))
    return 1 if problems else 0


def summary() -> None:
    for name in VIEW_REGIONS:
        v = BUILDERS[name]()
        _root, body, regions = load_view_file(VIEW_DIR / f"{name}.svg")
        minx, miny, maxx, maxy = body.bounds
        print(f"== {name}  (right side; body x {minx:.1f}..{maxx:.1f}, y {miny:.1f}..{maxy:.1f}, "
              f"area {body.area:.0f})")
        print(f"   {'region':20s} {'bbox (minx, miny, maxx, maxy)':34s} {'area':>7s}  interior point")
        for rid in VIEW_REGIONS[name]:
            g = regions[rid]
            b = g.bounds
            rp = g.representative_point()
            print(f"   {rid:20s} ({b[0]:6.1f}, {b[1]:6.1f}, {b[2]:6.1f}, {b[3]:6.1f})   {g.area:7.0f}  "
                  f"({rp.x:.1f}, {rp.y:.1f})")
        print("   landmarks: " + ", ".join(f"{k} ({fmt(p[0])}, {fmt(p[1])})" for k, p in v.points.items()))
        print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="check the SVGs on disk")
    ap.add_argument("--summary", action="store_true", help="print each region's bbox, area and interior point")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if args.summary:
        summary()
        return 0
    VIEW_DIR.mkdir(parents=True, exist_ok=True)
    for name in VIEW_REGIONS:
        path = VIEW_DIR / f"{name}.svg"
        path.write_text(render_svg(build(name)), encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
