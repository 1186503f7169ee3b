"""The diagrams on paper: the body views cropped to the body, with pain marks and their 0-10 badges, a muscle's
shape (its outline drawn again over its zones, so the pattern never hides it), its zones (solid and hatched), trigger-point crosses with number tags, the legend, and the block that sets them beside
their text. Nothing relies on colour alone, so a black-and-white print reads the same."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as _e

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTransform

from ...core.pain.painmap import NERVE_QUALITIES
from ..kit.colors import MUSCLE_EDGE_RGB, MUSCLE_RGB, PAIN_RGB, ZONE_RGB, pain_fill
from ..kit.i18n import QT_TRANSLATE_NOOP, side_name, translate
from ..kit.shapes import painter_path
from ..diagram.drawing import draw_view, spread_marks
from ..diagram.muscleshape import muscle_strokes, paint_muscle
from .blocks import Block
from .content import HandoutMuscle
from .page_context import INK, QUIET, base_font

PAIN_EDGE = QColor(*PAIN_RGB).darker(160)
CROP_PAD = 12.0  # view units around the body outline when a diagram is cropped to the body


def _crop(view) -> QRectF:
    """The part of a view worth printing: the body outline and a little air."""
    bounds = [g.bounds for g in view.body.values() if not g.is_empty]
    if not bounds:
        return QRectF(*view.viewbox)
    x0, y0 = min(b[0] for b in bounds), min(b[1] for b in bounds)
    x1, y1 = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return QRectF(x0 - CROP_PAD, y0 - CROP_PAD, x1 - x0 + 2 * CROP_PAD, y1 - y0 + 2 * CROP_PAD)


@dataclass
class Figure:
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

    def __init__(self, figures: list[Figure]):
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

    def _figure(self, painter, ctx, figure: Figure, crop: QRectF, box: QRectF, label_h, caption_h):
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
            entry = figure.zones
            shown = entry.side in view.sides or entry.side == "both"
            if shown:  # the muscle itself, under its pattern
                paint_muscle(painter, handout.atlas, entry.muscle.id, entry.side, figure.view_id, cosmetic=False, scale=0.6 * unit)
            self._zones(painter, figure.zones, view, unit)
            if shown:  # and its edge again over the zones' fill and hatching, so the muscle still reads under them
                _muscle_edge(painter, handout.atlas, entry.muscle.id, entry.side, figure.view_id, 0.6 * unit)
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
        # Close trigger points (the three of gluteus minimus) drawn apart, not piled into one blot: each X within
        # one X's width of its true place.
        half = ctx.pt(CROSS_ARM + CROSS_HALO / 2 + 0.3)
        spread = spread_marks([(at.x(), at.y()) for at, _n in crosses], half, 2 * half)
        crosses = [(QPointF(x, y), number) for (x, y), (_at, number) in zip(spread, crosses)]
        arm = ctx.pt(4.2)
        taken = [QRectF(at.x() - arm, at.y() - arm, 2 * arm, 2 * arm) for at, _n in crosses]
        for at, _number in crosses:
            _cross(painter, ctx, at, ctx.pt(CROSS_ARM))
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
        if side not in view.sides and side != "both":  # both: a pattern spanning both sides, on every view
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


def _muscle_edge(painter: QPainter, atlas, muscle_id: str, side: str, view_id: str, scale: float) -> None:
    """The muscle's outline alone (solid, or dashed for a deep muscle), as paint_muscle draws it, without its fill."""
    painter.save()
    painter.setBrush(Qt.NoBrush)
    for stroke in muscle_strokes(atlas, muscle_id, side, view_id, cosmetic=False, scale=scale):
        if stroke.kind == "muscle":
            painter.setPen(stroke.pen)
            painter.drawPath(stroke.path)
    painter.restore()


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


CROSS_ARM = 3.4  # points: half an X's width, to the end of an arm
CROSS_HALO = 3.2  # points: the white halo's pen


def _cross(painter, ctx, at: QPointF, arm: float) -> None:
    for color, width in ((QColor(255, 255, 255), ctx.pt(CROSS_HALO)), (INK, ctx.pt(1.5))):
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
LEGEND_CROSS = ("cross", QT_TRANSLATE_NOOP("handout", "Trigger point: a tender spot in the muscle that sends pain elsewhere."))
LEGEND_MUSCLE = ("muscle", QT_TRANSLATE_NOOP("handout", "Red-brown shape with fibre lines: where the muscle lies."))
LEGEND_MUSCLE_DEEP = ("muscle_deep", QT_TRANSLATE_NOOP("handout", "Dashed red-brown shape: the muscle lies deep, under the muscles outlined faintly over it."))
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
        elif kind in ("muscle", "muscle_deep"):
            deep = kind == "muscle_deep"
            shape = QPainterPath()
            shape.addEllipse(r)
            painter.setPen(QPen(QColor(*MUSCLE_EDGE_RGB), ctx.pt(1.0), Qt.DashLine if deep else Qt.SolidLine))
            painter.setBrush(QColor(*MUSCLE_RGB, 70 if deep else 95))
            painter.drawPath(shape)
            painter.setPen(QPen(QColor(*MUSCLE_EDGE_RGB), ctx.pt(0.5)))
            for k in (-0.25, 0.0, 0.25):  # fibre lines along its length
                y = r.center().y() + k * r.height()
                painter.drawLine(QPointF(r.left() + r.width() * 0.18, y + ctx.pt(1.2)), QPointF(r.right() - r.width() * 0.18, y - ctx.pt(1.2)))
        elif kind == "outline":
            painter.setPen(QPen(QColor(110, 40, 10), ctx.pt(1.5), Qt.DotLine, Qt.RoundCap))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(r, ctx.pt(3), ctx.pt(3))
        elif kind in ("cross", "cross_number"):
            at = r.center() - QPointF(ctx.pt(2) if kind == "cross_number" else 0, 0)
            _cross(painter, ctx, at, ctx.pt(CROSS_ARM))
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
