"""Mark a region by name (Edit > Mark a Region, Ctrl+M): the diagrams as a list, for the keyboard and for
screen readers.

Every region of the atlas on each side ("Right outer thigh"), narrowed by typing or by view; Enter marks the chosen
one (on every view that shows it) with the pain rating and qualities chosen here, and the dialog stays open for the
next one. Esc closes it.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from ..kit.i18n import QT_TRANSLATE_NOOP, quality_name, side_and_region, translate

ALL_VIEWS = QT_TRANSLATE_NOOP("regions", "All views")


def folded(text: str) -> str:
    """TEXT for searching: case and accents set aside ("Exterior" finds "exterior", "tibia" finds "Tíbia")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(query: str, texts) -> bool:
    """Whether every word of QUERY is found in one of TEXTS (the name, or one of the aliases), in any order."""
    words = folded(query).split()
    return any(all(word in text for word in words) for text in map(folded, texts))


def region_words(atlas, region_id: str, side: str) -> str:
    """"Right outer thigh": the side, then the region's name as a person says it."""
    name = atlas.regions[region_id].name
    return side_and_region(side, name)


class RegionDialog(QDialog):
    """A searchable list of the regions; ``regionChosen`` carries (region id, side, rating, qualities)."""

    regionChosen = Signal(str, str, int, tuple)

    def __init__(self, atlas, intensity: int = 5, qualities=(), all_qualities=(), view: str | None = None, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self.setWindowTitle(translate("regions", "Mark a region — hipmap"))
        self.setAccessibleName(translate("regions", "Mark a region"))

        self.search = QLineEdit()
        self.search.setAccessibleName(translate("regions", "Find a region"))
        self.search.setPlaceholderText(translate("regions", "Type part of a name, e.g. outer thigh"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)  # Up and Down move through the list while typing
        self.view_combo = QComboBox()
        self.view_combo.setAccessibleName(translate("regions", "Show the regions of"))
        self.view_combo.addItem(translate("regions", ALL_VIEWS), None)
        for view_id, v in atlas.views.items():
            self.view_combo.addItem("", view_id)
        self.view_combo.currentIndexChanged.connect(lambda _i: self._filter())

        self.list = QListWidget()
        self.list.setAccessibleName(translate("regions", "Regions"))
        self.list.setAccessibleDescription(translate("regions", "Choose a region with the arrow keys; Enter marks it."))
        for region_id, region in atlas.regions.items():
            for side in ("right", "left"):
                shapes = atlas.region_shapes(region_id, side)
                if not shapes:
                    continue
                item = QListWidgetItem()
                item.setData(Qt.UserRole, (region_id, side, tuple(shapes)))
                self.list.addItem(item)
        self._name_regions()
        self.list.itemDoubleClicked.connect(lambda _item: self.mark())

        self.rating = QSpinBox()
        self.rating.setRange(0, 10)
        self.rating.setValue(int(intensity))
        self.rating.setSuffix(" / 10")
        self.rating.setAccessibleName(translate("regions", "Pain rating, 0 to 10"))
        self.quality_boxes = {}
        qualities_row = QHBoxLayout()
        for quality in all_qualities:
            box = QCheckBox(quality_name(quality).capitalize())
            box.setChecked(quality in qualities)
            qualities_row.addWidget(box)
            self.quality_boxes[quality] = box
        qualities_row.addStretch(1)

        self.nothing = QLabel("")
        self.nothing.setAccessibleName(translate("regions", "Search result"))
        self.nothing.setWordWrap(True)
        self.nothing.hide()
        self.status = QLabel("")
        self.status.setAccessibleName(translate("regions", "Last marked"))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.mark_button = buttons.addButton(translate("regions", "&Mark"), QDialogButtonBox.ActionRole)
        self.mark_button.setToolTip(translate("regions", "Mark the chosen region on every view that shows it (Enter)"))
        self.mark_button.clicked.connect(self.mark)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setToolTip(translate("regions", "Close (Esc)"))

        form = QFormLayout()
        form.addRow(translate("regions", "&Find:"), self.search)
        form.addRow(translate("regions", "&Views:"), self.view_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.nothing)
        rating_form = QFormLayout()
        rating_form.addRow(translate("regions", "Pain &rating:"), self.rating)
        if self.quality_boxes:
            rating_form.addRow(translate("regions", "Feels:"), qualities_row)
        layout.addLayout(rating_form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if view in atlas.views:
            self.view_combo.setCurrentIndex(self.view_combo.findData(view))
        self._filter()
        self.search.setFocus()

    def _name_regions(self) -> None:
        """The words of the list and of the views, from the atlas (in the language it was loaded in)."""
        atlas = self.atlas
        for i, (view_id, v) in enumerate(atlas.views.items(), start=1):
            self.view_combo.setItemText(i, translate("regions", "{title} view").format(title=v.title))
        for i in range(self.list.count()):
            item = self.list.item(i)
            region_id, side, _views = item.data(Qt.UserRole)
            region = atlas.regions[region_id]
            item.setText(region_words(atlas, region_id, side))
            # Searched: the side and the name as shown, and each alias with the side ("exterior del muslo").
            item.setData(Qt.UserRole + 1, (item.text(), *(side_and_region(side, a) for a in region.aliases)))
            item.setToolTip(region.description)
            item.setData(Qt.AccessibleDescriptionRole, region.description)

    def retranslate(self) -> None:
        """After View > Language: the regions' names in the atlas of the window (loaded again in that language)."""
        atlas = getattr(self.parentWidget(), "atlas", None)
        if atlas is not None:
            self.atlas = atlas
        self._name_regions()
        for quality, box in self.quality_boxes.items():
            box.setText(quality_name(quality).capitalize())
        self._filter()

    def showEvent(self, event):
        super().showEvent(event)
        self.mark_button.setDefault(True)  # Enter marks (the button box picks its own default when shown)
        self.resize(460, 560)

    # ---- the list

    def visible_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    def _filter(self, *_args) -> None:
        query = self.search.text()
        view = self.view_combo.currentData()
        for i in range(self.list.count()):
            item = self.list.item(i)
            _region, _side, views = item.data(Qt.UserRole)
            item.setHidden(not matches(query, item.data(Qt.UserRole + 1)) or (view is not None and view not in views))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            shown = self.visible_items()
            self.list.setCurrentItem(shown[0] if shown else None)
        self.mark_button.setEnabled(self.list.currentItem() is not None and not self.list.currentItem().isHidden())
        if self.visible_items() or not query.strip():
            self.nothing.hide()
        else:
            text = translate("regions", "No region matches “{query}”.").format(query=query.strip())
            self.nothing.setText(text)
            self.nothing.show()
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.nothing, text))

    def choose(self, text: str) -> bool:
        """Make the region called ``text`` ("Right outer thigh") the current one."""
        for item in self.visible_items():
            if item.text().casefold() == text.casefold():
                self.list.setCurrentItem(item)
                return True
        return False

    def eventFilter(self, watched, event):
        if watched is self.search and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown):
            self.list.event(event)
            return True
        return super().eventFilter(watched, event)

    # ---- marking

    def qualities(self) -> tuple[str, ...]:
        return tuple(q for q, box in self.quality_boxes.items() if box.isChecked())

    def mark(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        region_id, side, _views = item.data(Qt.UserRole)
        self.regionChosen.emit(region_id, side, self.rating.value(), self.qualities())
        qualities = [quality_name(q) for q in self.qualities()]
        if qualities:
            text = translate("regions", "Marked: {text}, pain {value}, {qualities}.").format(
                text=item.text(), value=self.rating.value(), qualities=translate("regions", ", ").join(qualities))
        else:
            text = translate("regions", "Marked: {text}, pain {value}.").format(text=item.text(), value=self.rating.value())
        self.status.setText(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, text))
