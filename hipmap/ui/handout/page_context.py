"""The page being painted: its lengths in device units (points, millimetres), the handout's fonts and ink colours,
and rich text measured and drawn at the device's own resolution."""

from __future__ import annotations

from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtSvg import QSvgRenderer

from .content import Handout

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
BODY_PT = 9.5
INK = QColor(20, 20, 20)
QUIET = QColor(85, 85, 85)
RULE = QColor(150, 150, 150)


def base_font(point_size: float = BODY_PT, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.SansSerif)
    font.setHintingPreference(QFont.PreferNoHinting)  # measured widths are the printed widths
    # No ligatures: "fi" drawn as one glyph comes out of the PDF as "ﬁ", and then "fibres" cannot be found.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


class PageContext:
    """The device and its resolution: every length is measured and drawn in device units."""

    def __init__(self, device, handout: Handout):
        self.device = device
        self.handout = handout
        self.dpi = float(device.logicalDpiY())
        self.width = float(device.width())
        self.height = float(device.height())
        self._renderers: dict[str, QSvgRenderer] = {}
        self.stylesheet = self._stylesheet()

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    @staticmethod
    def css(value: float) -> float:
        """A length in points as a rich-text pixel: QTextDocument scales its pixels (1/96 inch) to the device."""
        return value * 96.0 / 72.0

    def renderer(self, path) -> QSvgRenderer:
        key = str(path)
        if key not in self._renderers:
            self._renderers[key] = QSvgRenderer(key)
        return self._renderers[key]

    def _stylesheet(self) -> str:
        def px(points):
            return f"{self.css(points):.2f}px"

        return f"""
            p {{ margin-top: 0px; margin-bottom: {px(3.5)}; }}
            h1 {{ font-size: 18pt; font-weight: bold; margin-top: 0px; margin-bottom: {px(2)}; }}
            h2 {{ font-size: 14pt; font-weight: bold; margin-top: 0px; margin-bottom: {px(2)}; }}
            h3 {{ font-size: 11pt; font-weight: bold; margin-top: 0px; margin-bottom: {px(2.5)}; }}
            ul, ol {{ margin-top: 0px; margin-bottom: {px(2)}; -qt-list-indent: 1; }}
            li {{ margin-bottom: {px(1.8)}; }}
            .quiet {{ color: {QUIET.name()}; }}
            .small {{ font-size: 8pt; }}
            .lead {{ font-size: 10.5pt; }}
            .dose {{ font-weight: bold; }}
            td {{ vertical-align: top; }}
        """

    def doc(self, html_text: str, width: float, point_size: float = BODY_PT) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)  # measure at the page's resolution
        doc.setDefaultFont(base_font(point_size))
        doc.setDefaultStyleSheet(self.stylesheet)
        doc.setDocumentMargin(0)
        doc.setIndentWidth(self.css(14))
        doc.setHtml(html_text)
        doc.setTextWidth(max(1.0, width))
        return doc

    def draw_doc(self, painter: QPainter, doc: QTextDocument, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette()
        palette.setColor(QPalette.Text, INK)  # paper is white whatever the app's palette
        context.palette = palette
        doc.documentLayout().draw(painter, context)
        painter.restore()
