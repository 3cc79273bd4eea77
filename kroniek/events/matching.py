"""Which tokens are triggers: a token's lemma readings (parser, dictionary lemmatiser, split
separable verbs, compound heads) looked up in the pattern dictionary, and the pattern's own
conditions (particle nearby, object, subject) checked on the parse.

Part of the coder (``kroniek/events/coder.py``), as a mixin: it reads the coder's words and
dictionary from ``self``.
"""

from __future__ import annotations

import re

from kroniek.events import roles, syntax
from kroniek.events.patterns import Pattern, Trigger
from kroniek.events.syntax import Token
from kroniek.nlp.dictionary import dictionary_lemma
from kroniek.nlp.tree import heads_fixed_phrase

# Word classes that never carry an event.
NEVER_TRIGGER = frozenset({"DET", "PUNCT", "CCONJ", "SCONJ", "NUM", "PRON", "SPACE", "SYM",
                           "PART", "INTJ"})
AUX_DEPS = frozenset({"aux", "aux:pass", "auxpass", "cop"})
# Where a mistagged noun may stand ("sancties" tagged VERB as the object of "instellen").
NOMINAL_DEPS = {"obj", "nsubj", "nsubj:pass", "obl", "nmod", "compound:prt", "conj", "appos"}


def _simplemma(form: str, lang: str) -> str | None:
    lemma = dictionary_lemma(form, lang)
    return None if lemma is None else lemma.lower().replace("_", "")


def _ends_with(word: str, heads: frozenset[str]) -> bool:
    """A closed compound whose head is one of ``heads``: "luchtafweersystemen" → "systemen"
    (a head of four letters or more, after at least three letters of its own)."""
    return any(word[-k:] in heads for k in range(4, len(word) - 2))


class _Near:
    """The words where the rest of a multiword trigger may stand: ``syntax.near_words`` of a
    token, then its clause tail, next words and later prepositions; each read only when a word
    was not found in the ones before (most tokens never need any)."""

    READERS = (syntax.near_words, syntax.clause_tail, syntax.next_words,
               syntax.later_prepositions)

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._sets: list[set[str]] = []

    def has(self, word: str) -> bool:
        for found in self._sets:
            if word in found:
                return True
        while len(self._sets) < len(self.READERS):
            found = self.READERS[len(self._sets)](self.tok)
            self._sets.append(found)
            if word in found:
                return True
        return False


