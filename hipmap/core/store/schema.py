"""The database's tables, its schema version and the forward migrations that bring an older file up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable, Sequence

from .errors import NewerDatabase

# Marks the file as hipmap's, so another program's SQLite file (user_version 0 too) is not mistaken for a new one.
APPLICATION_ID = int.from_bytes(b"hipm", "big")

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


def migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
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
