"""Is a capitalised name a place? Asks the places stage's gazetteer (read-only).

NER sometimes tags a bare city ("Kherson was shelled", "Marioepol werd belegerd") as a person,
and a capitalised run after an office word looks like a name. When the gazetteer knows the name
as a place and the actor base knows no person by it, the mention is a location, with the
country the gazetteer gives (the curated sense first, then a country the document names, then
the biggest place), so that no made-up ``unk:`` person reaches the event coder.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _index(lang: str) -> Any:
    try:
        from kroniek.places.gazetteer import index
        return index(lang)
    except Exception:  # no gazetteer for this language: nothing is known as a place
        return None


def warm(lang: str | None) -> None:
    """Build the gazetteer now (in ``create``), not on the first document that needs it."""
    _index(lang or "en")


def place_country(name: str, lang: str | None, doc_countries: frozenset[str] | set[str]
                  ) -> tuple[bool, str | None]:
    """``(known as a place, its ISO3 or None)``."""
    idx = _index(lang or "en")
    if idx is None or not name.strip():
        return False, None
    entries = idx.get(name)
    if not entries:
        return False, None
    best = max(entries, key=lambda e: (e.curated, e.iso3 in doc_countries, e.kind != "city",
                                       not e.alternate, e.population))
    return True, best.iso3
