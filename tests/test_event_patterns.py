"""The pattern dictionaries test themselves: every example sentence is coded by the pipeline.

A language's examples run only when its pipeline has a parser (Dutch runs on a blank tokenizer
until its pack is trained). Where the actors stage resolves nothing in a sentence, the coder's
development stand-in resolves countries, so the examples test the coder either way.
"""

from __future__ import annotations

import pytest

from kroniek.events import ontology, patterns, selftest

LANGS = ("en", "nl")


def _parser_available(lang: str) -> bool:
    from kroniek.nlp import load_pipeline

    return "parser" in load_pipeline(lang).pipe_names


@pytest.fixture(scope="module")
def pipeline():
    return selftest.dev_pipeline()


@pytest.mark.parametrize("lang", LANGS)
def test_dictionary_loads_and_covers_plover(lang: str) -> None:
    d = patterns.load(lang)
    types = {p.type for p in d.patterns}
    assert types == set(ontology.TYPES_ORDER), set(ontology.TYPES_ORDER) - types
    assert d.lemma_count() >= 300


@pytest.mark.parametrize("lang", LANGS)
def test_every_pattern_has_an_example(lang: str) -> None:
    d = patterns.load(lang)
    assert all(p.examples for p in d.patterns)


def _cases() -> list:
    out = []
    for lang in LANGS:
        for i, ex in enumerate(selftest.examples(lang)):
            out.append(pytest.param(ex, id=f"{lang}-{ex.pattern}-{i}"))
    return out


@pytest.mark.parametrize("example", _cases())
def test_pattern_example(example: selftest.Example, pipeline) -> None:
    if not _parser_available(example.lang):
        pytest.skip(f"no parser for {example.lang} yet")
    why = selftest.check(example, pipeline)
    reason = (example.expect or {}).get("xfail")
    if reason and why is not None:
        pytest.xfail(f"known: {reason}")
    assert why is None, why
    # a known failure that now passes must lose its marker, or a later regression would hide
    assert not reason, f"passes now: remove its xfail ({reason})"
