"""The diagrams as the window first shows them, while the atlas loads.

Loading the atlas means importing numpy and shapely and checking every data file: a few hundred milliseconds.
The window does not wait for it: it paints the same drawings at once (they need only Qt's SVG renderer), then
the interactive views replace them. This module must stay light: Qt and the vocabulary only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from ...core.content.svgdoc import MAX_SVG_BYTES
from ...core.content.vocabulary import VIEW_IDS
from ...core.reading import check_regular
from ..diagram.drawing import VIEWBOX, draw_view, drawing_for
from ..kit.i18n import translate


def _readable(path: Path) -> bool:
    """A drawing Qt may read: a regular file of sane size (a FIFO would block the first paint for ever)."""
    try:
        check_regular(path, MAX_SVG_BYTES)
    except OSError:
        return False
    return True



class FirstFrame(QWidget):
    painted = Signal()  # once, after the first paint

    def __init__(self, assets_dir: Path, view_ids=None, parent=None):
        super().__init__(parent)
        self.setAccessibleName(translate("firstframe", "Body diagrams (loading)"))
        self.view_ids = [v for v in (view_ids or VIEW_IDS[:1]) if v in VIEW_IDS]
        self.drawings = []
        for view_id in self.view_ids:
            name, mirrored = drawing_for(view_id)
            path = Path(assets_dir) / "views" / name
            renderer = QSvgRenderer(str(path), self) if _readable(path) else None
            self.drawings.append((renderer, mirrored))
        self._announced = False

    def sizeHint(self) -> QSize:
        return QSize(900, 800)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 400)

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        n = max(1, len(self.drawings))
        slot_w = self.width() / n
        x0, y0, w, h = VIEWBOX
        for i, (renderer, mirrored) in enumerate(self.drawings):
            if renderer is None or not renderer.isValid():
                continue
            scale = min(slot_w / w, self.height() / h)
            painter.save()
            painter.translate(i * slot_w + (slot_w - w * scale) / 2, (self.height() - h * scale) / 2)
            painter.scale(scale, scale)
            draw_view(painter, renderer, QRectF(x0, y0, w, h), mirrored)
            painter.restore()
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(self.rect().adjusted(0, 0, 0, -12), Qt.AlignHCenter | Qt.AlignBottom, translate("firstframe", "Loading the body atlas…"))
        painter.end()
        if not self._announced:
            self._announced = True
            self.painted.emit()
