"""Self-care: the warning-signs check, routines in the player, the builder, and before/after the routine."""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from ..kit.datadir import data_location
from ..kit.errors import problem_text
from ..kit.i18n import translate
from ..kit.settings import read_bool, read_choice, read_datetime, read_float
from ..kit.windows import fit_to_screen, keep_window
from .actions import make_action


class SelfCare(QObject):
    """The window's self-care commands and the tool windows they open (kept in player, builder, compare_dialog)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.player_clock = time.monotonic  # tests give the routine player a fake clock
        self.player = self.builder = self.compare_dialog = None
        self.before_routine = self.comparing_from = self.last_routine = self.last_run = None
        self.red_flags = self.nerve_banner = self.remark_banner = None  # made in attach()
        A = partial(make_action, window)
        self.act_routine = A(translate("app", "Start &Routine for This Muscle"), self.start_routine, "Ctrl+R", translate("app", "Play the tennis-ball hold and stretches for the selected muscle, with a timer"))
        self.act_builder = A(translate("app", "B&uild a Routine..."), self.open_builder, "Ctrl+Shift+R", translate("app", "Combine the muscles that explain your pain into one routine, adjust it and save it"))
        self.act_compare = A(translate("app", "&Compare Before and After"), self.compare_before_after, "Ctrl+Shift+B", translate("app", "Your pain before the last routine beside your pain now"))
        self.act_screen = A(translate("app", "Check for &Warning Signs..."), self.open_screening, "Ctrl+Shift+K", translate("app", "Questions about signs that need a doctor before self-care"))

    def attach(self, atlas):
        """Read the warning signs, and make the two banners the window shows above the results."""
        from ...core.content.problems import DataError
        from ...core.content.safety import load_red_flags
        from ..routine.screening import nerve_banner_html

        try:
            from ..kit.i18n import current_language

            self.red_flags = load_red_flags(atlas.data_dir / "red_flags.yaml" if atlas.data_dir else None, language=current_language())
        except DataError as exc:  # the app still works; the warning-signs check says why it cannot run
            self.red_flags = None
            self._red_flag_problem = problem_text(exc.problems[0])
        # Numbness and tingling are nerve signs: say so above the results, with the way to the full check.
        self.nerve_banner = QLabel()
        self.nerve_banner.setAccessibleName(translate("app", "Nerve signs: have them examined"))
        self.nerve_banner.setOpenExternalLinks(False)
        self.nerve_banner.linkActivated.connect(lambda _link: self.open_screening())
        if self.red_flags is not None:
            self.nerve_banner.setText(nerve_banner_html(self.red_flags))
        # After a routine: a reminder of what to do now, with the way to the comparison.
        self.remark_banner = QLabel(
            translate("app", "<b>After the routine:</b> mark your pain as it feels now (the marks from before are kept), then <a href='compare'>compare before and after</a> (Ctrl+Shift+B).")
        )
        self.remark_banner.setAccessibleName(translate("app", "After the routine: mark your pain again, then compare"))
        self.remark_banner.linkActivated.connect(lambda _link: self.compare_before_after())
        self.style_banners()
        self.nerve_banner.hide()
        self.remark_banner.hide()

    def use_atlas(self, atlas):
        """The warning signs and the nerve banner in the language now shown (View > Language)."""
        from ...core.content.problems import DataError
        from ...core.content.safety import load_red_flags
        from ..kit.i18n import current_language
        from ..routine.screening import nerve_banner_html

        try:
            self.red_flags = load_red_flags(atlas.data_dir / "red_flags.yaml" if atlas.data_dir else None, language=current_language())
        except DataError as exc:
            self.red_flags = None
            self._red_flag_problem = problem_text(exc.problems[0])
        if self.red_flags is not None:
            self.nerve_banner.setText(nerve_banner_html(self.red_flags))
            self.window.muscle_panel.set_safety_signs(self.red_flags.see_a_clinician)
        # The tool windows already open speak the new language too.
        from ..kit.windows import live

        if live(self.player):
            self.player.use_atlas(atlas, self._routine_name(atlas, self.player.name_from))
            self.player.setWindowTitle(translate("app", "{name} — hipmap routine").format(name=self.player.routine.name))
        if live(self.builder):
            self.builder.use_atlas(atlas)
        dialog = getattr(self, "screening_dialog", None)
        if live(dialog) and self.red_flags is not None:
            dialog.use_red_flags(self.red_flags)

    @staticmethod
    def _routine_name(atlas, pairs):
        """The automatic name of a routine for PAIRS in ATLAS's words; None when there are none (a name the
        person gave, which stays as it is)."""
        from ...core.routine.builder import default_name
        from ..kit.i18n import routine_name_phrases

        chosen = [(atlas.muscles[m], s) for m, s in pairs or () if m in atlas.muscles]
        return default_name(chosen, routine_name_phrases()) if chosen else None

    def style_banners(self):
        """The banners' colours are worked out from the palette: again whenever it changes."""
        from ..routine.screening import style_banner

        style_banner(self.nerve_banner)
        style_banner(self.remark_banner, info=True)

    def show_nerve_banner(self, painmap):
        self.nerve_banner.setVisible(self.red_flags is not None and painmap.has_nerve_signs())

    # ------------------------------------------------------------------------------------------ the check

    def open_screening(self, then=None):
        """The warning-signs questions, in a window that does not block the diagram. THEN: what was asked for
        before the check (a routine), done when the check closes complete with no warning sign."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        window = self.window
        if self.red_flags is None:
            QMessageBox.warning(window, translate("app", "Warning-signs check unavailable"), translate("app", "The red-flag data could not be read:\n{getattr}").format(getattr=getattr(self, '_red_flag_problem', '')))
            return None
        from datetime import datetime, timezone

        from ..routine.screening import ScreeningDialog

        leads_to = translate("app", "Start Routine") if callable(then) else None  # (a menu action passes its checked state)
        dialog = ScreeningDialog(self.red_flags, nerve_signs=window.document.painmap.has_nerve_signs(), parent=window, leads_to=leads_to)
        dialog.setAttribute(Qt.WA_DeleteOnClose)

        def remember(_code):
            result = dialog.result()
            if result.complete:
                window.settings.setValue("safety/screened_at", datetime.now(timezone.utc).isoformat())
                window.settings.setValue("safety/may_self_treat", "yes" if result.may_self_treat else "no")
                if callable(then) and result.may_self_treat and not window.document.painmap.has_nerve_signs():  # (a menu action passes its checked state)
                    QTimer.singleShot(0, then)  # lead on to what was asked for, once the dialog has gone

        dialog.finished.connect(remember)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()  # the first answer has the focus: the check can be done from the keyboard at once
        self.screening_dialog = dialog
        return dialog

    def self_care_allowed(self, then=None) -> bool:
        """Self-treatment only after a complete warning-signs check with no yes, and no numbness or tingling marked.
        When it is not allowed, say why and open the check; THEN is done if that first check allows self-care."""
        from PySide6.QtWidgets import QMessageBox

        from datetime import datetime, timezone
        from ...core.content.safety import needs_screening

        window = self.window
        painmap = window.document.painmap
        if self.red_flags is None:
            QMessageBox.warning(window, translate("app", "Routine unavailable"), translate("app", "The warning-signs check could not be loaded, so hipmap will not start a routine."))
            return False
        if painmap.has_nerve_signs():
            window.statusBar().showMessage(translate("app", "Numbness or tingling needs a clinician first: self-care is on hold."), 6000)
            self.open_screening()
            return False
        last_time = read_datetime(window.settings, "safety/screened_at")
        if needs_screening(painmap, last_time, datetime.now(timezone.utc)):
            window.statusBar().showMessage(translate("app", "Please answer the warning-signs questions first: with no warning sign, the routine starts when you close the check."), 8000)
            self.open_screening(then=then)
            return False
        if read_choice(window.settings, "safety/may_self_treat", "no", ("yes", "no")) != "yes":
            QMessageBox.information(
                window, translate("app", "A doctor first"),
                translate("app", "Your answers to the warning-signs check mean a doctor should see you before self-treatment. You can run the check again from the Help menu if something has changed."),
            )  # fmt: skip
            return False
        return True

    # ------------------------------------------------------------------------------------------ routines

    def start_routine(self):
        """The selected muscle's routine in the player, once the warning-signs check allows self-care."""
        window = self.window
        if not window.selected:
            window.statusBar().showMessage(translate("app", "Select a muscle in the list first."), 4000)
            return None
        from ...core.routine.builder import routine_for_muscle

        muscle_id, side = window.selected
        from dataclasses import replace

        from ...core.routine.builder import default_name
        from ..kit.i18n import routine_name_phrases

        muscle = window.atlas.muscles[muscle_id]
        routine = routine_for_muscle(muscle, side, window.atlas.exercises)
        if not routine.steps:  # no ball reaches it and it has no stretch: say so rather than do nothing
            window.statusBar().showMessage(translate("app", "hipmap has no timed routine for {name}: see what you can do instead in its details.").format(name=muscle.name), 8000)
            return None
        return self.play_routine(replace(routine, name=default_name([(muscle, side)], routine_name_phrases())), [(muscle_id, side)])

    def play_routine(self, routine, name_from=None):
        """Open the player for a routine, if self-care is allowed; the pain map now is the "before" picture.
        NAME_FROM: the (muscle id, side) pairs the routine's name was made from, when it is the automatic name (it
        is made again, with the steps' titles, when the language changes)."""
        from PySide6.QtCore import Qt

        if not routine.steps or not self.self_care_allowed(then=lambda: self.play_routine(routine, name_from)):
            return None
        from ..routine.player import PlayerWidget

        window, settings = self.window, self.window.settings
        if self.player is not None:
            self.player.close()
        pictures = {exercise_id: exercise.pictogram for exercise_id, exercise in window.atlas.exercises.items()}
        player = PlayerWidget(routine, clock=self.player_clock, pictograms=pictures)
        # Tones on, voice off, unless the person chose otherwise last time.
        player.set_sound_enabled(read_bool(settings, "player/sound", True))
        player.set_speech_enabled(read_bool(settings, "player/speech", False))
        player.set_volume(read_float(settings, "player/volume", 1.0, 0.0, 1.0))
        player.optionsChanged.connect(lambda: self._remember_player_options(player))
        player.setWindowTitle(translate("app", "{name} — hipmap routine").format(name=routine.name))
        player.name_from = list(name_from or [])
        player.setParent(window, Qt.Window)
        player.finished.connect(self._on_routine_finished)
        # The end screen leads on: mark the pain again, then compare (offered once there is an "after" to compare).
        player.remarkRequested.connect(self.start_remark)
        player.compareRequested.connect(self.compare_before_after)
        player.can_remark = not window.document.painmap.is_empty()
        fit_to_screen(player, 1100, 720)
        player.show()
        player.raise_()
        player.activateWindow()
        player.setFocus(Qt.OtherFocusReason)  # Space starts it at once: the keys belong to the player
        keep_window(self, "player", player)
        self.before_routine = window.document.painmap
        self.last_routine = routine
        return player

    def _remember_player_options(self, player):
        settings = self.window.settings
        settings.setValue("player/sound", "true" if player.sound_enabled() else "false")
        settings.setValue("player/speech", "true" if player.speech_enabled() else "false")
        settings.setValue("player/volume", player.volume())

    def open_builder(self):
        """The routine builder, offering the current candidates with the explaining set ticked."""
        from ...core.routine.library import RoutineLibrary
        from ..routine.builder import RoutineBuilder, builder_choices

        window = self.window
        if self.builder is not None:
            self.builder.close()
        choices = builder_choices(window.document.result, window.selected, window.atlas)
        builder = RoutineBuilder(window.atlas, choices, RoutineLibrary(data_location() / "routines"), parent=window)
        builder.startRequested.connect(lambda routine: self.play_routine(routine, builder.name_pairs()))
        builder.show()
        builder.raise_()
        builder.activateWindow()
        keep_window(self, "builder", builder)
        return builder

    # ------------------------------------------------------------------------------------------ after the routine

    def _on_routine_finished(self, log):
        self.last_run = log
        from ..kit.runwords import log_outcome, run_text

        # The same words as the player's end screen and the history; the end screen offers what comes next.
        self.window.statusBar().showMessage(run_text(log_outcome(log))[1] + ".", 8000)

    def start_remark(self):
        """Mark the pain again as it is now (the marks from before the routine are kept to compare; Undo brings them back)."""
        window = self.window
        if self.before_routine is None or self.before_routine.is_empty():
            window.statusBar().showMessage(translate("app", "There was no pain marked before the routine to compare with."), 5000)
            return
        self.comparing_from = self.before_routine
        window.document.clear()
        self.act_compare.setEnabled(True)
        if self.player is not None:
            self.player.compare_action.setEnabled(True)  # the player's end screen can compare too, once it is marked
        self.remark_banner.show()
        window.raise_()
        window.activateWindow()

    def compare_before_after(self):
        """Before and after the routine side by side, with the figures that changed."""
        window = self.window
        if self.comparing_from is None:
            window.statusBar().showMessage(translate("app", "Finish a routine and mark your pain again to compare."), 5000)
            return None
        from ..history.compare import BeforeAfterDialog

        self.remark_banner.hide()
        dialog = BeforeAfterDialog(window.atlas, self.comparing_from, window.document.painmap, window.renderers,
                                   view=window.current_view().view_id, parent=window)  # fmt: skip
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()  # from the player's end screen too: the comparison comes to the front, ready for keys
        keep_window(self, "compare_dialog", dialog)
        return dialog
