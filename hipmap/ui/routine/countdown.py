"""What the player paints: the big countdown ring, the routine's progress bar and the exercise's picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..kit import style
from ..kit.i18n import translate

NO_PEN = QPen(Qt.NoPen)
NO_BRUSH = QBrush(Qt.NoBrush)

DIGITS = 0.44  # digit height as a share of the ring's side
# Ring colours by phase (light, dark); the phase is always named in words too.
REST_LIGHT, REST_DARK = QColor("#1f7a4d"), QColor("#5fd39a")


class CountdownRing(QWidget):
    """A ring whose arc is the remaining share of the phase, with the whole seconds left in big digits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fraction = 0.0
        self.seconds_text = ""
        self.caption = ""
        self.kind = ""
        self.setAccessibleName(translate("player", "Time left in this phase"))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 160)

    def set_state(self, fraction: float, seconds_text: str, caption: str, kind: str) -> None:
        changed = (seconds_text, caption, kind) != (self.seconds_text, self.caption, self.kind)
        self.fraction, self.seconds_text, self.caption, self.kind = fraction, seconds_text, caption, kind
        if changed:
            self.setAccessibleDescription(translate("player", "{seconds_text} seconds left. {caption}").format(seconds_text=seconds_text, caption=caption).strip() if seconds_text else caption)
        self.update()

    def colour(self) -> QColor:
        pal = self.palette()
        dark = style.is_dark(pal)
        if self.kind == "rest":
            return QColor(REST_DARK if dark else REST_LIGHT)
        if self.kind in ("ready", "switch"):
            return style.warning_edge(pal)
        return style.accent(pal)

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def paintEvent(self, _event):
        pal = self.palette()
        side = min(self.width(), self.height())
        pen_w = max(8.0, side * 0.065)
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        ring = box.adjusted(pen_w / 2 + 2, pen_w / 2 + 2, -pen_w / 2 - 2, -pen_w / 2 - 2)
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setBrush(NO_BRUSH)
        track = QPen(style.hairline(pal), pen_w)
        p.setPen(track)
        p.drawEllipse(ring)
        if self.fraction > 0:
            arc = QPen(self.colour(), pen_w)
            arc.setCapStyle(Qt.RoundCap)
            p.setPen(arc)
            p.drawArc(ring, 90 * 16, -round(max(0.0, min(1.0, self.fraction)) * 360 * 16))
        text_colour = pal.color(QPalette.WindowText)
        digits = QFont(self.font())
        digits.setPixelSize(max(12, round(side * DIGITS)))
        digits.setBold(True)
        p.setPen(QPen(text_colour))
        p.setFont(digits)
        digit_box = QRectF(box.left(), box.top() + side * 0.08, side, side * 0.72)
        p.drawText(digit_box, Qt.AlignCenter, self.seconds_text)
        if self.caption:
            small = QFont(self.font())
            small.setPixelSize(max(10, round(side * 0.075)))
            small.setBold(True)
            room = side * 0.62
            wide = QFontMetrics(small).horizontalAdvance(self.caption)
            if wide > room:
                small.setPixelSize(max(8, int(small.pixelSize() * room / wide)))
            p.setFont(small)
            p.setPen(QPen(style.secondary_text(pal, on_window=True)))
            p.drawText(QRectF(box.left(), box.top() + side * 0.68, side, side * 0.14), Qt.AlignCenter, self.caption)
        p.end()


class Pictogram(QWidget):
    """The exercise's drawing, kept in proportion, on a light card so its lines read in a dark palette too."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.renderer: QSvgRenderer | None = None
        self.path = None
        self._cache: dict = {}
        self.setAccessibleName(translate("player", "Picture of the exercise"))
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Expanding)
        self.setMinimumHeight(90)
        self.hide()  # until there is a picture to show

    def set_picture(self, path, description: str = "") -> None:
        if path == self.path:
            return
        self.path = path
        if path is not None and path not in self._cache:
            renderer = QSvgRenderer(str(path), self)
            self._cache[path] = renderer if renderer.isValid() else None
        self.renderer = self._cache.get(path) if path is not None else None
        self.setAccessibleDescription(description)
        self.setVisible(self.renderer is not None)
        self.update()

    def paintEvent(self, _event):
        if self.renderer is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        size = self.renderer.defaultSize().scaled(self.size(), Qt.KeepAspectRatio)
        box = QRectF(0, (self.height() - size.height()) / 2, size.width(), size.height())  # flush with the words
        if style.is_dark(self.palette()):
            painter.setPen(NO_PEN)
            painter.setBrush(QColor("#eef1f4"))
            painter.drawRoundedRect(box, 12, 12)
        self.renderer.render(painter, box.adjusted(6, 6, -6, -6))


class ProgressBar(QWidget):
    """A thin palette-aware bar for the whole routine."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.value = 0.0
        self.setFixedHeight(10)
        self.setAccessibleName(translate("player", "Routine progress"))

    def set_value(self, value: float) -> None:
        value = max(0.0, min(1.0, value))
        if value != self.value:
            self.value = value
            self.setAccessibleDescription(translate("player", "{round}% done").format(round=round(100 * value)))
            self.update()

    def paintEvent(self, _event):
        pal = self.palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(NO_PEN)
        r = QRectF(self.rect())
        radius = r.height() / 2
        p.setBrush(QBrush(style.hairline(pal)))
        p.drawRoundedRect(r, radius, radius)
        if self.value > 0:
            p.setBrush(QBrush(style.accent(pal)))
            p.drawRoundedRect(QRectF(r.left(), r.top(), max(r.height(), r.width() * self.value), r.height()), radius, radius)
        p.end()

