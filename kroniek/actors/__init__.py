"""Stage `actors` of the pipeline: who acts in a text, resolved against the actor base.

The knowledge base is YAML under ``kroniek/actors/data/`` (countries, organisations, sectors,
people with dated roles); the words for generic agents are language data
(``kroniek/lang/<code>/agents.yaml``). Everything expensive (YAML, schema validation, the alias
index) is built once and cached; resolving a document is a token scan plus dict lookups.

Public API: :func:`create` (the stage), :func:`resolve_mentions` (pure), :func:`lookup`,
:func:`check`, :func:`parent_of` and :func:`ancestors` (organisation hierarchy).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kroniek.actors.check import check_kb
from kroniek.actors.gazetteer import warm as warm_gazetteer
from kroniek.actors.index import build_index
from kroniek.actors.kb import load as load_kb
from kroniek.actors.normalize import key_of, tokenize
from kroniek.actors.resolve import Resolver
from kroniek.model import Actor, Analysis, Entity, PartialDate, Span

__all__ = ["create", "resolve_mentions", "lookup", "check", "parent_of", "ancestors"]


def _people_path(config: dict[str, Any] | None) -> str | None:
    """``[actors] people = "path.yaml"`` in the config overrides the shipped people.yaml."""
    value = ((config or {}).get("actors") or {}).get("people")
    return str(value) if value else None


def resolve_mentions(text: str, lang: str, date: PartialDate | None,
                     entities: list[Entity] | None = None,
                     people_path: str | None = None, nlp_doc: Any = None) -> list[Actor]:
    """Every actor mention in ``text`` (one :class:`Actor` per mention, in text order).

    ``nlp_doc`` (a spaCy Doc of ``text``) is optional: with it, a capital's grammatical role
    decides place versus government, and sentences come from the parse."""
    if not isinstance(text, str) or not text.strip():
        return []
    idx = build_index(lang if lang in ("nl", "en") or _has_pack(lang) else None, people_path)
    return Resolver(text, idx, load_kb(people_path), date, entities, nlp_doc).run()


def _has_pack(lang: str | None) -> bool:
    from kroniek import lang as lang_data
    return bool(lang) and lang_data.load(str(lang), "agents") is not None


def attach(entities: list[Entity], actors: list[Actor]) -> None:
    """Give each entity the actor whose mention overlaps it most."""
    for ent in entities:
        best, best_overlap = None, 0
        for a in actors:
            if a.mention is None or a.kind == "location":
                continue
            overlap = min(ent.end, a.mention.end) - max(ent.start, a.mention.start)
            if overlap > best_overlap:
                best, best_overlap = a, overlap
        ent.actor = best


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    """Build the index for ``lang`` now, so that documents only pay for the scan."""
    people = _people_path(config)
    build_index(lang if _has_pack(lang) else None, people)
    warm_gazetteer(lang)  # read when NER tags a place as a person

    def stage(analysis: Analysis) -> None:
        actors = resolve_mentions(analysis.doc.text, analysis.lang, analysis.doc.date,
                                  analysis.entities, people,
                                  getattr(analysis, "nlp_doc", None))
        analysis.actor_mentions = actors
        attach(analysis.entities, actors)

    return stage


def lookup(name: str, date: PartialDate | None = None, lang: str | None = None,
           people_path: str | None = None) -> list[Actor]:
    """Actors a name can stand for (all of them when ambiguous), at ``date``."""
    if not isinstance(name, str) or not key_of(name):
        return []
    idx = build_index(lang, people_path)
    kb = load_kb(people_path)
    key = key_of(name)
    articles = idx.glue.get("articles", frozenset())
    while len(key) > 1 and key[0] in articles:  # "het Kremlin", "the White House"
        key = key[1:]
    r = Resolver(name, idx, kb, date, None)
    sp = Span(name, 0, len(name))
    out: dict[str, Actor] = {}
    for e in idx.keys.get(key, []):
        if e.kind in ("person", "surname"):
            a = r.person(e.target, sp)
        elif e.kind in ("country", "adj", "people"):
            a = r.country(e.target, sp)
        elif e.kind == "one":
            a = r.group(e.target, e.sector or "CVL", sp)
        elif e.kind in ("seat", "inst"):
            a = r.group(e.target, e.sector or "GOV", sp)
        elif e.kind in ("org", "org_seat"):
            a = r.org(e.target, sp)
        elif e.kind == "agent":
            a = r.group(None, e.sector or "GOV", sp)
        else:
            continue
        out.setdefault(a.id, a)
    if out:
        return list(out.values())
    tokens = tokenize(name)
    return [a for a in r.run() if a.mention and tokens and
            a.mention.start == tokens[0].start and a.mention.end == tokens[-1].end]


def parent_of(org_id: str) -> str | None:
    """The organisation ``org_id`` belongs to ("UNSC" -> "UN", "EC" -> "EU"), or None.

    For the UN the parent means "part of the UN system" (organs, funds and programmes,
    specialised agencies, related organisations), so an evaluator may count a body's action
    as its parent's. Unknown ids and top-level organisations give None."""
    if not isinstance(org_id, str):
        return None
    org = load_kb().organizations.get(org_id)
    return org.parent if org is not None and org.parent else None


def ancestors(org_id: str) -> list[str]:
    """All organisations above ``org_id``, nearest first ("ECHR" -> ["COE"]); a cycle in the
    data stops the walk instead of looping."""
    out: list[str] = []
    parent = parent_of(org_id)
    while parent is not None and parent not in out and parent != org_id:
        out.append(parent)
        parent = parent_of(parent)
    return out


def check(people_path: str | None = None) -> list[str]:
    """Problems in the shipped actor data; empty when all is well."""
    return check_kb(load_kb(people_path))
