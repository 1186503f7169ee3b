"""Zones smoothed into flowing shapes when the atlas is built (issue 13, item 5): the regions' stair steps and square
jogs rounded off, inside the body, on the outline where the zone meets it, thin parts kept, no bridges thrown."""

from __future__ import annotations

import math

import pytest
import shapely
from shapely.geometry import Point, box
from shapely.geometry.polygon import orient

from hipmap.core.geometry.shapes import EMPTY as EMPTY_SHAPE, SMOOTH_RADIUS, smooth, smooth_pair, union

BODY = box(0, 0, 100, 200)


def _steps():
    """A zone of two blocks meeting in a square jog, its left edge on the body's outline (x = 0)."""
    return union([box(0, 0, 60, 100), box(0, 100, 30, 200)])


def test_a_square_jog_inside_the_body_is_rounded_off_both_corners():
    zone = smooth(_steps(), BODY)
    r = SMOOTH_RADIUS
    assert not zone.contains(Point(59.5, 99.5))  # the convex corner of the jog is cut round
    # the concave corner is filled (a closing with round joins), into the region beside it, but only near the corner
    assert zone.contains(Point(30.5, 100.5))
    assert zone.contains(Point(30.5, 100 + r / 2)) and not zone.contains(Point(30.5, 100 + r + 1))  # an arc of radius r
    assert not zone.contains(Point(30 + r, 100 + r)) and not zone.contains(Point(31, 150))
    assert abs(zone.area - _steps().area) < 0.02 * _steps().area


def test_the_rounding_grows_a_zone_by_at_most_the_radius_and_only_in_its_concave_corners():
    r = SMOOTH_RADIUS
    stairs = union([box(0, 0, 20 + 10 * i, 200 - 30 * i) for i in range(5)])  # a run of stair steps
    for zone in (_steps(), stairs):
        smoothed = smooth(zone, BODY)
        assert smoothed.difference(zone.buffer(r)).area < 1e-6  # bounded growth: never further than r from the zone
        grown = smoothed.difference(zone)
        corners = [Point(x, y) for x, y in shapely.get_coordinates(zone.exterior)]
        for part in getattr(grown, "geoms", [grown]):  # every piece it grew lies at one of its corners
            if part.area > 1e-3:
                assert min(part.distance(c) for c in corners) < 1e-6, part.bounds
    # a region holding the muscle's trigger point that its zones leave out is kept out: the corner stays
    beside = box(0, 100, 60, 200).difference(box(0, 100, 30, 200))
    kept = smooth(_steps(), BODY, keep_out=[beside])
    assert not kept.contains(Point(30.5, 100.5)) and kept.intersection(beside).area < 1e-3


def test_edges_and_corners_on_the_body_outline_stay_on_it():
    zone = smooth(_steps(), BODY)
    for y in (0.5, 50, 100, 150, 199.5):  # the left edge lies on the outline
        assert zone.contains(Point(0.3, y)), y
    assert zone.contains(Point(0.3, 0.3)) and zone.contains(Point(59.7, 0.3))  # corners on the outline stay corners
    assert zone.contains(Point(0.3, 199.7)) and zone.contains(Point(29.7, 199.7))
    assert zone.difference(BODY).area < 1e-6


def test_a_part_thinner_than_the_radius_is_kept_and_a_gap_is_not_bridged():
    strip = box(40, 20, 40 + SMOOTH_RADIUS / 2, 180)  # a strip down the middle, thinner than the smoothing
    assert smooth(strip, BODY).area > 0.95 * strip.area
    apart = union([box(10, 10, 40, 90), box(40 + SMOOTH_RADIUS, 10, 90, 90)])  # two parts, a narrow gap between
    zone = smooth(apart, BODY)
    assert not zone.intersects(box(41, 20, 39 + SMOOTH_RADIUS, 80))


def test_essential_and_spillover_smoothed_together_neither_overlap_nor_part():
    essential = _steps()
    spillover = box(60, 0, 100, 100)
    ess, spill = smooth_pair(essential, spillover, BODY)
    assert ess.intersection(spill).area < 1e-3
    whole = union([ess, spill])
    assert whole.contains(Point(60, 50)) and whole.contains(Point(59.5, 99.5))  # no gap where they meet
    assert whole.difference(BODY).area < 1e-6


