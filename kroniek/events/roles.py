"""Which tokens fill a pattern's roles around a trigger, in either voice.

Patterns name roles in the active voice. In the passive the grammatical subject is the logical
object and the ``by``/``door`` phrase the logical subject; a verb without its own subject takes
the one of the clause it hangs from (coordinated verbs, "agreed to meet", purpose clauses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kroniek.events import syntax
from kroniek.events.syntax import Token


@dataclass(frozen=True)
class Grammar:
    """The handful of function words the role finder needs, from the language's events.yaml."""

    agent_preps: frozenset[str]
    light_verbs: frozenset[str]
    of_preps: frozenset[str]  # "the visit of Putin", "het bezoek van Poetin"
    between_preps: frozenset[str]
    # "agreed in a phone call", "took part in joint exercises": the verb's subject takes part
    carrier_preps: frozenset[str] = frozenset()
    # every lemma reading of a verb (the coder's: parser lemma, fallback lemmatiser, particles)
    verb_forms: Callable[[Token], set[str]] | None = None
    # "signed a decree annexing ...": the author of the document is the one who acts
    document_nouns: frozenset[str] = frozenset()
    # "accused X of preparing", "urged X to leave": X is the subject of the infinitive
    object_control: frozenset[str] = frozenset()

    def is_light(self, verb: Token) -> bool:
        forms = self.verb_forms(verb) if self.verb_forms else {verb.lemma_.lower()}
        return bool(forms & self.light_verbs)


def logical_subjects(verb: Token, g: Grammar, depth: int = 0) -> list[Token]:
    """The verb's logical subjects (the by-phrase of a passive, the subject of the clause it
    hangs from); once per token and depth of the document being coded."""
    memo = syntax.doc_memo(verb.doc)
    key = ("logical_subjects", verb.i, id(g), depth)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _logical_subjects(verb, g, depth)
    return list(hit)


def _logical_subjects(verb: Token, g: Grammar, depth: int) -> list[Token]:
    if syntax.is_passive(verb):
        agents = [a for p, a in syntax.prep_args(verb) if p in g.agent_preps]
        if not agents:  # "allowed into the plant by Russia": the by-phrase hung on a noun
            for t in verb.subtree:
                if t.head != verb and t.head != t and t.pos_ != "VERB":
                    agents.extend(a for p, a in syntax.prep_args(t) if p in g.agent_preps
                                  and t.dep_.lower() not in syntax.SUBJ)
                if agents:
                    break
        return agents
    subj = syntax.subjects(verb)
    fronted = _aux_subjects(verb)
    if fronted and subj and all(s.i > a.i for s in subj for a in fronted):
        # "Een drone heeft de generaal gedood" with "drone" on "heeft" and "generaal" as the
        # participle's subject: the name before the finite auxiliary is the subject
        return fronted
    if not subj:  # a parser that hangs the subject on the auxiliary ("troepen hebben ... ")
        for aux in syntax.kids(verb):
            if aux.dep_.lower() in ("aux", "aux:pass", "auxpass", "cop"):
                subj = syntax.subjects(aux)
                if subj:
                    break
    if subj or depth >= 3:
        return subj
    if _finite_subordinate(verb):
        # "meldde dat Rusland heeft geweigerd ..." with "Rusland" labelled the object: a
        # finite clause has its own subject, never the main clause's; in a verb-final clause
        # the first bare name after the conjunction is it
        return _early_object(verb)
    dep = verb.dep_.lower()
    head = verb.head
    if head == verb:
        return []
    if dep in ("xcomp", "advcl", "ccomp") and head.pos_ == "VERB" and g.object_control \
            and head.lemma_.lower() in g.object_control:
        # "beschuldigde de VS ervan een invasie voor te bereiden", "urged Russia to withdraw":
        # the one accused or urged does the act, not the accuser
        objs = logical_objects(head)
        if objs:
            return objs
    if dep in ("conj", "xcomp", "advcl") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return logical_subjects(head, g, depth + 1)
    if dep == "acl" and head.lemma_.lower() in g.document_nouns and head.head is not head \
            and head.head.pos_ in ("VERB", "AUX"):
        # "adopted a resolution demanding a ceasefire": who adopted it demands
        return logical_subjects(head.head, g, depth + 1)
    if dep in ("acomp", "ccomp") and head.pos_ in ("AUX", "VERB", "ADJ"):  # "is ready to help",
        return logical_subjects(head, g, depth + 1)                      # "staat klaar om te"
    return []


