"""Train the CRF NER (kroniek.nlp.crf) on CoNLL files and score it on a dev file.

Used for both languages: ``--train ned.train --dev ned.testa`` (Dutch) or eng.train/eng.testa.
The dev score follows ``kroniek eval nlp``: documents cut into chunks of ten sentences, and the
earlier components (tagger, an earlier NER) run on those chunks with gold sentences.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from kroniek.nlp.conll import iob_spans, read_conll_ner
from kroniek.nlp.crf import CRFTagger

CHUNK = 10  # sentences per doc, as kroniek.nlp.conll.ner_docs
Docs = list[list[list[tuple[str, str]]]]


def span_f1(gold: list[set], pred: list[set]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_g = sum(len(g) for g in gold)
    n_p = sum(len(p) for p in pred)
    prec = tp / n_p if n_p else 0.0
    rec = tp / n_g if n_g else 0.0
    return {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def annotate(model: Path | str | None, docs: Docs) -> tuple[Any, Any]:
    """UPOS and earlier-NER IOB tags of every CoNLL sentence from a spaCy pipeline, run as
    ``kroniek eval nlp`` runs it: ten-sentence docs, gold sentences, no parser."""
    if model is None:
        return None, None
    from spacy.tokens import Doc

    import kroniek.nlp.components  # noqa: F401
    from kroniek.nlp.components import _ent_tag
    from kroniek.nlp.evaluate import SKIP_FOR_NER
    from kroniek.nlp.loader import _load_package

    nlp = _load_package(str(model))
    chunks = [d[i:i + CHUNK] for d in docs for i in range(0, len(d), CHUNK)]
    preds = [Doc(nlp.vocab, words=[w for s in c for w, _ in s],
                 sent_starts=[j == 0 for s in c for j in range(len(s))]) for c in chunks]
    for name, proc in nlp.pipeline:
        if name in SKIP_FOR_NER or name == "kroniek_crf_ner" or name == "trainable_lemmatizer":
            continue
        preds = list(proc.pipe(preds, batch_size=64)) if hasattr(proc, "pipe") else [proc(p) for p in preds]
    has_ner = any(n == "ner" for n in nlp.pipe_names)
    pos_out: list = []
    ent_out: list = []
    it = iter(zip(chunks, preds, strict=True))
    for d in docs:
        dp: list = []
        de: list = []
        for _ in range(0, len(d), CHUNK):
            c, p = next(it)
            k = 0
            for s in c:
                toks = p[k:k + len(s)]
                dp.append([t.pos_ for t in toks])
                de.append([_ent_tag(t) for t in toks])
                k += len(s)
        pos_out.append(dp)
        ent_out.append(de)
    return pos_out, (ent_out if has_ner else None)


def score(tagger: CRFTagger, docs: Docs, pos: Any = None, ents: Any = None) -> dict[str, Any]:
    from kroniek.nlp.components import _crf_form

    gold, pred = [], []
    by_label: dict[str, list[int]] = {}
    for d, doc in enumerate(docs):
        for i in range(0, len(doc), CHUNK):
            chunk = doc[i:i + CHUNK]
            tags = tagger.tag_document([[_crf_form(w) for w, _ in s] for s in chunk],
                                       pos[d][i:i + CHUNK] if pos else None,
                                       ents[d][i:i + CHUNK] if ents else None)
            for s, t in zip(chunk, tags, strict=True):
                g, p = set(iob_spans([g for _, g in s])), set(iob_spans(list(t)))
                gold.append(g)
                pred.append(p)
                for lab in {x[2] for x in g | p}:
                    c = by_label.setdefault(lab, [0, 0, 0])
                    c[0] += len({x for x in g & p if x[2] == lab})
                    c[1] += len({x for x in g if x[2] == lab})
                    c[2] += len({x for x in p if x[2] == lab})
    out: dict[str, Any] = span_f1(gold, pred)
    for lab, (tp, ng, np_) in sorted(by_label.items()):
        out[lab] = round(2 * tp / (ng + np_), 4) if ng + np_ else 0.0
    return out


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
    ap.add_argument("--ents-model", help="spaCy pipeline whose NER tags are features (stacking)")
    ap.add_argument("--extra", action="store_true", help="the extra feature group (kroniek.nlp.crf.FeatureSet)")
    args = ap.parse_args()
    gaz = json.loads(args.gazetteer.read_text("utf-8")) if args.gazetteer.exists() else {}
    tagger = CRFTagger(gaz)
    t0 = time.time()
    docs = [d for path in args.train for d in list(read_conll_ner(path))[:args.limit_docs]]
    model = args.pos_model or args.ents_model
    pos, ents = annotate(model, docs)
    tagger.train(docs, args.out, c1=args.c1, c2=args.c2, max_iterations=args.iterations,
                 pos_docs=pos if args.pos_model else None,
                 ent_docs=ents if args.ents_model else None, extra=args.extra)
    print(f"trained in {time.time() - t0:.0f}s -> {args.out}", flush=True)
    if args.dev:
        dev = list(read_conll_ner(args.dev))[:args.limit_docs]
        dpos, dents = annotate(model, dev)
        r = score(tagger, dev, dpos, dents)
        print("dev:", json.dumps({k: round(v, 4) for k, v in r.items()}))


if __name__ == "__main__":
    main()