def _Unsmoothed():
    """A smoothing that leaves the zones the plain unions of their regions and drawn parts."""
    from hipmap.core.content.smoothzones import ZoneSmoothing

    class Unsmoothed(ZoneSmoothing):
        def zones(self, muscle_file, drawn, named, authored, point_regions=()):
            essential, spillover = drawn.get("essential", {}), drawn.get("spillover", {})
            return {"essential": dict(essential), "spillover": {v: g.difference(essential[v]) if v in essential else g for v, g in spillover.items()}}

    return Unsmoothed()


@pytest.fixture(scope="module")
def unsmoothed():
    """The atlas as it was before the smoothing: zones the plain unions of their regions."""
    from hipmap.core.content.atlas import load_atlas

    return load_atlas(smoothing=_Unsmoothed())


def test_every_zone_is_inside_the_body_and_keeps_the_regions_it_covered_whole(atlas, unsmoothed):
    checked = 0
    for muscle in atlas.muscles.values():
        before = unsmoothed.muscles[muscle.id]
        assert set(muscle.zones) <= set(before.zones) | {k for k in muscle.zones if k[0] == "spillover"}
        for (kind, side, view_id), zone in muscle.zones.items():
            view = atlas.views[view_id]
            body = union([view.body[s] for s in view.sides]) if side == "both" else view.body[side]
            assert zone.difference(body).area < 0.01, (muscle.id, kind, side, view_id)
            old = before.zone(kind, side, view_id)
            # bounded growth: the rounding fills concave corners only, never further than its radius from the zone
            if kind == "essential":
                assert zone.difference(old.buffer(SMOOTH_RADIUS)).area < 0.01, (muscle.id, kind, side, view_id)
            else:
                whole = union([old, before.zone("essential", side, view_id)])
                assert zone.difference(whole.buffer(SMOOTH_RADIUS)).area < 0.01, (muscle.id, kind, side, view_id)
            # rounded, not redrawn (a small spillover also takes the corners the essential zone gives up beside it)
            assert abs(zone.area - old.area) < 0.1 * old.area + (SMOOTH_RADIUS**2 if kind == "spillover" else 0), (muscle.id, kind, side, view_id)
            if side == "both":
                continue
            # never split into more pieces than the regions made (a neck thinner than the rounding stays)
            assert len(getattr(zone, "geoms", [zone])) <= len(getattr(old, "geoms", [old])), (muscle.id, kind, view_id)
            assert zone.intersection(muscle.zone("spillover" if kind == "essential" else "essential", side, view_id)).area < 0.01
            for region_id in muscle.zone_regions[kind]:
                region = view.regions.get((region_id, side))
                if region is None or region.difference(old).area > 0.01 * region.area:
                    continue
                assert zone.intersection(region).area >= 0.95 * region.area - 0.01, (muscle.id, view_id, region_id)
                checked += 1
    assert checked > 100


def _sharp_corners(zone, outline, turn) -> int:
    """Corners of 60 degrees or more where the zone's edge runs inside the body: outer (convex) ones for turn=1,
    inner (concave) ones and spikes for turn=-1."""
    count = 0
    for poly in getattr(zone, "geoms", [zone]):
        ring = list(orient(poly, 1.0).exterior.coords)[:-1]  # anticlockwise: a convex corner turns left
        for i, b in enumerate(ring):
            a, c = ring[i - 1], ring[(i + 1) % len(ring)]
            if outline.distance(Point(b)) < 1.0:
                continue
            u, v = (b[0] - a[0], b[1] - a[1]), (c[0] - b[0], c[1] - b[1])
            if math.hypot(*u) < 0.2 or math.hypot(*v) < 0.2:
                continue
            count += turn * math.degrees(math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1])) >= 60
    return count


