"""The warm-start cache: the same rankings with and without it; stale, damaged or unsafe caches are rebuilt silently."""

import os
import random
import shutil

import pytest

from hipmap.core import warmstart
from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.core.synthetic import random_click_map, random_painted_map

from .test_matching import PATTERNS, regions_map


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(warmstart.ENV_DIR, str(folder))
    monkeypatch.delenv(warmstart.ENV_OFF, raising=False)
    return folder


def _ranking(result):
    return [(c.muscle_id, c.side, round(c.score, 12), tuple(c.reasons)) for c in result.candidates], result.summary, [c.key for c in result.explaining]


def _maps(atlas):
    maps = []
    for _label, regions, _expected in PATTERNS:
        for side in ("right", "left"):
            maps.append(regions_map(atlas, regions, side=side))
    for view_id, region, side in (("posterior", "buttock_center", "left"), ("lateral_right", "lateral_thigh", "right"), ("anterior", "groin", "right")):
        maps.append(PainMap(tuple(m for m in region_marks(atlas, region, side, 6) if m.view == view_id)))
    rng = random.Random(7)
    maps += [random_click_map(atlas, rng) for _ in range(30)] + [random_painted_map(atlas, rng, 12) for _ in range(6)]
    return maps


def _load(**kw):
    warm = warmstart.WarmStart(**kw)
    atlas, matcher = warm.load()
    if matcher is None:
        from hipmap.core.pain.matching import Matcher

        matcher = Matcher(atlas)
        warm.save(matcher)
    return warm, atlas, matcher


def test_a_warm_start_ranks_exactly_as_a_load_from_the_sources(cache, atlas, matcher):
    cold, _a, _m = _load()
    assert not cold.from_cache
    assert warmstart.cache_file(None).is_file()
    assert oct(os.stat(cache).st_mode & 0o777) == "0o700"
    warm, warm_atlas, warm_matcher = _load()
    assert warm.from_cache
    assert list(warm_atlas.muscles) == list(atlas.muscles)
    for pm in _maps(atlas):
        # the same marks, matched by the index from the sources and by the one from the cache
        assert _ranking(warm_matcher.match(PainMap(pm.marks))) == _ranking(matcher.match(pm))


def _damage(path, how):
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(os.urandom(4096))
    elif how == "flipped byte":
        path.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    elif how == "other format":
        path.write_bytes(data[:12] + (warmstart.FORMAT + 1).to_bytes(4, "big") + data[16:])
    elif how == "other key":
        path.write_bytes(data[:16] + bytes(32) + data[48:])
    elif how == "a directory":
        path.unlink()
        path.mkdir()
    elif how == "a symlink":
        real = path.with_name("elsewhere.pickle")
        path.rename(real)
        path.symlink_to(real)


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "flipped byte", "other format", "other key", "a directory", "a symlink"])
def test_a_damaged_cache_is_ignored_and_rebuilt(cache, atlas, matcher, how, monkeypatch):
    _load()
    path = warmstart.cache_file(None)
    _damage(path, how)
    loads = []
    real_loads = warmstart.pickle.loads
    monkeypatch.setattr(warmstart.pickle, "loads", lambda data: loads.append(1) or real_loads(data))
    warm, _a, again = _load()
    assert not warm.from_cache
    assert not loads  # nothing damaged is ever unpickled
    pm = regions_map(atlas, ["lateral_thigh", "lateral_leg"])
    assert _ranking(again.match(pm)) == _ranking(matcher.match(pm))
    if how == "a directory":
        shutil.rmtree(path)
        _load()
    monkeypatch.setattr(warmstart.pickle, "loads", real_loads)
    rebuilt, _a, from_cache = _load()
    assert rebuilt.from_cache and not path.is_symlink()
    assert _ranking(from_cache.match(pm)) == _ranking(matcher.match(pm))


