"""The PDF handout: the diagrams, each muscle's self-care, the routine and the warning signs, on paper.

``build_handout`` gathers what to print; ``write_pdf`` writes it (atomically) and ``print_handout`` sends it to a
QPrinter. Both go through ``paint_handout``, the one paint path: the content is cut into blocks (a heading with
the diagrams, one exercise, a list, the routine table, ...), each block is measured at the device's own
resolution, and a block that does not fit in what is left of a page starts the next page, so an exercise is
never split. Lists and the routine table may continue on the next page between items or rows, never inside one.

Everything is vector: the diagrams and pictograms are rendered from their SVGs with QPainter, zones and marks
are painter paths, and all text is real text (QTextDocument / drawText), so the PDF stays sharp and selectable
and Qt embeds the fonts. Nothing relies on colour alone: pain carries its 0-10 number, the essential zone is
solid, the spillover zone hatched, trigger points are X marks, so a black-and-white print reads the same.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ... import __version__
from ...core.fileio import atomic_write_bytes
from ..kit.i18n import long_date, translate
# mainwindow/window.py still imports HandoutError, build_handout, write_pdf and print_with_dialog from here.
from .content import PAGE_SIZES, Handout, HandoutError, build_handout
from .page_context import INK, QUIET, RULE, PageContext, base_font
from .blocks import Block
from .sections import handout_blocks

MARGIN_MM = 15.0
PDF_DPI = 600  # device units per inch of the PDF: only the precision of coordinates; everything stays vector

_e = html.escape


# --------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Placement:
    name: str  # the block's name, e.g. "exercise:ball_against_wall:gluteus_minimus_anterior:right"
    kind: str  # header, diagrams, heading, exercise, list, table, text, sources
    page: int  # 0-based
    rect: QRectF  # device units, painter coordinates of its page


@dataclass
class HandoutLayout:
    page_width: float
    page_height: float
    dpi: float
    header_height: float  # the running header of pages 2..N
    footer_height: float
    placements: list[Placement]
    page_count: int
    _painting: list = field(default_factory=list, repr=False)  # (context, page furniture, placed blocks)

    def content_rect(self, page: int) -> QRectF:
        """Where blocks may go on a page: inside the margins, below the running header, above the footer."""
        top = 0.0 if page == 0 else self.header_height
        return QRectF(0.0, top, self.page_width, self.page_height - self.footer_height - top)

    def on_page(self, page: int) -> list[Placement]:
        return [p for p in self.placements if p.page == page]


def layout_blocks(blocks: list[Block], ctx: PageContext, content_rect) -> tuple[list[tuple[Block, int, QRectF]], int]:
    """Place blocks top to bottom; a block that does not fit starts a new page (or is split, if it allows it
    and at least part of it fits). ``content_rect(page)`` gives each page's free area. Returns (block, page,
    rect) triples and the page count."""
    out: list[tuple[Block, int, QRectF]] = []
    queue = list(blocks)
    page, area = 0, content_rect(0)
    y, empty = area.top(), True

    def new_page():
        nonlocal page, area, y, empty
        page += 1
        area = content_rect(page)
        y, empty = area.top(), True

    while queue:
        block = queue.pop(0)
        width = area.width()
        gap = 0.0 if empty else ctx.pt(block.space_before)
        h = block.height(ctx, width)
        need = h
        if block.keep_with_next and queue:
            nxt = queue[0]
            need += ctx.pt(nxt.space_before) + nxt.min_height(ctx, width)
        if y + gap + need > area.bottom() + 0.5 and not empty:
            available = area.bottom() - y - gap
            parts = None if block.keep_with_next else block.split(ctx, width, available)
            if parts is not None:
                head, tail = parts
                hh = head.height(ctx, width)
                out.append((head, page, QRectF(area.left(), y + gap, width, hh)))
                queue.insert(0, tail)
                new_page()
                continue
            new_page()
            gap = 0.0
        if h > area.height() + 0.5:  # taller than a whole page: split it where a page ends, if it can be
            parts = block.split(ctx, width, area.bottom() - y - gap)
            if parts is not None:
                head, tail = parts
                out.append((head, page, QRectF(area.left(), y + gap, width, head.height(ctx, width))))
                queue.insert(0, tail)
                new_page()
                continue
        out.append((block, page, QRectF(area.left(), y + gap, width, h)))
        y += gap + h
        empty = False
    return out, page + 1


# --------------------------------------------------------------------------------------------- painting




def _page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]), QPageLayout.Portrait, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Millimeter,
    )  # fmt: skip


class _Furniture:
    """The running header (pages 2..N) and the footer of every page: the note and 'page N of M'."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        handout = ctx.handout
        self.number_w = ctx.mm(24)
        note = handout.red_flags.note if handout.red_flags is not None else ""
        self.note = ctx.doc(translate("handout", "<p class='quiet'><b>Not a diagnosis.</b> {e}</p>").format(e=_e(note)), ctx.width - self.number_w, 7)
        self.footer_height = self.note.size().height() + ctx.pt(7)
        self.header_font = base_font(7.5)
        self.header_height = QFontMetricsF(self.header_font, ctx.device).height() + ctx.pt(10)

    def paint(self, painter: QPainter, page: int, count: int) -> None:
        ctx, handout = self.ctx, self.ctx.handout
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        rule = QPen(RULE, ctx.pt(0.5))
        if page > 0:
            painter.setFont(self.header_font)
            painter.setPen(QUIET)
            line_h = self.header_height - ctx.pt(10)
            box = QRectF(0, 0, ctx.width, line_h)
            painter.drawText(box, Qt.AlignLeft | Qt.AlignVCenter, handout.title)
            when = long_date(handout.date)
            painter.drawText(box, Qt.AlignRight | Qt.AlignVCenter, when)
            painter.setPen(rule)
            painter.drawLine(QPointF(0, line_h + ctx.pt(3)), QPointF(ctx.width, line_h + ctx.pt(3)))
        top = ctx.height - self.footer_height
        painter.setPen(rule)
        painter.drawLine(QPointF(0, top + ctx.pt(2)), QPointF(ctx.width, top + ctx.pt(2)))
        ctx.draw_doc(painter, self.note, 0, top + ctx.pt(6))
        painter.setFont(base_font(8, True))
        painter.setPen(INK)
        painter.drawText(
            QRectF(ctx.width - self.number_w, top + ctx.pt(6), self.number_w, self.footer_height - ctx.pt(6)),
            Qt.AlignRight | Qt.AlignTop, translate("handout", "page {value} of {count}").format(value=page + 1, count=count),
        )  # fmt: skip
        painter.restore()


