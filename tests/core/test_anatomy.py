"""The muscle shapes (data/anatomy): loading, mirroring, muscles_at, and check-data's FILE:LINE on broken copies."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from hipmap.core.content.anatomy import BODY_TOLERANCE, layer_of, muscles_at, part_layer
from hipmap.core.content.check import check_data
from hipmap.core.content.vocabulary import MUSCLE_IDS

from tests.conftest import load_tool

DRAWN = ("posterior", "anterior", "lateral_right")


def test_every_muscle_has_a_shape_on_at_least_one_view(atlas):
    assert set(atlas.anatomy) == set(MUSCLE_IDS)
    for muscle_id, anatomy in atlas.anatomy.items():
        assert anatomy.views(), muscle_id
        for view in anatomy.views():
            assert 2 <= len(anatomy.fibres[("right" if ("right", view) in anatomy.shapes else "left", view)]) <= 5


def test_trigger_points_lie_inside_their_muscle_on_their_view(atlas):
    """The check that each shape was put where the anatomy is: every trigger point of a muscle lies inside (or on the
    edge of) its outline, on every view and side it is drawn on."""
    missing = []
    for muscle_id, muscle in atlas.muscles.items():
        anatomy = atlas.anatomy[muscle_id]
        for point in muscle.trigger_points:
            shape = anatomy.shape(point.side, point.view)
            if shape is None or shape.distance(Point(point.x, point.y)) > 1.0:
                missing.append((muscle_id, point.view, point.side, point.x, point.y))
    assert not missing


def test_left_side_and_lateral_left_are_mirror_images(atlas):
    for anatomy in atlas.anatomy.values():
        for (side, view), shape in anatomy.shapes.items():
            if side != "left":
                continue
            source_view = "lateral_right" if view == "lateral_left" else view
            axis = atlas.views[view].midline if view != "lateral_left" else atlas.views["lateral_right"].center_x
            right = anatomy.shapes[("right", source_view)]
            assert shape.area == pytest.approx(right.area)
            assert shape.centroid.x == pytest.approx(2 * axis - right.centroid.x)
            assert anatomy.depth_on(view) == anatomy.depth_on(source_view)


def test_shapes_lie_inside_the_body_on_their_side(atlas):
    for anatomy in atlas.anatomy.values():
        for (side, view), shape in anatomy.shapes.items():
            body = atlas.views[view].body[side]
            assert shape.difference(body.buffer(BODY_TOLERANCE)).area < 0.01, (anatomy.muscle_id, view, side)


def test_deep_muscles_name_the_muscles_over_them_and_those_are_drawn_there(atlas):
    """Per part: a deep part names the muscles over it, drawn on that view and stacked above it; a part on top
    names none. The muscle's depth on a view is superficial where any part of it lies on top."""
    for anatomy in atlas.anatomy.values():
        for side, view in anatomy.shapes:
            parts = anatomy.parts_on(side, view)
            assert parts
            for part in parts:
                if part.depth == "deep":
                    assert part.under and anatomy.muscle_id not in part.under
                    for other in part.under:
                        assert view in atlas.anatomy[other].views(), (anatomy.muscle_id, view, other)
                        assert other in anatomy.under_on(view)
                        assert layer_of(atlas.anatomy, other, view) < layer_of(atlas.anatomy, anatomy.muscle_id, view)
                else:
                    assert part.under == ()
            on_top = any(p.depth == "superficial" for p in parts)
            assert anatomy.depth_on(view) == ("superficial" if on_top else "deep"), (anatomy.muscle_id, view)
            if not any(p.depth == "deep" for p in parts):
                assert anatomy.under_on(view) == ()


