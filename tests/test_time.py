"""The time stage as the pipeline and the event coder use it."""

from __future__ import annotations

from kroniek.model import Analysis, Document, PartialDate
from kroniek.time import attached, create, resolve


def analysis(text: str, date: str | None, lang: str = "nl") -> Analysis:
    doc = Document("t1", text, PartialDate.parse(date) if date else None, lang)
    a = Analysis(doc=doc, lang=lang)
    create(lang, {})(a)
    return a


def test_stage_fills_dates_with_offsets_into_the_text() -> None:
    text = "Gisteren sprak de premier in Den Haag. De top is op 12 juni."
    a = analysis(text, "2018-05-16")
    assert [(d.text, d.value, d.precision) for d in a.dates] == [
        ("Gisteren", "2018-05-15", "day"), ("12 juni", "2018-06-12", "day")]
    for d in a.dates:
        assert text[d.start:d.end] == d.text


def test_attached_picks_the_expression_in_the_events_sentence() -> None:
    text = "Gisteren werd de ambassadeur ontboden. Op 12 juni volgt een top in Singapore."
    a = analysis(text, "2018-05-16")
    trigger = text.index("ontboden")
    assert attached(a, trigger, trigger + 8).value == "2018-05-15"
    trigger = text.index("volgt")
    assert attached(a, trigger, trigger + 5).value == "2018-06-12"


def test_attached_is_none_without_a_date_in_the_sentence() -> None:
    text = "De ambassadeur werd ontboden. Gisteren volgde een protest."
    a = analysis(text, "2018-05-16")
    assert attached(a, 20, 28) is None


def test_works_with_a_blank_spacy_doc() -> None:
    import spacy

    text = "De minister zal donderdag in Brussel spreken."
    doc = Document("t2", text, PartialDate.parse("2019-12-30"), "nl")
    a = Analysis(doc=doc, lang="nl", nlp_doc=spacy.blank("nl")(text))
    create("nl", {})(a)
    assert [(d.text, d.value) for d in a.dates] == [("donderdag", "2020-01-02")]


def test_bad_input_gives_nothing_not_a_traceback() -> None:
    assert resolve("", "nl", None) == []
    assert resolve("Gisteren", "xx", PartialDate.parse("2018")) == []
    assert resolve("op 31 februari 2018 en 99-99-2018", "nl", None) == []
    assert resolve(None, "en", None) == []  # type: ignore[arg-type]


def test_english_and_dutch_share_nothing_but_the_grammar() -> None:
    assert resolve("gisteren", "en", PartialDate.parse("2018-05-16")) == []
    assert resolve("yesterday", "nl", PartialDate.parse("2018-05-16")) == []
