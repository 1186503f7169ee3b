"""A muscle's shape on a diagram: a soft red-brown fill, a firmer edge and its fibre lines; a deep muscle lighter,
with a dashed edge, and the muscles over it ghosted above it (a faint veil and outline), so that the eye reads it
as lying underneath. One description of what to draw (``muscle_strokes``) serves the interactive diagram (scene
items, ``MuscleLayer``), the muscle panel's picture, presentation slides and the handout (``paint_muscle``).

The painter paths are made once per (muscle, side, view) and kept: selecting a muscle only adds a few items.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from ..kit.colors import GHOST_RGB, MUSCLE_EDGE_RGB, MUSCLE_RGB, SKIN_RGB, diagram_style
from ..kit.i18n import translate
from ..kit.shapes import PathItem, painter_path

_PATHS: dict = {}  # (id of the atlas's anatomy, muscle, side, view) -> (outline, fibres)
_PATHS_FOR: list = []  # the anatomy mappings the cache holds (kept alive, so their ids stay theirs)


def muscle_paths(atlas, muscle_id: str, side: str, view_id: str) -> tuple[QPainterPath, QPainterPath] | None:
    """(outline, fibre lines) of one muscle on one side of a view, or None where it is not drawn; made once."""
    anatomy = getattr(atlas, "anatomy", None) or {}
    if not any(a is anatomy for a in _PATHS_FOR):
        if len(_PATHS_FOR) >= 3:  # another language's atlas: the shapes are the same objects' copies
            _PATHS.clear()
            _PATHS_FOR.clear()
        _PATHS_FOR.append(anatomy)
    key = (id(anatomy), muscle_id, side, view_id)
    if key in _PATHS:
        return _PATHS[key]
    found = anatomy.get(muscle_id)
    shape = found.shape(side, view_id) if found is not None else None
    if shape is None:
        _PATHS[key] = None
        return None
    _PATHS[key] = (painter_path(shape), _fibre_path(found.fibres.get((side, view_id), ())))
    return _PATHS[key]


def _fibre_path(lines) -> QPainterPath:
    path = QPainterPath()
    for line in lines:
        points = list(line.coords)
        path.moveTo(*points[0])
        for x, y in points[1:]:
            path.lineTo(x, y)
    return path


def part_paths(atlas, muscle_id: str, side: str, view_id: str) -> tuple:
    """((outline, fibre lines, depth, under), ...) for each part of a muscle on one side of a view (one for a
    muscle drawn in one piece); made once."""
    whole = muscle_paths(atlas, muscle_id, side, view_id)
    if whole is None:
        return ()
    anatomy = atlas.anatomy[muscle_id]
    key = (id(atlas.anatomy), muscle_id, side, view_id, "parts")
    if key not in _PATHS:
        parts = anatomy.parts_on(side, view_id)
        if len(parts) == 1:
            _PATHS[key] = ((whole[0], whole[1], parts[0].depth, parts[0].under),)
        else:
            _PATHS[key] = tuple((painter_path(p.shape), _fibre_path(p.fibres), p.depth, p.under) for p in parts)
    return _PATHS[key]


def sides_for(side: str | None) -> tuple[str, ...]:
    return ("right", "left") if side in (None, "both") else (side,)


@dataclass(frozen=True)
class Stroke:
    """One thing to draw: a path with its pen and brush, stacked at z (0 the muscle, 0.3 its ghosts)."""

    path: QPainterPath
    pen: QPen
    brush: QBrush
    z: float
    kind: str  # "muscle", "fibres" or "ghost"
    tip: str


def _pen(rgb, alpha, width, style=Qt.SolidLine, cosmetic=True) -> QPen:
    pen = QPen(QColor(*rgb, alpha), width, style, Qt.RoundCap, Qt.RoundJoin)
    pen.setCosmetic(cosmetic)
    return pen


def names_text(atlas, muscle_ids) -> str:
    names = [atlas.muscles[m].name if m in atlas.muscles else m.replace("_", " ") for m in muscle_ids]
    if len(names) < 2:
        return "".join(names)
    return translate("bodyview", "{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def muscle_strokes(atlas, muscle_id: str, side: str | None, view_id: str, strength: float = 1.0, cosmetic: bool = True,
                   scale: float = 1.0) -> list[Stroke]:
    """What to draw for a muscle on a view (both sides for side "both" or None); empty where it does not show.
    cosmetic=False with scale: widths in drawing units for a painter that is not a screen (print)."""
    anatomy = (getattr(atlas, "anatomy", None) or {}).get(muscle_id)
    if anatomy is None:
        return []
    look = diagram_style()
    name = atlas.muscles[muscle_id].name if muscle_id in atlas.muscles else muscle_id
    over = anatomy.under_on(view_id)

    def tip_for(deep, part_over):
        if deep:
            return translate("bodyview", "{name}: a deep muscle, under {over} (dashed outline)").format(name=name, over=names_text(atlas, part_over))
        return translate("bodyview", "{name}: where the muscle lies").format(name=name)

    k = (lambda w: w) if cosmetic else (lambda w: w * scale)
    strokes = []
    for s in sides_for(side):
        parts = part_paths(atlas, muscle_id, s, view_id)
        for outline, fibres, depth, part_over in parts:  # the part on top last, so its solid edge stays whole
            deep = depth == "deep"
            tip = tip_for(deep, part_over)
            fill_alpha = int(look.muscle_alpha * (0.75 if deep else 1.0) * strength)
            edge = _pen(MUSCLE_EDGE_RGB, int(235 * strength), k(look.muscle_edge), Qt.DashLine if deep else Qt.SolidLine, cosmetic)
            strokes.append(Stroke(outline, edge, QBrush(QColor(*MUSCLE_RGB, fill_alpha)), 0.0 if deep else 0.02, "muscle", tip))
            fibre_pen = _pen(MUSCLE_EDGE_RGB, int(look.fibre_alpha * (0.75 if deep else 1.0) * strength), k(0.9), Qt.SolidLine, cosmetic)
            strokes.append(Stroke(fibres, fibre_pen, QBrush(Qt.NoBrush), 0.1, "fibres", tip))
        if not parts:
            continue
        for other in over:
            ghost = muscle_paths(atlas, other, s, view_id)
            if ghost is None:
                continue
            other_name = atlas.muscles[other].name if other in atlas.muscles else other
            veil = QBrush(QColor(*SKIN_RGB, int(50 * strength)))
            pen = _pen(GHOST_RGB, int(170 * strength), k(look.ghost_edge), Qt.SolidLine, cosmetic)
            strokes.append(Stroke(ghost[0], pen, veil, 0.3, "ghost",
                                  translate("bodyview", "{other} lies over {name} (faint outline)").format(other=other_name, name=name)))
    return strokes


def edge_strokes(strokes, muscle, view_id: str) -> list[Stroke]:
    """The muscle's edges again, outline only, to draw over its zones' fill and hatching (which wash out the edge
    under them), so the muscle still reads there; none where it has no zone on the view. The zones' own outlines,
    the marks and the trigger points stay above them."""
    if not any(v == view_id for (_kind, _side, v) in getattr(muscle, "zones", {})):
        return []
    return [Stroke(s.path, s.pen, QBrush(Qt.NoBrush), s.z, "edge", s.tip) for s in strokes if s.kind == "muscle"]


def describe(atlas, muscle_id: str, view_id: str) -> str:
    """The muscle layer in words, for a screen reader: "where the muscle lies (red-brown shape)"."""
    anatomy = (getattr(atlas, "anatomy", None) or {}).get(muscle_id)
    if anatomy is None or not any(v == view_id for _s, v in anatomy.shapes):
        return ""
    if anatomy.depths_on(view_id) == ("superficial", "deep"):
        return translate("bodyview", "where the muscle lies: on top where its red-brown shape has a solid edge, under {over} where the edge is dashed (the muscles over it outlined)").format(over=names_text(atlas, anatomy.under_on(view_id)))
    if anatomy.depth_on(view_id) == "deep":
        return translate("bodyview", "where the muscle lies, deep under {over} (dashed red-brown shape, the muscles over it outlined)").format(over=names_text(atlas, anatomy.under_on(view_id)))
    return translate("bodyview", "where the muscle lies (red-brown shape with its fibres)")


def paint_muscle(painter: QPainter, atlas, muscle_id: str, side: str | None, view_id: str, strength: float = 1.0,
                 cosmetic: bool = True, scale: float = 1.0) -> None:
    """Draw the muscle layer with a painter already set to the view's coordinates."""
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    for stroke in sorted(muscle_strokes(atlas, muscle_id, side, view_id, strength, cosmetic, scale), key=lambda s: s.z):
        painter.setPen(stroke.pen)
        painter.setBrush(stroke.brush)
        painter.drawPath(stroke.path)
    painter.restore()


