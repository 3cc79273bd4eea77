"""A language's quote cues (``lang/<code>/quotes.yaml``) in the shape the finder needs.

Keeping every word in the YAML is what lets a new language add quotes by adding a file; a
language without the file still gets its quotes found by their marks, only without speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kroniek.lang import load


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


@dataclass(frozen=True)
class Cues:
    lang: str
    verbs: frozenset[str] = frozenset()
    separable: dict[str, frozenset[str]] = field(default_factory=dict)
    object_verbs: frozenset[str] = frozenset()
    after_only: frozenset[str] = frozenset()
    according: tuple[tuple[str, ...], ...] = ()
    complementizers: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    anaphoric: frozenset[str] = frozenset()
    anaphoric_bridge: frozenset[str] = frozenset()
    post_lead: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    np_stops: frozenset[str] = frozenset()
    skip_before_verb: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    joiners: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    elisions: re.Pattern[str] | None = None
    bare_clause_verbs: frozenset[str] = frozenset()
    bare_clause_starters: frozenset[str] = frozenset()
    min_words_unattributed: int = 3
    verb_second: bool = False

    @property
    def particles(self) -> frozenset[str]:
        return frozenset(p for ps in self.separable.values() for p in ps)

    def stop(self, word: str) -> bool:
        """Whether ``word`` (lower case) ends a speaker noun phrase."""
        return (word in self.np_stops or word in self.prepositions or word in self.verbs
                or word in self.complementizers or word in self.particles
                or word in self.after_only or word in self.separable)


@cache
def cues_for(lang: str) -> Cues:
    """The cues of ``lang``; empty cues (marks only, no speakers) when the pack has none."""
    data = load(lang, "quotes", None) if lang and lang.isalpha() else None
    if not isinstance(data, dict):
        return Cues(lang=lang)
    elisions = [str(p) for p in data.get("elisions") or []]
    return Cues(
        lang=lang,
        verbs=_words(data, "verbs"),
        separable={str(k).lower(): frozenset(str(p).lower() for p in v or [])
                   for k, v in (data.get("separable") or {}).items()},
        object_verbs=_words(data, "object_verbs"),
        after_only=_words(data, "after_only"),
        according=tuple(tuple(str(w).lower() for w in seq) for seq in data.get("according") or []),
        complementizers=_words(data, "complementizers"),
        addressee_preps=_words(data, "addressee_preps"),
        anaphoric=_words(data, "anaphoric"),
        anaphoric_bridge=_words(data, "anaphoric_bridge"),
        post_lead=_words(data, "post_lead"),
        pronouns=_words(data, "pronouns"),
        determiners=_words(data, "determiners"),
        speaker_nouns=_words(data, "speaker_nouns"),
        prepositions=_words(data, "prepositions"),
        np_stops=_words(data, "np_stops"),
        skip_before_verb=_words(data, "skip_before_verb"),
        name_particles=_words(data, "name_particles"),
        joiners=_words(data, "joiners"),
        abbreviations=_words(data, "abbreviations"),
        elisions=re.compile("|".join(f"(?:{p})" for p in elisions)) if elisions else None,
        bare_clause_verbs=_words(data, "bare_clause_verbs"),
        bare_clause_starters=_words(data, "bare_clause_starters"),
        min_words_unattributed=int(data.get("min_words_unattributed", 3)),
        verb_second=bool(data.get("verb_second", False)),
    )