@pytest.mark.parametrize(
    "muscle_id, view_id",
    [("gluteus_minimus_posterior", "posterior"), ("gluteus_minimus_anterior", "posterior"), ("gluteus_minimus_anterior", "lateral_right"), ("gluteus_medius", "lateral_right")],
)
def test_the_references_drawings_lose_their_square_corners_outer_and_inner(atlas, unsmoothed, muscle_id, view_id):
    """The jogs of issue 13 (the back of the knee in gluteus minimus's back-fibres pattern, the lower buttock of its
    front-fibres pattern): every square corner inside the body, outer and inner, of each zone and of the whole
    pattern, is rounded."""
    outline = atlas.views[view_id].body["right"].boundary
    old, new = unsmoothed.muscles[muscle_id], atlas.muscles[muscle_id]
    assert _sharp_corners(old.zone("essential", "right", view_id), outline, 1) >= 1
    assert _sharp_corners(old.zone("essential", "right", view_id), outline, -1) >= 1
    for zone in (new.zone("essential", "right", view_id), new.zone("spillover", "right", view_id)):
        assert _sharp_corners(zone, outline, 1) == 0 and _sharp_corners(zone, outline, -1) == 0


def test_behind_the_knee_gluteus_minimus_back_fibres_widen_into_the_calf_without_a_jog(atlas, unsmoothed):
    """The regions leave a square jog where the narrow hollow of the knee meets the wider calf (issue 13): the
    pattern's medial edge now runs in one taper from the knee into the calf, as the references draw the band."""
    old = unsmoothed.muscles["gluteus_minimus_posterior"].zone("essential", "right", "posterior")
    new = atlas.muscles["gluteus_minimus_posterior"].zone("essential", "right", "posterior")
    notch = Point(318, 634)  # in the medial knee, just above the calf's top inner corner
    assert not unsmoothed.views["posterior"].regions[("posterior_knee", "right")].contains(notch)
    assert new.contains(notch)
    # the inner edge moves steadily inward down the knee: no step of more than a few units between rows
    edges = []
    for y in range(580, 660, 4):
        row = new.intersection(shapely.box(300, y - 0.01, 345, y + 0.01))
        edges.append(row.bounds[0])
    assert all(a - b < 4.0 for a, b in zip(edges, edges[1:])), edges
    assert edges[0] - edges[-1] > 15  # and it does widen into the calf
    assert old.contains(Point(340, 620))


def test_no_zone_keeps_a_square_corner_inside_the_body(atlas):
    """Outer and inner corners of 60 degrees or more, with spikes, over every muscle and view: none left."""
    sharp = []
    for muscle in atlas.muscles.values():
        for (kind, side, view_id), zone in muscle.zones.items():
            if side == "right":
                outline = atlas.views[view_id].body["right"].boundary
                if _sharp_corners(zone, outline, 1) or _sharp_corners(zone, outline, -1):
                    sharp.append((muscle.id, kind, view_id))
    assert sharp == []


def test_the_smoothed_zones_keep_only_the_points_they_need_and_their_corners():
    """The buffers leave runs of points in a line or on a gentle arc: smooth_pair keeps about one in ten, moves no
    edge further than SIMPLIFY, keeps every corner where it was, and the two kinds still neither overlap nor part."""
    from hipmap.core.geometry.shapes import SIMPLIFY, smooth

    body = box(0, 0, 400, 400)
    blob = union([Point(150, 150).buffer(80, quad_segs=64), box(150, 150, 300, 320), box(60, 200, 150, 260)])
    full = smooth(blob, body)
    ess, spill = smooth_pair(blob, box(250, 100, 380, 380), body)
    assert shapely.get_num_coordinates(ess) < 0.25 * shapely.get_num_coordinates(full)
    assert ess.hausdorff_distance(full) <= SIMPLIFY + 1e-9 and ess.symmetric_difference(full).area < SIMPLIFY * full.length
    assert ess.intersection(spill).area < 1e-3
    # the corners where the zone meets the body's outline stay exactly
    square = box(0, 0, 120, 90)
    kept, _ = smooth_pair(square, EMPTY_SHAPE, box(0, 0, 120, 400))
    assert {(0.0, 0.0), (120.0, 0.0)} <= {tuple(p) for p in shapely.get_coordinates(kept)}


