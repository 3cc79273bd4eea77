"""Sentence bounds for documents that arrive without a parse (tests, a blank tokenizer)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = re.compile(r"[.!?]+[\"'\u201d)]*\s+(?=[\"'\u201c(]?[A-Z0-9\u00C0-\u00DD])")
_LAST_WORD = re.compile(r"([\w.]+)\.+$")


def split(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentences as (start, end); a full stop after an abbreviation or an initial does not end one."""
    abbrevs = {a.lower().rstrip(".") for a in abbreviations}
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        last = _LAST_WORD.search(text, max(start, m.start() - 12), m.start() + 1)
        if text[m.start()] == "." and last:
            word = last.group(1).lower().rstrip(".")
            if word in abbrevs or (len(word) == 1 and word.isalpha()):
                continue
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]


def containing(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for lo, hi in sentences:
        if lo <= start < hi or (lo < end <= hi):
            return lo, hi
    return None
