"""Two pain maps side by side on the same diagram, with the figures that changed: before and after a routine,
or any two saved sessions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...core.pain.progress import compare
from ..kit import style
from ..diagram.bodyview import BodyView
from ..kit.i18n import QT_TRANSLATE_NOOP, progress_phrases, translate
from ..kit.windows import fit_to_screen

VIEW_TITLES = {"posterior": QT_TRANSLATE_NOOP("compare", "Back"), "lateral_right": QT_TRANSLATE_NOOP("compare", "Right side"), "lateral_left": QT_TRANSLATE_NOOP("compare", "Left side"), "anterior": QT_TRANSLATE_NOOP("compare", "Front")}
NOTE = QT_TRANSLATE_NOOP("compare", "These figures compare your own drawings. They help you notice change; they do not measure healing or make a diagnosis.")


def read_only_body(atlas, view_id: str, renderers, marks, accessible_name: str) -> BodyView:
    """A diagram to look at, not to mark: the marks with their ratings, panning only."""
    body = BodyView(atlas, view_id, renderers[str(atlas.views[view_id].svg_file)])
    body.set_tool("pan")
    body.setCursor(Qt.ArrowCursor)
    body.set_marks(marks)
    body.setAccessibleName(accessible_name)
    body.set_hint(translate("compare", "Read-only. The numbers on the marks are the pain ratings, 0 to 10."))
    return body


class BeforeAfterDialog(QDialog):
    def __init__(self, atlas, before, after, renderers, view: str = "posterior", titles=None,
                 heading: str | None = None, parent=None):  # fmt: skip
        super().__init__(parent)
        titles = titles or (translate("compare", "Before"), translate("compare", "After"))
        heading = heading or translate("compare", "Before and after your routine")
        self.atlas, self.before, self.after = atlas, before, after
        self.setWindowTitle(translate("compare", "{heading} — hipmap").format(heading=heading))
        self.setAccessibleName(heading)
        self.pairs: dict[str, tuple[BodyView, BodyView]] = {}
        self.view_buttons = QButtonGroup(self)
        choose = QHBoxLayout()
        title = QLabel(heading)
        title.setFont(style.scaled_font(self.font(), 1.35, bold=True))
        choose.addWidget(title, 1)
        self.columns = QGridLayout()
        self.titles = titles
        for column, text in enumerate(titles):
            label = QLabel(text)
            label.setFont(style.scaled_font(self.font(), 1.2, bold=True))
            label.setAlignment(Qt.AlignCenter)
            self.columns.addWidget(label, 0, column)
        self.views_by_id = {}
        for n, view_id in enumerate(v for v in VIEW_TITLES if v in atlas.views):
            button = QPushButton(translate("compare", VIEW_TITLES[view_id]))
            button.setCheckable(True)
            button.setAccessibleName(translate("compare", "Show the {lower} view").format(lower=translate("compare", VIEW_TITLES[view_id]).lower()))
            self.view_buttons.addButton(button)
            choose.addWidget(button)
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, v=view_id: self.show_view(v))
            self.addAction(action)
            self._tip(button, action, view_id)
            button.clicked.connect(lambda _c=False, v=view_id: self.show_view(v))
            self.views_by_id[view_id] = button
        for view_id in self.views_by_id:
            pair = []
            for column, (painmap, name) in enumerate(((before, titles[0]), (after, titles[1]))):
                body = read_only_body(atlas, view_id, renderers, painmap.marks,
                                      translate("compare", "{name}: {lower} view with the marked pain").format(name=name, lower=translate("compare", VIEW_TITLES[view_id]).lower()))  # fmt: skip
                self.columns.addWidget(body, 1, column)
                pair.append(body)
            self.pairs[view_id] = tuple(pair)

        self.figures = QLabel(self._figures_html())
        self.figures.setTextFormat(Qt.RichText)
        self.figures.setAccessibleName(translate("compare", "What changed"))
        self.figures.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setToolTip(translate("compare", "Close the comparison (Esc)"))

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(self.columns, 1)
        layout.addWidget(self.figures)
        layout.addWidget(buttons)
        # The view asked for if it shows any of the pain, else the one that shows the most.
        marked_views = {m.view for m in before.marks + after.marks}
        start = view if view in self.pairs and (view in marked_views or not marked_views) else self._busiest_view()
        self.show_view(start)
        fit_to_screen(self, 1100, 820)

    @staticmethod
    def _tip(button, action, view_id: str) -> None:
        button.setToolTip(translate("compare", "{value} view ({toString})").format(value=translate("compare", VIEW_TITLES[view_id]), toString=action.shortcut().toString(QKeySequence.NativeText)))
        action.setToolTip(button.toolTip())

    def retranslate(self) -> None:
        """The figures and the views' tooltips in the language now installed (the fixed labels were translated
        again by kit.i18n.switch_language)."""
        from ..kit.i18n import again

        self.titles = tuple(again(t) or t for t in self.titles)
        actions = [a for a in self.actions() if not a.shortcut().isEmpty()]
        for (view_id, button), action in zip(self.views_by_id.items(), actions):
            action.setText(button.text())
            self._tip(button, action, view_id)
        self.figures.setText(self._figures_html())

    def _busiest_view(self) -> str:
        counts = {v: sum(m.view == v for m in self.before.marks + self.after.marks) for v in self.pairs}
        return max(counts, key=counts.get) if any(counts.values()) else next(iter(self.pairs))

    def show_view(self, view_id: str) -> None:
        self.current = view_id
        for vid, pair in self.pairs.items():
            for body in pair:
                body.setVisible(vid == view_id)
        self.views_by_id[view_id].setChecked(True)
        for body in self.pairs[view_id]:
            body.fit()

    def rows(self):
        return compare(self.before, self.after, self.atlas, progress_phrases())

    def _figures_html(self) -> str:
        palette = self.palette()
        quiet = style.secondary_text(palette).name()
        cells = []
        for row in self.rows():
            # The direction is said in words and with an arrow, never by colour alone.
            arrow = {True: "\u2193 ", False: "\u2191 ", None: ""}[row.better]
            verdict = {True: translate("compare", " (better)"), False: translate("compare", " (worse)"), None: ""}[row.better]
            cells.append(
                f"<tr><td>{html.escape(row.label)}</td><td align='center'>{html.escape(row.before)}</td>"
                f"<td align='center'>{html.escape(row.after)}</td>"
                f"<td>{arrow}{html.escape(row.change)}{verdict}</td></tr>"
            )
        return (
            translate("compare", "<table cellpadding='4' cellspacing='0' width='100%'><tr><th align='left'>Figure</th><th>{escape}</th><th>{escape2}</th><th align='left'>Change</th></tr>").format(escape=html.escape(self.titles[0]), escape2=html.escape(self.titles[1]))
            + "".join(cells) + f"</table><p style='color:{quiet}'>{html.escape(translate('compare', NOTE))}</p>"
        )  # fmt: skip

    def showEvent(self, event):
        super().showEvent(event)
        for body in self.pairs[self.current]:
            body.fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        for body in self.pairs.get(getattr(self, "current", ""), ()):
            body.fit()
