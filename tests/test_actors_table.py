"""Scoring of the actor test tables (tests/data/actors-*.jsonl), shared by the tests.

Each line: a text written for the project, its document date, and mentions with the actor id a
careful human coder gives them ("-" = not an actor here, e.g. a capital used as a place;
``"loc:<slug>"`` = a location the resolver must name as such). ``"Lavrov@2"`` is the second
occurrence. A mention counts as right when the actor whose span overlaps it has that id.
An optional ``"entities": [["Kherson", "PER"], ...]`` gives what NER tagged (first occurrence
of each text), for rows about what the resolver makes of NER's labels.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kroniek.actors import resolve_mentions
from kroniek.model import Entity, PartialDate

DATA = Path(__file__).parent / "data"


def locate(text: str, mention: str) -> tuple[int, int]:
    name, _, nth = mention.partition("@")
    found = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    if len(found) < int(nth or 1):
        raise ValueError(f"{mention!r} not in {text!r}")
    m = found[int(nth or 1) - 1]
    return m.start(), m.end()


def score(lang: str, people_path: str | None) -> tuple[int, int, list[str]]:
    right, total, misses = 0, 0, []
    for line in (DATA / f"actors-{lang}.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        date = PartialDate.parse(item["date"]) if item.get("date") else None
        entities = [Entity(t, label, *locate(item["text"], t))
                    for t, label in item.get("entities", [])] or None
        actors = resolve_mentions(item["text"], lang, date, entities, people_path)
        for mention, want in item["mentions"]:
            s, e = locate(item["text"], mention)
            hits = [a for a in actors if a.mention and (a.kind != "location" or
                                                        want.startswith("loc:"))
                    and a.mention.start < e and s < a.mention.end]
            hits.sort(key=lambda a: -(min(e, a.mention.end) - max(s, a.mention.start)))
            got = hits[0].id if hits else "-"
            total += 1
            if got == want:
                right += 1
            else:
                misses.append(f"{item['date']} {mention!r}: want {want}, got {got}"
                              f"{' ' + str(hits[0].candidates) if hits and hits[0].candidates else ''}")
    return right, total, misses
