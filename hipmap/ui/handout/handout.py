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
from datetime import date as _date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer

from ... import __version__
from ...core.content.model import Atlas, Muscle
from ...core.fileio import atomic_write_bytes
from ...core.pain.painmap import NERVE_QUALITIES, PainMap
from ...core.routine.model import Routine
from ..kit.colors import PAIN_RGB, ZONE_RGB, pain_fill
from ..mainwindow.firstframe import draw_view
from ..kit.shapes import painter_path
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, long_date, matching_phrases, routine_name_phrases, side_name, step_title, translate

TITLE = QT_TRANSLATE_NOOP("handout", "hipmap — self-care handout")
PAGE_SIZES = {"A4": QPageSize.A4, "Letter": QPageSize.Letter}
MARGIN_MM = 15.0
PDF_DPI = 600  # device units per inch of the PDF: only the precision of coordinates; everything stays vector
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
BODY_PT = 9.5
INK = QColor(20, 20, 20)
QUIET = QColor(85, 85, 85)
RULE = QColor(150, 150, 150)
PAIN_EDGE = QColor(*PAIN_RGB).darker(160)
CROP_PAD = 12.0  # view units around the body outline when a diagram is cropped to the body
URGENCY_LEAD = {
    "emergency": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, get medical help now: go to an emergency department, or call emergency services if you cannot get there safely."),
    "urgent": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, contact a doctor today, or within 24 hours at the latest."),
    "soon": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, book an appointment with a doctor or physiotherapist in the next few days."),
}
DEPTH_WORDS = {"deep": QT_TRANSLATE_NOOP("handout", "deep in the muscle"), "superficial": QT_TRANSLATE_NOOP("handout", "close to the surface")}

_e = html.escape


class HandoutError(ValueError):
    """The handout cannot be made from what was given (an unknown muscle or side, no muscle, a bad page size)."""


# --------------------------------------------------------------------------------------------- what to print


@dataclass(frozen=True)
class HandoutMuscle:
    number: int  # 1-based; the diagrams on page 1 label each trigger point with it
    muscle: Muscle
    side: str
    reasons: tuple[str, ...] = ()  # why the match suggests it, when a pain map was matched


@dataclass(frozen=True)
class Handout:
    atlas: Atlas
    painmap: PainMap
    muscles: tuple[HandoutMuscle, ...]
    routine: Routine | None
    page_size: str  # "A4" or "Letter"
    red_flags: object  # hipmap.core.content.safety.RedFlags
    title: str = TITLE
    date: _date = field(default_factory=_date.today)
    summary: str = ""  # the match's summary of the marked pain, when there is one

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.side for m in self.muscles))


def combined_routine(atlas: Atlas, muscles) -> Routine:
    """The routine the routine builder makes for these (Muscle, side) pairs: each muscle's tennis ball, then its
    stretches, one side at a time, a shared stretch once. Muscles without self-care data add nothing."""
    from ...core.routine.builder import build_routine

    return build_routine([(m, side) for m, side in muscles if m.self_care is not None], atlas.exercises, phrases=routine_name_phrases())


def build_handout(
    atlas: Atlas,
    painmap: PainMap | None,
    muscles: list[tuple[str, str]],
    routine: Routine | None = None,
    page_size: str = "A4",
    red_flags=None,
    title: str | None = None,
    *,
    match=None,
    date: _date | None = None,
) -> Handout:
    """What the handout will show: ``muscles`` are (muscle id, side) pairs in the order to print them.

    ``routine`` defaults to the muscles' routines combined; ``red_flags`` to data/red_flags.yaml. ``match`` is a
    MatchResult for ``painmap`` (computed here when the map has marks and none is given): it adds why each muscle
    fits the pain. Raises HandoutError for an unknown muscle or side, no muscle, or a page size other than A4 or
    Letter; a broken red_flags.yaml raises its DataError.
    """
    size = {k.lower(): k for k in PAGE_SIZES}.get(str(page_size).lower())
    if size is None:
        raise HandoutError(translate("handout", "page size must be A4 or Letter, got {page_size!r}").format(page_size=page_size))
    painmap = painmap if painmap is not None else PainMap()
    chosen: list[tuple[Muscle, str]] = []
    for muscle_id, side in muscles:
        if muscle_id not in atlas.muscles:
            raise HandoutError(translate("handout", "unknown muscle {muscle_id!r}").format(muscle_id=muscle_id))
        if side not in ("left", "right"):
            raise HandoutError(translate("handout", "side must be 'left' or 'right', got {side!r}").format(side=side))
        if not any(m.id == muscle_id and s == side for m, s in chosen):
            chosen.append((atlas.muscles[muscle_id], side))
    if not chosen:
        raise HandoutError(translate("handout", "choose at least one muscle for the handout"))
    if match is None and not painmap.is_empty():
        from ...core.pain.matching import Matcher

        match = Matcher(atlas, matching_phrases()).match(painmap)
    entries = []
    for i, (muscle, side) in enumerate(chosen, start=1):
        found = match.find(muscle.id, side) if match is not None else None
        entries.append(HandoutMuscle(i, muscle, side, tuple(found.reasons) if found else ()))
    if red_flags is None:
        from ...core.content.safety import FILE_NAME, load_red_flags

        path = Path(atlas.data_dir) / FILE_NAME if atlas.data_dir else None
        red_flags = load_red_flags(path if path is not None and path.is_file() else None, language=current_language())
    if routine is None:
        routine = combined_routine(atlas, chosen)
    return Handout(
        atlas, painmap, tuple(entries), routine, size, red_flags, title or translate("handout", TITLE), date or _date.today(),
        _summary(match, chosen, painmap),
    )  # fmt: skip


