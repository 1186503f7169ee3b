"""Colours and stroke widths of the diagrams: pain marks, referral zones, trigger points.

Pain runs from light orange (mild) to dark red (severe), so its strength is carried by lightness, and zones are
blue: orange/red against blue stays distinct with red-green colour blindness (protanopia, deuteranopia) and with
tritanopia; tests/core/test_colorvision.py checks it with simulated colour vision. Intensity is also written on
each mark, and the zones differ by pattern (solid, hatched), never by colour alone.

One switch, ``set_high_contrast``, gives every diagram stronger strokes and more opaque fills.
The numbers are plain data (Qt is imported only where a QColor is made), so the core tests can check them.
"""

from __future__ import annotations

from dataclasses import dataclass

SKIN_RGB = (243, 230, 220)  # the body fill of assets/views/*.svg: what marks and zones are painted on
BODY_OUTLINE_RGB = (74, 74, 74)  # the body's outline in the same drawings (its edge against the window)
PAIN_RGB = (222, 84, 20)  # the pain hue, for edges, badges and legends
PAIN_MILD_RGB = (246, 160, 77)  # intensity 0
PAIN_SEVERE_RGB = (142, 27, 16)  # intensity 10
ZONE_RGB = (38, 96, 196)
MUSCLE_RGB = (168, 64, 52)  # a muscle's shape: a soft red-brown fill with a firmer edge and fibre lines
MUSCLE_EDGE_RGB = (122, 38, 30)
GHOST_RGB = (96, 84, 78)  # the outline of a muscle lying over the deep one shown


@dataclass(frozen=True)
class DiagramStyle:
    """How strongly the diagrams draw their layers. Widths are screen pixels; alphas 0-255."""

    mark_alpha: tuple[int, int] = (140, 225)  # intensity 0 and 10; linear between
    mark_edge: float = 1.2
    essential_alpha: int = 120  # the essential zone's fill
    essential_edge: float = 2.0
    spill_alpha: int = 200  # the spillover zone's hatching
    spill_edge: float = 1.4
    cross_scale: float = 1.0  # trigger-point X marks
    muscle_alpha: int = 78  # a superficial muscle's fill; a deep one's is lighter
    muscle_edge: float = 1.6
    fibre_alpha: int = 120
    ghost_edge: float = 1.3


NORMAL = DiagramStyle()
HIGH_CONTRAST = DiagramStyle(
    mark_alpha=(185, 240), mark_edge=2.5, essential_alpha=150, essential_edge=3.5, spill_alpha=255, spill_edge=2.5,
    cross_scale=1.35, muscle_alpha=105, muscle_edge=2.6, fibre_alpha=170, ghost_edge=2.2,
)  # fmt: skip
_style = NORMAL


def set_high_contrast(on: bool) -> None:
    global _style
    _style = HIGH_CONTRAST if on else NORMAL


def high_contrast() -> bool:
    return _style is HIGH_CONTRAST


def diagram_style() -> DiagramStyle:
    return _style


def pain_rgba(intensity: int, style: DiagramStyle | None = None) -> tuple[int, int, int, int]:
    """The fill of a mark: stronger pain is darker, redder and more opaque."""
    style = style or _style
    t = max(0, min(10, int(intensity))) / 10
    r, g, b = (round(a + (z - a) * t) for a, z in zip(PAIN_MILD_RGB, PAIN_SEVERE_RGB))
    a0, a10 = style.mark_alpha
    return r, g, b, round(a0 + (a10 - a0) * t)


def pain_fill(intensity: int):
    """pain_rgba as a QColor."""
    from PySide6.QtGui import QColor

    return QColor(*pain_rgba(intensity))
