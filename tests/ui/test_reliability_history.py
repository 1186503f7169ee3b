"""Issue 16, item 9: values that pass SQLite's column checks but are not what hipmap wrote. One bad row is listed as
damaged (never charted), never stops the History window and never crashes it; a database whose indexes are damaged
is checked before the first write."""

import sqlite3

import pytest

from hipmap.core.pain.painmap import PainMap, click_mark, to_json_dict
from hipmap.core.store.database import Store
from hipmap.core.store.errors import CorruptDatabase
from hipmap.core.store.session import Session
from hipmap.ui.history.window import HistoryWindow
from tests.ui.test_history import CANDIDATES, ROUTINE, RUN_LOG, renderers, utc  # noqa: F401 (fixtures)

EMPTY_POLYGON_MAP = '{"format":"hipmap.painmap","version":1,"marks":[{"view":"posterior","geometry":{"type":"Polygon","coordinates":[]}}]}'

DAMAGE = [
    "UPDATE sessions SET created_at = '2023-02f25T16:23:00' WHERE id = 3",
    "UPDATE sessions SET top1 = x'fffe' WHERE id = 1",
    "UPDATE sessions SET top2 = CAST(x'fffe' AS TEXT) WHERE id = 2",
    "UPDATE sessions SET created_at = CAST(x'c328' AS TEXT) WHERE id = 2",
    "UPDATE sessions SET created_at = 20230225 WHERE id = 2",
    "UPDATE sessions SET pain_before = 5.5 WHERE id = 1",
    "UPDATE sessions SET pain_after = '7' WHERE id = 1",
    "UPDATE sessions SET has_routine = 'yes', skipped_steps = -3 WHERE id = 4",
    "UPDATE sessions SET skipped_steps = 9223372036854775807 WHERE id = 1",
    "UPDATE sessions SET created_at = '0001-01-01T00:00:00Z' WHERE id = 2",
    "UPDATE sessions SET created_at = '9999-12-31T23:59:59Z' WHERE id = 3",
    "UPDATE sessions SET candidates = '{\"a\": 1}' WHERE id = 1",
    "UPDATE sessions SET candidates = '[{\"id\": 3}]' WHERE id = 2",
    "UPDATE sessions SET run_log = '[1, 2]' WHERE id = 1",
    "UPDATE sessions SET run_log = '{\"steps\": 5}' WHERE id = 1",
    "UPDATE sessions SET note = x'00ff' WHERE id = 1",
    "UPDATE people SET label = x'fffe'",
    "UPDATE people SET label = CAST(x'fffe' AS TEXT)",
    f"UPDATE sessions SET painmap = '{EMPTY_POLYGON_MAP}' WHERE id = 1",
    "UPDATE sessions SET painmap = x'7b7d' WHERE id = 1",
]


@pytest.fixture
def db(tmp_path, atlas):
    path = tmp_path / "sessions.sqlite3"
    painmap = to_json_dict(PainMap((click_mark("posterior", 300, 400),)))
    with Store.open(path) as store:
        store.save_many([
            Session(None, "2026-03-03T09:30:00Z", "Anna", painmap, CANDIDATES, ROUTINE, RUN_LOG, 7, 5, 0.12),
            Session(None, "2026-06-10T16:45:00Z", "Ben", painmap, CANDIDATES[::-1], None, None, 5, None, 0.04),
            Session(None, "2026-08-01T08:00:00Z", "", painmap, [], None, None, None, None, None),
            Session(None, "2026-11-25T14:05:00Z", "Anna", painmap, CANDIDATES, None, None, 4, 3, 0.05),
        ])  # fmt: skip
    return path


def damage(path, sql):
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("sql", DAMAGE)
def test_one_damaged_row_never_stops_the_history_window(qtbot, db, atlas, renderers, utc, sql, no_modal_dialogs):  # noqa: F811
    damage(db, sql)
    with Store.open(db) as store:
        window = HistoryWindow(store, atlas, renderers)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.grab()  # paints the chart and every row
        model = window.model
        texts = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
        tips = [[model.data(model.index(r, c), 3) for c in range(model.columnCount())] for r in range(model.rowCount())]
        assert model.rowCount() == 4 and all(isinstance(t, str) for row in texts for t in row), texts
        assert all(t is None or isinstance(t, str) for row in tips for t in row)
        damaged = [s for s in model.summaries() if s.damaged]
        charted = {p.session_id for p in window.chart._points}
        assert not charted & {s.id for s in damaged}
        assert len(charted) + len(damaged) == 4
        for s in damaged:
            assert "Damaged session" in texts[model.row_of(s.id)][5]
        for row in range(4):  # each one opens, or says why it cannot
            window.select_rows([row])
            viewer = window.open_read_only()
            if viewer is not None:
                viewer.grab()
                viewer.close()
        window.select_rows([0, 1])
        dialog = window.compare_two()
        if dialog is not None:
            dialog.close()
        window.close()


def test_a_row_damaged_in_its_summary_is_marked_and_left_out_of_the_chart(db):
    damage(db, "UPDATE sessions SET created_at = '2023-02f25T16:23:00' WHERE id = 3")
    damage(db, "UPDATE sessions SET top1 = x'fffe' WHERE id = 1")
    with Store.open(db) as store:
        summaries = {s.id: s for s in store.summaries()}
        assert "created_at" in summaries[3].damaged and "top1" in summaries[1].damaged
        assert not summaries[2].damaged and not summaries[4].damaged
        with pytest.raises(CorruptDatabase, match="session 3 is damaged"):
            store.get(3)


@pytest.mark.parametrize("sql, field", [
    ("UPDATE sessions SET candidates = '{\"a\": 1}' WHERE id = 1", "candidates"),
    ("UPDATE sessions SET run_log = '[1, 2]' WHERE id = 1", "run_log"),
    ("UPDATE sessions SET note = x'00ff' WHERE id = 1", "note"),
])  # fmt: skip
def test_a_session_read_back_is_checked_like_one_saved(db, sql, field):
    damage(db, sql)
    with Store.open(db) as store, pytest.raises(CorruptDatabase, match=f"session 1 is damaged \\({field}"):
        store.get(1)


def test_damaged_indexes_are_found_before_the_first_write(db):
    # The index says it holds created_at, but its entries are of another column: quick_check (run on opening) does
    # not compare an index with its table, integrity_check does.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX sessions_by_time ON sessions (note, id)' WHERE name = 'sessions_by_time'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    store = Store.open(db)
    try:
        assert len(store.summaries()) == 4  # reading still works
        with pytest.raises(CorruptDatabase, match="integrity check failed"):
            store.save(Session(None, "2026-12-01T10:00:00Z", "", {"format": "hipmap.painmap", "version": 1, "marks": []},
                               [], None, None, 3, None, None))  # fmt: skip
        assert store.count() == 4
    finally:
        store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 4
    conn.close()
    assert db.read_bytes() == before
