"""The places stage as the pipeline and the event coder use it."""

from __future__ import annotations

from kroniek.model import Analysis, Document, Entity
from kroniek.places import attached, create, find


def analysis(text: str, lang: str = "nl", entities: list[Entity] | None = None) -> Analysis:
    a = Analysis(doc=Document("p1", text, None, lang), lang=lang, entities=entities or [])
    create(lang, {})(a)
    return a


def test_stage_fills_places_with_iso3_and_coordinates() -> None:
    a = analysis("De ministers vergaderden in Moskou over de oorlog in Oekraïne.")
    assert [(p.text, p.name, p.country) for p in a.places] == [
        ("Moskou", "Moscow", "RUS"), ("Oekraïne", "Ukraine", "UKR")]
    moscow = a.places[0]
    assert 55 < (moscow.lat or 0) < 56 and 37 < (moscow.lon or 0) < 38


def test_a_person_entity_hides_a_city_named_like_a_surname() -> None:
    text = "Volgens Obama is de economie hersteld."
    per = Entity("Obama", "PER", text.index("Obama"), text.index("Obama") + 5)
    assert analysis(text, entities=[per]).places == []


def test_a_loc_entity_is_evidence_for_a_small_place() -> None:
    text = "Het dorp Best kreeg een nieuwe burgemeester."
    start = text.index("Best")
    assert find(text, "nl") == []
    places = find(text, "nl", [Entity("Best", "LOC", start, start + 4)])
    assert [(p.name, p.country) for p in places] == [("Best", "NLD")]


def test_attached_prefers_the_locative_place_in_the_sentence() -> None:
    text = "Rusland en Oekraïne praatten in Istanboel. Later volgde overleg aan de grens met Polen."
    a = analysis(text)
    trigger = text.index("praatten")
    assert attached(a, trigger, trigger + 8).name == "Istanbul"
    trigger = text.index("overleg")
    assert attached(a, trigger, trigger + 7).country == "POL"
    assert attached(analysis("De minister trad af."), 12, 16) is None


def test_english_context_settles_ambiguous_names() -> None:
    got = {p.text: p.country for p in find("Polls closed in Atlanta, Georgia, on Tuesday.", "en")}
    assert got == {"Atlanta": "USA", "Georgia": "USA"}
    got = {p.text: p.country for p in find("Georgia accused Russia of occupying Abkhazia.", "en")}
    assert got["Georgia"] == "GEO"


def test_bad_input_gives_nothing_not_a_traceback() -> None:
    assert find("", "nl") == []
    assert find("Parijs", "xx") == []
    assert find(None, "en") == []  # type: ignore[arg-type]


def test_a_month_read_as_a_date_is_not_a_place():
    from kroniek.config import load
    from kroniek.model import Document, PartialDate
    from kroniek.pipeline import Pipeline

    doc = Document(id="m", text="The United States invaded Iraq in March 2003, officials said.",
                   date=PartialDate.parse("2003"), lang="en")
    a = Pipeline(load(env={})).analyse(doc)
    assert [(d.text, d.value) for d in a.dates] == [("March 2003", "2003-03")]
    assert "March" not in [p.text for p in a.places]


def test_a_persons_nationality_does_not_move_a_city():
    from kroniek.config import load
    from kroniek.model import Document, PartialDate
    from kroniek.pipeline import Pipeline

    doc = Document(id="g", text="Biden held talks with Putin in Geneva on Wednesday.",
                   date=PartialDate.parse("2021-06-16"), lang="en")
    a = Pipeline(load(env={})).analyse(doc)
    assert [(p.text, p.country) for p in a.places] == [("Geneva", "CHE")]
