"""The muscle browser dock: a search field over a tree of areas and their muscles, and a Right / Left choice.

Choosing a muscle (Enter, a click or a double-click) emits ``chosen(muscle id, side)``; the main window selects it
as it would a candidate. The searching itself is core (hipmap.core.content.search); this only shows it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.content.search import by_area, find_muscles
from ...core.content.vocabulary import AREAS, BOTH
from ..kit import style
from ..kit.i18n import QT_TRANSLATE_NOOP, translate

AREA_NAMES = {
    "lower_back": QT_TRANSLATE_NOOP("browser", "Lower back"),
    "belly_and_pelvis": QT_TRANSLATE_NOOP("browser", "Belly and pelvis"),
    "buttock": QT_TRANSLATE_NOOP("browser", "Buttock"),
    "side_of_hip": QT_TRANSLATE_NOOP("browser", "Side of the hip"),
    "front_of_thigh": QT_TRANSLATE_NOOP("browser", "Front of the thigh"),
    "inner_thigh": QT_TRANSLATE_NOOP("browser", "Inner thigh"),
    "back_of_thigh": QT_TRANSLATE_NOOP("browser", "Back of the thigh"),
    "lower_leg": QT_TRANSLATE_NOOP("browser", "Lower leg"),
}
ID_ROLE = Qt.UserRole  # a muscle row's muscle id; an area heading has none


def area_name(area: str) -> str:
    return translate("browser", AREA_NAMES[area]) if area in AREA_NAMES else area


class _SearchField(QLineEdit):
    """The search: Up and Down (and Page Up / Page Down) move in the list below without leaving the field."""

    moveRequested = Signal(int)  # +1 / -1: the next or previous muscle

    def keyPressEvent(self, event):
        steps = {Qt.Key_Down: 1, Qt.Key_Up: -1, Qt.Key_PageDown: 5, Qt.Key_PageUp: -5}
        if event.key() in steps and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            self.moveRequested.emit(steps[event.key()])
            return
        super().keyPressEvent(event)


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped words at the list's width (QTreeView alone keeps one line and cuts the rest)."""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        view = self.parent()
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margin = view.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, view) + 1  # as the item's text is drawn
        width = view.viewport().width() - view.indentation() * depth - 2 * margin
        font = index.data(Qt.FontRole) or option.font
        text = index.data(Qt.DisplayRole) or ""
        box = QFontMetrics(font).boundingRect(QRect(0, 0, max(40, width), 100_000), Qt.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), box.height() + 6))


class _Tree(QTreeWidget):
    def viewportEvent(self, event):
        if event.type() == QEvent.Resize and event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # the words wrap differently at the new width (or beside a scroll bar)
        return super().viewportEvent(event)


