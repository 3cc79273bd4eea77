"""Find place names in text and pick the place each one means.

Spans come from two sources: LOC entities when NER ran, and the gazetteer matched on capitalised
word sequences so that places are found without NER too. A name is trusted by how likely it is
to be a place: countries, curated names and big cities always; small towns and names that are
also ordinary words ("Best", "Split") only with evidence (a LOC entity, a locative preposition,
their country elsewhere in the document). Names inside a person or organisation, after a title
("president Obama"), or glued to another capitalised word ("Georgia Tech") are not places.
Ambiguous names are settled by population and by the countries the document mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kroniek import lang as lang_data
from kroniek.model import Entity, Place
from kroniek.places.gazetteer import Entry, Index, _geonames, index, key

_TOKEN = re.compile(r"'s-\w+(?:-\w+)*|\w+(?:[-.]\w+|['\u2019](?!s\b)\w+)*")
MAX_WORDS = 6
SMALL = 100_000


@dataclass
class Mention:
    start: int
    end: int
    entries: list[Entry]
    evidence: bool  # something beyond the name says this is a place


@dataclass(frozen=True)
class Words:
    titles: frozenset[str]
    locative: frozenset[str]
    not_places: frozenset[str]


@cache
def words(code: str) -> Words:
    data = lang_data.load(code, "places") or {}
    return Words(frozenset(w.lower() for w in data.get("titles") or []),
                 frozenset(w.lower() for w in data.get("locative_before") or []),
                 frozenset(key(w) for w in data.get("not_places") or []))


@cache
def neighbours() -> dict[str, frozenset[str]]:
    _, countries, _ = _geonames()
    iso3 = {cc: c.get("iso3") for cc, c in countries.items()}
    return {c["iso3"]: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
            for c in countries.values() if c.get("iso3")}


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word.startswith("'s-")


def _sentence_initial(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    if k == 0:
        return True
    gap = text[tokens[k - 1].end():tokens[k].start()]
    return bool(re.search(r"[.!?:\u201c\"]", gap)) or "\n\n" in gap


def _scan(text: str, idx: Index) -> list[tuple[int, int, int, int]]:
    """(first token, last token, start, end) of every longest gazetteer name in the text."""
    tokens = list(_TOKEN.finditer(text))
    out: list[tuple[int, int, int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].group(0)
        if not _is_cap(tok) or key(tok) not in idx.first_words:
            i += 1
            continue
        for n in range(min(idx.max_words, MAX_WORDS, len(tokens) - i), 0, -1):
            j = i + n - 1
            span = text[tokens[i].start():tokens[j].end()]
            if key(span) in idx.by_key and (n == 1 or _is_cap(tokens[j].group(0))):
                out.append((i, j, tokens[i].start(), tokens[j].end()))
                i = j
                break
        i += 1
    return out


def _overlaps(entities: list[Entity], start: int, end: int, labels: set[str]) -> Entity | None:
    for e in entities:
        if e.label in labels and e.start < end and start < e.end:
            return e
    return None


def mentions(text: str, code: str, entities: list[Entity]) -> list[Mention]:
    idx, w = index(code), words(code)
    tokens = list(_TOKEN.finditer(text))
    found: list[Mention] = []
    for i, j, start, end in _scan(text, idx):
        if _overlaps(entities, start, end, {"PER", "ORG", "MISC"}):
            continue
        loc = _overlaps(entities, start, end, {"LOC"})
        prev = tokens[i - 1].group(0) if i > 0 else ""
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if prev.lower().rstrip(".") in w.titles:
            continue
        glued_after = nxt is not None and _is_cap(nxt.group(0)) and text[end:nxt.start()] in (" ", "-")
        glued_before = (i > 0 and _is_cap(prev) and not _sentence_initial(text, tokens, i - 1)
                        and text[tokens[i - 1].end():start] in (" ", "-"))
        if (glued_after or glued_before) and loc is None:
            continue
        entries = idx.get(text[start:end])
        evidence = loc is not None or (prev.lower() in w.locative and not _is_cap(prev[:1]))
        evidence = evidence or (prev.lower() in w.locative and _sentence_initial(text, tokens, i - 1))
        if nxt is not None and text[end:nxt.start()].strip() == ",":
            evidence = evidence or any(e.kind != "city" for e in idx.get(nxt.group(0)))
        found.append(Mention(start, end, entries, evidence))
    seen = {(m.start, m.end) for m in found}
    for e in entities:  # LOC entities the capitalised scan missed ("de Krim" → "Krim")
        if e.label != "LOC" or any(m.start < e.end and e.start < m.end for m in found):
            continue
        entries = idx.get(e.text)
        if entries and (e.start, e.end) not in seen:
            found.append(Mention(e.start, e.end, entries, True))
    found.sort(key=lambda m: m.start)
    return found


def _trusted(m: Mention, text: str, w: Words, context: set[str]) -> bool:
    if m.evidence:
        return True
    strong = [e for e in m.entries if e.kind != "city" or e.curated]
    if key(text[m.start:m.end]) in w.not_places:
        return any(e.kind == "country" for e in m.entries)
    if strong or any(e.population >= SMALL and not e.alternate for e in m.entries):
        return True
    return any(e.iso3 in context for e in m.entries)


def _score(e: Entry, context: set[str], near: set[str]) -> float:
    s = e.weight
    s += {"country": 2.0, "region": 0.0, "city": 0.0}[e.kind]
    s += 1.5 if e.curated else 0.0
    s -= 0.5 if e.alternate else 0.0
    if e.iso3 in context:
        s += 3.0
    elif e.iso3 in near:
        s += 1.0
    return s


def _candidates(m: Mention) -> list[Entry]:
    """A place's own name outranks another place's alternate spelling ("New Delhi", "Islamabad")."""
    main = [e for e in m.entries if not e.alternate]
    return main or m.entries


def _neighbour_mentions(text: str, found: list[Mention], i: int) -> set[str]:
    """Countries of a place written next to this one with a comma: "Paris, Texas", "Atlanta, Georgia"."""
    out: set[str] = set()
    for j in (i - 1, i + 1):
        if 0 <= j < len(found):
            a, b = (found[j], found[i]) if j < i else (found[i], found[j])
            if text[a.end:b.start].strip() == "," and "\n" not in text[a.end:b.start]:
                out |= {e.iso3 for e in _candidates(found[j]) if e.iso3}
    return out


def find(text: str, code: str, entities: list[Entity] | None = None,
         context_countries: set[str] | None = None) -> list[Place]:
    """Places named in ``text``, each with a name, ISO3 country and a point."""
    if not isinstance(text, str) or not text or lang_data.load(code, "places") is None:
        return []
    w = words(code)
    found = mentions(text, code, list(entities or []))
    given = set(context_countries or ())
    sources: dict[str, set[int]] = {}
    for i, m in enumerate(found):  # what each mention says about the document's countries
        cands = _candidates(m)
        if not cands or not _trusted(m, text, w, set()):
            continue
        best = max(cands, key=lambda e: (_score(e, set(), set()), e.population))
        if best.iso3:
            sources.setdefault(best.iso3, set()).add(i)
    table = neighbours()
    out: list[Place] = []
    for i, m in enumerate(found):
        # a mention is not its own evidence: "Georgia" must not vote for Georgia the country
        context = given | {c for c, src in sources.items() if src - {i}}
        if not m.entries or not _trusted(m, text, w, context):
            continue
        near = set().union(*(table.get(c, frozenset()) for c in context)) if context else set()
        beside = _neighbour_mentions(text, found, i)
        best = max(_candidates(m), key=lambda e: (_score(e, context, near) + (3.0 if e.iso3 in beside else 0.0),
                                                  e.population))
        out.append(Place(text[m.start:m.end], m.start, m.end, best.name, best.iso3, best.lat, best.lon))
    return out
