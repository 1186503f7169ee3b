"""The database file: where it lives, refusing one that cannot be trusted, and connecting to one that can.

A file that cannot be trusted (damaged, cut off, not SQLite, another program's, or from a newer hipmap) is refused
before anything is written to it. The check reads a read-only view of the file (or a private copy of it), so the
user's file keeps its bytes and its modification time, and no -wal or -shm file appears beside it. The app can
then start a fresh database beside it (``fresh_path_beside``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Sequence

from ..fileio import create_private_file, private_dir
from ..reading import check_regular
from .errors import FRESH_START, CorruptDatabase, NewerDatabase, StoreError, damaged_text, sqlite_errors, translated
from ..messages import mark, phrase, said
from .schema import APPLICATION_ID, REQUIRED_TABLES, Migration, migrate

DB_FILENAME = "sessions.sqlite3"
ENV_DATA_DIR = "HIPMAP_DATA_DIR"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000


# --------------------------------------------------------------------------------------------- where it lives


def data_dir_override() -> Path | None:
    """The data folder named by $HIPMAP_DATA_DIR (tests, portable installs), or None."""
    value = os.environ.get(ENV_DATA_DIR, "").strip()
    return Path(value).expanduser() if value else None


def default_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


MAX_SIDE_FILE_BYTES = 1 << 28  # a -wal, -shm or -journal this big is not one SQLite made for hipmap's history


def _side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def fresh_path_beside(path: Path, now: datetime | None = None) -> Path:
    """A new file name beside a refused database, e.g. sessions-2026-11-25T0334.sqlite3; nothing by that name exists."""
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M")
    base = f"{path.stem}-{stamp}"
    for n in range(1, 10_000):
        candidate = path.with_name(f"{base}{'' if n == 1 else f' ({n})'}{path.suffix}")
        if not any(_side_file(candidate, s).exists() for s in ("", "-wal", "-shm", "-journal")):
            return candidate
    raise mark(StoreError(f"Could not find a free file name beside {path}.", path), "Could not find a free file name beside {path}.", path=str(path))


# --------------------------------------------------------------------------------------------- checking a file


def _header_problem(path: Path, size: int, check_size: bool) -> str | None:
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return phrase("it is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return phrase("its header is damaged")
    # The file format's write and read versions: 1 (rollback journal) or 2 (WAL). SQLite refuses to read a file
    # with a higher read version and opens one with a higher write version read-only, which only the real,
    # writable open would find out, too late to leave the file as it was.
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        return phrase("its header is damaged")
    # The page count in the header is trusted only when its "valid for" counter matches the change counter.
    pages = int.from_bytes(header[28:32], "big")
    expected = pages * page_size
    if check_size and header[24:28] == header[92:96] and size < expected:
        return phrase("it is shorter than its header says ({size} of {expected} bytes), so it was probably cut off", size=size, expected=expected)
    return None


def _inspect(conn: sqlite3.Connection, path: Path, supported: int) -> None:
    """Raise CorruptDatabase or NewerDatabase unless `conn` (a read-only view of `path`) is fit to open."""
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged name must not stop the check
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(path, phrase("SQLite reports “{reason}”", reason=str(exc))) from None
    except UnicodeDecodeError as exc:
        raise damaged_text(exc, path) from None
    finally:
        conn.close()
    if problems != ["ok"]:
        first = " ".join(problems[0].split())  # SQLite's report can span lines; a message is one
        raise CorruptDatabase(path, phrase("its integrity check failed (“{reason}”)", reason=first))
    ours = app_id == APPLICATION_ID
    if app_id not in (0, APPLICATION_ID) or (not ours and {t for t in tables if not t.startswith("sqlite_")}):
        raise CorruptDatabase(path, phrase("it is an SQLite database, but another program's, not hipmap's"))
    if version < 0:  # user_version is a signed 32-bit number: hipmap never writes a negative one
        raise CorruptDatabase(path, phrase("its schema version ({version}) is damaged", version=version))
    if version == 0:
        if ours and {t for t in tables if not t.startswith("sqlite_")}:  # hipmap sets both in one transaction
            raise CorruptDatabase(path, phrase("it has hipmap's tables but no schema version"))
        return
    if not ours:
        raise CorruptDatabase(path, phrase("it has a schema version but no hipmap mark"))
    if version > supported:
        raise NewerDatabase(path, version, supported)
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise CorruptDatabase(path, phrase("its {tables} table is missing", tables=", ".join(missing)))


def _check_existing(path: Path, supported: int) -> None:
    """Check a database file without writing to it, or to anything beside it."""
    size = check_regular(path)
    for suffix in ("-wal", "-shm", "-journal"):  # copied or read by SQLite: never a link to /dev/zero or a FIFO
        side = _side_file(path, suffix)
        if side.is_symlink() or side.exists():
            check_regular(side, MAX_SIDE_FILE_BYTES)  # (a -wal is copied to be checked: never gigabytes)
    wal = _side_file(path, "-wal")
    if wal.exists():
        # After a crash, committed sessions (even a schema upgrade) may sit only in the -wal, and the main file may
        # be mid-checkpoint; a read-only open would still create and write the -shm. So check a private copy of the
        # pair, where SQLite's recovery may write freely.
        with tempfile.TemporaryDirectory(prefix="hipmap-check-") as tmp:
            copy = Path(tmp) / DB_FILENAME
            shutil.copyfile(path, copy)
            try:
                shutil.copyfile(wal, _side_file(copy, "-wal"))
            except FileNotFoundError:  # another hipmap just closed it: the main file is whole again
                return _check_existing(path, supported)
            problem = _header_problem(copy, size, check_size=False) if size else None
            if problem:
                raise CorruptDatabase(path, problem)
            return _inspect(sqlite3.connect(copy), path, supported)
    if size == 0:
        return  # SQLite's own empty database: a new one
    problem = _header_problem(path, size, check_size=True)
    if problem:
        raise CorruptDatabase(path, problem)
    # immutable=1: no locks and no -shm; safe because no -wal means nobody holds uncheckpointed changes.
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    _inspect(sqlite3.connect(uri, uri=True), path, supported)


# --------------------------------------------------------------------------------------------- connecting


def _keep_private(path: Path) -> dict[Path, int]:
    """The history is health data: the file is created 0600 before SQLite opens it (SQLite gives its -wal and -shm
    the main file's permissions), and an older one that others could read is made 0600, with its side files.
    Returns the permissions it changed, for _restore_modes should the open still fail."""
    if create_private_file(path):
        return {}
    changed = {}
    for file in (path, _side_file(path, "-wal"), _side_file(path, "-shm")):
        try:
            old = stat.S_IMODE(file.stat().st_mode)
            if old & 0o077:
                os.chmod(file, 0o600)
                changed[file] = old
        except OSError:  # missing (no -wal yet), or not ours to change: the open below says what matters
            pass
    return changed


def _restore_modes(changed: dict[Path, int]) -> None:
    """A file refused by the real open (a damage only a writable connection sees) keeps its permissions too."""
    for file, old in changed.items():
        try:
            os.chmod(file, old)
        except OSError:  # (gone with SQLite's close, as a -shm is)
            pass


def connect(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    """Check the file at `path` (if any), open it (or create it) and bring its schema up to len(migrations)."""
    try:
        private_dir(path.parent, tighten=False)
        if path.exists():
            if not path.is_file():
                raise mark(StoreError(f"The sessions database {path} is not a file. {FRESH_START}", path),
                           "The sessions database {path} is not a file. " + FRESH_START, path=str(path))  # fmt: skip
            _check_existing(path, len(migrations))
        elif _side_file(path, "-wal").exists():
            # SQLite would replay a stray journal into the new file: neither adopt it nor delete it.
            raise CorruptDatabase(path, phrase("the file is missing but its -wal journal is still there"))
        tightened = _keep_private(path)  # only once the file passed the checks: a refused file keeps its mode
    except OSError as exc:
        raise mark(StoreError(f"Could not open the sessions database {path}: {exc.strerror or exc}.", path),
                   "Could not open the sessions database {path}: {reason}.", path=str(path), reason=said(exc, str(exc.strerror or exc))) from exc  # fmt: skip
    except sqlite3.Error as exc:
        raise translated(exc, path, "check") from exc
    except UnicodeDecodeError as exc:
        raise damaged_text(exc, path) from exc
    try:
        with sqlite_errors(path, "open"):
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except BaseException:
        _restore_modes(tightened)
        raise
    try:
        with sqlite_errors(path, "open"):
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")  # a crash loses nothing committed; readers never block
            conn.execute("PRAGMA synchronous = FULL")  # a commit is on disk before save() returns
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, path, migrations)
    except BaseException:
        conn.close()
        _restore_modes(tightened)
        raise
    return conn
