"""Turn the shared data into spaCy DocBins for training (``training/work/corpus``).

Why our own reader instead of ``spacy convert``: the 2017 LassySmall file must be deduplicated
against the other UD files, held-out test included (by sentence text); its missing XPOS must
stay missing (we train no XPOS tagger at all); Alpino's lemma underscores are removed; and a
separable verb's gold lemma already carries its particle (``spoorde ... aan`` -> ``aansporen``),
which a per-token lemmatizer cannot learn, so training lemmas drop the particle and the
``kroniek_separable_verbs`` component puts it back from the ``compound:prt`` arc. The two 2017
files follow the UD 2.0 annotation, so their trees are harmonised first (``harmonise.py``).

Never reads the held-out files except to deduplicate against the Alpino test.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

try:  # run as a script (training/convert.py) or imported as training.convert
    from harmonise import ObliqueLexicon, harmonise, oblique_lexicon
except ImportError:
    from training.harmonise import ObliqueLexicon, harmonise, oblique_lexicon
from kroniek.nlp.conll import group_sentences, ner_docs, read_conllu, sentence_key, ud_doc

UD_DEV = "nl_alpino-ud-dev.conllu"
UD_TRAIN = [
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
    "nl_alpino-ud-train-2017-news-subset.conllu",
    "nl_lassysmall-ud-train-v2.0-2017.conllu",  # older annotation, deduplicated below
]
# Converted by the UD 2.0 (2017) script: brought to the current annotation (training/harmonise.py).
UD_OLD_SCHEME = {"nl_alpino-ud-train-2017-news-subset.conllu", "nl_lassysmall-ud-train-v2.0-2017.conllu"}
UD_HELD_OUT = "nl_alpino-ud-test.conllu"


def ud_docbin(files: list[Path], seen: set[str], limit: int | None,
              lexicon: ObliqueLexicon | None = None) -> tuple[DocBin, int, int]:
    """Docs from ``files`` skipping any sentence whose text is in ``seen`` (which grows); trees
    in the old annotation are harmonised (``lexicon``: which prepositional phrases are obl:arg)."""
    vocab = Vocab()
    sents = []
    for f in files:
        for group, rows in read_conllu(f):
            key = sentence_key(rows)
            if key in seen:
                continue
            seen.add(key)
            sents.append((group, harmonise(rows, lexicon) if f.name in UD_OLD_SCHEME else rows))
    sents = sents[:limit] if limit else sents
    db = DocBin(store_user_data=False)
    for batch in group_sentences(sents):
        db.add(ud_doc(vocab, batch, particle_lemmas=True))
    return db, len(sents), sum(len(r) for _, r in sents)


def ner_docbin(path: Path, limit: int | None) -> tuple[DocBin, int]:
    db = DocBin(store_user_data=False)
    n = 0
    for doc in ner_docs(path, Vocab(), limit=limit):
        db.add(doc)
        n += len(list(doc.sents))
    return db, n


def europeana_docbin(path: Path, limit: int | None, sents_per_doc: int = 10) -> tuple[DocBin, int]:
    """Europeana has no sentence breaks: cut after . ! ? so docs have CoNLL-like length."""
    from spacy.tokens import Doc, Span

    from kroniek.nlp.conll import iob_spans

    vocab = Vocab()
    sents: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text("utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        sents[-1].append((parts[0], parts[-1]))
        if parts[0] in {".", "!", "?"} and parts[-1] == "O":
            sents.append([])
    sents = [s for s in sents if s][:limit]
    db = DocBin(store_user_data=False)
    for i in range(0, len(sents), sents_per_doc):
        chunk = sents[i:i + sents_per_doc]
        words = [w for s in chunk for w, _ in s]
        doc = Doc(vocab, words=words, sent_starts=[j == 0 for s in chunk for j in range(len(s))])
        doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in iob_spans([t for s in chunk for _, t in s])]
        db.add(doc)
    return db, len(sents)


def convert(data: Path, out: Path, limit: int | None = None) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    ud = data / "ud-nl"
    held = {sentence_key(r) for _, r in read_conllu(ud / UD_HELD_OUT)}
    counts: dict[str, int] = {}
    dev, counts["nl_ud_dev_sents"], counts["nl_ud_dev_tokens"] = ud_docbin([ud / UD_DEV], set(held), limit)
    dev.to_disk(out / "nl_ud_dev.spacy")
    seen = held | {sentence_key(r) for _, r in read_conllu(ud / UD_DEV)}
    # obl:arg vs obl for the old trees, learnt from the current-annotation training files only
    # (not Alpino dev, which stays a clean dev set)
    lexicon = oblique_lexicon(r for f in UD_TRAIN if f not in UD_OLD_SCHEME for _, r in read_conllu(ud / f))
    train, counts["nl_ud_train_sents"], counts["nl_ud_train_tokens"] = ud_docbin(
        [ud / f for f in UD_TRAIN], seen, limit, lexicon)
    train.to_disk(out / "nl_ud_train.spacy")
    # Train + dev together, for the final syntax model (trained for the step count dev chose).
    alls, counts["nl_ud_all_sents"], counts["nl_ud_all_tokens"] = ud_docbin(
        [ud / UD_DEV] + [ud / f for f in UD_TRAIN], set(held), limit, lexicon)
    alls.to_disk(out / "nl_ud_all.spacy")
    for src, name in [(data / "conll2002-nl" / "ned.train", "nl_ner_train"),
                      (data / "conll2002-nl" / "ned.testa", "nl_ner_dev"),
                      (data / "conll2003-en" / "eng.train", "en_ner_train"),
                      (data / "conll2003-en" / "eng.testa", "en_ner_dev")]:
        if src.exists():
            db, counts[name + "_sents"] = ner_docbin(src, limit)
            db.to_disk(out / f"{name}.spacy")
    eur = data / "europeana-nl" / "enp_NL.kb.bio"
    if eur.exists():
        db, counts["nl_ner_europeana_sents"] = europeana_docbin(eur, limit)
        db.to_disk(out / "nl_ner_europeana.spacy")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/work/corpus"))
    ap.add_argument("--limit", type=int, default=None, help="first N sentences per set (tests)")
    args = ap.parse_args()
    for k, v in convert(args.data, args.out, args.limit).items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
