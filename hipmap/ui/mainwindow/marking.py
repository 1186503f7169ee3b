"""Making marks: the tool, brush size, rating and qualities for new marks, and strokes or regions made into marks."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QLabel, QSlider, QSpinBox

from ..kit.i18n import quality_name, translate
from ..kit.settings import read_int
from .actions import make_action

TOOL_QUALITIES = ("aching", "burning", "tingling", "numbness")


class Marking(QObject):
    """The marking commands and controls of the window; the window places them in its menus and toolbar."""

    toolChanged = Signal(str)  # "brush", "eraser", "pan" or "explore" (exploring.py)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.tool = "brush"
        A = partial(make_action, window)
        self.act_mark_region = A(translate("app", "&Mark a Region..."), self.mark_region_dialog, "Ctrl+M", translate("app", "Mark a whole region by name, without the mouse"))
        self.tool_group = QActionGroup(window)
        self.act_brush = A(translate("app", "&Brush"), lambda: self.set_tool("brush"), "B", translate("app", "Click or drag on a diagram to mark pain"), checkable=True)
        self.act_eraser = A(translate("app", "&Eraser"), lambda: self.set_tool("eraser"), "E", translate("app", "Drag over marks to erase them"), checkable=True)
        self.act_pan = A(translate("app", "&Pan"), lambda: self.set_tool("pan"), "H", translate("app", "Drag to move a zoomed diagram"), checkable=True)
        for act in (self.act_brush, self.act_eraser, self.act_pan):
            self.tool_group.addAction(act)
        self.act_brush.setChecked(True)
        self.act_bigger = A(translate("app", "Bigger Brush"), lambda: self._bracket(1), "]", translate("app", "Make the brush bigger (while exploring: the muscle beneath)"))
        self.act_smaller = A(translate("app", "Smaller Brush"), lambda: self._bracket(-1), "[", translate("app", "Make the brush smaller (while exploring: the muscle above)"))
        self.act_more = A(translate("app", "Stronger Pain"), lambda: self.intensity_slider.setValue(self.intensity_slider.value() + 1), "=", translate("app", "Rate new marks one step higher"))
        self.act_less = A(translate("app", "Milder Pain"), lambda: self.intensity_slider.setValue(self.intensity_slider.value() - 1), "-", translate("app", "Rate new marks one step lower"))
        self.intensity_actions = []
        for level in range(10):
            act = A(translate("app", "Pain {level}").format(level=level), lambda _c=False, v=level: self.intensity_slider.setValue(v), str(level), translate("app", "Rate new marks {level} out of 10").format(level=level))
            self.intensity_actions.append(act)
        self.act_ten = A(translate("app", "Pain 10"), lambda: self.intensity_slider.setValue(10), "Shift+0", translate("app", "Rate new marks 10 out of 10"))
        self.quality_actions = {}
        for i, quality in enumerate(TOOL_QUALITIES):
            act = A(quality_name(quality).capitalize(), None, f"Alt+{i + 1}", translate("app", "Describe new marks as {quality}").format(quality=quality_name(quality)), checkable=True)
            self.quality_actions[quality] = act
        self._make_controls(window.settings)

    def _make_controls(self, settings):
        """The brush size and the pain rating, as the toolbar shows them; both start as last time."""
        self.brush_spin = QSpinBox()
        self.brush_spin.setRange(4, 40)
        self.brush_spin.setSingleStep(2)
        self.brush_spin.setSuffix(" px")
        self.brush_spin.setAccessibleName(translate("app", "Brush size"))
        self.brush_spin.lineEdit().setAccessibleName(translate("app", "Brush size"))
        self.brush_spin.setToolTip(translate("app", "Brush size ([ and ] change it)"))
        self.brush_spin.valueChanged.connect(self._on_brush_size)
        self.intensity_slider = QSlider()
        self.intensity_slider.setProperty("orientation", "Horizontal")  # (Qt's namespace waits for the first frame)
        self.intensity_slider.setRange(0, 10)
        self.intensity_slider.setValue(read_int(settings, "tools/intensity", 5, 0, 10))
        self.intensity_slider.setFixedWidth(130)
        self.intensity_slider.setTickPosition(QSlider.TicksBelow)
        self.intensity_slider.setAccessibleName(translate("app", "Pain rating for new marks, 0 to 10"))
        self.intensity_slider.setToolTip(translate("app", "How strong the pain is, 0 to 10 (keys 0-9, Shift+0 for 10)"))
        self.intensity_label = QLabel()
        self.intensity_label.setMinimumWidth(44)
        self.intensity_label.setAccessibleName(translate("app", "Pain rating"))
        self.intensity_slider.valueChanged.connect(self._on_intensity)
        self._on_intensity(self.intensity_slider.value())
        self.brush_spin.setValue(read_int(settings, "tools/brush", 12, self.brush_spin.minimum(), self.brush_spin.maximum()))

    def retranslate(self):
        """After View > Language: the qualities' names (made from the words, not one translated string)."""
        from ..kit.i18n import set_command_tip

        for quality, act in self.quality_actions.items():
            act.setText(quality_name(quality).capitalize())
            set_command_tip(act, translate("app", "Describe new marks as {quality}").format(quality=quality_name(quality)))

    def set_tool(self, tool: str):
        self.tool = tool
        for view in self.window.views.values():
            view.set_tool(tool)
        actions = {"brush": self.act_brush, "eraser": self.act_eraser, "pan": self.act_pan}
        if tool in actions:
            actions[tool].setChecked(True)
        else:
            self.window.exploring.act_explore.setChecked(True)
        self.toolChanged.emit(tool)

    def _bracket(self, step: int):
        """[ and ]: the brush's size; while exploring, the muscle above or beneath the one named."""
        if self.tool == "explore":
            self.window.exploring.step(step)
        else:
            self.brush_spin.stepBy(2 * step)

    def _on_brush_size(self, value: int):
        for view in self.window.views.values():
            view.brush_radius = float(value)
        self.window.settings.setValue("tools/brush", value)

    def _on_intensity(self, value: int):
        self.intensity_label.setText(f"{value}/10")
        self.window.settings.setValue("tools/intensity", value)

    def new_qualities(self) -> tuple[str, ...]:
        return tuple(q for q, action in self.quality_actions.items() if action.isChecked())

    # ------------------------------------------------------------------------------------------ marks

    def on_stroke(self, view_id, points, radius):
        if not self.window.document.add_stroke(view_id, points, radius, self.intensity_slider.value(), self.new_qualities()):
            self.window.statusBar().showMessage(translate("app", "Mark on the body itself: that spot is outside the diagram."), 4000)

    def on_erase(self, view_id, points, radius):
        self.window.document.erase(view_id, points, radius)

    def mark_region_dialog(self):
        """The regions as a searchable list: Enter marks one, Esc closes (for the keyboard and screen readers)."""
        from PySide6.QtCore import Qt

        from .regions import RegionDialog

        window = self.window
        dialog = RegionDialog(window.atlas, self.intensity_slider.value(), self.new_qualities(), TOOL_QUALITIES,
                              parent=window)  # fmt: skip
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.regionChosen.connect(lambda region, side, rating, qualities: window.document.add_region(region, side, rating, qualities))
        dialog.open()
        self.region_dialog = dialog
        return dialog