@syntax.per_token
def _finite_subordinate(verb: Token) -> bool:
    """A clause opened by a subordinating conjunction ("dat", "that") without an infinitive
    marker: it states its own subject."""
    marks = [c for c in syntax.kids(verb) if c.dep_.lower() == "mark" and c.i < verb.i]
    first = verb.left_edge  # "dat" the parse hung on the clause's first name as a determiner
    if first.pos_ == "SCONJ" and first.i < verb.i and first not in marks:
        marks.append(first)
    return any(m.pos_ == "SCONJ" for m in marks) and not any(m.pos_ in ("ADP", "PART")
                                                             for m in marks)


@syntax.per_token
def logical_objects(verb: Token) -> list[Token]:
    if syntax.is_passive(verb):
        return [c for c in syntax.kids(verb) if c.dep_.lower() in syntax.PASS_SUBJ]
    # an active verb's "passive subject" is the object a weak parse mislabelled
    out = [c for c in syntax.kids(verb) if c.dep_.lower() in syntax.OBJ | syntax.PASS_SUBJ] or \
        syntax.stray_objects(verb)
    if not out and _aux_subjects(verb):  # the participle's "subject" after the auxiliary
        fronted = _aux_subjects(verb)
        out = [c for c in syntax.kids(verb) if c.dep_.lower() == "nsubj"
               and all(c.i > a.i for a in fronted)]
    if out and _finite_subordinate(verb) and not syntax.subjects(verb) and not any(
            syntax.subjects(a) for a in syntax.kids(verb) if a.dep_.lower() in ("aux", "cop")):
        taken = _early_object(verb)  # read as the clause's subject (logical_subjects)
        out = [c for c in out if c not in taken]
    return out


@syntax.per_token
def _aux_subjects(verb: Token) -> list[Token]:
    """Subjects a parse hung on the verb's (active, non-passive) auxiliary before it."""
    if syntax.is_passive(verb):
        return []
    for aux in syntax.kids(verb):
        if aux.dep_.lower() == "aux" and aux.i < verb.i:
            found = [s for s in syntax.subjects(aux) if s.i < aux.i]
            if found:
                return found
    return []


def _early_object(verb: Token) -> list[Token]:
    early = [c for c in syntax.kids(verb) if c.i < verb.i and c.dep_.lower() in syntax.OBJ
             and c.pos_ in ("PROPN", "NOUN", "PRON") and not _has_case(c)]
    return early[:1]


def verb_role(verb: Token, role: str, g: Grammar, particle: str | None) -> list[Token]:
    if role == "subj":
        return logical_subjects(verb, g)
    if role == "obj":
        objs = logical_objects(verb)
        if not objs and particle:  # "call on Russia", "rekent af met"
            objs = [a for p, a in syntax.prep_args(verb) if p == particle]
        return objs
    if role == "iobj":
        return [c for c in syntax.kids(verb) if c.dep_.lower() in syntax.IOBJ] or \
            syntax.stray_iobj(verb)
    if role == "poss":  # "forgave Cuba's debt"
        return [c for o in logical_objects(verb) for c in syntax.kids(o)
                if c.dep_.lower() in syntax.POSS]
    # a preposition: on the verb, or on its object ("imposed sanctions on Iran")
    passive = syntax.is_passive(verb)
    out = [a for p, a in syntax.prep_args(verb)
           if p == role and not (passive and p in g.agent_preps)]
    for obj in logical_objects(verb):
        out.extend(a for p, a in syntax.prep_args(obj) if p == role)
    if not out and role not in g.agent_preps:
        # "put its army on high alert along the border": the phrase hangs one phrase deeper,
        # on the verb's own prepositional argument
        out = [b for _, a in syntax.prep_args(verb) for p, b in syntax.prep_args(a) if p == role]
    return out


