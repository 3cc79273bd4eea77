"""Reading grammatical roles off a spaCy parse, whichever label scheme the pipeline speaks.

Our Dutch pack speaks Universal Dependencies (nsubj:pass, obl + case, obl:agent); en_core_web_sm
speaks ClearNLP (nsubjpass, dobj, prep + pobj, agent). Patterns are written once in terms of
``subj``/``obj``/preposition lemmas; this module maps both schemes onto those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

Token = Any  # spacy.tokens.Token; kept loose so spaCy is not imported at module load

SUBJ = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubjpass", "csubj:pass"}
PASS_SUBJ = {"nsubj:pass", "nsubjpass", "csubjpass", "csubj:pass"}
OBJ = {"obj", "dobj"}
IOBJ = {"iobj", "dative"}
PASS_AUX = {"aux:pass", "auxpass"}
PREP_DEPS_UD = {"obl", "obl:agent", "obl:arg", "nmod", "obl:tmod", "nmod:poss"}
CLEAR_PREP = {"prep", "agent", "dative"}
POSS = {"poss", "nmod:poss"}
MODIFIER = {"amod", "compound", "nmod", "flat", "flat:name", "appos", "nn", "npadvmod"}
CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "acl", "pcomp", "parataxis"}
RELCL = {"relcl", "acl:relcl"}
# What does not belong to a noun phrase when we look for the actor it names
NOT_IN_PHRASE = {"relcl", "acl:relcl", "acl", "conj", "cc", "punct", "advcl", "ccomp", "xcomp",
                 "parataxis", "dep"}


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in kids(tok) if c.dep_.lower() in deps]


# Prepositions of the agent of a passive, in the languages whose parses this module reads.
AGENT_CASES = {"door", "by"}


class _DocTables:
    """Per-document tables built in one pass on first use: every spaCy walk (``tok.children``,
    ``tok.sent``) builds new Token objects and rescans the document, and the coder asks the same
    few tokens the same questions many times."""

    __slots__ = ("doc", "kids", "memo", "sent_of", "sents", "toks")

    def __init__(self) -> None:
        self.doc: Any = None
        self.memo: dict[Any, Any] = {}
        self.kids: list[list[Token]] = []
        self.toks: list[Token] = []
        self.sent_of: list[int] = []
        self.sents: list[Any] = []

    def load(self, doc: Any) -> None:
        toks = list(doc)
        kids: list[list[Token]] = [[] for _ in toks]
        for t in toks:  # in document order: each list ends up in the order of tok.children
            h = t.head.i
            if h != t.i:
                kids[h].append(t)
        sents = list(doc.sents)
        sent_of = [0] * len(toks)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                sent_of[i] = n
        self.kids, self.sents, self.sent_of, self.toks = kids, sents, sent_of, toks
        self.memo = {}
        self.doc = doc


_TABLES = _DocTables()


def clear_memo() -> None:
    """Forget the previous document's answers (the coder calls this per document)."""
    _TABLES.doc = None
    _TABLES.memo = {}


def kids(tok: Token) -> list[Token]:
    """``list(tok.children)``, from the table of the document being coded."""
    doc = tok.doc
    if doc is not _TABLES.doc:
        _TABLES.load(doc)
    return _TABLES.kids[tok.i]


def doc_memo(doc: Any) -> dict[Any, Any]:
    """A scratch memo for answers about the document being coded (emptied with its tables)."""
    if doc is not _TABLES.doc:
        _TABLES.load(doc)
    return _TABLES.memo


_MISS = object()


