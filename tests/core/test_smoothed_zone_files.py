"""The zones' smoothed shapes are data (data/zones/<muscle>.yaml, written by tools/smooth_zones.py): the loader reads
them instead of smoothing every zone at each load (seven seconds), uses them only while the sources they were made
from are unchanged, and check-data and the tool's --check report a stale, missing or damaged file at its line."""

from __future__ import annotations

import base64
import re
import zlib

import shapely

from hipmap.core.content.atlas import load_atlas
from hipmap.core.content.check import check_data
from hipmap.core.content.exercises import _load_exercises
from hipmap.core.content.fields import _load_sources
from hipmap.core.content.muscles import _load_muscle
from hipmap.core.content.problems import Collector
from hipmap.core.content.smoothzones import ZoneSmoothing, read_zone_file, zone_file
from hipmap.core.content.views import _load_regions, _load_views, _view_mirrors
from hipmap.core.geometry.shapes import union
from hipmap.core.content.vocabulary import MUSCLE_IDS

from tests.conftest import load_tool

MUSCLE = "gluteus_minimus_posterior"


def _problems(copy, muscle_id=MUSCLE):
    data, assets = copy
    return [p for p in check_data(data, assets) if re.search(rf"zones[/\\]{muscle_id}\.yaml:\d+: ", p)]


def _line_of(path, needle):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def _unsmoothed(atlas, muscle_id, view_id="posterior"):
    """The essential zone as its regions and drawn parts make it (the muscle names whole regions; gluteus minimus'
    back fibres also draw the taper behind the knee as a path, clipped to the body)."""
    from hipmap.core.content.yamlfile import load_yaml_file
    from hipmap.core.geometry.shapes import polygon_from_path

    muscle = atlas.muscles[muscle_id]
    view = atlas.views[view_id]
    regions = [view.regions[(name, "right")] for name in muscle.zone_regions["essential"] if (name, "right") in view.regions]
    parts = load_yaml_file(muscle.file)["zones"]["essential"]
    drawn = [polygon_from_path(part["path"]).intersection(view.body["right"]) for part in parts if part.get("view") == view_id and "path" in part]
    return union(regions + drawn)


def test_every_muscle_has_its_smoothed_zones_up_to_date(atlas):
    tool = load_tool("smooth_zones")
    assert tool.main(["--check"]) == 0
    assert check_data() == []
    for muscle_id in MUSCLE_IDS:
        assert zone_file(atlas.data_dir, muscle_id).is_file(), muscle_id


def test_the_loaded_zones_are_the_files_shapes_and_smoothed(atlas):
    path = zone_file(atlas.data_dir, MUSCLE)
    muscle = atlas.muscles[MUSCLE]
    smoothing = ZoneSmoothing()
    smoothing.start(atlas.data_dir, atlas.assets_dir, atlas.views)
    kept = read_zone_file(Collector(), path, smoothing.sources(muscle.file))
    assert kept is not None
    for view_id, shape in kept["essential"].items():
        assert shapely.equals_exact(muscle.zones[("essential", "right", view_id)], shape, 1e-9), view_id
    # the stair steps are rounded off: the smoothed zone is not the union of its regions, but close to it
    raw = _unsmoothed(atlas, MUSCLE)
    smooth = muscle.zones[("essential", "right", "posterior")]
    assert smooth.symmetric_difference(raw).area > 50
    assert smooth.symmetric_difference(raw).area < 0.03 * raw.area


def test_the_files_hold_what_the_smoothing_makes_of_today_s_sources(atlas):
    """For a few muscles (the whole atlas takes seconds: tools/smooth_zones.py --check --full), smooth again."""
    col = Collector()
    data, assets = atlas.data_dir, atlas.assets_dir
    sources = _load_sources(col, data)
    regions = _load_regions(col, data)
    views = _load_views(col, data, assets)
    declared: dict = {}
    _load_exercises(col, data, assets, sources, declared)
    live = ZoneSmoothing(live=True)
    live.start(data, assets, views)
    for muscle_id in (MUSCLE, "gluteus_minimus_anterior", "soleus"):
        muscle = _load_muscle(col, data / "muscles" / f"{muscle_id}.yaml", views, regions, sources, _view_mirrors(views), declared, live)
        assert muscle is not None and not col.problems
        for key, shape in muscle.zones.items():
            assert shape.symmetric_difference(atlas.muscles[muscle_id].zones[key]).area < 0.5, (muscle_id, key)


