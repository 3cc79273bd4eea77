"""The event coder: patterns matched on the parse, arguments resolved to actors, PLOVER out.

Per sentence: every token whose lemma is a trigger is a candidate (one per token, the best
fitting pattern); a candidate hanging from another one that frames it ("weigerde te ontmoeten",
"called for talks", "threatened to attack") is folded into that frame; modality, negation and
reported speech are read off the parse; then the precision guards decide what is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from kroniek.events import arguments, linear, modality, prospect, roles, syntax
from kroniek.events.attach import Attacher
from kroniek.events.merge import evidence as merge_evidence
from kroniek.events.merge import merge
from kroniek.events.ontology import load as load_ontology
from kroniek.events.patterns import Dictionary, Pattern, Trigger
from kroniek.events.patterns import load as load_patterns
from kroniek.events.syntax import Token
from kroniek.model import Actor, Analysis, Event, Span

# Verbal frames that take another event as their content (PLOVER codes the frame).
FRAMES = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE"}
# The mode a frame gets from the event it frames, when its pattern gives none.
FRAME_MODE = {
    "REQUEST": {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"},
    "REJECT": {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
               "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"},
    "THREATEN": {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations"},
}
# Frames whose content, when a noun with its own participants, is an event of its own.
KEEPS_CONTENT = {"ACCUSE", "SUPPORT", "REJECT"}
# Event nouns that, inside another event's argument, only name its object ("withdrew from the
# nuclear deal", "condemned the accord"): the agreement is not a new event of the sentence.
ONLY_OBJECT = {"AGREE"}
# What a frame becomes when its content says more (PLOVER: an announced retreat is CONCEDE).
FRAME_TYPE = {("AGREE", "RETREAT"): "CONCEDE", ("AGREE", "CONCEDE"): "CONCEDE"}
# Where a mistagged noun may stand ("sancties" tagged VERB as the object of "instellen").
NOMINAL_DEPS = {"obj", "nsubj", "nsubj:pass", "obl", "nmod", "compound:prt", "conj", "appos"}
# What an agreement to act becomes when the act is conflictual.
INTENDED_CONTENT = {"SANCTION", "ASSAULT", "COERCE", "MOBILIZE"}
# Links across which a noun is no longer part of another trigger's argument.
STOP_ABSORB = {"relcl", "acl:relcl", "ccomp", "advcl", "parataxis", "conj", "xcomp", "csubj"}
# CAMEO code for a cooperative event turned into AGREE by tense or intent.
AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}


@lru_cache(maxsize=65536)
def _simplemma(form: str, lang: str) -> str | None:
    try:
        import simplemma

        return str(simplemma.lemmatize(form, lang=lang)).lower().replace("_", "")
    except Exception:  # noqa: BLE001 - an unknown language or a missing package: no fallback
        return None


def _ends_with(word: str, heads: frozenset[str]) -> bool:
    """A closed compound whose head is one of ``heads``: "luchtafweersystemen" → "systemen"
    (a head of four letters or more, after at least three letters of its own)."""
    return any(word[-k:] in heads for k in range(4, len(word) - 2))



def _split_shared(src: list[Actor], tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """An actor found on both sides (a name the parser split over subject and object, "Kim" /
    "Jong-un") stays on the source side, where it is one of a coordination ("het verdrag met
    Canada werd door de EU en Canada ondertekend": a joint act), else where it is not the only
    one."""
    shared = {a.id for a in src} & {a.id for a in tgt}
    if not shared:
        return src, tgt
    rest = [a for a in src if a.id not in shared]
    if rest and len({a.id for a in tgt}) <= len(shared):
        return src, [a for a in tgt if a.id not in shared]
    if rest:
        return rest, tgt
    return src, [a for a in tgt if a.id not in shared]


class _Near:
    """``syntax.near_words`` of a token, computed on first use (most tokens never need it)."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._words: set[str] | None = None

    @property
    def words(self) -> set[str]:
        if self._words is None:
            t = self.tok
            self._words = syntax.near_words(t) | syntax.clause_tail(t) | \
                syntax.next_words(t) | syntax.later_prepositions(t)
        return self._words


@dataclass
class Candidate:
    pattern: Pattern
    trigger: Trigger
    token: Token
    sources: list[Actor]
    targets: list[Actor]
    type: str
    mode: str | None
    cameo: str | None
    absorbed: bool = False
    notes: list[str] = field(default_factory=list)
    denied_by: Token | None = None
    intended: bool = False
    modal: str | None = None  # "Een gesprek met X is mogelijk": the noun's own predicate
    setting: bool = False  # "did not meet during the G20 summit": held within a larger event
    refused: bool = False  # a refusal read off negation ("niet aanvaard", "niet bereid"): REJECT

    def rank(self) -> tuple[int, int, int, int]:
        # a pattern that asks for both its object and its subject says the most
        specific = (1 if self.pattern.objects else 0) + (1 if self.pattern.subjects else 0)
        return (1 if self.trigger.particle else 0, 1 if self.sources else 0, specific,
                1 if self.targets else 0)


class Coder:
    """Built once per language (loading is done here); called once per document."""

    def __init__(self, lang: str, config: dict[str, Any]) -> None:
        self.lang = lang
        self.dict: Dictionary = load_patterns(lang)
        w = self.dict.word_set
        self.grammar = roles.Grammar(w("agent_preps"), w("light_verbs"), w("of_preps"),
                                     w("between_preps"), w("carrier_preps"), self._verb_forms)
        self.words = modality.Words(w("negation"), w("negative_det"), w("hypothetical"),
                                    w("conditional"), w("intent"), w("future"), w("speech"),
                                    w("according"))
        self.person_pronouns = w("person_pronouns")
        self.other_pronouns = w("other_pronouns")
        self.speaker_pronouns = w("speaker_pronouns")
        self.speaker_marks = w("speaker_marks")
        self.openers = w("clause_openers")
        self.during_preps = w("during_preps")
        self.passive_aux = w("passive_aux")
        self.people = w("people_nouns")
        self.fillers = w("fillers")
        self.denial = w("denial")
        self.unwilling = w("unwilling")
        self.clause_intent = w("clause_intent")
        self.place_preps = w("place_preps")
        self.away_preps = w("away_preps")
        self.goal_preps = w("goal_preps")
        self.announce = w("announce")
        self.against_preps = w("against_preps")
        self.domestic = w("domestic_policy")
        self.fallback_lemmas = bool(self.dict.words.get("lemma_fallback", False))
        self.linear = bool(self.dict.words.get("linear_fallback", False))
        # "schort ... op" → "op" + "schort" + "en": the infinitive from a verb-second stem
        self.infinitive = str(self.dict.words.get("infinitive_suffix") or "")
        self.quantifiers = w("quantifiers")
        self.compounds = bool(self.dict.words.get("compound_nouns", False))
        self.separable = bool(self.dict.words.get("separable_prefix", False))
        self.prospect = prospect.ProspectWords(
            w("copulas"), w("possible_predicates") | w("hypothetical"), w("planned_predicates"),
            w("prepare_phrases"), w("predicate_fillers"))
        self.onto = load_ontology()
        # the endings of separable verbs ("schorten" of "opschorten"): only a verb whose lemma
        # is one of them can be the stem of a split separable verb
        self._verb_tails = frozenset(base[k:] for (pos, base) in self.dict.by_base
                                     if pos == "verb" for k in range(1, len(base) - 1))
        self._bases = frozenset(base for (_, base) in self.dict.by_base)
        self._trigger_words = self._bases | self._verb_tails
        self.attacher = Attacher()
        cfg = (config or {}).get("events", {}) if isinstance(config, dict) else {}
        self.require_source = bool(cfg.get("require_source", True))
        self.min_confidence = float(cfg.get("min_confidence", 0.0))
        self._forms_memo: dict[tuple[int, int], set[str]] = {}
        self._clause_memo: dict[tuple[int, int], tuple[int, int]] = {}
        self._sent_memo: dict[int, str] = {}
        self._words_memo: dict[int, frozenset[str]] = {}

    # -- entry point -------------------------------------------------------------------
    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.nlp_doc
        self._forms_memo = {}  # caches for this document only
        self._clause_memo = {}
        self._sent_memo = {}
        syntax.clear_memo()
        if doc is None or not self.dict.patterns or not doc.has_annotation("DEP"):
            return
        index = arguments.ActorIndex.build(analysis, self.dict.word_set("non_actor_heads"),
                                           self.grammar.of_preps)
        if not index.by_token:
            return
        events: list[Event] = []
        previous: list[Event] = []
        for sent in doc.sents:
            previous = self.code_sentence(sent, index, analysis, previous)
            events.extend(previous)
        analysis.events = merge(events)

    # -- matching ------------------------------------------------------------------------
    def matches(self, tok: Token) -> list[tuple[Pattern, Trigger]]:
        upos = tok.pos_
        if upos in ("DET", "PUNCT", "CCONJ", "SCONJ", "NUM", "PRON", "SPACE", "SYM", "PART",
                    "INTJ") or not self._may_trigger(tok):
            return []  # most words: no reading of them is a trigger lemma
        if tok.pos_ in ("VERB", "ADJ", "AUX") or (
                self.linear and tok.dep_.lower() == "root" and tok.pos_ in ("ADV", "ADP", "X")):
            # a weak tagger's root verb called an adverb ("beschoot" ADV): still the verb
            pos = "verb"
        elif self.linear and self.fallback_lemmas and tok.pos_ in ("ADV", "ADP", "X") and \
                tok.text.isalpha() and (_simplemma(tok.text, self.lang) or tok.lower_) != tok.lower_:
            # "Japan bevroor de tegoeden" with "bevroor" tagged ADP: a word the lemmatiser reads
            # as an inflected form (real prepositions and adverbs are their own lemma)
            pos = "verb"
        elif tok.pos_ == "NOUN":
            has_subj = any(c.dep_.lower() in syntax.SUBJ for c in syntax.kids(tok))
            pos = "verb" if has_subj and tok.dep_.lower() == "root" else "noun"
        elif self.linear and tok.pos_ == "PROPN" and tok.dep_.lower() == "root" and \
                tok.text.isalpha() and tok.text.islower():
            pos = "verb"  # "Trump prees Kim": a lower-case root is no name but the verb
        else:
            return []
        near = _Near(tok)  # the words under the verb, read only when a particle asks
        found: list[tuple[Pattern, Trigger]] = []
        for lemma in self._lemmas(tok):
            found = self._matches_lemma(tok, pos, lemma, near)
            if found:
                return found
        if self.linear:
            # a young tagger calls "sancties" a verb and "verbroken" a noun: try the other
            # reading where the parse allows it (a noun in a nominal slot, a verb without article)
            other = None
            if pos == "verb" and tok.dep_.lower() in NOMINAL_DEPS:
                other = "noun"
            elif pos == "noun" and not any(c.dep_.lower() == "det" for c in syntax.kids(tok)):
                other = "verb"
            if other:
                for lemma in self._lemmas(tok):
                    found = self._matches_lemma(tok, other, lemma, near)
                    if found:
                        return found
        return found

    def _may_trigger(self, tok: Token) -> bool:
        """Whether any reading ``matches`` tries could be a trigger lemma: its lemma, form or
        dictionary lemma, the stem of a separable verb, or the head of a compound (a suffix);
        a cheap test on strings before the parse is read (most words trigger nothing)."""
        lemma = tok.lemma_.lower().replace("_", "")
        words = {lemma, tok.lower_, tok.lower_ + self.infinitive}
        if self.fallback_lemmas:
            words.add(_simplemma(tok.text, self.lang) or lemma)
        if words & self._trigger_words:
            return True
        return any(lemma[k:] in self._bases for k in range(1, len(lemma) - 2))

    def _verb_forms(self, tok: Token) -> set[str]:
        """Every reading of a verb for the light-verb test: lemmas, with particles joined
        ("stelde ... in" → "instellen"); read once per token of the current document."""
        key = (id(tok.doc), tok.i)
        if key not in self._forms_memo:
            self._forms_memo[key] = self._read_verb_forms(tok)
        return self._forms_memo[key]

    def _clause(self, tok: Token) -> tuple[int, int]:
        """``linear.clause`` of a token, once per token of the current document."""
        key = (id(tok.doc), tok.i)
        if key not in self._clause_memo:
            self._clause_memo[key] = linear.clause(tok)
        return self._clause_memo[key]

    @staticmethod
    def _groups(tok: Token, index: arguments.ActorIndex) -> list[linear.Group]:
        """``linear.groups`` of a token, once per token of the current document."""
        key = ("groups", tok.i)
        if key not in index.memo:
            index.memo[key] = linear.groups(tok, index.by_token)
        return index.memo[key]  # type: ignore[no-any-return]

    def _read_verb_forms(self, tok: Token) -> set[str]:
        out = set(self._lemmas(tok))
        prts = self._particles(tok) if self.separable else set()
        for c in syntax.kids(tok):  # "in tegen Wit-Rusland": the particle stacked on a PP
            cases = [g for g in syntax.kids(c) if g.dep_.lower() == "case"]
            if self.separable and len(cases) > 1:
                prts.add(cases[0].lower_)
        out.update(prt + lemma for prt in prts for lemma in list(out))
        return out

    def _lemmas(self, tok: Token) -> list[str]:
        """The parser's lemma, then (where the language asks for it) a dictionary lemmatiser's
        reading of the form: a parser that leaves "ontbood" or "beloofde" as they are still
        lets "ontbieden" and "beloven" be found."""
        lemma = tok.lemma_.lower().replace("_", "")  # Alpino: "uit_nodigen", "top_ontmoeting"
        out = [lemma]
        for c in syntax.kids(tok):  # a particle the lemmatiser glued on wrongly: "celveroordelen"
            if c.dep_.lower() == "compound:prt" and lemma.startswith(c.lower_) \
                    and len(lemma) > len(c.lower_) + 3:
                out.append(lemma[len(c.lower_):])
        if self.fallback_lemmas:
            alt = _simplemma(tok.text, self.lang)
            if alt and alt not in out:
                out.append(alt)
        return out

    def _matches_lemma(self, tok: Token, pos: str, lemma: str,
                       near: _Near) -> list[tuple[Pattern, Trigger]]:
        found: list[tuple[Pattern, Trigger]] = []
        for p, t in self.dict.candidates(pos, lemma):
            if t.particle is None or self._particle_ok(t.particle, near):
                found.append((p, t))
        prts = {c.lower_ for c in syntax.kids(tok) if c.dep_.lower() in ("prt", "compound:prt", "svp")}
        if pos == "verb" and any(t.particle and set(t.particle.split()) & prts for _, t in found):
            # "called them off" is a cancellation, not a call: a matched particle trigger
            # rules out the bare verb's patterns
            found = [(p, t) for p, t in found if t.particle]
        if pos == "noun" and not found and tok.lower_ != lemma:
            found = list(self.dict.candidates(pos, tok.lower_))
        if pos == "noun" and not found and self.compounds:
            found = self._compound_head(lemma)
        if pos == "verb" and self.separable and (
                lemma in self._verb_tails or tok.lower_ + self.infinitive in self._verb_tails):
            for prt in self._particles(tok):
                if lemma.startswith(prt):
                    continue  # the parser already gave the whole verb ("afwijzen")
                for whole in (prt + lemma, prt + tok.lower_ + self.infinitive):
                    found.extend((p, t) for p, t in self.dict.candidates(pos, whole)
                                 if t.particle is None)
        return found

    def _word_order(self, tok: Token, index: arguments.ActorIndex) -> tuple[
            list[Actor], list[Actor], dict[str, list[Actor]]]:
        key = ("roles", tok.i)
        if key not in index.memo:
            index.memo[key] = linear.roles(tok, index.by_token, syntax.is_passive(tok),
                                           self.grammar.agent_preps, self.openers,
                                           self._groups(tok, index))
        subj, obj, by_prep = index.memo[key]
        return list(subj), list(obj), dict(by_prep)

    def _linear(self, p: Pattern, tok: Token, index: arguments.ActorIndex, src: list[Actor],
                tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """Fill a side the parse left empty from word order (see ``events/linear.py``)."""
        subj, obj, by_prep = self._word_order(tok, index)
        if src and not tgt and subj and not obj and not syntax.is_passive(tok) and \
                not {a.id for a in subj} & {a.id for a in src}:
            # the parse named the subject ("Wij staan klaar om Noord-Korea bij te staan") and it
            # is no name: the only bare name group of the clause is the object
            subj, obj = [], subj

        def pick(names: tuple[str, ...]) -> list[Actor]:
            for role in names:
                found = subj if role == "subj" else obj if role == "obj" else by_prep.get(role)
                if found:
                    return list(found)
            return []
        if not src:
            src = pick(p.source)
        if not tgt:
            tgt = pick(p.target)
        return src, tgt

    @staticmethod
    def _particles(tok: Token) -> set[str]:
        """Words that may be the split-off part of a separable verb: the parser's particle, and
        (since a young parser often labels it advmod or case) any single adverb or preposition
        under the verb; only a dictionary verb built from it counts, so this adds no noise."""
        out = set()
        for c in syntax.kids(tok):  # "vuurde raketten af": the particle hung on the object
            if c.dep_.lower() in syntax.OBJ or (c.pos_ == "NOUN" and c.i > tok.i):
                out.update(g.lower_ for g in syntax.kids(c)
                           if g.dep_.lower() in ("compound:prt", "svp") and g.i > c.i)
        for c in syntax.kids(tok):
            dep = c.dep_.lower()
            if dep in ("compound:prt", "svp") or (
                    c.pos_ in ("ADV", "ADP", "ADJ") and not syntax.kids(c) and c.i > tok.i):
                out.add(c.lower_)
            if dep in ("ccomp", "xcomp"):  # "kwamen overeen de grens te heropenen" with
                # "overeen" hung on the infinitive: a bare word right after the verb
                out.update(g.lower_ for g in syntax.kids(c)
                           if g.pos_ in ("ADV", "ADP") and not syntax.kids(g)
                           and tok.i < g.i <= tok.i + 2 and g.dep_.lower() != "mark")
                # "riep Moskou op de separatisten ... te dwingen": the particle read as the
                # preposition of the infinitive's object, opening that clause
                first = c.doc[c.left_edge.i]
                if first.i > tok.i and first.pos_ == "ADP" and first.dep_.lower() == "case" \
                        and any(g.lower_ == "te" for g in syntax.kids(c)):
                    out.add(first.lower_)
        return out

    def _linear_noun(self, p: Pattern, tok: Token, index: arguments.ActorIndex,
                     src: list[Actor], tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """"De ontmoeting van Poetin met Erdogan" with "met Erdogan" hung elsewhere: the names
        right after the noun, by their preposition (see ``events/linear.py``)."""
        after = [g for g in self._groups(tok, index) if g.start > tok.i and g.prep]
        # only the noun's own phrase: stop at the first name without a preposition
        owners = self.grammar.of_preps | self.grammar.agent_preps

        def pick(names: tuple[str, ...], taken: set[str]) -> list[Actor]:
            for role in names:
                for g in after:
                    if g.prep in taken:
                        continue
                    if g.prep == role or (role == "poss" and g.prep in owners):
                        return list(g.actors)
            return []
        target_preps = {r for r in p.target if r not in ("subj", "obj", "iobj", "poss")}
        if not tgt:
            tgt = pick(p.target, set())
        if not src:
            src = pick(p.source, target_preps)
        return _split_shared(src, tgt)

    def _compound_head(self, lemma: str) -> list[tuple[Pattern, Trigger]]:
        """Dutch writes compounds as one word: "vredesoverleg" is an "overleg"; with a hyphen
        after a name or abbreviation ("G20-top", "EU-top") the part after it is the head."""
        if "-" in lemma.strip("-"):
            found = self.dict.candidates("noun", lemma.rsplit("-", 1)[1])
            if found:
                return list(found)
        for i in range(3, len(lemma) - 3):
            found = self.dict.candidates("noun", lemma[i:])
            if found:
                return list(found)
        return []

    def _particle_ok(self, particle: str, near: _Near) -> bool:
        words = [w for w in particle.split() if w not in self.fillers]
        text = self._sentence_text(near.tok)
        if not all(w in text for w in words):
            return False  # not in the sentence at all: no need to read the parse
        return all(w in near.words for w in words)

    def _sentence_text(self, tok: Token) -> str:
        """The trigger's sentence lower-cased, then its lemmas (once per sentence)."""
        start = tok.sent.start
        if start not in self._sent_memo:
            sent = tok.sent
            self._sent_memo[start] = sent.text.lower() + " " + " ".join(
                t.lemma_.lower() for t in sent)
        return self._sent_memo[start]

    def _may_name(self, tok: Token, wanted: frozenset[str]) -> bool:
        """Whether the sentence could hold one of ``wanted`` (objects or subjects) at all: a
        cheap test before reading the parse. Every word ``_objects_ok`` compares is a form or
        lemma of the sentence, a phrase of them, or a compound ending in one: each contains a
        word of ``wanted`` as a string."""
        key = id(wanted)
        if key not in self._words_memo:
            self._words_memo[key] = frozenset(w for o in wanted for w in o.split())
        text = self._sentence_text(tok)
        return any(w in text for w in self._words_memo[key])

    def _objects_ok(self, p: Pattern, tok: Token, t: Trigger | None = None) -> bool:
        if not p.objects and not p.not_objects and not p.subjects:
            return True
        if (p.objects and not self._may_name(tok, p.objects)) or (
                p.subjects and not self._may_name(tok, p.subjects)):
            return False
        if p.pos == "verb":
            objs = roles.logical_objects(tok)
            if t is not None and t.particle:
                # "pulled out of the deal", "trok zich terug uit het akkoord", "agreed to a
                # pause": the particle's preposition carries what the verb is about
                words = set(t.particle.split())
                objs = objs + [a for prep, a in syntax.prep_args(tok) if prep in words]
                objs += [a for c in syntax.kids(tok) if c.lower_ in words  # "out" → "of the deal"
                         for prep, a in syntax.prep_args(c) if prep in words]
            if not objs and self.linear:  # "zal tanks aan Polen leveren" with "tanks" as ADV
                objs = [c for c in syntax.kids(tok) if c.pos_ in ("NOUN", "ADV", "PROPN")
                        and c.dep_.lower() not in syntax.SUBJ
                        and not any(g.dep_.lower() == "case" for g in syntax.kids(c))]
                if not objs:  # nothing under the verb at all: the nouns of its clause
                    # (also a caseless noun the tagger called an adverb: "gaat tanks ... sturen")
                    start, end = self._clause(tok)
                    objs = [w for w in tok.doc[start:end] if w.i != tok.i and (
                        w.pos_ in ("NOUN", "PROPN") or (
                            w.pos_ == "ADV" and w.lower_ in p.objects
                            and not any(g.dep_.lower() == "case" for g in syntax.kids(w))))]
        else:
            objs = [c for c in syntax.kids(tok) if c.dep_.lower() in ("compound", "amod", "nmod")]
        if self.linear and p.pos == "verb" and p.objects:
            # a weak parse calls the object a subject ("verbrak de banden" with "banden" as
            # nsubj): the nouns of the trigger's own clause stand in for the object
            start, end = self._clause(tok)
            subj = {t.i for t in roles.logical_subjects(tok, self.grammar) if t.i < tok.i}
            objs = objs + [t for t in tok.doc[start:end]
                           if (t.pos_ in ("NOUN", "PROPN")
                               or any(d.dep_.lower() == "det" for d in syntax.kids(t))
                               # "sloot zijn luchtruim" with "luchtruim" tagged ADJ
                               or (t.i > tok.i and t.lower_ in p.objects))
                           and t.i != tok.i and t.i not in subj and t not in objs]
        objs = [t for o in objs for t in syntax.expand_conj(o)]  # "teams and supplies"
        lemmas = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        for o in objs:  # multiword objects: "de staat van beleg", "op de been"
            words = [w.lower_ for w in tok.doc[o.i:min(o.right_edge.i, o.i + 3) + 1]]
            lemmas.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
        for o in objs:  # "internet access", "martial law", "de soldaten"
            lemmas.update(c.lemma_.lower() for c in syntax.kids(o)
                          if c.dep_.lower() in ("compound", "amod"))
        for o in objs:  # "all of its weapons", "hundreds of prisoners"
            if o.lemma_.lower() in self.quantifiers or o.lower_ in self.quantifiers:
                lemmas.update(a.lemma_.lower() for _, a in syntax.prep_args(o))
        if p.objects and not lemmas & p.objects and not (
                self.compounds and any(_ends_with(w, p.objects) for w in lemmas)):
            return False
        if p.subjects and p.pos == "verb":
            subj = roles.logical_subjects(tok, self.grammar)
            if not subj and self.linear:  # no subject in the parse: the nouns before the verb
                start, _ = self._clause(tok)
                subj = [t for t in tok.doc[start:tok.i] if t.pos_ in ("NOUN", "PROPN")]
            words = {s.lemma_.lower() for s in subj} | {s.lower_ for s in subj}
            if not words & p.subjects and not (  # "FARC-rebellen" is a "rebellen"
                    self.compounds and any(_ends_with(w, p.subjects) for w in words)):
                return False
        return not (p.not_objects and lemmas & p.not_objects)

    def _side(self, p: Pattern, t: Trigger, tok: Token, names: tuple[str, ...],
              index: arguments.ActorIndex, pronoun: arguments.Resolver) -> list[Actor]:
        """The actors of the first role (in the pattern's order) that names any; read once per
        token, trigger particle and role list (patterns share their role lists)."""
        key = ("side", tok.i, p.pos, t.particle, names,
               frozenset(p.target) if p.pos == "noun" else None)
        if key not in index.memo:
            index.memo[key] = self._read_side(p, t, tok, names, index, pronoun)
        return list(index.memo[key])

    def _read_side(self, p: Pattern, t: Trigger, tok: Token, names: tuple[str, ...],
                   index: arguments.ActorIndex, pronoun: arguments.Resolver) -> list[Actor]:
        if p.pos == "noun" and "poss" in names:
            names = (*names, "carrier")
        for role in names:
            if p.pos == "verb":
                heads = roles.verb_role(tok, role, self.grammar, t.particle)
            else:
                heads = roles.noun_role(tok, role, self.grammar, frozenset(p.target))
            found = arguments.resolve(heads, index, pronoun) if heads else []
            if not found and heads and role not in ("subj", "poss", "between"):
                # "restrictions on travel to Cuba", "sancties tegen de export naar Iran": the
                # argument names no one; the phrase it carries one level down does
                inner = [a for h in heads if not index.by_token.get(h.i)
                         for _, a in syntax.prep_args(h)]
                if role == "obj" and p.pos == "verb":
                    # "droeg de lichamen van ... soldaten over" with "van ..." hung on the verb:
                    # an of-phrase right after the object belongs to the object
                    ends = {max(t.i for t in h.subtree) + 1 for h in heads}
                    inner += [a for prep, a in syntax.prep_args(tok)
                              if prep in self.grammar.of_preps
                              and min(t.i for t in a.subtree) in ends]
                found = arguments.resolve(inner, index, pronoun) if inner else []
            if found:
                return found
        return []

    def candidate(self, tok: Token, index: arguments.ActorIndex,
                  pronoun: arguments.Resolver) -> Candidate | None:
        best: Candidate | None = None
        found = self.matches(tok)
        if not found:
            return None
        # "bij het verbeteren van hun betrekkingen": a verb used as a noun has no subject of its
        # own in the clause; word order would hand it the main clause's subject
        nominal = any(c.dep_.lower() == "case" for c in syntax.kids(tok)) or (
            "Inf" in tok.morph.get("VerbForm")
            and any(c.dep_.lower() == "det" and c.i < tok.i for c in syntax.kids(tok)))
        linear_ok = self.linear and not nominal
        hidden_passive = self._hidden_passive(tok)
        for p, t in found:
            if not self._objects_ok(p, tok, t):
                continue
            src = self._side(p, t, tok, p.source, index, pronoun)
            tgt = self._side(p, t, tok, p.target, index, pronoun)
            shared = {a.id for a in src} & {a.id for a in tgt}
            if linear_ok and p.pos == "verb" and shared:
                # one name on both sides: the parse contradicts itself, word order decides
                lsrc, ltgt = self._linear(p, tok, index, [], [])
                if lsrc and ltgt and not {a.id for a in lsrc} & {a.id for a in ltgt}:
                    src, tgt = lsrc, ltgt
            if linear_ok and p.pos == "verb" and src and "subj" in p.source[:1]:
                # "Frankrijk, Duitsland en het Verenigd Koninkrijk veroordeelden": a parse that
                # keeps one member of a listed subject; the word-order group has them all
                lsub, _, _ = self._word_order(tok, index)
                ids = {a.id for a in lsub}
                if len(lsub) > len(src) and {a.id for a in src} <= ids:
                    src = lsub
            if linear_ok and p.pos == "verb" and not syntax.is_passive(tok) and (
                    (not src and tgt and all(a.mention is not None and a.mention.end <= tok.idx
                                             for a in tgt))
                    or (src and any(a.mention is not None and a.mention.start > tok.idx
                                    for a in src)
                        and self._opens_clause(tok, index))):
                # "Rusland verbood Nederlandse media" with "Rusland" as obj: no subject and the
                # "object" before the verb of a main clause: word order reads both sides anew
                lsrc, ltgt = self._linear(p, tok, index, [], [])
                if lsrc and not {a.id for a in lsrc} & {a.id for a in ltgt}:
                    src, tgt = lsrc, ltgt
            if self.linear and (not src or not tgt) and (p.pos != "verb" or linear_ok):
                if p.pos == "verb":
                    src, tgt = self._linear(p, tok, index, src, tgt)
                else:
                    src, tgt = self._linear_noun(p, tok, index, src, tgt)
            if p.pos == "verb" and "subj" in p.source[:1] and hidden_passive:
                # "Israël is door de VN verzocht ..." with "is" read as a copula and "Israël" as
                # the subject: the door-phrase is the actor, the grammatical subject the target
                agents = arguments.resolve([a for prep, a in syntax.prep_args(tok)
                                            if prep in self.grammar.agent_preps], index, pronoun)
                subj = arguments.resolve(syntax.subjects(tok), index, pronoun)
                if agents:
                    src = agents
                    if subj and any(r in ("obj", "iobj") for r in p.target):
                        tgt = subj
            src, tgt = _split_shared(src, tgt)
            c = Candidate(p, t, tok, src, tgt, p.type, p.mode, p.cameo)
            if best is None or c.rank() > best.rank():
                best = c
        return best

    # -- a sentence ----------------------------------------------------------------------
    def code_sentence(self, sent: Any, index: arguments.ActorIndex,
                      analysis: Analysis, previous: list[Event] | None = None) -> list[Event]:
        pronoun = self._pronoun_resolver(index, analysis)
        cands: dict[int, Candidate] = {}
        for tok in sent:
            c = self.candidate(tok, index, pronoun)
            if c is not None:
                cands[tok.i] = c
        self._refusals(cands)
        self._drop_light_verbs(cands)
        self._drop_bare_settings(cands, index)
        self._absorb_same_type(cands)
        self._absorb_framed_objects(cands)
        self._apply_denials(cands)
        self._clause_targets(cands, index, pronoun)
        self._fold_frames(cands)
        self._prospects(cands)
        out: list[Event] = []
        for c in cands.values():
            if c.absorbed:
                continue
            earlier = self._continued(c, previous or [])
            if earlier is not None:
                c.sources = [*earlier.source]
            e = self._event(c, sent, index, analysis, pronoun)
            if e is None or e.confidence < self.min_confidence:
                continue
            if earlier is not None and prospect.fold(earlier, e, merge_evidence(e)):
                continue  # the same meeting as the previous sentence's: it says when and where
            out.append(e)
            out.extend(self._also(c, e))
        return out

    def _also(self, c: Candidate, e: Event) -> list[Event]:
        """The second event a pattern's ``also`` states where its clause says so ("tot tien jaar
        cel": the conviction is also an arrest)."""
        if not c.pattern.also or e.negated or e.type != c.pattern.type:
            return []
        start, end = self._clause(c.token)
        words = {w for t in c.token.doc[start:end] for w in (t.lower_, t.lemma_.lower())}
        out: list[Event] = []
        for a in c.pattern.also:
            if not a.when & words:
                continue
            known = a.cameo is not None and self.onto.cameo[a.cameo].type == a.type
            row = self.onto.cameo_for(a.type, a.cameo if known else None)
            mode = a.mode if a.mode is not None else (
                row.mode if row.mode and self.onto.is_mode(a.type, row.mode) else None)
            out.append(replace(e, type=a.type, mode=mode, cameo=row.code,
                               goldstein=row.goldstein, quad_class=row.quad_class,
                               context=list(row.contexts), evidence=[]))
        return out

    def _refusals(self, cands: dict[int, Candidate]) -> None:
        """"heeft het aanbod niet aanvaard", "is niet bereid troepen te sturen", "wil niet
        onderhandelen": a refusal is REJECT (PLOVER), not a negated agreement or act."""
        for c in cands.values():
            if c.pattern.if_negated and modality.assess(c.token, self.words).negated:
                new = c.pattern.if_negated
            elif self.unwilling and c.type != "REJECT" and self._unwilling(c.token):
                new = "REJECT"
            else:
                continue
            mode = FRAME_MODE["REJECT"].get(c.type) if new == "REJECT" else None
            c.type, c.mode, c.cameo, c.refused = new, mode, None, True

    def _unwilling(self, tok: Token) -> bool:
        """A negated intent word governing the trigger: on an auxiliary or head above it in the
        parse ("wil niet ... helpen"), or, for an infinitive, before it in its clause ("is niet
        bereid extra troepen te sturen" whatever the parse hung "bereid" on)."""
        neg = self.words.negation
        heads = [a for a in syntax.kids(tok) if a.dep_.lower() == "aux"]
        heads += syntax.governing_chain(tok, limit=2)
        for h in heads:
            if {h.lemma_.lower(), h.lower_} & self.unwilling:
                near = [tok, h] if h.head == tok or h in syntax.kids(tok) else [h]
                if any(c.lower_ in neg for n in near for c in syntax.kids(n)):
                    return True
        if not (self.linear and "Inf" in tok.morph.get("VerbForm")):
            return False
        start, _ = self._clause(tok)
        doc = tok.doc
        for t in doc[start:tok.i]:
            if {t.lemma_.lower(), t.lower_} & self.unwilling:
                around = doc[max(start, t.i - 1):min(tok.i, t.i + 2)]
                if any(w.lower_ in neg for w in around if w.i != t.i):
                    return True
        return False

    def _clause_modality(self, tok: Token) -> tuple[bool, bool]:
        """(intended, future) from the words before an infinitive trigger in its clause: "Rusland
        wil Noord- en Zuid-Korea helpen", "is bereid Libanon te helpen", "zullen F-16's
        leveren", when a weak parse hung the modal word elsewhere."""
        if not (self.linear and "Inf" in tok.morph.get("VerbForm")):
            return False, False
        start, _ = self._clause(tok)
        intended = future = False
        for t in tok.doc[start:tok.i]:
            forms = {t.lemma_.lower(), t.lower_}
            if forms & self.clause_intent and t.pos_ in ("VERB", "AUX", "ADJ", "ADV", "NOUN"):
                intended = True
            if forms & self.words.future and t.pos_ in ("AUX", "VERB") and \
                    "Past" not in t.morph.get("Tense"):  # "zou" is no future
                future = True
        return intended, future

    @staticmethod
    def _after_document(date: dict[str, Any] | None, analysis: Analysis) -> bool:
        """The text dates the event after the document's own date ("reist morgen naar Ankara"):
        it has not happened yet."""
        doc_date = analysis.doc.date
        if not date or not date.get("text") or doc_date is None:
            return False
        ev, ref = str(date.get("value") or ""), str(doc_date.value)
        n = min(len(ev), len(ref))
        return n >= 4 and ev[:n] > ref[:n]

    def _prospects(self, cands: dict[int, Candidate]) -> None:
        """Meetings not yet held: "Een gesprek met X is mogelijk op ..." (hypothetical or
        planned) and "er wordt gewerkt aan een topontmoeting" (in preparation: intended); PLOVER
        then codes them AGREE (``modality.FUTURE_TYPE``)."""
        for c in cands.values():
            if c.pattern.pos != "noun" or c.type != "CONSULT" or c.absorbed:
                continue
            c.modal = prospect.modal_subject(c.token, self.prospect)
            if c.modal is None and prospect.prepared(c.token, self.prospect):
                c.intended = True

    @staticmethod
    def _continued(c: Candidate, previous: list[Event]) -> Event | None:
        """"... een topontmoeting tussen Kim en de VS. Een gesprek met Trump is mogelijk op 12
        juni": a possible meeting naming one party continues the previous sentence's meeting
        that has that party among two or more."""
        if c.modal is None or c.sources or not c.targets or not c.pattern.symmetric:
            return None
        parties = {a.country or a.id for a in c.targets}
        return prospect.earlier_meeting(previous, parties, "AGREE")

    def _drop_bare_settings(self, cands: dict[int, Candidate], index: arguments.ActorIndex) -> None:
        """"nodigde Kim tijdens het gesprek uit": a meeting noun that only says when another
        event happened and names no party of its own is no event of its own (its parties would
        be guessed from the other event's roles)."""
        for i, c in list(cands.items()):
            if c.pattern.pos != "noun":
                continue
            host = roles.verb_through_prep(c.token, self.during_preps)
            if host is None or host.i not in cands or host.i == i:
                continue
            if not any(index.by_token.get(t.i) for t in c.token.subtree if t.i != i):
                del cands[i]
                # "did not speak with Abbott during the G20 summit in Brisbane": a meeting
                # within a larger one is no visit to the summit's host country
                cands[host.i].setting = cands[host.i].setting or cands[host.i].type == c.type

    def _drop_light_verbs(self, cands: dict[int, Candidate]) -> None:
        """"held talks", "launched strikes": the noun is the event, not the verb that carries it."""
        for i, c in list(cands.items()):
            if c.pattern.pos != "verb" or not self.grammar.is_light(c.token):
                continue
            carried = [o for o in cands.values()
                       if o.pattern.pos == "noun" and roles.light_verb(o.token, self.grammar)
                       == c.token]
            if not carried:
                continue
            if c.pattern.objects:
                # a verb pattern that asked for this very object ("concluded an agreement" =
                # SUPPORT, "declared a ceasefire" = CONCEDE) says more than the bare noun
                for o in carried:
                    o.absorbed = True
                continue
            del cands[i]

    def _absorb_same_type(self, cands: dict[int, Candidate]) -> None:
        """"killed by a drone strike", "did not meet during the summit": a noun trigger inside
        an argument of a trigger of the same type names the same happening, not a second one."""
        for c in cands.values():
            if c.pattern.pos != "noun" or c.absorbed:
                continue
            t = c.token
            for _ in range(4):
                if t.head == t or t.dep_.lower() in STOP_ABSORB:
                    break
                t = t.head
                other = cands.get(t.i)
                if other is None or other is c or other.absorbed:
                    continue
                # (a verb turned into a refusal no longer stands for the object it asked for:
                # "heeft het Franse aanbod niet aanvaard" keeps the offer as an event)
                asked = other.pattern.objects and other.type == other.pattern.type and (
                    c.token.lemma_.lower() in other.pattern.objects
                    or c.token.lower_ in other.pattern.objects)
                if other.type == c.type or asked or (
                        c.type in ONLY_OBJECT and other.pattern.pos == "verb"):
                    c.absorbed = True
                    other.setting = other.setting or other.type == c.type
                    if not other.sources:
                        other.sources = c.sources
                    if not other.targets:
                        other.targets = [a for a in c.targets
                                         if a.id not in {s.id for s in other.sources}]
                    if other.mode is None and c.mode and self.onto.is_mode(other.type, c.mode):
                        other.mode = c.mode  # "schortten hun staking op": no CONCEDE 'demo'
                break

    @staticmethod
    def _absorb_framed_objects(cands: dict[int, Candidate]) -> None:
        """"refused to extend the grain deal", "weigerde het akkoord te verlengen": an agreement
        that is the object of a plain verb framed by a refusal or threat is what the frame is
        about, not an agreement made in this sentence."""
        for c in cands.values():
            if c.absorbed or c.pattern.pos != "noun" or c.type not in ONLY_OBJECT:
                continue
            verb = c.token.head
            if c.token.dep_.lower() not in syntax.OBJ or verb.i in cands or verb == c.token:
                continue
            for h in syntax.governing_chain(verb, limit=2):
                frame = cands.get(h.i)
                if frame is not None and frame is not c and frame.type in FRAMES - {"AGREE"}:
                    c.absorbed = True
                    if not frame.targets:
                        frame.targets = [a for a in c.targets
                                         if a.id not in {s.id for s in frame.sources}]
                    break

    def _apply_denials(self, cands: dict[int, Candidate]) -> None:
        """A denied event is the event, negated and reported; the denial is no REJECT of its own
        when it denies a stated happening ("ontkent dat het leger ... heeft gebombardeerd")."""
        if not self.denial:
            return
        for i, d in list(cands.items()):
            if d.token.lemma_.lower() not in self.denial:
                continue
            content = [c for c in cands.values() if c is not d and not c.absorbed
                       and d.token in syntax.governing_chain(c.token, limit=3)]
            if not content:
                continue
            for c in content:
                c.denied_by = d.token
                if not c.sources:
                    c.sources = d.sources
            del cands[i]

    def _clause_targets(self, cands: dict[int, Candidate], index: arguments.ActorIndex,
                        pronoun: arguments.Resolver) -> None:
        """"promised that Ukraine would join", "warned that North Korea would face ...": the
        subject of a frame's content clause is whom the promise or warning is about."""
        for c in cands.values():
            if c.type not in FRAMES or c.targets or c.pattern.pos != "verb":
                continue
            for ch in syntax.kids(c.token):
                if ch.dep_.lower() != "ccomp":
                    continue
                subj = roles.logical_subjects(ch, self.grammar)
                found = arguments.resolve(subj, index, pronoun) if subj else []
                src = {a.id for a in c.sources} | {a.country for a in c.sources if a.country}
                # "Putin warned that Russia would ...": one's own country is no recipient
                found = [a for a in found if a.id not in src and a.country not in src]
                if found:
                    c.targets = found
                    break
            if not c.targets:
                c.targets = self._content_targets(c, cands, index, pronoun)

    def _hidden_passive(self, tok: Token) -> bool:
        """A passive the parse did not mark: a passive auxiliary ("is", "werd") under the verb
        as aux/cop, an agent phrase ("door X") and a plain subject."""
        if not self.passive_aux or tok.pos_ != "VERB":
            return False
        aux = any(c.pos_ == "AUX" and c.dep_.lower() in ("aux", "cop")
                  and c.lemma_.lower() in self.passive_aux for c in syntax.kids(tok))
        return aux and not syntax.is_passive(tok) and bool(syntax.subjects(tok)) and any(
            prep in self.grammar.agent_preps for prep, _ in syntax.prep_args(tok))

    @staticmethod
    def _opens_clause(tok: Token, index: arguments.ActorIndex) -> bool:
        """A bare name group opens the verb-second main clause right before the verb: in
        Dutch news that is the subject, whatever a weak parse says ("Xi Jinping nodigde ...")."""
        start, _ = linear.clause(tok)
        while start < tok.i and tok.doc[start].pos_ in ("DET", "PUNCT", "SPACE"):
            start += 1  # "De EU dreigt ...": the group starts after its article
        groups = [g for g in Coder._groups(tok, index) if g.start < tok.i]
        if not (bool(groups) and groups[0].prep is None and groups[0].start <= start and
                all(t.i in index.by_token for t in tok.doc[groups[0].start:tok.i]
                    if t.pos_ not in ("DET", "PUNCT", "CCONJ"))):
            return False
        # agreement decides where it can: "Hem/De sancties steunde Rusland" - a fronted name
        # group whose number the finite verb does not share, while the name after it does,
        # is the object
        verb_num = tok.morph.get("Number")
        if "Fin" not in tok.morph.get("VerbForm") or not verb_num:
            return True
        first = tok.doc[groups[0].end - 1]
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        cased = "Acc" in first.morph.get("Case")
        clash = len(groups[0].actors) == 1 and first.morph.get("Number") and \
            first.morph.get("Number") != verb_num
        agrees_after = after is not None and after.pos_ in ("PROPN", "NOUN", "PRON") and \
            after.morph.get("Number") == verb_num
        return not (cased or (clash and agrees_after))

    def _content_targets(self, c: Candidate, cands: dict[int, Candidate],
                         index: arguments.ActorIndex,
                         pronoun: arguments.Resolver) -> list[Actor]:
        """"dreigt de gaslevering aan Oekraïne af te sluiten", "refused to sell Greenland to
        the United States": a frame whose content verb is no event of its own is aimed at whom
        that verb acts on (its object, else its prepositional objects, one phrase deep)."""
        src = {a.id for a in c.sources} | {a.country for a in c.sources if a.country}
        for ch in syntax.kids(c.token):
            if ch.dep_.lower() not in ("xcomp", "ccomp") or ch.i in cands or ch.pos_ != "VERB":
                continue
            objs = roles.logical_objects(ch)
            preps = [a for p, a in syntax.prep_args(ch) if p not in self.grammar.agent_preps]
            nested = [a for o in objs for p, a in syntax.prep_args(o)
                      if p not in self.grammar.of_preps]
            for heads in (objs, preps, nested):
                found = arguments.resolve(heads, index, pronoun) if heads else []
                found = [a for a in found if a.id not in src and a.country not in src]
                if found:
                    return found
        return []

    def _fold_frames(self, cands: dict[int, Candidate]) -> None:
        for c in cands.values():
            if c.absorbed:
                continue
            for h in syntax.governing_chain(c.token, limit=3):
                frame = cands.get(h.i)
                if frame is None or frame is c:
                    continue
                if frame.type not in FRAMES:
                    break  # the nearest event above owns this one ("coordinate air strikes")
                if c.pattern.pos == "noun" and roles.verb_through_prep(
                        c.token, self.grammar.carrier_preps) == frame.token:
                    break  # "agreed in a phone call": the call is the setting, not the content
                if frame.type in KEEPS_CONTENT and c.pattern.pos == "noun" and c.sources:
                    # "condemned the killing of civilians by Russian troops": both are coded;
                    # the condemned is whoever did the killing
                    if not frame.targets:
                        frame.targets = [a for a in c.sources
                                         if a.id not in {s.id for s in frame.sources}]
                    if frame.type == "REJECT" and not c.targets:
                        # "rejected the Japanese request": it was addressed to the rejecter
                        c.targets = [a for a in frame.sources
                                     if a.id not in {s.id for s in c.sources}]
                    break
                c.absorbed = True
                if not frame.targets:
                    frame.targets = [a for a in (c.targets or [])
                                     if a.id not in {s.id for s in frame.sources}]
                if not frame.sources and c.sources:
                    frame.sources = c.sources
                new_type = FRAME_TYPE.get((frame.type, c.type))
                if new_type:
                    frame.type, frame.mode, frame.cameo = new_type, None, None
                elif frame.type in ("AGREE",) and c.type in INTENDED_CONTENT:
                    # "agreed to prepare sanctions": the sanction, intended (PLOVER does not
                    # turn conflictual plans into AGREE)
                    frame.type, frame.mode, frame.cameo = c.type, c.mode, c.cameo
                    frame.intended = True
                    frame.targets = frame.targets or c.targets
                if frame.mode is None and frame.pattern.mode is None:
                    frame.mode = FRAME_MODE.get(frame.type, {}).get(c.type, c.mode
                                                                     if frame.type == c.type
                                                                     else None)
                break

    def _place_target(self, tok: Token, index: arguments.ActorIndex,
                      preps: frozenset[str] | None = None) -> list[Actor]:
        """"struck Houthi targets in Yemen", "shelled Kharkiv", "in het zuiden van Libanon":
        the country (or countries) of the place the act hangs on or is aimed at."""
        preps = self.place_preps if preps is None else preps
        objs = roles.logical_objects(tok) if tok.pos_ != "NOUN" else []
        if preps is self.place_preps:  # the object itself a place: "shelled Kharkiv"
            found = self._places([o for o in objs if not index.by_token.get(o.i)], index)
            if found:
                return found
        for h in [tok, *objs]:
            for prep, arg in syntax.prep_args(h):
                if preps and prep not in preps:
                    continue  # "a crossing with the United States" says with whom, not where
                found = self._places([arg], index)
                if not found:  # "in the south of Lebanon", "in delen van Manipur"
                    found = self._places([a for p2, a in syntax.prep_args(arg)
                                          if p2 in self.grammar.of_preps], index)
                if found:
                    return found
        return []

    def _fallback_targets(self, c: Candidate, index: arguments.ActorIndex) -> list[Actor]:
        """The recipient the roles left empty, from the place the act hit, went to or left;
        a meeting's or a joint act's parties are all actors, so it has none."""
        if c.targets or c.pattern.symmetric:
            return c.targets
        sources, etype, tok = c.sources, c.type, c.token
        own = {a.country for a in sources}
        people = self._people_object(tok) if etype in ("ASSAULT", "COERCE") else None
        if people is not None:
            # "ontvoerde schoolmeisjes in Nigeria" by a Nigerian group: unnamed people in the
            # actor's own country make that country the target (gold rule: domestic actions);
            # arrests and purges of unnamed people (a group, not one person whose country the
            # text does not give) with no place abroad are domestic too
            places = self._place_target(tok, index)
            if places and places[0].country in own:
                return places[:1]
            plural = "Plur" in people.morph.get("Number") or (
                people.lower_ != people.lemma_.lower() and not people.morph.get("Number"))
            if not places and etype == "COERCE" and sources and plural:
                return [sources[0]]
        visit = etype == "CONSULT" and c.mode == "visit" and c.pattern.pos == "verb"
        if c.pattern.needs_target and not visit:
            return []  # the pattern's own roles must name it ("beat England" is no assault)
        if etype in modality.PLACE_TARGET:
            if etype != "MOBILIZE" and tok.pos_ != "NOUN":
                # "beschoot de hoofdstad", "bombed Aleppo": the place attacked is the target,
                # in the actor's own country too
                objs = [o for o in roles.logical_objects(tok) if not index.by_token.get(o.i)]
                found = self._places(objs, index)
                if found:
                    return found
            # a place in the actor's own country says where, not against whom ("imposed a
            # curfew in Kabul"); abroad it names the recipient ("struck targets in Yemen",
            # "sloot de watertoevoer naar Gaza af")
            found = [a for a in self._place_target(tok, index, self.place_preps | self.goal_preps)
                     if a.country not in own]
            if found:
                return found
        if etype == "PROTEST" and sources and self._domestic(tok):
            # "against the pension reform", "tegen de nieuwe arbeidswet": a protest against the
            # country's own government or policy is aimed at that country
            return [sources[0]]
        preps = {"AID": self.goal_preps, "RETREAT": self.away_preps}.get(etype)
        if visit:
            preps = self.place_preps | self.goal_preps  # "arrived in Moscow": the host
        if preps:
            # "airdropped food to Gaza", "stuurde hulp naar Libië": the place aid goes to;
            # "withdrew from Kherson", "trokken zich terug uit Cherson": the place left
            return [a for a in self._place_target(tok, index, preps) if a.country not in own]
        return []

    def _people_object(self, tok: Token) -> Token | None:
        """The act's object when it is unnamed people ("schoolmeisjes", "demonstrators")."""
        if not self.people or tok.pos_ == "NOUN":
            return None
        for o in roles.logical_objects(tok):
            for w in (o.lemma_.lower(), o.lower_):
                if w in self.people or (self.compounds and _ends_with(w, self.people)):
                    return o
        return None

    def _domestic(self, tok: Token) -> bool:
        heads = [tok]
        lv = roles.light_verb(tok, self.grammar) if tok.pos_ == "NOUN" else None
        if lv is not None:
            heads.append(lv)
        for h in heads:
            for prep, arg in syntax.prep_args(h):
                if prep not in self.against_preps:
                    continue
                lemma = arg.lemma_.lower()
                if lemma in self.domestic or (self.compounds and any(
                        len(lemma) > len(d) + 2 and lemma.endswith(d) for d in self.domestic)):
                    return True
        return False

    @staticmethod
    def _places(heads: list[Token], index: arguments.ActorIndex) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            for t in syntax.expand_conj(h):
                place = index.places_by_token.get(t.i)
                if place is not None and place.country not in {p.country for p in out}:
                    out.append(place)
        return out

    @staticmethod
    def _relays(trigger: Token, reporter: Token | None) -> bool:
        """The trigger states a happening inside what ``reporter`` says (a clause under it, or
        the clause it hangs from); "announced the release" names no clause and relays nothing."""
        if reporter is None:
            return False
        return not (trigger.head == reporter and trigger.dep_.lower() in syntax.OBJ)

    def _host(self, parties: list[Actor], mode: str | None, location: dict[str, Any] | None,
              sent: Any, index: arguments.ActorIndex) -> tuple[list[Actor], list[Actor],
                                                               str | None]:
        """A meeting in the country of some of its parties is a visit by the others (PLOVER:
        the visitor is the actor, the host the recipient): "met Merkel in Berlin"."""
        # the place the meeting is attached to, when it is not itself a party ("talks between
        # Russia and Ukraine"); a place elsewhere in the sentence may be another trip's
        places = {index.places_by_token[t.i].country for t in sent
                  if t.i in index.places_by_token and t.i not in index.by_token}
        country = (location or {}).get("country")
        if country not in places:
            return parties, [], mode
        hosts = [a for a in parties if a.country == country]
        guests = [a for a in parties if a.country != country]
        if not hosts or not guests:
            return parties, [], mode
        return guests, hosts, "visit"

    def _pronoun_resolver(self, index: arguments.ActorIndex,
                          analysis: Analysis | None = None) -> arguments.Resolver:
        def speaker(tok: Token) -> list[Actor]:
            """"„Wij staan klaar ...”, aldus de minister": a first-person plural stands for
            the speaker's side, never for the last country named before it."""
            m = modality.assess(tok.head, self.words) if tok.head != tok else None
            if m is not None and m.reporter is not None:
                subj = roles.logical_subjects(m.reporter, self.grammar)
                found = arguments.resolve(subj, index) if subj else []
                if found:
                    return found[:1]
            for t in tok.sent:  # "..., aldus de minister": the speaker named in the sentence
                if t.lower_ in self.speaker_marks:
                    for n in t.doc[t.i + 1:min(t.i + 8, t.sent.end)]:
                        if index.by_token.get(n.i):
                            return index.by_token[n.i][:1]
            for q in (analysis.quotes if analysis is not None else []):
                if q.speaker is not None and q.start <= tok.idx < q.end:
                    return [q.speaker]
            return []

        def resolve(tok: Token) -> list[Actor]:
            low = tok.lower_
            if low in self.speaker_pronouns:
                return speaker(tok)
            if low not in self.person_pronouns and low not in self.other_pronouns:
                return []
            m = modality.assess(tok.head, self.words) if tok.head != tok else None
            if m is not None and m.reporter is not None:
                subj = roles.logical_subjects(m.reporter, self.grammar)
                if subj and subj[0] != tok:
                    found = arguments.resolve(subj, index)
                    if found:
                        return found
            # "zij"/"ze" is "she" and "they": either kind of antecedent will do
            person = low in self.person_pronouns
            other = low in self.other_pronouns
            floor = max(0, tok.sent.start - 80)
            for i in range(tok.i - 1, floor - 1, -1):
                for a in index.by_token.get(i, []):
                    if (person and other) or (a.kind == "person") == person:
                        return [a]
            return []
        return resolve

    def _event(self, c: Candidate, sent: Any, index: arguments.ActorIndex,
               analysis: Analysis, pronoun: arguments.Resolver) -> Event | None:
        if self.require_source and not c.sources:
            return None  # a possible meeting "met X" alone names one party: only a continued
            # meeting (``_continued``) gets its other party
        if not c.sources and not c.targets:
            return None
        c.targets = self._fallback_targets(c, index)
        joint = c.pattern.symmetric and len(c.sources) >= 2  # "Poland and Lithuania ... joint"
        if (c.pattern.needs_target or self.onto.types[c.type].requires_recipient and
                c.pattern.pos == "noun") and not c.targets and not joint:
            return None
        sources, targets = c.sources, c.targets
        if c.type == "RETREAT" and not c.pattern.symmetric:
            # a withdrawal, release or resignation is never aimed at the actor's own country
            # ("trok zijn troepen terug", "het ontslag van zijn kabinet")
            own = {a.country for a in sources if a.country}
            targets = [a for a in targets if a.country not in own]
        etype, mode, cameo = c.type, c.mode, c.cameo
        date = self.attacher.date(analysis, c.token)
        taken = [(a.mention.start, a.mention.end) for a in (*c.sources, *c.targets)
                 if a.mention is not None]
        location = self.attacher.location(analysis, c.token, taken, date)
        if c.pattern.symmetric and not c.absorbed:
            # PLOVER: the parties to a meeting (or joint action) are all actors, no recipient
            sources, targets = sources + [a for a in targets
                                          if a.id not in {s.id for s in sources}], []
            if etype == "CONSULT" and not c.setting:
                sources, targets, mode = self._host(sources, mode, location, sent, index)
        m = modality.assess(c.token, self.words)
        if c.refused:
            # the refusal is the event, performed by saying it ("is niet bereid ..., zei X")
            m.negated, m.reporter = False, None
        elif m.modality == "asserted":
            intended, future = self._clause_modality(c.token)
            if intended:
                m.modality = "intended"
            m.future = m.future or future
        if self._after_document(date, analysis) and "Past" not in c.token.morph.get("Tense"):
            # (a verb in the past tense took a date meant for another clause)
            m.future = True
            if etype in INTENDED_CONTENT and m.modality == "asserted":
                # gold rule: a conflict action planned for a later day is intended ("zet
                # zaterdag agenten in"); an announced decision ("would withdraw") is the act
                m.modality = "intended"
        if etype == "RETREAT" and m.reporter is not None and not m.negated and \
                self._relays(c.token, m.reporter) and set(self._lemmas(m.reporter)) & self.announce:
            # "announced that its troops are leaving Syria": PLOVER codes an announced
            # retreat as CONCEDE, performed by the announcement itself
            etype, mode, cameo = "CONCEDE", None, None
            m.reporter = None
        if c.intended and m.modality == "asserted":
            m.modality = "intended"
        if c.modal == "hypothetical" or (c.modal == "intended" and m.modality == "asserted"):
            m.modality = c.modal
        if c.denied_by is not None:
            m.negated = True
            m.reporter = m.reporter or c.denied_by
        if etype in modality.FUTURE_TYPE and (
                m.future or m.modality == "intended"
                or (m.modality == "hypothetical" and modality.FUTURE_TYPE[etype] == "AGREE")):
            new = modality.FUTURE_TYPE[etype]
            cameo = AGREE_CAMEO.get(etype) if new == "AGREE" else None
            etype, mode = new, None
        row = self.onto.cameo_for(etype, cameo if cameo and
                                  self.onto.cameo.get(cameo, None) is not None and
                                  self.onto.cameo[cameo].type == etype else None)
        if mode is None and row.mode and self.onto.is_mode(etype, row.mode):
            mode = row.mode
        context = list(c.pattern.context) or list(row.contexts)
        reporter_actor = None
        speaker = m.reporter
        if speaker is not None:
            subj = roles.logical_subjects(speaker, self.grammar)
            found = arguments.resolve(subj, index, pronoun) if subj else []
            reporter_actor = found[0] if found else None
        else:
            acc = modality.according_to(c.token, self.words)
            if acc is not None:
                found = arguments.resolve([acc], index)
                reporter_actor = found[0] if found else None
        if reporter_actor is None:
            for q in analysis.quotes:
                if q.speaker is not None and q.start <= c.token.idx < q.end:
                    reporter_actor = q.speaker
                    break
        if (m.modality == "asserted" and not m.future
                and (self._relays(c.token, m.reporter) or reporter_actor is not None
                     and speaker is None and modality.according_to(c.token, self.words))):
            # a factual claim passed on by someone: "..., the ministry said", "volgens X"
            m.modality = "reported"
        conf = c.pattern.confidence
        if not targets:
            conf -= 0.1
        if m.modality != "asserted":
            conf -= 0.05
        tok = c.token
        return Event(
            type=etype, source=sources, target=targets,
            trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
            sentence=(sent.start_char, sent.end_char), rule=c.pattern.id,
            confidence=max(0.05, min(1.0, conf)), mode=mode, context=context,
            date=date,
            location=location,
            modality=m.modality,  # type: ignore[arg-type]
            negated=m.negated, cameo=row.code, goldstein=row.goldstein,
            quad_class=row.quad_class, reported_by=reporter_actor,
        )