def test_muscles_at_lists_the_top_muscle_first_and_the_deep_ones_under_it(atlas):
    # a trigger point of gluteus minimus' back fibres: under gluteus medius (and maximus), on the right side
    found = muscles_at(atlas, "posterior", 371, 235)
    ids = [m for m, _side, _depth in found]
    assert "gluteus_minimus_posterior" in ids and "gluteus_medius" in ids
    assert ids.index("gluteus_medius") < ids.index("gluteus_minimus_posterior")
    assert all(side == "right" for _m, side, _d in found)
    assert dict((m, d) for m, _s, d in found)["gluteus_minimus_posterior"] == "deep"
    # the same point mirrored is the left side
    mirrored = muscles_at(atlas, "posterior", 600 - 371, 235)
    assert [(m, d) for m, _s, d in mirrored] == [(m, d) for m, _s, d in found]
    assert all(side == "left" for _m, side, _d in mirrored)
    assert muscles_at(atlas, "posterior", 5, 5) == []  # off the body


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DRAWN + ("lateral_left",)), st.floats(0, 600), st.floats(0, 1000))
def test_muscles_at_agrees_with_the_shapes(atlas, view, x, y):
    """Every muscle listed holds the point, every muscle whose shape holds it is listed, and no muscle is listed
    below one that lies under it."""
    found = muscles_at(atlas, view, x, y)
    expected = {(m, s) for m, a in atlas.anatomy.items() for (s, v), shape in a.shapes.items()
                if v == view and shape.intersects(Point(x, y))}  # fmt: skip
    assert {(m, s) for m, s, _d in found} == expected
    # a muscle drawn in parts stacks as the top-most of its parts under the point
    layers = [min(part_layer(atlas.anatomy, p, view) for p in atlas.anatomy[m].parts_on(s, view) if p.shape.intersects(Point(x, y)))
              for m, s, _d in found]  # fmt: skip
    assert layers == sorted(layers)


def _first(atlas, view, x, y):
    return muscles_at(atlas, view, x, y)[0]


def test_gluteus_medius_lies_on_top_at_its_upper_outer_part_and_under_maximus_lower_down(atlas):
    """Only its lower back part is covered by gluteus maximus; the upper outer part, below the iliac crest, lies
    on the skin: drawn as two parts, the top one with a solid edge, and named first under the pointer there."""
    parts = atlas.anatomy["gluteus_medius"].parts_on("right", "posterior")
    assert [p.depth for p in parts] == ["superficial", "deep"]
    assert parts[0].under == () and parts[1].under == ("gluteus_maximus",)
    assert parts[0].shape.area > parts[1].shape.area  # most of it shows on the back view
    maximus = atlas.anatomy["gluteus_maximus"].shape("right", "posterior")
    assert parts[0].shape.intersection(maximus).area < 0.02 * parts[0].shape.area  # the top part is clear of maximus
    assert parts[1].shape.difference(maximus).area < 0.02 * parts[1].shape.area  # the deep part is under it
    for side, x in (("right", 400), ("left", 200)):  # upper outer buttock, mirrored for the left
        assert _first(atlas, "posterior", x, 210) == ("gluteus_medius", side, "superficial")
    for side, x in (("right", 380), ("left", 220)):  # lower back part, under maximus
        stack = muscles_at(atlas, "posterior", x, 250)
        ids = [m for m, _s, _d in stack]
        assert stack[0] == ("gluteus_maximus", side, "superficial")
        assert ("gluteus_medius", side, "deep") in stack and ids.index("gluteus_medius") < ids.index("gluteus_minimus_posterior")
    assert atlas.anatomy["gluteus_medius"].depth_on("posterior") == "superficial"
    assert atlas.anatomy["gluteus_medius"].depths_on("posterior") == ("superficial", "deep")


def test_vastus_lateralis_shows_at_the_outer_back_thigh_beside_biceps_femoris(atlas):
    vastus = atlas.anatomy["vastus_lateralis"]
    assert "posterior" in vastus.views() and vastus.depth_on("posterior") == "superficial"
    shape, biceps = vastus.shape("right", "posterior"), atlas.anatomy["biceps_femoris"].shape("right", "posterior")
    assert shape.centroid.x > biceps.centroid.x  # lateral to the hamstrings
    assert shape.intersection(biceps).area < 0.05 * shape.area
    for side, x in (("right", 408), ("left", 192)):
        assert ("vastus_lateralis", side, "superficial") in muscles_at(atlas, "posterior", x, 430)
        assert _first(atlas, "posterior", x, 430)[0] == "vastus_lateralis"
    assert "vastus_lateralis" not in [m for m, _s, _d in muscles_at(atlas, "posterior", 330, 430)]  # not over the hamstrings


