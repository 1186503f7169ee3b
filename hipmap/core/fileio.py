"""File writes that keep the user's data safe.

- Atomic: the old file stays whole until the new one is complete on disk. Every writer in hipmap goes through
  ``atomic_write_bytes``, so every temporary file has one name pattern: ``.<target name>.<8 random>.tmp`` beside
  its target. A kill mid-write can leave one behind; ``remove_stale_temp_files`` clears those at the next start.
- Private: health data is written 0600 (the temporary file is made 0600 and renamed over the target), and its
  folders are made 0700 (``private_dir``).
- No links followed: the temporary file is created with O_EXCL (never through an existing name) and renamed over
  the target, which replaces a link instead of writing through it.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 600  # a temporary file younger than this may be another window's save still under way
# Ours by name: tempfile.mkstemp's 8 random characters, or QSaveFile's 6 (the window once saved maps with it).
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
_OLD_QSAVEFILE_NAME = re.compile(r"^.+\.hipmap(-routine)?\.json\.[A-Za-z0-9]{6}$")


def is_temp_name(name: str) -> bool:
    """True for the name of a temporary file some hipmap writer made (now or in an older version)."""
    return bool(_TEMP_NAME.match(name) or _OLD_QSAVEFILE_NAME.match(name))


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it; the result has permissions ``mode``."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=directory)  # 0600, O_EXCL
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode != 0o600 and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def remove_stale_temp_files(directory: Path, older_than_s: float = STALE_AFTER_S, now: float | None = None) -> list[Path]:
    """Delete the temporary files a killed save left in ``directory``: only regular files named like ours and not
    changed for ``older_than_s`` seconds (a younger one may be a save in progress). Returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than_s:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def private_dir(path: Path, tighten: bool = True) -> Path:
    """Make ``path`` (and any missing parents) a folder for health data: created 0700. With ``tighten``, an
    existing one that others can read is made 0700 too."""
    path = Path(path)
    existed = path.is_dir()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if tighten or not existed:
        try:
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                os.chmod(path, 0o700)
        except OSError:
            pass
    return path


def owned_private_dir(path: Path) -> Path:
    """A folder only this user can use, for files written and read again later (a cache): created 0700; refused
    (OSError) when it is a link, not a folder, or someone else's; made 0700 when others could use it."""
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{path} is not a folder (a link or a file)")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise OSError(f"{path} belongs to someone else")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)
    return path


def create_private_file(path: Path) -> bool:
    """Create an empty file readable by its owner only, unless something by that name exists; True if created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True
