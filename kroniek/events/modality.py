"""Negation, modality, tense and reported speech around a trigger.

The words come from the language's ``events.yaml`` (``words:``); the rules are PLOVER's:
future or intended cooperation (meet, support, cooperate, aid) is AGREE, a future retreat is
CONCEDE; a reported event keeps its own modality and only records who reported it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.events import syntax
from kroniek.events.syntax import Token

# PLOVER: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future
# tense are also taken to imply intentions and should be coded as AGREE"; "Announcements of
# future retreats should be coded as CONCEDE".
FUTURE_TYPE = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
               "RETREAT": "CONCEDE"}
# Types whose location, absent a named recipient, names the recipient's country (the gold files
# and PLOVER practice: "struck targets in Yemen" → YEM).
PLACE_TARGET = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}


@dataclass(frozen=True)
class Words:
    negation: frozenset[str]
    negative_det: frozenset[str]
    hypothetical: frozenset[str]
    conditional: frozenset[str]
    intent: frozenset[str]
    future: frozenset[str]
    speech: frozenset[str]
    according: frozenset[str]


@dataclass
class Modality:
    modality: str = "asserted"
    negated: bool = False
    future: bool = False
    reporter: Token | None = None  # the speech verb whose clause states the event


def _aux_and_adverbs(tok: Token) -> list[Token]:
    return [c for c in syntax.kids(tok)
            if c.dep_.lower() in ("aux", "aux:pass", "auxpass", "advmod", "neg", "mark",
                                  "compound:prt", "det", "advmod:emph")]


def assess(trigger: Token, w: Words) -> Modality:
    m = Modality()
    near = _aux_and_adverbs(trigger)
    chain = syntax.governing_chain(trigger)
    if trigger.pos_ == "NOUN" and trigger.head != trigger:
        # "a meeting ... could take place", "talks are possible": the noun's verb carries it
        near = near + _aux_and_adverbs(trigger.head)
        near = near + [c for c in syntax.kids(trigger.head) if c.dep_.lower() in ("acomp", "xcomp")]
    # negation: on the trigger, or on an auxiliary/light verb right above it
    scope = [trigger] + chain[:1] if trigger.pos_ == "NOUN" else [trigger]
    for t in scope:
        for c in _aux_and_adverbs(t):
            if c.lower_ in w.negation or c.lemma_.lower() in w.negation or c.dep_ == "neg":
                m.negated = True
    if trigger.pos_ == "NOUN" and any(c.lower_ in w.negative_det for c in syntax.kids(trigger)):
        m.negated = True
    for c in syntax.kids(trigger):  # "geen sancties", "no talks" under a verb trigger's object
        if c.dep_.lower() in syntax.OBJ and any(g.lower_ in w.negative_det for g in syntax.kids(c)):
            m.negated = True
    lemmas = {c.lemma_.lower() for c in near} | {c.lower_ for c in near}
    dep = trigger.dep_.lower()
    under_future = trigger.head.lemma_.lower() in w.future or trigger.head.lower_ in w.future
    if lemmas & w.future or (under_future and (
            dep == "xcomp" or (dep == "obj" and "Inf" in syntax.morph(trigger, "VerbForm")))):
        m.future = True  # "gaat tanks naar Oekraïne sturen": the future verb as the head
    heads = {h.lemma_.lower() for h in chain[:2]}
    head_mods = {c.lemma_.lower() for h in chain[:2] for c in syntax.kids(h)
                 if c.dep_.lower() in ("acomp", "advmod", "xcomp", "amod", "compound:prt",
                                       "obl", "obj", "dobj")}
    if lemmas & w.intent or heads & w.intent or head_mods & w.intent:
        m.modality = "intended"
    chain_mods = {c.lemma_.lower() for h in chain[:2] for c in _aux_and_adverbs(h)}
    if (lemmas | chain_mods) & w.hypothetical:
        m.modality = "hypothetical"
    if any(c.lower_ in w.conditional and (c.dep_.lower() == "mark" or (
            # "weet of Rusland zal aanvallen" with "of" read as a conjunction: a verb that is no
            # conjunct has nothing to coordinate, so its "of" opens the clause
            c.dep_.lower() == "cc" and c.i < trigger.i and trigger.dep_.lower() != "conj"))
           for c in syntax.kids(trigger)):
        m.modality = "hypothetical"
    m.reporter = _speech_verb(trigger, chain, w)
    return m


def _speech_verb(trigger: Token, chain: list[Token], w: Words) -> Token | None:
    for h in [trigger, *chain]:
        if h != trigger and h.lemma_.lower() in w.speech and not (
                h == trigger.head and trigger.dep_.lower() == "xcomp"):
            # (the infinitive right under "laten" is no report: "liet zijn bezwaar vallen")
            return h
        for c in syntax.kids(h):  # "..., zei Lavrov" / "..., Lavrov said" hanging off the event
            if c.dep_.lower() in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in w.speech \
                    and c.i > trigger.i:
                return c
        if h.dep_.lower() == "root" or h.head == h:
            break
    root = syntax.sent(trigger).root
    if (root != trigger and root.lemma_.lower() in w.speech and root not in chain
            and any(t == root for t in trigger.ancestors)):
        return root
    return None


def according_to(trigger: Token, w: Words) -> Token | None:
    """The source in "according to X" / "volgens X" attached to the event's clause."""
    for h in [trigger, *syntax.governing_chain(trigger)]:
        for p, arg in syntax.prep_args(h):
            if p in w.according:
                return arg
    return None