class Matching:
    """Trigger lookup and pattern conditions."""

    def may_match(self, tok: Token) -> bool:
        """A cheap first test: most words (function words, and any whose readings are no
        trigger lemma) can never match."""
        return tok.pos_ not in NEVER_TRIGGER and self._may_trigger(tok)

    def matches(self, tok: Token) -> list[tuple[Pattern, Trigger]]:
        upos = tok.pos_
        if upos in NEVER_TRIGGER or not self._may_trigger(tok):
            return []  # most words: no reading of them is a trigger lemma
        if upos in ("VERB", "ADJ") and tok.dep_.lower() == "amod" and tok.i > 0 and \
                tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and (
                    tok.doc[tok.i - 1].pos_ == "DET" or any(
                        c.dep_.lower() == "det" and c.i < tok.i for c in syntax.kids(tok.head))
                    or (tok.head.i == tok.i + 1 and tok.doc[tok.i - 1].pos_ in ("CCONJ", "ADP"))):
            # "alle strijdende partijen", "de in 1997 vermoorde ontwerper", "en erkende
            # vluchtelingen": a participle inside a noun phrase names the people, it states no
            # event ("Canada verleende asiel" mislabelled amod keeps its verb)
            return []
        if tok.dep_.lower() in AUX_DEPS and tok.head.i != tok.i and tok.head.pos_ == "VERB":
            # the auxiliary of another verb states no event of its own: "heeft er kritiek op
            # gekregen" is no "kritiek hebben", "gaat bemiddelen" no "gaan naar"
            return []
        if upos == "ADJ" and ((tok.lemma_.lower() == tok.lower_ and not syntax.morph(tok, "VerbForm"))
                              or any(c.dep_.lower() == "det" for c in syntax.kids(tok))):
            return []  # a plain adjective ("would not be free") or one used as a noun ("geen
            # Amerikaanse doden"), no participle the tagger called an adjective ("bezorgd")
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
        a cheap test on strings before the parse is read (most words trigger nothing); known
        per lemma and form across documents."""
        key = (tok.lemma_, tok.text)
        hit = self._trigger_memo.get(key)
        if hit is None:
            lemma = key[0].lower().replace("_", "")
            lower = key[1].lower()
            words = {lemma, lower, lower + self.infinitive}
            if self.fallback_lemmas:
                words.add(_simplemma(key[1], self.lang) or lemma)
            hit = bool(words & self._trigger_words) or any(
                lemma[k:] in self._bases for k in range(1, len(lemma) - 2))
            if len(self._trigger_memo) < 200_000:  # bounded by the vocabulary of the news read
                self._trigger_memo[key] = hit
        return hit

    def _verb_forms(self, tok: Token) -> set[str]:
        """The readings of a verb for the light-verb test (its only use): lemmas, with particles
        joined ("stelde ... in" → "instellen") where a lemma ends some light verb (only then can
        a joined form be one); read once per token of the current document."""
        key = (id(tok.doc), tok.i)
        if key not in self._forms_memo:
            self._forms_memo[key] = self._read_verb_forms(tok)
        return self._forms_memo[key]

    def _read_verb_forms(self, tok: Token) -> set[str]:
        out = set(self._lemmas(tok))
        if not out & self._light_tails:
            return out
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
        lets "ontbieden" and "beloven" be found (once per token of the document)."""
        memo = syntax.doc_memo(tok.doc)
        key = ("lemmas", tok.i)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = self._read_lemmas(tok)
        return list(hit)

    def _read_lemmas(self, tok: Token) -> list[str]:
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

    def _particles(self, tok: Token) -> set[str]:
        return self._particle_words(tok) - self.not_particles

    @staticmethod
    def _particle_words(tok: Token) -> set[str]:
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
            if dep in ("compound:prt", "svp") and heads_fixed_phrase(c):
                continue
            if dep in ("compound:prt", "svp") or (
                    c.pos_ in ("ADV", "ADP", "ADJ") and not syntax.kids(c) and c.i > tok.i):
                out.add(c.lower_)
            if dep in ("ccomp", "xcomp", "advcl"):  # "kwamen overeen de grens te heropenen" with
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
        if tok.pos_ == "VERB" and not syntax.kids(tok):
            # "havenarbeiders schortten hun staking ... op" parsed with the verb as a leaf: the
            # particle closes its verb-second clause
            out.update(w for w in syntax.clause_tail(tok, width=1) if w.isalpha())
        return out

    def _compound_head(self, lemma: str) -> list[tuple[Pattern, Trigger]]:
        """Dutch writes compounds as one word: "vredesoverleg" is an "overleg"; with a hyphen
        after a name or abbreviation ("G20-top", "EU-top") the part after it is the head."""
        if "-" in lemma.strip("-"):
            found = self.dict.candidates("noun", lemma.rsplit("-", 1)[1])
            if found:
                return list(found)
        if lemma in self.not_compounds:
            return []
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
        if not all(near.has(w) for w in words):
            return False
        # "called Xi on Monday": an "on" that only dates the act is no "call on"
        sent = syntax.sent(near.tok)
        for w in words:
            found = [t for t in sent if t.lower_ == w]
            if found and all(syntax.dating_preposition(t) for t in found):
                return False
        return True

    def _sentence_text(self, tok: Token) -> str:
        """The trigger's sentence lower-cased, then its lemmas (once per sentence)."""
        sent = syntax.sent(tok)
        start = sent.start
        if start not in self._sent_memo:
            toks = syntax.tokens(tok.doc)[start:sent.end]
            text = tok.doc.text[sent.start_char:sent.end_char]  # = sent.text, cheaper
            self._sent_memo[start] = (text + " " + " ".join([t.lemma_ for t in toks])).lower()
        return self._sent_memo[start]

    def _may_name(self, tok: Token, wanted: frozenset[str]) -> bool:
        """Whether the sentence could hold one of ``wanted`` (objects or subjects) at all: a
        cheap test before reading the parse. Every word ``_objects_ok`` compares is a form or
        lemma of the sentence, a phrase of them, or a compound ending in one: each contains a
        word of ``wanted`` as a string."""
        key = id(wanted)  # the pattern's own set, alive as long as the coder
        if key not in self._words_memo:
            words = sorted({w for o in wanted for w in o.split()})
            self._words_memo[key] = re.compile("|".join(map(re.escape, words)) or "(?!)")
        return self._words_memo[key].search(self._sentence_text(tok)) is not None

    def _object_words(self, p: Pattern, tok: Token, t: Trigger | None) -> set[str]:
        """Lemmas, forms and short phrases of the trigger's objects: what a pattern's
        ``objects`` and ``not_objects`` are compared with."""
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
            # nsubj): the nouns of the trigger's own clause stand in for the object ("sloot
            # zijn luchtruim" with "luchtruim" tagged ADJ: a word the pattern names counts too)
            taken = {o.i for o in objs}
            objs = objs + [w for w, nominal in self._clause_nominals(tok)
                           if (nominal or w.lower_ in p.objects) and w.i not in taken]
        lemmas: set[str] = set()
        for o in objs:
            for x in syntax.expand_conj(o):  # "teams and supplies"
                lemmas |= self._words_of_object(x)
        return lemmas

    def _clause_nominals(self, tok: Token) -> list[tuple[Token, bool]]:
        """The other words of the trigger's clause outside its subject, each with whether it
        looks nominal (a noun, or a word with an article: "heeft raketten afgevuurd" with
        "raketten" tagged VERB); once per trigger of the document."""
        memo = syntax.doc_memo(tok.doc)
        key = ("clause_nominals", tok.i)
        hit = memo.get(key)
        if hit is None:
            start, end = self._clause(tok)
            subj = {t.i for t in roles.logical_subjects(tok, self.grammar) if t.i < tok.i}
            hit = memo[key] = [
                (t, t.pos_ in ("NOUN", "PROPN")
                 or any(d.dep_.lower() == "det" for d in syntax.kids(t)))
                for t in tok.doc[start:end] if t.i != tok.i and t.i not in subj]
        return hit  # type: ignore[no-any-return]

    def _words_of_object(self, o: Token) -> set[str]:
        """What one object token offers a pattern's ``objects``: its lemma and form, the
        phrases it starts ("de staat van beleg", "op de been"), its compound and adjective
        lemmas ("internet access", "martial law") and, after a quantifier, what it counts ("all
        of its weapons", "hundreds of prisoners"); once per token of the document."""
        memo = syntax.doc_memo(o.doc)
        key = ("object_words", o.i)
        hit = memo.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        out = {o.lemma_.lower(), o.lower_}
        words = [w.lower_ for w in o.doc[o.i:min(o.right_edge.i, o.i + 3) + 1]]
        out.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
        out.update(c.lemma_.lower() for c in syntax.kids(o)
                   if c.dep_.lower() in ("compound", "amod"))
        if o.lemma_.lower() in self.quantifiers or o.lower_ in self.quantifiers:
            out.update(a.lemma_.lower() for _, a in syntax.prep_args(o))
        memo[key] = frozenset(out)
        return memo[key]  # type: ignore[no-any-return]

    def _objects_ok(self, p: Pattern, tok: Token, t: Trigger | None = None) -> bool:
        if not p.objects and not p.not_objects and not p.subjects:
            return True
        if (p.objects and not self._may_name(tok, p.objects)) or (
                p.subjects and not self._may_name(tok, p.subjects)):
            return False
        lemmas = self._object_words(p, tok, t)
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
