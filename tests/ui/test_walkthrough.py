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


def test_the_walkthrough_reports_a_table_that_cuts_its_cells(qapp, qtbot):
    """The builder's steps at 2x text: a column narrower than its titles, rows lower than their lines."""
    from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableWidget, QTableWidgetItem

    tool = _tool()
    window = QMainWindow()
    qtbot.addWidget(window)
    table = QTableWidget(2, 2)
    table.setWordWrap(False)
    table.setHorizontalHeaderLabels(["Step", "Side"])
    for row in range(2):
        table.setItem(row, 0, QTableWidgetItem("Tennis ball: Vastus lateralis (outer thigh muscle)"))
        table.setItem(row, 1, QTableWidgetItem("Right"))
    window.setCentralWidget(table)
    window.resize(600, 300)
    window.show()
    qtbot.waitExposed(window)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    qapp.processEvents()
    assert not tool.clipped(window)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
    table.setColumnWidth(0, 60)
    table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
    table.verticalHeader().setMinimumSectionSize(2)
    table.setRowHeight(1, 6)
    qapp.processEvents()
    cut = [control for control, _why in tool.clipped(window)]
    assert any("column 'Step'" in c for c in cut) and any("row 2" in c for c in cut) and not any("row 1" in c for c in cut), cut


def test_the_builder_steps_table_shows_whole_titles_at_2x_text(window, qtbot, qapp):
    from hipmap.ui.kit import style

    base = qapp.font()
    qapp.setFont(style.scaled_font(base, 2.0))
    try:
        window.document.add_region("lateral_thigh", "right", 6)
        builder = window.selfcare.open_builder()
        qtbot.waitExposed(builder)
        qapp.processEvents()
        assert builder.table.rowCount() >= 2
        assert not _tool()._cut_cells(builder.table)
        builder.close()
    finally:
        qapp.setFont(base)
