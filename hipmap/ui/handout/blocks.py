"""The blocks a handout page is built from: rich text, a list, one exercise with its pictogram, the routine table.
Each is measured for a width and painted into a rect; only lists and tables may split, between items or rows."""

from __future__ import annotations

from html import escape as _e

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from ..kit.i18n import translate
from .page_context import BODY_PT, INK, RULE, PageContext


class Block:
    """One unit of layout: measured for a width, painted into a rect; never split unless ``split`` says so."""

    kind = "text"
    keep_with_next = False  # headings: never the last thing on a page
    space_before = 7.0  # points, when not at the top of a page

    def __init__(self, name: str):
        self.name = name

    def height(self, ctx: PageContext, width: float) -> float:
        raise NotImplementedError

    def paint(self, painter: QPainter, ctx: PageContext, rect: QRectF) -> None:
        raise NotImplementedError

    def split(self, ctx: PageContext, width: float, available: float):
        """(a first part that fits ``available``, the rest) or None when the block cannot be split there."""

    def min_height(self, ctx: PageContext, width: float) -> float:
        """The least of this block that can open a page: a heading kept with it needs at least this much."""
        return self.height(ctx, width)


class HtmlBlock(Block):
    """Rich text; ``frame`` 'box' draws a thin rounded frame around it, 'warn' a heavier one."""

    def __init__(self, name, html_text, kind="text", frame=None, keep_with_next=False, space_before=7.0, point_size=BODY_PT):
        super().__init__(name)
        self.html, self.kind, self.frame = html_text, kind, frame
        self.keep_with_next, self.space_before, self.point_size = keep_with_next, space_before, point_size
        self._cache: dict = {}

    def _pad(self, ctx):
        return ctx.pt(7) if self.frame else 0.0

    def _doc(self, ctx, width):
        key = (id(ctx), round(width, 2))
        if key not in self._cache:
            self._cache[key] = ctx.doc(self.html, width - 2 * self._pad(ctx), self.point_size)
        return self._cache[key]

    def height(self, ctx, width):
        return self._doc(ctx, width).size().height() + 2 * self._pad(ctx)

    def paint(self, painter, ctx, rect):
        if self.frame:
            _frame(painter, ctx, rect, heavy=self.frame == "warn")
        pad = self._pad(ctx)
        ctx.draw_doc(painter, self._doc(ctx, rect.width()), rect.x() + pad, rect.y() + pad)


def _frame(painter, ctx, rect, heavy=False):
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(INK if heavy else RULE, ctx.pt(1.6 if heavy else 0.6)))
    painter.setBrush(Qt.NoBrush)
    inset = ctx.pt(0.8)
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), ctx.pt(3), ctx.pt(3))
    painter.restore()


MIN_PART = 2  # a list or table split across pages keeps at least this many items or rows on each page


def _split_at(count: int, fits) -> int:
    """How many of ``count`` items to keep on this page (0: do not split): as many as fit, but never fewer than
    MIN_PART on either page, so no item or row is left alone at the foot or the head of a page."""
    best = 0
    for k in range(1, count):
        if not fits(k):
            break
        best = k
    best = min(best, count - MIN_PART)
    return best if best >= MIN_PART else 0


class ItemsBlock(Block):
    """A heading and a bulleted list; it may continue on the next page between two items."""

    kind = "list"

    def __init__(self, name, heading, items, intro="", ordered=False, frame=None, space_before=7.0, continued=False):
        super().__init__(name)
        self.heading, self.items, self.intro, self.ordered = heading, list(items), intro, ordered
        self.frame, self.space_before, self.continued = frame, space_before, continued

    def _html(self, items, continued):
        tag = "ol" if self.ordered else "ul"
        head = f"<h3>{_e(self.heading)}{' (continued)' if continued else ''}</h3>" if self.heading else ""
        intro = f"<p>{self.intro}</p>" if self.intro and not continued else ""
        return head + intro + f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"

    def _block(self, items, continued):
        return HtmlBlock(self.name, self._html(items, continued), self.kind, self.frame, space_before=self.space_before)

    def height(self, ctx, width):
        return self._block(self.items, self.continued).height(ctx, width)

    def min_height(self, ctx, width):
        return self._block(self.items[:MIN_PART], self.continued).height(ctx, width)

    def paint(self, painter, ctx, rect):
        self._block(self.items, self.continued).paint(painter, ctx, rect)

    def split(self, ctx, width, available):
        best = _split_at(len(self.items), lambda k: self._block(self.items[:k], self.continued).height(ctx, width) <= available)
        if best == 0:
            return None
        head = ItemsBlock(self.name, self.heading, self.items[:best], self.intro, self.ordered, self.frame, self.space_before, self.continued)
        tail = ItemsBlock(self.name, self.heading, self.items[best:], self.intro, self.ordered, self.frame, self.space_before, True)
        return head, tail


