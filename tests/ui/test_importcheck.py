"""PySide's question to every imported module ("does your source mention PySide6?"), answered without linecache."""

import subprocess
import sys
import types
from pathlib import Path

import pytest

from hipmap.ui.kit import importcheck

ROOT = Path(__file__).resolve().parents[2]


def _pyside_own():
    module = importcheck._feature_module()
    if module is None:
        pytest.skip("this PySide has no import hook to lighten")
    return module._mod_uses_pyside.pyside_own


def test_the_quick_check_answers_as_pyside_s_own_for_every_module_loaded():
    import numpy  # noqa: F401  (modules that do not use PySide, beside the interface's, which do)
    import shapely  # noqa: F401

    import hipmap.core.pain.matching  # noqa: F401
    import hipmap.ui.mainwindow.window  # noqa: F401

    own = _pyside_own()
    quick = importcheck.quick_check(own)
    # (modules with no file are handed to PySide's own check: the next test)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType) and isinstance(getattr(m, "__file__", None), str)]
    answers = {m.__name__: quick(m) for m in modules}
    assert answers == {m.__name__: own(m) for m in modules}
    assert answers["hipmap.ui.mainwindow.window"] and not answers["numpy"] and not answers["hipmap.core.pain.matching"]


def test_a_module_without_a_source_file_is_asked_of_pyside_s_own_check(tmp_path):
    asked = []
    quick = importcheck.quick_check(lambda m: asked.append(m.__name__) or True)
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.cpython-311-x86_64-linux-gnu.so")
    assert quick(gone) and quick(compiled) and quick(types.ModuleType("builtin"))
    assert asked == ["gone", "compiled", "builtin"]


def test_installing_twice_wraps_once_and_a_pyside_without_the_hook_is_left_alone(monkeypatch):
    own = _pyside_own()
    module = importcheck._feature_module()
    assert importcheck.install() and importcheck.install()
    assert module._mod_uses_pyside.pyside_own is own
    for name in importcheck._FEATURE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert importcheck.install() is False


def test_after_the_window_is_up_numpy_and_the_core_are_imported_without_keeping_their_sources():
    script = (
        "import linecache, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import hipmap.ui.mainwindow.window\n"
        "import hipmap.core.pain.matching\n"
        "kept = [f for f in linecache.cache if 'numpy' in f or 'shapely' in f or 'hipmap/core' in f.replace(chr(92), '/')]\n"
        "print(len(kept), 'numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.stdout.split() == ["0", "True"], done.stderr
