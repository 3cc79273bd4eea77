"""Stage `quotes` of the pipeline (see kroniek/pipeline.py): who said what, direct and indirect.

``find`` works on text alone (a spaCy doc, when given, only supplies sentence ends); the stage
wraps it and takes the speakers from the actors the actors stage already found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kroniek.model import Actor, Analysis, Quote
from kroniek.quotes.attribute import Attribution, attribute
from kroniek.quotes.cues import cues_for
from kroniek.quotes.indirect import reported
from kroniek.quotes.marks import segments
from kroniek.quotes.resolve import Resolver
from kroniek.quotes.tokens import sentences, tokens

__all__ = ["create", "find"]
log = logging.getLogger(__name__)


def _quote(text: str, start: int, end: int, direct: bool, att: Attribution | None,
           resolver: Resolver) -> Quote:
    if att is None:
        return Quote(text[start:end], start, end, direct)
    s, e = att.speaker
    addressee = resolver.actor(*att.addressee) if att.addressee else None
    return Quote(text[start:end], start, end, direct, resolver.actor(s, e), text[s:e], addressee)


def find(text: str, lang: str, actor_mentions: list[Actor] | None = None,
         nlp_doc: Any = None) -> list[Quote]:
    """Every direct and indirect quote in ``text``, in text order, with its speaker."""
    if not isinstance(text, str) or not text.strip():
        return []
    cues = cues_for(lang if isinstance(lang, str) else "")
    segs = segments(text, cues.elisions)
    sents = sentences(text, segs, cues.abbreviations, nlp_doc)
    sent_toks = [tokens(text, a, b, segs) for a, b in sents]
    resolver = Resolver(text, actor_mentions, segs, cues)
    out: list[Quote] = []
    for seg, att in zip(segs, attribute(text, segs, sent_toks, cues), strict=True):
        words = len(text[seg.content_start:seg.content_end].split())
        if att is None and words < cues.min_words_unattributed:
            continue  # a scare quote or a title, not speech
        out.append(_quote(text, seg.content_start, seg.content_end, True, att, resolver))
    seen = {(q.start, q.end) for q in out}
    for toks in sent_toks:
        for (start, end), att in reported(toks, cues, resolver.speakerish):
            if (start, end) in seen or any(start == s.start and end == s.end for s in segs):
                continue
            seen.add((start, end))
            out.append(_quote(text, start, end, False, att, resolver))
    return sorted(out, key=lambda q: (q.start, q.end))


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    """The stage for ``lang``; its cues load here, once."""
    cues_for(lang)

    def stage(analysis: Analysis) -> None:
        try:
            analysis.quotes = find(analysis.doc.text, analysis.lang, analysis.actor_mentions,
                                   analysis.nlp_doc)
        except Exception as exc:  # a bad document must not stop the batch
            log.warning("quotes: %s: %s", analysis.doc.id, exc)
            analysis.quotes = []

    return stage
