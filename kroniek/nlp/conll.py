"""Readers for the CoNLL-U (UD) and CoNLL-2002/2003 NER files that train and score our packs.

Shared by ``training/convert.py`` and :mod:`kroniek.nlp.evaluate`, so training and evaluation
read the data the same way. Alpino writes morpheme boundaries into lemmas (``aan_sporen``,
``basis_niveau``); our pipelines output plain words, so :func:`clean_lemma` removes them on
both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

Row = list[str]
Sentence = tuple[str, list[Row]]  # (group id, token rows)


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences with a document-level group id (so several sentences make one doc)."""
    group, rows = "", []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if rows:
                yield group, rows
            group, rows = "", []
        elif line.startswith("#"):
            m = re.search(r"(?:sent_id = |^# )(\S+?)(?:\.s\.\d+)?(?:\.xml)?$", line)
            if m and ("sent_id" in line or not group):
                group = m.group(1)
        else:
            cols = line.split("\t")
            if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                continue  # multiword ranges and empty nodes: keep only syntactic words
            rows.append(cols)
    if rows:
        yield group, rows


def sentence_key(rows: list[Row]) -> str:
    return re.sub(r"\s+", "", "".join(r[1] for r in rows)).lower()


def clean_lemma(lemma: str, form: str) -> str:
    if lemma == "_" and form != "_":
        return form
    return lemma.replace("_", "") if len(lemma) > 1 else lemma


def training_lemmas(rows: list[Row]) -> list[str]:
    """Lemmas with split particles taken off their verb (the pipeline puts them back)."""
    lemmas = [clean_lemma(r[2], r[1]) for r in rows]
    for r in rows:
        if r[7] == "compound:prt" and r[6].isdigit() and int(r[6]) > 0:
            head = int(r[6]) - 1
            prt = clean_lemma(r[2], r[1]).lower()
            verb_form = rows[head][1].lower()
            lem = lemmas[head]
            if lem.lower().startswith(prt) and prt not in verb_form:
                lemmas[head] = lem[len(prt):]
    return lemmas


def paragraph_starts(path: Path) -> list[bool]:
    """Per sentence of ``path`` (in :func:`read_conllu`'s order), whether it opens a paragraph:
    a ``# newpar``/``# newdoc`` comment (EWT) or a new ``.p.N`` in its sent_id (Alpino, Lassy).
    Raw text rebuilt with these breaks is what an article looks like, headlines on their own line."""
    starts: list[bool] = []
    marked, para, last_para, in_rows = False, None, None, False
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if in_rows:
                starts.append(marked or para != last_para or not starts)
                last_para, marked, para, in_rows = para, False, None, False
        elif line.startswith("#"):
            if line.startswith(("# newpar", "# newdoc")):
                marked = True
            m = re.search(r"sent_id = (\S+?)\.s\.\d+$", line)
            if m:
                para = m.group(1)
        else:
            in_rows = True
    if in_rows:
        starts.append(marked or para != last_para or not starts)
    return starts


def group_sentences(sentences: Iterable[Sentence], max_sents: int = 12) -> Iterator[list[list[Row]]]:
    """Consecutive sentences of one document, so that sentence splitting is learnt and scored."""
    batch: list[list[Row]] = []
    last = None
    for group, rows in sentences:
        doc_id = re.sub(r"\.p\.\d+$", "", group) if group else None
        if batch and (doc_id != last or len(batch) >= max_sents):
            yield batch
            batch = []
        batch.append(rows)
        last = doc_id
    if batch:
        yield batch


def ud_doc(vocab: Vocab, sents: list[list[Row]], particle_lemmas: bool = False) -> Doc:
    """A gold Doc; ``particle_lemmas`` strips split particles from verb lemmas (training only)."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str | None] = []
    morph: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool] = []
    for si, rows in enumerate(sents):
        offset = len(words)
        lems = training_lemmas(rows) if particle_lemmas else [clean_lemma(r[2], r[1]) for r in rows]
        for i, r in enumerate(rows):
            words.append(r[1])
            last = i == len(rows) - 1
            spaces.append("SpaceAfter=No" not in r[9] or (last and si < len(sents) - 1))
            pos.append(r[3] if r[3] != "_" else None)
            morph.append(r[5] if r[5] != "_" else "")
            lemmas.append(lems[i])
            head = int(r[6]) if r[6].isdigit() else 0
            heads.append(offset + head - 1 if head else offset + i)
            deps.append(r[7] if head else "ROOT")
            starts.append(i == 0)
    return Doc(vocab, words=words, spaces=spaces, pos=pos, morphs=morph, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def read_conll_ner(path: Path, tag_col: int = -1) -> Iterator[list[list[tuple[str, str]]]]:
    """Documents (split on -DOCSTART-) as sentences of (word, tag); blank lines end sentences."""
    doc: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text("utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts:
            if doc[-1]:
                doc.append([])
            continue
        if parts[0] == "-DOCSTART-":
            if any(doc):
                yield [s for s in doc if s]
            doc = [[]]
            continue
        doc[-1].append((parts[0], parts[tag_col]))
    if any(doc):
        yield [s for s in doc if s]


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from IOB1 or IOB2 tags (IOB1: I- starts an entity unless it continues one)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label: str | None = None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and lab != label)
        if start is not None and label is not None and (tag == "O" or begins):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and start is None:
            start, label = i, lab
    return spans


def ner_docs(path: Path, vocab: Vocab, sents_per_doc: int = 10, limit: int | None = None,
             tag_col: int = -1) -> Iterator[Doc]:
    """Gold NER docs of up to ``sents_per_doc`` sentences of one article (document context)."""
    n = 0
    for doc_sents in read_conll_ner(path, tag_col):
        for i in range(0, len(doc_sents), sents_per_doc):
            chunk = doc_sents[i:i + sents_per_doc]
            if limit is not None:
                chunk = chunk[:max(0, limit - n)]
            if not chunk:
                return
            words = [w for s in chunk for w, _ in s]
            tags = [t for s in chunk for _, t in s]
            starts = [j == 0 for s in chunk for j in range(len(s))]
            doc = Doc(vocab, words=words, sent_starts=starts)
            doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in iob_spans(tags)]
            yield doc
            n += len(chunk)
            if limit is not None and n >= limit:
                return
