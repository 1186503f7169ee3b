"""The player's tones and spoken cues, and the one-time note when either cannot work on this computer.

``Announcer`` is mixed into ``PlayerWidget``: it keeps its state on the widget (the tests and the soak read
``spoken``, ``beeps``, ``notices`` and ``sounds`` there) and writes its notes into the widget's ``status_label``.
Nothing here may stop a routine: a failing voice or sound is turned off and reported once.
"""

from __future__ import annotations

import contextlib

from . import sounds as sounds_module
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, translate

SPEECH_UNAVAILABLE = QT_TRANSLATE_NOOP("player", "Spoken cues are not available on this computer.")
SOUND_UNAVAILABLE = QT_TRANSLATE_NOOP("player", "Sounds are not available on this computer.")


class Announcer:
    """Tones (on by default) and spoken cues (off by default) for a widget with a ``status_label``."""

    def _init_announcer(self, speech, sound) -> None:
        self.spoken: list[str] = []  # every text we asked the speech engine to say
        self.beeps: list[tuple[str, float]] = []  # every tone we asked for: ("phase" | "tick", event time)
        self.notices: list[str] = []  # one-time messages shown in the status line
        self._speech = speech
        self._speech_enabled = False
        self._speech_failed = False
        self._sound_enabled = True
        self._volume = 1.0
        self.sounds = sound if sound is not None else sounds_module.Sounds(
            lambda: self._notice(translate("player", SOUND_UNAVAILABLE)), parent=self)

    def _apply_volume(self) -> None:
        if hasattr(self.sounds, "set_volume"):
            self.sounds.set_volume(self._volume)
        if self._speech is not None and not self._speech_failed:
            with contextlib.suppress(Exception):  # a broken engine must not break the setting
                self._speech.setVolume(self._volume)

    def _stop_speech(self) -> None:
        if self._speech is not None and not self._speech_failed:
            with contextlib.suppress(Exception):
                self._speech.stop()

    def _notice(self, text: str) -> None:
        if text in self.notices:
            return
        self.notices.append(text)
        self.status_label.setText("  ".join(self.notices))
        self.status_label.show()

    def _beep(self, kind: str, at: float) -> None:
        if not self._sound_enabled:
            return
        self.beeps.append((kind, at))
        try:
            self.sounds.play(kind)
        except Exception:  # noqa: BLE001 - a sound must never stop the routine
            self._notice(translate("player", SOUND_UNAVAILABLE))

    def _engine(self):
        if self._speech is None and not self._speech_failed:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech

                if not QTextToSpeech.availableEngines():
                    raise RuntimeError(translate("player", "no speech engine"))
                self._speech = QTextToSpeech(self)
                if current_language() != "en":  # speak the cues in the interface's language, when a voice has it
                    from PySide6.QtCore import QLocale

                    wanted = QLocale(current_language())
                    if any(loc.language() == wanted.language() for loc in self._speech.availableLocales()):
                        self._speech.setLocale(wanted)
            except Exception:  # noqa: BLE001
                self._speech_failed = True
                self._notice(translate("player", SPEECH_UNAVAILABLE))
                return None
            self._speech.setVolume(self._volume)
        if self._speech is not None and not self._speech_failed:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech

                if self._speech.state() == QTextToSpeech.State.Error:
                    raise RuntimeError(self._speech.errorString())
            except Exception:  # noqa: BLE001
                self._speech_failed = True
                self._notice(translate("player", SPEECH_UNAVAILABLE))
        return None if self._speech_failed else self._speech

    def _say(self, text: str) -> None:
        if not self._speech_enabled:
            return
        engine = self._engine()
        if engine is None:
            return
        self.spoken.append(text)
        try:
            engine.say(text)
        except Exception:  # noqa: BLE001
            self._speech_failed = True
            self._notice(translate("player", SPEECH_UNAVAILABLE))

