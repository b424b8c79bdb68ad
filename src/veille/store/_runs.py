"""Ingest-run bookkeeping: each ingest is a row of ``ingest_runs`` (opened, then
closed with its counts), its failures rows of ``ingest_errors``, and its
``IngestReport`` the running tally of what it added, updated and replaced.

A run a killed ingest left open is closed by the next ``open_store``
(``finish_interrupted_runs``) once it has written nothing for ``INTERRUPTED_AFTER``.
Each function runs in its own transaction on the engine it is given.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from veille.model import ArticleFailure
from veille.store._records import IngestReport
from veille.store._schema import ArticleRow, IngestErrorRow, IngestRunRow, new_session

#: An unfinished ingest run that wrote nothing for this long was killed.
INTERRUPTED_AFTER = timedelta(hours=1)

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def start_run(engine: Engine) -> int:
    """Open an ingest run; its id tags the articles and failures it stores."""
    with new_session(engine) as s, s.begin():
        run = IngestRunRow(
            started_at=datetime.now(UTC),
            articles_added=0,
            articles_skipped=0,
            events_added=0,
            events_updated=0,
            failures=0,
        )
        s.add(run)
        s.flush()
        return run.id


def finish_run(engine: Engine, run: int, report: IngestReport) -> None:
    """Close an ingest run with the counts of its report (nothing if it is gone)."""
    with new_session(engine) as s, s.begin():
        row = s.get(IngestRunRow, run)
        if row is None:
            return
        row.finished_at = datetime.now(UTC)
        row.articles_added = report.articles_added
        row.articles_skipped = report.articles_skipped
        row.events_added = report.events_added
        row.events_updated = report.events_updated
        row.failures = len(report.failures)


def count_written(
    report: IngestReport, added: list[str], updated: list[str], gone: list[str]
) -> None:
    """Fold one article's event ids into the run's report: an event is new if it holds
    no mention stored before the run; an id that a later article replaced is dropped."""
    earlier = set(report.new_event_ids)
    new = [i for i in report.new_event_ids if i not in gone]
    new += [i for i in added if i not in new]
    changed = [i for i in report.updated_event_ids if i not in gone]
    changed += [i for i in updated if i not in changed and i not in new]
    report.new_event_ids = new
    report.updated_event_ids = changed
    report.replaced_event_ids += [i for i in gone if i not in earlier]
    report.events_added = len(new)
    report.events_updated = len(changed)


def record_failure(
    engine: Engine,
    run: int,
    failure: ArticleFailure,
    report: IngestReport,
    recorded: set[tuple[str, str]] | None = None,
) -> None:
    """Report ``failure``; write it to ``ingest_errors`` unless the same article
    already failed there for the same cause (``recorded``: the (article id, cause) of
    those, kept up to date here)."""
    report.failures.append(failure)
    if recorded is not None and failure.article_id is not None:
        key = (failure.article_id, failure.cause)
        if key in recorded:
            return
        recorded.add(key)
    with new_session(engine) as s, s.begin():
        s.add(
            IngestErrorRow(
                run_id=run,
                origin=_storable(failure.origin),
                article_id=_storable(failure.article_id) if failure.article_id else None,
                cause=_storable(failure.cause),
                fix=_storable(failure.fix),
                recorded_at=datetime.now(UTC),
            )
        )


def recorded_failures(engine: Engine) -> set[tuple[str, str]]:
    """(article id, cause) of the failures already in ``ingest_errors``."""
    with new_session(engine) as s:
        rows = s.execute(
            select(IngestErrorRow.article_id, IngestErrorRow.cause)
            .where(IngestErrorRow.article_id.is_not(None))
            .distinct()
        )
        return {(aid, cause) for aid, cause in rows if aid is not None}


def ingest_errors(engine: Engine, run_id: int | None = None) -> list[ArticleFailure]:
    """The recorded failures, in the order recorded; of one run if ``run_id``."""
    with new_session(engine) as s:
        stmt = select(IngestErrorRow).order_by(IngestErrorRow.id)
        if run_id is not None:
            stmt = stmt.where(IngestErrorRow.run_id == run_id)
        return [
            ArticleFailure(origin=r.origin, article_id=r.article_id, cause=r.cause, fix=r.fix)
            for r in s.scalars(stmt)
        ]


def finish_interrupted_runs(engine: Engine, *, idle: timedelta = INTERRUPTED_AFTER) -> list[int]:
    """Close the runs a killed ingest left unfinished: an unfinished run that wrote
    nothing for ``idle`` gets its true count of stored articles and failures, the time
    of its last write as ``finished_at``, and an ``ingest_errors`` row saying it was
    interrupted. Returns their ids. A run still writing (another process) is left
    alone: it has written within ``idle``."""
    now = datetime.now(UTC)
    closed: list[int] = []
    with new_session(engine) as s, s.begin():
        for row in s.scalars(select(IngestRunRow).where(IngestRunRow.finished_at.is_(None))):
            last_article = s.scalar(
                select(func.max(ArticleRow.ingested_at)).where(ArticleRow.run_id == row.id)
            )
            last_error = s.scalar(
                select(func.max(IngestErrorRow.recorded_at)).where(IngestErrorRow.run_id == row.id)
            )
            last = max(
                _aware(t) for t in (row.started_at, last_article, last_error) if t is not None
            )
            if now - last < idle:
                continue
            row.articles_added = (
                s.scalar(
                    select(func.count()).select_from(ArticleRow).where(ArticleRow.run_id == row.id)
                )
                or 0
            )
            errors = (
                s.scalar(
                    select(func.count())
                    .select_from(IngestErrorRow)
                    .where(IngestErrorRow.run_id == row.id)
                )
                or 0
            )
            s.add(
                IngestErrorRow(
                    run_id=row.id,
                    origin=f"ingest run {row.id}",
                    article_id=None,
                    cause="the ingest stopped before it finished (killed or crashed); "
                    f"the {row.articles_added} article(s) it stored are kept",
                    fix="rerun the same ingest: stored articles are skipped, the rest added",
                    recorded_at=now,
                )
            )
            row.failures = errors + 1
            row.finished_at = last
            closed.append(row.id)
    return closed


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; ours are all UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _storable(value: str) -> str:
    """``value`` with NUL and lone surrogates (a file name's undecodable bytes) replaced
    by U+FFFD: a failure names what it could not read, and must itself be writable."""
    return _UNSTORABLE.sub("\ufffd", value)
