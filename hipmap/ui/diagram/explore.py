"""Explore mode on a diagram: the muscles under the pointer in words (the one chosen, what lies beneath it, how to
reach it), and the small label that says so beside the pointer.

The stack comes from the core's ``muscles_at`` (top-most first); the wheel or [ and ] choose among it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFrame, QLabel

from ..kit.i18n import side_name, translate

LABEL_OFFSET = QPoint(18, 20)  # pixels from the pointer to the label's corner: clear of the cursor


def muscle_words(atlas, muscle_id: str, side: str, depth: str) -> str:
    """"Gluteus minimus, right side (deep)"."""
    muscle = atlas.muscles.get(muscle_id)
    name = muscle.name if muscle is not None else muscle_id.replace("_", " ")
    if muscle is not None and muscle.bilateral:
        text = name
    else:
        text = translate("explore", "{name}, {side} side").format(name=name, side=side_name(side))
    return translate("explore", "{muscle} (deep)").format(muscle=text) if depth == "deep" else text


def _names(atlas, entries) -> str:
    return ", ".join(atlas.muscles[m].name if m in atlas.muscles else m.replace("_", " ") for m, _s, _d in entries)


def stack_lines(atlas, stack, index: int) -> list[str]:
    """The chosen muscle of STACK (top-most first) and what lies over and under it, one line each, then how to
    choose: the words of the label beside the pointer (the status bar has them on one line)."""
    if not stack:
        return []
    muscle_id, side, depth = stack[index]
    lines = [muscle_words(atlas, muscle_id, side, depth)]
    if index > 0:
        lines.append(translate("explore", "over it: {names}").format(names=_names(atlas, stack[:index])))
    if index + 1 < len(stack):
        lines.append(translate("explore", "deep: {names}").format(names=_names(atlas, stack[index + 1:])))
    if len(stack) > 1:
        lines.append(translate("explore", "{number} of {count}: the wheel or [ and ] choose; click selects").format(number=index + 1, count=len(stack)))
    else:
        lines.append(translate("explore", "Click to select it"))
    return lines


class ExploreLabel(QLabel):
    """A tooltip-like label that follows the pointer over a diagram, naming the muscle under it."""

    def __init__(self, parent):
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.setFrameShape(QFrame.Box)
        self.setMargin(4)
        self.setTextFormat(Qt.PlainText)
        self.setAccessibleName(translate("explore", "Muscle under the pointer"))
        self.hide()

    def show_lines(self, lines: list[str], at: QPoint) -> None:
        """Show LINES near the pointer at AT (viewport pixels), kept inside the viewport."""
        if not lines:
            self.hide()
            return
        self.setText("\n".join(lines))
        self.adjustSize()
        room = self.parentWidget().rect()
        x, y = at.x() + LABEL_OFFSET.x(), at.y() + LABEL_OFFSET.y()
        if x + self.width() > room.right():
            x = max(0, at.x() - LABEL_OFFSET.x() - self.width())
        if y + self.height() > room.bottom():
            y = max(0, at.y() - LABEL_OFFSET.y() - self.height())
        self.move(x, y)
        self.show()
        self.raise_()
