"""The dictionaries test themselves: every pattern's example sentences are coded and compared.

Used by ``tests/test_event_patterns.py`` and handy while writing patterns::

    python -m kroniek.events.selftest en
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kroniek.model import Actor, Document, Event, PartialDate


@dataclass
class Example:
    lang: str
    pattern: str
    text: str
    expect: dict[str, Any] | None  # None: the sentence states no event


def examples(lang: str) -> list[Example]:
    from kroniek import lang as lang_data

    raw = lang_data.load(lang, "events", default=None) or {}
    out: list[Example] = []
    for p in raw.get("patterns") or []:
        for ex in p.get("examples") or []:
            out.append(Example(lang, str(p["id"]), ex["text"], ex))
    for text in raw.get("no_event_examples") or []:
        out.append(Example(lang, "no_event", text, None))
    return out


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    """Organ → parent organisation ids from the actor knowledge base ("UNSC" → "UN"); empty
    when the KB or its ``parent`` field is unavailable (the match then stays exact)."""
    try:
        from kroniek.actors.kb import load as load_kb

        kb = load_kb()
        return {oid.lower(): str(o.parent).lower() for oid, o in kb.organizations.items()
                if getattr(o, "parent", None)}
    except Exception:  # noqa: BLE001 - scoring must work without the actors KB
        return {}


def _with_parents(code: str) -> set[str]:
    out = {code}
    parents = _parents()
    while code in parents and parents[code] not in out:  # UNGA → UN; nested organs climb
        code = parents[code]
        out.add(code)
    return out


def actor_matches(actor: Actor, code: str) -> bool:
    """The evaluation's rule: an actor matches a gold entry by its country or by its id; an
    organ (UNSC, UNHCR, EP ...) also matches its parent organisation (UN, EU) in the gold."""
    code = code.lower()
    org = getattr(actor, "org", None) or ""
    mine = {(actor.country or "").lower(), actor.id.lower(), org.lower()} - {""}
    return any(code in _with_parents(m) for m in mine)


def side_matches(actors: list[Actor], codes: list[str]) -> bool:
    """Every gold entry is matched by some actor and every actor matches some gold entry."""
    return (all(any(actor_matches(a, c) for a in actors) for c in codes)
            and all(any(actor_matches(a, c) for c in codes) for a in actors))


def event_matches(e: Event, expect: dict[str, Any]) -> bool:
    if e.type != expect["type"]:
        return False
    if "source" in expect and not side_matches(e.source, list(expect["source"])):
        return False
    if "target" in expect and not side_matches(e.target, list(expect["target"])):
        return False
    if "mode" in expect and e.mode != expect["mode"]:
        return False
    if "modality" in expect and e.modality != expect["modality"]:
        return False
    return e.negated == bool(expect.get("negated", False))


def check(ex: Example, pipeline: Any) -> str | None:
    """``None`` when the example codes as expected, else what went wrong."""
    doc = Document(id=f"{ex.pattern}", text=ex.text, date=PartialDate.parse("2024-03-01"),
                   lang=ex.lang)
    analysis = pipeline.analyse(doc)
    got = [(e.type, [a.id for a in e.source], [a.id for a in e.target], e.mode, e.modality,
            e.negated, e.rule) for e in analysis.events]
    if ex.expect is None:
        return None if not analysis.events else f"expected no event, got {got}"
    if any(event_matches(e, ex.expect) for e in analysis.events):
        return None
    actors = [(a.id, a.mention.text if a.mention else None) for a in analysis.actor_mentions]
    return f"expected {ex.expect}, got {got}; actors {actors}"


def dev_pipeline(config: dict[str, Any] | None = None) -> Any:
    """A pipeline with the development actor stand-in switched on (used only where the real
    actors stage finds nothing)."""
    from kroniek.config import load
    from kroniek.pipeline import Pipeline

    cfg = config or load()
    cfg.setdefault("events", {})["standin_actors"] = True
    return Pipeline(cfg)


def main(argv: list[str]) -> int:
    lang = argv[0] if argv else "en"
    pipe = dev_pipeline()
    bad = 0
    exs = examples(lang)
    for ex in exs:
        why = check(ex, pipe)
        if why:
            bad += 1
            print(f"FAIL {ex.pattern}: {ex.text}\n     {why}")
    print(f"{len(exs) - bad}/{len(exs)} examples pass")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
