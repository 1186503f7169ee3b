"""The main window's modules import in one direction: window.py uses its flows (files, selfcare, practice, marking),
no module of the package is on an import cycle (imports inside functions count), and importing the window pulls in
neither numpy nor shapely, so its first frame paints before the core loads."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hipmap" / "ui" / "mainwindow"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The dotted names a file imports, at the top or inside a function (``from . import x`` gives the package
    and the package's x: whichever of them is a module counts)."""
    package = module_name(path).split(".") if path.name == "__init__.py" else module_name(path).split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in (ROOT / "hipmap").rglob("*.py")}
    return {name: {m for m in imports(path) if m in files and m != name} for name, path in files.items()}


def reachable(graph, start: str) -> set[str]:
    seen, todo = set(), list(graph[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    return seen


def test_no_module_of_the_main_window_is_on_an_import_cycle(graph):
    names = [module_name(p) for p in sorted(PACKAGE.glob("*.py"))]
    assert "hipmap.ui.mainwindow.window" in names and "hipmap.ui.mainwindow.files" in names
    on_cycle = [name for name in names if name in reachable(graph, name)]
    assert not on_cycle, on_cycle


def test_the_flows_never_import_the_window(graph):
    window = "hipmap.ui.mainwindow.window"
    flows = [module_name(p) for p in sorted(PACKAGE.glob("*.py")) if p.name != "window.py"]
    assert not [name for name in flows if window in reachable(graph, name)]


def test_importing_the_window_loads_no_numpy_or_shapely():
    code = "import sys, hipmap.ui.mainwindow.window; print(sorted(m for m in ('numpy', 'shapely') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


FIRST_FRAME = """
import sys
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from hipmap.ui.mainwindow.window import MainWindow
window = MainWindow(settings=QSettings(sys.argv[1], QSettings.IniFormat))
window.resize(1360, 880)
def painted():
    print(sorted(name for name, module in (("Qt", QtCore), ("QStyle", QtWidgets), ("QMessageBox", QtWidgets)) if name in vars(module)))
    app.quit()
window.first_frame.painted.connect(painted)
window.show()
app.exec()
"""


def test_the_first_frame_paints_without_building_qts_namespace(tmp_path):
    """PySide builds a class's enums when the class is first used: Qt's namespace (~90 enums, ~15 ms) and QStyle's
    (~5 ms) are a fifth of the first frame's time, so what paints it sets Qt's values by name or as ints, and imports
    Qt, QStyle and QMessageBox where they are used, after it."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIPMAP_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(tmp_path / "settings.ini")], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
    from PySide6.QtCore import Qt

    from hipmap.ui.mainwindow.firstframe import BOTTOM_CENTRE

    assert BOTTOM_CENTRE == (Qt.AlignHCenter | Qt.AlignBottom).value


READY_FRAME = """
import sys
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from hipmap.ui.mainwindow.window import MainWindow
window = MainWindow(settings=QSettings(sys.argv[1], QSettings.IniFormat))
window.resize(1360, 880)
def ready():  # after the first paint that takes marks
    built = sorted(name for name in ("Qt", "QStyle", "QMessageBox") if name in vars(QtCore) or name in vars(QtWidgets))
    from PySide6.QtCore import Qt
    print(built, window.first_frame.cursor().shape() == Qt.CrossCursor)
    app.quit()
def first():
    from hipmap.ui.app import take_early_marks, warm_start
    window.first_frame.live.connect(ready)
    print("took", take_early_marks(window, warm_start()))
window.first_frame.painted.connect(lambda: QTimer.singleShot(0, first))
window.show()
app.exec()
"""


def test_the_frame_that_takes_marks_paints_without_building_qts_namespace(tmp_path):
    """A warm start: the first frame takes marks (a cross cursor over it) and paints again, still without Qt's
    namespace, so marking works ~15 ms sooner; the namespace comes with the atlas, a turn later."""
    import os

    from hipmap.core import warmstart

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIPMAP_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT),
               **{warmstart.ENV_DIR: str(tmp_path / "cache")})  # fmt: skip
    env.pop(warmstart.ENV_OFF, None)
    fill = "from hipmap.core.warmstart import load_with_matcher; load_with_matcher('en')"
    assert subprocess.run([sys.executable, "-c", fill], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120).returncode == 0
    out = subprocess.run([sys.executable, "-c", READY_FRAME, str(tmp_path / "settings.ini")], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["took True", "[] True"], out.stdout + out.stderr


def test_the_cross_cursor_made_without_qts_namespace_is_qts_cross(qapp):
    from PySide6.QtCore import Qt

    from hipmap.ui.mainwindow.firstframe import CROSS_CURSOR_SHAPE, cross_cursor

    assert cross_cursor().shape() == Qt.CrossCursor and CROSS_CURSOR_SHAPE == Qt.CrossCursor.value


def test_the_first_frames_body_keeps_its_holes(qapp):
    """Rings of one orientation, as the light cache may hold them: odd-even filling keeps the inner one a hole."""
    from PySide6.QtCore import QPointF

    from hipmap.ui.mainwindow.firstframe import rings_path

    outer = [(0, 0), (100, 0), (100, 100), (0, 100)]
    hole = [(40, 40), (60, 40), (60, 60), (40, 60)]
    path = rings_path([outer, hole])
    assert path.contains(QPointF(10, 10)) and not path.contains(QPointF(50, 50))
