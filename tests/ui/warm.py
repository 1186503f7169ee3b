"""Helpers for the tests of a window started from the warm-start cache."""

from hipmap.core import warmstart


def use_cache_folder(monkeypatch, folder) -> None:
    """The warm-start cache in FOLDER for this test, switched on whatever the environment says."""
    monkeypatch.setenv(warmstart.ENV_DIR, str(folder))
    monkeypatch.delenv(warmstart.ENV_OFF, raising=False)


def attach_from_cache(win, warm):
    """Load the atlas and its index through WARM and attach them, as hipmap.ui.app.main() does; the WarmStart
    that loaded them."""
    from hipmap.ui.app import load_content

    loaded, cached_matcher, again = load_content(warm)
    win.attach(loaded, cached_matcher)
    win.files.autosave_timer.stop()
    return again


def close_clean(win) -> None:
    """Close with nothing to ask about and no autosave to offer next time."""
    win.document.undo_stack.setClean()
    win.files.clear_autosave()
    win.close()