def test_a_changed_source_makes_the_file_stale_it_is_reported_and_the_zones_unsmoothed(copy):
    data, assets = copy
    muscle_file = data / "muscles" / f"{MUSCLE}.yaml"
    muscle_file.write_text(muscle_file.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    path = zone_file(data, MUSCLE)
    line = _line_of(path, f"data/muscles/{MUSCLE}.yaml:")
    assert _problems(copy) == [f"{path}:{line}: made from another version of data/muscles/{MUSCLE}.yaml than the one there now: run tools/smooth_zones.py"]
    assert _problems(copy, "soleus") == []  # the other muscles' files are still good
    atlas = load_atlas(data, assets)  # loads: the zones as the regions draw them, until the tool is run
    assert atlas.muscles[MUSCLE].zones[("essential", "right", "posterior")].symmetric_difference(_unsmoothed(atlas, MUSCLE)).area < 1e-6
    tool = load_tool("smooth_zones")
    assert tool.main(["--check", "--data", str(data), "--assets", str(assets)]) == 1


def test_a_changed_view_drawing_makes_every_file_stale(copy):
    data, assets = copy
    svg = assets / "views" / "posterior.svg"
    svg.write_bytes(svg.read_bytes() + b"\n")
    problems = [p for p in check_data(data, assets) if "assets/views/posterior.svg than the one there now" in p]
    assert len(problems) == len(MUSCLE_IDS)


def test_a_damaged_missing_or_extra_file_is_reported_and_never_breaks_the_load(copy):
    data, assets = copy
    path = zone_file(data, MUSCLE)
    text = path.read_text(encoding="utf-8")
    first = re.search(r'    - "([A-Za-z0-9+/=]+)', text)
    for damage in ("!" + first.group(1)[1:], first.group(1)[:-8], base64.b64encode(zlib.compress(b"\xff" * 64)).decode()):
        path.write_text(text.replace(first.group(1), damage, 1), encoding="utf-8")  # not base64, cut short, no shape
        bad = _line_of(path, damage)  # the view's first shape: reported at the view's line, just above
        assert _problems(copy) == [f"{path}:{bad - 1}: not what tools/smooth_zones.py writes: run tools/smooth_zones.py"], damage
        atlas = load_atlas(data, assets)  # loads, unsmoothed
        assert atlas.muscles[MUSCLE].zones[("essential", "right", "posterior")].symmetric_difference(_unsmoothed(atlas, MUSCLE)).area < 1e-6
    path.write_text("essential: [unclosed\n", encoding="utf-8")
    assert len(_problems(copy)) == 1
    load_atlas(data, assets)
    path.unlink()
    assert _problems(copy) == [f"{path}:1: missing the smoothed zones of muscle {MUSCLE}: run tools/smooth_zones.py"]
    load_atlas(data, assets)
    extra = zone_file(data, "no_such_muscle")
    extra.write_text(text, encoding="utf-8")
    assert f"{extra}:1: no muscle no_such_muscle in data/muscles: delete the file or run tools/smooth_zones.py" in check_data(data, assets)


def test_the_tool_writes_what_it_checks(copy):
    data, assets = copy
    for muscle_id in (MUSCLE, "soleus"):
        zone_file(data, muscle_id).unlink()
    tool = load_tool("smooth_zones")
    assert tool.main(["--check", "--data", str(data), "--assets", str(assets)]) == 1
    assert tool.main([MUSCLE, "soleus", "--data", str(data), "--assets", str(assets)]) == 0
    assert tool.main(["--check", "--data", str(data), "--assets", str(assets)]) == 0
    assert zone_file(data, "soleus").read_text(encoding="utf-8") == (zone_file(load_atlas().data_dir, "soleus")).read_text(encoding="utf-8")


def test_the_shapes_are_written_compactly_and_read_back_exactly(atlas):
    """Each ring is base64 of the zlib-compressed int32 steps between its points in 1e-4 units: a fraction of the
    text of decimal coordinates, and the shapes read back are the ones written, on that grid."""
    from hipmap.core.content.smoothzones import GRID, polygon_paths, read_polygons

    zone = atlas.muscles[MUSCLE].zones[("essential", "right", "posterior")]
    texts = polygon_paths(zone)
    back = read_polygons(texts)
    assert back.symmetric_difference(zone).area < 1e-6
    points = len(shapely.get_coordinates(zone))
    # ("214.7327,312.2556 ": 18 characters a point as decimals; the simplified rings, their points no longer in
    # runs of equal steps that zlib packs tight, take about 6.5)
    assert sum(map(len, texts)) < 8 * points
    assert shapely.equals_exact(shapely.normalize(read_polygons(polygon_paths(back))), shapely.normalize(back), GRID / 2)
    assert read_polygons(["M1,2 L3,4 5,6 Z"]) is None and read_polygons([texts[0] + " %%"]) is None
