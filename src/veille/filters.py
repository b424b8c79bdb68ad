"""Checks of the event filters a person types, shared by the CLI and the API.

A filter that can match nothing because it is misspelt (``--country France``, ``--type
"armed clash "``) is an error that names the value and the closest valid one, not an
empty result. Each check returns the canonical value or raises ``QueryError``; ``where``
is the option or parameter name, as the caller's user wrote it.
"""

from __future__ import annotations

import difflib
from datetime import date

from veille.errors import QueryError

CLAIM_STATUSES = ("claimed", "reported", "confirmed", "denied")


def _closest(value: str, names: list[str]) -> str | None:
    by_lower = {n.lower(): n for n in names}
    found = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def check_country(value: str, where: str = "country") -> str:
    """An ISO 3166-1 alpha-3 code in any case (``syr``) -> ``SYR``."""
    from veille.export._countries import country_table

    table = country_table()
    code = value.strip().upper()
    if code in table:
        return code
    by_name = {c.name.lower(): c.iso3 for c in table.values()}
    named = by_name.get(value.strip().lower())
    if named is None:
        close = _closest(value.strip(), [c.name for c in table.values()])
        named = by_name[close.lower()] if close else None
    fix = (
        f"use {named} ({table[named].name})"
        if named
        else "use an ISO3 code such as SYR, IRQ, MLI or BFA"
    )
    raise QueryError(f"{value!r} is not an ISO3 country code", where=where, fix=fix)


def check_choice(value: str, choices: list[str] | tuple[str, ...], where: str, kind: str) -> str:
    """``value`` as the one of ``choices`` it names, ignoring case and outer spaces."""
    by_lower = {c.lower(): c for c in choices}
    found = by_lower.get(" ".join(value.split()).lower())
    if found is not None:
        return found
    close = _closest(value.strip(), list(choices))
    fix = f"did you mean {close!r}?" if close else "use one of " + ", ".join(choices)
    raise QueryError(f"{value!r} is not an ACLED {kind}", where=where, fix=fix)


def check_sub_event_type(value: str, where: str = "type") -> str:
    """An ACLED sub-event type in any case (``armed clash``) -> ``Armed clash``."""
    from veille.extract.taxonomy import SUB_EVENT_TYPES

    return check_choice(value, list(SUB_EVENT_TYPES), where, "sub-event type")


def check_event_type(value: str, where: str = "event_type") -> str:
    """An ACLED event type in any case (``battles``) -> ``Battles``."""
    from veille.extract.taxonomy import EVENT_TYPES

    return check_choice(value, EVENT_TYPES, where, "event type")


def check_claim(value: str, where: str = "claim") -> str:
    if value.strip().lower() in CLAIM_STATUSES:
        return value.strip().lower()
    raise QueryError(
        f"{value!r} is not a claim status", where=where, fix="use " + ", ".join(CLAIM_STATUSES)
    )


def parse_day(value: str, where: str) -> date:
    """A ``YYYY-MM-DD`` date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(
            f"{value!r} is not a date", where=where, fix="use YYYY-MM-DD, e.g. 2024-02-05"
        ) from None
