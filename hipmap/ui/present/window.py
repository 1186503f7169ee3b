"""Presentation mode: a practitioner walks a patient through the muscles that may explain their pain.

Full screen, large type, a calm dark room; no names, notes, file names or other personal data: only the marks the
patient drew, as a layer. Each muscle builds like a slide: the body (with the marks), then its trigger points, then
its referral pattern, revealed with a short animation. PageDown/PageUp step (what presentation clickers send), the
number keys 1-5 turn layers on and off, S lights a spotlight around the pointer, B blanks the screen, Esc returns.

The app opens it with ``PresentationWindow(atlas, muscles, painmap, renderers).show_presentation()`` and restores
its main window on ``closed``.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QRect, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QAction, QCursor, QFont, QKeySequence, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.content.model import Atlas
from .slidediagram import ACCENT, BACKGROUND, LAYERS, QUIET, TEXT, DiagramRow, LegendSwatch, SlideDiagram, view_shows
from .spotlight import Spotlight
from ..kit.i18n import QT_TRANSLATE_NOOP, set_command_tip, side_phrase, translate

REVEAL_MS = 600
TOAST_MS = 1800
LAST_STAGE = 2  # 0: the body, the marks and the muscle; 1: + trigger points; 2: + referral pattern
LAYER_NAMES = {
    "outline": QT_TRANSLATE_NOOP("present", "Outline"), "regions": QT_TRANSLATE_NOOP("present", "Regions"), "zones": QT_TRANSLATE_NOOP("present", "Zones"), "points": QT_TRANSLATE_NOOP("present", "Trigger points"), "marks": QT_TRANSLATE_NOOP("present", "Pain marks"),
    "muscle": QT_TRANSLATE_NOOP("present", "Muscle"),
}  # fmt: skip
LEGEND_TEXT = {  # in the order the slide builds, so entries appear one under another
    "muscle": QT_TRANSLATE_NOOP("present", "Where the muscle lies (dashed: deep, under the outlined muscles)"),
    "marks": QT_TRANSLATE_NOOP("present", "Pain you marked (with its rating)"),
    "points": QT_TRANSLATE_NOOP("present", "Trigger point"),
    "essential": QT_TRANSLATE_NOOP("present", "Where its pain is usually felt"),
    "spill": QT_TRANSLATE_NOOP("present", "Where its pain can also spread"),
}
KEYS_TEXT = QT_TRANSLATE_NOOP("present", "PgDn next  ·  PgUp back  ·  1–6 layers  ·  S spotlight  ·  F1 keys  ·  Esc exit")
DISCLAIMER = QT_TRANSLATE_NOOP("present", "Possibilities to explore, not a diagnosis")
EMPTY_HTML = (
    "<p style='font-size:x-large'><b>{heading}</b></p><p style='color:{quiet}'>{text}</p><p style='color:{quiet}'>{esc}</p>"
)
EMPTY_TEXTS = (
    QT_TRANSLATE_NOOP("present", "No muscles to present yet"),
    QT_TRANSLATE_NOOP("present", "Mark where it hurts in the main window, and hipmap will rank the muscles that may explain it.<br>Then start the presentation again."),
    QT_TRANSLATE_NOOP("present", "Press Esc to go back."),
)


def muscles_to_present(atlas: Atlas, candidates=()) -> list[tuple[str, str]]:
    """The ranked candidates' (muscle id, side) in order, or every muscle (right side; both sides for a pattern that
    spans both) when there are none."""
    keys = [c.key if hasattr(c, "key") else tuple(c) for c in candidates]
    return keys or [(muscle_id, muscle.sides[0]) for muscle_id, muscle in atlas.muscles.items()]


class Deck:
    """Where the presentation is: which muscle, and how much of it is built (stage 0-2)."""

    def __init__(self, count: int):
        self.count = count
        self.index = 0
        self.stage = 0

    def next(self) -> bool:
        if self.stage < LAST_STAGE and self.count:
            self.stage += 1
        elif self.index + 1 < self.count:
            self.index, self.stage = self.index + 1, 0
        else:
            return False
        return True

    def previous(self) -> bool:
        if self.stage > 0:
            self.stage -= 1
        elif self.index > 0:
            self.index, self.stage = self.index - 1, LAST_STAGE  # back to the previous muscle as it was left
        else:
            return False
        return True

    def go(self, index: int) -> bool:
        index = max(0, min(self.count - 1, index))
        if not self.count or (index, 0) == (self.index, self.stage):
            return False
        self.index, self.stage = index, 0
        return True


class PresentationWindow(QWidget):
    """Full-screen slides of muscles: trigger points, then the referral pattern, over the patient's own marks."""

    closed = Signal()

    def __init__(self, atlas: Atlas, muscles, painmap=None, renderers: dict | None = None,
                 animation_ms: int = REVEAL_MS, toast_ms: int = TOAST_MS, parent=None):  # fmt: skip
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.Window)  # its own full-screen window, even when the main window owns it
        self.atlas = atlas
        self.slides = [(m, s) for m, s in muscles if m in atlas.muscles and s in ("left", "right", "both")]
        self.deck = Deck(len(self.slides))
        self.animation_ms = max(0, int(animation_ms))  # 0: no motion (reduced-motion setting, tests)
        self.layers_on = {name: name != "regions" for name in LAYERS}
        self._current: tuple[str, str] | None = None
        self._closed_sent = False
        self.setWindowTitle(translate("present", "hipmap — presentation"))  # never the file name: it may be the patient's name
        self.setAccessibleName(translate("present", "Presentation"))
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        self.setPalette(self._palette())

        renderers = self._renderers(renderers or {})
        self.diagrams = {view_id: SlideDiagram(atlas, view_id, renderers[view_id]) for view_id in atlas.views}
        marks = tuple(getattr(painmap, "marks", None) or ())  # only the marks: no note, date or name
        for diagram in self.diagrams.values():
            diagram.set_marks(marks)
            diagram.set_layer("regions", self.layers_on["regions"])
        self._build()
        self._make_actions()

        self.reveal = QVariantAnimation(self)
        self.reveal.setStartValue(0.0)
        self.reveal.setEndValue(1.0)
        self.reveal.setDuration(max(1, self.animation_ms))
        self.reveal.setEasingCurve(QEasingCurve.OutCubic)
        self.reveal.valueChanged.connect(self._set_reveal)
        self.toast_timer = QTimer(self)
        self.toast_timer.setSingleShot(True)
        self.toast_timer.setInterval(toast_ms)
        self.toast_timer.timeout.connect(self.toast.hide)
        for widget in (self, *self.findChildren(QWidget)):
            # The spotlight follows the pointer over every part of the slide: Qt drops the moves over a widget
            # without mouse tracking before any of its filters see them.
            widget.setMouseTracking(True)
            widget.installEventFilter(self)
        self._show_slide(animate=False)

    def _renderers(self, given: dict) -> dict:
        out, by_file = {}, {}
        for view_id, view in self.atlas.views.items():
            renderer = given.get(view_id)
            if renderer is None:
                key = str(view.svg_file)
                renderer = by_file.get(key) or by_file.setdefault(key, QSvgRenderer(key, self))
            out[view_id] = renderer
        return out

    @staticmethod
    def _palette() -> QPalette:
        p = QPalette()
        for role in (QPalette.Window, QPalette.Base, QPalette.ToolTipText):
            p.setColor(role, BACKGROUND)
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ToolTipBase):
            p.setColor(role, TEXT)
        return p

    # ------------------------------------------------------------------------------------------ construction

    def _label(self, name: str, quiet: bool = False, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setAccessibleName(name)
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.PlainText)
        if quiet:
            label.setStyleSheet(f"color: {QUIET.name()};")
        return label

    def _build(self) -> None:
        self.name_label = self._label(translate("present", "Muscle"), wrap=True)
        self.side_label = self._label(translate("present", "Side"))
        self.side_label.setStyleSheet(f"color: {ACCENT.name()};")
        self.description_label = self._label(translate("present", "About this muscle"), quiet=True, wrap=True)
        self.about = QWidget()  # left of the diagrams: which side, and what the muscle is
        about = QVBoxLayout(self.about)
        about.setContentsMargins(0, 0, 0, 0)
        about.addWidget(self.side_label)
        about.addWidget(self.description_label)
        about.addStretch(1)

        self.row = DiagramRow(self.diagrams)
        self.legend = QWidget()  # right of the diagrams: the key to the symbols on screen
        self.legend.setAccessibleName(translate("present", "Key to the symbols"))
        legend = QVBoxLayout(self.legend)
        legend.setContentsMargins(0, 0, 0, 0)
        self.legend_entries: dict[str, QWidget] = {}
        self.legend_swatches: list[LegendSwatch] = []
        for kind, text in ((k, translate("present", t)) for k, t in LEGEND_TEXT.items()):
            entry = QWidget()
            line = QHBoxLayout(entry)
            line.setContentsMargins(0, 0, 0, 0)
            swatch = LegendSwatch(kind)
            label = self._label(text, wrap=True)
            label.setText(text)
            line.addWidget(swatch, 0, Qt.AlignTop)
            line.addWidget(label, 1)
            entry.setAccessibleName(text)
            legend.addWidget(entry)
            self.legend_entries[kind] = entry
            self.legend_swatches.append(swatch)
        legend.addStretch(1)
        self.slide_area = QWidget()
        middle = QHBoxLayout(self.slide_area)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.about)
        middle.addWidget(self.row, 1)
        middle.addWidget(self.legend)

        self.empty_label = self._label(translate("present", "Nothing to present"), wrap=True)
        self.empty_label.setTextFormat(Qt.RichText)
        self._set_empty_text()
        self.empty_label.setAlignment(Qt.AlignCenter)

        self.disclaimer_label = self._label(translate("present", "Note"), quiet=True)
        self.disclaimer_label.setText(translate("present", DISCLAIMER))
        self.keys_label = self._label(translate("present", "Keys"), quiet=True)
        self.keys_label.setText(translate("present", KEYS_TEXT))
        self.keys_label.setAlignment(Qt.AlignCenter)
        self.counter_label = self._label(translate("present", "Muscle number"), quiet=True)
        self.counter_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        policy = self.counter_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the keys stay centred
        self.counter_label.setSizePolicy(policy)
        footer = QHBoxLayout()
        footer.addWidget(self.disclaimer_label, 1)
        footer.addWidget(self.keys_label, 0)
        footer.addWidget(self.counter_label, 1)

        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.name_label)
        self.outer.addWidget(self.slide_area, 1)
        self.outer.addWidget(self.empty_label, 1)
        self.outer.addLayout(footer)

        # Overlays, in stacking order: none takes part in the layout or takes a click.
        self.spotlight = Spotlight(self)
        self.toast = self._label(translate("present", "Layer change"))
        self.toast.setParent(self)
        self.toast.setAlignment(Qt.AlignCenter)
        self.toast.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.toast.setStyleSheet(
            "QLabel { color: #f1f3f6; background: #262c38; border: 1px solid #5a6272;"
            " border-radius: 12px; padding: 10px 28px; }"
        )
        self.toast.hide()
        self.help_panel = self._label(translate("present", "Keyboard keys"))
        self.help_panel.setParent(self)
        self.help_panel.setTextFormat(Qt.RichText)
        self.help_panel.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.help_panel.setStyleSheet(
            "QLabel { color: #f1f3f6; background: #1f2430; border: 1px solid #5a6272;"
            " border-radius: 14px; padding: 24px 36px; }"
        )
        self.help_panel.hide()
        self.blank = QWidget(self)
        self.blank.setAccessibleName(translate("present", "Blank screen"))
        self.blank.setAutoFillBackground(True)
        blank_palette = self.blank.palette()
        blank_palette.setColor(QPalette.Window, Qt.black)
        self.blank.setPalette(blank_palette)
        self.blank.hide()
        self._apply_fonts()

    def _set_empty_text(self) -> None:
        heading, text, esc = (translate("present", t) for t in EMPTY_TEXTS)
        self.empty_label.setText(EMPTY_HTML.format(heading=heading, text=text, esc=esc, quiet=QUIET.name()))

    def _layer_tip(self, name: str) -> str:
        return translate("present", "Show or hide the {lower}").format(lower=translate("present", LAYER_NAMES[name]).lower())

    def retranslate(self) -> None:
        """The texts made of more than one translated string, in the language now installed (the fixed ones were
        translated again by kit.i18n.switch_language)."""
        self._set_empty_text()
        self.keys_label.setText(translate("present", KEYS_TEXT))
        for name, action in self.layer_actions.items():
            set_command_tip(action, self._layer_tip(name), most=2)
        if self.help_panel.isVisible():
            self._help_toggled(True)
        self._current = None
        self._show_slide(animate=False)

    def use_atlas(self, atlas: Atlas) -> None:
        """The same slides with the words of ATLAS (another language): the muscles' names, the views, the sides."""
        self.atlas = atlas
        for diagram in self.diagrams.values():
            diagram.use_atlas(atlas)
        self.row.retitle()
        self.retranslate()

    def _action(self, text: str, slot, keys, tip: str, checkable: bool = False, checked: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.WindowShortcut)
        set_command_tip(action, tip, most=2)  # made again on a change of language
        action.setCheckable(checkable)
        action.setChecked(checked)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        A = self._action
        # Clickers send PageDown/PageUp; their "blank" button sends B or a full stop.
        self.act_next = A(translate("present", "Next"), self.next_step,
                          [Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Down, Qt.Key_Space, Qt.Key_N],
                          translate("present", "Show the trigger points, then the referral pattern, then the next muscle"))
        self.act_back = A(translate("present", "Back"), self.previous_step,
                          [Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Up, Qt.Key_Backspace, Qt.Key_P], translate("present", "Step back"))
        self.act_first = A(translate("present", "First muscle"), lambda: self.go_to(0), [Qt.Key_Home], translate("present", "Go to the first muscle"))
        self.act_last = A(translate("present", "Last muscle"), lambda: self.go_to(len(self.slides) - 1), [Qt.Key_End],
                          translate("present", "Go to the last muscle"))
        self.layer_actions: dict[str, QAction] = {}
        for i, name in enumerate(LAYERS):
            digit = getattr(Qt, f"Key_{i + 1}")
            self.layer_actions[name] = A(
                translate("present", LAYER_NAMES[name]), lambda on, n=name: self._layer_toggled(n, on), [digit, Qt.KeypadModifier | digit],
                self._layer_tip(name), checkable=True, checked=self.layers_on[name],
            )  # fmt: skip
        self.act_spotlight = A(translate("present", "Spotlight"), self._spotlight_toggled, [Qt.Key_S, Qt.Key_L],
                               translate("present", "Dim the screen except around the pointer"), checkable=True)
        self.act_blank = A(translate("present", "Blank screen"), self._blank_toggled, [Qt.Key_B, Qt.Key_Period],
                           translate("present", "Black out the screen, and back"), checkable=True)
        self.act_help = A(translate("present", "Keys"), self._help_toggled, [Qt.Key_F1, Qt.Key_Question], translate("present", "List every key"), checkable=True)
        self.act_exit = A(translate("present", "Exit presentation"), self.close, [Qt.Key_Escape], translate("present", "Return to the main window"))

    # ------------------------------------------------------------------------------------------ public API

    def show_presentation(self, screen=None) -> None:
        """Fill a screen (the given one, else the one the main window is on) and take the keyboard."""
        self._closed_sent = False
        screen = screen or (self.parentWidget().screen() if self.parentWidget() else None)
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.OtherFocusReason)

    def current(self) -> tuple[str, str] | None:
        """The (muscle id, side) on screen, or None when there is nothing to present."""
        return self.slides[self.deck.index] if self.slides else None

    def stage(self) -> int:
        return self.deck.stage

    def shown_views(self) -> list[str]:
        return list(self.row.shown)

    def layer_shown(self, name: str) -> bool:
        """Whether any diagram on screen shows this layer right now (switched on, built and not faded out)."""
        return any(self.diagrams[v].is_shown(name) for v in self.row.shown)

    def set_layer(self, name: str, on: bool) -> None:
        self.layer_actions[name].setChecked(on)

    def next_step(self) -> None:
        if self._unblank():
            return
        if not self.deck.next():
            if self.slides:
                self.show_toast(translate("present", "That was the last muscle  ·  Esc returns"))
            return
        self._show_slide(animate=True)

    def previous_step(self) -> None:
        if self._unblank():
            return
        if self.deck.previous():
            self._show_slide(animate=False)

    def go_to(self, index: int) -> None:
        if self._unblank():
            return
        if self.deck.go(index):
            self._show_slide(animate=False)

    def show_toast(self, text: str) -> None:
        self.toast.setText(text)
        self.toast.adjustSize()
        self._place_overlays()
        self.toast.show()
        self.toast.raise_()
        self.toast_timer.start()

    # ------------------------------------------------------------------------------------------ slides

    def _views_for(self, muscle, side: str) -> list[str]:
        """Back, this side, front: the views where the muscle lies, or has a zone or a trigger point, on this side
        (both side views for a pattern that spans both sides)."""
        lateral = ["lateral_right", "lateral_left"] if side == "both" else [f"lateral_{side}"]
        wanted = [v for v in ("posterior", *lateral, "anterior") if v in self.diagrams]
        found = [v for v in wanted if view_shows(muscle, v, side, self.atlas)]
        return found or wanted[:1]

    def _show_slide(self, animate: bool) -> None:
        self.reveal.stop()
        empty = not self.slides
        for widget in (self.name_label, self.slide_area, self.counter_label):
            widget.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            self.keys_label.setText(translate("present", "Esc exit"))
            return
        key = self.slides[self.deck.index]
        if key != self._current:
            self._current = key
            muscle, side = self.atlas.muscles[key[0]], key[1]
            views = self._views_for(muscle, side)
            for view_id, diagram in self.diagrams.items():
                diagram.set_muscle(muscle if view_id in views else None, side)
            self.row.show_views(views)
            self.name_label.setText(muscle.name)
            self.side_label.setText(side_phrase(side))
            self.description_label.setText(muscle.short)
            self.counter_label.setText(f"{self.deck.index + 1} / {len(self.slides)}")
        stage = self.deck.stage
        shown = [self.diagrams[v] for v in self.row.shown]
        for diagram in shown:
            diagram.set_stage(stage)
        if stage == LAST_STAGE and animate and self.animation_ms > 0:
            self._set_reveal(0.0)
            self.reveal.start()
        else:
            self._set_reveal(1.0)
        self._update_legend()

    def _set_reveal(self, t) -> None:
        for view_id in self.row.shown:
            self.diagrams[view_id].set_reveal(float(t))

    def _update_legend(self) -> None:
        shown = [self.diagrams[v] for v in self.row.shown]
        stage = self.deck.stage
        zones = stage >= 2 and self.layers_on["zones"]
        visible = {
            "muscle": self.layers_on["muscle"] and any(d.has_muscle() for d in shown),
            "points": stage >= 1 and self.layers_on["points"] and any(d.has_points() for d in shown),
            "essential": zones,
            "spill": zones and any(d.has_spillover() for d in shown),
            "marks": self.layers_on["marks"] and any(d.has_marks() for d in shown),
        }
        for kind, entry in self.legend_entries.items():
            entry.setVisible(visible[kind])

    # ------------------------------------------------------------------------------------------ layers, overlays

    def _layer_toggled(self, name: str, on: bool) -> None:
        self.layers_on[name] = on
        for diagram in self.diagrams.values():
            diagram.set_layer(name, on)
        self._update_legend()
        self.show_toast((translate("present", "{layer} on") if on else translate("present", "{layer} off")).format(layer=translate("present", LAYER_NAMES[name])))

    def _spotlight_toggled(self, on: bool) -> None:
        if on:
            pos = self.mapFromGlobal(QCursor.pos())
            if self.spotlight.center.x() < -1000:  # never seen the pointer: start in the middle
                self.spotlight.center = pos if self.rect().contains(pos) else self.rect().center()
            self.spotlight.setGeometry(self.rect())
            self.spotlight.show()
            self._raise_overlays()
        else:
            self.spotlight.hide()
        self.show_toast(translate("present", "Spotlight {value}").format(value='on' if on else 'off'))

    def _blank_toggled(self, on: bool) -> None:
        self.blank.setVisible(on)
        if on:
            self.blank.raise_()

    def _unblank(self) -> bool:
        """A step while the screen is blank only brings the slide back."""
        if self.act_blank.isChecked():
            self.act_blank.setChecked(False)
            return True
        return False

    def _help_toggled(self, on: bool) -> None:
        if on:
            rows = []
            for action in self.actions():
                keys = " / ".join(s.toString(QKeySequence.NativeText) for s in action.shortcuts()
                                  if not s[0].keyboardModifiers() & Qt.KeypadModifier)  # fmt: skip
                state = ("  " + (translate("present", "(on)") if action.isChecked() else translate("present", "(off)"))) if action in self.layer_actions.values() else ""
                rows.append(f"<tr><td align='right' style='padding-right:18px'><b>{keys}</b></td>"
                            f"<td>{action.text()}{state}</td></tr>")  # fmt: skip
            self.help_panel.setText(translate("present", "<p style='font-size:large'><b>Presentation keys</b></p><table cellspacing='4'>") + "".join(rows) + "</table>")
            self.help_panel.adjustSize()
            self._place_overlays()
        self.help_panel.setVisible(on)
        self._raise_overlays()

    def _raise_overlays(self) -> None:
        for widget in (self.spotlight, self.toast, self.help_panel, self.blank):
            widget.raise_()

    def _place_overlays(self) -> None:
        self.spotlight.setGeometry(self.rect())
        self.blank.setGeometry(self.rect())
        footer_top = self.keys_label.geometry().top() if self.keys_label.isVisible() else self.height()
        toast = self.toast.sizeHint()
        top = footer_top - toast.height() - self.height() // 30
        self.toast.setGeometry(QRect(QPoint((self.width() - toast.width()) // 2, top), toast))
        panel = self.help_panel.sizeHint()
        centre = QPoint((self.width() - panel.width()) // 2, (self.height() - panel.height()) // 2)
        self.help_panel.setGeometry(QRect(centre, panel))

    # ------------------------------------------------------------------------------------------ sizes, events

    def _apply_fonts(self) -> None:
        """Type sizes follow the screen's height, so a slide reads the same on a laptop and a projector."""
        h = max(480, self.height())

        def px(share: float, bold: bool = False, spacing: float = 100) -> QFont:
            f = QFont(self.font())
            f.setPixelSize(max(12, round(h * share)))
            f.setBold(bold)
            f.setLetterSpacing(QFont.PercentageSpacing, spacing)
            return f

        self.name_label.setFont(px(0.056, bold=True))
        self.side_label.setFont(px(0.03, bold=True))
        self.description_label.setFont(px(0.026))
        self.row.set_fonts(px(0.024, bold=True), px(0.021))
        for entry in self.legend_entries.values():
            entry.findChild(QLabel).setFont(px(0.022))
        for swatch in self.legend_swatches:
            swatch.setFixedSize(round(h * 0.04), round(h * 0.04))
        self.legend.layout().setSpacing(round(h * 0.02))
        self.empty_label.setFont(px(0.034))
        for label in (self.disclaimer_label, self.keys_label, self.counter_label):
            label.setFont(px(0.019))
        self.counter_label.setFont(px(0.024, bold=True))
        self.toast.setFont(px(0.03, bold=True))
        self.help_panel.setFont(px(0.024))
        side_w = round(self.width() * 0.19)
        self.legend.setFixedWidth(side_w)
        self.about.setFixedWidth(side_w)
        self.about.layout().setSpacing(round(h * 0.012))
        margin_x, margin_y = round(self.width() * 0.035), round(h * 0.035)
        self.outer.setContentsMargins(margin_x, margin_y, margin_x, round(h * 0.02))
        self.outer.setSpacing(round(h * 0.018))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._apply_fonts()
        self._place_overlays()

    def showEvent(self, event):
        super().showEvent(event)
        self._place_overlays()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.MouseMove:
            self.spotlight.follow(self.mapFromGlobal(event.globalPosition().toPoint()))
        return False

    def closeEvent(self, event):
        self.reveal.stop()
        self.toast_timer.stop()
        super().closeEvent(event)
        if event.isAccepted() and not self._closed_sent:
            self._closed_sent = True
            self.closed.emit()
