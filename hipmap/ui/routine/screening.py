"""The warning-signs screen: yes/no questions, then calm advice on whom to see and how soon."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.content.safety import RedFlags, Screening, ScreeningResult, evaluate
from ..kit import style
from ..kit.i18n import translate
from ..kit.windows import fit_to_screen

def advice_html(red_flags: RedFlags, result: ScreeningResult, palette) -> str:
    """The advice as rich text: most urgent first, each with its heading; the note last."""
    e = html.escape
    parts = []
    if result.advice:
        edge = style.warning_edge(palette).name()
        for advice in result.advice:
            parts.append(f"<h3 style='color:{edge}'>{e(advice.title)}</h3><p>{e(advice.text)}</p>")
    elif result.complete:
        parts.append(
            translate("screening", "<h3>No warning signs</h3><p>You answered no to every question. If anything changes, run this check again.</p>")
        )
    else:
        parts.append(translate("screening", "<h3>Some questions are unanswered</h3><p>Please answer every question.</p>"))
    parts.append(f"<p><i>{e(red_flags.note)}</i></p>")
    return "".join(parts)


class ScreeningDialog(QDialog):
    """Asks every question (each a Yes/No pair, reachable by keyboard) and shows the advice."""

    def __init__(self, red_flags: RedFlags, nerve_signs: bool = False, parent=None):
        super().__init__(parent)
        self.red_flags = red_flags
        self.nerve_signs = nerve_signs
        self.setWindowTitle(translate("screening", "Check for warning signs"))
        self.setAccessibleName(translate("screening", "Check for warning signs"))
        self.groups: dict[str, QButtonGroup] = {}
        intro = QLabel(
            translate("screening", "Before self-care, please answer these questions. A yes does not mean something is wrong, but it means a doctor should check you first.")
        )
        intro.setWordWrap(True)
        form = QWidget()
        grid = QGridLayout(form)
        for row, question in enumerate(red_flags.questions):
            text = QLabel(question.question)
            text.setWordWrap(True)
            if question.help:
                text.setToolTip(question.help)
            yes, no = QRadioButton(translate("screening", "Yes")), QRadioButton(translate("screening", "No"))
            for button, word in ((yes, translate("screening", "Yes")), (no, translate("screening", "No"))):
                button.setAccessibleName(f"{word}: {question.question}")
            group = QButtonGroup(self)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idToggled.connect(lambda *_: self.refresh())
            self.groups[question.id] = group
            text.setBuddy(yes)
            grid.addWidget(text, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(translate("screening", "Questions"))
        self.advice = QTextBrowser()
        self.advice.setAccessibleName(translate("screening", "Advice"))
        self.advice.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.advice, 2)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 720)
        self.refresh()

    def answers(self) -> Screening:
        values = {}
        for question_id, group in self.groups.items():
            checked = group.checkedId()
            values[question_id] = None if checked < 0 else bool(checked)
        return Screening(values)

    def result(self) -> ScreeningResult:
        return evaluate(self.red_flags, self.answers(), nerve_signs=self.nerve_signs)

    def refresh(self):
        self.advice.setHtml(advice_html(self.red_flags, self.result(), self.palette()))

    def set_answer(self, question_id: str, value: bool):
        self.groups[question_id].button(1 if value else 0).setChecked(True)


def nerve_banner_html(red_flags: RedFlags) -> str:
    advice = red_flags.nerve_signs
    return (
        translate("screening", "<b>{escape}.</b> {escape2} <a href='screen'>Check for warning signs…</a>").format(escape=html.escape(advice.title), escape2=html.escape(advice.text))
    )


def style_banner(label: QLabel, info: bool = False):
    """A note above the results: warning colours for safety, the accent for a plain reminder."""
    # The palette around the label: its own is the one this style sheet made (when the look changes, it is done again).
    palette = (label.parentWidget() or label).palette()
    background = palette.alternateBase().color() if info else style.warning_background(palette)
    edge = style.accent(palette) if info else style.warning_edge(palette)
    text = palette.color(palette.ColorRole.WindowText)
    label.setStyleSheet(f"QLabel {{ background: {background.name()}; color: {text.name()}; border-left: 4px solid {edge.name()};"
                        " padding: 8px; }")
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText)
