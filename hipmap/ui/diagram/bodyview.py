"""One body diagram: the drawing, the pain marks, and the selected muscle's zones and trigger points.

Scene coordinates are the view's SVG coordinates, so every shape from the core is drawn where it is hit-tested.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from ...core.content.model import Atlas, Muscle
from ...core.pain.painmap import NERVE_QUALITIES, Mark
from ..kit.shapes import PathItem, painter_path
from ..kit.turns import later
from ..kit.colors import PAIN_RGB, ZONE_RGB, diagram_style, pain_fill
from .muscleshape import MuscleLayer
from .drawing import MIN_STEP, draw_view, spread_marks
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, quality_name, side_and_region, side_name, translate
from .explore import ExploreLabel, stack_lines

Z_HOVER, Z_SPILL, Z_ESSENTIAL, Z_MARKS, Z_POINTS, Z_LABELS, Z_PREVIEW = range(1, 8)
Z_MUSCLE, Z_GHOST = 0.3, 0.6  # the muscle's shape under everything, the muscles over a deep one just above it
Z_MUSCLE_EDGE = Z_ESSENTIAL + 0.5  # its edge again over its zones' fill, under their outline, the marks and the X's
LAYERS = ("muscle", "zones", "points", "marks")  # what View > Layers shows or hides
SMALL_MARK = 40.0  # units: marks narrower than this carry their rating badge beside them
MIN_LABEL_GAP_PX = 6  # screen pixels between a pair of labels and the line they are centred on
LABEL_MARGIN_PX = 4  # screen pixels between a label and the side of its pane
DEPTH_WORDS = {"deep": QT_TRANSLATE_NOOP("bodyview", "deep in the muscle"), "superficial": QT_TRANSLATE_NOOP("bodyview", "close to the surface")}
HINT = QT_TRANSLATE_NOOP("bodyview", "Click or drag to mark where it hurts; Ctrl+M marks a region by name. The person's left and right are labelled.")
DESCRIBED_MARKS = 12  # a screen reader hears this many marks, then how many more there are
# muscles (per side, preview, layers and look) whose drawn items a diagram keeps to show again: every muscle of the
# atlas on both sides and then some (a few items each, their paths shared: a few kB, where drawing one anew costs
# up to a millisecond a view on the way from a click to the overlays painted)
OVERLAYS_KEPT = 64


def text_scale() -> float:
    """How much larger than usual the application's font is (1.0 up to about 13 px): the labels and badges drawn
    at a fixed pixel size grow with it, so they follow a larger system font like the rest of the window."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    return max(1.0, QFontInfo(QApplication.font()).pixelSize() / 13.0)


class ScreenLabel(QGraphicsItem):
    """Text anchored at a scene point but drawn at a fixed screen size, so it stays readable when small."""

    def __init__(self, text: str, pixel_size: int, bold: bool = True, align=Qt.AlignHCenter | Qt.AlignTop):
        super().__init__()
        self.text = text
        self.font = QFont()
        self.font.setPixelSize(round(pixel_size * text_scale()))
        self.font.setBold(bold)
        self.font.setLetterSpacing(QFont.PercentageSpacing, 108)
        self.align = align
        self.color = QColor("black")
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setZValue(Z_LABELS)
        from PySide6.QtGui import QFontMetricsF

        m = QFontMetricsF(self.font)
        w, h = m.horizontalAdvance(text) + 4, m.height() + 2
        x = -w / 2 if align & Qt.AlignHCenter else (-w if align & Qt.AlignRight else 0)
        self.rect = QRectF(x, 0, w, h)

    def setBrush(self, color):
        self.color = QColor(color)
        self.update()

    def at(self, x: float, y: float) -> "ScreenLabel":
        self.setPos(x, y)
        return self

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, _option, _widget=None):
        painter.setFont(self.font)
        painter.setPen(self.color)
        painter.drawText(self.rect, Qt.AlignCenter, self.text)


class IntensityBadge(QGraphicsItem):
    """A white disc with the 0-10 rating, readable over any fill."""

    RADIUS = 8.5

    def __init__(self, intensity: int, beside: bool = False):
        super().__init__()
        self.text = str(intensity)
        self.k = text_scale()
        # A small mark would vanish under its badge: then the badge sits just outside its top-right corner.
        r = self.RADIUS * self.k
        self.offset = QPointF(r + 1, -r - 1) if beside else QPointF(0, 0)
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)  # same size on screen at any zoom

    def boundingRect(self) -> QRectF:
        r = self.RADIUS * self.k + 1.5
        return QRectF(-r, -r, 2 * r, 2 * r).translated(self.offset)

    def paint(self, painter: QPainter, _option, _widget=None):
        painter.setRenderHint(QPainter.Antialiasing)
        painter.translate(self.offset)
        painter.setPen(QPen(QColor(*PAIN_RGB).darker(160), 1.3))
        painter.setBrush(QColor(255, 255, 255, 235))
        r = self.RADIUS * self.k
        painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        font = QFont()
        font.setPixelSize(round((11 if len(self.text) == 1 else 9) * self.k))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(60, 20, 5))
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignCenter, self.text)


