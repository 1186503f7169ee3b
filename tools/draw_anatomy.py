#!/usr/bin/env python3
"""Draw where each muscle lies: writes data/anatomy/<muscle>.yaml (the app reads those files; they are the source
of truth, this script only makes them again the same way).

    python tools/draw_anatomy.py                 write every data/anatomy/*.yaml
    python tools/draw_anatomy.py --check         the files on disk are what this script writes
    python tools/draw_anatomy.py --preview DIR   PNGs of each view with every outline, fibre and trigger point

Each shape is a smooth closed curve through hand-placed knots in the view's coordinates (the right side, as in
tools/draw_views.py, whose landmarks and faint muscle lines were the anchors). Where a muscle reaches the body's
edge its knots lie just outside, and the shape is cut along the body outline. Fibre lines are made inside the
outline: "fan" lines converge on the insertion, "along" lines follow a centre line, "dir" lines run parallel.
A view's spec may give "parts" (iliopsoas: psoas and iliacus, each its own knots; a part with "cut_by" is cut along
an earlier part's edge, as gastrocnemius' lateral head beside its medial one), or "split_by" another muscle
(gluteus medius: the part outside maximus' outline lies on top, the part inside it is deep under it).
Placement was checked against the trigger points (each lies inside its muscle's outline on its view) and against
Travell & Simons' and the standard atlases' pictures of each muscle, in the proportions of Drillis & Contini.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import shapely
from shapely.geometry import LineString, Point, Polygon

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import draw_views as dv  # noqa: E402

OUT = ROOT / "data" / "anatomy"
DEEP = "deep"
SUP = "superficial"

# muscle -> (display name for the comment, depth, under, {view: spec}); spec: knots, fibres, optional depth/under.
# Fibres: ("fan", (x, y), n) | ("along", [centre knots], [offsets]) | ("dir", degrees, n)
MUSCLES: dict = {
    "gluteus_maximus": ("gluteus maximus", SUP, [], {
        "posterior": dict(knots=[(344, 211), (372, 227), (398, 252), (412, 284), (426, 322), (420, 364), (392, 373),
                                 (360, 365), (330, 351), (307, 336), (302, 324), (311, 300), (323, 270), (331, 238)],
                          fibres=("dir", 32, 4)),
        "lateral_right": dict(knots=[(245, 206), (265, 229), (282, 262), (294, 298), (299, 334), (290, 349),
                                     (262, 357), (236, 362), (206, 330), (205, 280), (222, 225), (236, 200)],
                              fibres=("fan", (298, 340), 4)),
    }),
    "gluteus_medius": ("gluteus medius", DEEP, ["gluteus_maximus"], {
        "posterior": dict(knots=[(336, 219), (348, 203), (372, 195), (398, 195), (416, 203), (428, 232), (428, 266),
                                 (416, 285), (403, 277), (380, 262), (356, 249), (340, 238)],
                          # its upper-outer part lies on the skin; only the lower back part is under maximus
                          split_by="gluteus_maximus", labels=("upper outer part, on top", "lower back part, under gluteus maximus"),
                          fibres=("fan", (414, 284), 4), fibres_under=("dir", 33, 2)),
        "lateral_right": dict(knots=[(250, 218), (264, 201), (286, 193), (312, 194), (336, 201), (349, 212),
                                     (338, 236), (318, 258), (298, 277), (286, 279), (274, 262), (258, 240)],
                              fibres=("fan", (288, 276), 4), depth=SUP, under=[]),
    }),
    "gluteus_minimus_anterior": ("the front fibres of gluteus minimus", DEEP, ["gluteus_medius", "tensor_fasciae_latae"], {
        "lateral_right": dict(knots=[(298, 214), (322, 207), (344, 217), (337, 242), (316, 264), (298, 280),
                                     (288, 278), (290, 250)],
                              fibres=("fan", (292, 278), 3)),
        "anterior": dict(knots=[(176, 213), (194, 214), (201, 238), (196, 266), (186, 292), (172, 282), (170, 250)],
                         fibres=("fan", (184, 290), 3), under=["tensor_fasciae_latae"]),
    }),
    "gluteus_minimus_posterior": ("the back fibres of gluteus minimus", DEEP, ["gluteus_medius", "gluteus_maximus"], {
        "posterior": dict(knots=[(352, 238), (364, 226), (382, 218), (402, 217), (418, 227), (426, 258), (418, 284),
                                 (402, 278), (380, 264), (360, 254)],
                          fibres=("fan", (414, 282), 4)),
        "lateral_right": dict(knots=[(256, 230), (274, 213), (298, 210), (298, 242), (292, 272), (284, 278),
                                     (270, 258)],
                              fibres=("fan", (288, 276), 3)),
    }),
    "tensor_fasciae_latae": ("tensor fasciae latae", SUP, [], {
        "anterior": dict(knots=[(197, 216), (205, 240), (203, 275), (193, 311), (180, 282), (181, 245)],
                         fibres=("along", [(197, 222), (197, 260), (191, 305)], [-5, 0, 5])),
        "lateral_right": dict(knots=[(345, 218), (350, 250), (342, 296), (327, 334), (322, 300), (330, 254)],
                              fibres=("along", [(344, 226), (339, 270), (327, 325)], [-5, 0, 5])),
    }),
    "piriformis": ("piriformis", DEEP, ["gluteus_maximus"], {
        "posterior": dict(knots=[(316, 249), (338, 251), (362, 258), (390, 267), (413, 277), (412, 287), (388, 280),
                                 (360, 277), (336, 278), (318, 285)],
                          fibres=("fan", (411, 282), 3)),
        "lateral_right": dict(knots=[(236, 262), (262, 266), (286, 278), (286, 286), (262, 281), (236, 276)],
                              fibres=("dir", 12, 2)),
    }),
    "deep_hip_rotators": ("the deep hip rotators (gemelli, obturator internus, quadratus femoris)", DEEP, ["gluteus_maximus"], {
        "posterior": dict(knots=[(330, 289), (358, 285), (390, 289), (414, 295), (416, 322), (398, 332), (366, 335),
                                 (340, 344), (330, 334), (326, 306)],
                          fibres=("dir", 4, 4)),
        "lateral_right": dict(knots=[(238, 288), (262, 286), (284, 292), (286, 306), (268, 315), (244, 316),
                                     (232, 302)],
                              fibres=("dir", 3, 3)),
    }),
    "pelvic_floor": ("the pelvic floor", DEEP, ["gluteus_maximus"], {
        "posterior": dict(knots=[(296, 294), (314, 299), (330, 317), (340, 338), (332, 348), (312, 343), (296, 336)],
                          fibres=("fan", (301, 316), 3)),
    }),
    "quadratus_lumborum": ("quadratus lumborum", DEEP, ["lumbar_paraspinals"], {
        "posterior": dict(knots=[(338, 36), (372, 36), (384, 100), (390, 160), (393, 200), (378, 213), (356, 215),
                                 (342, 206), (344, 150), (342, 90)],
                          fibres=("dir", 95, 4)),
        # deep in the flank from the last rib to the iliac crest, just in front of the paraspinals
        "lateral_right": dict(knots=[(266, 46), (290, 44), (300, 90), (303, 150), (298, 192), (284, 202), (270, 198),
                                     (264, 150), (262, 96)],
                              fibres=("dir", 94, 3)),
    }),
    "lumbar_paraspinals": ("the lumbar paraspinal muscles", SUP, [], {
        "posterior": dict(knots=[(296, 34), (348, 34), (353, 110), (351, 170), (345, 210), (336, 233), (320, 247),
                                 (296, 247)],
                          fibres=("dir", 90, 4)),
        "lateral_right": dict(knots=[(240, 34), (274, 34), (277, 120), (273, 180), (262, 214), (246, 224),
                                     (232, 210)],
                              fibres=("dir", 92, 3)),
    }),
    "iliopsoas": ("iliopsoas (psoas and iliacus)", DEEP, ["rectus_abdominis", "sartorius"], {
        "anterior": dict(parts=[  # two parts joining at the groin into one tendon on the lesser trochanter
            dict(label="psoas major, from the lumbar spine", under=["rectus_abdominis"],
                 knots=[(276, 58), (289, 58), (289, 110), (285, 170), (280, 215), (272, 260), (262, 300), (258, 338),
                        (248, 343), (244, 318), (250, 270), (258, 220), (266, 160), (272, 100)],
                 fibres=("along", [(282, 62), (276, 160), (268, 220), (256, 290), (253, 336)], [-3, 3])),
            dict(label="iliacus, from the iliac fossa", under=["sartorius"],
                 knots=[(205, 196), (220, 186), (242, 190), (258, 204), (262, 240), (258, 280), (254, 318), (250, 340),
                        (240, 334), (232, 312), (220, 278), (208, 244), (202, 216)],
                 fibres=("fan", (249, 334), 3)),
        ]),
    }),
    "rectus_abdominis": ("rectus abdominis", SUP, [], {
        "anterior": dict(knots=[(296, 36), (263, 36), (258, 120), (260, 200), (266, 260), (283, 310), (296, 324)],
                         fibres=("dir", 90, 3)),
    }),
    "vastus_lateralis": ("vastus lateralis", SUP, [], {
        "lateral_right": dict(knots=[(300, 300), (322, 306), (338, 330), (346, 400), (347, 480), (340, 545),
                                     (330, 578), (312, 590), (292, 590), (280, 560), (272, 500), (276, 430),
                                     (290, 360)],
                              fibres=("along", [(312, 320), (310, 450), (312, 580)], [-18, -6, 6, 18])),
        # its back edge shows at the outer back thigh, beside biceps femoris, under the IT band
        "posterior": dict(knots=[(382, 384), (392, 371), (408, 365), (424, 370), (426, 420), (418, 470), (406, 520), (398, 548),
                                 (393, 540), (392, 505), (388, 465), (381, 425), (375, 395)],
                          fibres=("dir", 97, 2)),
        "anterior": dict(knots=[(186, 300), (197, 312), (210, 380), (222, 460), (234, 530), (244, 576), (236, 582),
                                (218, 562), (198, 500), (182, 430), (172, 360), (172, 310)],
                         fibres=("along", [(186, 315), (200, 440), (236, 574)], [-6, 0, 6])),
    }),
    "biceps_femoris": ("biceps femoris", SUP, [], {
        "posterior": dict(knots=[(336, 346), (352, 356), (372, 398), (388, 460), (393, 530), (390, 590), (386, 631),
                                 (374, 629), (362, 590), (354, 530), (348, 460), (340, 400), (333, 360)],
                          fibres=("along", [(342, 352), (370, 460), (380, 626)], [-7, 0, 7])),
        "lateral_right": dict(knots=[(236, 362), (256, 366), (270, 430), (282, 510), (290, 580), (288, 628),
                                     (276, 632), (262, 590), (246, 520), (232, 440), (224, 380)],
                              fibres=("along", [(244, 368), (266, 510), (282, 626)], [-6, 0, 6])),
    }),
    "medial_hamstrings": ("the medial hamstrings (semitendinosus and semimembranosus)", SUP, [], {
        "posterior": dict(knots=[(334, 346), (341, 400), (347, 460), (349, 530), (344, 590), (336, 633), (322, 637),
                                 (316, 600), (314, 530), (316, 460), (321, 400), (327, 356)],
                          fibres=("along", [(331, 352), (332, 480), (328, 630)], [-8, 0, 8])),
    }),
    "adductor_longus_brevis": ("adductor longus and adductor brevis", SUP, [], {
        "anterior": dict(knots=[(282, 321), (302, 330), (300, 360), (290, 410), (277, 460), (266, 477), (262, 460),
                                (268, 410), (272, 360)],
                         fibres=("fan", (266, 470), 3)),
    }),
    "adductor_magnus": ("adductor magnus", DEEP, ["adductor_longus_brevis", "gracilis"], {
        "anterior": dict(knots=[(284, 338), (302, 346), (300, 420), (292, 480), (285, 540), (276, 562), (272, 520),
                                (274, 460), (278, 400)],
                         fibres=("dir", 100, 3)),
        "posterior": dict(knots=[(322, 341), (335, 346), (329, 380), (322, 440), (320, 500), (321, 560), (318, 592),
                                 (310, 582), (304, 520), (302, 450), (300, 390), (300, 355)],
                          fibres=("along", [(320, 350), (314, 460), (314, 585)], [-4, 3]), depth=SUP, under=[]),
    }),
    "sartorius": ("sartorius", SUP, [], {
        "anterior": dict(knots=[(200, 219), (226, 300), (256, 400), (276, 490), (286, 560), (289, 610), (285, 646),
                                (278, 641), (279, 600), (272, 560), (260, 490), (240, 405), (210, 300)],
                         fibres=("along", [(204, 228), (232, 350), (268, 480), (283, 640)], [-3, 3])),
    }),
    "pectineus": ("pectineus", SUP, [], {
        "anterior": dict(knots=[(258, 305), (278, 305), (291, 321), (283, 350), (268, 361), (257, 338)],
                         fibres=("dir", 115, 3)),
    }),
    "rectus_femoris": ("rectus femoris", SUP, [], {
        "anterior": dict(knots=[(210, 234), (222, 262), (236, 330), (252, 440), (254, 530), (249, 570), (238, 570),
                                (230, 530), (220, 440), (210, 340), (205, 270)],
                         fibres=("along", [(211, 244), (234, 440), (244, 566)], [-7, 0, 7])),
        "lateral_right": dict(knots=[(346, 234), (358, 250), (366, 300), (372, 380), (370, 460), (358, 522),
                                     (340, 570), (332, 566), (344, 500), (352, 420), (350, 340), (342, 270)],
                              fibres=("along", [(349, 244), (361, 400), (338, 564)], [-3, 3])),
    }),
    "vastus_medialis": ("vastus medialis", SUP, [], {
        "anterior": dict(knots=[(258, 400), (272, 410), (286, 450), (294, 510), (292, 560), (279, 590), (262, 598),
                                (254, 576), (259, 540), (262, 500), (258, 450)],
                         fibres=("fan", (262, 592), 3)),
    }),
    "vastus_intermedius": ("vastus intermedius", DEEP, ["rectus_femoris"], {
        "anterior": dict(knots=[(214, 300), (232, 310), (246, 380), (254, 460), (254, 540), (246, 565), (236, 560),
                                (226, 500), (218, 420), (212, 350)],
                         fibres=("along", [(222, 310), (238, 460), (242, 560)], [-6, 6])),
        "lateral_right": dict(knots=[(336, 320), (352, 330), (364, 400), (364, 480), (352, 540), (336, 562),
                                     (330, 540), (338, 480), (342, 400), (336, 350)],
                              fibres=("along", [(344, 330), (352, 460), (336, 556)], [-5, 5]),
                              under=["vastus_lateralis", "rectus_femoris"]),
    }),
    "gracilis": ("gracilis", SUP, [], {
        "anterior": dict(knots=[(290, 330), (302, 338), (296, 400), (292, 470), (290, 540), (288, 600), (285, 642),
                                (278, 642), (282, 600), (282, 540), (282, 470), (284, 400), (286, 350)],
                         fibres=("along", [(292, 338), (287, 470), (282, 638)], [-2, 2])),
        "posterior": dict(knots=[(304, 360), (313, 364), (319, 400), (325, 460), (328, 540), (330, 610), (327, 652),
                                 (319, 652), (316, 600), (313, 540), (309, 460), (304, 400)],
                          fibres=("along", [(310, 370), (318, 480), (323, 646)], [-2, 2])),
    }),
    "gastrocnemius": ("gastrocnemius", SUP, [], {
        # its two heads, from the femur's two condyles, meet down the middle of the calf (over soleus) and join in
        # the Achilles tendon: the medial head the larger, reaching lower; the lateral one ends higher
        "posterior": dict(parts=[
            dict(label="medial head, from the inner condyle of the femur",
                 knots=[(328, 598), (343, 601), (350, 620), (350, 680), (349, 740), (347, 800), (334, 791),
                        (316, 745), (308, 690), (312, 640)],
                 fibres=("fan", (345, 796), 3)),
            dict(label="lateral head, from the outer condyle of the femur", cut_by=0,
                 knots=[(349, 606), (362, 600), (378, 598), (392, 640), (392, 690), (381, 738), (364, 772),
                        (350, 786), (346, 740), (346, 660)],
                 fibres=("dir", 97, 2)),
        ]),
        # from the outer side the lateral head, with the medial one showing behind it along the back of the calf
        "lateral_right": dict(parts=[
            dict(label="medial head, behind", knots=[(257, 626), (255, 650), (253, 690), (262, 730), (275, 770),
                                                     (283, 800), (278, 814), (268, 802), (254, 770), (242, 730),
                                                     (234, 690), (238, 650)],
                 fibres=("along", [(250, 645), (247, 700), (260, 750), (276, 800)], [-1.5, 1.5]), inset=1.5),
            dict(label="lateral head, from the outer condyle of the femur", cut_by=0,
                 knots=[(250, 608), (268, 616), (274, 680), (281, 745), (289, 800), (289, 836), (280, 841),
                        (266, 800), (246, 745), (232, 690), (236, 640)],
                 fibres=("fan", (284, 836), 3)),
        ]),
    }),
    "soleus": ("soleus", DEEP, ["gastrocnemius"], {
        "posterior": dict(knots=[(330, 640), (372, 640), (388, 690), (386, 760), (372, 820), (360, 868), (346, 891),
                                 (330, 877), (322, 830), (314, 760), (316, 690)],
                          fibres=("fan", (346, 886), 4)),
        "lateral_right": dict(knots=[(258, 658), (280, 663), (290, 720), (294, 800), (294, 870), (286, 881),
                                     (278, 840), (268, 780), (254, 730), (248, 690)],
                              fibres=("fan", (288, 876), 3)),
    }),
    "peroneus_longus_brevis": ("peroneus (fibularis) longus and brevis", SUP, [], {
        "lateral_right": dict(knots=[(280, 629), (296, 636), (306, 700), (308, 780), (306, 860), (302, 918),
                                     (294, 920), (292, 860), (290, 780), (284, 700), (275, 660)],
                              fibres=("along", [(286, 636), (297, 780), (298, 914)], [-4, 4])),
        "posterior": dict(knots=[(380, 627), (390, 660), (388, 720), (379, 790), (369, 860), (363, 912), (356, 910),
                                 (360, 860), (367, 790), (375, 720), (373, 660)],
                          fibres=("along", [(381, 636), (373, 780), (360, 906)], [-2, 2])),
        "anterior": dict(knots=[(212, 630), (225, 640), (228, 700), (233, 780), (240, 860), (244, 912), (238, 916),
                                (232, 860), (222, 780), (210, 700), (204, 660)],
                         fibres=("along", [(217, 640), (228, 780), (240, 906)], [-2, 2])),
    }),
    "tibialis_anterior": ("tibialis anterior", SUP, [], {
        "anterior": dict(knots=[(237, 636), (252, 644), (253, 700), (255, 760), (263, 830), (273, 890), (271, 911),
                                (262, 905), (248, 860), (234, 790), (225, 720), (226, 660)],
                         fibres=("along", [(240, 644), (244, 780), (268, 904)], [-6, 0, 6])),
        "lateral_right": dict(knots=[(312, 640), (327, 640), (325, 700), (321, 780), (319, 850), (325, 900),
                                     (334, 914), (322, 917), (310, 895), (306, 830), (306, 740), (308, 680)],
                              fibres=("along", [(318, 646), (313, 800), (322, 912)], [-3, 3])),
    }),
}


# ------------------------------------------------------------------------------------------------- geometry

def body_shapes() -> dict:
    """The right side's body outline of each drawn view, as the app reads it."""
    from hipmap import default_assets_dir, default_data_dir
    from hipmap.core.content.problems import Collector
    from hipmap.core.content.views import _load_views

    col = Collector()
    views = _load_views(col, default_data_dir(), default_assets_dir())
    if col.problems:
        raise SystemExit("\n".join(str(p) for p in col.problems))
    return {v: views[v].body["right"] for v in ("posterior", "anterior", "lateral_right")}


