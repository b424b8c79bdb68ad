"""Initial schema: articles, sources, actors, places, events and their children, runs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("articles_added", sa.Integer, nullable=False),
        sa.Column("articles_skipped", sa.Integer, nullable=False),
        sa.Column("events_added", sa.Integer, nullable=False),
        sa.Column("events_updated", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=True),
        sa.Column("cause", sa.Text, nullable=False),
        sa.Column("fix", sa.Text, nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_ingest_errors_run_id", "ingest_errors", ["run_id"])
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("origin", sa.Text, nullable=True),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("ingest_runs.id", ondelete="SET NULL"),
            nullable=True,
        ),
    )
    op.create_table(
        "sources",
        sa.Column("source_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("handle", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("span_start", sa.Integer, nullable=True),
        sa.Column("span_end", sa.Integer, nullable=True),
    )
    op.create_index("ix_sources_article_id", "sources", ["article_id"])
    op.create_table(
        "actors",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("inter", sa.Integer, nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
    )
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "places",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("admin1", sa.Text, nullable=True),
        sa.Column("admin2", sa.Text, nullable=True),
        sa.Column("country", sa.String(256), nullable=True),
        sa.Column("iso3", sa.String(3), nullable=True),
        sa.Column("lat", sa.Double, nullable=True),
        sa.Column("lon", sa.Double, nullable=True),
        sa.Column("gazetteer_id", sa.Text, nullable=True),
    )
    op.create_index("ix_places_iso3", "places", ["iso3"])
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("date_precision", sa.String(8), nullable=True),
        sa.Column("time_of_day", sa.String(16), nullable=True),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(128), nullable=False),
        sa.Column("plover_event_type", sa.String(32), nullable=False),
        sa.Column("plover_mode", sa.String(64), nullable=True),
        sa.Column("actor1", sa.JSON, nullable=True),
        sa.Column("actor2", sa.JSON, nullable=True),
        sa.Column("actor1_id", sa.Text, nullable=True),
        sa.Column("actor2_id", sa.Text, nullable=True),
        sa.Column("actor1_name", sa.Text, nullable=True),
        sa.Column("actor2_name", sa.Text, nullable=True),
        sa.Column("claim_status", sa.String(16), nullable=True),
        sa.Column("claim_by", sa.Text, nullable=True),
        sa.Column("claim_via", sa.String(128), nullable=True),
        sa.Column("weapon", sa.String(128), nullable=True),
        sa.Column("weapon_count", sa.Integer, nullable=True),
        sa.Column("fatalities", sa.Integer, nullable=True),
        sa.Column("location", sa.JSON, nullable=True),
        sa.Column("place_key", sa.Text, nullable=True),
        sa.Column("iso3", sa.String(3), nullable=True),
        sa.Column("lat", sa.Double, nullable=True),
        sa.Column("lon", sa.Double, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("confidence", sa.Double, nullable=False),
        sa.Column("block_iso3", sa.String(3), nullable=False),
        sa.Column("block_family", sa.String(64), nullable=False),
        sa.Column("block_week", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_events_block", "events", ["block_iso3", "block_family", "block_week"])
    op.create_index("ix_events_date", "events", ["event_date", "event_id"])
    for col in (
        "event_type",
        "sub_event_type",
        "actor1_id",
        "actor2_id",
        "claim_status",
        "place_key",
        "iso3",
    ):
        op.create_index(f"ix_events_{col}", "events", [col])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id",
            sa.String(128),
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("source_id", sa.Text, nullable=False),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("values", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_table(
        "event_sources",
        sa.Column(
            "event_id",
            sa.String(128),
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Text, sa.ForeignKey("sources.source_id"), nullable=False),
    )
    op.create_index("ix_event_sources_source_id", "event_sources", ["source_id"])
    op.create_table(
        "framing",
        sa.Column(
            "event_id",
            sa.String(128),
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("refers_to", sa.String(64), nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
    )
    op.create_table(
        "conflicts",
        sa.Column(
            "event_id",
            sa.String(128),
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("values", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    _create_full_text_index()


def _create_full_text_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # External-content FTS5 over articles(title, text); kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, text, content='articles', content_rowid='pk', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); "
            "END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); "
            "END"
        )
    elif dialect == "postgresql":
        # 'simple' configuration: no stemming, so French, Arabic and English all match.
        op.execute(
            "CREATE INDEX ix_articles_fts ON articles USING gin "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "conflicts",
        "framing",
        "event_sources",
        "mentions",
        "events",
        "places",
        "actors",
        "sources",
        "articles",
        "ingest_errors",
        "ingest_runs",
    ):
        op.drop_table(table)
