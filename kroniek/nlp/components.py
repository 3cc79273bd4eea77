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
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kroniek.nlp.conll import iob_spans
from kroniek.nlp.crf import CRFTagger

DEFAULT_PARTICLE_DEPS = ("compound:prt",)
VERB_POS = ("VERB", "AUX")


class SeparableVerbs:
    def __init__(self, particle_deps: Iterable[str] = DEFAULT_PARTICLE_DEPS) -> None:
        self.particle_deps = set(particle_deps)

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.dep_ not in self.particle_deps or tok.head is tok:
                continue
            verb = tok.head
            if verb.pos_ not in VERB_POS:
                continue
            particle = (tok.lemma_ or tok.text).lower()
            lemma = verb.lemma_ or verb.text.lower()
            if not particle.isalpha() or lemma.lower().startswith(particle):
                continue
            verb.lemma_ = particle + lemma
        return doc


@Language.factory(
    "kroniek_separable_verbs",
    default_config={"particle_deps": list(DEFAULT_PARTICLE_DEPS)},
)
def make_separable_verbs(nlp: Language, name: str, particle_deps: list[str]) -> SeparableVerbs:
    return SeparableVerbs(particle_deps)


class CRFEntities:
    """Entities from :class:`kroniek.nlp.crf.CRFTagger`, combined with those already on the doc.

    ``mode``: ``replace`` (CRF only), ``fill`` (keep the neural NER's entities, add CRF ones
    that overlap none), ``prefer`` (CRF entities win, neural ones fill the gaps).
    """

    def __init__(self, mode: str = "fill") -> None:
        self.mode = mode
        self.tagger: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger is None or not len(doc):
            return doc
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        tags = self.tagger.tag_document([[t.text for t in s] for s in sents])
        crf: list[Span] = []
        for sent, stags in zip(sents, tags, strict=True):
            for start, end, label in iob_spans(list(stags)):
                crf.append(Span(doc, sent.start + start, sent.start + end, label=label))
        old = list(doc.ents)
        if self.mode == "replace":
            chosen = crf
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

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> CRFEntities:
        path = Path(path)
        if (path / "crf.model").is_file():
            self.tagger = CRFTagger.load(path)
        return self

    def load_model(self, path: Path) -> None:
        self.tagger = CRFTagger.load(Path(path))


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@Language.factory("kroniek_crf_ner", default_config={"mode": "fill"})
def make_crf_entities(nlp: Language, name: str, mode: str) -> CRFEntities:
    return CRFEntities(mode)
