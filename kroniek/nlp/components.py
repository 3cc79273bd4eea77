"""Custom spaCy components that our language packs use; importing this module registers them.

``kroniek_separable_verbs``: in Dutch main clauses a separable verb is split ("nodigde ... uit");
the lemma of the verb token is only right once its particle (the ``compound:prt`` dependent)
is put back in front ("uitnodigen"). A per-token lemmatizer cannot see the particle, so the
parser's arc does it (labels configurable, UD's ``compound:prt`` by default).

``kroniek_crf_ner``: a CRF entity tagger (see :mod:`kroniek.nlp.crf`) run after, or instead of,
spaCy's neural NER.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kroniek.nlp.conll import iob_spans
from kroniek.nlp.crf import CRFTagger
from kroniek.nlp.dictionary import dictionary_lemma
from kroniek.nlp.tree import heads_fixed_phrase

DEFAULT_PARTICLE_DEPS = ("compound:prt",)
VERB_POS = ("VERB", "AUX")


class SeparableVerbs:
    """Put a split-off particle back in front of its verb's lemma.

    If the parser gives a verb several ``compound:prt`` dependents (it sometimes takes a
    preposition for one), the particle that makes a known word (simplemma's dictionary) wins,
    else the last one, since Dutch particles close the clause.
    """

    def __init__(self, particle_deps: Iterable[str] = DEFAULT_PARTICLE_DEPS, lang: str = "nl") -> None:
        self.particle_deps = set(particle_deps)
        self.lang = lang

    def known(self, word: str) -> bool:
        try:
            from simplemma import is_known

            return bool(is_known(word, lang=self.lang))
        except (ImportError, ValueError):
            return False

    def __call__(self, doc: Doc) -> Doc:
        particles: dict[int, list[Any]] = {}
        for tok in doc:
            if tok.dep_ in self.particle_deps and tok.head is not tok and tok.head.pos_ in VERB_POS \
                    and not heads_fixed_phrase(tok):
                particles.setdefault(tok.head.i, []).append(tok)
        for verb_i, toks in particles.items():
            verb = doc[verb_i]
            lemma = verb.lemma_ or verb.text.lower()
            options = [(t.lemma_ or t.text).lower() for t in toks]
            options = [p for p in options if p.isalpha() and not lemma.lower().startswith(p)]
            if not options:
                continue
            known = [p for p in options if self.known(p + lemma)]
            verb.lemma_ = (known[-1] if known else options[-1]) + lemma
        return doc


@Language.factory(
    "kroniek_separable_verbs",
    default_config={"particle_deps": list(DEFAULT_PARTICLE_DEPS)},
)
def make_separable_verbs(nlp: Language, name: str, particle_deps: list[str]) -> SeparableVerbs:
    return SeparableVerbs(particle_deps, nlp.lang)


class CRFEntities:
    """Entities from :class:`kroniek.nlp.crf.CRFTagger`, combined with those already on the doc.

    ``mode``: ``replace`` (CRF only), ``fill`` (keep the neural NER's entities, add CRF ones
    that overlap none), ``prefer`` (CRF entities win, neural ones fill the gaps).
    ``keep_labels``: earlier entities with these labels (an OntoNotes NER's DATE, MONEY...)
    survive ``replace`` where they overlap no CRF entity, so later stages still see them.
    """

    def __init__(self, mode: str = "fill", keep_labels: Iterable[str] = ()) -> None:
        self.mode = mode
        self.keep_labels = set(keep_labels)
        self.tagger: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger is None or not len(doc):
            return doc
        sents = _punct_segments(doc)
        pos = ([[t.pos_ for t in s] for s in sents]
               if self.tagger.uses_pos and doc.has_annotation("POS") else None)
        ents = [[_ent_tag(t) for t in s] for s in sents] if self.tagger.uses_ents else None
        tags = self.tagger.tag_document([[_crf_form(t.text) for t in s] for s in sents], pos, ents)
        crf: list[Span] = []
        for sent, stags in zip(sents, tags, strict=True):
            for start, end, label in iob_spans(list(stags)):
                crf.append(Span(doc, sent.start + start, sent.start + end, label=label))
        old = list(doc.ents)
        if self.mode == "replace":
            chosen = crf + [e for e in old if e.label_ in self.keep_labels and not _overlaps(e, crf)]
        elif self.mode == "prefer":
            chosen = crf + [e for e in old if not _overlaps(e, crf)]
        else:
            chosen = old + [e for e in crf if not _overlaps(e, old)]
        doc.ents = sorted(chosen, key=lambda s: s.start)
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.tagger is not None:
            shutil.copy(self.tagger.model_file, path / "crf.model")
            (path / "gazetteer.json").write_text(json.dumps(self.tagger.gaz, ensure_ascii=False), "utf-8")
            (path / "crf.json").write_text(json.dumps(self.tagger.meta()), "utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> CRFEntities:
        path = Path(path)
        if (path / "crf.model").is_file():
            self.tagger = CRFTagger.load(path)
        return self

    def load_model(self, path: Path) -> None:
        self.tagger = CRFTagger.load(Path(path))


def _ent_tag(tok: Any) -> str:
    """An earlier NER's IOB tag (``B-PERSON``), a feature of stacked CRF models."""
    iob = tok.ent_iob_
    return f"{iob}-{tok.ent_type_}" if iob in ("B", "I") else "O"


def _crf_form(text: str) -> str:
    """``VS.`` as ``VS``: CoNLL spells capital abbreviations without the period that our
    tokenizer keeps on them."""
    head = text[:-1]
    return head if len(text) > 2 and text.endswith(".") and head.isupper() and "." not in head else text


FINAL = frozenset({".", "!", "?", "…"})
CLOSING = frozenset({"''", "”", "’’", '"', "’", "»"})


def _punct_segments(doc: Doc) -> list[Span]:
    """Sentence-like segments for the CRF.

    Preset sentences (no parse yet: gold CoNLL sentences) are used as they are. After a parse,
    cut after final punctuation (with its closing quotes) and at line breaks, not at every
    ``doc.sents`` boundary: a small parser's wrong split inside a name would cut the entity,
    and the CRF was trained on CoNLL's punctuation-delimited sentences.
    """
    if doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        cuts = [t.i for t in doc if t.is_sent_start] or [0]
    else:
        cuts = [0]
        texts = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        for i in range(len(texts) - 1):
            text = texts[i]
            ends = text in FINAL or (text in CLOSING and i > 0 and texts[i - 1] in FINAL)
            if (ends and texts[i + 1] not in CLOSING) or "\n" in spaces[i] or text.isspace():
                cuts.append(i + 1)
    cuts = sorted(set(cuts) | {0})
    return [doc[a:b] for a, b in zip(cuts, [*cuts[1:], len(doc)], strict=True) if b > a]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@Language.factory("kroniek_crf_ner", default_config={"mode": "fill", "keep_labels": []})
def make_crf_entities(nlp: Language, name: str, mode: str, keep_labels: list[str]) -> CRFEntities:
    return CRFEntities(mode, keep_labels)


AMBIGUOUS_QUOTES = frozenset({'"', "'", "’"})
CONTINUING = frozenset({".", ",", ";", ":", ")", "!", "?", "…"})  # never start a sentence


def closing_quote(tok: Any) -> bool:
    """Whether a quote token closes: ``''``/``”``/``»`` always; a straight ``"`` or ``'`` only
    when it sticks to the word before it (``"alsof"``), not when it opens (``van "Door``)."""
    if tok.text not in AMBIGUOUS_QUOTES:
        return True
    return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


class CRFPosTagger:
    """UPOS from a CRF (``pos.crfsuite``, trained by training/train_pos_crf.py), replacing the
    morphologizer's UPOS (its morphological features stay). The small CNN tags unseen words
    poorly; on UD Alpino dev the CRF scores 93.61 UPOS against the CNN's 92.57. Runs on
    punctuation-delimited segments, before the parser has set sentences."""

    def __init__(self, defer_below: float = 0.0, cnn_min: float = 0.0) -> None:
        self.model_file: Path | None = None
        self.lexicon: dict[str, str] | None = None  # lexicon.json, when the model was trained with one
        self.defer_below = defer_below
        self.cnn_min = cnn_min
        self._tagger: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self._tagger is None or not len(doc):
            return doc
        from kroniek.nlp.crf import sentence_features

        tagger = self._tagger
        for seg in _punct_segments(doc):
            words = [t.text for t in seg]
            feats = sentence_features(words, {}, None, extra=True, lexicon=self.lexicon)
            for k, (tok, tag) in enumerate(zip(seg, tagger.tag(feats), strict=True)):
                cnn = tok.pos_
                if cnn and cnn != tag and self.defer_below and self._defer(tag, cnn, k):
                    continue
                tok.pos_ = tag
        return doc

    def _defer(self, tag: str, cnn: str, k: int) -> bool:
        """Keep the morphologizer's UPOS where the CRF is unsure (marginal below
        ``defer_below``) and gives the CNN's tag some weight (``cnn_min``): the CNN sees the
        whole sentence, the CRF a five-word window. Alpino dev, both trained without it:
        CRF 94.43, this vote 94.61 (0.6-0.8 / 0.1 all give 94.6)."""
        try:
            return (self._tagger.marginal(tag, k) < self.defer_below
                    and self._tagger.marginal(cnn, k) >= self.cnn_min)
        except (ValueError, RuntimeError):  # a tag the CRF never learnt
            return False

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model_file is not None:
            shutil.copy(self.model_file, path / "pos.crfsuite")
            lexicon = self.model_file.parent / "lexicon.json"
            if lexicon.is_file() and lexicon.parent.resolve() != path.resolve():
                shutil.copy(lexicon, path / "lexicon.json")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> CRFPosTagger:
        self.load_model(Path(path))
        return self

    def load_model(self, path: Path) -> None:
        if (path / "pos.crfsuite").is_file():
            import pycrfsuite

            self.model_file = path / "pos.crfsuite"
            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(str(self.model_file))
            lexicon = path / "lexicon.json"
            self.lexicon = json.loads(lexicon.read_text("utf-8")) if lexicon.is_file() else None


@Language.factory("kroniek_crf_tagger", default_config={"defer_below": 0.7, "cnn_min": 0.1})
def make_crf_tagger(nlp: Language, name: str, defer_below: float, cnn_min: float) -> CRFPosTagger:
    return CRFPosTagger(defer_below, cnn_min)


# An all-capitals abbreviation kept whole with its full stop ("VS.", a tokenizer exception)
# before a capital ends the sentence: Dutch writes VS, VN and EU without points, so "de VS. Een
# gesprek" is "de VS" + a full stop, where "o.a. De Vries" or "dhr. Jansen" are not.
_ACRONYM_STOP = re.compile(r"^[A-Z]{2,}\.$")


class SentenceFix:
    """Repair two sentence-splitting errors a small parser makes in news text.

    A closing quote after a full stop (``gegaan.'' De ...``) belongs to the sentence it closes,
    and a sentence boundary that follows no sentence-final punctuation and no line break is
    almost always a wrong split inside a sentence (before a capitalised name). Both are fixed by
    moving arcs (quote -> previous root as ``punct``; second root -> first root as
    ``parataxis``), so the parse stays a tree and ``doc.sents`` follows from it.
    """

    def __init__(self, final_punct: Iterable[str], closing_quotes: Iterable[str],
                 keep_run_in: bool = False) -> None:
        self.final = set(final_punct)
        self.quotes = set(closing_quotes)
        self.keep_run_in = keep_run_in

    def _closes(self, quote: Any, first: Any) -> bool:
        """A quote before a split protects it only if it is a closing quote and the new
        sentence does not start with punctuation (``"Honderd percentswet" .``)."""
        return quote.text in self.quotes and closing_quote(quote) and first.text not in CONTINUING

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or len(doc) < 2:
            return doc
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        changed = False
        sents = list(doc.sents)
        run_in = self.keep_run_in and not has_line_breaks(doc)
        for prev, sent in zip(sents, sents[1:], strict=False):
            prev_root = prev.root.i
            first = sent[0]
            before = doc[first.i - 1]
            if first.text in self.quotes and before.text in self.final:
                # the quote (alone, or opening the next sentence) closes the previous one
                if len(sent) > 1 and first.head.i == first.i:
                    continue  # it heads its sentence: leave that parse alone
                heads[first.i], deps[first.i] = prev_root, "punct"
                changed = True
            elif before.text not in self.final and not _ACRONYM_STOP.match(before.text) \
                    and not self._closes(before, first) \
                    and "\n" not in before.whitespace_ and not before.is_space \
                    and not (run_in and run_in_start(first, before)):
                heads[sent.root.i], deps[sent.root.i] = prev_root, "parataxis"
                changed = True
        if changed:
            set_arcs(doc, heads, deps)
        return doc


def has_line_breaks(doc: Doc) -> bool:
    """Whether the text keeps its lines (an article as published) or was flattened to one line
    (a scraped field, a spreadsheet cell, sentences joined by spaces)."""
    return any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in doc)


def run_in_start(first: Any, before: Any) -> bool:
    """Whether the parser's split before ``first`` is a headline running into the text.

    Only for text flattened to one line: there a headline without a full stop (``Bosbranden in
    La Palma Ook in Californië ...``) is glued to the sentence after it, and a capitalised word
    that the tagger does not take for a name can only start a sentence in Dutch. In a text that
    keeps its lines the line breaks mark headlines, and such a split is a parse error.
    """
    text = first.text
    return (text[:1].isupper() and not text.isupper() and first.pos_ not in NAME_LIKE
            and before.pos_ not in ("PUNCT", "SYM") and not before.text.isupper())


# Tags of words whose capital says nothing about a sentence start (names, symbols, foreign words).
NAME_LIKE = frozenset({"PROPN", "SYM", "X"})


def set_arcs(doc: Doc, heads: list[int], deps: list[str]) -> None:
    """Write absolute ``heads`` and labels back into a parsed doc in one call."""
    import numpy
    from spacy.attrs import DEP, HEAD

    rel = numpy.array([h - i for i, h in enumerate(heads)], dtype="int64").view("uint64")
    labels = numpy.array([doc.vocab.strings.add(d) for d in deps], dtype="uint64")
    doc.from_array([HEAD, DEP], numpy.stack([rel, labels], axis=1))


@Language.factory(
    "kroniek_sentence_fix",
    default_config={"final_punct": [".", "!", "?", "…", ":", ";"],
                    "closing_quotes": ["''", "”", "’’", '"', "’", "»"],
                    "keep_run_in": False},
)
def make_sentence_fix(nlp: Language, name: str, final_punct: list[str],
                      closing_quotes: list[str], keep_run_in: bool) -> SentenceFix:
    return SentenceFix(final_punct, closing_quotes, keep_run_in)


class SentenceHints:
    """Before the parser: a full stop (plus any closing quotes) followed by a capital, a digit or
    an opening quote starts a sentence; with ``quote_ends``, so does a closing quote that no
    comma precedes (``,,... op gras'' De baseliner``; dev sentence F1 98.74 -> 98.95). The parser keeps such preset starts; a small parser
    otherwise glues ``... gegaan.'' Daarna ...`` together. Abbreviations are single tokens
    (tokenizer exceptions), so a stand-alone ``.`` here is a real full stop."""

    def __init__(self, final_punct: Iterable[str], closing_quotes: Iterable[str],
                 opening_quotes: Iterable[str], quote_ends: bool = False,
                 run_in_starts: Iterable[str] = ()) -> None:
        self.final = set(final_punct)
        self.closing = set(closing_quotes)
        self.opening = set(opening_quotes)
        self.quote_ends = quote_ends
        self.run_in_starts = frozenset(run_in_starts)

    def __call__(self, doc: Doc) -> Doc:
        seen_final = False
        for tok in doc:
            if seen_final and tok.text not in self.closing:
                first = tok.text[:1]
                if first.isupper() or first.isdigit() or tok.text in self.opening:
                    tok.is_sent_start = True
                seen_final = False
            if tok.text in self.final or _ACRONYM_STOP.match(tok.text):
                seen_final = True
            elif self.quote_ends and tok.text in self.closing and tok.text != ")" and tok.i > 0 \
                    and doc[tok.i - 1].text not in {",", ";", ":"} and closing_quote(tok):
                seen_final = True  # ,,... gras'' De baseliner ...: a quote closes the sentence
        if self.run_in_starts and len(doc) > 2 and not has_line_breaks(doc):
            self._run_in(doc)
        return doc

    def _run_in(self, doc: Doc) -> None:
        """In text flattened to one line, a capitalised function word (``run_in_starts``: UPOS
        tags such as DET, ADP, ADV) after a word that can end a headline starts a sentence:
        ``Bosbranden in La Palma Ook in Californië``. Not before another capitalised word
        (``minister De Gucht``, ``De Grote Carrousel``) and not inside brackets."""
        depth = 0
        for tok in doc[1:-1]:
            prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
            depth += (prev.text == "(") - (prev.text == ")")
            text = tok.text
            if depth > 0 or tok.pos_ not in self.run_in_starts or not text[:1].isupper() \
                    or text.isupper() or prev.pos_ not in HEADLINE_ENDS or prev.text.isupper() \
                    or nxt.text[:1].isupper() or nxt.pos_ == "PROPN" or tok.is_sent_start:
                continue
            tok.is_sent_start = True


# The tags of words a headline without a verb at its end finishes on (Bosbranden in La Palma,
# Dodental daalt tot 113). After a verb, adverb or pronoun a capitalised function word is as
# often a surname (zei Dan, begon De Prins) as a new sentence (CoNLL-2002 ned.train and testa).
HEADLINE_ENDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})

