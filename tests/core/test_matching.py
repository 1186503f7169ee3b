"""Clinical sanity of the ranking, and the properties the ranking must keep."""

import random

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipmap.core.pain.painmap import Mark, PainMap, click_mark, mirrored, region_marks
from hipmap.core.synthetic import random_click_map, random_painted_map


def regions_map(atlas, regions, side="right", intensity=6):
    marks = []
    for region in regions:
        marks.extend(region_marks(atlas, region, side, intensity))
    return PainMap(tuple(marks))


# Each row: pain regions (right side unless said) -> a muscle that must be among the top 3.
# Patterns follow the referral-pattern fact sheet (shared/domain/referral-patterns.md).
PATTERNS = [
    ("lateral thigh down to the ankle", ["lateral_thigh", "lateral_knee", "lateral_leg", "lateral_ankle"], "gluteus_minimus_anterior"),
    ("side of hip, outer thigh and leg", ["lateral_hip", "lateral_thigh", "lateral_leg"], "gluteus_minimus_anterior"),
    ("buttock, back of thigh and calf", ["buttock_center", "lower_buttock", "posterior_thigh", "posterior_calf"], "gluteus_minimus_posterior"),
    ("back of thigh, knee and calf", ["posterior_thigh", "posterior_knee", "posterior_calf"], "gluteus_minimus_posterior"),
    ("SI joint and mid buttock", ["sacroiliac", "buttock_center"], "piriformis"),
    ("SI joint, mid buttock and upper back of thigh", ["sacroiliac", "buttock_center", "posterior_thigh"], "piriformis"),
    ("front-outer hip and outer thigh", ["anterior_hip", "greater_trochanter", "lateral_thigh"], "tensor_fasciae_latae"),
    ("front of hip and trochanter", ["anterior_hip", "greater_trochanter"], "tensor_fasciae_latae"),
    ("SI joint, buttock and trochanter", ["sacroiliac", "lower_buttock", "greater_trochanter", "iliac_crest"], "quadratus_lumborum"),
    ("hip bone rim, side of hip and trochanter", ["iliac_crest", "lateral_hip", "greater_trochanter"], "quadratus_lumborum"),
    ("low back and upper front of thigh", ["lower_back", "groin", "anterior_thigh"], "iliopsoas"),
    ("low back, SI joint and groin", ["lower_back", "sacroiliac", "groin"], "iliopsoas"),
    ("hip bone rim, SI joint and upper buttock", ["iliac_crest", "sacroiliac", "upper_buttock", "lateral_hip"], "gluteus_medius"),
    ("sacrum, SI joint and gluteal fold", ["sacrum_coccyx", "sacroiliac", "lower_buttock"], "gluteus_maximus"),
    ("low back, SI joint, sacrum and buttock", ["lower_back", "sacroiliac", "sacrum_coccyx", "buttock_center"], "lumbar_paraspinals"),
    ("whole outer thigh and outer knee", ["lateral_thigh", "lateral_knee"], "vastus_lateralis"),
    ("back of the knee", ["posterior_knee"], "biceps_femoris"),
    ("gluteal fold, back of thigh and inner knee", ["lower_buttock", "posterior_thigh", "medial_knee"], "medial_hamstrings"),
    ("groin, inner thigh and inner knee", ["groin", "medial_thigh", "medial_knee"], "adductor_longus_brevis"),
    ("groin and inner thigh", ["groin", "medial_thigh"], "adductor_magnus"),
    ("front and inner thigh to the inner knee", ["anterior_thigh", "medial_thigh", "medial_knee"], "sartorius"),
    ("deep groin", ["groin"], "pectineus"),
    ("around the kneecap", ["anterior_knee"], "rectus_femoris"),
]


