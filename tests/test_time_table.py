"""The date tables: Dutch and English expressions in sentences, against day-, month- and
year-precision document dates (and undated ones). Every row must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.model import PartialDate
from kroniek.time import resolve

DATA = Path(__file__).parent / "data"


def rows(lang: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    for line in (DATA / f"dates-{lang}.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, sentence, expr, value, precision = line.split("\t")
            out.append((doc, sentence, expr, value, precision))
    return out


def check(lang: str, doc: str, sentence: str, expr: str, value: str, precision: str) -> None:
    doc_date = None if doc == "-" else PartialDate.parse(doc)
    found = resolve(sentence, lang, doc_date)
    at = sentence.index(expr)
    if value == "NONE":
        hits = [d for d in found if d.start < at + len(expr) and at < d.end]
        assert not hits, f"{sentence!r}: expected no date at {expr!r}, got {hits}"
        return
    match = [d for d in found if d.text == expr and d.start == at]
    assert match, f"{sentence!r} ({doc}): {expr!r} not found; got {[(d.text, d.value) for d in found]}"
    got = match[0]
    assert (got.value, got.precision) == (value, precision), f"{sentence!r} ({doc})"
    assert sentence[got.start:got.end] == got.text


@pytest.mark.parametrize(("doc", "sentence", "expr", "value", "precision"), rows("nl"))
def test_dutch(doc: str, sentence: str, expr: str, value: str, precision: str) -> None:
    check("nl", doc, sentence, expr, value, precision)


@pytest.mark.parametrize(("doc", "sentence", "expr", "value", "precision"), rows("en"))
def test_english(doc: str, sentence: str, expr: str, value: str, precision: str) -> None:
    check("en", doc, sentence, expr, value, precision)


def test_table_sizes_and_variety() -> None:
    for lang, minimum in (("nl", 150), ("en", 100)):
        table = rows(lang)
        assert len(table) >= minimum
        kinds = {("-" if d == "-" else PartialDate.parse(d).precision) for d, *_ in table}
        assert kinds == {"-", "day", "month", "year"}
