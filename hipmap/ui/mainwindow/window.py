"""The main window: builds the frame, the diagrams and the results, and wires its flows into menus and toolbar.

The flows (files.py, selfcare.py, practice.py, marking.py) own their actions; they reach the window through its
attributes and never import this module.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import shiboken6

from PySide6.QtCore import QEvent, QSettings, QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ... import __version__, default_assets_dir
from ...core.content.vocabulary import VIEW_IDS
from .actions import make_action
from .browsing import Browsing
from .exploring import Exploring
from .files import Files
from .firstframe import FirstFrame
from .marking import Marking
from .practice import Practice
from .selfcare import SelfCare
from ..kit import heap
from ..kit.datadir import keep_settings_private
from ..kit.windows import fit_to_screen
from ..kit.i18n import QT_TRANSLATE_NOOP, set_command_tip, translate
from ..kit.settings import drop_unreadable_values, read_bool, read_bytes, read_choice, read_int
from ..kit.turns import later

# The core (numpy, shapely) and the widgets built on it are imported in attach(), after the first paint. So are Qt's
# namespace (PySide builds its ~90 enums, some 15 ms, on the first import of Qt), QStyle's enums and QMessageBox:
# what the first frame needs is set through Qt properties by name ("alignment": "AlignCenter").

DISCLAIMER = (
    QT_TRANSLATE_NOOP("app", "hipmap suggests muscles to explore; it is not a diagnosis. Numbness, weakness, fever, or bladder or bowel changes need a doctor.")
)

PREPARE_AFTER_MS = 400  # quiet after a selection or a mark before pages are made ahead
PREPARE_STEP_MS = 30  # between two pages made ahead
PREPARED_CANDIDATES = 6  # the candidates at the top of the list whose pages are made ahead


class _FitColumn(QWidget):
    """The results column, inside a scroll area: at least as tall as its words need at its width."""

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalMinimumHeightForWidth(width)


class _ColumnScroll(QScrollArea):
    """The results column's scroll area. It scrolls only up and down, so it is never narrower than the column's
    own minimum width (plus room for its scroll bar) or about 40 characters: the splitter then takes the room from
    the diagrams (when the muscle browser opens, or high contrast widens the frames) instead of cutting the
    column's right edge off."""

    def __init__(self, column: QWidget):
        from PySide6.QtCore import Qt

        super().__init__()
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.NoFocus)
        column.installEventFilter(self)
        self._told = None  # the sizes the splitter was last told of

    def minimumSizeHint(self) -> QSize:
        from PySide6.QtWidgets import QStyle

        bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent, None, self)
        width = max(40 * self.fontMetrics().averageCharWidth(), self.widget().minimumSizeHint().width() + bar)
        return QSize(width, super().minimumSizeHint().height())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            # The column's minimum may have changed: the splitter is told when what it reads of this area has (a
            # new ranking's words mostly keep their lines, and telling it laid the whole window out again).
            told = (self.minimumSizeHint(), self.sizeHint(), self.maximumSize())
            if told != self._told:
                self._told = told
                self.updateGeometry()
        return super().eventFilter(watched, event)


class _ResultsSplitter(QSplitter):
    """The candidate list over the details. Each new ranking changes the list's words, and the list asks the
    splitter to share out its height again: it does when what it reads of its two parts has changed."""

    _read = None

    def event(self, event) -> bool:
        if event.type() == QEvent.LayoutRequest:
            parts = [self.widget(i) for i in range(self.count())]
            read = [(w.isHidden(), w.minimumSizeHint(), w.minimumSize(), w.maximumSize(), w.sizeHint(), w.sizePolicy()) for w in parts]
            if read == self._read:
                return True  # the same sizes: shared out as they are
            self._read = read
        return super().event(event)


