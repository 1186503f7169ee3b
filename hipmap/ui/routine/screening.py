"""The warning-signs screen: yes/no questions, then calm advice on whom to see and how soon."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.content.safety import RedFlags, Screening, ScreeningResult, evaluate
from ..kit import colors, style
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


class _Answer(QRadioButton):
    """Yes or No of one question. The keys: Left and Right choose between the two (as a radio group does, even
    before a first answer), Y and N (S and N in Spanish) answer and move on to the next question, Up and Down go to the
    question before or after. The dialog keeps one Tab stop per question (the checked answer, else Yes)."""

    def __init__(self, text: str, dialog: "ScreeningDialog", question_index: int, value: bool):
        super().__init__(text)
        self.dialog, self.question_index, self.value = dialog, question_index, value

    def keyPressEvent(self, event):
        key, dialog = event.key(), self.dialog
        if event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            super().keyPressEvent(event)
        elif key in (Qt.Key_Left, Qt.Key_Right):
            dialog.choose(self.question_index, key == Qt.Key_Left, move_on=False)
        elif key in (Qt.Key_Up, Qt.Key_Down):
            dialog.focus_question(self.question_index + (1 if key == Qt.Key_Down else -1))
        elif dialog.answer_for_key(event) is not None:
            dialog.choose(self.question_index, dialog.answer_for_key(event), move_on=True)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.dialog.mark_current(self.question_index)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.dialog.mark_current(None)


class ScreeningDialog(QDialog):
    """Asks every question (each a Yes/No pair, one keyboard choice: about one key a question) and shows the advice."""

    def __init__(self, red_flags: RedFlags, nerve_signs: bool = False, parent=None, leads_to: str | None = None):
        """LEADS_TO: what closing the check starts when every answer is no (for example "Start Routine"): the
        button says so then, and "Close" otherwise, so nobody is surprised by a routine or waits for one."""
        super().__init__(parent)
        self.red_flags = red_flags
        self.nerve_signs = nerve_signs
        self.leads_to = leads_to
        self.setWindowTitle(translate("screening", "Check for warning signs"))
        self.setAccessibleName(translate("screening", "Check for warning signs"))
        self.groups: dict[str, QButtonGroup] = {}
        intro = QLabel(
            translate("screening", "Before self-care, please answer these questions. A yes does not mean something is wrong, but it means a doctor should check you first.")
        )
        intro.setWordWrap(True)
        keys = QLabel(translate("screening", "Keyboard: press Y for yes or N for no, and the next question comes up; Left and Right change an answer, Tab and Up and Down move between questions, Enter closes."))
        keys.setWordWrap(True)
        # A quieter hint by its italic, not by grey text: a disabled label is too faint to read (and in high contrast).
        hint_font = keys.font()
        hint_font.setItalic(True)
        keys.setFont(hint_font)
        self.keys_hint = keys
        self.questions = list(red_flags.questions)
        self.answer_buttons: list[tuple[_Answer, _Answer]] = []
        self.question_labels: list[QLabel] = []
        form = QWidget()
        grid = QGridLayout(form)
        for row, question in enumerate(red_flags.questions):
            text = QLabel(question.question)
            text.setWordWrap(True)
            text.setMargin(2)
            self.question_labels.append(text)
            if question.help:
                text.setToolTip(question.help)
            yes, no = _Answer(translate("screening", "Yes"), self, row, True), _Answer(translate("screening", "No"), self, row, False)
            for button, word in ((yes, translate("screening", "Yes")), (no, translate("screening", "No"))):
                button.setAccessibleName(translate("screening", "{answer}: {question}").format(answer=word, question=question.question))
                button.setToolTip(translate("screening", "Y: yes, N: no (then the next question); Left and Right: change the answer"))
            group = QButtonGroup(self)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idToggled.connect(lambda *_: self.refresh())
            group.idToggled.connect(lambda *_, i=row: self._update_tab_stop(i))
            self.groups[question.id] = group
            self.answer_buttons.append((yes, no))
            self._update_tab_stop(row)
            text.setBuddy(yes)
            grid.addWidget(text, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(translate("screening", "Questions"))
        scroll.setFocusPolicy(Qt.NoFocus)  # the answers take the focus, not the frame around them
        self.scroll = scroll
        self.advice = QTextBrowser()
        self.advice.setAccessibleName(translate("screening", "Advice"))
        self.advice.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.close_button = buttons.button(QDialogButtonBox.Close)
        self.close_button.setDefault(True)  # Enter closes, once the last answer has moved the focus here
        self._close_icon = self.close_button.icon()  # the desktop's, where it puts icons on dialog buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(keys)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.advice, 2)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 720)
        self.refresh()
        if self.answer_buttons:
            self.answer_buttons[0][0].setFocus(Qt.OtherFocusReason)

    def use_red_flags(self, red_flags: RedFlags) -> None:
        """The same questions in the words of RED_FLAGS (another language), the answers kept. Different questions
        (another set of ids) leave the dialog as it is: its answers belong to the questions it asked."""
        if [q.id for q in red_flags.questions] != [q.id for q in self.questions]:
            return
        self.red_flags, self.questions = red_flags, list(red_flags.questions)
        for row, question in enumerate(self.questions):
            label = self.question_labels[row]
            label.setText(question.question)
            label.setToolTip(question.help or "")
            for button, word in zip(self.answer_buttons[row], (translate("screening", "Yes"), translate("screening", "No"))):
                button.setAccessibleName(translate("screening", "{answer}: {question}").format(answer=word, question=question.question))
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()  # the advice, in the language now installed

    # ------------------------------------------------------------------------------------------ keyboard

    @staticmethod
    def answer_for_key(event) -> bool | None:
        """True for the yes key (Y, or the language's own: S for Sí), False for N, else None."""
        letter = event.text().strip().casefold()
        if not letter:
            return None
        yes_keys = {"y", translate("screening", "y", "the key that answers yes (the first letter of Yes)").casefold()}
        no_keys = {"n", translate("screening", "n", "the key that answers no (the first letter of No)").casefold()}
        return True if letter in yes_keys else False if letter in no_keys else None

    def mark_current(self, index: int | None) -> None:
        """The question with the keyboard focus stands out (the little radio circles alone hardly show it)."""
        for i, label in enumerate(self.question_labels):
            label.setStyleSheet("QLabel { background: palette(highlight); color: palette(highlighted-text); }" if i == index else "")

    def _update_tab_stop(self, index: int) -> None:
        """One Tab stop a question: its checked answer, or Yes before any answer (the other takes a click only)."""
        yes, no = self.answer_buttons[index]
        current = no if no.isChecked() else yes
        for button in (yes, no):
            button.setFocusPolicy(Qt.StrongFocus if button is current else Qt.ClickFocus)

    def focus_question(self, index: int) -> None:
        """Focus a question's answer (the checked one, else Yes); past the last, the Close button."""
        if index >= len(self.answer_buttons):
            self.close_button.setFocus(Qt.TabFocusReason)
            return
        index = max(0, index)
        yes, no = self.answer_buttons[index]
        button = no if no.isChecked() else yes
        button.setFocus(Qt.TabFocusReason)
        self.scroll.ensureWidgetVisible(button)

    def choose(self, index: int, value: bool, move_on: bool) -> None:
        """Answer question ``index``; with ``move_on``, go to the next unanswered-or-not question (or Close)."""
        yes, no = self.answer_buttons[index]
        button = yes if value else no
        button.setChecked(True)
        text = translate("screening", "{answer}: {question}").format(answer=button.text(), question=self.questions[index].question)
        if move_on:
            self.focus_question(index + 1)
        else:
            button.setFocus(Qt.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(button, translate("screening", "Answered {text}").format(text=text)))

    def answers(self) -> Screening:
        values = {}
        for question_id, group in self.groups.items():
            checked = group.checkedId()
            values[question_id] = None if checked < 0 else bool(checked)
        return Screening(values)

    def result(self) -> ScreeningResult:
        return evaluate(self.red_flags, self.answers(), nerve_signs=self.nerve_signs)

    def refresh(self):
        result = self.result()
        self.advice.setHtml(advice_html(self.red_flags, result, self.palette()))
        self._update_close_button(result)

    def _update_close_button(self, result: ScreeningResult) -> None:
        """"Start Routine" when closing will start it (every answer no, no numbness marked), else "Close"."""
        button = self.close_button
        leads_on = bool(self.leads_to and result.complete and result.may_self_treat and not self.nerve_signs)
        if leads_on:
            button.setText(self.leads_to)
            button.setToolTip(translate("screening", "No warning signs: close the check and go on ({what}). Enter").format(what=self.leads_to))
        else:
            button.setText(translate("screening", "Close"))
            button.setToolTip(translate("screening", "Close the check; your answers are kept (Enter or Esc)"))
        # The icon matches the words (a play sign, not a cross, on "Start Routine"); none in high contrast, where
        # the desktop's dark glyphs vanish (kit.style drops them).
        if self._close_icon.isNull() or colors.high_contrast():
            button.setIcon(QIcon())
        else:
            button.setIcon(self.style().standardIcon(QStyle.SP_MediaPlay) if leads_on else self._close_icon)
        button.setAccessibleName(button.text())

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
