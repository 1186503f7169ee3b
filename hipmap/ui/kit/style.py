"""Colours and fonts shared by the widgets, always derived from the widget's palette.

Nothing here hard-codes text or background colours: the app must read well in light and dark palettes.
The few fixed colours (accent, warning) come in a light and a dark variant chosen by the palette's base.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette

from . import colors

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
    """Quieter text that keeps about 6:1 contrast: the text colour a third of the way toward its background.
    In high contrast there is no quieter text: it is the text colour itself."""
    if colors.high_contrast():
        return palette.color(QPalette.WindowText if on_window else QPalette.Text)
    if on_window:
        return blend(palette.color(QPalette.WindowText), palette.color(QPalette.Window), 0.35)
    return blend(palette.color(QPalette.Text), palette.color(QPalette.Base), 0.35)


def set_text_color(label, color: QColor) -> None:
    """Give one label (on the window background) its own text colour, through its palette so that it follows
    palette changes made to it later."""
    p = label.palette()
    p.setColor(QPalette.WindowText, color)
    label.setPalette(p)


def hairline(palette: QPalette) -> QColor:
    return blend(palette.color(QPalette.Base), palette.color(QPalette.Text), 0.14)


def warning_background(palette: QPalette) -> QColor:
    return QColor(WARNING_BG_DARK if is_dark(palette) else WARNING_BG_LIGHT)


def warning_edge(palette: QPalette) -> QColor:
    return QColor(WARNING_EDGE_DARK if is_dark(palette) else WARNING_EDGE_LIGHT)


_FONT_KEYS: list = []  # (font, its key), the fonts asked about last


def font_key(font: QFont) -> str:
    """font.key(), remembered for the few fonts in use: QFont.key() writes every attribute of the font out as text
    (several microseconds), and the candidate list keys its caches by font a few hundred times a click; comparing
    with a font already seen is one call."""
    for known, key in _FONT_KEYS:
        if known == font:
            return key
    key = font.key()
    _FONT_KEYS.insert(0, (QFont(font), key))
    del _FONT_KEYS[8:]
    return key


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


# High contrast: white on black, yellow for what is selected, focused or a link; thick outlines on controls.
HC_TEXT, HC_BACK, HC_MARK = QColor("#ffffff"), QColor("#000000"), QColor("#ffff00")
HIGH_CONTRAST_SHEET = """
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
QPushButton, QToolButton, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar::tab { border: 2px solid #ffffff; }
QPushButton, QToolButton, QComboBox, QLineEdit { padding: 3px 6px; }
QTabBar::tab { padding: 4px 10px; }
QPushButton:checked, QToolButton:checked, QTabBar::tab:selected { background: #ffff00; color: #000000; }
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QAbstractSpinBox:focus, QTabBar::tab:focus,
QAbstractItemView:focus, QGraphicsView:focus, QTextBrowser:focus { border: 3px solid #ffff00; }
QPushButton:disabled, QToolButton:disabled { border-style: dashed; color: #b0b0b0; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 16px; border: 1px solid #ffffff; background: #000000; }
QAbstractSpinBox::up-arrow { border-left: 5px solid none; border-right: 5px solid none;
    border-bottom: 6px solid #ffffff; width: 0px; height: 0px; }
QAbstractSpinBox::down-arrow { border-left: 5px solid none; border-right: 5px solid none;
    border-top: 6px solid #ffffff; width: 0px; height: 0px; }
QSlider:horizontal { margin: 0px 6px; }
QSlider::groove:horizontal { height: 4px; margin: 2px 0; background: #ffffff; border: 1px solid #ffffff; }
QSlider::handle:horizontal { width: 12px; margin: -8px 0; background: #ffff00; border: 2px solid #000000; border-radius: 3px; }
QSlider::handle:horizontal:focus { border: 2px solid #ffffff; }
QScrollBar { background: #000000; border: 1px solid #ffffff; }
QScrollBar:vertical { width: 14px; }
QScrollBar:horizontal { height: 14px; }
QScrollBar::handle { background: #ffffff; min-height: 24px; min-width: 24px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QSplitter::handle { background: #ffffff; }
QCheckBox::indicator, QRadioButton::indicator { width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #ffff00; }
QAbstractItemView::indicator { width: 12px; height: 12px; border: 2px solid #ffffff; background: #000000; }
QAbstractItemView::indicator:checked { background: #ffff00; }
"""


def high_contrast_palette() -> QPalette:
    """White text on black; yellow for the selection and links (about 19:1 on black)."""
    p = QPalette()
    for role, colour in (
        (QPalette.Window, HC_BACK),
        (QPalette.WindowText, HC_TEXT),
        (QPalette.Base, HC_BACK),
        (QPalette.AlternateBase, QColor("#1c1c1c")),
        (QPalette.Text, HC_TEXT),
        (QPalette.Button, HC_BACK),
        (QPalette.ButtonText, HC_TEXT),
        (QPalette.BrightText, HC_MARK),
        (QPalette.ToolTipBase, HC_BACK),
        (QPalette.ToolTipText, HC_TEXT),
        (QPalette.PlaceholderText, QColor("#d8d8d8")),
        (QPalette.Highlight, HC_MARK),
        (QPalette.HighlightedText, HC_BACK),
        (QPalette.Link, HC_MARK),
        (QPalette.LinkVisited, HC_MARK),
        (QPalette.Light, HC_TEXT),
        (QPalette.Midlight, QColor("#c0c0c0")),
        (QPalette.Mid, QColor("#a0a0a0")),
        (QPalette.Dark, HC_TEXT),
        (QPalette.Shadow, HC_TEXT),
    ):
        p.setColor(role, colour)
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor("#b0b0b0"))
    return p


_normal_look = None  # (palette, style sheet) from before high contrast was switched on


def _drop_dialog_button_icons(app) -> None:
    """The desktop's icons on dialog buttons (Close, Save, Cancel...) are dark glyphs that vanish on high contrast's
    black: the buttons of dialogs already open keep only their words (the sheet keeps new ones from getting icons)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QDialogButtonBox

    for box in (w for w in app.allWidgets() if isinstance(w, QDialogButtonBox)):
        for button in box.buttons():
            button.setIcon(QIcon())


def apply_high_contrast(on: bool) -> None:
    """The one switch: the application's palette and outlines, and the diagrams' strokes (colors.py)."""
    global _normal_look
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if on and not colors.high_contrast():
        _normal_look = (QPalette(app.palette()), app.styleSheet())
    if not on and not colors.high_contrast():
        return
    colors.set_high_contrast(on)
    if on:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_SHEET)
    else:
        palette, sheet = _normal_look or (QPalette(), "")
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        # Leaving a style sheet, Qt keeps the palette it gave each widget: let them inherit the normal one again.
        for widget in app.allWidgets():
            if not widget.testAttribute(Qt.WA_SetPalette):
                widget.setPalette(QPalette())
    if on:
        _drop_dialog_button_icons(app)
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:  # a widget's own sheet may name palette colours ("palette(text)"): read them again
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
