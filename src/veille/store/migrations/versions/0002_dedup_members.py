"""Deduplication members: the per-article events each stored event was made of.

With them the store re-clusters a component when a new article links to it, and holds
the events ``extract`` gives for the same articles whatever the ingest order. A stored
event older than this revision stands as one member of its own (``payload`` NULL: the
member is the stored event itself), since the per-article events it was merged from
were not kept.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dedup_members",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text, nullable=True),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("component", sa.String(128), nullable=False),
        sa.Column("linkable", sa.Boolean, nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("block_iso3", sa.String(3), nullable=False),
        sa.Column("block_family", sa.String(64), nullable=False),
        sa.Column("block_week", sa.String(10), nullable=False),
        sa.Column("payload", sa.JSON, nullable=True),
    )
    op.create_index(
        "ix_dedup_members_block", "dedup_members", ["block_iso3", "block_family", "block_week"]
    )
    op.create_index("ix_dedup_members_event_id", "dedup_members", ["event_id"])
    op.create_index("ix_dedup_members_component", "dedup_members", ["component"])
    op.execute(
        "INSERT INTO dedup_members (article_id, event_id, component, linkable, event_date, "
        "block_iso3, block_family, block_week, payload) "
        "SELECT NULL, event_id, event_id, "
        "(event_date IS NOT NULL AND place_key IS NOT NULL), event_date, "
        "block_iso3, block_family, block_week, NULL FROM events"
    )


def downgrade() -> None:
    op.drop_table("dedup_members")
