"""Readers: every input format, and every kind of bad input, without tracebacks."""

from __future__ import annotations

import io
import json

import pytest

from kroniek.errors import KroniekError
from kroniek.ingest import document_id, read_paths
from kroniek.ingest.readers import parse_text, read_stdin
from kroniek.model import Document, PartialDate


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, KroniekError)]
    return docs, errs


@pytest.mark.parametrize("header,value,precision", [
    ("date 2018", "2018", "year"),
    ("date 2018-05", "2018-05", "month"),
    ("date 2018-05-27", "2018-05-27", "day"),
])
def test_dated_text_keeps_precision(tmp_path, header, value, precision):
    f = tmp_path / "a.txt"
    f.write_text(f"{header} De Noord-Koreaanse leider ontving de minister.\n", "utf-8")
    (doc,), errs = split(list(read_paths([str(f)])))
    assert not errs
    assert doc.date == PartialDate(value, precision)
    assert doc.text == "De Noord-Koreaanse leider ontving de minister."
    assert "date" not in doc.text[:5]


def test_header_on_its_own_line_and_bom(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffdate 2019-03\n\nTitel\n\nTekst van het artikel.".encode())
    (doc,), _ = split(list(read_paths([str(f)])))
    assert doc.date == PartialDate("2019-03", "month")
    assert doc.text.startswith("Titel")


def test_plain_text_date_from_option_or_null(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Rusland en China sloten een akkoord.", "utf-8")
    (doc,), _ = split(list(read_paths([str(f)])))
    assert doc.date is None
    (doc,), _ = split(list(read_paths([str(f)], date=PartialDate.parse("2020-01-02"))))
    assert doc.date.value == "2020-01-02"


def test_ids_are_stable_hashes_or_given(tmp_path):
    assert document_id("a  b\nc") == document_id("a b c")
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "x1", "text": "Tekst."}) + "\n"
                 + json.dumps({"text": "Tekst."}) + "\n", "utf-8")
    (a, b), _ = split(list(read_paths([str(f)])))
    assert a.id == "x1" and b.id == document_id("Tekst.")


def test_jsonl_fields_and_bad_lines(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join([
        json.dumps({"text": "Eerste.", "date": "2018-05", "lang": "nl", "title": "T",
                    "url": "http://x", "source": "krant"}),
        "{kapot",
        json.dumps({"text": ""}),
        json.dumps({"text": "Derde.", "date": "2018-13"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Vijfde."}),
    ]) + "\n", "utf-8")
    docs, errs = split(list(read_paths([str(f)])))
    assert [d.text for d in docs] == ["Eerste.", "Vijfde."]
    assert docs[0].date == PartialDate("2018-05", "month")
    assert (docs[0].lang, docs[0].title, docs[0].url, docs[0].source) == ("nl", "T", "http://x", "krant")
    assert [(e.code, e.line) for e in errs] == [("K105", 2), ("K107", 3), ("K108", 4), ("K105", 5)]
    assert all(e.file == str(f) for e in errs)


def test_csv(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text('id,date,text,title\n1,2018-05,"Rusland, zei hij, helpt.",T\n2,2018,"kort"\n'
                 '3,2019-02-01,"Lang\nmet regel",X\n', "utf-8")
    docs, errs = split(list(read_paths([str(f)])))
    assert [d.id for d in docs] == ["1", "3"]
    assert docs[0].text == "Rusland, zei hij, helpt."
    assert docs[1].text == "Lang\nmet regel"
    assert [(e.code, e.line) for e in errs] == [("K106", 3)]


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("id,body\n1,x\n", "utf-8")
    _, errs = split(list(read_paths([str(f)])))
    assert errs[0].code == "K106" and "text" in errs[0].detail


def test_directories_recursive_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Een.", "utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Twee.", "utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "Drie."}\n', "utf-8")
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG\x00")
    docs, errs = split(list(read_paths([str(tmp_path), str(tmp_path / "nope.txt")])))
    assert sorted(d.text for d in docs) == ["Drie.", "Een.", "Twee."]
    assert [e.code for e in errs] == ["K100"]


@pytest.mark.parametrize("content,code", [
    (b"", "K101"),
    (b"   \n\n", "K101"),
    (b"\x00\x01\x02binary", "K102"),
    (bytes(range(1, 32)) * 50, "K102"),
    (b"date 2018-5x tekst", "K104"),
    (b"date 2018-02-30 tekst", "K104"),
    (b"date 2018\n", "K101"),
])
def test_bad_text_files(tmp_path, content, code):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    docs, errs = split(list(read_paths([str(f)])))
    assert not docs
    assert [e.code for e in errs] == [code]
    assert str(f) in str(errs[0]) and "\n" not in str(errs[0])


def test_cp1252_fallback_is_recorded(tmp_path):
    f = tmp_path / "oud.txt"
    f.write_bytes("date 2001\nHet caf\xe9 aan de Grote Markt.".encode("latin-1"))
    docs, errs = split(list(read_paths([str(f)])))
    assert docs[0].text == "Het café aan de Grote Markt."
    assert errs[0].code == "K103" and errs[0].warning and errs[0].line == 2
    assert any("K103" in n for n in docs[0].notes)


def test_cp1252_line_in_jsonl(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_bytes(b'{"text": "goed"}\n{"text": "caf\xe9"}\n')
    docs, errs = split(list(read_paths([str(f)])))
    assert [d.text for d in docs] == ["goed", "café"]
    assert errs[0].code == "K103" and errs[0].line == 2


def test_large_text_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "groot.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    docs, errs = split(list(read_paths([str(f)])))
    assert not docs and errs[0].code == "K109"


def test_large_jsonl_is_streamed(tmp_path):
    f = tmp_path / "veel.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"id": str(i), "text": "Rusland helpt. " * 20}) + "\n")
    docs, errs = split(list(read_paths([str(f)])))
    assert len(docs) == 2000 and not errs


def test_stdin_text_and_jsonl():
    (doc,) = list(read_stdin(stream=io.BytesIO(b"date 2018-05 Tekst via stdin.")))
    assert doc.date.value == "2018-05" and doc.text == "Tekst via stdin."
    docs = list(read_stdin(stream=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert [d.text for d in docs] == ["a", "b"]


def test_parse_text_unknown_header_word_is_text():
    doc = parse_text("Dates and figs grow in the oasis.", "x.txt")
    assert doc.date is None and doc.text.startswith("Dates")
