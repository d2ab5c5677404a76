"""Schema migrations: versioned steps applied in order, recorded in parley_schema."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Column, Connection, Engine, Integer, MetaData, Table, insert, select

from assistant.store import tables

_meta = MetaData()
schema_version = Table("parley_schema", _meta, Column("version", Integer, primary_key=True))


def _v1(conn: Connection) -> None:
    tables.metadata.create_all(conn)


STEPS: list[Callable[[Connection], None]] = [_v1]


def upgrade(engine: Engine) -> int:
    """Apply every step not yet applied; returns the schema version."""
    with engine.begin() as conn:
        _meta.create_all(conn)
        done = {r[0] for r in conn.execute(select(schema_version.c.version))}
        for number, step in enumerate(STEPS, 1):
            if number not in done:
                step(conn)
                conn.execute(insert(schema_version).values(version=number))
        return len(STEPS)