def layout_handout(handout: Handout, device) -> HandoutLayout:
    """Measure and place every block for ``device`` (its page layout must already be set); paints nothing."""
    ctx = PageContext(device, handout)
    furniture = _Furniture(ctx)
    header_h = furniture.header_height
    footer_h = furniture.footer_height

    def content_rect(page):
        top = 0.0 if page == 0 else header_h
        return QRectF(0.0, top, ctx.width, ctx.height - footer_h - top)

    placed, count = layout_blocks(handout_blocks(handout), ctx, content_rect)
    placements = [Placement(b.name, b.kind, page, QRectF(rect)) for b, page, rect in placed]
    result = HandoutLayout(ctx.width, ctx.height, ctx.dpi, header_h, footer_h, placements, count)
    result._painting = [(ctx, furniture, placed)]
    return result


def paint_handout(handout: Handout, device, pages: tuple[int, int] | None = None) -> HandoutLayout:
    """Lay the handout out for ``device`` (a QPdfWriter, a QPrinter, any QPagedPaintDevice whose page layout is
    set) and paint it. ``pages`` (first, last), 1-based, limits what is painted (a printer's page range).
    Returns the layout: every block with its page and rect."""
    layout = layout_handout(handout, device)
    ctx, furniture, placed = layout._painting[0]
    first, last = pages or (1, layout.page_count)
    first, last = max(1, first), min(layout.page_count, last if last > 0 else layout.page_count)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("handout", "cannot start painting the handout (the printer or file is not available)"))
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        started = False
        for page in range(first - 1, last):
            if started and not device.newPage():
                raise OSError(translate("handout", "cannot start a new page"))
            started = True
            furniture.paint(painter, page, layout.page_count)
            for block, block_page, rect in placed:
                if block_page == page:
                    painter.save()
                    block.paint(painter, ctx, rect)
                    painter.restore()
    finally:
        painter.end()
    return layout


def pdf_bytes(handout: Handout) -> tuple[bytes, HandoutLayout]:
    """The handout as a PDF in memory, with its layout."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_page_layout(handout.page_size))
    writer.setTitle(handout.title)
    writer.setCreator(translate("handout", "hipmap {version__}").format(version__=__version__))
    layout = paint_handout(handout, writer)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    out = bytes(data.data())
    if not out.startswith(b"%PDF"):
        raise OSError(translate("handout", "the PDF could not be produced"))
    return out, layout


def write_pdf(handout: Handout, path: Path) -> int:
    """Write the handout as a PDF; returns its page count.

    The PDF is made in memory, then written to a temporary file beside ``path`` and renamed over it, so a failed
    export never leaves a half-written PDF (and an existing file stays whole). Raises OSError when it cannot be
    written.
    """
    ensure_app()
    data, layout = pdf_bytes(handout)
    path = Path(path)
    atomic_write_bytes(path, data)
    try:  # a handout is meant to be shared: the usual permissions, not the temporary file's private ones
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass
    return layout.page_count


def print_handout(handout: Handout, printer) -> int:
    """Print the handout on a QPrinter (e.g. after QPrintDialog) with the same paint code as the PDF.

    The printer's paper size is kept (the dialog lets the user choose it); the margins are set to 15 mm. A page
    range chosen in the dialog is honoured. Returns the handout's page count.
    """
    from PySide6.QtPrintSupport import QPrinter

    printer.setDocName(handout.title)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Millimeter)
    pages = None
    if printer.printRange() == QPrinter.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), printer.toPage())
    return paint_handout(handout, printer, pages).page_count


def print_with_dialog(handout: Handout, parent=None) -> int | None:
    """Ask with QPrintDialog, then print; returns the page count, or None when the user cancels."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(_page_layout(handout.page_size))
    printer.setDocName(handout.title)
    count = layout_handout(handout, printer).page_count
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("handout", "Print handout"))
    dialog.setOption(QAbstractPrintDialog.PrintPageRange, True)
    dialog.setMinMax(1, count)
    if dialog.exec() != QPrintDialog.Accepted:
        return None
    return print_handout(handout, printer)


def ensure_app():
    """Qt must be running to measure fonts: reuse the application, or start one offscreen (no window opens)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["hipmap-handout"])
    return app
