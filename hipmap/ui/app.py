"""The application entry point and main window.

This first window shows the diagrams; marking pain and live candidates arrive with the body-map window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from .. import __version__
from ..core.atlas import Atlas, View, load_atlas
from ..core.problems import DataError

DISCLAIMER = (
    "hipmap offers information for self-care, not a diagnosis. Numbness, weakness, fever, or bladder or bowel "
    "changes need a doctor."
)


class DiagramWidget(QWidget):
    """One view's drawing, scaled to fit, mirrored for lateral_left, with the person's sides labelled."""

    def __init__(self, view: View, parent=None):
        super().__init__(parent)
        self.view = view
        self.renderer = QSvgRenderer(str(view.svg_file), self)
        self.setAccessibleName(f"{view.title} view of the body")
        self.setMinimumSize(240, 400)

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        x0, y0, w, h = self.view.viewbox
        scale = min(self.width() / w, self.height() / h)
        painter.translate((self.width() - w * scale) / 2, (self.height() - h * scale) / 2)
        painter.scale(scale, scale)
        painter.save()
        if self.view.mirrored:
            painter.translate(2 * x0 + w, 0)
            painter.scale(-1, 1)
        self.renderer.render(painter, QRectF(x0, y0, w, h))
        painter.restore()
        painter.setPen(self.palette().text().color())
        font = painter.font()
        font.setPixelSize(22)
        font.setBold(True)
        painter.setFont(font)
        for side in self.view.sides:
            cx = self.view.body[side].centroid.x
            painter.drawText(QRectF(cx - 80, y0 + 4, 160, 30), Qt.AlignCenter, side.upper())
        painter.end()


class MainWindow(QMainWindow):
    def __init__(self, atlas: Atlas):
        super().__init__()
        self.atlas = atlas
        self.setWindowTitle("hipmap")
        tabs = QTabWidget()
        tabs.setAccessibleName("Body views")
        for view in atlas.views.values():
            tabs.addTab(DiagramWidget(view), view.title)
        note = QLabel(DISCLAIMER)
        note.setWordWrap(True)
        note.setAccessibleName("Medical disclaimer")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(tabs, 1)
        layout.addWidget(note)
        self.setCentralWidget(central)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.Quit, toolTip="Close hipmap")
        quit_action.triggered.connect(self.close)
        about = QAction("&About hipmap", self, toolTip="Version and disclaimer")
        about.triggered.connect(lambda: QMessageBox.about(self, "About hipmap", f"hipmap {__version__}\n\n{DISCLAIMER}"))
        self.menuBar().addMenu("&File").addAction(quit_action)
        self.menuBar().addMenu("&Help").addAction(about)
        self.statusBar().showMessage(f"{len(atlas.muscles)} muscles loaded")
        self.resize(1000, 800)


def main(argv=None) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("hipmap")
    app.setOrganizationName("hipmap")
    try:
        atlas = load_atlas()
    except DataError as exc:
        QMessageBox.critical(None, "hipmap cannot start", "The app's data files have problems:\n\n" + "\n".join(str(p) for p in exc.problems[:20]))
        return 1
    window = MainWindow(atlas)
    window.show()
    return app.exec()
