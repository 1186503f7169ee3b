"""Pages: the blocks placed top to bottom, a block that does not fit starting the next page (lists and tables may
continue between items or rows), the running header and footer, and ``paint_handout``, the one paint path that
the PDF and the printer share."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape as _e

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ..kit.i18n import long_date, translate
from .blocks import Block
from .content import Handout
from .page_context import INK, QUIET, RULE, PageContext, base_font
from .sections import handout_blocks


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