def test_a_change_to_any_data_file_makes_the_cache_stale(cache, tmp_path, atlas):
    from hipmap import default_assets_dir, default_data_dir

    data, assets = tmp_path / "data", tmp_path / "assets"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), assets)
    assert not _load(data_dir=data, assets_dir=assets)[0].from_cache
    assert _load(data_dir=data, assets_dir=assets)[0].from_cache
    muscle = data / "muscles" / "piriformis.yaml"
    muscle.write_text(muscle.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert not _load(data_dir=data, assets_dir=assets)[0].from_cache
    (assets / "views" / "new.txt").write_text("a new file changes the key too")
    assert not _load(data_dir=data, assets_dir=assets)[0].from_cache
    assert _load(data_dir=data, assets_dir=assets)[0].from_cache


def test_an_unsafe_cache_folder_is_never_used(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    monkeypatch.setenv(warmstart.ENV_DIR, str(link))
    monkeypatch.delenv(warmstart.ENV_OFF, raising=False)
    warm, _a, _m = _load()
    assert not warm.from_cache and list(real.iterdir()) == []
    assert not _load()[0].from_cache


def test_the_cache_can_be_switched_off(cache, monkeypatch):
    monkeypatch.setenv(warmstart.ENV_OFF, "1")
    _load()
    _load()
    assert not cache.exists()


def test_check_data_always_reads_the_sources(cache, tmp_path):
    from hipmap import default_assets_dir, default_data_dir
    from hipmap.__main__ import main

    data, assets = tmp_path / "data", tmp_path / "assets"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), assets)
    _load(data_dir=data, assets_dir=assets)  # a good cache for these files...
    muscle = data / "muscles" / "piriformis.yaml"
    muscle.write_text(muscle.read_text(encoding="utf-8").replace("id: piriformis", "id: [broken"), encoding="utf-8")
    assert main(["check-data", "--data", str(data), "--assets", str(assets)]) == 1  # ...is not what is checked


def test_a_warm_start_gives_the_same_warning_signs_without_reading_yaml(cache, monkeypatch):
    from hipmap import default_data_dir
    from hipmap.core.content import fields, safety

    path = default_data_dir() / safety.FILE_NAME
    from_sources = safety.load_red_flags(path)
    _load()  # cold: the cache is written, with the red-flag screen
    assert _load()[0].from_cache
    read = []
    real_load = fields._load
    monkeypatch.setattr(fields, "_load", lambda col, file: read.append(file) or real_load(col, file))
    assert safety.load_red_flags(path) == from_sources and read == []  # from the cache, once...
    assert safety.load_red_flags(path) == from_sources and read  # ...then from the files again


def test_warning_signs_with_problems_are_not_cached_so_the_window_can_say_what_is_wrong(cache, tmp_path):
    from hipmap import default_assets_dir, default_data_dir
    from hipmap.core.content import safety
    from hipmap.core.content.problems import DataError

    data, assets = tmp_path / "data", tmp_path / "assets"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), assets)
    flags = data / safety.FILE_NAME
    flags.write_text(flags.read_text(encoding="utf-8").replace("questions:", "questions: [broken", 1), encoding="utf-8")
    _load(data_dir=data, assets_dir=assets)
    assert _load(data_dir=data, assets_dir=assets)[0].from_cache
    with pytest.raises(DataError):
        safety.load_red_flags(flags)


def test_a_warm_start_imports_neither_yaml_nor_the_loaders(cache):
    script = (
        "import sys\n"
        "from hipmap.core.warmstart import WarmStart\n"
        "from hipmap.core.content.safety import load_red_flags\n"
        "warm = WarmStart()\n"
        "atlas, matcher = warm.load()\n"
        "load_red_flags(warm.data_dir / 'red_flags.yaml')\n"
        "print(warm.from_cache, sorted(m for m in ('yaml', 'hipmap.core.content.atlas', 'hipmap.core.content.views') if m in sys.modules))\n"
    )
    first, errors = _first_line_with_cache(script, cache)
    assert first == "True []", errors


def _first_line_with_cache(script: str, cache) -> tuple[str, str]:
    """The cache filled, SCRIPT run in a fresh Python process that uses it: (the first line it printed, what it
    wrote to stderr)."""
    import subprocess
    import sys

    _load()
    env = dict(os.environ, **{warmstart.ENV_DIR: str(cache)})
    env.pop(warmstart.ENV_OFF, None)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    return done.stdout.split("\n")[0], done.stderr


# ------------------------------------------------------------------------------------ the first frame's light part