class TriggerCross(QGraphicsItem):
    """An X mark (the clinical convention for a trigger point), dark with a white halo, fixed on-screen size."""

    SIZE = 7.0
    HALO = 3.0  # the white halo's reach beyond the arms (half its pen width), in the same units as SIZE

    def __init__(self, strength: float = 1.0):
        super().__init__()
        self.strength = strength
        self.scale_ = diagram_style().cross_scale  # larger and bolder in high contrast
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)

    def boundingRect(self) -> QRectF:
        r = (self.SIZE + 4) * self.scale_
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, _option, _widget=None):
        painter.setRenderHint(QPainter.Antialiasing)
        s, k = self.SIZE * self.scale_, self.scale_
        for color, width in ((QColor(255, 255, 255, int(240 * self.strength)), 2 * self.HALO * k), (QColor(20, 24, 40, int(255 * self.strength)), 2.8 * k)):
            painter.setPen(QPen(color, width, Qt.SolidLine, Qt.RoundCap))
            painter.drawLine(QPointF(-s, -s), QPointF(s, s))
            painter.drawLine(QPointF(-s, s), QPointF(s, -s))


def _common_prefix(before: tuple, after: tuple) -> int:
    """How many marks the two tuples start with, the very same objects."""
    n = 0
    for a, b in zip(before, after):
        if a is not b:
            break
        n += 1
    return n


