"""The PLOVER ontology and the CAMEO facts behind each event (types, modes, contexts, scores).

Kept as packaged data (``events/data``, CC BY-SA 4.0 for the PLOVER parts) so that the coder
never reads the shared data folder at run time. Patterns name a CAMEO code; from it come the
Goldstein score and the QuadClass, and, when the pattern is silent, the PLOVER mode and contexts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

TYPES_ORDER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    requires_recipient: bool
    default_cameo: str
    score: float
    modes: tuple[str, ...]


@dataclass(frozen=True)
class Cameo:
    """One row of CAMEO2PLOVER: a CAMEO code and what PLOVER makes of it."""

    code: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str
    goldstein: float | None = None
    quad_class: int | None = None


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    contexts: tuple[str, ...]
    cameo: dict[str, Cameo] = field(default_factory=dict)

    def is_mode(self, event_type: str, mode: str | None) -> bool:
        return mode is None or mode in self.types[event_type].modes

    def cameo_for(self, event_type: str, code: str | None) -> Cameo:
        """The CAMEO row for ``code``, or the type's default row when the code is unknown."""
        if code and code in self.cameo:
            return self.cameo[code]
        return self.cameo[self.types[event_type].default_cameo]


def _data(name: str) -> str:
    return resources.files("kroniek.events").joinpath("data", name).read_text("utf-8")


def _tsv(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _data(name).splitlines()[2:]:  # comment line + header line
        parts = line.split("\t")
        if len(parts) == 2:
            out[parts[0].strip()] = parts[1].strip()
    return out


def _lookup_up(table: dict[str, str], code: str) -> str | None:
    """CAMEO codes are hierarchical: a 4-digit code missing from a table takes its parent's."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _cameo_rows(types: dict[str, EventType]) -> dict[str, Cameo]:
    gold = _tsv("cameo_goldstein.tsv")
    quad = _tsv("cameo_quadclass.tsv")
    rows: dict[str, Cameo] = {}
    for line in _data("CAMEO2PLOVER-2021.txt").splitlines():
        if line.startswith("#") or ":" not in line or "," not in line:
            continue
        code, _, rest = line.partition(":")
        body, _, desc = rest.partition("#")
        parts = [p.strip() for p in body.split(",")]
        etype = parts[0].upper()
        if etype not in types:
            continue
        mode = (parts[1] if len(parts) > 1 else "") or None
        if mode and mode not in types[etype].modes:
            mode = None  # CAMEO2PLOVER predates some mode names; keep only the manual's
        contexts = tuple(c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";")
                         if c.strip())
        code = code.strip()
        g = _lookup_up(gold, code)
        q = quad.get(code[:2])
        rows[code] = Cameo(code, etype, mode, contexts, desc.strip(),
                           float(g) if g is not None else None, int(q) if q is not None else None)
    return rows


@cache
def load() -> Ontology:
    raw = yaml.safe_load(_data("plover.yaml"))
    types = {name: EventType(name, spec["quad"], bool(spec["requires_recipient"]),
                             str(spec["default_cameo"]), float(spec["score"]),
                             tuple(spec.get("modes") or ()))
             for name, spec in raw["types"].items()}
    return Ontology(types, tuple(raw["contexts"]), _cameo_rows(types))