class MainWindow(QMainWindow):
    """The main window. Built in two steps: the frame (menus, toolbar, the drawings) paints at once;
    attach(atlas) then adds the interactive diagrams, the candidate list and the details. The flows are
    self.files, self.selfcare, self.practice and self.marking."""

    def __init__(self, atlas=None, matcher=None, settings: QSettings | None = None, assets_dir: Path | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        keep_settings_private(self.settings)
        drop_unreadable_values(self.settings)  # before the first read: a damaged @Variant(...) would abort Qt
        self.atlas = None
        self.document = None
        self.views: dict = {}
        self.selected: tuple[str, str] | None = None
        self.chosen_outside = False  # the selected muscle was chosen in the browser, not in the candidate list
        self.previewed: tuple[str, str] | None = None
        self._mode = read_choice(self.settings, "view/layout", "tabs", ("tabs", "side"))
        self._share_when_shown = False  # attached before it had its size: the 70/30 split waits for the show

        tab = read_int(self.settings, "view/tab", 0, 0, len(VIEW_IDS) - 1)
        first_views = list(VIEW_IDS) if self._mode == "side" else [VIEW_IDS[tab]]
        self.first_frame = FirstFrame(assets_dir or default_assets_dir(), first_views)
        self.view_stack = QStackedWidget()  # the tabs and the side-by-side row join it in attach()
        self.view_stack.addWidget(self.first_frame)

        self.right_stack = QStackedWidget()
        loading = QLabel(translate("app", "Loading…"))
        loading.setProperty("alignment", "AlignCenter")  # (not Qt.AlignCenter: see the imports)
        loading.setAccessibleName(translate("app", "Loading"))
        self.right_stack.addWidget(loading)
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.view_stack)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 300])  # proportions: the diagrams get most of the width

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(self.splitter, 1)
        note = QLabel(translate("app", DISCLAIMER))
        note.setWordWrap(True)
        note.setAccessibleName(translate("app", "Medical disclaimer"))
        note.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        layout.addWidget(note)
        self.setCentralWidget(central)

        self.hover_label = QLabel()
        self.hover_label.setAccessibleName(translate("app", "Region under the pointer"))
        self.statusBar().addPermanentWidget(self.hover_label)

        self.files = Files(self)
        self.selfcare = SelfCare(self)
        self.practice = Practice(self)
        self.marking = Marking(self)
        self.browsing = Browsing(self)
        self.exploring = Exploring(self)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        if read_bool(self.settings, "view/high_contrast", False):
            self.set_high_contrast(True)
        # What follows a change in the event loop's next turn, after the list and the diagrams are painted.
        self._panel_timer = later(self, self._show_panel)
        self._count_timer = later(self, self._show_mark_count)
        self._tidy_timer = later(self, heap.tidy)  # the collector's pass after a change is painted, not in a later click
        # Once nothing has happened for a moment, the pages of the candidates at the top of the list are made ahead,
        # one a turn (a few ms each), so that choosing one only lays its page out (see _prepare_next).
        self._prepare_timer = later(self, self._prepare_next)  # (started with its delay)
        geometry = read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):  # (restoreGeometry refuses damaged bytes)
            fit_to_screen(self, 1360, 880)
        self._set_ready(False)
        self._update_title()
        if atlas is not None:
            self.attach(atlas, matcher)

    def attach(self, atlas, matcher=None):
        """Add everything that needs the atlas; from here on the window is fully interactive."""

        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTabWidget

        from ..diagram.bodyview import BodyView
        from ..diagram.drawing import view_renderer
        from .candidates import CandidateList
        from .document import PainDocument
        from .musclepanel import MusclePanel

        self.atlas = atlas
        self.document = PainDocument(atlas, matcher, self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("app", "Body views"))
        self.tabs.tabBar().setAccessibleName(translate("app", "Body views"))
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _i: self._set_tab_order() if self.views else None)
        self.side_by_side = QWidget()
        self.side_by_side.setAccessibleName(translate("app", "Body views side by side"))
        QHBoxLayout(self.side_by_side).setContentsMargins(0, 0, 0, 0)
        self.view_stack.addWidget(self.tabs)
        self.view_stack.addWidget(self.side_by_side)
        renderers = {}
        for view_id, view in atlas.views.items():
            key = str(view.svg_file)
            renderers[key] = view_renderer(key)  # (one for the whole app: the panel's pictures, other windows)
            body = BodyView(atlas, view_id, renderers[key])
            body.strokeFinished.connect(self.marking.on_stroke)
            body.eraseFinished.connect(self.marking.on_erase)
            body.hoverChanged.connect(lambda text, v=view_id: self._on_hover(v, text))
            body.brush_radius = float(self.marking.brush_spin.value())
            for layer, act in self.layer_actions.items():
                body.set_layer_visible(layer, act.isChecked())
            self.views[view_id] = body
        self.renderers = renderers
        self.exploring.attach(self.views)

        self.candidates = CandidateList()
        self.candidates.selected.connect(self._on_selected)
        self.candidates.hovered.connect(self._on_candidate_hover)
        self.muscle_panel = MusclePanel()
        right = _ResultsSplitter(Qt.Vertical)
        right.addWidget(self.candidates)
        right.addWidget(self.muscle_panel)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        right.setSizes([600, 320])  # the details need room too
        self.right_splitter = right
        self.selfcare.attach(atlas)  # the warning signs, and the banners above the results
        self.browsing.attach(atlas)
        if self.selfcare.red_flags is not None:
            self.muscle_panel.set_safety_signs(self.selfcare.red_flags.see_a_clinician)
        column = _FitColumn()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.selfcare.nerve_banner)
        column_layout.addWidget(self.selfcare.remark_banner)
        column_layout.addWidget(right, 1)
        # With very large text the column may not fit: then it scrolls rather than squeeze its words.
        scroll = _ColumnScroll(column)
        scroll.setAccessibleName(translate("app", "Results"))
        self.right_stack.addWidget(scroll)
        self.right_stack.setCurrentWidget(scroll)

        stack = self.document.undo_stack
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_undo_text)
        stack.cleanChanged.connect(self._update_title)
        stack.indexChanged.connect(self._update_title)
        self.document.pathChanged.connect(self._update_title)
        self.document.changed.connect(self._on_document_changed)

        self.set_layout_mode(self._mode)
        self.tabs.setCurrentIndex(read_int(self.settings, "view/tab", 0, 0, self.tabs.count() - 1))
        # The splitter was laid out around the loading placeholders: give the diagrams their share again.
        state = read_bytes(self.settings, "window/splitter")
        self._share_when_shown = state is None or not self.splitter.restoreState(state)
        if self._share_when_shown and self.isVisible():
            self._share_width()
        self.first_frame.finish_stroke()  # a drag still under way keeps what it has painted
        queued = list(self.first_frame.queued)  # marks made on the first frame while the atlas loaded
        self.view_stack.removeWidget(self.first_frame)
        self.first_frame.deleteLater()
        self._set_ready(True)
        self._on_document_changed(self.document.painmap, self.document.result)
        for view_id, points, radius in queued:  # matched now, each an undoable mark as if made just now
            if view_id in self.views:
                self.marking.on_stroke(view_id, points, radius)
        self._update_title()
        self.files.autosave_timer.start()

    def take_early_marks(self, light_views) -> bool:
        """Before attach(): let the first frame take marks with the warm-start cache's light geometry (no numpy,
        no shapely); attach() matches them. False if the light part does not fit the drawings shown."""
        marking = self.marking
        return self.first_frame.take_marks(light_views, lambda: marking.brush_spin.value(), lambda: marking.intensity_slider.value())

    def _on_undo_text(self, _text=""):
        """Name the step in the status tips: "Undo: Paint pain"."""
        if self.document is None or not shiboken6.isValid(self.act_undo):
            return  # the stack is being torn down with the window
        stack = self.document.undo_stack
        self.act_undo.setStatusTip(translate("app", "Undo: {undoText}").format(undoText=stack.undoText()) if stack.canUndo() else translate("app", "Undo"))
        self.act_redo.setStatusTip(translate("app", "Redo: {redoText}").format(redoText=stack.redoText()) if stack.canRedo() else translate("app", "Redo"))

    def _update_title(self, *_):
        path = self.document.path if self.document else None
        self.setWindowTitle(translate("app", "{name}[*] — hipmap").format(name=path.name if path else translate("app", "Untitled pain map")))
        self.setWindowModified(bool(self.document and self.document.is_modified()))

    def _set_ready(self, ready: bool):
        """Before the atlas is attached, only the actions that need no data work."""
        always = {self.act_quit, self.act_about, self.act_shortcuts, self.act_high_contrast}
        for action in self.actions():
            if action not in always:
                action.setEnabled(ready)
        self.exploring.act_leave.setEnabled(ready and self.exploring.active)  # Esc is the window's only while exploring
        if ready:
            self.act_undo.setEnabled(self.document.undo_stack.canUndo())
            self.act_redo.setEnabled(self.document.undo_stack.canRedo())
        for widget in (self.marking.brush_spin, self.marking.intensity_slider):
            widget.setEnabled(ready)
        self.selfcare.act_compare.setEnabled(ready and self.selfcare.comparing_from is not None)

    # ------------------------------------------------------------------------------------------ actions

    def _make_actions(self):
        """The window's own commands (the flows made theirs); then every command is added to the window."""
        A = partial(make_action, self)
        self.act_quit = A(translate("app", "&Quit"), self.close, "Ctrl+Q", translate("app", "Close hipmap"))
        self.act_undo = A(translate("app", "&Undo"), lambda: self.document.undo_stack.undo(), QKeySequence.Undo, translate("app", "Undo the last change"))
        self.act_redo = A(translate("app", "&Redo"), lambda: self.document.undo_stack.redo(), [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], translate("app", "Redo the change you undid"))
        self.act_clear = A(translate("app", "C&lear All Marks"), lambda: self.document.clear(), "Ctrl+Shift+Backspace", translate("app", "Remove every mark (can be undone)"))
        self.act_zoom_in = A(translate("app", "Zoom &In"), lambda: self.current_view().zoom_by(1.25), QKeySequence.ZoomIn, translate("app", "Zoom in on the diagram"))
        self.act_zoom_out = A(translate("app", "Zoom &Out"), lambda: self.current_view().zoom_by(0.8), QKeySequence.ZoomOut, translate("app", "Zoom out"))
        self.act_fit = A(translate("app", "&Fit to Window"), lambda: self.current_view().fit(), "Ctrl+0", translate("app", "Show the whole diagram"))
        self.layout_group = QActionGroup(self)
        self.act_tabs = A(translate("app", "&Tabs"), lambda: self.set_layout_mode("tabs"), "Ctrl+Shift+T", translate("app", "One diagram at a time"), checkable=True)
        self.act_side = A(translate("app", "&Side by Side"), lambda: self.set_layout_mode("side"), "Ctrl+Shift+A", translate("app", "All diagrams at once"), checkable=True)
        self.layout_group.addAction(self.act_tabs)
        self.layout_group.addAction(self.act_side)
        self.view_actions = []
        titles = {"posterior": translate("app", "Back"), "anterior": translate("app", "Front"), "lateral_right": translate("app", "Right Side"), "lateral_left": translate("app", "Left Side")}
        for i, view_id in enumerate(VIEW_IDS):
            title = titles[view_id]
            act = A(translate("app", "{title} View").format(title=title), lambda _c=False, v=view_id: self.show_view(v), f"Ctrl+{i + 1}", translate("app", "Show the {lower} view").format(lower=title.lower()))
            self.view_actions.append(act)
        self.act_high_contrast = A(translate("app", "&High Contrast"), self.set_high_contrast, "Ctrl+Shift+C", translate("app", "White on black with thick outlines, and stronger marks and zones on the diagrams"), checkable=True)
        self.act_next_pane = A(translate("app", "Ne&xt Pane"), lambda: self.focus_pane(1), "F6", translate("app", "Move the keyboard focus to the next part of the window"))
        self.act_prev_pane = A(translate("app", "Pre&vious Pane"), lambda: self.focus_pane(-1), "Shift+F6", translate("app", "Move the keyboard focus to the previous part of the window"))
        self.act_next = A(translate("app", "Next Muscle"), lambda: self._step_candidate(1), "Ctrl+Down", translate("app", "Select the next muscle in the list"))
        self.act_prev = A(translate("app", "Previous Muscle"), lambda: self._step_candidate(-1), "Ctrl+Up", translate("app", "Select the previous muscle in the list"))
        self.layer_actions = {}
        layer_texts = {
            "muscle": (translate("app", "&Muscle"), translate("app", "Show the selected muscle's shape: where it lies, and the muscles over a deep one")),
            "zones": (translate("app", "Referral &Zones"), translate("app", "Show where the selected muscle's pain is felt (solid) and can spread (hatched)")),
            "points": (translate("app", "&Trigger Points"), translate("app", "Show the selected muscle's trigger points (X)")),
            "marks": (translate("app", "&Pain Marks"), translate("app", "Show the pain you marked")),
        }
        for i, (layer, (text, tip)) in enumerate(layer_texts.items()):
            act = A(text, lambda on, l=layer: self.set_layer_visible(l, on), f"Ctrl+Alt+{i + 1}", tip, checkable=True)
            act.setChecked(read_bool(self.settings, f"view/layer_{layer}", True))
            self.layer_actions[layer] = act
        self.act_about = A(translate("app", "&About hipmap"), self.about, None, translate("app", "Version and disclaimer"))
        self.act_shortcuts = A(translate("app", "&Keyboard Shortcuts"), self.show_shortcuts, "F1", translate("app", "List every keyboard shortcut"))
        # Every command is the window's, so that its shortcut works anywhere in it; F1 lists them in this order.
        files, selfcare, practice, marking = self.files, self.selfcare, self.practice, self.marking
        self.addActions([
            files.act_new, files.act_open, files.act_save, files.act_save_as,
            practice.act_save_session, practice.act_history, practice.act_export_handout, practice.act_print_handout,
            self.act_quit, self.act_undo, self.act_redo, self.act_clear, marking.act_mark_region,
            marking.act_brush, marking.act_eraser, marking.act_pan, self.exploring.act_explore, self.exploring.act_leave, marking.act_bigger, marking.act_smaller,
            marking.act_more, marking.act_less, *marking.intensity_actions, marking.act_ten, *marking.quality_actions.values(),
            self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_tabs, self.act_side, *self.view_actions,
            self.act_high_contrast, *self.layer_actions.values(), self.act_next_pane, self.act_prev_pane, self.act_next, self.act_prev,
            self.browsing.act_browser,
            selfcare.act_routine, selfcare.act_builder, practice.act_present, selfcare.act_compare, selfcare.act_screen,
            self.act_about, self.act_shortcuts,
        ])  # fmt: skip

    def _make_menus(self):
        files, selfcare, practice, marking = self.files, self.selfcare, self.practice, self.marking
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("app", "&File"))
        file_menu.addActions([files.act_new, files.act_open])
        files.add_recent_menu(file_menu)
        file_menu.addActions([files.act_save, files.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([practice.act_save_session, practice.act_history])
        file_menu.addSeparator()
        file_menu.addActions([practice.act_export_handout, practice.act_print_handout])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu(translate("app", "&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([marking.act_mark_region, self.act_clear])
        tools = bar.addMenu(translate("app", "&Tools"))
        tools.addActions([selfcare.act_routine, selfcare.act_builder, selfcare.act_compare])
        tools.addSeparator()
        tools.addActions([marking.act_brush, marking.act_eraser, marking.act_pan, self.exploring.act_explore])
        tools.addSeparator()
        tools.addActions([marking.act_bigger, marking.act_smaller])
        intensity = tools.addMenu(translate("app", "Pain Ra&ting for New Marks"))
        intensity.addActions(marking.intensity_actions + [marking.act_ten, marking.act_more, marking.act_less])
        quality = tools.addMenu(translate("app", "Pain &Quality for New Marks"))
        quality.addActions(list(marking.quality_actions.values()))
        view = bar.addMenu(translate("app", "&View"))
        view.addActions(self.view_actions)
        view.addSeparator()
        view.addActions([self.act_tabs, self.act_side])
        view.addSeparator()
        view.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit])
        view.addSeparator()
        layers = view.addMenu(translate("app", "La&yers"))
        layers.addActions(list(self.layer_actions.values()))
        view.addSeparator()
        view.addActions([self.act_next, self.act_prev, self.browsing.act_browser])
        view.addSeparator()
        view.addActions([self.act_next_pane, self.act_prev_pane])
        view.addSeparator()
        view.addAction(self.act_high_contrast)
        view.addAction(practice.act_present)
        view.addSeparator()
        self._make_language_menu(view)
        help_menu = bar.addMenu(translate("app", "&Help"))
        help_menu.addActions([selfcare.act_screen, self.act_shortcuts, self.act_about])

    def _make_language_menu(self, parent_menu):
        from ..kit.i18n import LANGUAGES, MNEMONICS, SETTING, current_language

        self.language_menu = parent_menu.addMenu(translate("app", "&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = QAction(MNEMONICS.get(code, name), self, checkable=True)  # each language in its own words
            action.setData(code)
            action.setToolTip(translate("app", "Show hipmap in {language}").format(language=name))
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self._language_setting = SETTING

    def set_language(self, code: str):
        """Show every open window in LANGUAGE now (menus, commands, panels, the data's names), and remember it."""
        from ..kit.i18n import current_language, switch_language

        self.settings.setValue(self._language_setting, code)
        if code != current_language():
            switch_language(code)  # calls retranslate() on this window and on every widget that has one

    def retranslate(self):
        """The texts that are not one translated string: made again in the language now installed. The menus,
        the commands and the fixed labels were already translated again by kit.i18n.switch_language."""
        from ..kit.i18n import current_language

        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())
        titles = {"posterior": translate("app", "Back"), "anterior": translate("app", "Front"), "lateral_right": translate("app", "Right Side"), "lateral_left": translate("app", "Left Side")}
        for view_id, act in zip(VIEW_IDS, self.view_actions):
            title = titles[view_id]
            act.setText(translate("app", "{title} View").format(title=title))
            set_command_tip(act, translate("app", "Show the {lower} view").format(lower=title.lower()))
        if self.atlas is not None:
            from ...core.content.atlas import load_atlas
            from ...core.content.problems import DataError

            try:
                atlas = load_atlas(self.atlas.data_dir, self.atlas.assets_dir, language=current_language())
            except DataError:
                atlas = None  # the data's text stays as it was; the interface still changes
            if atlas is not None:
                self.use_atlas(atlas)
        self._update_title()
        self._on_undo_text()

    def use_atlas(self, atlas):
        """The same body drawings and muscles with the text of ATLAS (another language): the views, the warning
        signs, and the candidates matched again so that the list and the details speak it too."""
        self.atlas = atlas
        document = self.document
        document.atlas = atlas
        document._matcher = None  # made again with the reasons in this language
        for view in self.views.values():
            view.use_atlas(atlas)
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, atlas.views[self.tabs.widget(i).view_id].title)
        self.selfcare.use_atlas(atlas)
        self.practice.use_atlas(atlas)
        self.browsing.use_atlas(atlas)
        self.exploring.use_atlas()
        document.rematch()
        self._show_panel()

    def _make_toolbar(self):
        """The tool palette above the diagrams: it wraps onto more rows rather than hide a control (a QToolBar
        hides what does not fit behind an overflow button, as "Numbness" was in Spanish at 1280 px)."""
        from .toolpalette import ToolPalette

        bar = ToolPalette()
        bar.setAccessibleName(translate("app", "Main toolbar"))
        self.toolbar = bar
        marking = self.marking
        self.size_label = QLabel(translate("app", "Size"))
        self.size_label.setBuddy(marking.brush_spin)
        self.pain_label = QLabel(translate("app", "Pain"))
        self.pain_label.setBuddy(marking.intensity_slider)
        bar.add_group(self.files.act_new, self.files.act_open, self.files.act_save)
        bar.add_group(self.act_undo, self.act_redo)
        bar.add_group(marking.act_brush, marking.act_eraser, marking.act_pan, self.exploring.act_explore)
        bar.add_group(self.size_label, marking.brush_spin)
        bar.add_group(self.pain_label, marking.intensity_slider, marking.intensity_label)
        bar.add_group(*marking.quality_actions.values())
        self.centralWidget().layout().insertWidget(0, bar)
        # The button that appears when the menu bar is too narrow for all it holds.
        extension = self.menuBar().findChild(QWidget, "qt_menubar_ext_button")
        if extension is not None:
            extension.setAccessibleName(translate("app", "More menus"))
            extension.setToolTip(translate("app", "More menus"))

    # ------------------------------------------------------------------------------------------ views

    def set_layout_mode(self, mode: str):
        """Tabs show one diagram large; side by side shows all four. The same widgets move between them."""
        current = self.current_view_id() if hasattr(self, "_mode") else None
        focused = self.focusWidget()  # this window's, even while another window is in front
        on_diagram = focused is not None and any(focused is v or v.isAncestorOf(focused) for v in self.views.values())
        self._mode = mode
        row = self.side_by_side.layout()
        if mode == "side":
            while self.tabs.count():
                self.tabs.removeTab(0)
            for view in self.views.values():
                row.addWidget(view)
                view.show()
            self.view_stack.setCurrentWidget(self.side_by_side)
            self.act_side.setChecked(True)
            if on_diagram and current:  # moving the diagrams must not drop the keyboard focus (Ctrl+Z, 0-9)
                self.views[current].setFocus()
        else:
            for view_id, view in self.views.items():
                row.removeWidget(view)
                self.tabs.addTab(view, self.atlas.views[view_id].title)
            self.view_stack.setCurrentWidget(self.tabs)
            self.act_tabs.setChecked(True)
            if current:
                self.show_view(current)
        self.settings.setValue("view/layout", mode)
        self._set_tab_order()

    def tab_chain(self) -> list[QWidget]:
        """The order Tab follows: the muscle browser (when open; it sits on the left), the toolbar's controls, the
        view tabs, the diagram(s), the list, the details."""
        views = list(self.views.values()) if self._mode == "side" else [self.tabs.tabBar(), self.tabs.currentWidget()]
        dock = self.browsing.dock
        # The side choice is one stop, its arrow keys move between Right and Left (Qt's radio-group convention).
        browser = [dock.search, dock.sides.checkedButton() or dock.right_button, dock.tree] if dock is not None else []
        # While the views move between the tabs and the side-by-side row, the tabs may have no current widget.
        chain = (*browser, self.marking.brush_spin, self.marking.intensity_slider, *views, self.candidates, self.muscle_panel)
        return [w.focusProxy() or w for w in chain if w is not None]

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab and Shift+Tab go round tab_chain(), skipping what is hidden (Qt's own chain could loop between the
        list and the details, never reaching the diagrams again)."""
        chain = [w for w in self.tab_chain() if w.isVisible() and w.isEnabled()] if self.views else []
        focused = QApplication.focusWidget()
        at = next((i for i, w in enumerate(chain) if focused is not None and (w is focused or w.isAncestorOf(focused))), -1)
        if at < 0:
            return super().focusNextPrevChild(next_)
        from PySide6.QtCore import Qt

        chain[(at + (1 if next_ else -1)) % len(chain)].setFocus(Qt.TabFocusReason if next_ else Qt.BacktabFocusReason)
        return True

    def _set_tab_order(self):
        chain = list(self.views.values()) if self._mode == "side" else [self.tabs.tabBar(), self.tabs.currentWidget()]
        chain += [self.candidates, self.muscle_panel]
        chain = [w.focusProxy() or w for w in chain]  # the list and the text inside the composite widgets
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def current_view_id(self) -> str:
        if getattr(self, "_mode", "tabs") == "tabs" and self.tabs.currentWidget() is not None:
            return self.tabs.currentWidget().view_id
        focused = QApplication.focusWidget()
        for view_id, view in self.views.items():
            if view is focused:
                return view_id
        return next(iter(self.views))

    def current_view(self):
        return self.views[self.current_view_id()]

    def show_view(self, view_id: str):
        view = self.views[view_id]
        if self._mode == "tabs":
            self.tabs.setCurrentWidget(view)
            self.settings.setValue("view/tab", self.tabs.currentIndex())
        view.setFocus()

    def set_high_contrast(self, on: bool):
        """White on black with thick outlines, app-wide; the diagrams draw marks, zones and trigger points more
        strongly. Remembered for the next start."""
        from ..kit.style import apply_high_contrast

        apply_high_contrast(bool(on))
        if self.views:
            self.selfcare.style_banners()
        self.act_high_contrast.setChecked(bool(on))
        self.settings.setValue("view/high_contrast", "true" if on else "false")

    def set_layer_visible(self, layer: str, on: bool):
        """Show or hide one layer of every diagram (the muscle, its zones, its trigger points, the pain marks);
        remembered for the next start."""
        self.layer_actions[layer].setChecked(bool(on))
        for view in self.views.values():
            view.set_layer_visible(layer, bool(on))
        self.settings.setValue(f"view/layer_{layer}", "true" if on else "false")

    def panes(self) -> list[QWidget]:
        """The parts of the window F6 moves between: the muscle browser when open, the diagram(s), the list, the
        details, the toolbar."""
        if not self.views:
            return []
        shown = list(self.views.values()) if self._mode == "side" else [self.tabs.currentWidget()]
        browser = [self.browsing.dock.search] if self.browsing.dock is not None else []  # (skipped while hidden)
        return [*browser, *shown, self.candidates.focusProxy() or self.candidates, self.muscle_panel.focusProxy() or self.muscle_panel, self.marking.brush_spin]

    def focus_pane(self, step: int):
        panes = [w for w in self.panes() if w.isVisible() and w.isEnabled()]
        if not panes:
            return
        focused = QApplication.focusWidget()
        at = next((i for i, w in enumerate(panes) if focused is not None and (w is focused or w.isAncestorOf(focused))), -1)
        target = panes[(at + step) % len(panes)] if at >= 0 else panes[0 if step > 0 else -1]
        from PySide6.QtCore import Qt

        target.setFocus(Qt.ShortcutFocusReason)

    def _on_hover(self, view_id: str, text: str):
        # One diagram holds the hover at a time. A leave event can go missing (a window opening under the
        # pointer); without this, the diagram left behind would still think it shows its region and stay silent
        # when the pointer comes back to it.
        if text:
            for other_id, other in self.views.items():
                if other_id != view_id:
                    other.clear_hover()
        self.hover_label.setText(text)

    # ------------------------------------------------------------------------------------------ results

    def _on_document_changed(self, painmap, result):
        for view in self.views.values():
            view.set_marks(painmap.marks)
        self.selfcare.show_nerve_banner(painmap)
        self.candidates.set_result(result)
        keys = {c.key for c in result.candidates}
        if self.selected and self.selected not in keys:
            if not self.chosen_outside:
                self.selected = None
        elif self.selected and self.chosen_outside:  # a muscle chosen in the browser that the pain now ranks
            self.select_candidate(*self.selected)
        self.browsing.follow_pain(painmap)
        self._show_overlay()
        self._panel_timer.start()  # the details can follow a moment after the list and the diagrams
        self._count_timer.start()  # so can the count of marks in the status bar
        self._count_over = self.statusBar().currentMessage()  # (a message shown before it comes stays)
        self._tidy_timer.start()  # (after the panel: a zero timer started later fires later)

    _count_over = ""

    def _show_mark_count(self):
        from ...core.pain.painmap import made_count

        if self.statusBar().currentMessage() != self._count_over:
            return  # something was said since the change: it is not covered
        painmap = self.document.painmap
        n = made_count(painmap, self.atlas)  # a region marked by name is one mark, though it shows on several views
        self.statusBar().showMessage((translate("app", "%n mark", "", n) if n == 1 else translate("app", "%n marks", "", n)) if n else translate("app", "Click or drag on a diagram to mark where it hurts."))

    def _on_selected(self, muscle_id: str, side: str):
        self.selected = (muscle_id, side) if muscle_id else None
        self.chosen_outside = False
        self.browsing.show_selected(self.selected)
        self._show_overlay()
        self._panel_timer.start()

    def _on_candidate_hover(self, muscle_id: str, side: str):
        self.previewed = (muscle_id, side) if muscle_id else None
        self._show_overlay()

    def _show_overlay(self):
        key, preview = (self.previewed, True) if self.previewed and self.previewed != self.selected else (self.selected, False)
        muscle = self.atlas.muscles.get(key[0]) if key else None
        for view in self.views.values():
            view.set_overlay(muscle, key[1] if key else None, preview=preview)

    def _show_panel(self):
        self._prepare_timer.start(PREPARE_AFTER_MS)  # (again: a selection or a mark puts it off)
        if not self.selected:
            self.muscle_panel.show_muscle(self.atlas, None, None, None)
            return
        candidate = self.document.result.find(*self.selected)
        note = ""
        if candidate is None and not self.document.painmap.is_empty():
            note = translate("app", "This muscle is not among the muscles whose pain patterns match the pain you marked; it is shown because you chose it.")
        self.muscle_panel.show_muscle(self.atlas, self.selected[0], self.selected[1], candidate, note=note)

    def _prepare_next(self):
        """In idle time, the next page not yet made among the candidates at the top of the list; then, a turn
        later, the one after (each a few ms: never a frame's worth)."""
        if self.document is None or not self.isVisible():
            return
        for candidate in self.document.result.candidates[:PREPARED_CANDIDATES]:
            if candidate.key != self.selected and self.muscle_panel.prepare(self.atlas, candidate.muscle_id, candidate.side, candidate):
                self._prepare_timer.start(PREPARE_STEP_MS)
                return

    def select_candidate(self, muscle_id: str, side: str):
        self.candidates.select(muscle_id, side)
        self._on_selected(muscle_id, side)

    def select_any(self, muscle_id: str, side: str):
        """Select any muscle, as a candidate is selected (the details, the overlays on every view, the routine),
        whether or not the marked pain ranks it: from the muscle browser. A candidate's row is selected too; for
        any other muscle the list shows no selection."""
        if muscle_id not in self.atlas.muscles:
            return
        if self.document.result.find(muscle_id, side) is not None:
            self.select_candidate(muscle_id, side)
            return
        self.candidates.clear_selection()  # (its "none selected" comes back through _on_selected first)
        self.selected = (muscle_id, side)
        self.chosen_outside = True
        self.previewed = None
        self.browsing.show_selected(self.selected)
        self._show_overlay()
        self._panel_timer.start()

    def _step_candidate(self, step: int):
        found = self.document.result.candidates
        if not found:
            return
        keys = [c.key for c in found]
        i = keys.index(self.selected) + step if self.selected in keys else 0
        self.select_candidate(*keys[max(0, min(len(keys) - 1, i))])

    # ------------------------------------------------------------------------------------------ help, close

    def about(self):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, translate("app", "About hipmap"), translate("app", "<b>hipmap {version__}</b><p>{DISCLAIMER}</p>").format(version__=__version__, DISCLAIMER=translate("app", DISCLAIMER)))

    def show_shortcuts(self):
        rows = []
        for act in self.actions():
            keys = act.shortcut().toString(QKeySequence.NativeText)
            if keys and not act.text().startswith("Pain "):
                rows.append(f"<tr><td><b>{keys}</b></td><td>{act.text().replace('&', '')}</td></tr>")
        rows.append(translate("app", "<tr><td><b>0-9, Shift+0</b></td><td>Pain rating for new marks</td></tr>"))
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, translate("app", "Keyboard shortcuts"), "<table cellpadding='3'>" + "".join(rows) + "</table>")

    def _share_width(self):
        """The diagrams 70% of the width, the results 30% (or their minimum), at the size the window has."""
        self._share_when_shown = False
        total = sum(self.splitter.sizes()) or self.width()
        self.splitter.setSizes([round(total * 0.7), total - round(total * 0.7)])

    def showEvent(self, event):
        super().showEvent(event)
        if self._share_when_shown:  # attached before it had its size (the CLI, tests)
            self._share_width()

    def closeEvent(self, event):
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.browsing.save()
        if self.document is not None:
            self.files.release()
        selfcare, practice = self.selfcare, self.practice
        for tool in (selfcare.player, selfcare.builder, selfcare.compare_dialog, practice.presentation, practice.history):
            if tool is not None:
                tool.close()  # the player, builder and comparison belong to this window
        practice.close_store()
        event.accept()
