"""The diagrams of presentation mode: one view of the body in layers that can be shown, hidden and revealed.

Every shape is the core's own shape in the view's SVG coordinates, as in BodyView, so what the practitioner shows
is what the matching measured. Unlike BodyView, nothing here has a fixed pixel size: trigger points, rating badges
and labels grow with the diagram, so they read from across a room on a big screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QWidget,
)
from shapely.geometry import LineString

from ...core.content.model import Atlas, Muscle
from ...core.pain.painmap import NERVE_QUALITIES
from ..diagram.bodyview import IntensityBadge, TriggerCross
from ..kit.colors import MUSCLE_EDGE_RGB, MUSCLE_RGB, PAIN_RGB, ZONE_RGB, diagram_style, pain_fill
from ..diagram.drawing import draw_view, spread_marks
from ..diagram.muscleshape import edge_strokes, muscle_strokes, sides_for
from ..kit.shapes import painter_path
from ..kit.i18n import side_and_region, side_name, translate

LAYERS = ("outline", "regions", "zones", "points", "marks", "muscle")
_PARTS = {"zones": ("spill", "essential", "edge"), "muscle": ("muscle", "muscle_edge")}  # a layer drawn in several
# The presentation's own calm dark scheme: the light body drawing stands out and the room stays dim.
BACKGROUND = QColor("#161a21")
TEXT = QColor("#f1f3f6")
QUIET = QColor("#aeb6c2")  # about 8:1 on the background
ACCENT = QColor("#7db8ff")
SKIN = QColor("#f3e6dc")  # the body fill of the drawings, behind the legend's samples

CROSS_SCALE = 2.0  # trigger points: TriggerCross drawn this much larger, in view units
BADGE_SCALE = 1.5
SIDE_LABEL_UNITS = 24.0
MARGIN_UNITS = 28.0
# Reveal: the essential zone fades and grows in first, the spillover zone follows.
ESSENTIAL_SPAN = 0.6
SPILL_START = 0.35


def _zone_colour(alpha: float) -> QColor:
    return QColor(*ZONE_RGB, max(0, min(255, round(alpha))))


def hatch_brush(colour: QColor, spacing: float = 11.0, width: float = 2.4) -> QBrush:
    """Diagonal hatching drawn in view units, so it scales with the diagram (Qt's pattern brushes are 1 px)."""
    size = max(4, round(spacing))
    tile = QPixmap(size, size)
    tile.fill(Qt.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(colour, width, Qt.SolidLine, Qt.FlatCap))
    for offset in (-size, 0, size):  # lines through the tile and its neighbours' corners: seamless
        painter.drawLine(QPointF(offset - size, 2 * size), QPointF(offset + 2 * size, -size))
    painter.end()
    return QBrush(tile)


class Layer(QGraphicsObject):
    """An invisible parent: showing, hiding or fading it does the same to everything drawn in it."""

    def __init__(self, name: str, z: float):
        super().__init__()
        self.name = name
        self.setFlag(QGraphicsItem.ItemHasNoContents)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, _painter, _option, _widget=None):
        pass

    def clear(self) -> None:
        scene = self.scene()
        for child in self.childItems():
            child.setParentItem(None)
            if scene is not None:
                scene.removeItem(child)


class Drawing(QGraphicsItem):
    """The view's SVG (outline, faint muscles and landmarks), cached at screen resolution."""

    def __init__(self, renderer: QSvgRenderer, box: QRectF, mirrored: bool):
        super().__init__()
        self.renderer, self.box, self.mirrored = renderer, box, mirrored
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self.box

    def paint(self, painter: QPainter, _option, _widget=None):
        draw_view(painter, self.renderer, self.box, self.mirrored)


class InViewUnits:
    """Mixin for an item drawn at a fixed screen size (ItemIgnoresTransformations): draw it in view units instead,
    scaled by ``scale_by``, so it grows with the diagram on a big screen."""

    scale_by = 1.0

    def _in_view_units(self, scale: float) -> None:
        self.scale_by = scale
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, False)

    def boundingRect(self) -> QRectF:
        return QTransform.fromScale(self.scale_by, self.scale_by).mapRect(super().boundingRect())

    def paint(self, painter: QPainter, option, widget=None):
        painter.scale(self.scale_by, self.scale_by)
        super().paint(painter, option, widget)