def test_the_light_geometry_is_the_atlas_s_own_body_outline(cache, atlas):
    """One source of truth: every view's body, as plain rings, equals the atlas's shape to 1e-6; and the light part
    holds only what the first frame reads."""
    import shapely
    from shapely.geometry import Polygon

    _load()
    light = warmstart.WarmStart().load_light()
    assert light is not None and set(light) == set(atlas.views)

    def same(rings, shape):
        # rings back to polygons (even-odd: a ring inside another is its hole), compared with the shape itself
        rebuilt = Polygon()
        for ring in rings:
            rebuilt = shapely.symmetric_difference(rebuilt, Polygon(ring))
        assert shapely.symmetric_difference(rebuilt, shape).area < 1e-6
        coords = [c for polygon in getattr(shape, "geoms", (shape,)) for ring in (polygon.exterior, *polygon.interiors) for c in ring.coords]
        flat = [c for ring in rings for c in ring]
        assert len(flat) == len(coords) and max(abs(a - b) for p, q in zip(flat, coords) for a, b in zip(p, q)) <= 1e-6

    for view_id, view in atlas.views.items():
        part = light[view_id]
        assert set(part) == {"title", "viewbox", "svg_file", "mirrored", "body"}
        assert part["viewbox"] == tuple(view.viewbox) and part["mirrored"] == view.mirrored
        assert set(part["body"]) == set(view.body)
        for side, shape in view.body.items():
            same(part["body"][side], shape)


def test_the_light_part_is_read_without_numpy_or_shapely(cache):
    script = (
        "import sys\n"
        "from hipmap.core.warmstart import WarmStart\n"
        "light = WarmStart().load_light()\n"
        "print(sorted(light), sorted(m for m in ('numpy', 'shapely', 'yaml') if m in sys.modules))\n"
    )
    first, errors = _first_line_with_cache(script, cache)
    assert first == "['anterior', 'lateral_left', 'lateral_right', 'posterior'] []", errors


def test_a_damaged_stale_or_foreign_light_part_is_not_used(cache, tmp_path):
    import pickle

    _load()
    path = warmstart.light_file(None)
    good = path.read_bytes()
    assert warmstart.WarmStart().load_light()
    path.write_bytes(good[:-10])  # truncated
    assert warmstart.WarmStart().load_light() is None
    path.write_bytes(good[:60] + bytes([good[60] ^ 1]) + good[61:])  # one bit flipped
    assert warmstart.WarmStart().load_light() is None
    # a well-formed file under the right key whose payload names a class: refused, nothing imported
    key = warmstart.content_key(warmstart.WarmStart().data_dir, warmstart.WarmStart().assets_dir, None)
    assert warmstart.write(path, key, {"posterior": tmp_path})  # a Path object: not plain data
    assert warmstart.WarmStart().load_light() is None
    assert warmstart.write(path, b"\x00" * 32, pickle.loads(pickle.dumps({"posterior": {}})))  # another key: stale
    assert warmstart.WarmStart().load_light() is None
    # the next save writes it again
    warm, atlas, matcher = _load(use_cache=True)
    warm.from_cache = False
    assert warm.save(matcher)
    assert warmstart.WarmStart().load_light() is not None


def test_the_cache_written_in_steps_and_a_thread_is_only_there_once_whole(cache):
    from hipmap.core.pain.matching import Matcher

    cold = warmstart.WarmStart()
    atlas, matcher = cold.load()
    assert matcher is None
    steps = cold.save_steps(Matcher(atlas), background=True)
    next(steps)  # the atlas and matcher pickled: nothing written yet
    assert not warmstart.cache_file(None).exists() and not warmstart.light_file(None).exists()
    with pytest.raises(StopIteration) as done:
        next(steps)
    assert done.value.value is True
    cold.writer.join()
    assert not cold.writer.is_alive()
    warm, warm_atlas, warm_matcher = _load()
    assert warm.from_cache and warm_matcher is not None and list(warm_atlas.muscles) == list(atlas.muscles)
    assert warmstart.WarmStart().load_light() is not None
    # A start from the cache has nothing to write, in steps or at once.
    again = warmstart.WarmStart()
    _atlas, cached = again.load()
    with pytest.raises(StopIteration) as nothing:
        next(again.save_steps(cached, background=True))
    assert nothing.value.value is False and again.writer is None