@pytest.mark.parametrize("label, regions, expected", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_fact_sheet_patterns_rank_the_expected_muscle_in_the_top_3(atlas, matcher, label, regions, expected):
    result = matcher.match(regions_map(atlas, regions))
    top = [(c.muscle_id, c.side) for c in result.top(3)]
    assert (expected, "right") in top, f"{label}: top 3 was {top}"


def test_left_side_pain_ranks_left_side_muscles(atlas, matcher):
    result = matcher.match(regions_map(atlas, ["lateral_thigh", "lateral_knee", "lateral_leg", "lateral_ankle"], side="left"))
    assert all(c.side == "left" for c in result.top(3))
    assert ("gluteus_minimus_anterior", "left") in [c.key for c in result.top(3)]


def test_reasons_are_in_words_and_name_the_regions(atlas, matcher):
    result = matcher.match(regions_map(atlas, ["lateral_thigh", "lateral_knee", "lateral_leg", "lateral_ankle"]))
    cand = result.find("gluteus_minimus_anterior", "right")
    text = " ".join(cand.reasons)
    assert "main referral zone covers" in text and "%" in text
    assert atlas.regions["lateral_thigh"].name.lower() in text


def test_explaining_set_for_pain_that_needs_two_muscles(atlas, matcher):
    # Front of the knee (rectus femoris) plus back of the knee (biceps femoris): no one muscle covers both.
    result = matcher.match(regions_map(atlas, ["anterior_knee", "posterior_knee"]))
    assert len(result.explaining) >= 2
    assert result.explained_share > 0.8
    assert 0 <= result.unexplained_share <= 0.2 + 1e-9


def test_the_explaining_set_names_the_top_muscle_when_it_explains_nearly_as_much(atlas, matcher):
    """Outer thigh: vastus lateralis ranks first and its smoothed zone covers 99.7% of the pain; gluteus minimus
    (front fibres), second, covers 99.9%. The summary named the second as "the muscle that explains your pain"."""
    from hipmap.core.pain.matching import EXPLAIN_TIE

    result = matcher.match(regions_map(atlas, ["lateral_thigh"]))
    first, second = result.candidates[:2]
    assert abs(first.explained - second.explained) < EXPLAIN_TIE  # the near-tie this is about
    assert [c.key for c in result.explaining] == [first.key]


def test_pain_no_muscle_refers_to_is_reported_unexplained(atlas, matcher):
    result = matcher.match(regions_map(atlas, ["dorsal_foot"]))
    assert result.explained_share < 0.5
    assert ("dorsal_foot", "right") in result.unexplained_regions


def test_empty_map_gives_no_candidates(matcher):
    result = matcher.match(PainMap())
    assert result.candidates == () and result.explained_share == 0


def test_scores_stay_between_0_and_1(atlas, matcher):
    rng = random.Random(3)
    for _ in range(30):
        result = matcher.match(random_painted_map(atlas, rng, 10))
        assert all(0.0 <= c.score <= 1.0 for c in result.candidates)
        assert [c.score for c in result.candidates] == sorted((c.score for c in result.candidates), reverse=True)


def _comparable(result):
    return sorted((c.muscle_id, c.side, round(c.score, 6)) for c in result.candidates)


def _swap(rows):
    other = {"right": "left", "left": "right", "both": "both"}  # a pattern over both sides stays itself
    return sorted((m, other[s], sc) for m, s, sc in rows)


def test_mirroring_a_pain_map_swaps_sides_and_nothing_else(atlas, matcher):
    rng = random.Random(11)
    maps = [random_painted_map(atlas, rng, 8) for _ in range(8)] + [random_click_map(atlas, rng) for _ in range(12)]
    maps.append(regions_map(atlas, ["lateral_thigh", "lateral_leg"]))
    for pm in maps:
        before, after = matcher.match(pm), matcher.match(mirrored(pm, atlas))
        assert _comparable(after) == _swap(_comparable(before))
        assert after.explained_share == pytest.approx(before.explained_share, abs=1e-6)
        twice = mirrored(mirrored(pm, atlas), atlas)
        for a, b in zip(pm.marks, twice.marks):
            assert a.view == b.view and a.geometry.symmetric_difference(b.geometry).area < 1e-6


@st.composite
def pain_and_addition(draw, atlas):
    rng = random.Random(draw(st.integers(0, 10**6)))
    base = random_painted_map(atlas, rng, draw(st.integers(0, 6))) if draw(st.booleans()) else random_click_map(atlas, rng)
    muscle = draw(st.sampled_from(sorted(atlas.muscles)))
    side = draw(st.sampled_from(["right", "left"]))
    keys = sorted(k for k in atlas.muscles[muscle].zones if k[0] == "essential" and k[1] == side)
    _kind, _side, view = draw(st.sampled_from(keys))
    inner = atlas.muscles[muscle].zone("essential", side, view).buffer(-1.0)
    if inner.is_empty:
        inner = atlas.muscles[muscle].zone("essential", side, view)
    minx, miny, maxx, maxy = inner.bounds
    for _ in range(200):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if inner.contains(shapely.Point(x, y)):
            break
    disc = click_mark(view, x, y, radius=draw(st.floats(2, 30))).geometry.intersection(inner)
    mark = Mark(view, disc, draw(st.integers(1, 10)))
    return base, mark, muscle, side


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_adding_pain_inside_an_essential_zone_never_lowers_that_muscles_score(atlas, matcher, data):
    base, mark, muscle, side = data.draw(pain_and_addition(atlas))
    if mark.geometry.is_empty:
        return
    before = matcher.match(base).find(muscle, side)
    after = matcher.match(base.add(mark)).find(muscle, side)
    # A sliver too small to cover any grid cell adds no pain, so "no candidate" (score 0) is allowed.
    assert (after.score if after else 0.0) >= (before.score if before else 0.0) - 1e-9


# ------------------------------------------------------------------------------------ laterality, trigger points


def _zone_reaches_the_pain(c):
    return c.explained + c.spillover > 0


def test_no_muscle_on_the_side_opposite_to_all_the_pain_without_its_zone(atlas, matcher):
    """Right lower back: the left paraspinals' trigger point is within reach across the midline, but none of the
    pain is on the left and its zone reaches none of it, so it is not listed."""
    result = matcher.match(regions_map(atlas, ["lower_back"]))
    # "both" is a pattern that spans both sides (rectus abdominis): its zone covers this pain.
    assert all(c.side in ("right", "both") for c in result.candidates), [c.key for c in result.candidates]
    assert all(_zone_reaches_the_pain(c) for c in result.candidates if c.side == "both")
    assert result.find("lumbar_paraspinals", "left") is None
    mirrored_result = matcher.match(regions_map(atlas, ["lower_back"], side="left"))
    assert all(c.side in ("left", "both") for c in mirrored_result.candidates)
    assert {c.key for c in result.candidates if c.side == "both"} == {c.key for c in mirrored_result.candidates if c.side == "both"}


def test_pain_on_both_sides_lists_both_sides(atlas, matcher):
    pain = PainMap(regions_map(atlas, ["lower_back"]).marks + regions_map(atlas, ["lower_back"], side="left").marks)
    result = matcher.match(pain)
    assert result.find("lumbar_paraspinals", "right") and result.find("lumbar_paraspinals", "left")


def test_a_muscle_linked_only_by_a_trigger_point_says_so_and_ranks_below_every_zone_match(atlas, matcher):
    result = matcher.match(regions_map(atlas, ["lower_back"]))
    only_point = [c for c in result.candidates if not _zone_reaches_the_pain(c)]
    assert "quadratus_lumborum" in {c.muscle_id for c in only_point}
    assert all("lower_back" not in atlas.muscles[c.muscle_id].zone_regions.get(kind, ()) for c in only_point for kind in ("essential", "spillover"))
    flags = [_zone_reaches_the_pain(c) for c in result.candidates]
    assert flags == sorted(flags, reverse=True), "a trigger-point-only muscle ranks above a zone match"
    for c in only_point:
        assert c.on_trigger_point and c.score == 0.0
        assert c.reasons[0] == "None of your pain is in its referral pattern, but some lies over one of its trigger points."
        assert not any("main referral zone" in r or "also reaches" in r for r in c.reasons)
        assert c.reasons[1].startswith("Its pain is usually felt in ")
    assert all(c.score > 0 for c in result.candidates if _zone_reaches_the_pain(c))
    assert [c.key for c in result.explaining] == [("lumbar_paraspinals", "right")]


def test_a_zone_match_with_a_trigger_point_under_the_pain_still_says_so(atlas, matcher):
    found = matcher.match(regions_map(atlas, ["lower_back"])).find("lumbar_paraspinals", "right")
    assert found.reasons[-1] == "Some of your pain lies over one of its trigger points."



def test_the_index_is_the_same_whether_its_shapes_are_rasterised_few_or_many_at_a_time(atlas, matcher, monkeypatch):
    import numpy as np

    from hipmap.core.pain import matching

    whole = matching.Matcher(atlas, keep_build_index=True)  # the usual passes
    monkeypatch.setattr(matching, "SHAPES_PER_PASS", 4)  # two candidates' zones, four trigger points per pass
    few = matching.Matcher(atlas, keep_build_index=True)
    for name in ("piece_candidate", "piece_essential", "piece_area", "piece_group", "group_area", "group_candidate", "point_owner", "class_region", "class_pieces"):
        assert np.array_equal(getattr(few, name), getattr(matcher, name)), name
    assert few.piece_region == matcher.piece_region and few.cells == matcher.cells
    for view_id, vi in matcher.views.items():
        assert np.array_equal(few.views[view_id].classes.of_cell, vi.classes.of_cell)
        assert np.array_equal(few.views[view_id].points.items, whole.views[view_id].points.items)
    rng = random.Random(3)
    for pm in [random_click_map(atlas, rng) for _ in range(10)] + [random_painted_map(atlas, rng, 8) for _ in range(3)]:
        assert [(c.key, c.score) for c in few.match(pm).candidates] == [(c.key, c.score) for c in matcher.match(pm).candidates]


def test_once_built_the_index_keeps_one_number_per_cell_per_view_and_matches_the_same(atlas, matcher):
    """The per-cell region and inverted indexes only serve the build: the matcher (and so the warm-start file)
    keeps each view's cell classes, and matches exactly as a matcher that kept them all."""
    import numpy as np

    from hipmap.core.pain import matching

    kept = matching.Matcher(atlas, keep_build_index=True)
    for view_id, vi in matcher.views.items():
        per_cell = [name for name, value in vars(vi).items() if isinstance(value, np.ndarray) and value.size >= vi.grid.size]
        per_cell += [name for name, value in vars(vi).items() if hasattr(value, "ptr") and len(value.ptr) > vi.grid.size]
        assert per_cell == [], (view_id, per_cell)
        assert vi.classes.of_cell.size == vi.grid.size
        assert hasattr(kept.views[view_id], "cell_region")
    rng = random.Random(5)
    for pm in [random_click_map(atlas, rng) for _ in range(10)] + [random_painted_map(atlas, rng, 8) for _ in range(3)]:
        assert _figures(matcher.match(pm)) == _figures(kept.match(pm))


def test_cell_classes_stay_exact_when_every_hash_collides(atlas, matcher, monkeypatch):
    """The classes' hashes only propose groups: with numbers that make every cell of a region collide, each class
    still holds cells covered by exactly the same zone pieces and trigger points, and the matches are the same."""
    import numpy as np

    from hipmap.core.geometry import shapes
    from hipmap.core.pain import matching

    monkeypatch.setattr(shapes._Mixer, "next", lambda self, count: np.zeros(count, dtype=np.uint64))
    degenerate = matching.Matcher(atlas, keep_build_index=True)
    for view_id, vi in degenerate.views.items():
        classes, usual = vi.classes, matcher.views[view_id].classes
        assert classes.count > usual.count  # the colliding cells were split off, not merged
        for index, (ptr, items) in zip((vi.pieces, vi.points), classes.members):
            cells = np.flatnonzero(classes.of_cell >= 0)
            of = classes.of_cell[cells]
            for cell, c in zip(cells[::97], of[::97]):  # every cell's items are its class's
                assert index.items[index.ptr[cell] : index.ptr[cell + 1]].tolist() == items[ptr[c] : ptr[c + 1]].tolist()
            assert np.array_equal(vi.cell_region[cells], classes.key[of])
    rng = random.Random(4)
    for pm in [random_click_map(atlas, rng) for _ in range(10)] + [random_painted_map(atlas, rng, 8) for _ in range(3)]:
        assert [(c.key, c.score) for c in degenerate.match(pm).candidates] == [(c.key, c.score) for c in matcher.match(pm).candidates]


def _figures(result):
    """Everything a match says, read in full (floats by their bits)."""
    return (
        [(c.key, c.name, c.score.hex(), c.explained.hex(), c.spillover.hex(), c.coverage.hex(), c.on_trigger_point,
          c.essential_regions, c.spillover_regions, c.unmarked_regions, c.reasons) for c in result.candidates],
        [c.key for c in result.explaining], result.explained_share.hex(), result.unexplained_regions, result.pain_area.hex(), result.summary,
    )  # fmt: skip


def test_the_shortcuts_taken_by_the_size_of_the_pain_change_no_figure(atlas, monkeypatch):
    """Summing over all classes or sorting the cells, pooling the explaining set's classes or not, scanning or sorting
    the pieces in pain: the same candidates, scores to the last bit, reasons and explaining set either way."""
    from hipmap.core.pain import matching

    rng = random.Random(11)
    v = next(iter(atlas.views))
    x, y = 300.0, 500.0
    overlapping = PainMap(tuple(click_mark(v, x + 4 * k, y, intensity=k) for k in (3, 9, 5, 0, 9)))
    maps = [random_click_map(atlas, rng) for _ in range(8)] + [random_painted_map(atlas, rng, 12) for _ in range(4)]
    maps += [regions_map(atlas, ["lateral_thigh", "lateral_knee", "buttock_center"]), overlapping]
    usual = [_figures(matching.Matcher(atlas).match(pm)) for pm in maps]
    for name, value in (("POOL_CLASSES", 0), ("DENSE_CLASSES_PER_CELL", 0), ("SCAN_SIZE", 0), ("POOL_CLASSES", 10**9), ("DENSE_CLASSES_PER_CELL", 10**9)):
        with monkeypatch.context() as m:
            m.setattr(matching, name, value)
            assert [_figures(matching.Matcher(atlas).match(pm)) for pm in maps] == usual, name


def test_a_matched_candidate_is_what_its_constructor_makes(atlas, matcher):
    """Candidates are made without the dataclass' __init__: the same fields, equal, hashed, copied and pickled alike."""
    import copy
    import dataclasses
    import pickle

    from hipmap.core.pain.matching import Candidate

    result = matcher.match(regions_map(atlas, ["lateral_thigh", "lateral_knee"]))
    assert len(result.candidates) > 3
    for c in result.candidates[:3]:
        made = Candidate(*(getattr(c, f.name) for f in dataclasses.fields(Candidate)))
        assert list(made.__dict__) == list(c.__dict__)
        assert made == c and hash(made) == hash(c)
        assert dataclasses.replace(c) == c == copy.copy(c) == pickle.loads(pickle.dumps(c))


def test_one_shape_marked_on_two_views_has_each_views_cells(atlas, matcher):
    """Marks' cells are remembered by shape and view (on the body of that view): the same shape on another view is
    that view's cells."""
    from hipmap.core.synthetic import random_point_on_body

    rng = random.Random(5)
    views = list(atlas.views)
    for a, b in zip(views, views[1:] + views[:1]):
        x, y = random_point_on_body(atlas, rng, b)
        mark = click_mark(a, x, y, intensity=6)
        both = matcher.pain_cells(PainMap((mark, mark.with_(view=b))))
        alone = matcher.pain_cells(PainMap((click_mark(b, x, y, intensity=6),)))
        assert both[b][0].tolist() == alone[b][0].tolist() and both[b][1].tolist() == alone[b][1].tolist()


def test_one_shape_alone_has_the_cells_it_has_among_others(atlas):
    """Grid.cells_many's pass for a lone shape of one ring (a click) finds the cells of its pass over many shapes
    (those whose centres shapely finds inside, for discs), edges through cell centres or not."""
    import numpy as np

    from hipmap.core.geometry.shapes import Grid, disc

    rng = random.Random(3)
    view = next(iter(atlas.views.values()))
    grid = Grid(view.viewbox, 3.0)
    xs, ys = np.meshgrid(grid.xs, grid.ys)
    shapes = [disc(rng.uniform(0, 600), rng.uniform(0, 1000), rng.uniform(0.5, 40)) for _ in range(40)]
    for _ in range(40):  # squares and triangles with edges through cell centres, or a hair beside them
        x, y = float(rng.choice(grid.xs)) + rng.choice((0.0, 1e-9, 1.5)), float(rng.choice(grid.ys)) + rng.choice((0.0, -1e-9, 1.5))
        w = rng.choice((3.0, 9.0, 0.5))
        shapes += [shapely.box(x, y, x + w, y + w), shapely.Polygon([(x, y), (x + w, y + w / 3), (x + w / 4, y + w)])]
    for i, shape in enumerate(shapes):
        alone, = grid.cells_many([shape])
        assert alone.tolist() == grid.cells_many([shape, shapes[0]])[0].tolist()
        if i < 40:
            assert alone.tolist() == np.flatnonzero(shapely.contains_xy(shape, xs.ravel(), ys.ravel())).tolist()


def test_remembered_pain_follows_marks_undone_and_replaced(atlas):
    """The pain of each view is remembered from the last match: a mark taken away (undo), one replaced by
    another of the same shape and another rating, or the same marks in another order match as a new matcher does."""
    from hipmap.core.pain.matching import Matcher
    from hipmap.core.synthetic import random_point_on_body

    rng = random.Random(9)
    views = list(atlas.views)
    marks = []
    for i in range(12):
        v = views[i // 4]
        x, y = random_point_on_body(atlas, rng, v)
        marks.append(click_mark(v, x, y, intensity=rng.choice((3, 6, 9))))
    kept = Matcher(atlas)
    maps = [PainMap(tuple(marks[:k])) for k in range(1, 13)]
    maps += [PainMap(tuple(marks[:k])) for k in (11, 7, 12)]  # undone, and done again
    maps += [PainMap(tuple(marks[:5]) + (marks[5].with_(intensity=10),) + tuple(marks[6:]))]  # rated again
    maps += [PainMap(tuple(reversed(marks))), PainMap(tuple(marks[:4]) + tuple(marks[8:]))]
    for pm in maps:
        assert _figures(kept.match(pm)) == _figures(Matcher(atlas).match(pm))