def test_loaded_unsmoothed_the_spillover_zone_lies_outside_the_essential_one():
    """Unsmoothed (a stale zone file), the spillover zone is what lies outside the essential one, as the smoothed
    zones are made: drawn and matched as such, with no cutting on the way to the screen."""
    from hipmap.core.content import muscles as loader
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.content.smoothzones import ZoneSmoothing

    class Stale(ZoneSmoothing):  # every file stale: the zones as the regions draw them
        def zones(self, muscle_file, drawn, named, authored, point_regions=()):
            return drawn

    stale = load_atlas(smoothing=Stale())
    assert any(m.zone("spillover", "right", "posterior").intersects(m.zone("essential", "right", "posterior")) for m in stale.muscles.values())
    checked = 0
    for muscle in stale.muscles.values():
        for (kind, side, view_id), spill in muscle.zones.items():
            essential = muscle.zone("essential", side, view_id)
            if kind == "spillover" and not essential.is_empty:
                assert spill.intersection(essential).area < 1e-6, (muscle.id, side, view_id)
                checked += 1
    assert checked > 20
    overlapping = {"v": box(0, 0, 10, 10)}
    assert loader._outside(overlapping, {"v": box(5, 0, 10, 10)})["v"].equals(box(0, 0, 5, 10))


# The square jogs and notches a viewer sees in a drawn zone: its outline, away from the body's outline (and, for the
# essential zone, from the spillover's edge), turning through JOG_TURN degrees or more within JOG_WINDOW units, then
# the opposite way within JOG_RISER units along it, one of the two turns JOG_SHARP degrees or more (near a right
# angle) and neither more than JOG_POINT (a point, as where the zone wraps round the tip of the pelvic rim, is no
# step), the edges either side of the pair JOG_OFFSET units or more apart. The rounding's arcs (radius 9.8 units
# and more: 47 degrees within the window at most) are no such turn; a square step, or a notch the rounding leaves
# where a zone is thinner than it (gastrocnemius above the ankle, before its drawn taper), is.
JOG_STEP, JOG_CHORD, JOG_WINDOW, JOG_TURN, JOG_SHARP, JOG_POINT, JOG_RISER, JOG_OFFSET, JOG_NEAR = 0.5, 1.0, 8.0, 45.0, 60.0, 135.0, 40.0, 3.0, 1.0


def _resampled(ring, at):
    """The points of RING at the distances AT along it (shapely's line_interpolate_point, in numpy: ten times faster)."""
    import numpy as np

    xy = shapely.get_coordinates(ring)
    along = np.concatenate(([0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))))
    return np.column_stack([np.interp(at, along, xy[:, 0]), np.interp(at, along, xy[:, 1])])


def _ring_turns(zone, window: float):
    """For each ring of ZONE's outline (anticlockwise, hairline cracks between parts closed): points every ~JOG_STEP,
    the turn in degrees over WINDOW at each (left is positive), the step, and the chord and window in points."""
    import numpy as np

    zone = zone.buffer(0.25, quad_segs=2).buffer(-0.25, quad_segs=2)
    for poly in getattr(zone, "geoms", [zone]):
        poly = orient(poly, 1.0)
        for ring in (poly.exterior, *poly.interiors):
            n = max(int(ring.length / JOG_STEP), 16)
            ds = ring.length / n
            pts = _resampled(ring, np.arange(n) * ds)
            h, w = max(1, round(JOG_CHORD / ds)), max(1, round(window / 2 / ds))
            d = np.roll(pts, -h, axis=0) - np.roll(pts, h, axis=0)
            heading = np.arctan2(d[:, 1], d[:, 0])
            turn = np.degrees((np.roll(heading, -w) - np.roll(heading, w) + np.pi) % (2 * np.pi) - np.pi)
            yield pts, turn, ds, h, w


