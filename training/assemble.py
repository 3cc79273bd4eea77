"""Assemble the shipped Dutch pack from the separately trained syntax and NER pipelines.

Syntax (UD) and NER (CoNLL-2002) come from different corpora, so they are trained apart and
joined here: the NER pipeline's tok2vec is copied into its ``ner`` component so it stands
alone, the tokenizer gets the news abbreviations from ``kroniek/lang/<lang>/abbreviations.yaml``,
and the separable-verb lemma fixer is added after the parser.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import compile_prefix_regex, compile_suffix_regex

import kroniek.nlp.components  # noqa: F401  (registers our factories)
from kroniek.lang import load


def words_not_abbreviations(docs: list, rules: dict) -> set[str]:
    """Special cases like ``dat.`` (spaCy's Dutch list: "datum") that gold text writes as a word
    plus full stop ("zei dat."): kept, they hide sentence ends. Learnt from gold tokenization."""
    from collections import Counter

    split: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    whole: set[str] = set()
    for doc in docs:
        for tok in doc[:-1]:
            whole.add(tok.text)
            bare[tok.text] += 1
            if doc[tok.i + 1].text == "." and not tok.whitespace_:
                split[tok.text + "."] += 1
    return {form for form in rules if form.endswith(".") and form not in whole
            and (split[form] >= 1 or (form[:-1].islower() and bare[form[:-1]] >= 10))}


def customise_tokenizer(nlp: Language, lang: str, gold: list | None = None) -> None:
    """Abbreviations as special cases (all case variants); news quote marks as affixes; spaCy
    special cases that the gold treebank writes as word + full stop are dropped."""
    if gold:
        drop = words_not_abbreviations(gold, nlp.tokenizer.rules)
        print("dropped special cases:", " ".join(sorted(drop)))
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in drop}
    data = load(lang, "abbreviations") or {}
    for abbr in data.get("abbreviations", []):
        for form in {abbr, abbr.capitalize(), abbr.upper()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    prefixes = [*map(_esc, data.get("quote_prefixes", [])), *nlp.Defaults.prefixes]
    suffixes = [*map(_esc, data.get("quote_suffixes", [])), *nlp.Defaults.suffixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _esc(s: str) -> str:
    import re

    return re.escape(s)


def assemble(syntax: Path | str, ner: Path | None, out: Path | None, lang: str = "nl",
             meta_extra: dict | None = None, crf: Path | None = None, crf_mode: str = "prefer",
             separable_verbs: bool = True, lemma_table: Path | None = None,
             sentence_rules: bool = True, pos_crf: Path | None = None) -> Language:
    """The joined pipeline, written to ``out`` (when given) and returned.

    ``lemma_table``: gold docs (DocBin) for the lookup lemmatizer, which then replaces the
    trainable one (it scored higher on dev). ``sentence_rules``: the sentence hint/fix
    components around the parser. ``pos_crf``: a CRF UPOS tagger (training/train_pos_crf.py)
    after the morphologizer, whose UPOS it replaces.
    """
    nlp = spacy.load(syntax)
    gold = list(DocBin().from_disk(lemma_table).get_docs(nlp.vocab)) if lemma_table else None
    customise_tokenizer(nlp, lang, gold)
    if pos_crf is not None:
        nlp.add_pipe("kroniek_crf_tagger", after="morphologizer").load_model(pos_crf)
    if sentence_rules and "parser" in nlp.pipe_names:
        run_in = (load(lang, "sentences") or {}).get("run_in", {})
        nlp.add_pipe("kroniek_sentence_hints", before="parser",
                     config={"run_in_starts": list(run_in.get("starts", []))})
        nlp.add_pipe("kroniek_sentence_fix", after="parser",
                     config={"keep_run_in": bool(run_in.get("keep_parser_splits", False))})
    if lemma_table is not None:
        if "trainable_lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("trainable_lemmatizer")
        lem = nlp.add_pipe("kroniek_lookup_lemmatizer")
        lem.learn(gold or [])
    if separable_verbs and "kroniek_separable_verbs" not in nlp.pipe_names:
        nlp.add_pipe("kroniek_separable_verbs")
    if ner is not None:
        ner_nlp = spacy.load(ner)
        if "tok2vec" in ner_nlp.pipe_names:
            ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        if "ner" in nlp.pipe_names:
            nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=ner_nlp)
    if crf is not None:
        comp = nlp.add_pipe("kroniek_crf_ner", config={"mode": crf_mode})
        comp.load_model(crf)
    nlp.meta["name"] = "kroniek"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = ("kroniek's own pipeline, trained offline from UD Dutch and "
                               "CoNLL-2002: see MODEL_CARD.md")
    nlp.meta["license"] = "CC BY-SA 4.0 (UD data); NER trained on CoNLL-2002: research use only"
    nlp.meta["requirements"] = []
    nlp.meta.update(meta_extra or {})
    if out is None:
        return nlp
    card = out / "MODEL_CARD.md"
    saved_card = card.read_text("utf-8") if card.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    if saved_card:
        card.write_text(saved_card, "utf-8")
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--syntax", type=Path, required=True)
    ap.add_argument("--ner", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--meta", type=Path, help="JSON merged into meta.json")
    ap.add_argument("--crf", type=Path, help="a trained CRF (training/train_crf.py) to add")
    ap.add_argument("--crf-mode", default="prefer", choices=["replace", "fill", "prefer"])
    ap.add_argument("--lemma-table", type=Path, help="gold DocBin for the lookup lemmatizer")
    ap.add_argument("--pos-crf", type=Path, help="a trained CRF UPOS tagger (train_pos_crf.py)")
    args = ap.parse_args()
    extra = json.loads(args.meta.read_text()) if args.meta else None
    nlp = assemble(args.syntax, args.ner, args.out, args.lang, extra, args.crf, args.crf_mode,
                   lemma_table=args.lemma_table, pos_crf=args.pos_crf)
    print("pipeline:", nlp.pipe_names, "->", args.out)


if __name__ == "__main__":
    main()