def points_d(points) -> str:
    return "M" + dv.fpt(points[0]) + " L" + " ".join(dv.fpt(p) for p in points[1:])


def outline_for(knots, body) -> tuple[str, Polygon]:
    """The smooth closed curve through the knots, cut along the body outline where it goes past it."""
    curve = dv.closed_curve(knots)
    polygon = Polygon(curve.points(0.75))
    if not polygon.is_valid:
        raise SystemExit(f"the curve through {knots[:2]}... crosses itself")
    inner = body.buffer(-0.6)
    if inner.covers(polygon):
        return curve.d(), polygon
    cut = polygon.intersection(inner)
    if cut.geom_type != "Polygon":
        cut = max(cut.geoms, key=lambda g: g.area)
    cut = shapely.set_precision(cut.simplify(0.25), 0.1)
    ring = list(shapely.geometry.polygon.orient(cut, 1.0).exterior.coords)[:-1]
    return points_d(ring) + " Z", Polygon(ring)


def _longest(g):
    if g.is_empty:
        return None
    if g.geom_type == "LineString":
        return g
    lines = [p for p in getattr(g, "geoms", []) if p.geom_type == "LineString"]
    return max(lines, key=lambda p: p.length) if lines else None


def fibres_for(spec, outline: Polygon, inset: float | None = None) -> list[str]:
    """Fibre lines inside the outline, kept INSET units from its edge (by default 12% of its smaller size)."""
    minx, miny, maxx, maxy = outline.bounds
    width = min(maxx - minx, maxy - miny)
    inner = outline.buffer(-(inset if inset is not None else max(1.5, 0.12 * width)))
    if inner.is_empty or inner.geom_type != "Polygon":
        inner = outline.buffer(-1.2)
    kind = spec[0]
    lines = []
    if kind == "fan":
        (fx, fy), n = spec[1], spec[2]
        c = outline.centroid
        mx, my = c.x - fx, c.y - fy
        # the spread of the outline as seen from the insertion, relative to the way to its centre (no wrap-around)
        far = max(math.dist(q, (fx, fy)) for q in outline.exterior.coords)
        rel = sorted(math.atan2(mx * (y - fy) - my * (x - fx), mx * (x - fx) + my * (y - fy))
                     for x, y in outline.exterior.coords if math.dist((x, y), (fx, fy)) > 0.5 * far)
        lo, hi = rel[int(0.1 * len(rel))], rel[int(0.9 * len(rel)) - 1]
        base = math.atan2(my, mx)
        for i in range(n):
            a = base + lo + (hi - lo) * (i + 0.5) / n
            ray = LineString([(fx, fy), (fx + 2000 * math.cos(a), fy + 2000 * math.sin(a))])
            lines.append(_longest(ray.intersection(inner)))
    elif kind == "along":
        centre = LineString(dv.curve(spec[1]).points(1.0))
        for off in spec[2]:
            line = centre if off == 0 else centre.offset_curve(off)
            lines.append(_longest(line.intersection(inner)))
    elif kind == "dir":
        a, n = math.radians(spec[1]), spec[2]
        c = outline.centroid
        ux, uy = math.cos(a), math.sin(a)
        px, py = -uy, ux
        spread = [(x - c.x) * px + (y - c.y) * py for x, y in inner.exterior.coords]
        lo, hi = min(spread), max(spread)
        for i in range(n):
            o = lo + (hi - lo) * (i + 0.5) / n
            ox, oy = c.x + o * px, c.y + o * py
            line = LineString([(ox - 2000 * ux, oy - 2000 * uy), (ox + 2000 * ux, oy + 2000 * uy)])
            lines.append(_longest(line.intersection(inner)))
    out = []
    for line in lines:
        if line is None or line.length < 6:
            continue
        line = shapely.set_precision(line.simplify(0.4), 0.1)
        if line.is_empty or line.length < 6:
            continue
        out.append(points_d(list(line.coords)))
    return out