class MuscleBrowser(QDockWidget):
    """Every muscle by area, with a search over names and aliases in both languages; ``chosen(id, side)``."""

    chosen = Signal(str, str)

    def __init__(self, atlas, parent=None):
        super().__init__(translate("browser", "Muscles"), parent)
        self.setObjectName("muscleBrowser")  # its place and visibility are kept by the window's saveState
        self.setAccessibleName(translate("browser", "Muscle browser"))
        self.atlas = atlas
        self._items: dict[str, QTreeWidgetItem] = {}
        self._areas: dict[str, QTreeWidgetItem] = {}
        self._found: list[str] = []

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        self.search_label = QLabel(translate("browser", "&Find a muscle:"))
        self.search = _SearchField()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("browser", "Name or another name, e.g. IT band"))
        self.search.setAccessibleName(translate("browser", "Find a muscle"))
        self.search.setAccessibleDescription(translate("browser", "Type any name of a muscle, in English or Spanish; the Down and Up keys move in the list, Enter shows the muscle."))
        self.search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_current)
        self.search.moveRequested.connect(self._move)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("browser", "Search result"))
        self.status.setFont(style.scaled_font(self.font(), 0.95))

        side_row = QHBoxLayout()
        side_row.setSpacing(10)
        self.side_label = QLabel(translate("browser", "Side:"))
        self.right_button = QRadioButton(translate("browser", "&Right"))
        self.left_button = QRadioButton(translate("browser", "L&eft"))
        self.right_button.setToolTip(translate("browser", "Show the muscle you choose on the right side"))
        self.left_button.setToolTip(translate("browser", "Show the muscle you choose on the left side"))
        self.sides = QButtonGroup(self)
        self.sides.addButton(self.right_button)
        self.sides.addButton(self.left_button)
        self.right_button.setChecked(True)
        self.right_button.toggled.connect(lambda _on: self._side_changed())
        side_row.addWidget(self.side_label)
        side_row.addWidget(self.right_button)
        side_row.addWidget(self.left_button)
        side_row.addStretch(1)

        self.tree = _Tree()
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setAccessibleName(translate("browser", "Muscles by area"))
        self.tree.setAccessibleDescription(translate("browser", "Every muscle, grouped by where it lies. Enter or a click shows it."))
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemClicked.connect(self._on_activated)
        self.tree.setWordWrap(True)  # a long name ("Adductor magnus (large inner-thigh muscle)") wraps, never cut
        self.tree.setTextElideMode(Qt.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addLayout(side_row)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.setFocusProxy(self.search)
        self._chosen: tuple[str, str] | None = None
        self._build()

    # ------------------------------------------------------------------------------------------- public API

    def set_atlas(self, atlas) -> None:
        """The same muscles with the text of ATLAS (another language)."""
        self.atlas = atlas
        self._build()

    def side(self) -> str:
        """The side a one-sided muscle is chosen on: the Right / Left choice."""
        return "left" if self.left_button.isChecked() else "right"

    def set_side(self, side: str) -> None:
        """Follow the side of the pain (right or left; anything else leaves the choice as it is)."""
        if side in ("right", "left") and side != self.side():
            (self.left_button if side == "left" else self.right_button).setChecked(True)

    def side_for(self, muscle_id: str) -> str:
        muscle = self.atlas.muscles[muscle_id]
        return BOTH if muscle.bilateral else self.side()

    def choose(self, muscle_id: str) -> None:
        """Choose a muscle as a person would: it becomes the current row and ``chosen`` is emitted."""
        item = self._items.get(muscle_id)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._chosen = (muscle_id, self.side_for(muscle_id))
        self.chosen.emit(*self._chosen)

    def mark_shown(self, muscle_id: str | None) -> None:
        """The muscle the window shows now (chosen here or in the candidate list): its row becomes the current one,
        without choosing it again."""
        if self._chosen is not None and self._chosen[0] != muscle_id:
            self._chosen = None  # the side choice no longer moves what the window shows
        item = self._items.get(muscle_id) if muscle_id else None
        if item is not None and not item.isHidden():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)

    def visible_muscles(self) -> list[str]:
        """The muscle ids the tree shows now, top to bottom."""
        return [m for m in by_area(self.atlas.muscles) if m in self._items and not self._items[m].isHidden()]

    def matches(self) -> list[str]:
        """What the search finds, best first (every muscle when the field is empty)."""
        return list(self._found)

    def retranslate(self) -> None:
        """The area headings and the search result in the language now installed (the muscle names come with the
        atlas, in set_atlas)."""
        for area, item in self._areas.items():
            item.setText(0, area_name(area))
        self._filter(self.search.text())
        # Qt names the title bar's buttons once, in the language of that moment
        words = {"qt_dockwidget_floatbutton": "Float", "qt_dockwidget_closebutton": "Close"}
        for button in self.findChildren(QAbstractButton):
            if button.objectName() in words:
                button.setAccessibleName(QCoreApplication.translate("QDockWidget", words[button.objectName()]))

    # ------------------------------------------------------------------------------------------- internals

    def _build(self) -> None:
        current = self.tree.currentItem()
        current_id = current.data(0, ID_ROLE) if current is not None else None
        self.tree.clear()
        self._items.clear()
        self._areas.clear()
        heading_font = style.scaled_font(self.font(), 1.0, bold=True)
        for muscle_id in by_area(self.atlas.muscles):
            muscle = self.atlas.muscles[muscle_id]
            area = muscle.area
            if area not in self._areas:
                heading = QTreeWidgetItem([area_name(area)])
                heading.setFlags(Qt.ItemIsEnabled)  # a heading: not selectable, never chosen
                heading.setFont(0, heading_font)
                self.tree.addTopLevelItem(heading)
                heading.setExpanded(True)
                self._areas[area] = heading
            item = QTreeWidgetItem([muscle.name])
            item.setData(0, ID_ROLE, muscle_id)
            item.setToolTip(0, ", ".join(muscle.aliases))
            self._areas[area].addChild(item)
            self._items[muscle_id] = item
        for heading in self._areas.values():
            heading.setExpanded(True)
        self._filter(self.search.text())
        if current_id in self._items:
            self.mark_shown(current_id)

    def _filter(self, text: str) -> None:
        query = text.strip()
        if query:
            self._found = find_muscles(self.atlas.muscles, query)
        else:
            self._found = by_area(self.atlas.muscles)
        shown = set(self._found)
        for muscle_id, item in self._items.items():
            item.setHidden(muscle_id not in shown)
        for heading in self._areas.values():
            heading.setHidden(all(heading.child(i).isHidden() for i in range(heading.childCount())))
        n = len(self._found)
        if not query:
            self.status.setText(translate("browser", "All %n muscles, by where they lie.", "", n))
        elif not self._found:
            self.status.setText(translate("browser", "No muscle matches “{query}”.").format(query=query))
        else:
            best = self.atlas.muscles[self._found[0]].name
            found = translate("browser", "%n muscle matches.", "", n) if n == 1 else translate("browser", "%n muscles match.", "", n)
            self.status.setText(found + " " + translate("browser", "Enter shows {name}.").format(name=best))
        if query and self._found:
            self.tree.setCurrentItem(self._items[self._found[0]])
            self.tree.scrollToItem(self._items[self._found[0]])
        elif query:
            self.tree.setCurrentItem(None)

    def _current_id(self) -> str | None:
        item = self.tree.currentItem()
        muscle_id = item.data(0, ID_ROLE) if item is not None and not item.isHidden() else None
        return muscle_id or None

    def _choose_current(self) -> None:
        muscle_id = self._current_id() or (self._found[0] if self.search.text().strip() and self._found else None)
        if muscle_id:
            self.choose(muscle_id)

    def _move(self, step: int) -> None:
        """Move the current row by STEP muscles among those shown (headings are passed over)."""
        shown = self.visible_muscles()
        if not shown:
            return
        at = self._current_id()
        i = shown.index(at) + step if at in shown else (0 if step > 0 else len(shown) - 1)
        item = self._items[shown[max(0, min(len(shown) - 1, i))]]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        muscle_id = item.data(0, ID_ROLE)
        if muscle_id:
            self.choose(muscle_id)

    def _side_changed(self) -> None:
        """A muscle chosen here, shown again on the side now chosen."""
        if self._chosen is not None and self._chosen[1] != BOTH and self._chosen[1] != self.side():
            self.choose(self._chosen[0])

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.Find):
            self.search.setFocus(Qt.ShortcutFocusReason)
            self.search.selectAll()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._build()  # the headings' bold font follows the text size
