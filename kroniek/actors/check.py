"""Consistency checks over the shipped actor data (``kroniek actors check``).

Beyond the schema: ids unique across all kinds, people's roles pointing to known countries and
organisations, and aliases that two different actors share (a shared alias is not always wrong
— "Washington" the capital and a person — but it must be a conscious choice, so it is listed).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from kroniek.actors.index import agent_data
from kroniek.actors.kb import DATA, KB, validator
from kroniek.actors.normalize import key_of
from kroniek.lang import available


def check_kb(kb: KB) -> list[str]:
    problems = list(kb.errors)
    seen: dict[str, str] = {}
    for kind, ids in (("country", kb.countries), ("organization", kb.organizations),
                      ("person", kb.people)):
        for i in ids:
            if i in seen:
                problems.append(f"duplicate id {i!r} ({seen[i]} and {kind})")
            seen[i] = kind
    problems += _duplicate_ids_in_files(kb)
    for p in kb.people.values():
        for r in p.roles:
            if r.country and r.country not in kb.countries:
                problems.append(f"person {p.id}: unknown country {r.country!r}")
            if r.org and r.org not in kb.organizations:
                problems.append(f"person {p.id}: unknown organisation {r.org!r}")
            if r.sector not in kb.sectors:
                problems.append(f"person {p.id}: unknown sector {r.sector!r}")
            if r.start and r.end and r.end < r.start:
                problems.append(f"person {p.id}: role {r.role} ends before it starts")
    for o in kb.organizations.values():
        if o.parent and o.parent not in kb.organizations:
            problems.append(f"organization {o.id}: unknown parent {o.parent!r}")
        seen_chain, up = {o.id}, o.parent
        while up and up in kb.organizations:
            if up in seen_chain:
                problems.append(f"organization {o.id}: parent chain loops back to {up!r}")
                break
            seen_chain.add(up)
            up = kb.organizations[up].parent
        if o.sector not in kb.sectors:
            problems.append(f"organization {o.id}: unknown sector {o.sector!r}")
    for inst in kb.institutions:
        first = next((w for ws in inst.names.values() for w in ws), "?")
        if inst.country not in kb.countries:
            problems.append(f"institution {first!r}: unknown country {inst.country!r}")
        if inst.sector not in kb.sectors:
            problems.append(f"institution {first!r}: unknown sector {inst.sector!r}")
    problems += _shared_aliases(kb)
    problems += _lang_packs(kb)
    return problems


def _duplicate_ids_in_files(kb: KB) -> list[str]:
    # loaders key by id, so a second entry with the same id would silently win: count raw ids
    out = []
    files = ["countries.yaml", "organizations.yaml", "sectors.yaml"]
    paths = [DATA / f for f in files] + ([Path(kb.people_file)] if kb.people_file else [])
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text("utf-8")) or []
        except (OSError, yaml.YAMLError):
            continue  # already reported by the loader
        counts: dict[str, int] = defaultdict(int)
        for e in data if isinstance(data, list) else []:
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                counts[e["id"]] += 1
        out += [f"{path.name}: duplicate id {i!r} ({n} entries)" for i, n in counts.items()
                if n > 1]
    return out


def _shared_aliases(kb: KB) -> list[str]:
    """Full names (not surnames, which are shared by design) claimed by two actors."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for c in kb.countries.values():
        for per_lang in (c.names, c.adjectives, c.people):
            for words in per_lang.values():
                for w in words:
                    owners[key_of(w)].add(c.id)
    for o in kb.organizations.values():
        for words in o.names.values():
            for w in words:
                owners[key_of(w)].add(o.id)
    for inst in kb.institutions:
        for words in inst.names.values():
            for w in words:
                owners[key_of(w)].add(f"{inst.country}-{inst.sector}")
    for p in kb.people.values():
        for w in [p.name, *p.aliases]:
            owners[key_of(w)].add(p.id)
    return [f"alias {' '.join(k)!r} shared by {', '.join(sorted(v))}"
            for k, v in sorted(owners.items()) if len(v) > 1]


def _lang_packs(kb: KB) -> list[str]:
    out = []
    for lang in available():
        data = agent_data(lang)
        if not data:
            continue
        out += [f"lang/{lang}/agents.yaml: error K402 invalid actor data: {e.message}"
                for e in validator("agents").iter_errors(data)]
        for spec in data.get("agents", []):
            if spec["sector"] not in kb.sectors:
                out.append(f"lang/{lang}/agents.yaml: unknown sector {spec['sector']!r}")
            if spec.get("org") and spec["org"] not in kb.organizations:
                out.append(f"lang/{lang}/agents.yaml: unknown organisation {spec['org']!r}")
    return out
