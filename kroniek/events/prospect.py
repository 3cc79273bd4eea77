"""Meetings that have not happened yet: possible, planned or in preparation.

PLOVER codes a future cooperative meeting as AGREE (``modality.FUTURE_TYPE``). A young parser
often misses the clause of "Een gesprek met Trump is mogelijk op 12 juni", so the predicate is
read from word order: the meeting noun opens its clause and the first verb after its phrase is a
copula with a possibility or planning word, or a modal auxiliary. The words are the language's
(``events.yaml``: ``copulas``, ``possible_predicates``, ``planned_predicates``,
``prepare_phrases``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.events import syntax
from kroniek.events.merge import evidence as _evidence
from kroniek.events.syntax import Token
from kroniek.model import Event

# what may stand before a clause-opening subject noun ("Een", "Intussen een", a quote mark)
_OPENING_POS = {"DET", "ADJ", "ADV", "NUM", "PUNCT", "CCONJ"}
_PRECEDENCE = {"asserted": 0, "reported": 1, "intended": 2, "hypothetical": 3}


@dataclass(frozen=True)
class ProspectWords:
    copulas: frozenset[str]
    possible: frozenset[str]  # predicates and modal auxiliaries of possibility
    planned: frozenset[str]
    prepare: frozenset[str]  # "werken aan", "prepare", "preparations for"
    fillers: frozenset[str]  # adverbs allowed between copula and predicate ("nu", "still")


def _forms(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def modal_subject(tok: Token, w: ProspectWords) -> str | None:
    """"Een gesprek met X is mogelijk": the modality the noun's own predicate gives it."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    sent = syntax.sent(tok)
    doc = tok.doc
    if any(t.pos_ not in _OPENING_POS for t in doc[sent.start:tok.i]):
        return None  # not the subject at the head of its clause
    verb = None
    for t in doc[tok.i + 1:sent.end]:
        if t.is_punct and t.text in ",;:.!?":
            return None
        if t.pos_ in ("AUX", "VERB") or _forms(t) & w.copulas:
            verb = t
            break
    if verb is None:
        return None
    if _forms(verb) & w.possible:
        return "hypothetical"  # "kan plaatsvinden", "could take place"
    if not _forms(verb) & w.copulas:
        return None
    for t in doc[verb.i + 1:min(verb.i + 4, sent.end)]:
        forms = _forms(t)
        if forms & w.possible:
            return "hypothetical"
        if forms & w.planned:
            return "intended"
        if not (forms & w.fillers):
            break
    return None


def prepared(tok: Token, w: ProspectWords) -> bool:
    """"er wordt gewerkt aan een topontmoeting", "preparations for a summit": the meeting is
    being worked towards, not held."""
    head, prep = tok.head, None
    case = [c for c in syntax.kids(tok) if c.dep_.lower() == "case"]
    if case:
        prep = case[0].lower_
    elif head.pos_ == "ADP" and head != tok:  # English: verb → prep → pobj
        prep, head = head.lower_, head.head
    if head == tok:
        return False
    return any(form in w.prepare or (prep is not None and f"{form} {prep}" in w.prepare)
               for form in _forms(head))


def _parties(e: Event) -> set[str]:
    return {a.country or a.id for a in (*e.source, *e.target)}


def _dates_fit(first: Event, later: Event) -> bool:
    a, b = first.date or {}, later.date or {}
    if not a.get("text"):
        return True  # the first took the document's date: the later clause names the day
    va, vb = str(a.get("value") or ""), str(b.get("value") or "")
    return bool(va) and (vb.startswith(va) or va.startswith(vb))


def earlier_meeting(previous: list[Event], parties: set[str], etype: str) -> Event | None:
    """The previous sentence's meeting that a one-party meeting noun continues ("... een
    topontmoeting tussen Kim en de VS. Een gesprek met Trump is mogelijk ...")."""
    found = [e for e in previous if e.type == etype and not e.target and len(e.source) >= 2
             and parties and parties < _parties(e)]
    return found[0] if len(found) == 1 else None


def fold(first: Event, later: Event, evidence: dict[str, object]) -> bool:
    """Let ``later`` say more about ``first`` (its day, place, modality); False if they differ."""
    if first.type != later.type or first.negated != later.negated or not _dates_fit(first, later):
        return False
    if not first.evidence:
        first.evidence.append(_evidence(first))
    first.evidence.append(evidence)
    if later.date and later.date.get("text"):
        first.date = later.date
    if first.location is None:
        first.location = later.location
    if _PRECEDENCE.get(later.modality, 0) > _PRECEDENCE.get(first.modality, 0):
        first.modality = later.modality
    first.confidence = max(first.confidence, later.confidence)
    return True
