"""The history of sessions: a SQLite database with a schema version and forward migrations.

``database`` (the Store), ``session`` (Session, SessionSummary and their checks), ``opening`` (the file: where it
lives, refusing one it cannot trust, connecting), ``schema`` (tables and migrations), ``errors`` (StoreError and
kin), ``synthetic`` (made-up sessions for benches).
"""
