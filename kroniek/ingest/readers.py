"""File formats: dated text, plain text, JSON Lines, CSV; directories and ``-`` (stdin)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError
from kroniek.model import Document, PartialDate

Item = Document | KroniekError
FIELDS = ("id", "text", "date", "lang", "title", "url", "source")
_HEADER = re.compile(r"\A\ufeff?[ \t\r\n]*date[ \t]+(\S+)[ \t]*(?:\r?\n|[ \t]|\Z)")
_TEXT_SUFFIXES = {".txt", ".text", ""}
_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def document_id(text: str) -> str:
    """Stable id from the text alone, so that ingesting the same article twice is a no-op."""
    norm = " ".join(text.split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _decode(raw: bytes, name: str) -> tuple[str, KroniekError | None]:
    head = raw[:8192]
    if b"\x00" in head:
        raise KroniekError("K102", "contains NUL bytes", file=name, line=1)
    control = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    if head and control / len(head) > 0.05:
        raise KroniekError("K102", f"{control} control bytes in the first {len(head)}",
                           file=name, line=1)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        warn = KroniekError("K103", f"first bad byte at offset {exc.start}", file=name,
                            line=line, warning=True)
        return raw.decode("cp1252", errors="replace"), warn


def _date(value: Any, name: str, line: int | None) -> PartialDate | None:
    if value in (None, ""):
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError as exc:
        raise KroniekError("K108", str(exc), file=name, line=line) from None


def _from_record(rec: dict[str, Any], name: str, line: int, default_date: PartialDate | None,
                 default_lang: str | None) -> Document:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise KroniekError("K107", "field 'text' is missing or empty", file=name, line=line)
    date = _date(rec.get("date"), name, line) or default_date
    opt = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None)
           for k in ("id", "lang", "title", "url", "source")}
    return Document(id=opt["id"] or document_id(text), text=text, date=date,
                    lang=opt["lang"] or default_lang, title=opt["title"], url=opt["url"],
                    source=opt["source"] or name, origin=f"{name}:{line}")


def parse_text(text: str, name: str, default_date: PartialDate | None = None,
               default_lang: str | None = None) -> Document:
    """A text file's content: an optional ``date YYYY[-MM[-DD]]`` header, then the article."""
    if not text.strip():
        raise KroniekError("K101", "no text", file=name, line=1)
    date = default_date
    m = _HEADER.match(text)
    if m:
        token = m.group(1)
        try:
            date = PartialDate.parse(token)
        except ValueError:
            raise KroniekError("K104", f"'date {token}' is not YYYY, YYYY-MM or YYYY-MM-DD",
                               file=name, line=1) from None
        text = text[m.end():]
        if not text.strip():
            raise KroniekError("K101", "date header but no article text", file=name, line=1)
    text = text.strip()
    return Document(id=document_id(text), text=text, date=date, lang=default_lang,
                    source=name, origin=f"{name}:1")


def _jsonl(lines: Iterable[str], name: str, date: PartialDate | None, lang: str | None,
           max_chars: int) -> Iterator[Item]:
    seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen = True
        if len(line) > max_chars:
            yield KroniekError("K109", f"line over {max_chars} characters", file=name, line=n)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield KroniekError("K105", exc.msg, file=name, line=n)
            continue
        if not isinstance(rec, dict):
            yield KroniekError("K105", "a line must be a JSON object", file=name, line=n)
            continue
        try:
            yield _from_record(rec, name, n, date, lang)
        except KroniekError as err:
            yield err
    if not seen:
        yield KroniekError("K101", "no JSON lines", file=name, line=1)


def _csv(stream: Iterable[str], name: str, date: PartialDate | None, lang: str | None,
         max_chars: int) -> Iterator[Item]:
    csv.field_size_limit(max_chars)
    reader = csv.reader(stream)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield KroniekError("K101", "no header row", file=name, line=1)
        return
    except csv.Error as exc:
        yield KroniekError("K106", str(exc), file=name, line=1)
        return
    if "text" not in header:
        yield KroniekError("K106", f"header has no 'text' column (has: {', '.join(header)})",
                           file=name, line=1)
        return
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield KroniekError("K106", str(exc), file=name, line=line)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield KroniekError("K106", f"{len(row)} fields, header has {len(header)}",
                               file=name, line=line)
            continue
        try:
            yield _from_record(dict(zip(header, row, strict=True)), name, line, date, lang)
        except KroniekError as err:
            yield err


