"""The history of sessions: a SQLite database with a schema version and forward migrations."""
