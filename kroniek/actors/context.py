"""What the sentence around a mention says about it: the parse's grammatical role, the
sentence it is in, and which country a document is mostly about.

The parse (``analysis.nlp_doc``, a spaCy Doc with UD labels, or spaCy's English labels) is
optional: every question here answers None without one, and the resolver then falls back to
its preposition rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Any

from kroniek.actors.normalize import fold

# Subjects and objects: a capital in these roles acts ("Moskou reageerde", "sanctioned Moscow").
_CORE = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "obj", "dobj", "iobj",
                   "poss", "nmod:poss"})
_OBLIQUE = frozenset({"obl", "obl:arg", "obl:agent", "nmod", "pobj"})


# Word classes no name belongs to; quotes and brackets that may open a sentence.
FUNCTION_POS = frozenset({"ADV", "SCONJ", "ADP", "PRON", "DET", "CCONJ", "AUX", "PART"})
_OPENERS = frozenset({'"', "'", ",,", "„", "“", "‘", "(", "«", "-", "–"})


class ParseRoles:
    """Reads a parse once per document; each question is a span lookup."""

    def __init__(self, nlp_doc: Any) -> None:
        self.doc = nlp_doc
        self._starts: list[int] | None = None

    def sentence_start(self, pos: int) -> int | None:
        if self.doc is None:
            return None
        try:
            if self._starts is None:
                self._starts = [s.start_char for s in self.doc.sents]
        except (AttributeError, ValueError):
            self.doc = None
            return None
        k = bisect_right(self._starts, pos) - 1
        return self._starts[k] if k >= 0 else None

    def function_word(self, start: int, end: int) -> bool:
        """Whether the span is one sentence-initial word the tagger reads as a function word:
        "Dan moet ik opstappen", "Daar zaten ze" are no surnames (Dan, Dar). Inside a sentence a
        capitalised word is a name whatever its tag."""
        if self.doc is None:
            return False
        try:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or span.end - span.start != 1:
                return False
            tok = self.doc[span.start]
            first = tok.is_sent_start or (tok.i > 0 and self.doc[tok.i - 1].is_punct
                                          and self.doc[tok.i - 1].text in _OPENERS)
            return bool(first) and tok.pos_ in FUNCTION_POS
        except (AttributeError, ValueError, IndexError):
            return False

    def is_noun(self, start: int, end: int) -> bool | None:
        """Whether the parse reads the span as a noun of its own ("a Ukrainian was arrested")
        rather than a modifier ("a Ukrainian drone"); None without a parse."""
        if self.doc is None:
            return None
        try:
            return _is_noun(self.doc, start, end)
        except (AttributeError, ValueError, IndexError):
            return None

    def place_or_actor(self, start: int, end: int, place_preps: frozenset[str],
                       place_nouns: frozenset[str] = frozenset()) -> str | None:
        """"place", "actor", or None when the parse says nothing clear."""
        if self.doc is None:
            return None
        try:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            tok = span.root if span is not None else None
            if tok is None:
                return None
            hops = 0
            while tok.dep_.lower() in ("conj", "flat", "flat:name", "appos") and \
                    tok.head.i != tok.i and hops < 4:  # "Seoul and Washington agreed"
                tok, hops = tok.head, hops + 1
            dep = tok.dep_.lower()
            if dep in _CORE:
                return "actor"
            if dep not in _OBLIQUE:
                return None
            if dep == "pobj":
                prep = tok.head
                if prep.dep_.lower() == "agent":  # "sanctioned by Washington"
                    return "actor"
            else:
                cases = [c for c in tok.children if c.dep_.lower() == "case" and c.i < tok.i]
                if not cases:
                    return None
                prep = cases[0]
            owner = prep.head if dep == "pobj" else tok.head  # "the streets of Minsk"
            if fold(owner.text) in place_nouns:
                return "place"
            return "place" if fold(prep.text) in place_preps else "actor"
        except (AttributeError, ValueError, IndexError):
            return None


_NOUN_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "flat", "flat:name"})


def _is_noun(doc: Any, start: int, end: int) -> bool | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span.root if span is not None else None
    if tok is None or not tok.pos_:
        return None
    if tok.dep_.lower() in _MODIFIER_DEPS and tok.head.i != tok.i:
        return False
    return tok.pos_ in _NOUN_POS


def dominant(countries: list[str]) -> str | None:
    """The country a document is clearly about: named at least twice, and at least twice as
    often as any other."""
    counts = Counter(countries).most_common(2)
    if not counts or counts[0][1] < 2:
        return None
    if len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
        return None
    return counts[0][0]
