"""A few lines of plain words, wrapped like a word-wrapped QLabel, for words that change on every click.

A QLabel asks its layout to lay everything out again for every new text, and lays its text out again on every
paint. The candidate list's summary and legend get new words with every ranking ("12 muscles may be involved"),
which mostly keep their lines: ``WrappedWords`` lays each text out once per width and font, and asks for a new
layout only when the room it needs (its height at its width, its longest word) changes.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QStaticText, QTextOption, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import lru
from .style import font_key

_WRAP = QTextOption()
_WRAP.setWrapMode(QTextOption.WordWrap)

KEPT = 32  # laid-out texts kept (a few words each): the ones shown lately come back as the marks change


def wrapped_text(text: str, width: int, font) -> tuple[int, QStaticText]:
    """TEXT laid out once in FONT, wrapped at word boundaries to WIDTH pixels as a word-wrapped label wraps it:
    (its height, rounded up, and the laid-out QStaticText, drawn with the same pixels as that label's)."""
    static = QStaticText(text)
    static.setTextFormat(Qt.PlainText)
    static.setTextWidth(max(1, width))
    static.setTextOption(_WRAP)
    static.prepare(QTransform(), font)
    return math.ceil(static.size().height()), static


class WrappedWords(QWidget):
    """Plain text wrapped at word boundaries in the widget's font and foreground colour, top left.

    Its accessible name is its text, unless it was given a name of its own (then the text is its description)."""

    def __init__(self, text: str = "", parent=None, name: str = ""):
        super().__init__(parent)
        self._text = ""
        self._named = bool(name)
        if name:
            self.setAccessibleName(name)
        self._laid: OrderedDict = OrderedDict()  # (text, width, font key) -> (height, QStaticText)
        self._longest: dict = {}  # (text, font key) -> its widest word's width
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        text = str(text)
        if text == self._text:
            return
        width = self.width()
        before = self._room(self._text, width) if width > 0 else None
        self._text = text
        if self._named:
            self.setAccessibleDescription(text)
        else:
            self.setAccessibleName(text)
        if before is None or before != self._room(text, width):
            self.updateGeometry()  # the room it needs changed: its layout shares the room out again
        self.update()

    def _room(self, text: str, width: int) -> tuple[int, bool]:
        """The height TEXT needs at WIDTH, and whether a word of it is wider than that (then its least width,
        its longest word, may have changed too)."""
        if not text:
            return 0, False
        height, static = self._laid_out(text, width)
        return height, static.size().width() > width

    # ------------------------------------------------------------------------------------------- sizes

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(self._text, width)

    def sizeHint(self) -> QSize:
        # As a word-wrapped QLabel: about 80 characters across at most, and the height the words need there.
        width = min(self.fontMetrics().averageCharWidth() * 80, self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # The widest word across (a line may break between any two), one line down.
        return QSize(self._longest_word(self._text), self.fontMetrics().height() if self._text else 0)

    def _laid_out(self, text: str, width: int) -> tuple[int, QStaticText]:
        font = self.font()
        key = (text, width, font_key(font))
        laid = lru.found(self._laid, key)
        if laid is None:
            height, static = wrapped_text(text, width, font)
            laid = lru.keep(self._laid, key, (height if text else 0, static), KEPT)
        return laid

    def _height(self, text: str, width: int) -> int:
        return self._laid_out(text, width)[0] if text else 0

    def _longest_word(self, text: str) -> int:
        font = self.font()
        key = (text, font_key(font))
        found = self._longest.get(key)
        if found is None:
            if len(self._longest) > KEPT:
                self._longest.clear()
            # (What a word-wrapped QLabel reads: its words' box at no width.)
            found = self._longest[key] = self.fontMetrics().boundingRect(0, 0, 0, 2000, int(Qt.TextWordWrap), text).width() if text else 0
        return found

    # ------------------------------------------------------------------------------------------- painting

    def paintEvent(self, _event) -> None:
        if not self._text:
            return
        height, static = self._laid_out(self._text, self.width())
        painter = QPainter(self)
        group = QPalette.Active if self.isEnabled() else QPalette.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        painter.setFont(self.font())
        # Centred up and down when given more room than the words need, as a label is.
        painter.drawStaticText(QPointF(0, max(0, (self.height() - height) // 2)), static)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self.updateGeometry()  # other lines in the new font
