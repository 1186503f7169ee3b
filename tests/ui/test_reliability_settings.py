"""Issue 16, item 8: every setting is read with a type, a range and a default, so no value in hipmap.conf stops
the app starting."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from hipmap.ui.kit import settings as typed

HIPMAP_UI = Path(__file__).resolve().parents[2] / "hipmap" / "ui"

CONFS = [
    "[tools]\nbrush=abc\n",
    "[tools]\nintensity=5.5\n",
    "[view]\ntab=abc\n",
    "[tools]\nbrush=99999999999999999999999999\nintensity=-99999999999999999999999\n",
    "[view]\ntab=99\nlayout=@Rect(1 2 3 4)\nhigh_contrast=@Size(1 2)\n",
    "[window]\ngeometry=hello\nsplitter=1, 2, 3\n",
    "[files]\nrecent=@Point(1 2)\n[store]\nperson=a, b\npath=@Invalid()\n",
    "[tools]\nbrush=\nintensity=\n[view]\ntab=\n[language]\nlanguage=@ByteArray(\\xff)\n",
]


@pytest.mark.parametrize("conf", CONFS)
def test_a_bad_settings_value_does_not_stop_the_window(qtbot, atlas, matcher, tmp_path, conf):
    from hipmap.ui.mainwindow.window import MainWindow

    path = tmp_path / "hipmap.conf"
    path.write_text(conf)
    window = MainWindow(atlas, matcher, settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.files.autosave_timer.stop()
    assert 4 <= window.marking.brush_spin.value() <= 40 and 0 <= window.marking.intensity_slider.value() <= 10
    assert 0 <= window.tabs.currentIndex() < 4
    assert all(isinstance(p, str) for p in window.files._recent())
    window.document.undo_stack.setClean()
    window.files.clear_autosave()


def test_the_defaults_stand_in_for_wrong_values(tmp_path):
    path = tmp_path / "s.conf"
    path.write_text(
        "[a]\nint=abc\nfloat=5.5\nhuge=99999999999999999999999\nok=7\nneg=-3\nb1=true\nb2=maybe\nf=0.25\nnan=nan\n"
        "c=side\nlist=@Rect(1 2 3 4)\none=x\nctrl=\"a\\tb\"\nwhen=2026-01-01T00:00:00+00:00\nnaive=2026-01-01\n"
    )
    s = QSettings(str(path), QSettings.IniFormat)
    assert typed.read_int(s, "a/int", 12, 4, 40) == 12
    assert typed.read_int(s, "a/float", 5, 0, 10) == 5
    assert typed.read_int(s, "a/huge", 12, 4, 40) == 12
    assert typed.read_int(s, "a/ok", 12, 4, 40) == 7
    assert typed.read_int(s, "a/neg", 0, 0, 3) == 0
    assert typed.read_int(s, "a/missing", 3, 0, 3) == 3
    assert typed.read_bool(s, "a/b1", False) is True and typed.read_bool(s, "a/b2", False) is False
    assert typed.read_float(s, "a/f", 1.0, 0.0, 1.0) == 0.25 and typed.read_float(s, "a/nan", 1.0, 0.0, 1.0) == 1.0
    assert typed.read_choice(s, "a/c", "tabs", ("tabs", "side")) == "side"
    assert typed.read_choice(s, "a/list", "tabs", ("tabs", "side")) == "tabs"
    assert typed.read_str_list(s, "a/list", 8) == [] and typed.read_str_list(s, "a/one", 8) == ["x"]
    assert typed.read_str(s, "a/ctrl", "d") == "d" and typed.read_str(s, "a/list", "d") == "d"
    assert typed.read_bytes(s, "a/one") is None
    assert typed.read_datetime(s, "a/when") is not None and typed.read_datetime(s, "a/naive") is None


def test_every_settings_read_in_the_ui_is_typed():
    untyped = []
    for path in HIPMAP_UI.rglob("*.py"):
        if path.name == "settings.py" and path.parent.name == "kit":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"settings(\(\))?\)?\.value\(", line):
                untyped.append(f"{path.relative_to(HIPMAP_UI)}:{n}: {line.strip()}")
    assert not untyped, "\n".join(untyped)


# ------------------------------------------------------------------------------------- item 6, in the window

EMPTY_MARK = b'{"format":"hipmap.painmap","version":1,"marks":[{"view":"posterior","geometry":{"type":"Polygon","coordinates":[]}}]}'


def test_the_window_refuses_a_map_with_an_empty_mark_and_keeps_drawing(window, tmp_path, no_modal_dialogs):
    path = tmp_path / "empty.hipmap.json"
    path.write_bytes(EMPTY_MARK)
    assert window.files.open_path(path) is False
    assert "the shape is empty" in no_modal_dialogs[-1]
    assert window.document.painmap.is_empty()
    assert window.document.add_stroke("posterior", [(300, 400), (310, 420)], 12, 5)  # later edits still work
    assert len(window.document.painmap.marks) == 1


# ------------------------------------------------------------------------------------- item 7: the settings file


GUARD_SCRIPT = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from hipmap.ui.kit import settings
app = QApplication([])
app.setOrganizationName("hipmap"); app.setApplicationName("hipmap")
problem = settings.guard_settings_file()
print(repr(QSettings().value("tools/brush")), problem)
"""


@pytest.mark.parametrize("kind", ["fifo", "folder", "huge"])
def test_a_settings_file_that_is_not_a_file_does_not_hang_the_start(tmp_path, kind):
    import os
    import subprocess
    import sys

    conf = tmp_path / "config" / "hipmap" / "hipmap.conf"
    conf.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(conf)
    elif kind == "folder":
        conf.mkdir()
    else:
        conf.write_text("[tools]\nbrush=20\n" + "#" * 2_000_000 + "\n")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", GUARD_SCRIPT], capture_output=True, text=True, timeout=60, env=env,
                         cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("None ") and str(conf) in out.stdout
    assert not conf.is_file() or conf.stat().st_size > 2_000_000  # left alone


def test_the_first_frame_skips_a_drawing_that_is_not_a_regular_file(qtbot, tmp_path):
    import os
    import shutil

    from hipmap import default_assets_dir
    from hipmap.ui.mainwindow.firstframe import FirstFrame

    assets = tmp_path / "assets"
    shutil.copytree(default_assets_dir(), assets)
    (assets / "views" / "posterior.svg").unlink()
    os.mkfifo(assets / "views" / "posterior.svg")
    frame = FirstFrame(assets, ["posterior", "anterior"])  # must not wait on the FIFO
    qtbot.addWidget(frame)
    assert frame.drawings[0][0] is None and frame.drawings[1][0] is not None
    frame.grab()