def parts_for(muscle_id: str, view_id: str, spec: dict, body) -> list[dict]:
    """The parts of a muscle on a view: [{outline d, fibres, and for several parts label, depth, under}].

    spec "parts": each its own knots and fibres. spec "split_by": one outline cut along another muscle's outline,
    the part outside it lying on top and the part inside it deep under it (gluteus medius and maximus)."""
    if "parts" in spec:
        out = []
        for part in spec["parts"]:
            d, polygon = outline_for(part["knots"], body)
            if "cut_by" in part:  # drawn beside an earlier part: cut along its edge (a hair inside it, so they join)
                _d, before = outline_for(spec["parts"][part["cut_by"]]["knots"], body)
                g = polygon.difference(before.buffer(-0.3))
                g = g.buffer(-0.4, join_style="mitre").buffer(0.4, join_style="mitre")  # (no hair-thin rim round it)
                g = shapely.set_precision(g.simplify(0.25), 0.1)
                if g.geom_type != "Polygon":
                    g = max(g.geoms, key=lambda q: q.area)
                ring = list(shapely.geometry.polygon.orient(g, 1.0).exterior.coords)[:-1]
                d, polygon = points_d(ring) + " Z", Polygon(ring)
            out.append(dict(part, d=d, polygon=polygon, fibres=fibres_for(part["fibres"], polygon, part.get("inset")),
                            depth=part.get("depth", MUSCLES[muscle_id][1])))
        return out
    d, polygon = outline_for(spec["knots"], body)
    if "split_by" not in spec:
        return [dict(d=d, polygon=polygon, fibres=fibres_for(spec["fibres"], polygon))]
    over_id = spec["split_by"]
    _d, over = outline_for(MUSCLES[over_id][3][view_id]["knots"], body)

    def piece(g):
        g = shapely.set_precision(g, 0.1)
        if g.geom_type != "Polygon":
            g = max(g.geoms, key=lambda q: q.area)
        ring = list(shapely.geometry.polygon.orient(g.simplify(0.25), 1.0).exterior.coords)[:-1]
        return Polygon(ring)

    under = piece(polygon.intersection(over))
    top = piece(polygon.difference(under))
    out = []
    for label, g, fibres, depth, names in ((spec["labels"][0], top, spec["fibres"], SUP, []),
                                           (spec["labels"][1], under, spec["fibres_under"], DEEP, [over_id])):
        out.append(dict(label=label, d=points_d(list(g.exterior.coords)[:-1]) + " Z", polygon=g,
                        fibres=fibres_for(fibres, g, inset=3.0), depth=depth, under=names))
    return out