class BodyView(QGraphicsView):
    """Shows one view; turns clicks and drags into stroke requests for the document to apply."""

    strokeFinished = Signal(str, list, float)  # view id, points in view coordinates, brush radius
    eraseFinished = Signal(str, list, float)
    hoverChanged = Signal(str)  # "Right outer thigh" under the cursor, or ""
    # Explore mode: the muscles under the pointer (top-most first) and which of them is chosen; [] when none
    exploreHovered = Signal(str, list, int)
    exploreClicked = Signal(str, str, str)  # view id, muscle id, the side its shape is on

    def __init__(self, atlas: Atlas, view_id: str, renderer: QSvgRenderer, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self.view_id = view_id
        self.view = atlas.views[view_id]
        self.tool = "brush"
        self.brush_radius = 12.0
        self._stroke: list[tuple[float, float]] | None = None
        self._preview_outline: QPainterPath | None = None  # the stroke being painted, outlined so far
        self._panning: QPointF | None = None
        self._zoomed = False
        self._hovered = None
        self._explore_stack: list = []  # explore mode: muscles_at under the pointer, and the one chosen
        self._explore_index = 0
        self._explore_press = None
        self._explore_pos = QPoint(0, 0)  # where the pointer was, in viewport pixels (the label sits beside it)
        self._marks: tuple[Mark, ...] = ()
        self._mark_regions: dict[int, tuple] = {}  # id(mark) -> (mark, its regions, language, words): the description
        self._marks_words: tuple = ((), None, "", "")  # (marks, atlas, language, marks_text()): the words last made
        self._describe_timer = later(self, self.update_description)  # new marks' words, a turn after they are drawn
        self._overlay_args = (None, None, False)
        self._overlay_made = None  # (its key, the muscle) of the muscle shown, to keep when another is shown
        self._overlays_made: dict = {}  # muscles shown before: key -> (muscle, its layer's items, overlay items, words)
        self._overlay_text = ""
        self.hint = translate("bodyview", HINT)

        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.NoIndex)  # a few dozen items, changed on every stroke
        scene.setSceneRect(QRectF(*self.view.viewbox))
        self.setScene(scene)
        self.renderer = renderer
        self.setCacheMode(QGraphicsView.CacheBackground)  # the drawing is rendered once per zoom level
        self.hover_item = scene.addPath(QPainterPath(), QPen(Qt.NoPen), QBrush(Qt.NoBrush))
        self.hover_item.setZValue(Z_HOVER)
        self.preview_item = scene.addPath(QPainterPath(), QPen(Qt.NoPen), QBrush(Qt.NoBrush))
        self.preview_item.setZValue(Z_PREVIEW)
        self.mark_items: list[QGraphicsItem] = []
        self._zone_cache: dict = {}
        self._overlay_items: list[QGraphicsItem] = []  # the zones and trigger points shown (overlay_items)
        self._overlay_pending = None  # the muscle to draw when this view is shown (set_overlay)
        self.layers = dict.fromkeys(LAYERS, True)
        self.muscle_layer = MuscleLayer(scene, view_id, Z_MUSCLE, Z_GHOST, Z_MUSCLE_EDGE)
        self.explore_label = ExploreLabel(self.viewport())
        self._add_side_labels()

        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform | QPainter.TextAntialiasing)
        self.setMouseTracking(True)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setFrameShape(QGraphicsView.NoFrame)
        self.setAccessibleName(translate("bodyview", "{title} view of the body").format(title=self.view.title))
        self.viewport().setAccessibleName(self.accessibleName())
        self.update_description()
        # Small enough that with large text and the muscle browser open a 720-pixel-high screen still shows all
        # of it (the figure scales to its pane); 300 was cut off there by some 26 px.
        self.setMinimumSize(180, 240)
        self.setCursor(Qt.CrossCursor)

    def use_atlas(self, atlas: Atlas) -> None:
        """The same drawing with the atlas's text in another language (View > Language): names, labels, hint."""
        self.atlas = atlas
        self.view = atlas.views[self.view_id]
        self.hint = translate("bodyview", HINT)
        self.setAccessibleName(translate("bodyview", "{title} view of the body").format(title=self.view.title))
        self.viewport().setAccessibleName(self.accessibleName())
        for item in getattr(self, "_label_items", []):
            self.scene().removeItem(item)
        self._add_side_labels()
        self._mark_regions.clear()
        self._zone_cache.clear()
        muscle, side, preview = self._overlay_args
        self._overlay_key = None
        self.set_overlay(None, None)  # (put away first, then forgotten: drawn anew in the new language)
        self.forget_overlays()
        self.muscle_layer.atlas_changed()
        if muscle is not None:
            self.set_overlay(atlas.muscles.get(muscle.id), side, preview)
        self.update_description()

    def drawBackground(self, painter: QPainter, rect: QRectF):
        painter.fillRect(rect, self.palette().base())
        draw_view(painter, self.renderer, QRectF(*self.view.viewbox), self.view.mirrored)

    # ------------------------------------------------------------------------------------------ labels

    def _add_side_labels(self):
        """The person's left and right on the figure itself: laterality is the commonest body-map error."""
        scene = self.scene()
        x0, y0, w, _h = self.view.viewbox
        labels = []
        self._spread = []  # (label, centre x, direction, preferred distance): kept apart at any zoom
        self._titles = []  # centred labels that must fit the pane's width
        if self.view.midline is not None:
            for side in self.view.sides:
                toward = 1 if self.view.body[side].centroid.x > self.view.midline else -1
                label = ScreenLabel(side_name(side).upper(), 17).at(self.view.midline + toward * 95, y0 + 8)
                labels.append(label)
                self._spread.append((label, self.view.midline, toward, 95.0))
        else:
            side = self.view.sides[0]
            front_is_right = not self.view.mirrored  # lateral_right faces right; its mirror faces left
            title = ScreenLabel(translate("bodyview", "{upper} SIDE").format(upper=side_name(side).upper()), 17)
            labels.append(title.at(x0 + w / 2, y0 + 8))
            self._titles.append(title)
            front = ScreenLabel(translate("bodyview", "FRONT →") if front_is_right else translate("bodyview", "← FRONT"), 12, False)
            back = ScreenLabel(translate("bodyview", "← BACK") if front_is_right else translate("bodyview", "BACK →"), 12, False)
            for label, toward in ((front, 1 if front_is_right else -1), (back, -1 if front_is_right else 1)):
                labels.append(label.at(x0 + w / 2 + toward * 150, y0 + 545))
                self._spread.append((label, x0 + w / 2, toward, 150.0))
        for label in labels:
            label.setBrush(self.palette().text().color())
            scene.addItem(label)
        self._label_items = labels
        self._fit_labels()

    def _fit_labels(self):
        """The labels keep their screen size while the figure scales with the pane, so in a small pane (side by
        side, a larger system font, longer Spanish words) they would run into each other or past the edge. Shrink
        a label only as far as its room needs, and push a pair apart until there are a few pixels between them."""
        self._place_crosses()
        scale = self.transform().m11() or 1.0
        half_pane = self.viewport().width() / 2
        for label in getattr(self, "_titles", ()):
            label.setScale(min(1.0, max(0.2, (2 * half_pane - 2 * LABEL_MARGIN_PX) / label.rect.width())))
        spread = getattr(self, "_spread", ())
        room = half_pane - LABEL_MARGIN_PX - MIN_LABEL_GAP_PX  # for a whole label, on its side of the centre
        # the two words of a pair stay the same size: the longer one decides
        k = min([1.0, *(room / label.rect.width() for label, *_ in spread)])
        k = max(0.2, k)
        for label, centre, toward, preferred in spread:
            label.setScale(k)
            half = label.rect.width() * k / 2
            distance_px = min(max(preferred * scale, half + MIN_LABEL_GAP_PX), max(half + MIN_LABEL_GAP_PX, half_pane - LABEL_MARGIN_PX - half))
            label.setPos(centre + toward * distance_px / scale, label.pos().y())

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.FontChange and hasattr(self, "_label_items"):
            for item in self._label_items:
                self.scene().removeItem(item)
            self._add_side_labels()  # at the new size
            self.restyle()
        if event.type() == event.Type.PaletteChange and hasattr(self, "_overlay_args"):
            for item in getattr(self, "_label_items", []):
                item.setBrush(self.palette().text().color())
            self.restyle()

    def restyle(self) -> None:
        """Draw everything again in the current colours and stroke widths (after the high-contrast switch)."""
        marks, self._marks = self._marks, ()  # nothing kept: every mark drawn again
        self.set_marks(marks)
        self._overlay_key = None
        args = self._overlay_args
        self.set_overlay(None, None)
        self.forget_overlays()  # their pens and widths were the old look's
        self.set_overlay(*args)
        self.resetCachedContent()
        self.viewport().update()

    # ------------------------------------------------------------------------------------------ content

    def set_marks(self, marks) -> None:
        """Show the marks of this view (the document passes all marks; others are ignored)."""
        marks = tuple(m for m in marks if m.view == self.view_id)
        if marks == self._marks:
            return
        # Marks are immutable and a map grows or shrinks at its end (a new stroke, undo): keep the items of the
        # marks both maps start with, and draw only the rest. Stacking stays as if all were drawn again.
        kept = _common_prefix(self._marks, marks)
        self._marks = marks
        scene = self.scene()
        for item in self.mark_items[2 * kept :]:
            scene.removeItem(item)
        del self.mark_items[2 * kept :]
        for mark in marks[kept:]:
            path = painter_path(mark.geometry)
            item = QGraphicsPathItem(path)
            item.setBrush(pain_fill(mark.intensity))
            outline = QPen(QColor(*PAIN_RGB).darker(140), diagram_style().mark_edge)
            outline.setCosmetic(True)
            if any(q in NERVE_QUALITIES for q in mark.qualities):
                outline.setStyle(Qt.DashLine)  # nerve-like qualities get a second, non-colour cue
            item.setPen(outline)
            item.setZValue(Z_MARKS)
            qualities = ", ".join(quality_name(q) for q in mark.qualities) if mark.qualities else translate("bodyview", "no quality chosen")
            item.setToolTip(translate("bodyview", "Pain {intensity}/10 ({qualities})").format(intensity=mark.intensity, qualities=qualities))
            scene.addItem(item)
            self.mark_items.append(item)
            self.mark_items.append(self._intensity_label(mark))
        if not self.layers["marks"]:
            for item in self.mark_items:
                item.setVisible(False)
        # Described in the event loop's next turn: naming a new mark's regions is a search of the body, and a screen
        # reader has the words one turn after the mark is drawn, not in the frame that draws it.
        self._describe_timer.start()

    def _intensity_label(self, mark: Mark) -> QGraphicsItem:
        """A small badge with the pain number: intensity never relies on colour strength alone."""
        minx, miny, maxx, maxy = mark.geometry.bounds
        if min(maxx - minx, maxy - miny) < SMALL_MARK:
            badge = IntensityBadge(mark.intensity, beside=True)
            badge.setPos(maxx - 0.15 * (maxx - minx), miny + 0.15 * (maxy - miny))
        else:
            point = mark.geometry.representative_point()
            badge = IntensityBadge(mark.intensity)
            badge.setPos(point.x, point.y)
        badge.setZValue(Z_MARKS + 0.5)
        self.scene().addItem(badge)
        return badge

    def set_layer_visible(self, layer: str, on: bool) -> None:
        """Show or hide one layer (View > Layers): the muscle's shape, its zones, its trigger points, the marks."""
        if self.layers.get(layer) == bool(on):
            return
        self.layers[layer] = bool(on)
        if layer == "marks":
            for item in self.mark_items:
                item.setVisible(bool(on))
            self.update_description()
            return
        self._overlay_key = None  # drawn again: what the description says follows what is shown
        self.set_overlay(*self._overlay_args)

    @property
    def overlay_items(self) -> list[QGraphicsItem]:
        """The zones and trigger points of the muscle shown (drawn now if this view was waiting to be shown)."""
        self.ensure_overlay()
        return self._overlay_items

    @overlay_items.setter
    def overlay_items(self, items: list[QGraphicsItem]) -> None:
        self._overlay_items = items

    def set_overlay(self, muscle: Muscle | None, side: str | None, preview: bool = False) -> None:
        """Draw a muscle's shape (under the rest), essential zone (solid), spillover zone (hatched) and trigger
        points (X).

        A view not showing (another tab) takes the muscle it showed off at once and draws the new one when it is
        shown: a selection draws on the view in sight only (drawing a muscle on the three others cost the first
        mark of a map 1-3 ms). ensure_overlay() draws it sooner."""
        self._overlay_pending = None
        if muscle is not None and not self.isVisible():
            if (muscle.id, side, preview) != getattr(self, "_overlay_key", None):
                self._draw_overlay(None, None)  # (taking items off the scene costs little)
                self._overlay_args = self._overlay_pending = (muscle, side, preview)
            return
        self._draw_overlay(muscle, side, preview)

    def ensure_overlay(self) -> None:
        """Draw the muscle set while this view was not showing."""
        if self._overlay_pending is not None:
            args, self._overlay_pending = self._overlay_pending, None
            self._draw_overlay(*args)

    def _draw_overlay(self, muscle: Muscle | None, side: str | None, preview: bool = False) -> None:
        key = (muscle.id if muscle else None, side, preview)
        if key == getattr(self, "_overlay_key", None):
            return
        self._overlay_key = key
        self._overlay_args = (muscle, side, preview)
        self._put_away_overlay()
        self._overlay_text = ""
        if muscle is None or (side not in self.view.sides and side != "both"):  # both: a pattern over both sides
            self.update_description()
            return
        # Drawn before with the same layers and look: its items go back into the scene as they were.
        made_key = (muscle.id, side, preview, tuple(self.layers.items()), diagram_style())
        made = self._overlays_made.pop(made_key, None)
        if made is not None and made[0] is muscle:
            _muscle, self.muscle_layer.items, self._overlay_items, self._overlay_text = made
            scene = self.scene()
            for item in self.muscle_layer.items + self._overlay_items:
                scene.addItem(item)
            self._overlay_made = (made_key, muscle)
            self.update_description()
            return
        anatomy_text = self.muscle_layer.show(self.atlas, muscle, side, preview, self.layers["muscle"])
        strength = 0.55 if preview else 1.0
        look = diagram_style()
        zone = QColor(*ZONE_RGB)
        essential_path, spill_path = self._zone_paths(muscle, side)
        if not spill_path.isEmpty():
            hatch = QBrush(QColor(zone.red(), zone.green(), zone.blue(), int(look.spill_alpha * strength)), Qt.BDiagPattern)
            hatch.setTransform(QTransform.fromScale(1.0, 1.0))
            pen = QPen(QColor(zone.red(), zone.green(), zone.blue(), int(230 * strength)), look.spill_edge, Qt.DashLine)
            pen.setCosmetic(True)
            self._overlay_path(spill_path, pen, hatch, Z_SPILL, translate("bodyview", "{name}: spillover zone (hatched)").format(name=muscle.name), "zones")
        if not essential_path.isEmpty():
            fill = QColor(zone.red(), zone.green(), zone.blue(), int(look.essential_alpha * strength))
            # The outline is drawn once, over the marks (a pen wider than a pixel leaves Qt's fast path: a second
            # one under it cost 2.5-3.4 ms a view). Faint (a preview), it is as dark as the two it replaces were
            # where they overlapped.
            self._overlay_path(essential_path, QPen(Qt.NoPen), QBrush(fill), Z_ESSENTIAL, translate("bodyview", "{name}: essential zone (solid)").format(name=muscle.name), "zones")
            edge = QPen(QColor(zone.red(), zone.green(), zone.blue(), round(255 * (1 - (1 - strength) ** 2))), look.essential_edge)
            edge.setCosmetic(True)
            self._overlay_path(essential_path, edge, QBrush(Qt.NoBrush), Z_MARKS + 0.25, translate("bodyview", "{name}: essential zone").format(name=muscle.name), "zones")
        points = muscle.points_on(self.view_id, side)
        n_points = len(points)
        for point in points:
            self._cross(point.x, point.y, strength, translate("bodyview", "{name}: trigger point ({depth}). {note}").format(name=muscle.name, depth=translate("bodyview", DEPTH_WORDS.get(point.depth, point.depth)), note=point.note))
        self._place_crosses()
        shown = [text for present, text in (
            (bool(anatomy_text) and self.layers["muscle"], anatomy_text),
            (not essential_path.isEmpty() and self.layers["zones"], translate("bodyview", "its usual pain area (solid blue)")),
            (not spill_path.isEmpty() and self.layers["zones"], translate("bodyview", "where its pain can also spread (hatched)")),
            (bool(points) and self.layers["points"], (translate("bodyview", "%n trigger point (X)", "", n_points) if n_points == 1 else translate("bodyview", "%n trigger points (X)", "", n_points))),
        ) if present]  # fmt: skip
        if shown:
            if side == "both":
                self._overlay_text = translate("bodyview", "Showing {name}, both sides: {join}.").format(name=muscle.name, join=', '.join(shown))
            else:
                self._overlay_text = translate("bodyview", "Showing {name}, {side} side: {join}.").format(name=muscle.name, side=side_name(side), join=', '.join(shown))
        self._overlay_made = (made_key, muscle)
        self.update_description()

    def _put_away_overlay(self) -> None:
        """Take the muscle shown off the scene, keeping its items to show again (selecting a muscle shown before
        then costs no new items, paths or words): per muscle, side, preview, layers and look."""
        scene = self.scene()
        made, self._overlay_made = self._overlay_made, None
        kept = (self.muscle_layer.items, self._overlay_items)
        for item in self._overlay_items:
            scene.removeItem(item)
        self.muscle_layer.clear()
        self._overlay_items = []
        if made is not None:
            if len(self._overlays_made) >= OVERLAYS_KEPT:  # the oldest goes
                del self._overlays_made[next(iter(self._overlays_made))]
            self._overlays_made[made[0]] = (made[1], *kept, self._overlay_text)

    def forget_overlays(self) -> None:
        """Drop the muscles kept to show again (another atlas, another look): they are drawn anew."""
        self._overlays_made.clear()

    # ------------------------------------------------------------------------------------------ description

    def marks_text(self) -> str:
        """The marks in words: "2 marks: right outer thigh (pain 6), right outer leg (pain 5, burning)". Made again
        only when the marks, the atlas or the language change (the description follows every overlay shown)."""
        marks, atlas, language, text = self._marks_words
        if marks is self._marks and atlas is self.atlas and language == current_language():
            return text
        text = self._marks_text()
        self._marks_words = (self._marks, self.atlas, current_language(), text)
        return text

    def _marks_text(self) -> str:
        if not self._marks:
            return translate("bodyview", "No marks.")
        cache, self._mark_regions = self._mark_regions, {}
        items = []
        language = current_language()
        for mark in self._marks[:DESCRIBED_MARKS]:
            found = cache.get(id(mark))
            if found is None or found[0] is not mark:
                found = (mark, tuple(self.view.regions_under(mark.geometry)[:3]), None, "")
            if found[2] != language:  # its words, made once per mark and language (a new mark adds one)
                found = (mark, found[1], language, self._mark_words(mark, found[1]))
            self._mark_regions[id(mark)] = found  # the mark is kept with its entry, so its id stays its own
            items.append(found[3])
        n = len(self._marks)
        more = translate("bodyview", "; and {value} more").format(value=n - len(items)) if n > len(items) else ""
        return (translate("bodyview", "%n mark: {items}{more}.", "", n) if n == 1 else translate("bodyview", "%n marks: {items}{more}.", "", n)).format(items='; '.join(items), more=more)

    def _mark_words(self, mark: Mark, regions: tuple) -> str:
        """One mark in words: "right outer thigh (pain 6, burning)"."""
        names = [self._region_words(region_id, side) for region_id, side in regions]
        where = " and ".join(names) if len(names) < 3 else translate("bodyview", "{value}, {value2} and {value3}").format(value=names[0], value2=names[1], value3=names[2])
        rating = ", ".join((translate("bodyview", "pain {intensity}").format(intensity=mark.intensity), *mark.qualities))
        return translate("bodyview", "{where} ({rating})").format(where=where or translate("bodyview", "the body"), rating=rating)

    def _region_words(self, region_id: str, side: str) -> str:
        name = self.atlas.regions[region_id].name if region_id in self.atlas.regions else region_id.replace("_", " ")
        return side_and_region(side, name, capital=False)

    def update_description(self) -> None:
        """What a screen reader says about the diagram: the marks, the muscle shown, how to mark."""
        self._describe_timer.stop()  # (described now)
        text = " ".join(t for t in (self.marks_text(), self._overlay_text, self.hint) if t)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self.update_description()

    def _zone_paths(self, muscle: Muscle, side: str):
        """(essential, spillover) as painter paths, made once per muscle and side. (The spillover zone lies outside
        the essential one as loaded: smoothed so, or cut so at load.)"""
        key = (muscle.id, side)
        found = self._zone_cache.get(key)
        if found is None:
            essential = muscle.zone("essential", side, self.view_id)
            spill = muscle.zone("spillover", side, self.view_id)
            found = self._zone_cache[key] = (painter_path(essential), painter_path(spill))
        return found

    def _overlay_path(self, path, pen, brush, z, tip, layer):
        item = PathItem(path, pen, brush)
        self.scene().addItem(item)
        item.setZValue(z)
        item.setToolTip(tip)
        item.setData(0, layer)
        item.setVisible(self.layers[layer])
        self._overlay_items.append(item)

    def _cross(self, x, y, strength, tip):
        item = TriggerCross(strength)
        item.setPos(x, y)
        item.setData(1, (x, y))  # its true place: _place_crosses may draw it a little aside
        item.setZValue(Z_POINTS)
        item.setToolTip(tip)
        item.setData(0, "points")
        item.setVisible(self.layers["points"])
        self.scene().addItem(item)
        self._overlay_items.append(item)

    def _place_crosses(self):
        """The X's keep their screen size while the figure scales, so at a small size close trigger points (the
        three of gluteus minimus) would pile into one blot: those whose X's would overlap are drawn a little apart,
        along the line joining them, each within one X's width of its true place."""
        crosses = [item for item in getattr(self, "_overlay_items", ()) if isinstance(item, TriggerCross)]
        if not crosses:
            return
        scale = self.transform().m11() or 1.0
        half = ((TriggerCross.SIZE + TriggerCross.HALO) * crosses[0].scale_ + 0.5) / scale  # and a hair between them
        for item, (x, y) in zip(crosses, spread_marks([item.data(1) for item in crosses], half, 2 * half)):
            item.setPos(x, y)

    # ------------------------------------------------------------------------------------------ view control

    def fit(self):
        self._zoomed = False
        self.resetTransform()
        self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)
        self._fit_labels()

    def zoom_by(self, factor: float):
        current = self.transform().m11()
        fit = min(self.viewport().width() / self.sceneRect().width(), self.viewport().height() / self.sceneRect().height())
        target = max(fit, min(current * factor, fit * 8))
        if math.isclose(target, fit, rel_tol=1e-3):
            self.fit()
            return
        self._zoomed = True
        self.scale(target / current, target / current)
        self._fit_labels()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._zoomed:
            self.fit()
        else:
            self._fit_labels()

    def showEvent(self, event):
        self.ensure_overlay()  # a muscle selected while another view showed
        super().showEvent(event)
        if not self._zoomed:
            self.fit()

    def wheelEvent(self, event):
        if self.tool == "explore" and not event.modifiers() & Qt.ControlModifier and event.angleDelta().y():
            self.step_explore(1 if event.angleDelta().y() < 0 else -1)  # rolled toward you: deeper
            event.accept()
            return
        if event.modifiers() & Qt.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------------------------------ painting

    def _scene_point(self, event) -> tuple[float, float]:
        p = self.mapToScene(event.position().toPoint())
        return (p.x(), p.y())

    def mousePressEvent(self, event):
        if event.button() == Qt.MiddleButton or (event.button() == Qt.LeftButton and self.tool == "pan"):
            self._panning = event.position()
            self.setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.LeftButton and self.tool == "explore":
            self._explore_press = self._scene_point(event)  # no mark: the release selects the muscle
            event.accept()
            return
        if event.button() == Qt.LeftButton and self.tool in ("brush", "eraser"):
            self._stroke = [self._scene_point(event)]
            self._update_preview()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            return
        x, y = self._scene_point(event)
        if self._stroke is not None:
            last = self._stroke[-1]
            if math.hypot(x - last[0], y - last[1]) >= MIN_STEP:
                self._stroke.append((x, y))
                self._update_preview()
        if self.tool == "explore":
            self._explore_at(x, y, event.position().toPoint())
        else:
            self._hover(x, y)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._panning is not None and event.button() in (Qt.MiddleButton, Qt.LeftButton):
            self._panning = None
            self.setCursor(Qt.OpenHandCursor if self.tool == "pan" else Qt.CrossCursor)
            return
        if self._explore_press is not None and event.button() == Qt.LeftButton:
            self._explore_press = None
            self._explore_at(*self._scene_point(event), event.position().toPoint())
            if self._explore_stack:
                muscle_id, side, _depth = self._explore_stack[self._explore_index]
                self.exploreClicked.emit(self.view_id, muscle_id, side)
            event.accept()
            return
        if self._stroke is not None and event.button() == Qt.LeftButton:
            points, self._stroke, self._preview_outline = self._stroke, None, None
            self.preview_item.setPath(QPainterPath())
            signal = self.eraseFinished if self.tool == "eraser" else self.strokeFinished
            signal.emit(self.view_id, points, float(self.brush_radius))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event):
        self._set_hover(None)
        self.clear_explore()
        super().leaveEvent(event)

    def _update_preview(self):
        outline = self._grow_preview_outline()
        self.preview_item.setPath(outline)
        if self.tool == "eraser":
            self.preview_item.setBrush(QColor(255, 255, 255, 140))
            pen = QPen(QColor(80, 80, 80), 1.2, Qt.DashLine)
        else:
            self.preview_item.setBrush(pain_fill(5))
            pen = QPen(QColor(*PAIN_RGB).darker(140), 1.2)
        pen.setCosmetic(True)
        self.preview_item.setPen(pen)

    def _grow_preview_outline(self) -> QPainterPath:
        """The outline of the stroke so far: the brush's disc along the path. Each move adds only its own segment
        (round caps make the union of the segments the whole stroke), so a long stroke costs no more per move than
        a short one did: outlining the whole path again grew with its length, to more than a frame."""
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * self.brush_radius)
        stroker.setCapStyle(Qt.RoundCap)
        stroker.setJoinStyle(Qt.RoundJoin)
        path = QPainterPath()
        if len(self._stroke) == 1 or self._preview_outline is None:
            x, y = self._stroke[0]
            path.moveTo(x, y)
            for x, y in self._stroke[1:]:
                path.lineTo(x, y)
            if len(self._stroke) == 1:
                path.lineTo(x + 0.01, y)
            self._preview_outline = stroker.createStroke(path).simplified()
        else:
            path.moveTo(*self._stroke[-2])
            path.lineTo(*self._stroke[-1])
            self._preview_outline = self._preview_outline.united(stroker.createStroke(path))
        return self._preview_outline

    def set_tool(self, tool: str):
        self.tool = tool
        self.setCursor({"pan": Qt.OpenHandCursor, "explore": Qt.PointingHandCursor}.get(tool, Qt.CrossCursor))
        self._stroke = self._preview_outline = self._explore_press = None
        self.preview_item.setPath(QPainterPath())
        if tool == "explore":
            self._set_hover(None)  # the muscle is named, not the region
            inside = self.viewport().mapFromGlobal(QCursor.pos())
            if self.viewport().rect().contains(inside) and self.underMouse():
                p = self.mapToScene(inside)
                self._explore_at(p.x(), p.y(), inside)
        else:
            self.clear_explore()

    # ------------------------------------------------------------------------------------------ explore

    def _explore_at(self, x: float, y: float, at) -> None:
        """The muscles under the scene point (x, y): keep the one chosen while the stack is the same."""
        from ...core.content.anatomy import muscles_at

        stack = muscles_at(self.atlas, self.view_id, x, y)
        if stack != self._explore_stack:
            chosen = self._explore_stack[self._explore_index] if self._explore_stack else None
            self._explore_index = stack.index(chosen) if chosen in stack else 0
            self._explore_stack = stack
            self.exploreHovered.emit(self.view_id, list(stack), self._explore_index)
        self._explore_pos = at
        self.explore_label.show_lines(stack_lines(self.atlas, stack, self._explore_index), at)

    def step_explore(self, step: int) -> bool:
        """Choose the next muscle down (1) or up (-1) the stack under the pointer; False when there is none."""
        if len(self._explore_stack) < 2:
            return False
        self._explore_index = (self._explore_index + step) % len(self._explore_stack)
        self.exploreHovered.emit(self.view_id, list(self._explore_stack), self._explore_index)
        self.explore_label.show_lines(stack_lines(self.atlas, self._explore_stack, self._explore_index), self._explore_pos)
        return True

    def explore_stack(self) -> tuple[list, int]:
        return list(self._explore_stack), self._explore_index

    def clear_explore(self) -> None:
        """No muscle under the pointer any more (it left, or the mode ended)."""
        self.explore_label.hide()
        if self._explore_stack:
            self._explore_stack, self._explore_index = [], 0
            self.exploreHovered.emit(self.view_id, [], 0)

    # ------------------------------------------------------------------------------------------ hover

    def _hover(self, x, y):
        self._set_hover(self.view.region_at(x, y))

    def clear_hover(self):
        """Forget the hovered region without announcing it (another diagram has the pointer now)."""
        self._hovered = None
        self.hover_item.setPath(QPainterPath())

    def _set_hover(self, found):
        if found == self._hovered:
            return
        self._hovered = found
        if found is None:
            self.hover_item.setPath(QPainterPath())
            self.hoverChanged.emit("")
            return
        region_id, side = found
        self.hover_item.setPath(painter_path(self.view.regions[(region_id, side)]))
        highlight = self.palette().highlight().color()
        highlight.setAlpha(45)
        self.hover_item.setBrush(highlight)
        pen = QPen(self.palette().highlight().color(), 1.0, Qt.DotLine)
        pen.setCosmetic(True)
        self.hover_item.setPen(pen)
        name = self.atlas.regions[region_id].name if region_id in self.atlas.regions else region_id
        self.hoverChanged.emit(side_and_region(side, name))
