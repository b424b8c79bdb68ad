"""Alembic environment for veille's store; run programmatically by ``open_store``.

The caller passes an open connection in ``config.attributes["connection"]``; nothing
here reads alembic.ini or configures logging.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
