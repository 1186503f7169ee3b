"""Short tones for the routine player: generated here as small WAV files, played with QSoundEffect.

Nothing in here may stop a routine: if QtMultimedia is missing, there is no audio output or an effect reports an
error, ``Sounds`` calls ``on_unavailable`` once and then stays silent.
"""

from __future__ import annotations

import io
import math
import os
import struct
import wave
from collections.abc import Callable
from pathlib import Path

from ...core.fileio import atomic_write_bytes, owned_private_dir
from ..kit.i18n import translate

RATE = 22050
# kind -> (frequency Hz, duration s, amplitude 0..1): a clear beep at each phase change, a softer tick for 3, 2, 1.
TONES = {"phase": (880.0, 0.22, 0.6), "tick": (660.0, 0.07, 0.3)}


def cache_dir() -> Path:
    """The user's own cache folder ($XDG_CACHE_HOME/hipmap, else the platform's), never a shared temporary
    folder: another user could plant links there."""
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "hipmap" / "sounds"
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.GenericCacheLocation)) / "hipmap" / "sounds"


def write_tone(path: Path, freq: float, duration_s: float, amplitude: float, rate: int = RATE) -> Path:
    """A 16-bit mono sine tone with 10 ms fades at both ends (no clicks)."""
    n = max(1, int(rate * duration_s))
    fade = max(1, int(rate * 0.01))
    frames = bytearray()
    for i in range(n):
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        sample = amplitude * envelope * math.sin(2 * math.pi * freq * i / rate)
        frames += struct.pack("<h", round(32767 * sample))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    owned_private_dir(path.parent.parent)  # refused if it is a link or someone else's
    owned_private_dir(path.parent)
    atomic_write_bytes(path, buffer.getvalue())  # a new file renamed into place: a planted link is replaced, not followed
    return path


def tone_file(kind: str) -> Path:
    freq, duration, amplitude = TONES[kind]
    path = cache_dir() / f"{kind}-{int(freq)}-{int(duration * 1000)}-{int(amplitude * 100)}.wav"
    if not path.is_file() or path.is_symlink():
        write_tone(path, freq, duration, amplitude)
    return path


def make_effect(path: Path, parent=None):
    """A loaded QSoundEffect for path; raises if QtMultimedia or an audio output is unavailable."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    if not QMediaDevices.audioOutputs():
        raise RuntimeError(translate("sounds", "no audio output"))
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    return effect


class Sounds:
    """Lazily made sound effects; any failure turns them off for good and is reported once."""

    def __init__(self, on_unavailable: Callable[[], None], parent=None):
        self._on_unavailable = on_unavailable
        self._parent = parent
        self._effects: dict | None = None
        self.failed = False
        self.volume = 1.0

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, float(volume)))
        for effect in (self._effects or {}).values():
            effect.setVolume(self.volume)

    def play(self, kind: str) -> None:
        if self.failed:
            return
        try:
            if self._effects is None:
                self._effects = {}
                for name in TONES:
                    effect = make_effect(tone_file(name), self._parent)
                    effect.setVolume(self.volume)
                    effect.statusChanged.connect(lambda e=effect: self._check(e))
                    self._effects[name] = effect
            effect = self._effects[kind]
            self._check(effect)
            if not self.failed:
                effect.play()
        except Exception:  # noqa: BLE001 - sound is optional; whatever broke, carry on silently
            self._fail()

    def _check(self, effect) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            self._fail()

    def _fail(self) -> None:
        if not self.failed:
            self.failed = True
            self._on_unavailable()
