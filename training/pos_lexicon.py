"""Build the word-class lexicon the CRF UPOS tagger reads (``lexicon.json``).

Why: the treebank has ~136k tokens, so many news words are unseen and the tagger guesses their
class from affixes alone. CoNLL-2002's training and development files (De Morgen, 2000) carry a
coarse part-of-speech column over another ~270k tokens of news: the classes a word takes there
(``N``, ``V``, ``Adj``, ``N|V`` when the second class holds at least a quarter of its uses) are a
feature, not a label, so their different tag set does no harm. Never reads ``ned.testb``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

ALLOWED = ("ned.train", "ned.testa")


def build(files: list[Path], min_share: float = 0.25, limit: int | None = None) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    n = 0
    for path in files:
        if path.name not in ALLOWED:
            raise SystemExit(f"{path}: only {', '.join(ALLOWED)} may feed the lexicon")
        for line in path.read_text("utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) < 3 or parts[0] == "-DOCSTART-":
                continue
            counts[parts[0].lower()][parts[1]] += 1
            n += 1
            if limit and n >= limit:
                break
    lexicon = {}
    for word, c in counts.items():
        (top, k), *rest = c.most_common(2)
        tag = top
        if rest and rest[0][1] >= min_share * sum(c.values()):
            tag = "|".join(sorted((top, rest[0][0])))
        lexicon[word] = tag
    return lexicon


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, help="first N tokens only (a smoke test)")
    args = ap.parse_args()
    lexicon = build([args.data / "conll2002-nl" / f for f in ALLOWED], limit=args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(lexicon, ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"{len(lexicon)} words -> {args.out}")


if __name__ == "__main__":
    main()
