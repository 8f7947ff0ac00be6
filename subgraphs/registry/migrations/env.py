"""Alembic environment: runs on the connection handed over by upgrade_database."""

from __future__ import annotations

from alembic import context

from subgraphs.registry.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run registry migrations through subgraphs.registry.migrations")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
