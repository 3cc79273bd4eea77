"""Event patterns: the per-language dictionaries (``kroniek/lang/<code>/events.yaml``) as objects.

A pattern is data, not code: trigger lemmas (verbs, or nouns with their prepositions), the
grammatical roles that give source and target, the PLOVER type/mode/context and CAMEO code, and
example sentences that the test suite codes. Roles are written for the active voice; the coder
swaps them in the passive.

Role names: ``subj``, ``obj``, ``iobj``, ``poss`` (a noun's possessor, nationality adjective or
compound), ``between`` (the members of a "between A and B" phrase become sources), or a
preposition lemma (``with``, ``met``, ``on``, ``op`` ...), optionally ``prep:with``.

``if_negated``: the type the pattern's event becomes when negated ("heeft het aanbod niet
aanvaard" is a refusal, REJECT, not a negated agreement).

``also``: a second event the same words state when some word of the trigger's clause says so
(gold rule: a prison sentence is a conviction, SANCTION, and an arrest, COERCE):
``also: [{type: COERCE, mode: arrest, cameo: "173", when: [cel, gevangenisstraf]}]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kroniek import lang as lang_data
from kroniek.errors import KroniekError
from kroniek.events.ontology import Ontology
from kroniek.events.ontology import load as load_ontology

ROLE_NAMES = {"subj", "obj", "iobj", "poss", "between"}


@dataclass(frozen=True)
class Trigger:
    """One trigger lemma: ``base`` must be the token's lemma; the rest must hang under it."""

    text: str  # as written in the dictionary
    base: str
    particle: str | None = None  # separable particle / phrasal-verb particle or preposition


@dataclass(frozen=True)
class Also:
    """A second event of the same trigger, coded when one of ``when`` is in its clause."""

    type: str
    mode: str | None
    cameo: str | None
    when: frozenset[str]