def _square_jogs(zone, edges) -> list[tuple]:
    """(where, turn, turn, offset) of each square jog in ZONE's outline, judged only where it lies JOG_NEAR or more
    from EDGES (where a zone's edge may meet another at a corner)."""
    import numpy as np

    found = []
    for pts, turn, ds, h, w in _ring_turns(zone, JOG_WINDOW):
        n = len(pts)
        free = shapely.distance(shapely.points(pts), edges) >= JOG_NEAR
        judged = np.ones(n, bool)
        for k in range(-w - h, w + h + 1):  # the whole window away from the edges
            judged &= np.roll(free, -k)
        sharp = np.flatnonzero((np.abs(turn) >= JOG_TURN) & judged)
        if len(sharp) == 0:
            continue
        runs, run = [], [sharp[0]]
        for a, b in zip(sharp, sharp[1:]):
            if b == a + 1 and np.sign(turn[b]) == np.sign(turn[a]):
                run.append(b)
            else:
                runs.append(run)
                run = [b]
        runs.append(run)
        if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == n - 1 and np.sign(turn[0]) == np.sign(turn[-1]):
            runs[0] = runs.pop() + runs[0]
        turns = sorted(run[int(np.argmax(np.abs(turn[run])))] for run in runs)
        for i, j in zip(turns, turns[1:] + turns[:1]):
            if np.sign(turn[i]) == np.sign(turn[j]) or not 0 < ((j - i) % n) * ds <= JOG_RISER:
                continue
            if not JOG_SHARP <= max(abs(turn[i]), abs(turn[j])) <= JOG_POINT:
                continue
            before = pts[i] - pts[(i - w) % n]
            after = pts[(j + w) % n] - pts[i]
            offset = abs(before[0] * after[1] - before[1] * after[0]) / (math.hypot(*before) or 1.0)
            if offset >= JOG_OFFSET:
                found.append((tuple(np.round(pts[i], 1)), round(float(turn[i])), round(float(turn[j])), round(float(offset), 1)))
    return found


def _jogs_in(essential, spillover, outline) -> list[tuple]:
    """The square jogs of the essential zone (away from the spillover's edge) and of the whole pattern."""
    edges = shapely.union(outline, spillover.boundary) if not spillover.is_empty else outline
    whole = union([essential, spillover])
    return [("essential", *j) for j in (_square_jogs(essential, edges) if not essential.is_empty else [])] + [("pattern", *j) for j in (_square_jogs(whole, outline) if not whole.is_empty else [])]


def test_the_jog_finder_sees_a_square_step_and_a_notch_and_not_a_rounded_one():
    body = box(0, 0, 200, 300)
    step = union([box(40, 40, 120, 150), box(40, 150, 90, 260)])  # a square step 30 units wide
    assert len(_square_jogs(step, body.boundary)) >= 1
    notch = box(40, 40, 120, 260).difference(box(112, 140, 121, 154))  # a square notch 8 units deep, 14 wide
    assert len(_square_jogs(notch, body.boundary)) >= 1
    assert _square_jogs(smooth(step, body), body.boundary) == []  # rounded by the smoothing: no jog
    assert _square_jogs(box(40, 40, 120, 260), body.boundary) == []  # a rectangle's four corners are no jog
    assert _square_jogs(step, box(40, 150, 200, 300).boundary.union(box(0, 0, 200, 300).boundary)) == []  # on an edge


def test_gastrocnemius_smoothed_without_its_drawn_tapers_keeps_the_notch_above_the_ankle(tmp_path):
    """The zone as it was: the band down the inner calf, thinner than the rounding above the ankle, smoothed into a
    square notch there, which the jog finder sees; with the taper the references draw, none."""
    import shutil

    from hipmap import default_assets_dir, default_data_dir
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.content.smoothzones import ZoneSmoothing
    from hipmap.core.content.yamlfile import load_yaml_file

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    muscle = data / "muscles" / "gastrocnemius.yaml"
    text = muscle.read_text(encoding="utf-8")
    parts = load_yaml_file(muscle)["zones"]["essential"]
    drawn = [p["path"] for p in parts if "path" in p]
    assert len(drawn) == 2
    for d in drawn:  # (the parts drawn as a speck inside the band: the regions alone, as before)
        text = text.replace(f'path: "{d}"', 'path: "M 320,700 L 330,700 L 320,710 Z"')  # (inside the band of regions)
    muscle.write_text(text, encoding="utf-8")
    old = load_atlas(data, default_assets_dir(), smoothing=ZoneSmoothing(live=True, only={"gastrocnemius"})).muscles["gastrocnemius"]
    outline = load_atlas().views["posterior"].body["right"].boundary
    jogs = _jogs_in(old.zone("essential", "right", "posterior"), old.zone("spillover", "right", "posterior"), outline)
    assert any(kind == "essential" and 850 < where[1] < 875 for kind, where, *_ in jogs), jogs  # the notch above the ankle


