"""Colours and fonts shared by the widgets, always derived from the widget's palette.

Nothing here hard-codes text or background colours: the app must read well in light and dark palettes.
The few fixed colours (accent, warning) come in a light and a dark variant chosen by the palette's base.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

# Accent for score bars and markers: contrast of at least 4.5:1 on white (light) and on #1e1e1e (dark).
ACCENT_LIGHT = QColor("#1a66c2")
ACCENT_DARK = QColor("#6cb2ff")
# A calm amber tint behind safety advice; the text on it keeps the palette's text colour.
WARNING_BG_LIGHT = QColor("#fff3dc")
WARNING_BG_DARK = QColor("#3d3118")
WARNING_EDGE_LIGHT = QColor("#c77c00")
WARNING_EDGE_DARK = QColor("#e0a43a")


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """a moved a fraction t of the way toward b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Base).lightnessF() < 0.5


def accent(palette: QPalette) -> QColor:
    return QColor(ACCENT_DARK if is_dark(palette) else ACCENT_LIGHT)


def on_accent(palette: QPalette) -> QColor:
    """Text drawn on an accent fill: the base colour is light on the dark accent and dark on the light one."""
    return palette.color(QPalette.Base)


def secondary_text(palette: QPalette, on_window: bool = False) -> QColor:
    """Quieter text that keeps about 6:1 contrast: the text colour a third of the way toward its background."""
    if on_window:
        return blend(palette.color(QPalette.WindowText), palette.color(QPalette.Window), 0.35)
    return blend(palette.color(QPalette.Text), palette.color(QPalette.Base), 0.35)


def hairline(palette: QPalette) -> QColor:
    return blend(palette.color(QPalette.Base), palette.color(QPalette.Text), 0.14)


def warning_background(palette: QPalette) -> QColor:
    return QColor(WARNING_BG_DARK if is_dark(palette) else WARNING_BG_LIGHT)


def warning_edge(palette: QPalette) -> QColor:
    return QColor(WARNING_EDGE_DARK if is_dark(palette) else WARNING_EDGE_LIGHT)


def scaled_font(font: QFont, factor: float = 1.0, bold: bool | None = None, italic: bool | None = None) -> QFont:
    """A copy of font, resized in whichever unit it uses (points or pixels)."""
    out = QFont(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * factor)
    elif out.pixelSize() > 0:
        out.setPixelSize(max(1, round(out.pixelSize() * factor)))
    if bold is not None:
        out.setBold(bold)
    if italic is not None:
        out.setItalic(italic)
    return out


def dark_palette() -> QPalette:
    """A plain dark palette (for a dark mode and for checking that widgets follow the palette)."""
    p = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e8e8e8")
    for role, colour in (
        (QPalette.Window, window),
        (QPalette.WindowText, text),
        (QPalette.Base, base),
        (QPalette.AlternateBase, QColor("#262626")),
        (QPalette.Text, text),
        (QPalette.Button, QColor("#353535")),
        (QPalette.ButtonText, text),
        (QPalette.BrightText, QColor("#ffffff")),
        (QPalette.ToolTipBase, QColor("#333333")),
        (QPalette.ToolTipText, text),
        (QPalette.PlaceholderText, QColor("#9a9a9a")),
        (QPalette.Highlight, QColor("#3d7ac7")),
        (QPalette.HighlightedText, QColor("#ffffff")),
        (QPalette.Link, ACCENT_DARK),
        (QPalette.LinkVisited, QColor("#b99cff")),
        (QPalette.Light, QColor("#4a4a4a")),
        (QPalette.Midlight, QColor("#3a3a3a")),
        (QPalette.Mid, QColor("#2f2f2f")),
        (QPalette.Dark, QColor("#1a1a1a")),
        (QPalette.Shadow, QColor("#000000")),
    ):
        p.setColor(role, colour)
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor("#7a7a7a"))
    return p