class MuscleLayer:
    """The muscle layer of one interactive diagram: scene items made from muscle_strokes."""

    def __init__(self, scene, view_id: str, z_muscle: float, z_ghost: float, z_edge: float | None = None):
        self.scene = scene
        self.view_id = view_id
        self.z_muscle, self.z_ghost = z_muscle, z_ghost
        self.z_edge = z_edge  # the edge again over the zones' fill (edge_strokes); None: not drawn again
        self.items: list = []

    def atlas_changed(self) -> None:
        self.clear()

    def clear(self) -> None:
        for item in self.items:
            self.scene.removeItem(item)
        self.items = []

    def show(self, atlas, muscle, side, preview: bool, visible: bool) -> str:
        """Draw MUSCLE (the items hidden when the layer is off); returns the layer in words ("" when not shown)."""
        self.clear()
        strokes = sorted(muscle_strokes(atlas, muscle.id, side, self.view_id, 0.6 if preview else 1.0), key=lambda s: s.z)
        edges = edge_strokes(strokes, muscle, self.view_id) if self.z_edge is not None else []
        for stroke in strokes + edges:
            item = PathItem(stroke.path, stroke.pen, stroke.brush)
            self.scene.addItem(item)
            # fibres over the outlines; a part lying on top (z 0.02) over a deep part of the same muscle
            base = self.z_edge if stroke.kind == "edge" else self.z_muscle
            item.setZValue(self.z_ghost if stroke.kind == "ghost" else base + (0.01 if stroke.kind == "fibres" else stroke.z / 4))
            item.setToolTip(stroke.tip)
            item.setData(0, "muscle")
            item.setData(1, stroke.kind)
            item.setVisible(visible)
            self.items.append(item)
        return describe(atlas, muscle.id, self.view_id) if strokes else ""