def test_no_drawn_zone_has_a_square_jog(atlas):
    """Every muscle, every view: no square step or notch left in a zone's outline or its whole pattern's."""
    found = []
    for muscle in atlas.muscles.values():
        for view_id in sorted({v for (_, side, v) in muscle.zones if side == "right"}):
            outline = atlas.views[view_id].body["right"].boundary
            jogs = _jogs_in(muscle.zone("essential", "right", view_id), muscle.zone("spillover", "right", view_id), outline)
            found.extend((muscle.id, view_id, *j) for j in jogs)
    assert found == []


# The horns and spikes a viewer sees in a drawn zone: a convex tip whose outline turns through SPIKE_TURN degrees or
# more within SPIKE_WINDOW units (a tip of SPIKE_TURN's supplement or sharper), away from the body's outline (and, for
# the essential zone, from the spillover's edge). The rounding's arcs (radius 9.8 units and more: 35 degrees within
# the window at most) and a square corner (90) are no such tip; the old horns of rectus abdominis's band (the
# sacroiliac areas hanging below it, pointed at the top where the rim of the pelvis cut them off) are.
SPIKE_WINDOW, SPIKE_TURN, SPIKE_NEAR = 6.0, 110.0, 1.0


def _spikes(zone, edges) -> list[tuple]:
    """(where, turn) of each very acute convex tip of ZONE's outline lying SPIKE_NEAR or more from EDGES."""
    import numpy as np

    found = []
    for pts, turn, _ds, h, w in _ring_turns(zone, SPIKE_WINDOW):  # (anticlockwise: a convex tip turns left)
        n = len(pts)
        if not (turn >= SPIKE_TURN).any():  # (most rings: no need to measure how far they lie from the edges)
            continue
        free = shapely.distance(shapely.points(pts), edges) >= SPIKE_NEAR
        judged = np.ones(n, bool)
        for k in range(-w - h, w + h + 1):
            judged &= np.roll(free, -k)
        last = None
        for i in np.flatnonzero((turn >= SPIKE_TURN) & judged):
            if last is None or i - last > 2 * w:  # one tip per run
                found.append((tuple(np.round(pts[i], 1)), round(float(turn[i]))))
            last = i
    return found


def _spikes_in(essential, spillover, outline) -> list[tuple]:
    """The tips of the essential zone (away from the spillover's edge), of the spillover (away from the essential
    zone's edge) and of the whole pattern."""
    edges = shapely.union(outline, spillover.boundary) if not spillover.is_empty else outline
    whole = union([essential, spillover])
    found = [("essential", *s) for s in (_spikes(essential, edges) if not essential.is_empty else [])]
    if not spillover.is_empty:
        found += [("spillover", *s) for s in _spikes(spillover, shapely.union(outline, essential.boundary) if not essential.is_empty else outline)]
    return found + [("pattern", *s) for s in (_spikes(whole, outline) if not whole.is_empty else [])]


def test_the_spike_finder_sees_a_horn_and_not_a_rounded_or_square_end():
    from shapely.geometry import Polygon

    body = box(0, 0, 200, 300)
    horn = union([box(40, 40, 120, 100), Polygon([(60, 100), (80, 100), (66, 150)])])  # a tip of about 22 degrees
    tips = _spikes(horn, body.boundary)
    assert tips and all(math.dist(where, (66, 150)) < 4 for where, _turn in tips), tips  # at the tip, nowhere else
    assert _spikes(box(40, 40, 120, 260), body.boundary) == []  # square corners are no tip
    lobe = union([box(40, 40, 120, 100), Point(70, 110).buffer(12, quad_segs=16)])  # a rounded end hanging below
    assert _spikes(lobe, body.boundary) == []
    on_edge = union([box(40, 40, 120, 100), Polygon([(40, 100), (60, 100), (40, 150)])])  # its tip on the outline
    assert _spikes(on_edge, union([body, box(0, 0, 40, 300)]).boundary.union(box(0, 0, 40, 300).boundary)) == []


