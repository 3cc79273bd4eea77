"""Language identification with py3langid's bundled model, restricted to the candidates.

Restricting matters: Dutch is easily confused with Afrikaans, Frisian and German, and a model
asked to choose among all 100+ languages errs more on short news texts than one asked to choose
among the languages a Dutch/English newsroom actually meets.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier


@cache
def _identifier(candidates: tuple[str, ...]) -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in candidates if c in ident.nb_classes])
    return ident


def identify(text: str, candidates: tuple[str, ...] = ("nl", "en", "de", "af", "fy", "fr"),
             min_chars: int = 20) -> tuple[str | None, float]:
    """``(language, probability)``; ``(None, 0.0)`` when the text is too short to tell."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < min_chars:
        return None, 0.0
    lang, prob = _identifier(tuple(candidates)).classify(sample)
    return lang, float(prob)
