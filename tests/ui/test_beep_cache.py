"""The routine player's beeps are cached in the user's own folder, where no other user can plant a link."""

import os
import stat

import pytest


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_the_beep_cache_is_the_users_own_and_follows_no_link(tmp_path, monkeypatch):
    from hipmap.ui.routine import sounds

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    # Another user's trap in the shared temporary folder no longer matters; in our own folder, a link named like a
    # beep file (or its temporary file) is replaced, never written through.
    folder = sounds.cache_dir()
    assert str(folder).startswith(str(tmp_path / "cache"))
    folder.mkdir(parents=True)
    for kind, (freq, duration, amplitude) in sounds.TONES.items():
        wav = folder / f"{kind}-{int(freq)}-{int(duration * 1000)}-{int(amplitude * 100)}.wav"
        wav.symlink_to(tmp_path / f"missing-{kind}")
        wav.with_suffix(".part").symlink_to(victim)
    for kind in sounds.TONES:
        path = sounds.tone_file(kind)
        assert path.is_file() and not path.is_symlink() and path.read_bytes().startswith(b"RIFF")
    assert victim.read_text() == "precious" and not list(tmp_path.glob("missing-*"))
    assert mode(folder) == 0o700


def test_a_beep_cache_folder_that_is_a_link_is_refused(tmp_path, monkeypatch):
    from hipmap.ui.routine import sounds

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "someone-elses"
    target.mkdir()
    sounds.cache_dir().parent.mkdir(parents=True)
    sounds.cache_dir().symlink_to(target, target_is_directory=True)
    with pytest.raises(OSError):
        sounds.tone_file("tick")
    assert not list(target.iterdir())
    failed = []
    player_sounds = sounds.Sounds(lambda: failed.append(True))
    player_sounds.play("tick")  # the routine goes on, silently
    assert failed == [True]

