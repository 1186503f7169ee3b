"""Sessions and history: an embedded SQLite database with a schema version and forward migrations.

A file that cannot be trusted (damaged, cut off, not SQLite, another program's, or from a newer hipmap) is refused
before anything is written to it. The check reads a read-only view of the file (or a private copy of it), so the
user's file keeps its bytes and its modification time, and no -wal or -shm file appears beside it. The app can then
start a fresh database beside it (``fresh_path_beside``).
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..routine.model import Routine, Step, routine_from_dict
from ..routine.timer import STEP_STATUSES, RunLog

DB_FILENAME = "sessions.sqlite3"
ENV_DATA_DIR = "HIPMAP_DATA_DIR"
# Marks the file as hipmap's, so another program's SQLite file (user_version 0 too) is not mistaken for a new one.
APPLICATION_ID = int.from_bytes(b"hipm", "big")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000
MAX_LABEL = 80
MAX_NOTE = 10_000
MAX_CANDIDATES = 200
MAX_JSON_CHARS = 20_000_000  # the same ceiling as a pain map file
SKIPPED_STATUSES = ("skipped", "hurt")
PAINMAP_FORMAT = "hipmap.painmap"  # not imported from painmap.py: that module needs shapely, the store does not
_CREATED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def data_dir_override() -> Path | None:
    """The data folder named by $HIPMAP_DATA_DIR (tests, portable installs), or None."""
    value = os.environ.get(ENV_DATA_DIR, "").strip()
    return Path(value).expanduser() if value else None


def default_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def utc_now() -> str:
    """Now, in the form Session.created_at takes: ISO 8601 UTC to the second, with a 'Z'."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------------------------- errors


