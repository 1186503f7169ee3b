"""Issue 16, item 8: every setting is read with a type, a range and a default, so no value in hipmap.conf stops
the app starting."""

import os
import re
import stat
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


# ------------------------------------------------------------------ a value Qt reads with QDataStream (fuzz case)

# Fuzz, settings seed 17 case 1508: "\t" is type 9 (a list of variants) and "enso" its length, 1.7 billion: Qt
# aborts with std::bad_alloc when the [tools] section is first read, which no Python code can catch.
ABORTING_CONF = "[view]\ntab=1\n[tools]\nbrush=12\nintensity=@Variant(\\0\\0\\0\\tensor_fasciae_latae)\n"

WINDOW_SCRIPT = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from hipmap.ui.mainwindow.window import MainWindow
app = QApplication([])
settings = QSettings(sys.argv[1], QSettings.IniFormat)
window = MainWindow(settings=settings)
print(repr(settings.value("tools/brush")), repr(settings.value("tools/intensity")), sorted(settings.allKeys()))
settings.setValue("tools/brush", 13)
settings.sync()  # writing parses every section: the whole file must be safe
window.deleteLater()
"""


def test_a_damaged_variant_value_reads_as_not_set_instead_of_aborting(tmp_path):
    import os
    import subprocess
    import sys

    conf = tmp_path / "hipmap.conf"
    conf.write_text(ABORTING_CONF)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", WINDOW_SCRIPT, str(conf)], capture_output=True, text=True, timeout=120,
                         env=env, cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "12 5 ['tools/brush', 'tools/intensity', 'view/tab']"  # 5: the default
    assert "tensor" not in conf.read_text() and "brush=13" in conf.read_text()


# A harmless @Variant (the int 5), written in each way Qt reads one: Qt turns every one of these into 5, so each
# must be found and dropped; the values around it are kept.
FIVE = "\\0\\0\\0\\x2\\0\\0\\0\\x5"
HIDDEN_VARIANTS = {
    "plain": f"@Variant({FIVE})",
    "quoted": f'"@Variant({FIVE})"',
    "split by quotes": f'@Var"iant("{FIVE})',
    "hex at": f"\\x40Variant({FIVE})",
    "long hex at": f"\\x10040Variant({FIVE})",
    "octal at": f"\\100Variant({FIVE})",
    "list item": f"x, @Variant({FIVE})",
    "continued line": f"@Var\\\niant({FIVE})",
    "spaces": f"   @Variant({FIVE})   ",
    "date": '@DateTime(\\0\\0\\0\\x10\\0\\0\\0\\0\\0\\0%\\x8e\\xc5\\x3\\xc1\\"\\xb6\\0)',  # as Qt writes a QDateTime
}


@pytest.mark.parametrize("value", HIDDEN_VARIANTS.values(), ids=HIDDEN_VARIANTS.keys())
def test_every_way_of_writing_a_variant_is_dropped(tmp_path, value):
    path = tmp_path / "s.conf"
    text = f"[a]\nbefore=1\nv={value}\nafter=\"x;y\"\ntext=@@Variant(not one)\n; v2=@Variant({FIVE})\n"
    path.write_text(text)
    os.chmod(path, 0o640)
    as_qt_reads_it = QSettings(str(path), QSettings.IniFormat).value("a/v")
    assert as_qt_reads_it is not None and not isinstance(as_qt_reads_it, str)  # a variant, or a list holding one
    assert typed.drop_datastream_values(path) == 1
    s = QSettings(str(path), QSettings.IniFormat)
    assert s.value("a/v") is None
    assert (s.value("a/before"), s.value("a/after"), s.value("a/text")) == ("1", "x;y", "@Variant(not one)")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert typed.drop_datastream_values(path) == 0


def test_a_settings_object_already_made_reads_the_file_again(tmp_path):
    path = tmp_path / "s.conf"
    path.write_text(f"[a]\nv=@Variant({FIVE})\nw=2\n")
    s = QSettings(str(path), QSettings.IniFormat)  # has the file's text, parses [a] when first asked
    assert typed.drop_unreadable_values(s) == 1
    assert s.value("a/v") is None and s.value("a/w") == "2"


def test_the_app_drops_a_damaged_variant_before_its_first_settings_read(tmp_path):
    import subprocess
    import sys

    conf = tmp_path / "config" / "hipmap" / "hipmap.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(ABORTING_CONF)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", GUARD_SCRIPT], capture_output=True, text=True, timeout=60, env=env,
                         cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "'12'"  # the file is usable: no problem to report
    assert conf.read_text() == "[view]\ntab=1\n[tools]\nbrush=12\n\n"