def _part_lines(muscle_id: str, view_id: str, part: dict, pad: str, first: str | None = None) -> list[str]:
    if len(part["fibres"]) < 2:
        raise SystemExit(f"{muscle_id} on {view_id}: only {len(part['fibres'])} fibre lines fit inside the outline")
    out = []
    if "label" in part:
        out.append(f"part: {part['label']}")
    out.append(f'outline: "{part["d"]}"')
    out.append("fibres:")
    out.extend(f'  - "{f}"' for f in part["fibres"])
    if "depth" in part:
        out.append(f"depth: {part['depth']}")
    if "under" in part:
        out.append(f"under: [{', '.join(part['under'])}]")
    return [((first if i == 0 and first else pad) + line) for i, line in enumerate(out)]


# ------------------------------------------------------------------------------------------------- output

SOURCES = {  # which anatomy the shapes follow
    "default": ["grays", "drillis", "hipmap"],
}


def render_yaml(muscle_id: str, bodies: dict) -> str:
    name, depth, under, views = MUSCLES[muscle_id]
    lines = [
        f"# Where {name} lies (origin to insertion), drawn on the right side; the left is its mirror image.",
        "# Generated by tools/draw_anatomy.py: edit the knots there and run it again.",
        f"muscle: {muscle_id}",
        f"depth: {depth}",
    ]
    if depth == DEEP:
        lines.append(f"under: [{', '.join(under)}]")
    lines.append(f"sources: [{', '.join(SOURCES['default'])}]")
    lines.append("views:")
    for view_id, spec in views.items():
        lines.append(f"  {view_id}:")
        parts = parts_for(muscle_id, view_id, spec, bodies[view_id])
        if len(parts) == 1:
            lines.extend(_part_lines(muscle_id, view_id, parts[0], "    "))
        else:
            lines.append("    parts:")
            for part in parts:
                lines.extend(_part_lines(muscle_id, view_id, part, "        ", first="      - "))
        if "depth" in spec:
            lines.append(f"    depth: {spec['depth']}")
        if "under" in spec:
            lines.append(f"    under: [{', '.join(spec['under'])}]")
    return "\n".join(lines) + "\n"