class StoreError(Exception):
    """A problem with the sessions database; the message names the file and says what happens next."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(" ".join(message.split()))  # one line, even when it quotes SQL from a damaged schema
        self.path = path


_FRESH = "hipmap can start with a fresh database beside it; the old file is left as it is."


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, detail: str):
        super().__init__(f"The sessions database {path} cannot be read: {detail}. {_FRESH}", path)
        self.detail = detail


class NewerDatabase(StoreError):
    def __init__(self, path: Path, found_version: int, supported_version: int):
        super().__init__(
            f"The sessions database {path} was made by a newer hipmap (schema version {found_version}; this one "
            f"reads up to {supported_version}). Update hipmap to see those sessions, or {_FRESH}",
            path,
        )
        self.found_version = found_version
        self.supported_version = supported_version


class DatabaseLocked(StoreError):
    def __init__(self, path: Path):
        super().__init__(
            f"The sessions database {path} is busy: another hipmap may be using it. Close it and try again.", path
        )


def _translated(exc: sqlite3.Error, path: Path, doing: str) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+; older ones only have the message
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (primary is None and "locked" in text):
        return DatabaseLocked(path)
    # Text that is not UTF-8 can only come from damage: hipmap writes nothing else.
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        primary is None and ("malformed" in text or "not a database" in text or "decode" in text)
    ):
        return CorruptDatabase(path, f"SQLite reports “{exc}”")
    return StoreError(f"Could not {doing} the sessions database {path}: {exc}.", path)


def _damaged_text(exc: UnicodeDecodeError, path: Path) -> CorruptDatabase:
    # Python decodes SQLite's own error messages strictly; one quoting a damaged schema is not UTF-8.
    message = exc.object.decode("utf-8", "replace") if isinstance(exc.object, bytes) else str(exc)
    return CorruptDatabase(path, f"SQLite reports “{message}”")


@contextmanager
def _sqlite_errors(path: Path, doing: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise _translated(exc, path, doing) from exc
    except UnicodeDecodeError as exc:
        raise _damaged_text(exc, path) from exc


# --------------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Session:
    id: int | None
    created_at: str  # ISO 8601 UTC to the second, e.g. 2026-11-25T03:34:12Z
    person: str  # "" = no label
    painmap: dict  # painmap.to_json_dict()
    candidates: list[dict]  # best first; each {"id", "name", "side", "score", ...}
    routine: dict | None  # Routine.to_dict()
    run_log: dict | None  # run_log_to_dict(RunLog)
    pain_before: int | None  # 0-10
    pain_after: int | None  # 0-10
    pain_extent: float | None  # share of the body drawing marked, 0..1
    note: str = ""


@dataclass(frozen=True)
class SessionSummary:
    id: int
    created_at: str
    person: str
    pain_before: int | None
    pain_after: int | None
    pain_extent: float | None
    top_muscles: tuple[str, ...]  # up to 3 candidate names, best first
    has_routine: bool
    skipped_steps: int  # steps skipped or stopped because they hurt


def run_log_to_dict(log: RunLog) -> dict:
    """The plain dict a Session keeps of a routine run (lists, not tuples: it reads back from JSON the same)."""
    return {**asdict(log), "steps": [asdict(step) for step in log.steps]}


# --------------------------------------------------------------------------------------------- validation


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    # (math.isfinite of a whole number too big for a float raises OverflowError; every int is finite)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and (isinstance(value, int) or math.isfinite(value))


def _check_rating(name: str, value) -> None:
    if value is not None and not (_is_int(value) and 0 <= value <= 10):
        raise ValueError(f"{name}: expected a whole number from 0 to 10 or None, got {_short(value)}")


def clean_label(label) -> str:
    """A person label as stored: trimmed; "" means no label. Raises ValueError for one that cannot be a label."""
    if not isinstance(label, str):
        raise ValueError(f"person: expected text, got {_short(label)}")
    label = label.strip()
    if len(label) > MAX_LABEL or any(ch < " " or ch == "\x7f" for ch in label):
        raise ValueError(f"person: expected a label of at most {MAX_LABEL} characters on one line, got {_short(label)}")
    return label


def _check_created_at(value) -> None:
    ok = isinstance(value, str) and _CREATED_AT.fullmatch(value)
    try:
        ok = ok and datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"created_at: expected ISO 8601 UTC like 2026-11-25T03:34:12Z, got {_short(value)}")


def _check_candidates(candidates) -> None:
    if not isinstance(candidates, list) or len(candidates) > MAX_CANDIDATES:
        raise ValueError(f"candidates: expected a list of at most {MAX_CANDIDATES} objects, got {_short(candidates)}")
    for i, item in enumerate(candidates):
        where = f"candidates[{i}]"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected an object, got {_short(item)}")
        for key in ("id", "name"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ValueError(f"{where}.{key}: expected non-empty text, got {_short(item.get(key))}")
        if item.get("side") not in ("left", "right"):
            raise ValueError(f"{where}.side: expected 'left' or 'right', got {_short(item.get('side'))}")
        if not (_is_number(item.get("score")) and 0 <= item["score"] <= 1):
            raise ValueError(f"{where}.score: expected a number from 0 to 1, got {_short(item.get('score'))}")


def _check_run_log(log) -> None:
    if not isinstance(log, dict):
        raise ValueError(f"run_log: expected an object or None, got {_short(log)}")
    steps = log.get("steps")
    if not isinstance(steps, list):
        raise ValueError(f"run_log.steps: expected a list, got {_short(steps)}")
    for i, step in enumerate(steps):
        where = f"run_log.steps[{i}]"
        if not isinstance(step, dict):
            raise ValueError(f"{where}: expected an object, got {_short(step)}")
        if step.get("status") not in STEP_STATUSES:
            expected = ", ".join(STEP_STATUSES)
            raise ValueError(f"{where}.status: expected one of {expected}, got {_short(step.get('status'))}")
        for key in ("title", "side"):
            if not isinstance(step.get(key), str):
                raise ValueError(f"{where}.{key}: expected text, got {_short(step.get(key))}")
        for key in ("holds_done", "reps"):
            if not (_is_int(step.get(key)) and step[key] >= 0):
                raise ValueError(f"{where}.{key}: expected a whole number from 0, got {_short(step.get(key))}")
    for key in ("planned_total_s", "actual_total_s"):
        if not (_is_number(log.get(key)) and log[key] >= 0):
            raise ValueError(f"run_log.{key}: expected a number of seconds from 0, got {_short(log.get(key))}")
    if not isinstance(log.get("stopped"), bool):
        raise ValueError(f"run_log.stopped: expected true or false, got {_short(log.get('stopped'))}")


def _to_json(name: str, value) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: cannot be stored as JSON ({exc})") from None
    if len(text) > MAX_JSON_CHARS:
        raise ValueError(f"{name}: too large to store ({len(text)} characters; the limit is {MAX_JSON_CHARS})")
    return text


def _columns(session: Session) -> dict:
    """Check every field (ValueError names the first bad one) and return the sessions row to write."""
    if session.id is not None and not (_is_int(session.id) and session.id > 0):
        raise ValueError(f"id: expected a positive whole number or None, got {_short(session.id)}")
    _check_created_at(session.created_at)
    clean_label(session.person)
    if not isinstance(session.painmap, dict) or session.painmap.get("format") != PAINMAP_FORMAT:
        expected = f'a pain map object ("format": "{PAINMAP_FORMAT}")'
        raise ValueError(f"painmap: expected {expected}, got {_short(session.painmap)}")
    _check_candidates(session.candidates)
    if session.routine is not None:
        routine_from_dict(session.routine, "routine")  # RoutineError is a ValueError with a clear message
    if session.run_log is not None:
        _check_run_log(session.run_log)
    _check_rating("pain_before", session.pain_before)
    _check_rating("pain_after", session.pain_after)
    extent = session.pain_extent
    if extent is not None and not (_is_number(extent) and 0 <= extent <= 1):
        raise ValueError(f"pain_extent: expected a number from 0 to 1 or None, got {_short(extent)}")
    if not isinstance(session.note, str) or len(session.note) > MAX_NOTE:
        raise ValueError(f"note: expected text of at most {MAX_NOTE} characters, got {_short(session.note)}")
    names = [c["name"] for c in session.candidates[:3]]
    steps = session.run_log["steps"] if session.run_log else []
    return {
        "created_at": session.created_at,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "pain_extent": None if extent is None else float(extent),
        "top1": names[0] if len(names) > 0 else None,
        "top2": names[1] if len(names) > 1 else None,
        "top3": names[2] if len(names) > 2 else None,
        "has_routine": int(session.routine is not None),
        "skipped_steps": sum(1 for s in steps if s["status"] in SKIPPED_STATUSES),
        "note": session.note,
        "painmap": _to_json("painmap", session.painmap),
        "candidates": _to_json("candidates", session.candidates),
        "routine": None if session.routine is None else _to_json("routine", session.routine),
        "run_log": None if session.run_log is None else _to_json("run_log", session.run_log),
    }


# --------------------------------------------------------------------------------------------- schema


Migration = Callable[[sqlite3.Connection], None]


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    # NOCASE folds ASCII only; `folded` (str.casefold) keeps 'Zoë' and 'ZOË' one person.
    conn.execute(
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL COLLATE NOCASE CHECK (label <> ''),
            folded TEXT NOT NULL UNIQUE
        )"""
    )
    # Summary columns come first and the JSON last: listing reads a row's leading columns and never touches
    # the overflow pages the big JSON spills into. AUTOINCREMENT: a deleted session's id never comes back.
    conn.execute(
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            person_id INTEGER REFERENCES people(id),
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            pain_extent REAL CHECK (pain_extent BETWEEN 0 AND 1),
            top1 TEXT,
            top2 TEXT,
            top3 TEXT,
            has_routine INTEGER NOT NULL,
            skipped_steps INTEGER NOT NULL,
            note TEXT NOT NULL,
            painmap TEXT NOT NULL,
            candidates TEXT NOT NULL,
            routine TEXT,
            run_log TEXT
        )"""
    )
    conn.execute("CREATE INDEX sessions_by_time ON sessions (created_at, id)")
    conn.execute("CREATE INDEX sessions_by_person ON sessions (person_id, created_at, id)")


# MIGRATIONS[v] takes a database from schema version v to v + 1. Append; never edit one that has shipped.
MIGRATIONS: tuple[Migration, ...] = (_migrate_0_to_1,)
SCHEMA_VERSION = len(MIGRATIONS)
REQUIRED_TABLES = ("people", "sessions")


def _migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
    """Bring the database up to len(migrations) in one transaction: all steps happen, or none."""
    conn.execute("BEGIN IMMEDIATE")  # take the write lock first, so a second hipmap cannot migrate at the same time
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > len(migrations):  # another hipmap upgraded it since the check
            raise NewerDatabase(path, found, len(migrations))
        for version in range(found, len(migrations)):
            migrations[version](conn)
        if found != len(migrations):
            conn.execute(f"PRAGMA user_version = {len(migrations)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) have rolled it back already
            conn.execute("ROLLBACK")
        raise


# --------------------------------------------------------------------------------------------- checking a file


def _side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _header_problem(path: Path, size: int, check_size: bool) -> str | None:
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "it is not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    # The page count in the header is trusted only when its "valid for" counter matches the change counter.
    pages = int.from_bytes(header[28:32], "big")
    expected = pages * page_size
    if check_size and header[24:28] == header[92:96] and size < expected:
        return f"it is shorter than its header says ({size} of {expected} bytes), so it was probably cut off"
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
        raise CorruptDatabase(path, f"SQLite reports “{exc}”") from None
    except UnicodeDecodeError as exc:
        raise _damaged_text(exc, path) from None
    finally:
        conn.close()
    if problems != ["ok"]:
        first = " ".join(problems[0].split())  # SQLite's report can span lines; a message is one
        raise CorruptDatabase(path, f"its integrity check failed (“{first}”)")
    ours = app_id == APPLICATION_ID
    if app_id not in (0, APPLICATION_ID) or (not ours and {t for t in tables if not t.startswith("sqlite_")}):
        raise CorruptDatabase(path, "it is an SQLite database, but another program's, not hipmap's")
    if version < 0:  # user_version is a signed 32-bit number: hipmap never writes a negative one
        raise CorruptDatabase(path, f"its schema version ({version}) is damaged")
    if version == 0:
        if ours and {t for t in tables if not t.startswith("sqlite_")}:  # hipmap sets both in one transaction
            raise CorruptDatabase(path, "it has hipmap's tables but no schema version")
        return
    if not ours:
        raise CorruptDatabase(path, "it has a schema version but no hipmap mark")
    if version > supported:
        raise NewerDatabase(path, version, supported)
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise CorruptDatabase(path, f"its {', '.join(missing)} table is missing")


def _check_existing(path: Path, supported: int) -> None:
    """Check a database file without writing to it, or to anything beside it."""
    size = path.stat().st_size
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


def fresh_path_beside(path: Path, now: datetime | None = None) -> Path:
    """A new file name beside a refused database, e.g. sessions-2026-11-25T0334.sqlite3; nothing by that name exists."""
    path = Path(path)
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M")
    base = f"{path.stem}-{stamp}"
    for n in range(1, 10_000):
        candidate = path.with_name(f"{base}{'' if n == 1 else f' ({n})'}{path.suffix}")
        if not any(_side_file(candidate, s).exists() for s in ("", "-wal", "-shm", "-journal")):
            return candidate
    raise StoreError(f"Could not find a free file name beside {path}.", path)


# --------------------------------------------------------------------------------------------- the store


_SUMMARY_SELECT = """
    SELECT s.id, s.created_at, coalesce(p.label, ''), s.pain_before, s.pain_after, s.pain_extent,
           s.top1, s.top2, s.top3, s.has_routine, s.skipped_steps
    FROM sessions s LEFT JOIN people p ON p.id = s.person_id"""
_SESSION_SELECT = """
    SELECT s.id, s.created_at, coalesce(p.label, ''), s.painmap, s.candidates, s.routine, s.run_log,
           s.pain_before, s.pain_after, s.pain_extent, s.note
    FROM sessions s LEFT JOIN people p ON p.id = s.person_id"""


class Store:
    """The sessions database. Open with ``Store.open(path)``; use from one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> "Store":
        """Open (or create) the database at `path` and bring its schema up to date.

        Raises CorruptDatabase, NewerDatabase or DatabaseLocked (all StoreError) with the file left as it was.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                if not path.is_file():
                    raise StoreError(f"The sessions database {path} is not a file. {_FRESH}", path)
                _check_existing(path, len(migrations))
            elif _side_file(path, "-wal").exists():
                # SQLite would replay a stray journal into the new file: neither adopt it nor delete it.
                raise CorruptDatabase(path, "the file is missing but its -wal journal is still there")
        except OSError as exc:
            raise StoreError(f"Could not open the sessions database {path}: {exc.strerror or exc}.", path) from exc
        except sqlite3.Error as exc:
            raise _translated(exc, path, "check") from exc
        except UnicodeDecodeError as exc:
            raise _damaged_text(exc, path) from exc
        with _sqlite_errors(path, "open"):
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with _sqlite_errors(path, "open"):
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")  # a crash loses nothing committed; readers never block
                conn.execute("PRAGMA synchronous = FULL")  # a commit is on disk before save() returns
                conn.execute("PRAGMA foreign_keys = ON")
                _migrate(conn, path, migrations)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        with _sqlite_errors(self.path, doing):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")  # a COMMIT that fails (busy) is rolled back too, never left open
            except BaseException:
                if self._conn.in_transaction:  # some errors (a full disk) have rolled it back already
                    self._conn.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params=()) -> list[tuple]:
        with _sqlite_errors(self.path, "read"):
            return self._conn.execute(sql, params).fetchall()

    # ---- people

    def _person_id(self, conn: sqlite3.Connection, label: str, create: bool) -> int | None:
        row = conn.execute("SELECT id FROM people WHERE folded = ?", (label.casefold(),)).fetchone()
        if row or not create:
            return row[0] if row else None
        return conn.execute("INSERT INTO people (label, folded) VALUES (?, ?)", (label, label.casefold())).lastrowid

    def add_person(self, label: str) -> str:
        """Add a person label (no session needed); returns the label as stored (an existing spelling wins)."""
        label = clean_label(label)
        if not label:
            raise ValueError("person: expected a label, got an empty one")
        with self._transaction("save to") as conn:
            person_id = self._person_id(conn, label, create=True)
            return conn.execute("SELECT label FROM people WHERE id = ?", (person_id,)).fetchone()[0]

    def people(self) -> list[str]:
        """Every label, with sessions or only added, sorted without regard to case."""
        labels = [row[0] for row in self._query("SELECT label FROM people")]
        if not all(isinstance(label, str) for label in labels):  # hipmap writes only text there
            raise CorruptDatabase(self.path, "a person's label is not text")
        return sorted(labels, key=lambda s: (s.casefold(), s))

    def rename_person(self, old: str, new: str) -> None:
        """Rename a label everywhere. KeyError if `old` is unknown; ValueError if `new` is empty or someone else's."""
        old, new = clean_label(old), clean_label(new)
        if not new:
            raise ValueError("person: expected a new label, got an empty one")
        with self._transaction("save to") as conn:
            person_id = self._person_id(conn, old, create=False)
            if person_id is None:
                raise KeyError(old)
            other = self._person_id(conn, new, create=False)
            if other is not None and other != person_id:
                raise ValueError(f"person: there is already someone called {new!r}")
            conn.execute("UPDATE people SET label = ?, folded = ? WHERE id = ?", (new, new.casefold(), person_id))

    # ---- sessions

    def save(self, session: Session) -> Session:
        """Insert (id None) or update (KeyError if that id is gone) in one transaction; returns it as stored."""
        return self.save_many([session])[0]

    def save_many(self, sessions: Sequence[Session]) -> list[Session]:
        """save() for several sessions in one transaction (one disk sync): all are saved, or none."""
        checked = [(session, _columns(session)) for session in sessions]  # every one valid before writing any
        with self._transaction("save to") as conn:
            return [self._save_in(conn, session, columns) for session, columns in checked]

    def _save_in(self, conn: sqlite3.Connection, session: Session, columns: dict) -> Session:
        label = clean_label(session.person)
        person_id = self._person_id(conn, label, create=True) if label else None
        names = [*columns, "person_id"]
        values = [*columns.values(), person_id]
        if session.id is None:
            sql = f"INSERT INTO sessions ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            session_id = conn.execute(sql, values).lastrowid
        else:
            sql = f"UPDATE sessions SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?"
            if conn.execute(sql, [*values, session.id]).rowcount != 1:
                raise KeyError(session.id)
            session_id = session.id
        if label:  # an existing person's spelling wins: 'anna' joins 'Anna'
            label = conn.execute("SELECT label FROM people WHERE id = ?", (person_id,)).fetchone()[0]
        return replace(session, id=session_id, person=label)

    def get(self, session_id: int) -> Session:
        rows = self._query(_SESSION_SELECT + " WHERE s.id = ?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        sid, created_at, person, painmap, candidates, routine, run_log, before, after, extent, note = rows[0]
        try:
            return Session(
                sid, created_at, person, json.loads(painmap), json.loads(candidates),
                None if routine is None else json.loads(routine), None if run_log is None else json.loads(run_log),
                before, after, extent, note,
            )
        except (TypeError, ValueError, RecursionError) as exc:
            raise CorruptDatabase(self.path, f"session {session_id} is damaged ({exc})") from None

    def delete(self, session_id: int) -> None:
        with self._transaction("delete from") as conn:
            if conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount != 1:
                raise KeyError(session_id)

    def count(self) -> int:
        return self._query("SELECT count(*) FROM sessions")[0][0]

    def _where_person(self, person: str | None) -> tuple[str, tuple]:
        if person is None:
            return "", ()
        # A label read back from people() is looked up as it is, even one that save() would refuse (a damaged file).
        label = person.strip() if isinstance(person, str) else clean_label(person)
        if not label:
            return " WHERE s.person_id IS NULL", ()
        return " WHERE s.person_id = (SELECT id FROM people WHERE folded = ?)", (label.casefold(),)

    def summaries(self, person: str | None = None) -> list[SessionSummary]:
        """Newest first. person None: everyone; "": sessions with no label; else that person's (any case)."""
        where, params = self._where_person(person)
        rows = self._query(_SUMMARY_SELECT + where + " ORDER BY s.created_at DESC, s.id DESC", params)
        return [
            SessionSummary(sid, at, who, before, after, extent, tuple(n for n in (t1, t2, t3) if n is not None),
                           bool(has_routine), skipped)
            for sid, at, who, before, after, extent, t1, t2, t3, has_routine, skipped in rows
        ]

    def history(self, person: str | None = None) -> list[tuple[str, int | None, int | None, float | None]]:
        """(created_at, pain before, pain after, extent), oldest first, for the history chart."""
        where, params = self._where_person(person)
        sql = "SELECT s.created_at, s.pain_before, s.pain_after, s.pain_extent FROM sessions s"
        return self._query(sql + where + " ORDER BY s.created_at, s.id", params)


# --------------------------------------------------------------------------------------------- synthetic data


_SYNTHETIC_MUSCLES = (
    ("gluteus_minimus_anterior", "Gluteus minimus (front fibres)"),
    ("gluteus_minimus_posterior", "Gluteus minimus (back fibres)"),
    ("gluteus_medius", "Gluteus medius"),
    ("tensor_fasciae_latae", "Tensor fasciae latae (TFL)"),
    ("piriformis", "Piriformis"),
    ("quadratus_lumborum", "Quadratus lumborum (QL)"),
    ("vastus_lateralis", "Vastus lateralis (outer thigh muscle)"),
    ("gluteus_maximus", "Gluteus maximus"),
)
_SYNTHETIC_PEOPLE = ("Anna", "Ben", "Chloé")


def synthetic_sessions(n: int, seed: int = 0) -> list[Session]:
    """`n` plausible sessions, oldest first (ids None): 2-3 people, one every 2-4 days, pain easing over time."""
    rng = random.Random(seed)
    people = _SYNTHETIC_PEOPLE[: rng.choice((2, 3))]
    when = datetime(2023, 1, 2, 9, 0, tzinfo=timezone.utc)
    sessions = []
    for i in range(n):
        when += timedelta(days=rng.randint(2, 4), minutes=rng.randint(-120, 120))
        created_at = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        t = i / max(1, n - 1)
        before = min(10, max(0, round(7.5 - 4.5 * t + rng.gauss(0, 1.2))))
        after = max(0, before - rng.choice((0, 1, 1, 2, 2, 3)))
        extent = round(min(1.0, max(0.005, 0.12 - 0.07 * t + rng.gauss(0, 0.02))), 4)
        side = rng.choice(("right", "left"))
        picked = rng.sample(_SYNTHETIC_MUSCLES, rng.randint(3, 5))
        scores = sorted((round(rng.uniform(0.2, 0.95), 3) for _ in picked), reverse=True)
        candidates = [{"id": mid, "name": name, "side": side, "score": s} for (mid, name), s in zip(picked, scores)]
        routine = run_log = None
        if rng.random() < 0.7:
            steps = [
                Step(kind=kind, muscle_id=mid, title=f"{'Tennis ball' if kind == 'compression' else 'Stretch'}: {name}",
                     side=side, hold_s=30, reps=2)
                for mid, name in picked[:2] for kind in ("compression", "stretch")
            ]
            planned = Routine("Today's routine", steps)
            routine = planned.to_dict()
            statuses = [rng.choices(STEP_STATUSES[:3], (0.85, 0.1, 0.05))[0] for _ in steps]
            run_log = {
                "routine_name": routine["name"],
                "steps": [{"step_index": k, "title": s.title, "side": s.side, "status": status,
                           "holds_done": s.reps if status == "done" else rng.randint(0, s.reps - 1),
                           "reps": s.reps, "elapsed_s": 0.0} for k, (s, status) in enumerate(zip(steps, statuses))],
                "planned_total_s": planned.total_seconds(),
                "actual_total_s": float(rng.randint(200, 400)),
                "paused_s": 0.0,
                "stopped": False,
            }
        painmap = {"format": PAINMAP_FORMAT, "version": 1, "app": "hipmap synthetic", "created": created_at,
                   "saved": created_at, "note": "", "marks": []}
        sessions.append(Session(None, created_at, rng.choice(people), painmap, candidates, routine, run_log,
                                before, after, extent))
    return sessions
