"""Words, sentences and quote placeholders: the small view of a text the cue rules read.

Each direct quote collapses into a single ``q`` token, so that the rules around it see
``“…,” zei Lavrov`` as three tokens however long the quote is, and so that sentence ends
inside a quote never split the sentence that carries it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kroniek.quotes.marks import Segment

_TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_END_RE = re.compile(r"[.!?…]+[”\"'’»)\]]*")
_CLOSERS = "”\"'’»‘“)]"


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # "w" word, "p" punctuation, "q" a whole direct quote
    seg: int = -1  # index of the quote segment for "q"

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.kind == "w" and self.text[:1].isupper()


def _settle(pos: int, segs: Iterable[Segment]) -> int | None:
    """A sentence end moved out of any quote: before its opening mark when it falls just after
    it, after its closing mark when it falls just before it, and dropped (None) when it falls
    in the quoted words themselves (a parser splits "“Nee. Nooit.”" in two)."""
    for s in segs:
        if s.start < pos < s.end:
            if pos <= s.content_start:
                return s.start
            if pos >= s.content_end:
                return s.end
            return None
    return pos


def _own_ends(text: str, abbreviations: frozenset[str]) -> list[int]:
    ends = []
    for m in _END_RE.finditer(text):
        e = m.end()
        if e < len(text) and not text[e].isspace():
            continue
        k = e
        while k < len(text) and text[k].isspace() and text[k] != "\n":
            k += 1
        if k < len(text) and text[k] != "\n" and not (text[k].isupper() or text[k].isdigit()
                                                    or text[k] in "“\"„‘'‚«»‹(,-–—"):
            continue
        if m.group().startswith("."):
            w = re.search(r"(\S+)$", text[:m.start()])
            word = w.group(1).lower().lstrip("(\"'“‘„") if w else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        ends.append(e)
    return ends


def sentences(text: str, segs: list[Segment], abbreviations: frozenset[str] = frozenset(),
              nlp_doc: Any = None) -> list[tuple[int, int]]:
    """Sentence spans, never ending inside a quote; from ``nlp_doc.sents`` when given."""
    ends: list[int] = []
    if nlp_doc is not None:
        try:
            for s in nlp_doc.sents:
                e = s.end_char
                while e < len(text) and text[e] in _CLOSERS:
                    e += 1
                rest = text[e:].lstrip(" \t")
                if not rest[:1].islower():  # "“Waarom?” vroeg hij": the sentence goes on
                    ends.append(e)
        except (AttributeError, ValueError, TypeError):
            ends = []
    if not ends:
        ends = _own_ends(text, abbreviations)
    ends += [m.start() for m in re.finditer(r"\n", text)]
    settled = (_settle(e, segs) for e in ends if 0 < e < len(text))
    ends = sorted({e for e in settled if e is not None and 0 < e < len(text)})
    ends.append(len(text))
    out, start = [], 0
    for e in ends:
        a, b = start, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        start = e
    return out


def tokens(text: str, lo: int, hi: int, segs: list[Segment]) -> list[Tok]:
    """Tokens of ``text[lo:hi]`` with each quote segment in it as one ``q`` token."""
    out: list[Tok] = []
    inside = [(i, s) for i, s in enumerate(segs) if lo <= s.start < hi]
    pos = lo
    for i, s in inside + [(-1, None)]:  # type: ignore[list-item]
        stop = s.start if s is not None else hi
        for m in _TOKEN_RE.finditer(text, pos, stop):
            kind = "w" if (m.group()[0].isalnum() or m.group()[0] == "_") else "p"
            out.append(Tok(m.group(), m.start(), m.end(), kind))
        if s is not None:
            out.append(Tok(text[s.start:s.end], s.start, s.end, "q", i))
            pos = s.end
    return out