class BigCross(InViewUnits, TriggerCross):
    """The X of a trigger point, sized in view units so it grows with the diagram."""

    def __init__(self, scale: float = CROSS_SCALE):
        super().__init__()
        self._in_view_units(scale)


class BigBadge(InViewUnits, IntensityBadge):
    """A mark's 0-10 rating, sized in view units."""

    def __init__(self, intensity: int, beside: bool = False, scale: float = BADGE_SCALE):
        super().__init__(intensity, beside)
        self._in_view_units(scale)


def view_shows(muscle: Muscle, view_id: str, side: str, atlas: Atlas | None = None) -> bool:
    """Whether a view has anything of this muscle on this side: a zone, a trigger point, or (given the atlas) the
    muscle's own shape, so that a muscle is shown where it lies even where its pain is not felt."""
    zones = (muscle.zone(kind, side, view_id) for kind in ("essential", "spillover"))
    if any(not z.is_empty for z in zones) or muscle.points_on(view_id, side):
        return True
    anatomy = (getattr(atlas, "anatomy", None) or {}).get(muscle.id) if atlas is not None else None
    return anatomy is not None and any(anatomy.shape(s, view_id) is not None for s in sides_for(side))



class SlideDiagram(QGraphicsView):
    """One view of the body, read-only, in layers: outline, regions, zones, trigger points, pain marks."""

    hoverChanged = Signal(str)  # "Right outer thigh" under the pointer while the regions are shown, or ""

    def __init__(self, atlas: Atlas, view_id: str, renderer: QSvgRenderer, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self.view_id = view_id
        self.view = atlas.views[view_id]
        self.muscle: Muscle | None = None
        self.side: str | None = None
        self.enabled = {name: True for name in LAYERS}
        self.enabled["regions"] = False  # faint boundaries on demand: they compete with the pattern
        self.stage = 2
        self._hovered = None

        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.NoIndex)
        self.setScene(scene)
        box = QRectF(*self.view.viewbox)
        self.layers = {
            "outline": Layer("outline", 0),
            "regions": Layer("regions", 1),
            "muscle": Layer("muscle", 1.5),  # where the muscle lies: under its pattern, shown first
            "spill": Layer("spill", 2),
            "essential": Layer("essential", 3),
            "muscle_edge": Layer("muscle_edge", 3.5),  # the muscle's edge again over its zones' fill (shown with it)
            "marks": Layer("marks", 4),
            "edge": Layer("edge", 5),  # the essential zone's edge stays visible over the marks
            "points": Layer("points", 6),
            "labels": Layer("labels", 7),
        }
        for layer in self.layers.values():
            scene.addItem(layer)
        Drawing(renderer, box, self.view.mirrored).setParentItem(self.layers["outline"])
        self.hover_item = QGraphicsPathItem()
        self.hover_item.setParentItem(self.layers["regions"])
        self.hover_item.setPen(QPen(Qt.NoPen))
        self.hover_item.setBrush(QColor(60, 70, 90, 55))  # neutral: never mistaken for a zone or a mark
        self._add_regions()
        self._add_labels()
        scene.setSceneRect(self._content_rect())

        self.setBackgroundBrush(BACKGROUND)
        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform | QPainter.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.NoFrame)
        self.setFocusPolicy(Qt.NoFocus)  # every key belongs to the presentation's shortcuts
        self.setInteractive(False)  # no pop-ups on the audience's screen: hovering names a region below instead
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(translate("slidediagram", "{title} view of the body").format(title=self.view.title))
        self._apply_visibility()

    def use_atlas(self, atlas: Atlas) -> None:
        """The same drawing with the words of ATLAS (another language): its name, the side labels, the muscle."""
        self.atlas = atlas
        self.view = atlas.views[self.view_id]
        self.layers["labels"].clear()
        self._add_labels()
        self.setAccessibleName(translate("slidediagram", "{title} view of the body").format(title=self.view.title))
        if self.muscle is not None:
            stage = self.stage
            self.set_muscle(atlas.muscles.get(self.muscle.id), self.side)
            self.set_stage(stage)

    # ------------------------------------------------------------------------------------------ building

    def _add_regions(self):
        pen = QPen(QColor(70, 78, 96, 170), 1.3, Qt.DashLine)
        pen.setCosmetic(True)
        for shape in self.view.regions.values():
            item = QGraphicsPathItem(painter_path(shape))
            item.setPen(pen)
            item.setBrush(Qt.NoBrush)
            item.setParentItem(self.layers["regions"])

    def _region_name(self, region_id: str, side: str) -> str:
        region = self.atlas.regions.get(region_id)
        name = region.name if region else region_id.replace("_", " ")
        return side_and_region(side, name)

    def _text(self, text: str, units: float, x: float, y: float, align=Qt.AlignHCenter, bold: bool = True):
        item = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(round(units))
        font.setBold(bold)
        font.setLetterSpacing(QFont.PercentageSpacing, 110)
        item.setFont(font)
        item.setBrush(TEXT)
        width = item.boundingRect().width()
        dx = -width / 2 if align == Qt.AlignHCenter else (-width if align == Qt.AlignRight else 0)
        item.setPos(x + dx, y)
        item.setParentItem(self.layers["labels"])
        return item

    def _add_labels(self):
        """The person's left and right on the figure: laterality is the commonest body-map error."""
        x0, y0, w, _h = self.view.viewbox
        if self.view.midline is not None:
            for side in self.view.sides:
                toward = 1 if self.view.body[side].centroid.x > self.view.midline else -1
                item = self._text(side_name(side).upper(), SIDE_LABEL_UNITS, self.view.midline + toward * 70, y0 + 4)
                # Centred over its half, unless the word is long (IZQUIERDO): then it starts just off the midline.
                width = item.boundingRect().width()
                inner = 70 - width / 2
                if inner < 10:
                    item.moveBy(toward * (10 - inner), 0)
            return
        side = self.view.sides[0]
        body = self.view.body[side]
        self._text(translate("slidediagram", "{upper} SIDE").format(upper=side_name(side).upper()), SIDE_LABEL_UNITS, body.centroid.x, y0 + 4)
        # Front and back beside the thigh, just clear of the body at that height.
        y = 545.0
        across = body.intersection(LineString([(x0, y), (x0 + w, y)]))
        if across.is_empty:
            left, right = x0 + w / 2 - 60, x0 + w / 2 + 60
        else:
            left, right = across.bounds[0], across.bounds[2]
        faces_right = not self.view.mirrored  # lateral_right faces right; its mirror faces left
        size = SIDE_LABEL_UNITS * 0.8
        self._text(translate("slidediagram", "FRONT →") if faces_right else translate("slidediagram", "BACK →"), size, right + 16, y - size / 2, Qt.AlignLeft, bold=False)
        self._text(translate("slidediagram", "← BACK") if faces_right else translate("slidediagram", "← FRONT"), size, left - 16, y - size / 2, Qt.AlignRight, bold=False)

    def _content_rect(self) -> QRectF:
        """The body and its labels with a margin: the figures are tall and narrow, so no width is wasted."""
        rect = QRectF()
        for body in self.view.body.values():
            minx, miny, maxx, maxy = body.bounds
            rect = rect.united(QRectF(minx, miny, maxx - minx, maxy - miny))
        for item in self.layers["labels"].childItems():
            rect = rect.united(item.mapRectToScene(item.boundingRect()))
        return rect.adjusted(-MARGIN_UNITS, -MARGIN_UNITS / 2, MARGIN_UNITS, MARGIN_UNITS / 2)

    def aspect(self) -> float:
        rect = self.sceneRect()
        return rect.width() / rect.height()

    # ------------------------------------------------------------------------------------------ content

    def set_marks(self, marks) -> None:
        """The pain the patient marked on this view (other views' marks are ignored). Ratings, never names."""
        layer = self.layers["marks"]
        layer.clear()
        for mark in marks:
            if mark.view != self.view_id or mark.geometry.is_empty:
                continue
            item = QGraphicsPathItem(painter_path(mark.geometry))
            item.setBrush(pain_fill(mark.intensity))
            pen = QPen(QColor(*PAIN_RGB).darker(140), 1.5)
            pen.setCosmetic(True)
            if any(q in NERVE_QUALITIES for q in mark.qualities):
                pen.setStyle(Qt.DashLine)
            item.setPen(pen)
            item.setParentItem(layer)
            minx, miny, maxx, maxy = mark.geometry.bounds
            small = min(maxx - minx, maxy - miny) < 40 * BADGE_SCALE
            badge = BigBadge(mark.intensity, beside=small)
            if small:
                badge.setPos(maxx - 0.15 * (maxx - minx), miny + 0.15 * (maxy - miny))
            else:
                point = mark.geometry.representative_point()
                badge.setPos(point.x, point.y)
            badge.setParentItem(layer)

    def set_muscle(self, muscle: Muscle | None, side: str | None) -> None:
        """Draw a muscle's essential zone (solid), spillover zone (hatched) and trigger points (X)."""
        self.muscle, self.side = muscle, side
        for name in ("spill", "essential", "edge", "points", "muscle", "muscle_edge"):
            self.layers[name].clear()
        if muscle is None or (side not in self.view.sides and side != "both"):  # both: a pattern over both sides
            return
        strokes = sorted(muscle_strokes(self.atlas, muscle.id, side, self.view_id), key=lambda s: s.z)
        for stroke in strokes + edge_strokes(strokes, muscle, self.view_id):
            item = QGraphicsPathItem(stroke.path)
            item.setPen(stroke.pen)
            item.setBrush(stroke.brush)
            item.setZValue(stroke.z)
            item.setData(1, stroke.kind)
            item.setParentItem(self.layers["muscle_edge" if stroke.kind == "edge" else "muscle"])
        essential = muscle.zone("essential", side, self.view_id)
        spill = muscle.zone("spillover", side, self.view_id)
        if not spill.is_empty and not essential.is_empty:
            spill = spill.difference(essential)
        if not spill.is_empty:
            pen = QPen(_zone_colour(235), 1.8, Qt.DashLine)
            pen.setCosmetic(True)
            self._path(spill, pen, hatch_brush(_zone_colour(215)), "spill")
        if not essential.is_empty:
            self._path(essential, QPen(Qt.NoPen), QBrush(_zone_colour(125)), "essential")
            edge = QPen(_zone_colour(255), 2.6)
            edge.setCosmetic(True)
            self._path(essential, edge, QBrush(Qt.NoBrush), "edge")
        points = muscle.points_on(self.view_id, side)
        half = (TriggerCross.SIZE + TriggerCross.HALO) * CROSS_SCALE * diagram_style().cross_scale  # view units
        for x, y in spread_marks([(p.x, p.y) for p in points], half, 2 * half):  # close X's drawn apart, not piled
            cross = BigCross()
            cross.setPos(x, y)
            cross.setParentItem(self.layers["points"])
        for name in ("spill", "essential", "edge"):
            layer = self.layers[name]
            layer.setTransformOriginPoint(layer.childrenBoundingRect().center())
        self.set_reveal(1.0)

    def _path(self, shape, pen, brush, layer):
        item = QGraphicsPathItem(painter_path(shape))
        item.setPen(pen)
        item.setBrush(brush)
        item.setParentItem(self.layers[layer])

    def has_spillover(self) -> bool:
        return bool(self.layers["spill"].childItems())

    def has_points(self) -> bool:
        return bool(self.layers["points"].childItems())

    def has_muscle(self) -> bool:
        return bool(self.layers["muscle"].childItems())

    def has_marks(self) -> bool:
        return bool(self.layers["marks"].childItems())

    # ------------------------------------------------------------------------------------------ showing

    def set_layer(self, name: str, on: bool) -> None:
        self.enabled[name] = on
        self._apply_visibility()

    def set_stage(self, stage: int) -> None:
        """0: the body, the patient's marks and the muscle; 1: and the trigger points; 2: and the referral pattern."""
        self.stage = stage
        self._apply_visibility()

    def _apply_visibility(self):
        allowed = {"points": self.stage >= 1, "zones": self.stage >= 2}
        for name in LAYERS:
            on = self.enabled[name] and allowed.get(name, True)
            for part in _PARTS.get(name, (name,)):
                self.layers[part].setVisible(on)
        if not self.enabled["regions"]:
            self._set_hover(None)

    def set_reveal(self, t: float) -> None:
        """Reveal the referral pattern: t from 0 (hidden) to 1 (fully shown); the essential zone leads."""
        essential = max(0.0, min(1.0, t / ESSENTIAL_SPAN))
        spill = max(0.0, min(1.0, (t - SPILL_START) / (1.0 - SPILL_START)))
        for name, share in (("essential", essential), ("edge", essential), ("spill", spill)):
            layer = self.layers[name]
            layer.setOpacity(share)
            layer.setScale(0.94 + 0.06 * share)

    def is_shown(self, name: str) -> bool:
        """What the viewer sees of a layer: visible, not faded out, and with something in it."""
        parts = _PARTS.get(name, (name,))
        return any(
            self.layers[p].isVisible() and self.layers[p].opacity() > 0.0 and bool(self.layers[p].childItems())
            for p in parts
        )

    # ------------------------------------------------------------------------------------------ view

    def fit(self):
        self.resetTransform()
        self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event):
        super().showEvent(event)
        self.fit()

    def wheelEvent(self, event):
        event.ignore()  # nothing scrolls in a presentation

    def mouseMoveEvent(self, event):
        if self.enabled["regions"]:
            p = self.mapToScene(event.position().toPoint())
            self._set_hover(self.view.region_at(p.x(), p.y()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event):
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, found):
        if found == self._hovered:
            return
        self._hovered = found
        if found is None:
            self.hover_item.setPath(painter_path(None))
            self.hoverChanged.emit("")
            return
        self.hover_item.setPath(painter_path(self.view.regions[found]))
        self.hoverChanged.emit(self._region_name(*found))


