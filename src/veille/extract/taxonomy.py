"""ACLED event taxonomy (6 types, 25 sub-event types) and its PLOVER mapping.

PLOVER has 16 event types (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT,
REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT); taking
territory is COERCE with mode "seize". ACLED's "Change to group/activity" and "Other"
have no PLOVER counterpart; they map to MOBILIZE, the closest, and say so here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veille.model import Actor


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    plover: str  # PLOVER event type
    violent: bool


_POLITICAL = "Political violence"
_DEMO = "Demonstrations"
_STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, SubEventType] = {
    s.name: s
    for s in (
        # Battles
        SubEventType("Armed clash", "Battles", _POLITICAL, "ASSAULT", True),
        SubEventType("Government regains territory", "Battles", _POLITICAL, "COERCE", True),
        SubEventType("Non-state actor overtakes territory", "Battles", _POLITICAL, "COERCE", True),
        # Explosions/Remote violence
        SubEventType("Chemical weapon", "Explosions/Remote violence", _POLITICAL, "ASSAULT", True),
        SubEventType("Air/drone strike", "Explosions/Remote violence", _POLITICAL, "ASSAULT", True),
        SubEventType("Suicide bomb", "Explosions/Remote violence", _POLITICAL, "ASSAULT", True),
        SubEventType(
            "Shelling/artillery/missile attack",
            "Explosions/Remote violence",
            _POLITICAL,
            "ASSAULT",
            True,
        ),
        SubEventType(
            "Remote explosive/landmine/IED",
            "Explosions/Remote violence",
            _POLITICAL,
            "ASSAULT",
            True,
        ),
        SubEventType("Grenade", "Explosions/Remote violence", _POLITICAL, "ASSAULT", True),
        # Violence against civilians
        SubEventType("Sexual violence", "Violence against civilians", _POLITICAL, "ASSAULT", True),
        SubEventType("Attack", "Violence against civilians", _POLITICAL, "ASSAULT", True),
        SubEventType(
            "Abduction/forced disappearance",
            "Violence against civilians",
            _POLITICAL,
            "ASSAULT",
            True,
        ),
        # Protests
        SubEventType("Peaceful protest", "Protests", _DEMO, "PROTEST", False),
        SubEventType("Protest with intervention", "Protests", _DEMO, "PROTEST", False),
        SubEventType("Excessive force against protesters", "Protests", _POLITICAL, "ASSAULT", True),
        # Riots
        SubEventType("Violent demonstration", "Riots", _DEMO, "PROTEST", True),
        SubEventType("Mob violence", "Riots", _POLITICAL, "ASSAULT", True),
        # Strategic developments
        SubEventType("Agreement", "Strategic developments", _STRATEGIC, "AGREE", False),
        SubEventType("Arrests", "Strategic developments", _STRATEGIC, "COERCE", False),
        SubEventType(
            "Change to group/activity", "Strategic developments", _STRATEGIC, "CHANGE", False
        ),
        SubEventType(
            "Disrupted weapons use", "Strategic developments", _STRATEGIC, "MOBILIZE", False
        ),
        SubEventType(
            "Headquarters or base established",
            "Strategic developments",
            _STRATEGIC,
            "MOBILIZE",
            False,
        ),
        SubEventType(
            "Looting/property destruction", "Strategic developments", _STRATEGIC, "COERCE", False
        ),
        SubEventType(
            "Non-violent transfer of territory",
            "Strategic developments",
            _STRATEGIC,
            "SEIZE",
            False,
        ),
        SubEventType("Other", "Strategic developments", _STRATEGIC, "MOBILIZE", False),
    )
}

EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

# Sub-types that describe the same kind of happening at different specificity; used by
# deduplication ("explosions" then "nine rockets" are one event) and by merging.
FAMILIES: dict[str, str] = {
    "Air/drone strike": "remote",
    "Shelling/artillery/missile attack": "remote",
    "Remote explosive/landmine/IED": "remote",
    "Grenade": "remote",
    "Suicide bomb": "remote",
    "Chemical weapon": "remote",
    "Armed clash": "fight",
    "Attack": "fight",
    "Government regains territory": "territory",
    "Non-state actor overtakes territory": "territory",
    "Non-violent transfer of territory": "territory",
    "Abduction/forced disappearance": "abduction",
    "Sexual violence": "sexual",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "protest",
    "Mob violence": "riot",
    "Agreement": "agreement",
    "Arrests": "arrest",
    "Change to group/activity": "other",
    "Disrupted weapons use": "disrupted",
    "Headquarters or base established": "base",
    "Looting/property destruction": "looting",
    "Other": "other",
}


def family(sub_event_type: str) -> str:
    return FAMILIES.get(sub_event_type, sub_event_type)


def event_type_of(sub_event_type: str) -> str:
    return SUB_EVENT_TYPES[sub_event_type].event_type


def territory_side(
    sub: str, actor1: object, where: str | None = None, beside: Sequence[object] = ()
) -> str:
    """ACLED names a taking of ground by who took it: the forces of the state it lies in
    regain it (``where``: its country, when known), also with allies named beside them
    (``beside``: "Kenyan and Somali troops" in Somalia); anyone else overtakes it,
    whichever verb told it ("seized", "retook")."""
    if not isinstance(actor1, Actor) or sub not in _TAKING:
        return sub

    def own(actor: object) -> bool:
        return (
            isinstance(actor, Actor)
            and actor.inter == 1
            and (where is None or actor.country in (None, where))
        )

    return _TAKING[0] if own(actor1) or any(map(own, beside)) else _TAKING[1]


_TAKING = ("Government regains territory", "Non-state actor overtakes territory")

#: Looting and destroying property, and the families of armed acts it is part of when
#: told with one (ACLED codes "Looting/property destruction" only where no other
#: violence is: the homes an attack burnt are the attack's).
LOOTING = "Looting/property destruction"
#: Lethal force by the state against a crowd; shelling, artillery and missile fire.
EXCESSIVE_FORCE = "Excessive force against protesters"
SHELLING = "Shelling/artillery/missile attack"
#: The sub-type of a strike from the air (aircraft, drones).
AIR_STRIKE = "Air/drone strike"
#: The bomber dies by his own bomb: no platform launched it.
SUICIDE_BOMB = "Suicide bomb"
#: ACLED's riot by a crowd that is no demonstration.
MOB_VIOLENCE = "Mob violence"
DESTROYING_FAMILIES = frozenset({"fight", "remote", "abduction", "territory"})
#: The sub-types of ground taken, whoever took it.
TAKING_GROUND = frozenset(_TAKING)


def crowd_violence(sub: str, actor1: object) -> str:
    """Demonstrators who burn, wreck or attack ("protesters torched a police station")
    hold a violent demonstration (ACLED), not a looting or an armed attack."""
    if isinstance(actor1, Actor) and actor1.kind in CROWD_KINDS and sub in _CROWD_ACTS:
        return "Violent demonstration"
    return sub


#: Actor kinds of a crowd: demonstrators and rioters.
CROWD_KINDS = frozenset({"protesters", "rioters"})
_CROWD_ACTS = frozenset({"Looting/property destruction", "Attack", "Armed clash"})