def light_verb(noun: Token, g: Grammar) -> Token | None:
    """The verb a noun trigger is the object of when that verb only carries it ("hold talks")."""
    head = noun.head
    if head == noun:
        return None
    if not g.is_light(head):
        return _light_verb_above(noun, g)
    if noun.dep_.lower() in syntax.OBJ or noun.dep_.lower() in syntax.PASS_SUBJ or \
            noun.dep_.lower() == "compound:prt":  # a parser's guess for "sancties instellen"
        return head
    return None


def _light_verb_above(noun: Token, g: Grammar) -> Token | None:
    """"voeren sinds vrijdag gezamenlijke patrouilles uit" with the object hung on the time
    phrase before it: a caseless noun one phrase below an object-less light verb."""
    head = noun.head
    verb = head.head
    if _has_case(noun) or noun.dep_.lower() not in ("nmod", "nsubj", "dep", "appos") or \
            verb == head or head.dep_.lower() not in ("obl", "nmod") or head.i > noun.i:
        return None
    if g.is_light(verb) and not logical_objects(verb):
        return verb
    return None


def noun_role(noun: Token, role: str, g: Grammar,
              taken: frozenset[str] = frozenset()) -> list[Token]:
    """``taken``: prepositions the pattern gives to the other side ("invasion of Ukraine")."""
    lv = light_verb(noun, g)
    if role == "poss":
        out = [c for c in syntax.kids(noun)
               if c.dep_.lower() in syntax.POSS
               or (c.dep_.lower() in ("amod", "compound", "nmod", "nn") and not _has_case(c))]
        out.extend(a for p, a in syntax.prep_args(noun)
                   if (p in g.of_preps or p in g.agent_preps) and p not in taken)
        return out
    if role in ("carrier", "light"):  # "Russia held talks": the subject of the light verb
        if lv is not None:
            return logical_subjects(lv, g)
        if role == "light":
            return []
        verb = verb_through_prep(noun, g.carrier_preps)
        return logical_subjects(verb, g) if verb is not None else []
    if role == "between":
        return [a for p, a in syntax.prep_args(noun) if p in g.between_preps]
    if role in ("subj", "obj", "iobj"):
        return verb_role(lv, role, g, None) if lv is not None else []
    out = [a for p, a in syntax.prep_args(noun) if p == role]
    carrier = lv if lv is not None else _object_of(noun)
    if not out and carrier is not None:  # "deepened its cooperation with X": PP on the verb
        out = [a for p, a in syntax.prep_args(carrier) if p == role]
    return out


# What a real object has and a light one ("took part in") has not.
COUNTED = {"det", "nummod", "amod", "compound", "poss", "nmod:poss", "nmod"}


def verb_through_prep(noun: Token, preps: frozenset[str]) -> Token | None:
    """The verb a noun hangs from through one of ``preps`` ("agreed in a call", "nam deel aan
    de oefening"), in either label scheme; through a light object ("took part in")."""
    if not preps or noun.head == noun:
        return None
    dep = noun.dep_.lower()
    head = noun.head
    if dep in ("pobj", "pcomp") and head.lemma_.lower() in preps:
        verb = head.head
    elif (dep == "obl" or dep.startswith("obl:")) and any(
            c.dep_.lower() == "case" and c.lemma_.lower() in preps for c in syntax.kids(noun)):
        verb = head
    else:
        return None
    if verb.pos_ in ("NOUN",) and verb.dep_.lower() in syntax.OBJ:
        if any(c.dep_.lower() in COUNTED for c in syntax.kids(verb)):
            return None  # "pledged 200 million euros in aid": the phrase is the object's
        verb = verb.head  # a bare light object: "took part in", "nam deel aan"
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _object_of(noun: Token) -> Token | None:
    head = noun.head
    if head != noun and noun.dep_.lower() in syntax.OBJ and head.pos_ == "VERB":
        return head
    return None


@syntax.per_token
def _has_case(tok: Token) -> bool:
    return any(c.dep_.lower() == "case" for c in syntax.kids(tok))
