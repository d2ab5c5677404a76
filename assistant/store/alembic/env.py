"""Alembic environment: runs on the connection Parley hands it (see assistant/store/migrations.py)."""

from __future__ import annotations

from alembic import context

from assistant.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run Parley's migrations through assistant.store.migrations.upgrade(engine).")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
