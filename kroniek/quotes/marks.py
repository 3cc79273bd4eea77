"""Direct quotes found by their marks alone, in every typographic style news uses.

A mark opens or closes by what stands beside it (as CommonMark decides emphasis): a mark with
a letter on both sides (``'s``, ``d'r``, ``O'Brien``, ``baby's``) is an apostrophe and never a
quote, and elided words (``'s avonds``, the ``'90s``, rock ``'n'`` roll) come from the language
data. Newspapers reopen a quote at each new paragraph without closing the one before; such a
quote comes back as one segment per paragraph, sharing a ``chain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK_RE = re.compile(r",,(?=\S)|''|[“”„\"‘’‚'«»‹›]")
_GUILLEMETS = {"«": "»", "»": "«", "‹": "›", "›": "‹"}
_FAMILY = {"“": "double", "”": "double", "„": "double", '"': "double", ",,": "double",
           "''": "double", "‘": "single", "’": "single", "‚": "single", "'": "single",
           "«": "guillemet", "»": "guillemet", "‹": "guillemet1", "›": "guillemet1"}
_PRIORITY = {"double": 0, "guillemet": 1, "guillemet1": 2, "single": 3}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    char: str
    family: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closing apostrophe that may be a possessive ("the ministers' plan")


@dataclass(frozen=True)
class Segment:
    """One direct quote: its marks' outer span and its content (whitespace trimmed)."""

    start: int  # of the opening mark
    end: int  # after the closing mark (or the content, where the paragraph ends unclosed)
    content_start: int
    content_end: int
    family: str
    chain: int | None = None  # same number for the paragraphs of one multi-paragraph quote


def _space(c: str | None) -> bool:
    return c is None or c.isspace()


def _punct(c: str | None) -> bool:
    return c is not None and not c.isalnum() and not c.isspace()


def _classify(text: str, m: re.Match[str], elisions: re.Pattern[str] | None) -> Mark | None:
    s, e, ch = m.start(), m.end(), m.group()
    prev = text[s - 1] if s > 0 else None
    nxt = text[e] if e < len(text) else None
    left = not _space(nxt) and (not _punct(nxt) or _space(prev) or _punct(prev))
    right = not _space(prev) and (not _punct(prev) or _space(nxt) or _punct(nxt))
    fam = _FAMILY[ch]
    if fam.startswith("guillemet"):
        return Mark(s, e, ch, fam, True, True)
    if ch in ("„", ",,", "‚"):
        return Mark(s, e, ch, fam, left, False)
    elided = ch in "'’‘" and elisions is not None and bool(elisions.match(text, s))
    if elided:
        return None
    weak = (ch in "'’" and prev is not None and prev in "sxzSXZ" and nxt == " "
            and e + 1 < len(text) and text[e + 1].islower())
    if ch in ("“", "‘"):
        return Mark(s, e, ch, fam, left, right and not left, weak)
    opens, closes = left and not right, right and not left
    if not (opens or closes):
        return None  # inside a word (O'Brien, d'r) or floating alone
    return Mark(s, e, ch, fam, opens, closes, weak)


def marks(text: str, elisions: re.Pattern[str] | None = None) -> list[Mark]:
    out = []
    for m in _MARK_RE.finditer(text):
        mark = _classify(text, m, elisions)
        if mark is not None and (mark.can_open or mark.can_close):
            out.append(mark)
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _fits(opener: Mark, closer: Mark) -> bool:
    if opener.family.startswith("guillemet"):
        return closer.char == _GUILLEMETS[opener.char]
    return True


class _Pairer:
    """Pairs the marks of one family, left to right, across paragraph breaks."""

    def __init__(self, text: str, family: list[Mark], chain_base: int) -> None:
        self.text, self.marks, self.chain_next = text, family, chain_base
        self.out: list[Segment] = []
        self.by_start = {m.start: i for i, m in enumerate(family)}

    def _emit(self, opener: Mark, cend: int, end: int, chain: int | None) -> None:
        a, b = _trim(self.text, opener.end, cend)
        if b > a:
            self.out.append(Segment(opener.start, end, a, b, opener.family, chain))

    def _strong_closer_ahead(self, i: int, opener: Mark) -> bool:
        para_end = self.text.find("\n", self.marks[i].end)
        for m in self.marks[i + 1:]:
            if para_end != -1 and m.start > para_end:
                return False
            if m.can_close and not m.weak and _fits(opener, m):
                return True
            if m.can_open and not m.can_close:
                return False
        return False

    def _unclosed(self, opener: Mark, first_break: int | None, chain: int | None) -> None:
        """An opener never closed: keep it only as the last paragraph of a chain, or up to the
        end of its own paragraph when it ran on past it (the closing mark was lost)."""
        if opener.family == "single" and chain is None:
            return
        if chain is not None:
            end = self.text.find("\n", opener.end)
            end = len(self.text) if end == -1 else end
            self._emit(opener, end, end, chain)
        elif first_break is not None:
            a, b = _trim(self.text, opener.end, first_break)
            if len(self.text[a:b].split()) >= 3:
                self._emit(opener, first_break, first_break, None)

    def run(self) -> list[Segment]:
        text, ms = self.text, self.marks
        opener: Mark | None = None
        chain: int | None = None
        first_break: int | None = None  # where the open quote first ran past a paragraph end
        scan = 0
        i = 0
        while i < len(ms):
            m = ms[i]
            if opener is None:
                if m.can_open:
                    opener, chain, first_break, scan = m, None, None, m.end
                i += 1
                continue
            nl = text.find("\n", scan, m.start)
            if nl != -1:
                scan = nl + 1
                k = nl
                while k < len(text) and text[k].isspace():
                    k += 1
                j = self.by_start.get(k)
                cont = ms[j] if j is not None else None
                if (j is not None and cont is not None and cont.can_open
                        and (not cont.family.startswith("guillemet") or cont.char == opener.char)):
                    if chain is None:
                        chain = self.chain_next
                        self.chain_next += 1
                    end = first_break if first_break is not None else nl
                    self._emit(opener, end, end, chain)
                    opener, first_break, scan = cont, None, cont.end
                    i = j + 1
                    continue
                if first_break is None:
                    first_break = nl
                continue  # there may be more paragraph ends before this mark
            if (m.can_close and _fits(opener, m)
                    and not (m.weak and self._strong_closer_ahead(i, opener))):
                self._emit(opener, m.start, m.end, chain)
                opener, chain, first_break = None, None, None
            elif m.can_open:
                self._unclosed(opener, first_break, chain)
                opener, chain, first_break, scan = m, None, None, m.end
            i += 1
        if opener is not None:
            if first_break is None:
                nl = text.find("\n", scan)
                first_break = nl if nl != -1 else None
            self._unclosed(opener, first_break, chain)
        return self.out


def segments(text: str, elisions: re.Pattern[str] | None = None) -> list[Segment]:
    """Every direct quote in ``text``; a quote nested in another is part of the outer one."""
    found: list[Segment] = []
    all_marks = marks(text, elisions)
    chain_base = 0
    for fam in sorted({m.family for m in all_marks}, key=_PRIORITY.__getitem__):
        pairer = _Pairer(text, [m for m in all_marks if m.family == fam], chain_base)
        found.extend(pairer.run())
        chain_base = pairer.chain_next
    found.sort(key=lambda s: (s.start, -(s.end - s.start), _PRIORITY[s.family]))
    kept: list[Segment] = []
    for seg in found:
        if all(seg.end <= k.start or seg.start >= k.end for k in kept):
            kept.append(seg)
    return sorted(kept, key=lambda s: s.start)