# A line this long that ends without final punctuation is a hard wrap inside a sentence, not a
# headline or a list item (headlines are rarely longer than ~60 characters).
HARD_WRAP_CHARS = 60


def line_break_before(tok: Any) -> bool:
    """Whether a line break separates ``tok`` from the text before it as a sentence boundary.

    Articles reach the pipeline with their paragraphs, headline and dateline on lines of their
    own; a parser trained on running treebank text glues a headline to the first sentence and
    even takes the newline token as a subject. A blank line always ends a sentence; a single
    line break does when the line before is short (a headline, a list item) or ends a sentence
    anyway, not when it looks like a hard-wrapped line of running text.
    """
    doc = tok.doc
    i = tok.i - 1
    newlines = doc[i].whitespace_.count("\n")
    while i >= 0 and doc[i].is_space:
        newlines += doc[i].text.count("\n") + doc[i].whitespace_.count("\n")
        i -= 1
    if newlines == 0 or i < 0:
        return False
    if newlines >= 2:
        return True
    prev = doc[i]
    if prev.text in FINAL or prev.text in CLOSING or prev.text == ":":
        return True
    return prev.idx + len(prev.text) - _line_start(doc, i) <= HARD_WRAP_CHARS


def _line_start(doc: Doc, i: int) -> int:
    """Character offset where the line holding token ``i`` starts: walking back over the line's
    own tokens, not searching ``doc.text`` (rebuilt on every access: quadratic over a
    hard-wrapped article). Only whitespace tokens hold newlines."""
    while i > 0:
        i -= 1
        tok = doc[i]
        if tok.is_space and "\n" in tok.text:
            return tok.idx + tok.text.rfind("\n") + 1
    return 0


