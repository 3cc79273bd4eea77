"""Score syntax variants on the DEV file (UD Alpino dev), from raw text, as kroniek eval does.

Variants: the trained model alone; with the separable-verb lemma fixer; with a punctuation
sentencizer in front of the parser; with simplemma as lemma backoff. Never reads the test file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

import kroniek.nlp.components  # noqa: F401
from kroniek.nlp.evaluate import score_ud

VARIANTS = {
    "model": [],
    "+separable": ["sep"],
    "+separable+sentencizer": ["sep", "sentencizer"],
    "+separable+sentfix": ["sep", "sentfix"],
    "+separable+sentfix+hints": ["sep", "sentfix", "hints"],
    "+separable+sentfix+hints+quote_ends": ["sep", "sentfix", "hints", "quote_ends"],
    "+sentfix+hints+lookup+separable": ["sep", "sentfix", "hints", "lookup"],
    "+sentfix+hints+lookup_fill+separable": ["sep", "sentfix", "hints", "lookup_fill"],
}


def build(model: Path, steps: list[str], table: Path) -> spacy.Language:
    nlp = spacy.load(model)
    if "sentencizer" in steps:
        nlp.add_pipe("sentencizer", before="parser")
    if "lookup" in steps or "lookup_fill" in steps:
        lem = nlp.add_pipe("kroniek_lookup_lemmatizer", after="trainable_lemmatizer",
                           config={"overwrite": "lookup" in steps})
        lem.learn(DocBin().from_disk(table).get_docs(nlp.vocab))
    if "hints" in steps:
        nlp.add_pipe("kroniek_sentence_hints", before="parser")
    if "quote_ends" in steps:
        nlp.get_pipe("kroniek_sentence_hints").quote_ends = True
    if "sentfix" in steps:
        nlp.add_pipe("kroniek_sentence_fix", after="parser")
    if "sep" in steps:
        nlp.add_pipe("kroniek_separable_verbs")
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--dev", type=Path, default=Path("../shared/data/ud-nl/nl_alpino-ud-dev.conllu"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--table", type=Path, default=Path("training/work/corpus/nl_ud_train.spacy"),
                    help="gold docs the lookup lemmatizer learns from (never the dev file)")
    args = ap.parse_args()
    for name, steps in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        r = score_ud(build(args.model, steps, args.table), args.dev)
        keys = ["upos", "lemma", "uas", "las", "sent_f1"]
        print(name, json.dumps({k: round(100 * r[k], 2) for k in keys}), flush=True)


if __name__ == "__main__":
    main()
