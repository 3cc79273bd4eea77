"""A stand-in for the actors stage, for developing and testing the coder before it exists.

Only used when asked (``[events] standin_actors = true``) and only on a document the real actors
stage left without mentions: country names (pycountry, Dutch names from babel), a short table of
nationality adjectives, international organisations and a few leaders. It is deliberately small
and is no substitute for ``kroniek.actors``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from kroniek.model import Actor, Analysis, Span


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str | None]]]:
    import pycountry
    from babel import Locale

    names: dict[str, tuple[str, str, str | None]] = {}
    nl = Locale("nl").territories
    for c in pycountry.countries:
        for n in {c.name, getattr(c, "common_name", c.name), nl.get(c.alpha_2, c.name)}:
            if n and "," not in n:
                names[n] = (c.alpha_3, "country", c.alpha_3)
    raw = yaml.safe_load(resources.files("kroniek.events").joinpath(
        "data", "standin_actors.yaml").read_text("utf-8"))
    for code, words in (raw.get("countries") or {}).items():
        for w in words:
            names[w] = (code, "country", code)
    for code, words in (raw.get("organizations") or {}).items():
        for w in words:
            names[w] = (code, "organization", None)
    for ident, spec in (raw.get("people") or {}).items():
        for w in spec["names"]:
            names[w] = (ident, "person", spec["country"])
    alts = sorted(names, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return rx, names


def fill(analysis: Analysis) -> None:
    """Fill ``analysis.actor_mentions`` from the stand-in table (only if it is empty)."""
    if analysis.actor_mentions:
        return
    rx, names = _table()
    for m in rx.finditer(analysis.doc.text):
        ident, kind, country = names[m.group(1)]
        analysis.actor_mentions.append(Actor(ident, m.group(1), kind, country,  # type: ignore[arg-type]
                                             mention=Span(m.group(1), m.start(), m.end())))
