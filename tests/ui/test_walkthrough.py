"""The scripted walkthrough (tools/walkthrough.py): every task by keyboard, in English and Spanish, at 1280x720
and at 2x text, in both contrasts; no control clipped, hidden or out of the keyboard's reach."""

import time

import pytest

from tests.conftest import load_tool

# Found by the walkthrough, fixed on the walkthrough-a branch (issue 15): expected to fail here until it is merged.
WARNING_SIGNS_KEYS = "walkthrough-a, issue 15 (warning-signs keyboard): Tab does not reach the No answers"
PLAYER_CLOSE = "walkthrough-a, issue 15 (routine player Close): the finished player has no keyboard way to close"


def _tool():
    return load_tool("walkthrough")


def is_warning_signs_keys(f) -> bool:
    return f["check"] == "unreachable" and f["control"].startswith("QRadioButton 'No:")


def is_player_close(f) -> bool:
    return f["check"] == "unreachable" and f["control"] == "closing the finished routine"


@pytest.fixture(scope="module")
def report(qapp, tmp_path_factory):
    started = time.perf_counter()
    result = _tool().run(workdir=tmp_path_factory.mktemp("walk"))
    result["wall_s"] = time.perf_counter() - started
    return result


def test_the_walkthrough_covers_every_language_size_and_contrast_quickly(report):
    combos = {(r["language"], r["scale"], r["contrast"]) for r in report["runs"]}
    assert combos == {(lang, scale, contrast) for lang in ("en", "es") for scale in (1.0, 2.0) for contrast in ("normal", "high")}
    assert report["wall_s"] < 120  # about 35 s on a quiet machine


def test_no_control_is_clipped_hidden_or_unreachable_and_every_task_works(report):
    others = [f["line"] for f in report["findings"] if not (is_warning_signs_keys(f) or is_player_close(f))]
    assert not others, "\n".join(others)


@pytest.mark.xfail(strict=True, reason=WARNING_SIGNS_KEYS)
def test_the_warning_signs_answers_are_reached_by_tab(report):
    found = [f["line"] for f in report["findings"] if is_warning_signs_keys(f)]
    assert not found, "\n".join(found[:3])


@pytest.mark.xfail(strict=True, reason=PLAYER_CLOSE)
def test_the_finished_player_closes_by_keyboard(report):
    found = [f["line"] for f in report["findings"] if is_player_close(f)]
    assert not found, "\n".join(found[:3])


def test_the_walkthrough_reports_a_clipped_control(qapp, qtbot):
    """The checks themselves: a button narrower than its text, a toolbar command hidden, a control Tab skips."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow, QPushButton, QToolBar, QVBoxLayout, QWidget

    tool = _tool()
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    layout = QVBoxLayout(central)
    button = QPushButton("A button with a rather long text")
    layout.addWidget(button)
    window.setCentralWidget(central)
    bar = QToolBar()
    for i in range(30):
        bar.addAction(f"Command {i}")
    window.addToolBar(bar)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    button.setFixedWidth(40)
    qapp.processEvents()
    assert any("A button" in control for control, _why in tool.clipped(window))
    assert any("Command 29" in control for control, _why in tool.hidden(window))
    lonely = QPushButton("Lonely")
    lonely.setFocusPolicy(Qt.NoFocus)  # Tab skips it and it has no shortcut: the keyboard cannot press it
    layout.addWidget(lonely)
    qapp.processEvents()
    button.setFocus()
    assert any("Lonely" in control for control, _why in tool.unreachable(window))
