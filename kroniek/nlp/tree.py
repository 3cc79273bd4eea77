"""Small questions asked of a dependency parse, shared by the stages that attach things to events."""

from __future__ import annotations

from typing import Any


def governs(nlp_doc: Any, start: int, end: int, trigger: tuple[int, int], depth: int = 4) -> bool:
    """Whether the phrase at ``[start, end)`` hangs (within ``depth`` steps up the tree) on a
    token of ``trigger``: a parse says which clause a date or place belongs to, which nearness
    alone cannot when one sentence holds two events."""
    try:
        span = nlp_doc.char_span(start, end, alignment_mode="expand")
        node = span.root if span is not None else None
        triggers = {t.i for t in nlp_doc if trigger[0] <= t.idx < trigger[1]}
        for _ in range(depth):
            if node is None or node.head.i == node.i:
                return False
            node = node.head
            if node.i in triggers:
                return True
    except (AttributeError, ValueError, IndexError):
        return False
    return False


def heads_fixed_phrase(tok: Any) -> bool:
    """Whether ``tok`` opens a fixed phrase ("in" of "in gebruik genomen"): labelled as a verb
    particle it is none, so "genomen" stays "nemen", not "innemen"."""
    return any(c.dep_.lower() == "fixed" for c in tok.children)


def text_bounds(span: Any) -> tuple[int, int]:
    """Character offsets of a sentence without the line breaks that may end it (a headline's
    ``\\n\\n`` belongs to its sentence in the parse, not to its text)."""
    words = [t for t in span if not t.is_space]
    if not words:
        return span.start_char, span.start_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def sentence_bounds(doc: Any) -> list[tuple[int, int]]:
    """The contract's sentences of a parsed doc: :func:`text_bounds` of each, line-break-only
    ones dropped."""
    return [text_bounds(s) for s in doc.sents if not all(t.is_space for t in s)]
