"""Schema migrations with Alembic: the revisions live in assistant/store/alembic/versions/.

`upgrade(engine)` brings any database (SQLite or PostgreSQL) to the newest revision. A database
made by the earlier hand-rolled migrator (a `parley_schema` table, version 1, same tables as the
first revision) is stamped instead of re-created, so nothing already saved is touched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

SCRIPTS = Path(__file__).resolve().parent / "alembic"
FIRST_REVISION = "0001"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config


def head() -> str:
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def upgrade(engine: Engine) -> str:
    """Apply every revision not yet applied; returns the revision the database is at."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        names = set(inspect(conn).get_table_names())
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and "parley_schema" in names and "sessions" in names:
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")
        return str(MigrationContext.configure(conn).get_current_revision())