class LineBreaks:
    """Before the parser: a line break that separates sentences (see
    :func:`line_break_before`) starts one, and whitespace tokens never start one, so they stay
    with the sentence they follow. Added by the loader to every pipeline with a parser, ours or
    a user's, because treebank-trained parsers never saw a line break."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[1:]:
            if tok.is_space:
                tok.is_sent_start = False
            elif tok.text not in CONTINUING and tok.text not in CLOSING and line_break_before(tok):
                tok.is_sent_start = True
        return doc


class SpaceArcs:
    """After the parser: whitespace tokens (line breaks) are no one's subject or object.

    Each hangs from the word before it as ``dep``; whatever the parser hung from one moves to
    that token's head (or, if the parser made it a root, to its largest child, which becomes
    the root). Event roles then never read a newline as an argument."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or not any(t.is_space for t in doc[1:]):
            return doc
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        if self._detach_spaces(doc, heads, deps):
            set_arcs(doc, heads, deps)
        return doc

    @staticmethod
    def _detach_spaces(doc: Doc, heads: list[int], deps: list[str]) -> bool:
        """Rewrite ``heads``/``deps`` in place (a space that opened a sentence joins the one before)."""
        changed = False
        for tok in doc:
            if not tok.is_space or tok.i == 0:
                continue
            prev = tok.i - 1
            while prev > 0 and doc[prev].is_space:
                prev -= 1
            if doc[prev].is_space:
                continue
            children = [c.i for c in doc[tok.sent.start:tok.sent.end]
                        if heads[c.i] == tok.i and c.i != tok.i]
            if heads[tok.i] == tok.i:  # the space was its sentence's root: promote a child
                if not children:
                    continue
                root = max(children, key=lambda c: len(list(doc[c].subtree)))
                heads[root], deps[root] = root, "ROOT"
                target = root
            else:
                target = heads[tok.i]
            for c in children:
                if c != target:
                    heads[c] = target
            if heads[tok.i] != prev or deps[tok.i] != "dep":
                heads[tok.i], deps[tok.i] = prev, "dep"
                changed = True
            changed = changed or bool(children)
        return changed



