"""The scripted walkthrough (tools/walkthrough.py): every task by keyboard, in English and Spanish, at 1280x720
and at 2x text, in both contrasts; no control clipped, hidden or out of the keyboard's reach."""

import pytest

from tests.conftest import load_tool


def _tool():
    return load_tool("walkthrough")


@pytest.fixture(scope="module")
def report(qapp, tmp_path_factory):
    return _tool().run(workdir=tmp_path_factory.mktemp("walk"))


def test_the_walkthrough_covers_every_language_size_and_contrast(report):
    combos = {(r["language"], r["scale"], r["contrast"]) for r in report["runs"]}
    assert combos == {(lang, scale, contrast) for lang in ("en", "es") for scale in (1.0, 2.0) for contrast in ("normal", "high")}


def test_no_control_is_clipped_hidden_or_unreachable_and_every_task_works(report):
    found = [f["line"] for f in report["findings"]]
    assert not found, "\n".join(found)


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
