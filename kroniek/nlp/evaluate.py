"""Score a language's loaded pipeline on the held-out files (``kroniek eval nlp``).

NER is scored in the CoNLL setting: gold tokens and gold sentence boundaries (components
that set sentences, such as the parser, are skipped for it), ten sentences of one article per
doc so the model sees article context, with labels mapped to PER/ORG/LOC/MISC as in
:mod:`kroniek.nlp.entities`. Syntax is scored from raw text: each UD document's text goes
through the whole pipeline (tokenizer and sentence splitting included) and spaCy's scorer
aligns the tokens, so UPOS, lemma, UAS/LAS and sentence F1 include tokenization errors.
Alpino's morpheme-boundary underscores in gold lemmas (``aan_sporen``) are removed first;
the result says so (``lemma_note``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from kroniek.nlp.conll import group_sentences, ner_docs, paragraph_starts, read_conllu, ud_doc
from kroniek.nlp.entities import LABELS

HELD_OUT = {
    "nl": {"ner": ("conll2002-nl/ned.testb", -1), "ud": "ud-nl/nl_alpino-ud-test.conllu"},
    "en": {"ner": ("conll2003-en/eng.testb", -1), "ud": "ud-en/en_ewt-ud-test.conllu"},
}
SKIP_FOR_NER = frozenset({"parser", "senter", "sentencizer", "kroniek_sentence_hints",
                              "kroniek_sentence_fix", "kroniek_separable_verbs"})
LEMMA_NOTE = "gold lemmas with '_' (Alpino's morpheme boundaries: aan_sporen -> aansporen) removed"


def _mapped(doc: Doc) -> Doc:
    """A copy of the predicted doc whose entities carry the contract's four labels."""
    ents = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_, "MISC")
        if label:
            ents.append(Span(doc, ent.start, ent.end, label=label))
    out = doc.copy()
    out.ents = [Span(out, e.start, e.end, label=e.label_) for e in ents]
    return out


def score_ner(nlp: Any, path: Path, limit: int | None = None, tag_col: int = -1) -> dict[str, Any]:
    examples = []
    words = 0
    for gold in ner_docs(path, nlp.vocab, limit=limit, tag_col=tag_col):
        # CoNLL gives sentence boundaries with the tokens: the pipeline gets both
        pred = Doc(nlp.vocab, words=[t.text for t in gold],
                   sent_starts=[bool(t.is_sent_start) for t in gold])
        for name, proc in nlp.pipeline:
            if name not in SKIP_FOR_NER:
                pred = proc(pred)
        examples.append(Example(_mapped(pred), gold))
        words += len(gold)
    scores = Scorer.score_spans(examples, "ents")
    return {
        "file": path.name,
        "words": words,
        "p": scores["ents_p"] or 0.0,
        "r": scores["ents_r"] or 0.0,
        "f1": scores["ents_f"] or 0.0,
        "per_label": {k: {"p": v["p"], "r": v["r"], "f1": v["f"]}
                      for k, v in sorted((scores["ents_per_type"] or {}).items())},
    }


def _article_text(gold: Doc, opens_paragraph: list[bool]) -> str:
    """The gold sentences laid out as an article: a blank line where a paragraph starts."""
    parts: list[str] = []
    for k, sent in enumerate(gold.sents):
        if k:
            parts.append("\n\n" if opens_paragraph[k] else " ")
        parts.append(sent.text)
    return "".join(parts)