def _lines(fh: io.BufferedIOBase, name: str, notes: list[KroniekError]) -> Iterator[str]:
    """Decoded lines; a line that is not UTF-8 is read as cp1252 and a warning is queued."""
    for n, raw in enumerate(fh, 1):
        if b"\x00" in raw:
            notes.append(KroniekError("K102", "NUL byte in line", file=name, line=n))
            yield ""
            continue
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            notes.append(KroniekError("K103", file=name, line=n, warning=True))
            yield raw.decode("cp1252", errors="replace")


def _records(path: Path, name: str, date: PartialDate | None, lang: str | None,
             max_bytes: int) -> Iterator[Item]:
    """JSON Lines or CSV, streamed: a big file is fine, a big record is not."""
    reader = _csv if path.suffix.lower() == ".csv" else _jsonl
    notes: list[KroniekError] = []
    with path.open("rb") as fh:
        for item in reader(_lines(fh, name, notes), name, date, lang, max_bytes):
            line_of = {e.line: e for e in notes}
            yield from notes
            notes.clear()
            if isinstance(item, Document) and item.origin:
                note = line_of.get(int(item.origin.rsplit(":", 1)[1]))
                if note is not None and not note.warning:
                    continue  # the binary line was reported; do not code its remains
                if note is not None:
                    item.notes.append(str(note))
            yield item
        yield from notes


def read_file(path: Path, date: PartialDate | None = None, lang: str | None = None,
              max_bytes: int = 5_000_000) -> Iterator[Item]:
    """Documents from one file, by suffix; errors in place of what could not be read."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in _RECORD_SUFFIXES:
            yield from _records(path, name, date, lang, max_bytes)
            return
        if suffix not in _TEXT_SUFFIXES:
            yield KroniekError("K111", f"'{suffix}' (use .txt, .jsonl or .csv)", file=name)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield KroniekError("K109", f"{size / 1e6:.1f} MB; one article may be at most "
                               f"{max_bytes / 1e6:.1f} MB (split it, or use JSON Lines)", file=name)
            return
        text, warn = _decode(path.read_bytes(), name)
        doc = parse_text(text, name, date, lang)
        if warn:
            doc.notes.append(str(warn))
            yield warn
        yield doc
    except KroniekError as err:
        yield err
    except OSError as exc:
        yield KroniekError("K110", exc.strerror or str(exc), file=name)


def read_stdin(date: PartialDate | None = None, lang: str | None = None,
               max_bytes: int = 5_000_000, stream: io.BufferedIOBase | None = None
               ) -> Iterator[Item]:
    raw = (stream or sys.stdin.buffer).read()
    try:
        text, warn = _decode(raw, "<stdin>")
    except KroniekError as err:
        yield err
        return
    if warn:
        yield warn
    if text.lstrip().startswith("{"):
        yield from _jsonl(text.splitlines(), "<stdin>", date, lang, max_bytes)
        return
    try:
        yield parse_text(text, "<stdin>", date, lang)
    except KroniekError as err:
        yield err


def read_paths(paths: Iterable[str], date: PartialDate | None = None, lang: str | None = None,
               max_bytes: int = 5_000_000) -> Iterator[Item]:
    """Every document under ``paths`` (files, directories recursively, ``-``), in order."""
    for p in paths:
        if p == "-":
            yield from read_stdin(date, lang, max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*")
                           if f.is_file() and f.name not in _SKIP_NAMES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            for f in files:
                if f.suffix.lower() in _TEXT_SUFFIXES | _RECORD_SUFFIXES:
                    yield from read_file(f, date, lang, max_bytes)
        elif path.exists():
            yield from read_file(path, date, lang, max_bytes)
        else:
            yield KroniekError("K100", file=p)
