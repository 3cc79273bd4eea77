"""Train the CRF NER (kroniek.nlp.crf) on a CoNLL file and score it on a dev file.

Used for both languages: ``--train ned.train --dev ned.testa`` (Dutch) or eng.train/eng.testa.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kroniek.nlp.conll import iob_spans, read_conll_ner
from kroniek.nlp.crf import CRFTagger


def span_f1(gold: list[set], pred: list[set]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_g = sum(len(g) for g in gold)
    n_p = sum(len(p) for p in pred)
    prec = tp / n_p if n_p else 0.0
    rec = tp / n_g if n_g else 0.0
    return {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def pos_tags(model: Path | None, docs: list) -> list[list[list[str]]] | None:
    """UPOS of every CoNLL sentence from the pack's own tagger (tok2vec + morphologizer)."""
    if model is None:
        return None
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model, exclude=["parser", "trainable_lemmatizer", "ner"])
    flat = [[w for w, _ in s] for d in docs for s in d]
    tagged = nlp.pipe((Doc(nlp.vocab, words=ws) for ws in flat), batch_size=256)
    out, it = [], iter(tagged)
    for d in docs:
        out.append([[t.pos_ for t in next(it)] for _ in d])
    return out


def score(tagger: CRFTagger, path: Path, limit: int | None = None,
          pos_model: Path | None = None) -> dict[str, float]:
    gold, pred = [], []
    docs = list(read_conll_ner(path))[:limit]
    pos = pos_tags(pos_model, docs)
    for d, doc in enumerate(docs):
        tags = tagger.tag_document([[w for w, _ in s] for s in doc], pos[d] if pos else None)
        for s, t in zip(doc, tags, strict=True):
            gold.append(set(iob_spans([g for _, g in s])))
            pred.append(set(iob_spans(list(t))))
    return span_f1(gold, pred)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--train", type=Path, nargs="+", required=True)
    ap.add_argument("--dev", type=Path)
    ap.add_argument("--gazetteer", type=Path, default=Path("training/work/gazetteer.json"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--limit-docs", type=int)
    ap.add_argument("--pos-model", type=Path, help="spaCy pipeline whose tagger adds POS features")
    args = ap.parse_args()
    gaz = json.loads(args.gazetteer.read_text("utf-8")) if args.gazetteer.exists() else {}
    tagger = CRFTagger(gaz)
    t0 = time.time()
    docs = [d for path in args.train for d in list(read_conll_ner(path))[:args.limit_docs]]
    tagger.train(docs, args.out, c1=args.c1, c2=args.c2, max_iterations=args.iterations,
                 pos_docs=pos_tags(args.pos_model, docs))
    print(f"trained in {time.time() - t0:.0f}s -> {args.out}")
    if args.dev:
        print("dev:", json.dumps(score(tagger, args.dev, args.limit_docs, args.pos_model)))


if __name__ == "__main__":
    main()
