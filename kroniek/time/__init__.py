"""Stage `time`: temporal expressions resolved against the document date, at honest precision.

``resolve`` is the one entry point: our own rules (``patterns`` + ``interpret``) find and read
every expression, and hand the absolute spans they cannot read to dateparser (``fallback``).
``attached`` gives the event coder the expression that belongs to an event's clause.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kroniek.model import Analysis, DateMention, PartialDate
from kroniek.nlp.tree import governs
from kroniek.text import sentences as _sentences
from kroniek.time.calendar import Anchor
from kroniek.time.interpret import interpret
from kroniek.time.lexicon import lexicon
from kroniek.time.patterns import candidates, compiled
from kroniek.time.tense import Direction, direction

__all__ = ["attached", "create", "resolve"]


def resolve(text: str, lang: str, doc_date: PartialDate | None,
            sentences: list[tuple[int, int]] | None = None, nlp_doc: Any = None) -> list[DateMention]:
    """Every temporal expression in ``text`` that has an honest value, in text order.

    ``sentences`` and ``nlp_doc`` are optional: with a parse, verb morphology helps to tell a
    past weekday from a coming one; without, the clause's wording decides.
    """
    lex = lexicon(lang)
    if lex is None or not isinstance(text, str) or not text:
        return []
    anchor = Anchor.of(doc_date) if isinstance(doc_date, PartialDate) else None
    bounds = sentences or _sentences.split(text, lex.words("abbreviations"))

    def direction_of(start: int, end: int) -> Direction:
        sent = _sentences.containing(bounds, start, end) or (0, len(text))
        return direction(text, sent, start, end, lex, nlp_doc)

    out: list[DateMention] = []
    for cand in candidates(text, lang):
        got = interpret(cand, text, lex, anchor, direction_of)
        if got is None:
            continue
        value, precision, start, end = got
        out.append(DateMention(text[start:end], start, end, value, precision))
    return out


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    """Compile the language's shapes once; the stage then only matches."""
    compiled(lang)

    def stage(analysis: Analysis) -> None:
        doc = analysis.doc
        analysis.dates = resolve(doc.text or "", analysis.lang, doc.date,
                                 analysis.sentences or None, analysis.nlp_doc)

    return stage


def attached(analysis: Analysis, start: int, end: int) -> DateMention | None:
    """The temporal expression of the clause at ``[start, end)`` (an event's trigger or clause).

    Looks only inside the sentence holding the span; prefers an expression the parse attaches to
    the trigger, else the nearest one. None when the sentence has none: the caller then decides
    whether the document date stands in.
    """
    text = analysis.doc.text or ""
    lex = lexicon(analysis.lang)
    bounds = analysis.sentences or _sentences.split(text, lex.words("abbreviations") if lex else ())
    sent = _sentences.containing(bounds, start, max(end, start + 1)) or (0, len(text))
    inside = [d for d in analysis.dates if sent[0] <= d.start and d.end <= sent[1]]
    if not inside:
        return None
    if analysis.nlp_doc is not None:
        governed = [d for d in inside if governs(analysis.nlp_doc, d.start, d.end, (start, end))]
        if governed:
            inside = governed

    def distance(d: DateMention) -> int:
        return max(d.start - end, start - d.end, 0)

    return min(inside, key=lambda d: (distance(d), d.start))
