"""A readable table of events for the terminal (``--format table``, ``make run``)."""

from __future__ import annotations

from typing import TextIO

from veille.model import Event


def render_table(events: list[Event], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(events)} event(s)", show_lines=False, expand=False)
    for col in ("date", "type", "actor 1", "actor 2", "place", "claim", "deaths", "src"):
        table.add_column(col, overflow="fold")
    for e in events:
        when = e.event_date.isoformat() if e.event_date else "?"
        if e.time_of_day:
            when += f" {e.time_of_day}"
        place = "?"
        if e.location:
            place = f"{e.location.name} ({e.location.iso3 or '?'}, p{e.location.geo_precision})"
        claim: str = e.claim.status if e.claim else ""
        if e.claim and e.claim.by:
            claim += f" by {e.claim.by}"
        table.add_row(
            when,
            e.sub_event_type,
            e.actor1.name if e.actor1 else "-",
            e.actor2.name if e.actor2 else "-",
            place,
            claim,
            "" if e.fatalities is None else str(e.fatalities),
            str(len({s.source_id for s in e.sources})),
        )
    Console(file=out, width=160, force_terminal=False).print(table)
