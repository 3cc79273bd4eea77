"""Stage `places`: place names found, disambiguated and geocoded from an offline gazetteer.

``find`` is the entry point; ``attached`` gives the event coder the place of an event's clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from kroniek import lang as lang_data
from kroniek.model import Analysis, Entity, Place
from kroniek.nlp.tree import governs
from kroniek.places.gazetteer import index
from kroniek.places.matcher import find as _find
from kroniek.text import sentences as _sentences

__all__ = ["attached", "create", "find"]


def find(text: str, lang: str, entities: list[Entity] | None = None) -> list[Place]:
    """Places in ``text`` (character offsets), using LOC ``entities`` when NER ran."""
    try:
        return _find(text, lang, entities)
    except (KeyError, ValueError, TypeError):  # malformed input never takes the pipeline down
        return []


def _actor_countries(analysis: Analysis) -> set[str]:
    """Countries the document names as such. A person's nationality is no evidence of where
    things happen ("Biden held talks with Putin in Geneva" is not about Geneva, Illinois)."""
    return {a.country for a in analysis.actor_mentions
            if a.kind == "country" and isinstance(a.country, str) and len(a.country) == 3}


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    """Build the language's gazetteer index once (about a second); the stage then only matches."""
    if lang_data.load(lang, "places") is not None:
        index(lang)

    def stage(analysis: Analysis) -> None:
        try:
            found = _find(analysis.doc.text or "", analysis.lang, analysis.entities,
                          _actor_countries(analysis))
        except (KeyError, ValueError, TypeError):
            found = []
        # The time stage ran first: a word it read as a date ("in March", "op Pasen") is not a
        # place, whatever town happens to share the name.
        dates = [(d.start, d.end) for d in analysis.dates]
        analysis.places = [p for p in found
                           if not any(s < p.end and p.start < e for s, e in dates)]

    return stage


@cache
def _locative_cues(lang: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """One compiled alternation of the language's locative phrases (built once: the event step
    asks this for every place of every event's sentence) and its locative words."""
    data = lang_data.load(lang, "places") or {}
    phrases = sorted({p.lower() for p in data.get("locative_phrases") or []}, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})\s+(?:\w+\s+)?$") \
        if phrases else None
    return pattern, frozenset(w.lower() for w in data.get("locative_before") or [])


_LAST_WORD = re.compile(r"(\w+)\s+$")


def _locative(text: str, place: Place, lang: str) -> bool:
    pattern, words = _locative_cues(lang)
    before = text[max(0, place.start - 40):place.start].lower()
    if pattern is not None and pattern.search(before):
        return True
    m = _LAST_WORD.search(before)
    return bool(m and m.group(1) in words)


def attached(analysis: Analysis, start: int, end: int) -> Place | None:
    """The place of the clause at ``[start, end)``: in its sentence, preferring one the parse
    hangs on the trigger, then one after a locative word ("in Singapore", "aan de grens met"),
    then the nearest. None when the sentence names no place."""
    text = analysis.doc.text or ""
    bounds = analysis.sentences or _sentences.split(text)
    sent = _sentences.containing(bounds, start, max(end, start + 1)) or (0, len(text))
    inside = [p for p in analysis.places if sent[0] <= p.start and p.end <= sent[1]]
    if not inside:
        return None

    def rank(p: Place) -> tuple[int, int, int]:
        governed = analysis.nlp_doc is not None and governs(analysis.nlp_doc, p.start, p.end, (start, end))
        distance = max(p.start - end, start - p.end, 0)
        return (0 if governed else 1, 0 if _locative(text, p, analysis.lang) else 1, distance)

    return min(inside, key=rank)
