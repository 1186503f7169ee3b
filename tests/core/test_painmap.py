import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipmap.core.pain import painmap as pm
from hipmap.core.pain.painmap import Mark, PainMap, PainMapError, click_mark, stroke_mark


def sample_map():
    return PainMap(
        (
            click_mark("posterior", 380, 300, intensity=7, qualities=("aching",)),
            stroke_mark("lateral_right", [(300, 400), (305, 450), (310, 500)], radius=10, intensity=4, qualities=("burning", "tingling")),
        )
    )


def test_save_then_load_gives_the_same_marks(tmp_path):
    original = sample_map()
    path = tmp_path / "me.hipmap.json"
    pm.save(original, path)
    loaded = pm.load(path)
    assert len(loaded.marks) == 2
    for a, b in zip(original.marks, loaded.marks):
        assert (a.view, a.intensity, a.qualities) == (b.view, b.intensity, b.qualities)
        assert a.geometry.symmetric_difference(b.geometry).area < 0.5


def test_file_has_the_contract_shape(tmp_path):
    data = json.loads(pm.dumps(sample_map()))
    assert data["format"] == "hipmap.painmap" and data["version"] == 1
    mark = data["marks"][0]
    assert {"view", "geometry", "intensity", "qualities"} <= set(mark)
    assert mark["geometry"]["type"] == "Polygon"


def test_a_future_version_is_refused_clearly(tmp_path):
    path = tmp_path / "new.hipmap.json"
    path.write_text(json.dumps({"format": "hipmap.painmap", "version": 99, "marks": []}))
    with pytest.raises(PainMapError, match="newer hipmap.*version 99"):
        pm.load(path)


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "invalid JSON"),
        ('{"format": "other", "version": 1, "marks": []}', "not a hipmap pain map"),
        ('{"format": "hipmap.painmap", "marks": []}', "version"),
        ('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "top"}]}', "unknown view"),
        ('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "intensity": 11}]}', "intensity"),
        ('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "qualities": ["itchy"]}]}', "qualities"),
        ('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "geometry": {"type": "Point", "coordinates": [1, 2]}}]}', "Polygon"),
        ('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [NaN, 1], [1, 1]]]}}]}', "finite"),
    ],
)
def test_broken_files_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "broken.hipmap.json"
    path.write_text(content)
    with pytest.raises(PainMapError, match=message) as info:
        pm.load(path)
    assert "broken.hipmap.json" in str(info.value)


def test_a_self_intersecting_stroke_becomes_a_valid_shape():
    mark = stroke_mark("posterior", [(350, 300), (400, 350), (400, 300), (350, 350), (350, 300)], radius=3)
    assert mark.geometry.is_valid and mark.geometry.area > 0


def test_edits_return_new_maps():
    base = sample_map()
    more = base.add(click_mark("anterior", 250, 400))
    assert len(base.marks) == 2 and len(more.marks) == 3
    assert more.without(2) == base
    assert more.cleared().is_empty()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300)
@given(st.fixed_dictionaries({"format": st.just("hipmap.painmap"), "version": st.just(1), "marks": st.lists(json_values, max_size=3)}) | json_values)
def test_any_json_reads_or_fails_with_a_painmap_error(data):
    try:
        result = pm.loads(json.dumps(data).encode(), "fuzz")
    except PainMapError:
        return
    assert isinstance(result, PainMap)
    assert all(isinstance(m, Mark) and m.geometry.is_valid for m in result.marks)


@given(st.binary(max_size=200))
def test_any_bytes_read_or_fail_with_a_painmap_error(data):
    try:
        pm.loads(data, "fuzz")
    except PainMapError:
        pass


def test_extent_is_the_marked_share_of_the_whole_body_drawing(atlas):
    from hipmap.core.pain.painmap import PainMap, extent, region_marks, strongest

    assert extent(PainMap(), atlas) == 0.0 and strongest(PainMap()) is None
    one = PainMap(tuple(region_marks(atlas, "lateral_thigh", "right", intensity=6)))
    two = PainMap(one.marks + tuple(region_marks(atlas, "lateral_thigh", "left", intensity=3)))
    assert 0.0 < extent(one, atlas) < 0.1
    assert extent(two, atlas) == pytest.approx(2 * extent(one, atlas), rel=0.02)
    assert extent(PainMap(one.marks + one.marks), atlas) == pytest.approx(extent(one, atlas))  # overlap counts once
    assert strongest(two) == 6
    everything = PainMap(tuple(m for r in atlas.regions for s in ("right", "left") for m in region_marks(atlas, r, s)))
    assert extent(everything, atlas) == pytest.approx(1.0, abs=0.02)


# The quick paths (no crossing count for a small valid shape, a body cut to the mark's box before the overlap,
# every mark rounded in one call) give exactly what the plain computations give.

def _blob(view, cx, cy, r, k, squash):
    import shapely

    return view, shapely.affinity.scale(shapely.Point(cx, cy).buffer(r, quad_segs=k), 1.0, squash)


_shapes = st.builds(
    _blob, st.sampled_from(["posterior", "anterior", "lateral_right", "lateral_left"]),
    st.floats(120, 480), st.floats(20, 1000), st.floats(0.5, 60), st.integers(1, 8), st.floats(0.2, 3),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_shapes)
def test_the_side_of_a_mark_is_what_the_plain_overlap_says(atlas, shape):
    view_id, geometry = shape
    view = atlas.views[view_id]
    plain = [s for s in view.sides if view.body[s].intersection(geometry).area > 0.0]
    expected = None if not plain else plain[0] if len(plain) == 1 else "both"
    assert view.side_of(geometry) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(_shapes, min_size=1, max_size=6))
def test_saving_rounds_each_mark_as_rounding_it_alone_does(shapes):
    import shapely

    painmap = PainMap(tuple(Mark(view, geometry, 5) for view, geometry in shapes))
    saved = json.loads(pm.dumps(painmap))
    for mark, (_view, geometry) in zip(saved["marks"], shapes):
        alone = shapely.geometry.mapping(shapely.set_precision(geometry, 0.01))
        assert json.loads(json.dumps(mark["geometry"])) == json.loads(json.dumps(alone))