def _summary(match, chosen, painmap) -> str:
    """The match's summary, but only when it speaks of exactly the muscles in the handout."""
    if match is None or painmap.is_empty():
        return ""
    explaining = [(c.muscle_id, c.side) for c in match.explaining]
    return match.summary if explaining == [(m.id, side) for m, side in chosen] else ""


# --------------------------------------------------------------------------------------------- measuring context


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


class _Ctx:
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


# --------------------------------------------------------------------------------------------- blocks


class Block:
    """One unit of layout: measured for a width, painted into a rect; never split unless ``split`` says so."""

    kind = "text"
    keep_with_next = False  # headings: never the last thing on a page
    space_before = 7.0  # points, when not at the top of a page

    def __init__(self, name: str):
        self.name = name

    def height(self, ctx: _Ctx, width: float) -> float:
        raise NotImplementedError

    def paint(self, painter: QPainter, ctx: _Ctx, rect: QRectF) -> None:
        raise NotImplementedError

    def split(self, ctx: _Ctx, width: float, available: float):
        """(a first part that fits ``available``, the rest) or None when the block cannot be split there."""

    def min_height(self, ctx: _Ctx, width: float) -> float:
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

    def __init__(self, name, exercise, dose, where="", label=""):
        super().__init__(name)
        self.exercise, self.dose, self.where, self.label = exercise, dose, where, label
        self._cache: dict = {}

    def _html(self):
        ex = self.exercise
        label = f"{_e(self.label)}: " if self.label else ""
        parts = [f"<h3>{label}{_e(ex.name)}</h3>", f"<p class='dose'>{_e(self.dose)}</p>"]
        if self.where:
            parts.append(translate("handout", "<p><b>Where:</b> {e}</p>").format(e=_e(self.where)))
        parts.append("<ol>" + "".join(f"<li>{_e(s)}</li>" for s in ex.steps) + "</ol>")
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


# --------------------------------------------------------------------------------------------- diagrams


def _crop(view) -> QRectF:
    """The part of a view worth printing: the body outline and a little air."""
    bounds = [g.bounds for g in view.body.values() if not g.is_empty]
    if not bounds:
        return QRectF(*view.viewbox)
    x0, y0 = min(b[0] for b in bounds), min(b[1] for b in bounds)
    x1, y1 = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return QRectF(x0 - CROP_PAD, y0 - CROP_PAD, x1 - x0 + 2 * CROP_PAD, y1 - y0 + 2 * CROP_PAD)


@dataclass
class _Figure:
    view_id: str
    marks: str  # "filled": pain with its numbers; "outline": the pain's outline only; "": none
    muscles: tuple[HandoutMuscle, ...]  # their trigger points are drawn
    zones: HandoutMuscle | None = None  # this muscle's zones are drawn
    numbered: bool = False  # label each trigger point with its muscle's number


def _side_words(view) -> tuple[str, str]:
    """(label above the figure, line below it) for a view: the person's own left and right."""
    if view.midline is not None:
        return "", ""
    front_right = not view.mirrored
    return translate("handout", "{upper} SIDE").format(upper=side_name(view.sides[0]).upper()), (translate("handout", "← back     front →") if front_right else translate("handout", "← front     back →"))