def per_token(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Remember ``fn(tok, *args)`` for the document being coded (``args`` hashable): the coder
    asks the same roles of the same tokens once per pattern of a trigger. A list answer is
    handed out as a copy, so a caller may change what it gets."""
    cache: dict[Any, Any] = {}
    owner: list[Any] = [None]  # the memo of the document the cache belongs to

    def wrapper(tok: Token, *args: Any, **kw: Any) -> Any:
        doc = tok.doc
        if doc is not _TABLES.doc:
            _TABLES.load(doc)
        if owner[0] is not _TABLES.memo:  # another document (or the same one coded again)
            cache.clear()
            owner[0] = _TABLES.memo
        key = (tok.i, *args, *kw.items()) if args or kw else tok.i
        hit = cache.get(key, _MISS)
        if hit is _MISS:
            hit = cache[key] = fn(tok, *args, **kw)
        return hit[:] if type(hit) is list else hit

    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


def tokens(doc: Any) -> list[Token]:
    """``list(doc)``, made once for the document being coded (do not change it)."""
    if doc is not _TABLES.doc:
        _TABLES.load(doc)
    return _TABLES.toks


def sent(tok: Token) -> Any:
    """``tok.sent`` (the sentence span), from the table of the document being coded."""
    doc = tok.doc
    if doc is not _TABLES.doc:
        _TABLES.load(doc)
    return _TABLES.sents[_TABLES.sent_of[tok.i]]


@per_token
def is_passive(verb: Token) -> bool:
    """A passive auxiliary, or a passive subject without an active one beside it ("Frankrijk en
    Duitsland hebben een verdrag ondertekend" with "verdrag" as nsubj:pass is active). A
    passive subject beside a plain (perfect) auxiliary and no agent phrase is a weak parse's
    label for the subject of an active perfect: "Obama is in Moskou aangekomen", "De rebellen
    hebben hun wapens overgedragen" (a true passive gets its aux:pass)."""
    deps = [c.dep_.lower() for c in kids(verb)]
    auxes = [c for c in kids(verb) if c.dep_.lower() in PASS_AUX and c.pos_ in ("AUX", "VERB")]
    if auxes:  # (a noun labelled aux:pass, "raketten afgevuurd", is no auxiliary)
        return not active_perfect(verb, auxes)
    if headline_participle(verb, deps):
        return True
    if not any(d in PASS_SUBJ for d in deps) or any(d in ("nsubj", "csubj") for d in deps):
        return False
    if "Fin" in verb.morph.get("VerbForm") or "obj" in deps:
        # no passive auxiliary, and a finite verb or an object of its own: active ("Jordaanse
        # toestellen wierpen medicijnen af" with its subject mislabelled)
        return False
    return "aux" not in deps or _agent_phrase(verb)


def headline_participle(verb: Token, deps: list[str]) -> bool:
    """"Medewerker van president van Montenegro vermoord", "Journalist killed in Moscow": a
    headline drops the auxiliary, so a bare participle heading a sentence without final
    punctuation, with a subject and no object, is a passive whose subject is the victim."""
    if verb.dep_.lower() != "root" or "Part" not in verb.morph.get("VerbForm") \
            or "Pres" in verb.morph.get("Tense") \
            or "obj" in deps or any(d.startswith("aux") or d == "cop" for d in deps) \
            or not any(d in ("nsubj", "nsubj:pass") for d in deps):
        return False  # (a present participle, "Chechens say observing ceasefire", is active)
    words = [t for t in sent(verb) if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", ":", ";")


def active_perfect(verb: Token, auxes: list[Token]) -> bool:
    """"Macron is in Peking aangekomen", "Rusland is Oekraïne binnengevallen": a verb whose
    perfect tense takes the auxiliary that also makes passives ("zijn") is active, whatever
    label the parser gave the auxiliary. The verbs are the language's ``active_perfect`` words
    (events.yaml), the auxiliaries its ``perfect_aux``; a verb with a ``door`` phrase stays
    passive ("is door Rusland binnengevallen" is rare but unambiguous)."""
    lang = verb.doc.lang_
    if verb.lemma_.lower() not in _pack_words(lang, "events", "words", "active_perfect"):
        return False
    perfect_aux = _pack_words(lang, "events", "words", "perfect_aux")
    return all(a.lemma_.lower() in perfect_aux for a in auxes) and not _agent_phrase(verb)


@cache
def _pack_words(lang: str, name: str, *path: str) -> frozenset[str]:
    """Words of a language pack's ``<name>.yaml`` at ``path`` (a list, or a mapping's keys),
    lower-cased: for the questions asked of a parse without a coder at hand."""
    from kroniek import lang as packs

    node = packs.load(lang, name) or {}
    for key in path:
        node = node.get(key) or {}
    return frozenset(str(w).lower() for w in node)


def _agent_phrase(verb: Token) -> bool:
    for c in kids(verb):
        dep = c.dep_.lower()
        if dep in ("obl:agent", "agent"):
            return True
        if any(g.dep_.lower() == "case" and g.lower_ in AGENT_CASES for g in kids(c)):
            return True
    return False


@per_token
def prep_args(tok: Token) -> tuple[tuple[str, Token], ...]:
    """``(preposition lemma, argument head)`` for each prepositional phrase under ``tok``."""
    return tuple(_prep_args(tok))


def _prep_args(tok: Token) -> Iterator[tuple[str, Token]]:
    for c in kids(tok):
        dep = c.dep_.lower()
        if dep in CLEAR_PREP and c.pos_ in ("ADP", "SCONJ"):
            for g in kids(c):
                if g.dep_.lower() in ("pobj", "pcomp"):
                    yield ("by" if dep == "agent" and c.lower_ == "by" else c.lemma_.lower(), g)
        elif dep in PREP_DEPS_UD or dep.startswith("obl"):
            cases = [g for g in kids(c) if g.dep_.lower() == "case"]
            if not cases:
                cases = stray_case(tok, c)
            if cases:
                yield (" ".join(g.lemma_.lower() for g in cases), c)
                if len(cases) > 1:  # "voerde aanvallen uit op Libanon": "uit" is the verb's
                    yield (cases[-1].lemma_.lower(), c)


def stray_case(head: Token, arg: Token) -> list[Token]:
    """A preposition the parser hung on the verb instead of on its noun ("werd door Xi
    uitgenodigd" with "door" under the verb): the case word right before ``arg``'s phrase."""
    left = arg.left_edge.i - 1
    if left < 0:
        return []
    prev = arg.doc[left]
    if prev.head == head and prev.dep_.lower() == "case":
        return [prev]
    return []


@per_token
def subjects(verb: Token) -> list[Token]:
    """The verb's subjects; when a parser gives a finite verb two subjects and no object
    ("wees het voorstel af" with "voorstel" as nsubj), the first one."""
    subj = [c for c in kids(verb) if c.dep_.lower() in SUBJ]
    return subj[:1] if len(subj) > 1 else subj


def stray_iobj(verb: Token) -> list[Token]:
    """The second subject of a two-subject verb that has an object: the indirect object the
    parser mislabelled ("legde Rusland sancties op")."""
    subj = [c for c in kids(verb) if c.dep_.lower() in SUBJ]
    objs = [c for c in kids(verb) if c.dep_.lower() in OBJ]
    if len(subj) > 1 and objs:
        return subj[1:]
    if len(objs) > 1:  # "leggen Iran nieuwe sancties op": two objects, the first one indirect
        return objs[:-1]
    return []


def stray_objects(verb: Token) -> list[Token]:
    """The object a parser mislabelled on an objectless verb: its second subject, or a name or
    noun hung on the verb as a determiner ("Rusland is Oekraïne binnengevallen" with
    "Oekraïne" as ``det``: a determiner of a verb is no determiner)."""
    if any(c.dep_.lower() in OBJ for c in kids(verb)):
        return []
    subj = [c for c in kids(verb) if c.dep_.lower() in SUBJ]
    if len(subj) > 1:
        return subj[1:]
    if verb.pos_ == "VERB":
        return [c for c in kids(verb) if c.dep_.lower() == "det" and c.pos_ in ("PROPN", "NOUN")]
    return []


@per_token
def expand_conj(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Rusland en China")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in kids(t):
            if c in out:
                continue
            if (c.dep_.lower() == "conj" and c.pos_ in ("PROPN", "NOUN", "ADJ", "PRON", "X",
                                                         "NUM")) or _correlated(t, c) \
                    or _flat_after_conjunction(t, c):
                out.append(c)
                stack.append(c)
    return out


def _flat_after_conjunction(head: Token, tok: Token) -> bool:
    """"tussen Poetin en Erdogan" parsed as one name (``flat`` for "en" and "Erdogan"): a name
    part right after a coordinating conjunction under the same head is a second name."""
    if tok.dep_.lower() not in ("flat", "flat:name") or tok.pos_ not in ("PROPN", "NOUN", "X") \
            or tok.i < 1:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "CCONJ" and prev.head.i == head.i


def _correlated(first: Token, second: Token) -> bool:
    """"zowel Noord- als Zuid-Korea", "both X and Y" parsed as a clause or modifier under the
    first name: the second name carries the closing word (mark/cc), the first the opening one."""
    if second.pos_ not in ("PROPN", "NOUN", "X") or second.i < first.i:
        return False
    closes = any(g.dep_.lower() in ("mark", "cc") and g.pos_ in ("SCONJ", "CCONJ")
                 and first.i < g.i < second.i for g in kids(second))
    opens = any(g.pos_ in ("ADV", "CCONJ") and g.i < first.i
                and g.dep_.lower() in ("dep", "cc", "cc:preconj", "preconj", "advmod")
                for g in kids(first))
    return closes and opens


@per_token
def phrase_tokens(head: Token, of_preps: frozenset[str] = frozenset()) -> list[Token]:
    """The noun phrase of ``head`` without clauses, coordinated heads, or prepositional phrases
    other than "of"-like ones ("de regering van Iran" names Iran; "talks with Xi" does not)."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in kids(t):
            dep = c.dep_.lower()
            if t is head and dep in NOT_IN_PHRASE:
                continue
            if dep in RELCL or dep in {"acl", "advcl", "ccomp", "parataxis"}:
                continue
            if dep in CLEAR_PREP and c.lemma_.lower() not in of_preps:
                continue
            if dep in PREP_DEPS_UD or dep.startswith("obl"):
                cases = [g.lemma_.lower() for g in kids(c) if g.dep_.lower() == "case"]
                if cases and not set(cases) & of_preps:
                    continue
            out.append(c)
            stack.append(c)
    return sorted(out, key=lambda x: x.i)


def is_relative_pronoun(tok: Token) -> bool:
    if tok.tag_ in ("WDT", "WP", "WP$"):
        return True
    return "Rel" in morph(tok, "PronType")


@per_token
def morph(tok: Token, feature: str) -> list[str]:
    """``tok.morph.get(feature)``, once per token and feature of the document being coded
    (spaCy builds the morphology's strings anew on every call)."""
    return list(tok.morph.get(feature))


@per_token
def antecedent(tok: Token) -> Token:
    """For a relative pronoun, the noun its clause modifies; otherwise the token itself."""
    if is_relative_pronoun(tok):
        t = tok.head
        for _ in range(3):
            if t.dep_.lower() in RELCL:
                return t.head
            if t.head == t:
                break
            t = t.head
    return tok


def verb_particles(tok: Token) -> list[str]:
    """Particles and prepositions under a verb: "uit" in "nodigt ... uit", "out" in "carry out"."""
    return [c.lower_ for c in kids(tok)
            if c.dep_.lower() in ("compound:prt", "prt", "svp", "prep", "case", "mark")
            or (c.dep_.lower() in ("obl", "advmod") and c.pos_ == "ADP")]


def near_words(tok: Token) -> set[str]:
    """Forms and lemmas of the words right under a verb and one level further down: where the
    rest of a multiword trigger ("take into custody", "call for", "nodigt uit") is found."""
    out: set[str] = set()
    for c in kids(tok):
        out.update((c.lower_, c.lemma_.lower()))
        for g in kids(c):
            out.update((g.lower_, g.lemma_.lower()))
    if tok.dep_.lower() == "xcomp" and tok.head is not tok:
        # "liet zijn bezwaar vallen": the current Dutch trees make "laten" the head of its
        # infinitive, so the first word of "laten vallen" stands above the trigger
        out.update((tok.head.lower_, tok.head.lemma_.lower()))
    return out


def dating_preposition(tok: Token) -> bool:
    """A preposition that dates the act ("called Xi on Monday", "sprak op dinsdag"): never the
    particle of a multiword trigger ("call on")."""
    if tok.pos_ != "ADP":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return any(time_word(g) for g in kids(tok)) or (nxt is not None and time_word(nxt))


def time_word(tok: Token) -> bool:
    """A date or time: the tagger's DATE/TIME entity, or a weekday or month of the language's
    dates.yaml (packs whose entity tagger has no DATE label)."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    lang = tok.doc.lang_
    return tok.lower_ in _pack_words(lang, "dates", "weekdays") \
        or tok.lower_ in _pack_words(lang, "dates", "months")


def clause_tail(tok: Token, width: int = 3) -> set[str]:
    """The last words of a verb-second clause, up to punctuation, a conjunction or "te": the
    place of a separable particle ("wees de beschuldigingen van de hand") that a weak parse
    hung on some noun deeper down, out of ``near_words``' reach."""
    doc = tok.doc
    end = tok.i + 1
    stop = sent(tok).end
    while end < stop and not (doc[end].is_punct or doc[end].pos_ in ("CCONJ", "SCONJ")
                              or doc[end].dep_.lower() == "mark" or doc[end].lower_ == "te"):
        end += 1
    return {w.lower_ for w in doc[max(tok.i + 1, end - width):end]}


def next_words(tok: Token, width: int = 3) -> set[str]:
    """The words right after a verb in its clause ("betuigde diepe spijt"): where the noun of a
    verb-noun trigger stands when a weak parse hung it on another word."""
    doc = tok.doc
    out: set[str] = set()
    for t in doc[tok.i + 1:min(tok.i + 1 + width, sent(tok).end)]:
        if t.is_punct or t.pos_ in ("CCONJ", "SCONJ", "VERB", "AUX"):
            break
        out.update((t.lower_, t.lemma_.lower()))
    return out


def later_prepositions(tok: Token) -> set[str]:
    """Prepositions after a verb up to the end of its clause ("veroordeelde een Franse toerist
    tot acht jaar cel" with "tot" hung deep under the object): the preposition of a verb +
    preposition trigger wherever a weak parse put it."""
    doc = tok.doc
    out: set[str] = set()
    for t in doc[tok.i + 1:sent(tok).end]:
        if t.text in {",", ";", ":"} or t.pos_ in ("SCONJ", "VERB", "AUX") \
                or t.dep_.lower() == "mark":
            break  # "stemde ermee in om met Pakistan ...": the infinitive's own preposition
        if t.pos_ == "ADP":
            out.add(t.lower_)
    return out


@per_token
def governing_chain(tok: Token, limit: int = 4) -> list[Token]:
    """The heads above ``tok`` through clause links (xcomp, ccomp, advcl, ...), nearest first."""
    out: list[Token] = []
    t = tok
    for _ in range(limit):
        if t.head == t:
            break
        dep = t.dep_.lower()
        if dep not in CLAUSE_LINKS and dep not in ("obj", "dobj", "pobj", "obl", "nmod", "prep",
                                                    "acomp", "amod", "xcomp", "obl:arg",
                                                    *PASS_SUBJ):  # "het verzoek werd afgewezen"
            break
        t = t.head
        out.append(t)
    return out
