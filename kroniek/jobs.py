"""The main jobs behind the CLI: extract (text → contract JSON) and ingest (→ DuckDB).

They are library functions so that the CLI, the API and a Dask worker all run the same code;
progress and printing stay with the caller, via the ``on_error`` / ``on_document`` callbacks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from kroniek.contract import to_contract
from kroniek.errors import KroniekError
from kroniek.ingest import read_paths
from kroniek.model import Document, PartialDate
from kroniek.pipeline import Pipeline
from kroniek.store import Store

OnError = Callable[[KroniekError], None]


@dataclass
class Summary:
    documents: int = 0  # documents read and coded (or stored as not codable)
    new: int = 0
    already: int = 0
    skipped: int = 0  # stored but not coded (language without a pack)
    events: int = 0
    actors: int = 0
    quotes: int = 0
    rejects: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Exit status rule: success if anything at all was processed."""
        return self.documents > 0


def _documents(items: Iterable[Document | KroniekError], on_error: OnError,
               summary: Summary) -> Iterator[Document]:
    for item in items:
        if isinstance(item, KroniekError):
            if not item.warning:
                summary.rejects += 1
            on_error(item)
        else:
            yield item


def _where(doc: Document) -> tuple[str | None, int | None]:
    if not doc.origin:
        return None, None
    file, _, line = doc.origin.rpartition(":")
    return file, int(line) if line.isdigit() else None


def code(paths: list[str], config: dict[str, Any], on_error: OnError,
         date: PartialDate | None = None, lang: str | None = None,
         skip: Callable[[str], bool] | None = None, summary: Summary | None = None,
         ) -> Iterator[tuple[Document, dict[str, Any]]]:
    """``(document, contract dict)`` for every readable document under ``paths``."""
    summary = summary if summary is not None else Summary()
    max_bytes = int(float(config.get("max_doc_mb", 5)) * 1_000_000)
    docs = _documents(read_paths(paths, date=date, lang=None if lang == "auto" else lang,
                                 max_bytes=max_bytes), on_error, summary)
    if skip is not None:
        docs = _skip_known(docs, skip, summary)
    pipeline = Pipeline(config)
    for analysis in pipeline.analyse_many(docs):
        doc = analysis.doc
        if analysis.error is not None:
            file, line = _where(doc)
            summary.rejects += 1
            on_error(KroniekError("K599", f"{type(analysis.error).__name__}: {analysis.error}",
                                  file=file, line=line))
            continue
        if isinstance(analysis.skipped, KroniekError):
            file, line = _where(doc)
            why = analysis.skipped
            on_error(replace(why, detail=f"{why.detail}; not coded", file=file,
                             line=line, warning=True))
            summary.skipped += 1
        summary.documents += 1
        yield doc, to_contract(analysis)


def _skip_known(docs: Iterable[Document], known: Callable[[str], bool],
                summary: Summary) -> Iterator[Document]:
    for doc in docs:
        if known(doc.id):
            summary.already += 1
            summary.documents += 1
        else:
            yield doc


def ingest(paths: list[str], store: Store, config: dict[str, Any], on_error: OnError,
           date: PartialDate | None = None, lang: str | None = None,
           on_document: Callable[[Summary], None] | None = None) -> Summary:
    """Code and store; already-stored ids are skipped before any language processing."""
    summary = Summary()
    t0 = time.perf_counter()

    def report(err: KroniekError) -> None:
        if not err.warning:
            store.reject(err)
        on_error(err)

    for doc, out in code(paths, config, report, date, lang, skip=store.has, summary=summary):
        if store.add(out, origin=doc.origin):
            summary.new += 1
            summary.events += len(out["events"])
            summary.actors += len(out["actors"])
            summary.quotes += len(out["quotes"])
        else:  # the same id twice within one run
            summary.already += 1
        if on_document:
            on_document(summary)
    summary.seconds = time.perf_counter() - t0
    return summary
