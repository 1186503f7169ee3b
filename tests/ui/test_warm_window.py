"""The window started from the warm-start cache works as one started from the sources."""

from PySide6.QtCore import QSettings

from hipmap.core import warmstart

from .warm import close_clean, use_cache_folder


def test_a_window_from_the_cache_ranks_a_click_as_one_from_the_sources(qtbot, tmp_path, monkeypatch, atlas, matcher):
    from hipmap.ui.app import load_content
    from hipmap.ui.mainwindow.window import MainWindow

    use_cache_folder(monkeypatch, tmp_path / "cache")
    cold_atlas, cold_matcher, warm = load_content()
    assert cold_matcher is None and not warm.from_cache  # the first start: the index is built after the window
    from hipmap.core.pain.matching import Matcher

    assert warm.save(Matcher(cold_atlas))
    cached_atlas, cached_matcher, again = load_content()
    assert again.from_cache and cached_matcher is not None and cached_matcher.atlas is cached_atlas
    assert not again.save(cached_matcher)  # nothing to write: it came from the cache

    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    win.attach(cached_atlas, cached_matcher)
    win.files.autosave_timer.stop()
    win.resize(1360, 880)
    win.show()
    qtbot.waitExposed(win)
    assert win.document.matcher is cached_matcher
    win.document.add_region("lateral_thigh", "right", 6)
    keys = [(c.key, round(c.score, 12)) for c in win.document.result.candidates]
    from hipmap.core.pain.painmap import PainMap, region_marks

    expected = matcher.match(PainMap(tuple(region_marks(atlas, "lateral_thigh", "right", 6))))
    assert keys == [(c.key, round(c.score, 12)) for c in expected.candidates]
    close_clean(win)


def test_after_a_cold_start_the_cache_is_written_in_steps_while_the_window_goes_on(qtbot, tmp_path, monkeypatch):
    from hipmap.ui.app import CacheWriter, load_content

    use_cache_folder(monkeypatch, tmp_path / "cache")
    atlas, matcher, warm = load_content()
    assert matcher is None
    from hipmap.core.pain.matching import Matcher

    built = []
    writer = CacheWriter(warm, lambda: built.append(Matcher(atlas)) or built[-1])
    writer.start(0)
    assert not built  # nothing happens before the event loop runs
    qtbot.waitUntil(lambda: writer.done, timeout=20_000)
    warm.writer.join()
    _atlas, cached, again = load_content()
    assert again.from_cache and cached is not None
    # A write under way at quit is finished then.
    monkeypatch.setenv(warmstart.ENV_DIR, str(tmp_path / "other"))
    cold_atlas, none, other = load_content()
    late = CacheWriter(other, lambda: Matcher(cold_atlas))
    late.steps = other.save_steps(late.matcher(), background=True)
    next(late.steps)
    late.finish()
    assert late.done
    other.writer.join()
    assert load_content()[2].from_cache
