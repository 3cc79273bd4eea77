"""Who held which office when: partial dates compared as intervals.

A date known to the year only ("2018") is the whole year, so a role that ended in March 2018
and one that began in April both overlap it; the resolver then lists both as candidates
instead of picking one.
"""

from __future__ import annotations

from kroniek.actors.kb import Person, Role
from kroniek.model import PartialDate

# Role rank when a person holds several offices at once: the one that decides country/sector.
RANK = ("supreme_leader", "head_of_state", "head_of_government", "igo_leader", "vice_president",
        "deputy_head_of_government", "foreign_minister", "defence_minister", "interior_minister",
        "finance_minister", "minister", "igo_official", "military_chief", "legislature_speaker",
        "judge", "opposition_leader", "party_leader", "rebel_leader")
_RANK = {r: i for i, r in enumerate(RANK)}


def lo(value: str | None) -> str:
    return (value + "-00-00"[len(value) - 4:]) if value else "0000-00-00"


def hi(value: str | None) -> str:
    return (value + "-99-99"[len(value) - 4:]) if value else "9999-99-99"


def span(date: PartialDate | None) -> tuple[str, str] | None:
    return (lo(date.value), hi(date.value)) if date else None


def active(role: Role, date: PartialDate | None) -> bool:
    """Held at the date; with no date: held now (no end)."""
    if date is None:
        return role.end is None
    d_lo, d_hi = lo(date.value), hi(date.value)
    return (role.start is None or lo(role.start) <= d_hi) and (
        role.end is None or hi(role.end) >= d_lo)


def role_at(person: Person, date: PartialDate | None) -> Role | None:
    roles = [r for r in person.roles if active(r, date)]
    return min(roles, key=lambda r: _RANK.get(r.role, 99)) if roles else None


def last_role(person: Person, date: PartialDate | None) -> Role | None:
    """The most recent office that began before the date (for former office holders)."""
    d_hi = hi(date.value) if date else "9999-99-99"
    past = [r for r in person.roles if r.start is None or lo(r.start) <= d_hi]
    return max(past, key=lambda r: lo(r.start)) if past else None


# How long before a person's first recorded office a bare surname may already mean them: people
# are in the news some years before they take office (a candidate, a minister-to-be), not decades.
KNOWN_BEFORE_YEARS = 10


def known_by(person: Person, date: PartialDate | None) -> bool:
    """Whether a document of ``date`` can mean ``person`` by surname alone: not when every
    recorded office starts much later ("Guillaume" in a 2000 article is not the grand duke who
    took office in 2025)."""
    if date is None:
        return True
    starts = [lo(r.start) for r in person.roles if r.start]
    if len(starts) < len(person.roles) or not starts:
        return True
    first = min(starts)
    year = int(first[:4]) - KNOWN_BEFORE_YEARS
    return hi(date.value) >= f"{year:04d}{first[4:]}"