@dataclass(frozen=True)
class Pattern:
    id: str
    type: str
    pos: str  # "verb" or "noun"
    triggers: tuple[Trigger, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    objects: frozenset[str] = frozenset()  # if set, the direct object's lemma must be one of these
    subjects: frozenset[str] = frozenset()  # if set, the logical subject's lemma must be one
    not_objects: frozenset[str] = frozenset()
    needs_target: bool = False
    # a noun that is an event only with one of its target prepositions or a light verb carrying
    # it: "een onderzoek naar", "opende een onderzoek", not "volgens een onderzoek van Unicef"
    needs_frame: bool = False
    symmetric: bool = False  # meetings: the "with" party joins the sources when PLOVER says so
    confidence: float = 0.85
    examples: tuple[dict[str, Any], ...] = ()
    also: tuple[Also, ...] = ()
    if_negated: str | None = None


@dataclass
class Dictionary:
    """All of a language's event knowledge, indexed for lookup by lemma."""

    lang: str
    patterns: list[Pattern]
    words: dict[str, Any] = field(default_factory=dict)
    by_base: dict[tuple[str, str], list[tuple[Pattern, Trigger]]] = field(default_factory=dict)

    def candidates(self, pos: str, lemma: str) -> list[tuple[Pattern, Trigger]]:
        return self.by_base.get((pos, lemma.lower()), [])

    def word_set(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in (self.words.get(key) or []))

    def lemma_count(self) -> int:
        return len({t.text.lower() for p in self.patterns for t in p.triggers})


def _trigger(text: str, words_cfg: dict[str, Any], reflexives: frozenset[str]) -> Trigger:
    words = text.lower().split()
    words = [w for w in words if w not in reflexives]  # "zich terugtrekken" → "terugtrekken"
    if not words:
        raise ValueError(f"empty trigger {text!r}")
    if len(words) == 1:
        return Trigger(text, words[0])
    preps = {str(w).lower() for w in words_cfg.get("trigger_preps") or ()}
    if words_cfg.get("trigger_head") == "last" and words[-1] not in preps:
        # Dutch puts the verb last in the citation form: "in beslag nemen"
        return Trigger(text, words[-1], " ".join(words[:-1]))
    # "carry out", "call for", "aandringen op": base + particle/preposition under it
    return Trigger(text, words[0], " ".join(words[1:]))


def _roles(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, (str, bool)) else list(value)
    # YAML 1.1 reads unquoted on/off as booleans
    items = [("on" if v else "off") if isinstance(v, bool) else v for v in items]
    return tuple(str(v).removeprefix("prep:").lower() for v in items)


def _pattern(raw: dict[str, Any], words_cfg: dict[str, Any], onto: Ontology,
             reflexives: frozenset[str]) -> Pattern:
    pid = str(raw["id"])
    etype, mode, cameo = _coding(pid, raw, onto)
    context = tuple(raw.get("context") or ())
    for c in context:
        if c not in onto.contexts:
            raise ValueError(f"{pid}: unknown context {c!r}")
    pos = "noun" if raw.get("nouns") else "verb"
    lemmas = raw.get("nouns") or raw.get("verbs") or []
    if not lemmas:
        raise ValueError(f"{pid}: no verbs or nouns")
    triggers = tuple(_trigger(str(t), words_cfg, reflexives) for t in lemmas)
    also = tuple(_also(pid, a, onto) for a in raw.get("also") or ())
    if_negated = str(raw["if_negated"]).upper() if raw.get("if_negated") else None
    if if_negated is not None and if_negated not in onto.types:
        raise ValueError(f"{pid}: unknown PLOVER type {if_negated} in if_negated")
    examples = tuple(raw.get("examples") or ())
    if not examples:
        raise ValueError(f"{pid}: a pattern needs at least one example")
    return Pattern(
        id=pid, type=etype, pos=pos, triggers=triggers,
        source=_roles(raw.get("source", ["subj"] if pos == "verb" else ["poss"])),
        target=_roles(raw.get("target", ["obj"] if pos == "verb" else [])),
        mode=mode, context=context, cameo=cameo,
        objects=frozenset(str(o).lower() for o in raw.get("objects") or ()),
        not_objects=frozenset(str(o).lower() for o in raw.get("not_objects") or ()),
        subjects=frozenset(str(o).lower() for o in raw.get("subjects") or ()),
        needs_target=bool(raw.get("needs_target", False)),
        needs_frame=bool(raw.get("needs_frame", False)),
        symmetric=bool(raw.get("symmetric", False)),
        confidence=float(raw.get("confidence", 0.85 if pos == "verb" else 0.75)),
        examples=examples, also=also, if_negated=if_negated,
    )


def _coding(pid: str, raw: dict[str, Any], onto: Ontology, where: str = "") -> tuple[str, Any, str | None]:
    """Type, mode and CAMEO code of a pattern (or of its ``also`` event), checked against the
    ontology so a typo in a dictionary fails at load time with the pattern's id."""
    etype = str(raw["type"]).upper()
    if etype not in onto.types:
        raise ValueError(f"{pid}: unknown PLOVER type {etype}{where}")
    mode = raw.get("mode")
    if mode is not None and not onto.is_mode(etype, mode):
        raise ValueError(f"{pid}: {mode!r} is not a mode of {etype}")
    cameo = str(raw["cameo"]) if raw.get("cameo") is not None else None
    if cameo and cameo not in onto.cameo:
        raise ValueError(f"{pid}: unknown CAMEO code {cameo}")
    return etype, mode, cameo


def _also(pid: str, raw: dict[str, Any], onto: Ontology) -> Also:
    etype, mode, cameo = _coding(pid, raw, onto, " in also")
    when = frozenset(str(w).lower() for w in raw.get("when") or ())
    if not when:
        raise ValueError(f"{pid}: also needs 'when' words")
    return Also(etype, mode, cameo, when)


def load(lang: str) -> Dictionary:
    """The language's dictionary; an absent one is empty, a broken one raises K401."""
    raw = lang_data.load(lang, "events", default=None)
    if not raw:
        return Dictionary(lang, [])
    onto = load_ontology()
    words = dict(raw.get("words") or {})
    reflexives = frozenset(w.lower() for w in words.get("reflexive") or ())
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for item in raw.get("patterns") or []:
        try:
            p = _pattern(item, words, onto, reflexives)
        except (KeyError, ValueError, TypeError) as exc:
            raise KroniekError("K401", f"event pattern: {exc}",
                               file=f"lang/{lang}/events.yaml") from None
        if p.id in seen:
            raise KroniekError("K401", f"duplicate pattern id {p.id}",
                               file=f"lang/{lang}/events.yaml")
        seen.add(p.id)
        patterns.append(p)
    d = Dictionary(lang, patterns, words)
    for p in patterns:
        for t in p.triggers:
            d.by_base.setdefault((p.pos, t.base), []).append((p, t))
    return d
