"""Reading a file the user or the data folder names: a regular file only, and only up to a size cap.

Every reader of hipmap's files goes through ``read_bytes``: a FIFO would block the reader for ever, /dev/zero would
fill the memory, a directory or a device is no document. Opening is non-blocking (a FIFO with no writer opens at
once), the kind and size are checked on the open descriptor (no race with a rename), and no more than the cap is
ever read, even from a file that grows while it is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .messages import mark, phrase

MAX_SVG_BYTES = 5_000_000  # an SVG drawing: what svgdoc reads, and what the first frame lets Qt read


class UnreadableFile(OSError):
    """Not a file hipmap reads: not a regular file, or bigger than the reader's cap. ``str()`` is one line."""

    def __init__(self, path, template: str, **params):
        reason = template.format(**params)
        super().__init__(errno.EINVAL, reason, str(path))
        self.reason = reason
        mark(self, template, **params)

    def __str__(self) -> str:
        return self.reason


class FileTooLarge(UnreadableFile):
    pass


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return phrase("a folder")
    if stat.S_ISFIFO(mode):
        return phrase("a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return phrase("a device")
    if stat.S_ISSOCK(mode):
        return phrase("a socket")
    return phrase("not a regular file")


def check_regular(path, limit: int | None = None) -> int:
    """The size of PATH, a regular file (following links) of at most LIMIT bytes; else UnreadableFile. Does not
    open it, so a FIFO is never waited on."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile(path, "not a regular file ({kind})", kind=_kind(st.st_mode))
    if limit is not None and st.st_size > limit:
        raise FileTooLarge(path, "file is too large ({size} bytes; the limit is {limit})", size=st.st_size, limit=limit)
    return st.st_size


def read_bytes(path, limit: int) -> bytes:
    """The content of PATH, a regular file of at most LIMIT bytes. Raises FileNotFoundError and the other OSErrors
    of opening, or UnreadableFile (an OSError too) for anything that is not a regular file or is too large."""
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(path, "not a regular file ({kind})", kind=_kind(st.st_mode))
        if st.st_size > limit:
            raise FileTooLarge(path, "file is too large ({size} bytes; the limit is {limit})", size=st.st_size, limit=limit)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(path, "file is too large (over {limit} bytes)", limit=limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