def test_iliopsoas_is_drawn_as_psoas_and_iliacus_joining_at_the_groin(atlas):
    anatomy = atlas.anatomy["iliopsoas"]
    for side in ("right", "left"):
        psoas, iliacus = anatomy.parts_on(side, "anterior")
        assert psoas.depth == iliacus.depth == "deep"
        assert len(psoas.fibres) >= 2 and len(iliacus.fibres) >= 2
        # psoas from the lumbar spine, long and narrow, near the midline; iliacus a fan from the iliac fossa, lateral
        assert psoas.shape.bounds[1] < 80 < iliacus.shape.bounds[1]
        midline = atlas.views["anterior"].midline
        assert abs(psoas.shape.centroid.x - midline) < abs(iliacus.shape.centroid.x - midline)
        # they join at the groin into one shape, as the muscle's outline
        assert psoas.shape.intersects(iliacus.shape)
        assert anatomy.shape(side, "anterior").geom_type == "Polygon"
        assert anatomy.shape(side, "anterior").area == pytest.approx(psoas.shape.union(iliacus.shape).area, rel=0.01)
    assert muscles_at(atlas, "anterior", 281, 100)[-1][0] == "iliopsoas"  # psoas, under rectus abdominis
    assert ("iliopsoas", "right", "deep") in muscles_at(atlas, "anterior", 225, 215)  # iliacus
    for line in anatomy.fibres[("right", "anterior")]:  # the fibres run down to the groin, origin to insertion
        (_x0, y0), (_x1, y1) = line.coords[0], line.coords[-1]
        assert abs(y1 - y0) > 30


def test_quadratus_lumborum_lies_deep_in_the_flank_on_the_side_views(atlas):
    anatomy = atlas.anatomy["quadratus_lumborum"]
    assert {"lateral_right", "lateral_left"} <= set(anatomy.views())
    assert anatomy.depth_on("lateral_right") == "deep" and anatomy.under_on("lateral_right") == ("lumbar_paraspinals",)
    shape = anatomy.shape("right", "lateral_right")
    assert shape.bounds[3] < atlas.anatomy["gluteus_medius"].shape("right", "lateral_right").bounds[1] + 15  # above the crest
    stack = muscles_at(atlas, "lateral_right", 288, 130)
    assert ("quadratus_lumborum", "right", "deep") in stack
    mirrored = 2 * atlas.views["lateral_right"].center_x - 288
    assert ("quadratus_lumborum", "left", "deep") in muscles_at(atlas, "lateral_left", mirrored, 130)


def test_the_committed_shapes_are_what_the_tool_writes():
    tool = load_tool("draw_anatomy")
    bodies = tool.body_shapes()
    for muscle_id in ("gluteus_maximus", "gluteus_minimus_posterior", "tibialis_anterior"):
        from hipmap import default_data_dir

        assert (default_data_dir() / "anatomy" / f"{muscle_id}.yaml").read_text(encoding="utf-8") == tool.render_yaml(muscle_id, bodies)


# ---------------------------------------------------------------------------------------- check-data on broken copies


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path, needle):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def _problems(copy, name):
    data, assets = copy
    problems = check_data(data, assets)
    return [p for p in problems if re.search(rf"anatomy[/\\]{name}\.yaml:\d+: ", p)]


def _outline(path, view):
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  {view}:")
    return lines[start + 1].split('"')[1]


@pytest.mark.parametrize(
    "break_it, message",
    [
        (lambda d: d.rstrip(" Z") + " L380,270", "not closed"),
        (lambda d: "M400,200 L440,240 L400,240 L440,200 Z", "not a valid polygon"),
        (lambda d: "M300,100 L500,100 L500,200 L300,200 Z", "outside the body outline"),
        (lambda d: "M250,250 L290,250 L290,300 L250,300 Z", "on the person's left side"),
    ],
    ids=["open", "self-crossing", "outside", "wrong-side"],
)
def test_check_data_reports_a_broken_outline_at_its_line(copy, break_it, message):
    path = copy[0] / "anatomy" / "piriformis.yaml"
    d = _outline(path, "posterior")
    _edit(path, d, break_it(d))
    problems = _problems(copy, "piriformis")
    line = _line_of(path, "outline:")
    assert any(f"piriformis.yaml:{line}: " in p and message in p for p in problems), problems