def test_rectus_abdominis_as_it_was_has_horns_which_the_smoothing_now_rounds(tmp_path):
    """The band across the lower back as it was (without the rim of the pelvis behind, the sacrum's part ending
    above the joints' areas): its sacroiliac parts hang below it as pointed horns, which the spike finder sees in the
    regions' union; smoothed, the horns' tips (the sacroiliac area's wedge, thinner than the rounding) are rounded
    with a smaller radius, and the parts still hang there."""
    import shutil

    from hipmap import default_assets_dir, default_data_dir
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.content.smoothzones import ZoneSmoothing

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    muscle = data / "muscles" / "rectus_abdominis.yaml"
    text = muscle.read_text(encoding="utf-8")
    rim = "    - regions: [iliac_crest]\n      views: [posterior]\n      source: ts1\n"
    assert rim in text and "from_top: [0, 0.365]" in text
    muscle.write_text(text.replace(rim, "").replace("from_top: [0, 0.365]", "from_top: [0, 0.3]"), encoding="utf-8")
    outline = load_atlas().views["posterior"].body["right"].boundary
    plain = load_atlas(data, default_assets_dir(), smoothing=_Unsmoothed()).muscles["rectus_abdominis"].zone("essential", "right", "posterior")
    spikes = _spikes_in(plain, EMPTY_SHAPE, outline)
    assert any(350 < where[0] < 365 and 205 < where[1] < 220 for _kind, where, _turn in spikes), spikes  # a horn's tip
    old = load_atlas(data, default_assets_dir(), smoothing=ZoneSmoothing(live=True, only={"rectus_abdominis"})).muscles["rectus_abdominis"]
    smoothed = old.zone("essential", "right", "posterior")
    assert _spikes_in(smoothed, EMPTY_SHAPE, outline) == []
    assert smoothed.contains(Point(345, 240)) and not smoothed.contains(Point(380, 240))  # the part still hangs there


def test_an_acute_wedge_thinner_than_the_rounding_is_rounded_with_a_smaller_radius_not_kept_as_a_spike():
    """A wedge hanging from a zone (a region's acute end, as the sacroiliac area's between the rim of the pelvis and
    the sacrum) is thinner than the rounding, so the opening drops it whole and it comes back: rounded with
    TIP_RADIUS, it keeps most of its length and area and loses its spike; so does one on its own. A strip
    thinner than 2 * TIP_RADIUS stays as it was, and a corner on the body's outline stays a corner."""
    from shapely.geometry import Polygon

    from hipmap.core.geometry.shapes import TIP_RADIUS

    body = box(0, 0, 200, 300)
    wedge = Polygon([(60, 100), (84, 100), (66, 170)])  # a tip of about 19 degrees
    zone = union([box(40, 40, 120, 100), wedge])
    assert _spikes(zone, body.boundary)
    smoothed = smooth(zone, body)
    assert _spikes(smoothed, body.boundary) == []
    assert smoothed.intersection(wedge).area > 0.8 * wedge.area and smoothed.bounds[3] > 140  # (70 units long: still 40 and more)
    alone = smooth(Polygon([(60, 100), (84, 100), (66, 170)]), body)
    assert _spikes(alone, body.boundary) == [] and alone.area > 0.75 * wedge.area
    strip = box(40, 20, 40 + 1.5 * TIP_RADIUS, 180)
    assert smooth(strip, body).symmetric_difference(strip).area < 0.5  # (its corners rounded by a hair only)
    on_edge = Polygon([(0, 100), (30, 100), (0, 160)])  # its acute corner on the outline
    kept = smooth(on_edge, body)
    assert kept.contains(Point(0.2, 158)) and _spikes(kept, body.boundary) == []


FIXED_BY_DRAWN_PARTS = [("rectus_abdominis", "posterior"), ("lumbar_paraspinals", "posterior"), ("gluteus_medius", "anterior")]