class ExerciseBlock(Block):
    """One exercise, whole: name, dose in numbers, where, the steps, what it should feel like, what to avoid,
    and its pictogram drawn from the SVG."""

    kind = "exercise"

    def __init__(self, name, exercise, dose, where="", label="", pressure=""):
        super().__init__(name)
        self.exercise, self.dose, self.where, self.label, self.pressure = exercise, dose, where, label, pressure
        self._cache: dict = {}

    def _html(self):
        ex = self.exercise
        label = f"{_e(self.label)}: " if self.label else ""
        parts = [f"<h3>{label}{_e(ex.name)}</h3>", f"<p class='dose'>{_e(self.dose)}</p>"]
        if self.where:
            parts.append(translate("handout", "<p><b>Where:</b> {e}</p>").format(e=_e(self.where)))
        parts.append("<ol>" + "".join(f"<li>{_e(s)}</li>" for s in ex.steps_at(self.pressure)) + "</ol>")
        if ex.feel:
            parts.append(translate("handout", "<p><b>It should feel:</b> {e}</p>").format(e=_e(ex.feel)))
        if ex.avoid:
            parts.append(translate("handout", "<p><b>Avoid:</b> {e}</p>").format(e=_e(ex.avoid)))
        if ex.cautions:
            parts.append(translate("handout", "<p><b>Good to know:</b> {e}</p>").format(e=_e(' '.join(ex.cautions))))
        return "".join(parts)

    def _geometry(self, ctx, width):
        pad, picture = ctx.pt(8), ctx.mm(30) if self.exercise.pictogram else 0.0
        gap = ctx.mm(5) if picture else 0.0
        return pad, picture, gap, width - 2 * pad - picture - gap

    def _doc(self, ctx, width):
        key = (id(ctx), round(width, 2))
        if key not in self._cache:
            self._cache[key] = ctx.doc(self._html(), self._geometry(ctx, width)[3])
        return self._cache[key]

    def height(self, ctx, width):
        pad, picture, _gap, _w = self._geometry(ctx, width)
        return max(self._doc(ctx, width).size().height(), picture) + 2 * pad

    def paint(self, painter, ctx, rect):
        pad, picture, _gap, _w = self._geometry(ctx, rect.width())
        _frame(painter, ctx, rect)
        ctx.draw_doc(painter, self._doc(ctx, rect.width()), rect.x() + pad, rect.y() + pad)
        if picture:
            box = QRectF(rect.right() - pad - picture, rect.y() + pad, picture, picture)
            renderer = ctx.renderer(self.exercise.pictogram)
            if renderer.isValid():
                painter.save()
                painter.setRenderHint(QPainter.Antialiasing)
                renderer.render(painter, box)  # vector: the SVG's paths become PDF paths
                painter.restore()


class RoutineTableBlock(Block):
    """The routine as a table; it may continue on the next page between rows (the header row is repeated, the
    total row closes the last part)."""

    kind = "table"

    def __init__(self, name, rows, total_row, with_total=True, space_before=4.0):
        super().__init__(name)
        self.rows, self.total_row, self.with_total, self.space_before = rows, total_row, with_total, space_before

    def _html(self, ctx, rows, with_total):
        pad = ctx.css(3.5)
        head = ["#", translate("handout", "Step"), translate("handout", "Side"), translate("handout", "Hold × reps"), translate("handout", "Rest"), translate("handout", "Time")]
        out = [
            (
                f"<table width='100%' cellspacing='0' cellpadding='{pad:.2f}' border='1' "
                "style='border-collapse: collapse; border-color: #999999; border-style: solid'>"
            ),
            "<tr>" + "".join(f"<th align='left' bgcolor='#eeeeee'>{h}</th>" for h in head) + "</tr>",
        ]
        for row in rows:
            cells = (f"<td align='{'right' if i in (0, 5) else 'left'}'>{v}</td>" for i, v in enumerate(row))
            out.append("<tr>" + "".join(cells) + "</tr>")
        if with_total:
            label, total = self.total_row
            out.append(f"<tr><td></td><td colspan='4'><b>{label}</b></td><td align='right'><b>{total}</b></td></tr>")
        out.append("</table>")
        return "".join(out)

    def _block(self, ctx, rows, with_total):
        return HtmlBlock(self.name, self._html(ctx, rows, with_total), self.kind, space_before=self.space_before)

    def height(self, ctx, width):
        return self._block(ctx, self.rows, self.with_total).height(ctx, width)

    def min_height(self, ctx, width):
        part = self.rows[:MIN_PART]
        return self._block(ctx, part, self.with_total and len(part) == len(self.rows)).height(ctx, width)

    def paint(self, painter, ctx, rect):
        self._block(ctx, self.rows, self.with_total).paint(painter, ctx, rect)

    def split(self, ctx, width, available):
        best = _split_at(len(self.rows), lambda k: self._block(ctx, self.rows[:k], False).height(ctx, width) <= available)
        if best == 0:
            return None
        head = RoutineTableBlock(self.name, self.rows[:best], self.total_row, False, self.space_before)
        tail = RoutineTableBlock(self.name, self.rows[best:], self.total_row, self.with_total, self.space_before)
        return head, tail