def _syntax_scores(examples: list[Example]) -> dict[str, Any]:
    s: dict[str, Any] = {}
    s.update(Scorer.score_token_attr(examples, "pos"))
    s.update(Scorer.score_token_attr(examples, "lemma"))
    # UD convention: punctuation arcs count (spaCy's training log leaves them out).
    s.update(Scorer.score_deps(examples, "dep"))
    s.update(Scorer.score_spans(examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START")))
    s.update(Scorer.score_tokenization(examples))
    # The CoNLL 2018 shared task's official LAS compares only the universal part of a relation
    # (``nsubj:pass`` counts as ``nsubj``); the figure above keeps the subtypes, which is
    # stricter. Both are reported so the numbers compare with published UD results.
    for ex in examples:
        for doc in (ex.predicted, ex.reference):
            for tok in doc:
                if ":" in tok.dep_:
                    tok.dep_ = tok.dep_.split(":", 1)[0]
    return {"token_f1": s["token_f"], "upos": s["pos_acc"], "lemma": s["lemma_acc"],
            "uas": s["dep_uas"], "las": s["dep_las"],
            "las_universal": Scorer.score_deps(examples, "dep")["dep_las"],
            "sent_p": s["sents_p"], "sent_r": s["sents_r"], "sent_f1": s["sents_f"]}


def score_ud(nlp: Any, path: Path, limit: int | None = None) -> dict[str, Any]:
    """Syntax from raw text, twice: the UD documents' sentences joined by single spaces (the
    harder, historical figure: a headline runs into the next sentence) and laid out as articles
    arrive, with a blank line between paragraphs (the ``paragraphs`` entry)."""
    sents = list(read_conllu(path))
    opens = paragraph_starts(path)
    if limit:
        sents, opens = sents[:limit], opens[:limit]
    flags = {id(rows): opens[k] for k, (_, rows) in enumerate(sents)}
    plain, article = [], []
    seconds = 0.0
    for batch in group_sentences(sents):
        gold = ud_doc(nlp.vocab, batch)
        start = time.perf_counter()
        plain.append(Example(nlp(gold.text), gold))
        seconds += time.perf_counter() - start
        text = _article_text(gold, [flags[id(rows)] for rows in batch])
        article.append(Example(nlp(text), ud_doc(nlp.vocab, batch)))
    n_words = sum(len(e.reference) for e in plain)
    return {
        "file": path.name,
        "sentences": len(sents),
        "words": n_words,
        **_syntax_scores(plain),
        "lemma_note": LEMMA_NOTE,
        "words_per_s": round(n_words / seconds) if seconds else None,
        # token offsets shift by the inserted line breaks, so only the aligned scores count
        "paragraphs": {**_syntax_scores(article), "token_f1": None},
    }


def run(lang: str, data_dir: str = "../shared/data", limit: int | None = None,
        nlp: Any = None, model: str = "kroniek") -> dict[str, Any]:
    """Scores of ``lang``'s pipeline on its held-out NER and UD files (those present)."""
    from kroniek.nlp.loader import load_pipeline

    if lang not in HELD_OUT:
        raise ValueError(f"no held-out evaluation files known for language {lang!r}")
    nlp = nlp if nlp is not None else load_pipeline(lang, model)
    root = Path(data_dir)
    files = HELD_OUT[lang]
    result: dict[str, Any] = {
        "lang": lang,
        "pipeline": f"{nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}",
        "components": list(nlp.pipe_names),
        "limit": limit,
        "date": time.strftime("%Y-%m-%d"),
    }
    ner_file, tag_col = files["ner"]
    if (root / ner_file).is_file() and any("ner" in name for name in nlp.pipe_names):
        result["ner"] = score_ner(nlp, root / ner_file, limit, tag_col)
    if (root / files["ud"]).is_file():
        result["ud"] = score_ud(nlp, root / files["ud"], limit)
    return result


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.2f}"


def report(result: dict[str, Any]) -> str:
    """A markdown table of :func:`run`'s result."""
    lines = [f"# NLP evaluation: {result['lang']} ({result['pipeline']}, {result['date']})", ""]
    if result.get("limit"):
        lines += [f"Limited to the first {result['limit']} sentences per file.", ""]
    ner = result.get("ner")
    if ner:
        lines += [f"## NER on {ner['file']} ({ner['words']} words, gold tokens)", "",
                  "| label | P | R | F1 |", "|---|---|---|---|"]
        for lab, v in ner["per_label"].items():
            lines.append(f"| {lab} | {_pct(v['p'])} | {_pct(v['r'])} | {_pct(v['f1'])} |")
        lines += [f"| **all** | {_pct(ner['p'])} | {_pct(ner['r'])} | **{_pct(ner['f1'])}** |", ""]
    ud = result.get("ud")
    if ud:
        lines += [f"## Syntax on {ud['file']} ({ud['sentences']} sentences, {ud['words']} words, "
                  "from raw text)", "",
                  "Two layouts of the same text: the sentences of each UD document joined by single "
                  "spaces, and laid out as an article arrives, with a blank line between paragraphs "
                  "(headlines on a line of their own).", "",
                  "| measure | joined by spaces | paragraphs on their own lines |", "|---|---|---|"]
        para = ud.get("paragraphs", {})
        for key, name in [("token_f1", "tokens F1"), ("upos", "UPOS"), ("lemma", "lemma"),
                          ("uas", "UAS"), ("las", "LAS (full labels, subtypes included)"),
                          ("las_universal", "LAS (CoNLL 2018: universal relation only)"),
                          ("sent_p", "sentence P"), ("sent_r", "sentence R"), ("sent_f1", "sentence F1")]:
            if key in ud:
                lines.append(f"| {name} | {_pct(ud[key])} | {_pct(para.get(key))} |")
        lines += ["", f"Lemma: {ud['lemma_note']}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description="score a language pack on held-out data")
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--model", default="kroniek", help="'kroniek', a package name or a path")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--write", type=Path, help="write <dir>/nlp-<lang>.json and .md")
    args = ap.parse_args()
    result = run(args.lang, args.data, args.limit, model=args.model)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        (args.write / f"nlp-{args.lang}.json").write_text(json.dumps(result, indent=2) + "\n")
        (args.write / f"nlp-{args.lang}.md").write_text(report(result))
    print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
