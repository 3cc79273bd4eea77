"""The coding pipeline: a document goes through the stages in data-flow order.

Like spaCy's components, each stage is built once per language by its package's ``create(lang,
config)`` and is then a plain callable that fills its part of an :class:`Analysis`:

    nlp (sentences, entities, parse) → actors → time → places → quotes → events

A stage never reaches into another stage's internals; it only reads the ``Analysis`` fields the
earlier stages filled. That is what lets each one be rewritten or swapped alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kroniek import actors, events, places, quotes
from kroniek import time as time_stage
from kroniek.errors import KroniekError
from kroniek.model import Analysis, Document
from kroniek.nlp import load_pipeline, pipe_texts
from kroniek.nlp.entities import entities as map_entities
from kroniek.nlp.tree import sentence_bounds
from kroniek.text.langid import identify

Stage = Callable[[Analysis], None]
STAGE_MODULES = (("actors", actors), ("time", time_stage), ("places", places),
                 ("quotes", quotes), ("events", events))


class Pipeline:
    """Codes documents in any language that has a pack; others come back marked ``skipped``."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.languages: list[str] = list(config.get("languages", ["nl", "en"]))
        self._stages: dict[str, list[Stage]] = {}

    def nlp(self, lang: str) -> Any:
        return load_pipeline(lang, self.config.get("nlp", {}).get(lang, {}).get("model", "kroniek"))

    def stages(self, lang: str) -> list[Stage]:
        if lang not in self._stages:
            self._stages[lang] = [mod.create(lang, self.config) for _, mod in STAGE_MODULES]
        return self._stages[lang]

    def language_of(self, doc: Document) -> tuple[str | None, KroniekError | None]:
        """``(lang, why it cannot be coded, or None)``."""
        lang = doc.lang
        if not lang:
            lid = self.config.get("langid", {})
            lang, _ = identify(doc.text, tuple(lid.get("candidates", ("nl", "en"))),
                               int(lid.get("min_chars", 20)))
            if lang is None:
                return None, KroniekError("K201", "text too short to tell")
        lang = lang.lower()
        if lang not in self.languages:
            return lang, KroniekError("K200", f"'{lang}' (packs: {', '.join(self.languages)})")
        return lang, None

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses in input order; spaCy runs batched per language for speed."""
        batch: list[tuple[Document, str | None, KroniekError | None]] = []
        size = int(self.config.get("nlp", {}).get("batch_size", 32))
        for doc in docs:
            batch.append((doc, *self.language_of(doc)))
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def analyse(self, doc: Document) -> Analysis:
        return next(self.analyse_many([doc]))

    def _run(self, batch: list[tuple[Document, str | None, KroniekError | None]]) -> Iterator[Analysis]:
        parsed: dict[int, Any] = {}
        for lang in {lang for _, lang, why in batch if why is None}:
            idx = [i for i, (_, lg, why) in enumerate(batch) if lg == lang and why is None]
            nlp = self.nlp(lang)
            for i, sdoc in zip(idx, pipe_texts(nlp, (batch[i][0].text for i in idx)), strict=True):
                parsed[i] = sdoc
        for i, (doc, lang, why) in enumerate(batch):
            a = Analysis(doc=doc, lang=lang or "und", skipped=why)
            if why is None:
                try:
                    self._annotate(a, parsed[i])
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
                    a.error = exc
            yield a

    def _annotate(self, a: Analysis, sdoc: Any) -> None:
        a.nlp_doc = sdoc
        a.sentences = sentence_bounds(sdoc)
        a.entities = map_entities(sdoc)
        for stage in self.stages(a.lang):
            stage(a)
