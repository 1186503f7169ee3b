"""Explore mode (muscle -> pattern): the pointer over a diagram names the muscle under it, previews it, and a click
selects it as a candidate or a browser choice is selected (MainWindow.select_any). No marks are made meanwhile.

The mode is a tool beside the brush, the eraser and pan (Tools > Explore Muscles, X); Esc or X again returns to the
tool used before. The wheel or [ and ] choose among the muscles stacked under the pointer. Keyboard and
screen-reader users reach every muscle through the browser (View > Muscles, F3) instead.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject

from ..diagram.explore import stack_lines
from ..kit.i18n import translate
from .actions import make_action


class Exploring(QObject):
    """The explore command, its way out, and what the diagrams report while it is on."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.previous_tool = "brush"
        self.view_id: str | None = None  # the diagram whose stack the pointer is over
        A = partial(make_action, window)
        self.act_explore = A(
            translate("app", "E&xplore Muscles"), self.toggle, "X",
            translate("app", "Point at a diagram to name the muscle under it; the wheel or [ and ] choose a deeper one; click selects it. "
                             "Esc returns to the tool used before. Without a mouse: View > Muscles (F3)"),
            checkable=True,
        )  # fmt: skip
        self.act_leave = A(translate("app", "Leave Explore Mode"), self.leave, "Esc", translate("app", "Return to the tool used before exploring"))
        self.act_leave.setEnabled(False)
        window.marking.tool_group.addAction(self.act_explore)
        window.marking.toolChanged.connect(self._on_tool_changed)

    def attach(self, views) -> None:
        for body in views.values():
            body.exploreHovered.connect(self._on_hovered)
            body.exploreClicked.connect(self._on_clicked)

    def toggle(self, _checked: bool = True) -> None:
        if self.active:
            self.leave()
        else:
            self.previous_tool = self.window.marking.tool
            self.window.marking.set_tool("explore")

    def leave(self) -> None:
        if self.active:
            self.window.marking.set_tool(self.previous_tool)

    def step(self, step: int) -> bool:
        """[ and ]: the muscle above or below the chosen one, on the diagram under the pointer."""
        body = self.window.views.get(self.view_id) if self.view_id else None
        return body is not None and body.step_explore(step)

    def _on_tool_changed(self, tool: str) -> None:
        was, self.active = self.active, tool == "explore"
        self.act_leave.setEnabled(self.active)
        window = self.window
        self.update_hints()
        if self.active and not was:
            window.statusBar().showMessage(translate("app", "Explore: point at a diagram to name the muscle there; click selects it. Esc returns to marking."))
        elif was and not self.active:
            self.view_id = None
            window.hover_label.setText("")
            window.statusBar().clearMessage()
            if window.previewed is not None:
                window.previewed = None
                window._show_overlay()

    def update_hints(self) -> None:
        """What a screen reader hears about each diagram: how to explore while the mode is on, how to mark else.
        Done again after a language switch (the diagrams take their marking hint from the new atlas)."""
        from ..diagram.bodyview import HINT  # (here: the diagram module brings the core, loaded after the first paint)

        hint = (translate("app", "Explore mode: the pointer names the muscle under it and a click selects it; no pain is marked. "
                                 "From the keyboard, View > Muscles (F3) lists every muscle.")
                if self.active else translate("bodyview", HINT))  # fmt: skip
        for body in self.window.views.values():
            body.set_hint(hint)

    def use_atlas(self) -> None:
        """After a language switch: the hints again, and the words beside the pointer dropped until it moves."""
        self.update_hints()
        if self.active:
            self.window.hover_label.setText("")
            for body in self.window.views.values():
                body.clear_explore()

    def _on_hovered(self, view_id: str, stack: list, index: int) -> None:
        window = self.window
        if not self.active:
            return
        if not stack:
            if self.view_id == view_id:
                self.view_id = None
                window.hover_label.setText("")
                window.previewed = None
                window._show_overlay()
            return
        for other_id, other in window.views.items():
            if other_id != view_id:
                other.clear_explore()  # one diagram holds the pointer
        self.view_id = view_id
        muscle_id, side, _depth = stack[index]
        window.hover_label.setText("; ".join(stack_lines(window.atlas, stack, index)))
        window.previewed = (muscle_id, self.side_for(muscle_id, side))
        window._show_overlay()

    def side_for(self, muscle_id: str, side: str) -> str:
        muscle = self.window.atlas.muscles.get(muscle_id)
        return "both" if muscle is not None and muscle.bilateral else side

    def _on_clicked(self, _view_id: str, muscle_id: str, side: str) -> None:
        if self.active:
            self.window.select_any(muscle_id, self.side_for(muscle_id, side))
