"""Score NER variants on the DEV file (ned.testa / eng.testa): neural, CRF, and their combinations.

This is how the shipped combination was chosen; it never touches the held-out test files.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import kroniek.nlp.components  # noqa: F401
from kroniek.nlp.evaluate import score_ner
from kroniek.nlp.loader import _load_package


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--ner", type=Path, required=True, help="trained spaCy NER pipeline")
    ap.add_argument("--crf", type=Path, required=True)
    ap.add_argument("--dev", type=Path, required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--modes", nargs="*", default=["neural", "replace", "fill", "prefer"])
    args = ap.parse_args()
    results = {}
    for mode in args.modes:
        nlp = _load_package(str(args.ner))
        if mode != "neural":
            nlp.add_pipe("kroniek_crf_ner", config={"mode": mode}).load_model(args.crf)
        r = score_ner(nlp, args.dev, args.limit)
        results[mode] = {"f1": round(r["f1"], 4), "p": round(r["p"], 4), "r": round(r["r"], 4),
                         **{k: round(v["f1"], 4) for k, v in r["per_label"].items()}}
        print(mode, json.dumps(results[mode]), flush=True)


if __name__ == "__main__":
    main()