class DiagramRow(QWidget):
    """The slide's diagrams side by side, as large as the space allows, centred, each captioned below."""

    def __init__(self, diagrams: dict[str, SlideDiagram], parent=None):
        super().__init__(parent)
        self.diagrams = diagrams
        self.shown: list[str] = []
        self.captions: dict[str, QLabel] = {}
        self.hovers: dict[str, QLabel] = {}
        self.caption_font = QFont()
        self.hover_font = QFont()
        for view_id, diagram in diagrams.items():
            diagram.setParent(self)
            caption = QLabel(diagram.view.title, self)
            caption.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            caption.setAccessibleName(translate("slidediagram", "{title} view").format(title=diagram.view.title))
            hover = QLabel("", self)
            hover.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            hover.setAccessibleName(translate("slidediagram", "Region under the pointer"))
            hover.setStyleSheet(f"color: {QUIET.name()};")
            diagram.hoverChanged.connect(lambda text, v=view_id: self._show_hover(v, text))
            self.captions[view_id], self.hovers[view_id] = caption, hover
        self.setAccessibleName(translate("slidediagram", "Body diagrams"))

    def retitle(self) -> None:
        """The captions again, from the diagrams' views (after a change of language)."""
        for view_id, diagram in self.diagrams.items():
            self.captions[view_id].setText(diagram.view.title)
            self.captions[view_id].setAccessibleName(translate("slidediagram", "{title} view").format(title=diagram.view.title))
        self.relayout()

    def show_views(self, view_ids: list[str]) -> None:
        self.shown = list(view_ids)
        for view_id, diagram in self.diagrams.items():
            on = view_id in self.shown
            for widget in (diagram, self.captions[view_id], self.hovers[view_id]):
                widget.setVisible(on)
        self.relayout()

    def set_fonts(self, caption: QFont, hover: QFont) -> None:
        self.caption_font, self.hover_font = caption, hover
        for label in self.captions.values():
            label.setFont(caption)
        for label in self.hovers.values():
            label.setFont(hover)
        self.relayout()

    def _show_hover(self, view_id: str, text: str) -> None:
        """A region's name under its diagram, as wide as it needs: names are often wider than the figure."""
        label = self.hovers[view_id]
        label.setText(text)
        diagram = self.diagrams[view_id].geometry()
        width = min(self.width(), max(diagram.width(), QFontMetrics(label.font()).horizontalAdvance(text) + 16))
        left = min(max(0, diagram.center().x() - width // 2), self.width() - width)  # never past the slide's edges
        label.setGeometry(left, label.y(), width, label.height())
        label.raise_()

    def relayout(self):
        if not self.shown:
            return

        caption_h = QFontMetrics(self.caption_font).height()
        hover_h = QFontMetrics(self.hover_font).height()
        below = caption_h + hover_h + 8
        gap = max(24.0, 0.05 * self.width())
        height = max(50.0, self.height() - below)
        aspects = [self.diagrams[v].aspect() for v in self.shown]
        total = sum(a * height for a in aspects) + gap * (len(aspects) - 1)
        if total > self.width():  # too wide: shrink the figures, keep them centred vertically
            height *= max(0.1, (self.width() - gap * (len(aspects) - 1))) / max(1.0, total - gap * (len(aspects) - 1))
            total = sum(a * height for a in aspects) + gap * (len(aspects) - 1)
        x = (self.width() - total) / 2
        top = max(0.0, (self.height() - below - height) / 2)
        for view_id, a in zip(self.shown, aspects):
            w = a * height
            self.diagrams[view_id].setGeometry(round(x), round(top), round(w), round(height))
            slot = QRectF(x - gap / 2, top + height + 4, w + gap, caption_h).intersected(QRectF(self.rect()))
            self.captions[view_id].setGeometry(slot.toRect())
            self.hovers[view_id].setGeometry(slot.translated(0, caption_h).toRect())
            self._show_hover(view_id, self.hovers[view_id].text())
            x += w + gap

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.relayout()


class LegendSwatch(QWidget):
    """A sample of one symbol, drawn on the body's colour exactly as the diagrams draw it."""

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setAttribute(Qt.WA_TransparentForMouseEvents)

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(Qt.NoPen)
        p.setBrush(SKIN)
        p.drawRoundedRect(r, 5, 5)
        inner = r.adjusted(r.width() * 0.18, r.height() * 0.18, -r.width() * 0.18, -r.height() * 0.18)
        if self.kind == "points":
            s = inner.height() / 2 / TriggerCross.SIZE * 0.8
            p.translate(inner.center())
            p.scale(s, s)
            TriggerCross().paint(p, None)
        elif self.kind == "essential":
            p.setBrush(_zone_colour(125))
            p.setPen(QPen(_zone_colour(255), 2.2))
            p.drawRoundedRect(inner, 3, 3)
        elif self.kind == "spill":
            scale = max(0.5, self.height() / 40)
            p.setBrush(hatch_brush(_zone_colour(215), 11.0 * scale, 2.4 * scale))
            p.setPen(QPen(_zone_colour(235), 1.8, Qt.DashLine))
            p.drawRoundedRect(inner, 3, 3)
        elif self.kind == "muscle":
            p.setBrush(QColor(*MUSCLE_RGB, 90))
            p.setPen(QPen(QColor(*MUSCLE_EDGE_RGB), 1.8))
            p.drawRoundedRect(inner, 3, 3)
            p.setPen(QPen(QColor(*MUSCLE_EDGE_RGB, 150), 1.0))
            for i in range(1, 4):
                x = inner.left() + inner.width() * i / 4
                p.drawLine(QPointF(x - 3, inner.top() + 3), QPointF(x + 3, inner.bottom() - 3))
        elif self.kind == "marks":
            p.setBrush(pain_fill(6))
            p.setPen(QPen(QColor(*PAIN_RGB).darker(140), 1.5))
            p.drawRoundedRect(inner, 3, 3)
        p.end()