def test_check_data_reports_a_fibre_outside_its_outline(copy):
    path = copy[0] / "anatomy" / "tensor_fasciae_latae.yaml"
    text = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(text) if line.strip().startswith("- \"M"))
    text[at] = '      - "M190,240 L260,600"'
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    problems = _problems(copy, "tensor_fasciae_latae")
    assert any(f":{at + 1}: " in p and "outside its outline" in p for p in problems), problems


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("muscle: piriformis", "muscle: piriform", "muscle:", "does not match the file name"),
        ("  posterior:", "  lateral_left:", "  lateral_left:", "unknown view 'lateral_left'"),
        ("under: [gluteus_maximus]", "under: [gluteus_maximum]", "under:", "unknown muscle 'gluteus_maximum'"),
        ("under: [gluteus_maximus]", "under: [piriformis]", "under:", "cannot lie under itself"),
        ("under: [gluteus_maximus]\n", "", "depth: deep", "a deep muscle needs 'under'"),
        ("under: [gluteus_maximus]", "under: [tibialis_anterior]", "under:", "has no shape on view 'posterior'"),
    ],
    ids=["id", "view", "unknown-under", "under-itself", "deep-without-under", "under-not-drawn"],
)
def test_check_data_reports_bad_names_and_depths_at_their_line(copy, old, new, needle, message):
    path = copy[0] / "anatomy" / "piriformis.yaml"
    _edit(path, old, new)
    problems = _problems(copy, "piriformis")
    line = _line_of(path, needle)
    assert any(f"piriformis.yaml:{line}: " in p and message in p for p in problems), problems


def test_check_data_reports_parts_that_do_not_join(copy):
    path = copy[0] / "anatomy" / "iliopsoas.yaml"
    text = path.read_text(encoding="utf-8")
    iliacus = text.split("      - part: iliacus")[1].split('outline: "')[1].split('"')[0]
    _edit(path, iliacus, "M200,420 L215,420 L215,440 L200,440 Z")
    problems = _problems(copy, "iliopsoas")
    line = _line_of(path, "    parts:")
    assert any(f"iliopsoas.yaml:{line}: " in p and "do not join" in p for p in problems), problems


def test_check_data_reports_a_view_with_both_an_outline_and_parts(copy):
    path = copy[0] / "anatomy" / "iliopsoas.yaml"
    _edit(path, "    parts:\n", '    outline: "M250,250 L260,250 L260,260 Z"\n    parts:\n')
    problems = _problems(copy, "iliopsoas")
    line = _line_of(path, "    parts:")
    assert any(f"iliopsoas.yaml:{line}: " in p and "not both" in p for p in problems), problems


def test_check_data_reports_an_unknown_muscle_file(copy):
    path = copy[0] / "anatomy" / "gluteus_maximum.yaml"
    path.write_text((copy[0] / "anatomy" / "gluteus_maximus.yaml").read_text(encoding="utf-8").replace(
        "muscle: gluteus_maximus", "muscle: gluteus_maximum"), encoding="utf-8")  # fmt: skip
    problems = _problems(copy, "gluteus_maximum")
    line = _line_of(path, "muscle:")
    assert any(f":{line}: unknown muscle id 'gluteus_maximum'" in p for p in problems), problems


def test_check_data_reports_a_missing_shape(copy):
    (copy[0] / "anatomy" / "soleus.yaml").unlink()
    problems = check_data(*copy)
    assert any(re.search(r"anatomy[/\\]soleus\.yaml:1: missing the shape of muscle 'soleus'", p) for p in problems), problems


def test_the_shipped_shapes_pass_check_data():
    assert check_data() == []


def test_a_fibre_may_run_a_hair_outside_its_outline_but_no_further():
    """Fibres inside the outline are taken as they are; one within FIBRE_TOLERANCE of it too (the outline is grown
    only for such a fibre); one further out is reported with how far it runs outside."""
    from pathlib import Path

    from shapely.geometry import box

    from hipmap.core.content.anatomy import FIBRE_TOLERANCE, _read_fibres
    from hipmap.core.content.fields import _Reader
    from hipmap.core.content.problems import Collector

    col = Collector()
    inside, a_hair_out, far_out = "M1,1 L9,9", f"M5,5 L5,{10 + FIBRE_TOLERANCE / 2}", "M5,5 L5,14"
    reader = _Reader(col, Path("x.yaml"), {"fibres": [inside, a_hair_out, far_out]}, "views.posterior", ("fibres",))
    fibres = _read_fibres(col, Path("x.yaml"), reader, "views.posterior", box(0, 0, 10, 10))
    assert [list(f.coords) for f in fibres] == [[(1, 1), (9, 9)], [(5, 5), (5, 10 + FIBRE_TOLERANCE / 2)]]
    assert len(col.problems) == 1 and "runs 3.0 units outside its outline" in str(col.problems[0]), col.problems