@pytest.mark.parametrize("muscle_id, view_id", FIXED_BY_DRAWN_PARTS)
def test_the_zones_redrawn_as_the_references_draw_them_have_no_spike_jog_or_square_corner(atlas, muscle_id, view_id):
    """Rectus abdominis's band across the lower back (no horns, no notch over the sacrum), the lumbar paraspinals'
    zone from the lower back over the sacroiliac area into the buttock (no hook, no gap over the rim of the pelvis,
    no spike at the tailbone), gluteus medius's band down the side of the hip on the front view (rounded ends)."""
    outline = atlas.views[view_id].body["right"].boundary
    muscle = atlas.muscles[muscle_id]
    essential, spillover = muscle.zone("essential", "right", view_id), muscle.zone("spillover", "right", view_id)
    assert _spikes_in(essential, spillover, outline) == []
    assert _jogs_in(essential, spillover, outline) == []
    for zone in (essential, spillover):
        assert _sharp_corners(zone, outline, 1) == 0 and _sharp_corners(zone, outline, -1) == 0


def test_rectus_abdominis_band_runs_level_across_the_sacrum_and_the_joints(atlas):
    """No notch over the sacrum: the band's lower edge lies at one level from the middle line across the sacroiliac
    area; and it is one piece on each side, reaching the body's outline."""
    band = atlas.muscles["rectus_abdominis"].zone("essential", "right", "posterior")
    assert band.geom_type == "Polygon"
    bottoms = [band.intersection(shapely.box(x - 0.01, 150, x + 0.01, 300)).bounds[3] for x in range(302, 340, 4)]
    assert max(bottoms) - min(bottoms) < 1.5, bottoms
    assert band.contains(Point(355, 200))  # over the rim of the pelvis, between the band and the joint's area
    assert band.distance(atlas.views["posterior"].body["right"].exterior) < 0.01


def test_lumbar_paraspinals_run_from_the_lower_back_into_the_buttock_without_a_gap(atlas):
    muscle = atlas.muscles["lumbar_paraspinals"]
    essential = muscle.zone("essential", "right", "posterior")
    assert essential.contains(Point(340, 205)) and essential.contains(Point(350, 215))  # over the rim beside the spine
    # the outer edge sweeps from the sacroiliac area out along the top of the buttock's part in one curve (no hook),
    # over no more of the upper buttock than a rounded corner
    assert essential.contains(Point(360, 256)) and essential.contains(Point(366, 258.5))
    assert not essential.contains(Point(368, 245)) and not essential.contains(Point(362, 240))
    # the tailbone (low multifidus) is spillover, a rounded lobe below the sacrum: it reaches the bottom of the
    # tailbone, and its lower edge meets the middle line level (round when drawn on both sides), not in a point
    spillover = muscle.zone("spillover", "right", "posterior")
    assert spillover.contains(Point(301, 325)) and 328 < spillover.bounds[3] < 332
    low = [spillover.intersection(shapely.box(300, 300, x + 0.01, 340)).bounds[3] for x in (300.5, 302.5)]
    assert low[0] - low[1] < 0.5, low


# Tips the spike finder may see and a viewer should: only on the body's outline (which the finder skips already) or
# drawn so in the references, each with its reason, as (muscle, view, kind, (x, y) within 2 units). None today:
# every tip the regions made (the sacroiliac area's wedge, the groin's end, the rim's ends) is rounded by the
# smoothing (TIP_RADIUS) or by a drawn part.
SPIKES_ALLOWED: list[tuple[str, str, str, tuple[float, float]]] = []


def test_no_zone_on_any_view_has_a_spike_or_horn(atlas):
    """Every muscle, every view: no very acute tip inside the body in the essential zone, the spillover or the
    whole pattern, but those SPIKES_ALLOWED lists."""
    found = []
    for muscle in atlas.muscles.values():
        for view_id in sorted({v for (_, side, v) in muscle.zones if side == "right"}):
            outline = atlas.views[view_id].body["right"].boundary
            for kind, where, turn in _spikes_in(muscle.zone("essential", "right", view_id), muscle.zone("spillover", "right", view_id), outline):
                allowed = any(m == muscle.id and v == view_id and k == kind and math.dist(at, where) < 2 for m, v, k, at in SPIKES_ALLOWED)
                if not allowed:
                    found.append((muscle.id, view_id, kind, where, turn))
    assert found == []
