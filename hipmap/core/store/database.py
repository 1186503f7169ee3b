"""The Store: saving, reading and listing sessions and people in an open database (rows to Session objects and back)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Sequence

from ..messages import coded, phrase, said
from .errors import CorruptDatabase, sqlite_errors
from .opening import connect
from .schema import MIGRATIONS, Migration
from .session import RunOutcome, Session, SessionSummary, check_stored, clean_label, session_columns, summary_problem

# How each routine run went, read from its run_log in SQL (the rows are listed without loading every log into Python);
# a log that is not valid JSON gives NULLs, and the list says its record cannot be read.
_RUN_VALID = "s.run_log IS NOT NULL AND json_valid(s.run_log)"
_SUMMARY_SELECT = f"""
    SELECT s.id, s.created_at, coalesce(p.label, ''), s.pain_before, s.pain_after, s.pain_extent,
           s.top1, s.top2, s.top3, s.has_routine, s.skipped_steps,
           CASE WHEN {_RUN_VALID} AND json_type(s.run_log, '$.steps') = 'array' THEN json_array_length(s.run_log, '$.steps') END,
           CASE WHEN {_RUN_VALID} AND json_type(s.run_log, '$.steps') = 'array' THEN
               (SELECT count(*) FROM json_each(s.run_log, '$.steps') WHERE json_extract(value, '$.status') = 'done') END,
           CASE WHEN {_RUN_VALID} THEN json_type(s.run_log, '$.stopped') END
    FROM sessions s LEFT JOIN people p ON p.id = s.person_id"""


def _run_outcome(total, done, stopped, skipped) -> RunOutcome | None:
    """The run's counts from the summary columns; None when the session has no readable run log."""
    if not isinstance(total, int) or not isinstance(done, int) or stopped not in ("true", "false"):
        return None
    return RunOutcome(total, done, skipped if isinstance(skipped, int) else 0, stopped == "true")
_SESSION_SELECT = """
    SELECT s.id, s.created_at, coalesce(p.label, ''), s.painmap, s.candidates, s.routine, s.run_log,
           s.pain_before, s.pain_after, s.pain_extent, s.note
    FROM sessions s LEFT JOIN people p ON p.id = s.person_id"""


def _text_or_bytes(raw: bytes):
    """A TEXT value as str; one that is not UTF-8 (only damage makes one) as bytes, which every check refuses."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return bytes(raw)


class Store:
    """The sessions database. Open with ``Store.open(path)``; use from one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self._conn.text_factory = _text_or_bytes
        self.path = path
        self._checked = False  # the whole file checked (indexes too) before the first write

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> "Store":
        """Open (or create) the database at `path` and bring its schema up to date.

        Raises CorruptDatabase, NewerDatabase or DatabaseLocked (all StoreError) with the file left as it was.
        """
        path = Path(path)
        conn = connect(path, migrations)
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        with sqlite_errors(self.path, doing):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._check_before_writing()
                yield self._conn
                self._conn.execute("COMMIT")  # a COMMIT that fails (busy) is rolled back too, never left open
            except BaseException:
                if self._conn.in_transaction:  # some errors (a full disk) have rolled it back already
                    self._conn.execute("ROLLBACK")
                raise

    def _check_before_writing(self) -> None:
        """Opening ran quick_check, which does not compare indexes with their tables: a write through a damaged
        index spreads the damage. So the first write of a session checks the whole file first (in its transaction)."""
        if self._checked:
            return
        problems = [row[0] for row in self._conn.execute("PRAGMA integrity_check(1)").fetchall()]
        if problems != ["ok"]:
            first = " ".join(str(problems[0]).split())
            raise CorruptDatabase(self.path, phrase("its integrity check failed (“{reason}”)", reason=first))
        self._checked = True

    def _query(self, sql: str, params=()) -> list[tuple]:
        with sqlite_errors(self.path, "read"):
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
            raise coded(ValueError, "expected a label, got an empty one", "person")
        with self._transaction("save to") as conn:
            person_id = self._person_id(conn, label, create=True)
            return conn.execute("SELECT label FROM people WHERE id = ?", (person_id,)).fetchone()[0]

    def people(self) -> list[str]:
        """Every label, with sessions or only added, sorted without regard to case."""
        labels = [row[0] for row in self._query("SELECT label FROM people")]
        if not all(isinstance(label, str) for label in labels):  # hipmap writes only text there
            raise CorruptDatabase(self.path, phrase("a person's label is not text"))
        return sorted(labels, key=lambda s: (s.casefold(), s))

    def rename_person(self, old: str, new: str) -> None:
        """Rename a label everywhere. KeyError if `old` is unknown; ValueError if `new` is empty or someone else's."""
        old, new = clean_label(old), clean_label(new)
        if not new:
            raise coded(ValueError, "expected a new label, got an empty one", "person")
        with self._transaction("save to") as conn:
            person_id = self._person_id(conn, old, create=False)
            if person_id is None:
                raise KeyError(old)
            other = self._person_id(conn, new, create=False)
            if other is not None and other != person_id:
                raise coded(ValueError, "there is already someone called {name}", "person", name=repr(new))
            conn.execute("UPDATE people SET label = ?, folded = ? WHERE id = ?", (new, new.casefold(), person_id))

    # ---- sessions

    def save(self, session: Session) -> Session:
        """Insert (id None) or update (KeyError if that id is gone) in one transaction; returns it as stored."""
        return self.save_many([session])[0]

    def save_many(self, sessions: Sequence[Session]) -> list[Session]:
        """save() for several sessions in one transaction (one disk sync): all are saved, or none."""
        checked = [(session, session_columns(session)) for session in sessions]  # every one valid before writing any
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
            session = Session(
                sid, created_at, person, json.loads(painmap), json.loads(candidates),
                None if routine is None else json.loads(routine), None if run_log is None else json.loads(run_log),
                before, after, extent, note,
            )
            check_stored(session)  # values SQLite's column types let through would break whoever shows it
            return session
        except (TypeError, ValueError, RecursionError) as exc:
            raise CorruptDatabase(self.path, phrase("session {id} is damaged ({reason})", id=session_id, reason=said(exc))) from None

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
        out = []
        for sid, at, who, before, after, extent, t1, t2, t3, has_routine, skipped, total, done, stopped in rows:
            problem = summary_problem(at, who, before, after, extent, (t1, t2, t3), has_routine, skipped)
            if problem:  # shown as damaged, never charted; the rest of the history stays readable
                out.append(SessionSummary(sid, at if isinstance(at, str) else "", who if isinstance(who, str) else "",
                                          None, None, None, (), False, 0, damaged=problem))  # fmt: skip
                continue
            out.append(SessionSummary(sid, at, who, before, after, extent, tuple(n for n in (t1, t2, t3) if n is not None),
                                      bool(has_routine), skipped, _run_outcome(total, done, stopped, skipped)))  # fmt: skip
        return out

    def history(self, person: str | None = None) -> list[tuple[str, int | None, int | None, float | None]]:
        """(created_at, pain before, pain after, extent), oldest first, for the history chart."""
        where, params = self._where_person(person)
        sql = "SELECT s.created_at, s.pain_before, s.pain_after, s.pain_extent FROM sessions s"
        return self._query(sql + where + " ORDER BY s.created_at, s.id", params)


