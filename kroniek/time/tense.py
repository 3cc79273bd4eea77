"""Which way a bare weekday, month or day-and-month points: past, future, or unknown.

News mostly reports the past, but a coming summit is written in the future ("wordt in december
verwacht", "will meet on Tuesday"). The cue is the tense of the clause the expression sits in,
so the clause is cut out first (at punctuation and subordinating words such as "dat"/"that"),
then its wording is read; with a parse, verb morphology (Tense=Past) counts too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from kroniek.time.lexicon import Lexicon, alternation, lexicon, wordset

Direction = Literal["past", "future"] | None
_PUNCT = r"[;:()\[\]!?\u2013\u2014\"\u201c\u201d]"


@cache
def _regexes(code: str) -> dict[str, re.Pattern[str] | None]:
    lex = lexicon(code)
    assert lex is not None  # only called for languages that have a lexicon
    raw = lex.raw
    words = alternation(lex.words("clause_breaks"))
    pattern = raw.get("past_pattern")
    return {
        "fine": re.compile(rf"{_PUNCT}|,|(?<!\w){words}(?!\w)", re.I),
        "coarse": re.compile(rf"{_PUNCT}|(?<!\w){words}(?!\w)", re.I),
        "future": re.compile(rf"(?<![\w']){alternation(lex.words('future_cues'))}(?!\w)", re.I),
        "past": re.compile(rf"(?<!\w){alternation(lex.words('past_cues'))}(?!\w)", re.I),
        "past_pattern": re.compile(rf"(?<!\w)(?-i:{pattern})(?!\w)") if pattern else None,
    }


def _clause(text: str, lo: int, hi: int, start: int, end: int, rx: re.Pattern[str]) -> tuple[int, int]:
    left, right = lo, hi
    for m in rx.finditer(text, lo, hi):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _cues(text: str, left: int, right: int, start: int, end: int, lex: Lexicon,
          nlp_doc: Any = None) -> Direction:
    rx = _regexes(lex.code)
    pieces = [(left, start), (end, right)]
    for a, b in pieces:
        if rx["future"].search(text, a, b):
            return "future"
    exceptions = wordset(lex.code, "past_pattern_exceptions")
    for a, b in pieces:
        if rx["past"].search(text, a, b):
            return "past"
        pat = rx["past_pattern"]
        if pat is not None and any(m.group(0).lower() not in exceptions
                                   for m in pat.finditer(text, a, b)):
            return "past"
    if nlp_doc is not None and _morph_past(nlp_doc, left, right, start, end):
        return "past"
    return None


def _morph_past(nlp_doc: Any, left: int, right: int, start: int, end: int) -> bool:
    try:
        span = nlp_doc.char_span(left, right, alignment_mode="expand")
        if span is None:
            return False
        for tok in span:
            if start <= tok.idx < end or tok.pos_ not in ("VERB", "AUX"):
                continue
            if "Past" in tok.morph.get("Tense") and "Part" not in tok.morph.get("VerbForm"):
                return True
    except (AttributeError, ValueError):  # a Doc without morphology: wording alone decides
        return False
    return False


def direction(text: str, sentence: tuple[int, int], start: int, end: int, lex: Lexicon,
              nlp_doc: Any = None) -> Direction:
    """Past, future or None for the expression at ``[start, end)`` inside ``sentence``."""
    lo, hi = sentence
    rx = _regexes(lex.code)
    for level in ("fine", "coarse"):
        left, right = _clause(text, lo, hi, start, end, rx[level])  # type: ignore[arg-type]
        found = _cues(text, left, right, start, end, lex, nlp_doc)
        if found:
            return found
    return None
