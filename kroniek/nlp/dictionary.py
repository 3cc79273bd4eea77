"""simplemma's dictionary lemma of a word, asked in one place.

Three stages consult it — the lookup lemmatizer (unseen words), the CRF UPOS tagger's lemma-ending
feature and the event coder's trigger matching (a misread inflection) — so one cache serves
them all, and a missing package or an unsupported language answers ``None`` everywhere alike.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def dictionary_lemma(word: str, lang: str) -> str | None:
    """simplemma's lemma of ``word`` as it gives it, or None when it cannot answer."""
    try:
        from simplemma import lemmatize

        return str(lemmatize(word, lang=lang))
    except Exception:  # noqa: BLE001 - an unknown language or a missing package: no answer
        return None