@Language.factory("kroniek_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory("kroniek_space_arcs")
def make_space_arcs(nlp: Language, name: str) -> SpaceArcs:
    return SpaceArcs()


@Language.factory(
    "kroniek_sentence_hints",
    default_config={"final_punct": [".", "!", "?", "…"],
                    "closing_quotes": ["''", "”", "’’", '"', "’", "»", ")"],
                    "opening_quotes": [",,", "„", "“", '"', "‘", "«", "'"],
                    "quote_ends": True, "run_in_starts": []},
)
def make_sentence_hints(nlp: Language, name: str, final_punct: list[str], closing_quotes: list[str],
                        opening_quotes: list[str], quote_ends: bool,
                        run_in_starts: list[str]) -> SentenceHints:
    return SentenceHints(final_punct, closing_quotes, opening_quotes, quote_ends, run_in_starts)


class LookupLemmatizer:
    """Lemmas from a (form, UPOS) table learnt from the treebank, then simplemma, then the form.

    Why not only the trainable lemmatizer: it depends on the shared tok2vec and on ~150k tokens
    of examples; a table of the treebank's own (form, UPOS) -> lemma pairs is exact for seen
    words, and simplemma's large Dutch dictionary covers most unseen ones. Proper nouns,
    numbers and punctuation keep their form, as UD does.
    """

    KEEP_FORM = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X"})

    def __init__(self, lang: str, overwrite: bool = True) -> None:
        self.lang = lang
        self.overwrite = overwrite
        self.by_pos: dict[str, str] = {}
        self.by_form: dict[str, str] = {}

    def lemma(self, text: str, pos: str) -> str:
        lower = text.lower()
        hit = self.by_pos.get(f"{lower}\t{pos}")
        if hit is not None:
            return hit
        if pos in self.KEEP_FORM:
            return text
        hit = self.by_form.get(lower)
        if hit is not None:
            return hit
        return dictionary_lemma(lower, self.lang) or lower

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if self.overwrite or not tok.lemma_:
                tok.lemma_ = self.lemma(tok.text, tok.pos_)
        return doc

    def learn(self, docs: Iterable[Doc]) -> None:
        """Most frequent lemma per (form, UPOS) and per form in gold docs."""
        from collections import Counter

        pos_counts: dict[str, Counter[str]] = {}
        form_counts: dict[str, Counter[str]] = {}
        for doc in docs:
            for tok in doc:
                if not tok.lemma_ or not tok.pos_:
                    continue
                lower = tok.text.lower()
                pos_counts.setdefault(f"{lower}\t{tok.pos_}", Counter())[tok.lemma_] += 1
                form_counts.setdefault(lower, Counter())[tok.lemma_] += 1
        self.by_pos = {k: c.most_common(1)[0][0] for k, c in pos_counts.items()}
        self.by_form = {k: c.most_common(1)[0][0] for k, c in form_counts.items()}

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"by_pos": self.by_pos, "by_form": self.by_form}
        (path / "lemmas.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        file = Path(path) / "lemmas.json"
        if file.is_file():
            data = json.loads(file.read_text("utf-8"))
            self.by_pos, self.by_form = data["by_pos"], data["by_form"]
        return self


@Language.factory("kroniek_lookup_lemmatizer", default_config={"overwrite": True})
def make_lookup_lemmatizer(nlp: Language, name: str, overwrite: bool) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.lang, overwrite)