def write() -> int:
    bodies = body_shapes()
    OUT.mkdir(parents=True, exist_ok=True)
    for muscle_id in MUSCLES:
        (OUT / f"{muscle_id}.yaml").write_text(render_yaml(muscle_id, bodies), encoding="utf-8", newline="\n")
    print(f"wrote {len(MUSCLES)} files in {OUT.relative_to(ROOT)}")
    return 0


def check() -> int:
    bodies = body_shapes()
    stale = [m for m in MUSCLES if not (OUT / f"{m}.yaml").exists()
             or (OUT / f"{m}.yaml").read_text(encoding="utf-8") != render_yaml(m, bodies)]
    for m in stale:
        print(f"data/anatomy/{m}.yaml: not what tools/draw_anatomy.py writes (run it)")
    print("check: " + ("FAILED" if stale else "all shapes up to date"))
    return 1 if stale else 0


def preview(folder: Path, only=None) -> int:
    """Each view with every muscle's outline, fibres and trigger points, twice the size, for looking at."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
    from PySide6.QtSvg import QSvgRenderer

    from hipmap.core.content.atlas import load_atlas
    from hipmap.ui.kit.shapes import painter_path

    _app = QGuiApplication.instance() or QGuiApplication(["preview"])
    atlas = load_atlas()
    folder.mkdir(parents=True, exist_ok=True)
    palette = ["#c0392b", "#2471a3", "#1e8449", "#7d3c98", "#b9770e", "#117a65", "#a93226", "#5b2c6f"]
    for view_id in ("posterior", "anterior", "lateral_right"):
        scale = 2.0
        image = QImage(int(600 * scale), int(1000 * scale), QImage.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        p.scale(scale, scale)
        QSvgRenderer(str(atlas.views[view_id].svg_file)).render(p, QRectF(0, 0, 600, 1000))
        font = QFont()
        font.setPixelSize(5)
        p.setFont(font)
        for i, (muscle_id, anatomy) in enumerate(atlas.anatomy.items()):
            if only and muscle_id not in only:
                continue
            shape = anatomy.shape("right", view_id)
            if shape is None:
                continue
            colour = QColor(palette[i % len(palette)])
            pen = QPen(colour, 0.8, Qt.DashLine if anatomy.depth_on(view_id) == DEEP else Qt.SolidLine)
            p.setPen(pen)
            fill = QColor(colour)
            fill.setAlpha(30)
            p.setBrush(fill)
            p.drawPath(painter_path(shape))
            p.setPen(QPen(colour, 0.4))
            for fibre in anatomy.fibres[("right", view_id)]:
                pts = list(fibre.coords)
                for a, b in zip(pts, pts[1:]):
                    p.drawLine(QPointF(*a), QPointF(*b))
            c = shape.representative_point()
            p.setPen(colour.darker(150))
            p.drawText(QPointF(c.x - 10, c.y), muscle_id[:14])
            for tp in atlas.muscles[muscle_id].points_on(view_id, "right"):
                p.setPen(QPen(colour.darker(130), 1.0))
                p.drawLine(QPointF(tp.x - 3, tp.y - 3), QPointF(tp.x + 3, tp.y + 3))
                p.drawLine(QPointF(tp.x - 3, tp.y + 3), QPointF(tp.x + 3, tp.y - 3))
        p.end()
        out = folder / f"{view_id}.png"
        image.save(str(out))
        print(f"wrote {out}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="check that the files on disk are up to date")
    ap.add_argument("--preview", metavar="DIR", help="write PNGs of every view with the shapes drawn")
    ap.add_argument("--only", nargs="*", help="with --preview: only these muscles")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if args.preview:
        return preview(Path(args.preview), args.only)
    return write()


if __name__ == "__main__":
    sys.exit(main())