class DiagramRow:
    """Figures side by side at one scale, with the person's LEFT/RIGHT above and the view's name below."""

    def __init__(self, figures: list[_Figure]):
        self.figures = figures

    def _metrics(self, ctx):
        label_h = QFontMetricsF(base_font(7, True), ctx.device).height() + ctx.pt(2)
        caption_h = 2 * QFontMetricsF(base_font(7.5), ctx.device).height() + ctx.pt(3)
        return label_h, caption_h, ctx.mm(4)

    def width_for(self, ctx, height: float) -> float:
        label_h, caption_h, gap = self._metrics(ctx)
        atlas = ctx.handout.atlas
        crops = [_crop(atlas.views[f.view_id]) for f in self.figures]
        scale = (height - label_h - caption_h) / max(c.height() for c in crops)
        return sum(c.width() for c in crops) * scale + gap * (len(crops) - 1)

    def paint(self, painter, ctx, rect: QRectF) -> None:
        atlas = ctx.handout.atlas
        label_h, caption_h, gap = self._metrics(ctx)
        crops = [_crop(atlas.views[f.view_id]) for f in self.figures]
        scale = min(
            (rect.height() - label_h - caption_h) / max(c.height() for c in crops),
            (rect.width() - gap * (len(crops) - 1)) / sum(c.width() for c in crops),
        )
        total_w = sum(c.width() for c in crops) * scale + gap * (len(crops) - 1)
        x = rect.x() + (rect.width() - total_w) / 2
        for figure, crop in zip(self.figures, crops):
            w = crop.width() * scale
            box = QRectF(x, rect.y() + label_h, w, crop.height() * scale)
            self._figure(painter, ctx, figure, crop, box, label_h, caption_h)
            x += w + gap

    def _figure(self, painter, ctx, figure: _Figure, crop: QRectF, box: QRectF, label_h, caption_h):
        handout = ctx.handout
        view = handout.atlas.views[figure.view_id]
        scale = box.width() / crop.width()
        to_device = QTransform().translate(box.x(), box.y()).scale(scale, scale).translate(-crop.x(), -crop.y())
        unit = ctx.pt(1) / scale  # view units per point

        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setClipRect(box)
        painter.setTransform(to_device, True)
        draw_view(painter, ctx.renderer(view.svg_file), QRectF(*view.viewbox), view.mirrored)
        if figure.zones is not None:
            self._zones(painter, figure.zones, view, unit)
        if figure.marks == "filled":
            for mark in (m for m in handout.painmap.marks if m.view == figure.view_id):
                pen = QPen(PAIN_EDGE, 0.8 * unit)
                if any(q in NERVE_QUALITIES for q in mark.qualities):
                    pen.setStyle(Qt.DashLine)
                painter.setPen(pen)
                painter.setBrush(pain_fill(mark.intensity))
                painter.drawPath(painter_path(mark.geometry))
        elif figure.marks == "outline":
            pain = handout.painmap.geometry_on(figure.view_id)
            if not pain.is_empty:
                pen = QPen(QColor(110, 40, 10), 1.5 * unit, Qt.DotLine, Qt.RoundCap)
                painter.setPen(pen)
                painter.setBrush(Qt.NoBrush)
                painter.drawPath(painter_path(pain))
        painter.restore()

        # Numbers, crosses and words in device units, so they keep their printed size at any scale.
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setClipRect(box.adjusted(-ctx.pt(2), -ctx.pt(2), ctx.pt(2), ctx.pt(2)))
        crosses = [
            (to_device.map(QPointF(point.x, point.y)), entry.number)
            for entry in figure.muscles
            for point in entry.muscle.points_on(figure.view_id, entry.side)
        ]
        arm = ctx.pt(4.2)
        taken = [QRectF(at.x() - arm, at.y() - arm, 2 * arm, 2 * arm) for at, _n in crosses]
        for at, _number in crosses:
            _cross(painter, ctx, at, ctx.pt(3.4))
        if figure.marks == "filled":
            r = ctx.pt(5.2)
            for mark in (m for m in handout.painmap.marks if m.view == figure.view_id):
                # The pain's number goes where it hides no X and no other number (nudged along the mark if need be).
                anchor = to_device.map(_badge_anchor(mark))
                for dx, dy in ((0, 0), (0, 11), (0, -11), (11, 0), (-11, 0), (0, 22), (0, -22)):
                    at = anchor + QPointF(ctx.pt(dx), ctx.pt(dy))
                    rect = QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)
                    if not any(rect.intersects(t) for t in taken):
                        break
                else:
                    at, rect = anchor, QRectF(anchor.x() - r, anchor.y() - r, 2 * r, 2 * r)
                _badge(painter, ctx, at, mark.intensity)
                taken.append(rect)
        if figure.numbered:
            for i, (at, number) in enumerate(crosses):
                # Beside its own X, on the first side where it covers no other X and no other number.
                others = taken[:i] + taken[i + 1 :]
                for dx, dy in ((4.5, -5), (4.5, 5), (-4.5, -5), (-4.5, 5), (9, 0), (-9, 0)):
                    rect = _tag_rect(ctx, at + QPointF(ctx.pt(dx), ctx.pt(dy)), str(number))
                    if not any(rect.intersects(r) for r in others):
                        break
                else:
                    rect = _tag_rect(ctx, at + QPointF(ctx.pt(4.5), -ctx.pt(5)), str(number))
                _tag(painter, ctx, rect.center(), str(number))
                taken.append(rect)
        painter.restore()

        painter.save()
        painter.setPen(INK)
        painter.setFont(base_font(7, True))
        above, below = _side_words(view)
        top = QRectF(box.x() - ctx.mm(6), box.y() - label_h, box.width() + ctx.mm(12), label_h)
        if view.midline is not None:
            for side in view.sides:
                cx = to_device.map(QPointF(view.body[side].centroid.x, 0)).x()
                painter.drawText(QRectF(cx - ctx.mm(10), top.y(), ctx.mm(20), label_h), Qt.AlignCenter, translate("handout", "LEFT") if side == "left" else translate("handout", "RIGHT"))
        else:
            painter.drawText(top, Qt.AlignCenter, above)
        painter.setFont(base_font(7.5, True))
        caption = QRectF(box.x() - ctx.mm(8), box.bottom() + ctx.pt(2), box.width() + ctx.mm(16), caption_h)
        title = translate("handout", "{title} view").format(title=view.title)
        painter.drawText(caption, Qt.AlignHCenter | Qt.AlignTop, title)
        if below:
            painter.setFont(base_font(7))
            painter.setPen(QUIET)
            painter.drawText(caption, Qt.AlignHCenter | Qt.AlignBottom, below)
        painter.restore()

    def _zones(self, painter, entry: HandoutMuscle, view, unit):
        muscle, side = entry.muscle, entry.side
        if side not in view.sides:
            return
        zone = QColor(*ZONE_RGB)
        essential = muscle.zone("essential", side, view.id)
        spill = muscle.zone("spillover", side, view.id)
        if not spill.is_empty and not essential.is_empty:
            spill = spill.difference(essential)
        if not spill.is_empty:
            path = painter_path(spill)
            _hatch(painter, path, QColor(zone.red(), zone.green(), zone.blue(), 215), 3.0 * unit, 0.7 * unit)
            painter.setPen(QPen(zone, 0.9 * unit, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(path)
        if not essential.is_empty:
            painter.setPen(QPen(zone, 1.2 * unit))
            painter.setBrush(QColor(zone.red(), zone.green(), zone.blue(), 105))
            painter.drawPath(painter_path(essential))


def _hatch(painter: QPainter, path: QPainterPath, color: QColor, spacing: float, width: float) -> None:
    """Diagonal lines clipped to a path: a hatch that prints as lines, not as a colour."""
    bounds = path.boundingRect()
    if bounds.isEmpty():
        return
    painter.save()
    painter.setClipPath(path, Qt.IntersectClip)
    painter.setPen(QPen(color, width))
    size = bounds.width() + bounds.height()
    offset = 0.0
    lines = []
    while offset <= size:
        start = QPointF(bounds.left() + offset, bounds.top())
        lines.append(QLineF(start, start + QPointF(-bounds.height(), bounds.height())))
        offset += spacing
    painter.drawLines(lines)
    painter.restore()


def _badge_anchor(mark) -> QPointF:
    minx, miny, maxx, maxy = mark.geometry.bounds
    if min(maxx - minx, maxy - miny) < 40.0:  # as on screen: small marks carry the number beside them
        return QPointF(maxx, miny)
    point = mark.geometry.representative_point()
    return QPointF(point.x, point.y)


def _badge(painter, ctx, at: QPointF, intensity: int) -> None:
    r = ctx.pt(4.6)
    painter.setPen(QPen(PAIN_EDGE, ctx.pt(0.7)))
    painter.setBrush(QColor(255, 255, 255))
    painter.drawEllipse(at, r, r)
    painter.setFont(base_font(5.8 if intensity < 10 else 4.8, True))
    painter.setPen(QColor(60, 20, 5))
    painter.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignCenter, str(intensity))


def _cross(painter, ctx, at: QPointF, arm: float) -> None:
    for color, width in ((QColor(255, 255, 255), ctx.pt(3.2)), (INK, ctx.pt(1.5))):
        painter.setPen(QPen(color, width, Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(at + QPointF(-arm, -arm), at + QPointF(arm, arm))
        painter.drawLine(at + QPointF(-arm, arm), at + QPointF(arm, -arm))


def _tag_rect(ctx, at: QPointF, text: str) -> QRectF:
    metrics = QFontMetricsF(base_font(6.5, True), ctx.device)
    w, h = metrics.horizontalAdvance(text) + ctx.pt(3), metrics.height()
    return QRectF(at.x() - w / 2, at.y() - h / 2, w, h)


def _tag(painter, ctx, at: QPointF, text: str) -> None:
    """A muscle's number beside a trigger point, in a small white box."""
    font = base_font(6.5, True)
    rect = _tag_rect(ctx, at, text)
    painter.setPen(QPen(INK, ctx.pt(0.5)))
    painter.setBrush(QColor(255, 255, 255))
    painter.drawRoundedRect(rect, ctx.pt(1.5), ctx.pt(1.5))
    painter.setFont(font)
    painter.setPen(INK)
    painter.drawText(rect, Qt.AlignCenter, text)


LEGEND_PAIN = ("pain", QT_TRANSLATE_NOOP("handout", "Where you marked pain. The number is how strong it is, from 0 to 10."))
LEGEND_NERVE = ("nerve", QT_TRANSLATE_NOOP("handout", "Dashed edge: tingling or numbness, a nerve sign to have examined."))
LEGEND_POINTS = ("cross_number", QT_TRANSLATE_NOOP("handout", "Trigger point. The number is the muscle's number in this handout."))
LEGEND_ESSENTIAL = ("essential", QT_TRANSLATE_NOOP("handout", "Essential zone (solid): where pain from this muscle is usually felt."))
LEGEND_SPILL = ("spill", QT_TRANSLATE_NOOP("handout", "Spillover zone (hatched): where it is sometimes felt too."))
LEGEND_OUTLINE = ("outline", QT_TRANSLATE_NOOP("handout", "Dotted line: the pain you marked."))
LEGEND_CROSS = ("cross", QT_TRANSLATE_NOOP("handout", "Trigger point: the spot to press with the ball."))
LEGEND_SIDES = ("", QT_TRANSLATE_NOOP("handout", "LEFT and RIGHT are your own left and right."))


class Legend:
    """Swatches drawn as shapes with words beside them: it reads the same printed in black and white."""

    def __init__(self, items):
        self.items = list(items)

    def _docs(self, ctx, width):
        sw = ctx.pt(14)
        return [(kind, ctx.doc(f"<p class='small'>{_e(translate('handout', text))}</p>", width - (sw + ctx.pt(5) if kind else 0), 8)) for kind, text in self.items]

    def height(self, ctx, width):
        return sum(max(d.size().height(), ctx.pt(12)) + ctx.pt(3) for _k, d in self._docs(ctx, width))

    def paint(self, painter, ctx, rect):
        y = rect.y()
        sw = ctx.pt(14)
        for kind, doc in self._docs(ctx, rect.width()):
            h = max(doc.size().height(), ctx.pt(12))
            if kind:
                swatch = QRectF(rect.x(), y + ctx.pt(0.5), sw, ctx.pt(10))
                self._swatch(painter, ctx, kind, swatch)
                ctx.draw_doc(painter, doc, rect.x() + sw + ctx.pt(5), y)
            else:
                ctx.draw_doc(painter, doc, rect.x(), y)
            y += h + ctx.pt(3)

    def _swatch(self, painter, ctx, kind, r: QRectF):
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        zone = QColor(*ZONE_RGB)
        if kind in ("pain", "nerve"):
            pen = QPen(PAIN_EDGE, ctx.pt(0.8), Qt.DashLine if kind == "nerve" else Qt.SolidLine)
            painter.setPen(pen)
            painter.setBrush(pain_fill(6) if kind == "pain" else pain_fill(3))
            painter.drawRoundedRect(r, ctx.pt(2), ctx.pt(2))
            if kind == "pain":
                _badge(painter, ctx, r.center(), 6)
        elif kind == "essential":
            painter.setPen(QPen(zone, ctx.pt(1.2)))
            painter.setBrush(QColor(zone.red(), zone.green(), zone.blue(), 105))
            painter.drawRect(r)
        elif kind == "spill":
            path = QPainterPath()
            path.addRect(r)
            _hatch(painter, path, QColor(zone.red(), zone.green(), zone.blue(), 215), ctx.pt(3), ctx.pt(0.7))
            painter.setPen(QPen(zone, ctx.pt(0.9), Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(r)
        elif kind == "outline":
            painter.setPen(QPen(QColor(110, 40, 10), ctx.pt(1.5), Qt.DotLine, Qt.RoundCap))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(r, ctx.pt(3), ctx.pt(3))
        elif kind in ("cross", "cross_number"):
            at = r.center() - QPointF(ctx.pt(2) if kind == "cross_number" else 0, 0)
            _cross(painter, ctx, at, ctx.pt(3.4))
            if kind == "cross_number":
                _tag(painter, ctx, at + QPointF(ctx.pt(4.5), -ctx.pt(5)), "1")
        painter.restore()


class FiguresBlock(Block):
    """A heading, the diagrams, and a side column (the legend and any text) beside them."""

    kind = "diagrams"

    def __init__(self, name, heading_html, row: DiagramRow, side_html: str, legend: Legend, diagram_mm: float, keep_with_next=False, space_before=7.0):
        super().__init__(name)
        self.heading_html, self.row, self.side_html, self.legend = heading_html, row, side_html, legend
        self.diagram_mm, self.keep_with_next, self.space_before = diagram_mm, keep_with_next, space_before

    def _parts(self, ctx, width):
        heading = ctx.doc(self.heading_html, width) if self.heading_html else None
        diagram_h = ctx.mm(self.diagram_mm)
        diagram_w = min(self.row.width_for(ctx, diagram_h), width * 0.62)
        column_w = width - diagram_w - ctx.mm(6)
        side = ctx.doc(self.side_html, column_w) if self.side_html else None
        return heading, diagram_h, diagram_w, column_w, side

    def height(self, ctx, width):
        heading, diagram_h, _dw, column_w, side = self._parts(ctx, width)
        column = (side.size().height() + ctx.pt(8) if side else 0) + self.legend.height(ctx, column_w)
        top = heading.size().height() + ctx.pt(6) if heading else 0
        return top + max(diagram_h, column)

    def paint(self, painter, ctx, rect):
        heading, diagram_h, diagram_w, column_w, side = self._parts(ctx, rect.width())
        y = rect.y()
        if heading:
            ctx.draw_doc(painter, heading, rect.x(), y)
            y += heading.size().height() + ctx.pt(6)
        self.row.paint(painter, ctx, QRectF(rect.x(), y, diagram_w, diagram_h))
        cx = rect.x() + diagram_w + ctx.mm(6)
        if side:
            ctx.draw_doc(painter, side, cx, y)
            y += side.size().height() + ctx.pt(8)
        self.legend.paint(painter, ctx, QRectF(cx, y, column_w, rect.bottom() - y))


# --------------------------------------------------------------------------------------------- content


def _seconds(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _times(n: int) -> str:
    return "once" if n == 1 else ("twice" if n == 2 else translate("handout", "{n} times").format(n=n))


def _compression_dose(care, exercise) -> str:
    c = care.compression
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Pressure {pressure} out of 10 · hold {hold_s} s · {times}{rest}{side}").format(pressure=c.pressure, hold_s=c.hold_s, times=_times(c.reps), rest=rest, side=side)


def _stretch_dose(exercise) -> str:
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Hold {hold_s} s · {times}{rest}{side}").format(hold_s=exercise.hold_s, times=_times(exercise.reps), rest=rest, side=side)


def _views_for(handout: Handout, sides, marked_sides: bool = False) -> list[str]:
    """Back, the side view of each side, front; with ``marked_sides``, also any side view with pain on it."""
    views = handout.atlas.views
    out = ["posterior"] + [f"lateral_{s}" for s in sides] + ["anterior"]
    for view_id in handout.painmap.views() if marked_sides else ():
        if view_id.startswith("lateral_") and view_id not in out:
            out.insert(-1, view_id)
    return [v for v in out if v in views]


def _header_block(handout: Handout) -> Block:
    names = "; ".join(translate("handout", "{name}, {side} side").format(name=m.muscle.name, side=side_name(m.side)) for m in handout.muscles)
    html_text = (
        translate("handout", "<table width='100%' cellspacing='0' cellpadding='0'><tr><td><h1>{e}</h1><p class='quiet'>Prepared on {date} · for self-care of: {e2}</p></td><td align='right' width='32%'><p class='quiet'><br>Name: ______________________</p></td></tr></table><p class='lead'>You marked where it hurts, and hipmap found the muscles whose trigger points most often send pain to those places. For each muscle this handout shows where its trigger points are and what you can do: pressure with a tennis ball, gentle stretches and everyday habits. Stop anything that causes sharp pain. Please read the warning signs at the end before you start.</p>").format(e=_e(handout.title), date=long_date(handout.date), e2=_e(names))
    )
    if handout.painmap.is_empty():
        html_text = html_text.replace(
            "You marked where it hurts, and hipmap found the muscles whose trigger points most often send pain to those "
            "places. ", "",
        )  # fmt: skip
    return HtmlBlock("header", html_text, "header", space_before=0)


def _overview_blocks(handout: Handout) -> list[Block]:
    sides = handout.sides
    has_pain = not handout.painmap.is_empty()
    figures = [_Figure(v, "filled", handout.muscles, numbered=True) for v in _views_for(handout, sides, True)]
    legend = ([LEGEND_PAIN] if has_pain else []) + ([LEGEND_NERVE] if handout.painmap.has_nerve_signs() else [])
    legend += [LEGEND_POINTS, LEGEND_SIDES]
    heading = translate("handout", "Where you marked pain, and the trigger points") if has_pain else translate("handout", "Where the trigger points are")
    listing = "".join(
        translate("handout", "<li><b>{e}</b>, {side} side<br><span class='quiet'>{e2}</span></li>").format(e=_e(m.muscle.name), side=side_name(m.side), e2=_e(m.muscle.short))
        for m in handout.muscles
    )
    side_html = translate("handout", "<h3>The muscles in this handout</h3>") + f"<ol>{listing}</ol>"
    if handout.summary:
        side_html += f"<p class='quiet'>{_e(handout.summary)}</p>"
    steps = [
        (
            translate("handout", "First read <b>When to see a doctor</b> near the end. If any of those signs applies to you, see a clinician instead of starting self-care.")
        ),
        (
            translate("handout", "For each muscle, find its trigger points (the X marks) on the diagrams and in the words beside them: that is where the tennis ball goes, not where the pain is felt.")
        ),
        (
            translate("handout", "Press and stretch as written: a tender but tolerable pressure and a mild stretch, never sharp pain and no bouncing.")
        ),
    ]
    if handout.routine is not None and handout.routine.steps:
        steps.append(
            translate("handout", "<b>Your routine</b> lists every step in order with its timing (about {max} minutes in all).").format(max=max(1, round(handout.routine.total_seconds() / 60)))
        )
    how = translate("handout", "<h3>How to use this handout</h3><ol>") + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"
    return [
        FiguresBlock("diagrams:overview", f"<h2>{_e(heading)}</h2>", DiagramRow(figures), side_html, Legend(legend), 142),
        HtmlBlock("how-to-use", how, "text", frame="box", space_before=10),
    ]


def _muscle_blocks(handout: Handout, entry: HandoutMuscle, shown_exercises: dict) -> list[Block]:
    atlas, muscle, side = handout.atlas, entry.muscle, entry.side
    key = f"{muscle.id}:{side}"
    views = _views_for(handout, (side,))
    has_pain = not handout.painmap.is_empty()
    heading = (
        translate("handout", "<h2>{number}. {e} — {side} side</h2><p class='lead'>{e2}</p>").format(number=entry.number, e=_e(muscle.name), side=side_name(side), e2=_e(muscle.short))
    )
    if entry.reasons:
        heading += translate("handout", "<p class='quiet'>Why it fits your pain: {e}</p>").format(e=_e(' '.join(entry.reasons)))
    points = [p for p in muscle.trigger_points if p.side == side and p.view in views]
    items = "".join(
        translate("handout", "<li>{e}<br><span class='quiet'>{e2} · {e3} view</span></li>").format(e=_e(p.note), e2=_e(translate("handout", DEPTH_WORDS.get(p.depth, p.depth)).capitalize()), e3=_e(atlas.views[p.view].title))
        for p in points
    )
    side_html = (
        translate("handout", "<h3>Where its trigger points are</h3><p>Trigger points are small, tender spots in a muscle that can send pain elsewhere. They are the X marks on the diagrams.</p>") + (f"<ul>{items}</ul>" if items else "")
    )
    figures = [_Figure(v, "outline" if has_pain else "", (entry,), zones=entry) for v in views]
    legend = [LEGEND_ESSENTIAL, LEGEND_SPILL] + ([LEGEND_OUTLINE] if has_pain else []) + [LEGEND_CROSS]
    blocks: list[Block] = [
        FiguresBlock(f"muscle:{key}", heading, DiagramRow(figures), side_html, Legend(legend), 100, keep_with_next=True, space_before=16)
    ]
    care = muscle.self_care
    if care is None:
        blocks.append(HtmlBlock(f"care:{key}", translate("handout", "<p>Our sources give no self-care for this muscle; a physiotherapist can show you what suits you.</p>")))
        return blocks
    blocks.append(HtmlBlock(f"heading:care:{key}", translate("handout", "<h3>What you can do</h3>"), "heading", keep_with_next=True, space_before=10))
    press = atlas.exercises.get(care.compression.exercise)
    if press is not None:
        blocks.append(
            ExerciseBlock(f"exercise:{press.id}:{key}", press, _compression_dose(care, press), care.compression.where, translate("handout", "Tennis ball"))
        )
    stretches = [atlas.exercises[s] for s in care.stretches if s in atlas.exercises]
    if stretches:
        for stretch in stretches:
            earlier = shown_exercises.get(stretch.id)
            if earlier is not None:
                blocks.append(HtmlBlock(
                    f"exercise-ref:{stretch.id}:{key}",
                    translate("handout", "<p><b>Stretch: {e}</b> — {e2}. Steps and picture: see {e3}, above.</p>").format(e=_e(stretch.name), e2=_e(_stretch_dose(stretch)), e3=_e(earlier)),
                    "exercise",
                ))  # fmt: skip
                continue
            shown_exercises[stretch.id] = f"{entry.number}. {muscle.name}"
            blocks.append(ExerciseBlock(f"exercise:{stretch.id}:{key}", stretch, _stretch_dose(stretch), label=translate("handout", "Stretch")))
    else:
        blocks.append(HtmlBlock(
            f"no-stretch:{key}",
            translate("handout", "<p class='quiet'>Our sources give no stretch for this muscle, so hipmap suggests none; a physiotherapist can show you one that suits you.</p>"),
        ))  # fmt: skip
    if care.habits:
        blocks.append(ItemsBlock(f"habits:{key}", translate("handout", "Habits that help"), [_e(f.text) for f in care.habits]))
    if care.cautions:
        blocks.append(ItemsBlock(f"cautions:{key}", translate("handout", "Take care"), [_e(f.text) for f in care.cautions], frame="box"))
    return blocks


def routine_rows(handout: Handout) -> tuple[list[list[str]], int]:
    """The routine table's rows (#, step, side, hold × reps, rest, time) and the total in seconds."""
    routine = handout.routine
    per_step = [0] * len(routine.steps)
    for phase in routine.phases():
        per_step[phase.step_index] += phase.seconds
    rows = []
    for i, step in enumerate(routine.steps):
        title = _e(step_title(step.title))
        muscle = handout.atlas.muscles.get(step.muscle_id)
        if step.kind == "compression" and muscle is not None and muscle.self_care is not None:
            title += translate("handout", "<br><span class='quiet'>pressure {e} out of 10</span>").format(e=_e(muscle.self_care.compression.pressure))
        rows.append([
            str(i + 1), title, "both" if step.side == "none" else step.side, f"{step.hold_s} s × {step.reps}",
            f"{step.rest_s} s" if step.rest_s else "—", _seconds(per_step[i]),
        ])  # fmt: skip
    return rows, routine.total_seconds()


def _routine_blocks(handout: Handout) -> list[Block]:
    routine = handout.routine
    if routine is None or not routine.steps:
        return []
    rows, total = routine_rows(handout)
    ready = sorted({s.ready_s for s in routine.steps})
    ready_text = f"{ready[0]} s" if len(ready) == 1 else translate("handout", "a few seconds")
    intro = (
        translate("handout", "<h2>Your routine</h2><p>The steps in order, as hipmap's routine player times them. Each step starts with {ready_text} to get into position; the time of each step includes its holds, the rests between them and any change of side. <b>Total time: {seconds}</b> (minutes:seconds).</p>").format(ready_text=ready_text, seconds=_seconds(total))
    )
    return [
        HtmlBlock("heading:routine", intro, "heading", keep_with_next=True, space_before=18),
        RoutineTableBlock("table:routine", rows, (translate("handout", "Total time (minutes:seconds)"), _seconds(total))),
    ]


def _safety_blocks(handout: Handout) -> list[Block]:
    flags = handout.red_flags
    blocks: list[Block] = [HtmlBlock("heading:safety", translate("handout", "<h2>When to see a doctor</h2>"), "heading", keep_with_next=True, space_before=18)]
    signs = [f"<b>{_e(t)}</b>" if urgent else _e(t) for t, urgent in flags.see_a_clinician]
    if signs:
        blocks.append(ItemsBlock(
            "safety:see-a-doctor", translate("handout", "See a doctor promptly if you have:"), signs,
            intro=translate("handout", "Self-care with a ball and stretches is for muscle pain. These signs need a clinician instead:"),
            frame="warn",
        ))  # fmt: skip
    groups = [(u, lead, [_e(q.question) for q in flags.questions if q.urgency == u]) for u, lead in ((u, translate("handout", lead)) for u, lead in URGENCY_LEAD.items())]
    groups = [g for g in groups if g[2]]
    if groups:
        blocks.append(HtmlBlock(
            "heading:warning-signs", translate("handout", "<h3>Warning signs: ask yourself before each session</h3>"), "heading",
            keep_with_next=True, space_before=10,
        ))  # fmt: skip
    for urgency, lead, questions in groups:
        # Never split: each question must stay on the page that says what a "yes" means.
        html_text = f"<p><b>{_e(lead)}</b></p><ul>" + "".join(f"<li>{q}</li>" for q in questions) + "</ul>"
        blocks.append(HtmlBlock(f"safety:{urgency}", html_text, "list", space_before=8))
    if flags.nerve_signs is not None:
        advice = flags.nerve_signs
        blocks.append(HtmlBlock("safety:nerve-signs", f"<h3>{_e(advice.title)}</h3><p>{_e(advice.text)}</p>"))
    blocks.append(HtmlBlock(
        "safety:note",
        translate("handout", "<h3>This is not a diagnosis</h3><p>{e} In every case above, leave hipmap's self-care until you have been examined.</p>").format(e=_e(flags.note)),
        frame="box",
    ))  # fmt: skip
    return blocks


def _source_keys(handout: Handout) -> list[str]:
    keys: list[str] = []
    atlas = handout.atlas
    for entry in handout.muscles:
        keys += entry.muscle.source_keys(atlas.exercises)
    flags = handout.red_flags
    for advice in (*flags.advice.values(), flags.nerve_signs):
        if advice is not None:
            keys += advice.sources
    return list(dict.fromkeys(keys))


def _sources_block(handout: Handout) -> Block:
    sources = handout.atlas.sources
    titles = [sources[k].title for k in _source_keys(handout) if k in sources]
    drawing = translate("handout", " The body diagrams were drawn for hipmap from the proportions in {title}.").format(title=sources['drillis'].title) if "drillis" in sources else ""
    text = (
        translate("handout", "<p class='small quiet'><b>Sources.</b> hipmap's text is written in its own words from: {e}.{e2} Made with hipmap {version__}.</p>").format(e=_e('; '.join(titles)), e2=_e(drawing), version__=__version__)
    )
    return HtmlBlock("sources", text, "sources", space_before=14)


def handout_blocks(handout: Handout) -> list[Block]:
    """Every block of the handout, in reading order."""
    blocks: list[Block] = [_header_block(handout)]
    nerve = getattr(handout.red_flags, "nerve_signs", None)
    if handout.painmap.has_nerve_signs() and nerve is not None:
        # Numbness or tingling marked: the app holds self-care back until it is examined; so does the handout.
        blocks.append(HtmlBlock(
            "safety:nerve-signs-first", f"<h3>{_e(nerve.title)}</h3><p>{_e(nerve.text)}</p>", "text", frame="warn",
            space_before=6,
        ))  # fmt: skip
    blocks += _overview_blocks(handout)
    shown: dict = {}
    for entry in handout.muscles:
        blocks += _muscle_blocks(handout, entry, shown)
    blocks += _routine_blocks(handout)
    blocks += _safety_blocks(handout)
    blocks.append(_sources_block(handout))
    return blocks


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


def layout_blocks(blocks: list[Block], ctx: _Ctx, content_rect) -> tuple[list[tuple[Block, int, QRectF]], int]:
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

    def __init__(self, ctx: _Ctx):
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
    ctx = _Ctx(device, handout)
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
