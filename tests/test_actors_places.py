"""Places, departments, nationals: what the event coder reported the resolver got wrong.

A city NER tagged PER is a location (never an ``unk:`` person), government departments carry
their country, an adjective with a people noun is that country's group and with a place noun a
place, and one national ("de Oekraïner", "a Ukrainian") is the country's civilian.
"""

from __future__ import annotations

import pytest

import kroniek.actors as actors
from kroniek.model import Entity, PartialDate

D = PartialDate.parse


def per(text: str, *names: str) -> list[Entity]:
    return [Entity(n, "PER", text.index(n), text.index(n) + len(n)) for n in names]


def got(text: str, lang: str, date: str = "2023-03", **kw) -> dict[str, tuple[str, str, str | None]]:
    out = actors.resolve_mentions(text, lang, D(date), **kw)
    return {a.mention.text: (a.id, a.kind, a.country) for a in out if a.mention}


@pytest.mark.parametrize(("lang", "text", "city", "iso3"), [
    ("en", "Kherson was shelled again on Monday.", "Kherson", "UKR"),
    ("en", "Bucha buried its dead.", "Bucha", "UKR"),
    ("en", "Gaza received no fuel.", "Gaza", "PSE"),
    ("nl", "Marioepol werd maandenlang belegerd.", "Marioepol", "UKR"),
    ("nl", "Cherson werd opnieuw beschoten.", "Cherson", "UKR"),
    ("nl", "Bakhmut ligt in puin.", "Bakhmut", "UKR"),
])
def test_city_tagged_per_is_a_location(lang, text, city, iso3):
    assert got(text, lang, entities=per(text, city))[city] == (f"loc:{city.lower()}",
                                                                "location", iso3)


def test_a_person_of_that_name_stays_a_person():
    # a surname in the actor base, and an unknown person named in full earlier
    text = "Bolton warned Iran."
    assert got(text, "en", "2019-05", entities=per(text, "Bolton"))["Bolton"][1] == "person"
    text = "Mary Jackson arrived on Monday. Jackson said she was tired."
    out = actors.resolve_mentions(text, "en", D("2023"), per(text, "Mary Jackson") + [
        Entity("Jackson", "PER", text.rindex("Jackson"), text.rindex("Jackson") + 7)])
    assert [a.kind for a in out] == ["person", "person"]
    # a name the gazetteer does not know stays an unknown person
    text = "Ivan Petrenko was arrested."
    assert got(text, "en", entities=per(text, "Ivan Petrenko"))["Ivan Petrenko"][0] \
        == "unk:ivan-petrenko"


def test_capital_run_after_an_office_word_that_is_a_place_is_no_name():
    # "soldiers Khan Younis": two capitalised words after an agent word look like a name
    text = "The army said soldiers Khan Younis residents had seen were leaving."
    out = actors.resolve_mentions(text, "en", D("2023-11"))
    assert not any(a.id.startswith("unk:") for a in out)
    text = "The army said soldiers Ivan Petrenko had seen were leaving."
    assert any(a.id == "unk:ivan-petrenko" for a in actors.resolve_mentions(text, "en", None))


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Washington legde sancties op aan Rusland."),
    ("nl", "Washington en Moskou spraken over wapenbeheersing."),
    ("nl", "De sancties werden opgelegd door Washington."),
    ("en", "Washington warned Beijing on Tuesday."),
    ("en", "New sanctions imposed by Washington hit the bank."),
    ("en", "Washington and Moscow held talks."),
])
def test_washington_as_agent_is_the_us_government(lang, text):
    assert got(text, lang)["Washington"] == ("USA-GOV", "group", "USA")


def test_washington_as_agent_with_the_english_parse(en_parser):
    nlp = en_parser
    for text in ("Washington warned Beijing on Tuesday.",
                 "New sanctions imposed by Washington hit the bank.",
                 "Washington and Moscow held talks."):
        assert got(text, "en", nlp_doc=nlp(text))["Washington"][0] == "USA-GOV"
    # the parse tells a demonym noun from an adjective
    text = "A Ukrainian was arrested after a Ukrainian drone hit the depot."
    out = [a.id for a in actors.resolve_mentions(text, "en", D("2022"), nlp_doc=nlp(text))]
    assert out == ["UKR-CVL", "UKR"]


@pytest.mark.parametrize(("lang", "text", "mention", "want"), [
    ("en", "The US Justice Department charged two men.", "US Justice Department", "USA-GOV"),
    ("en", "The State Department declined to comment.", "State Department", "USA-GOV"),
    ("en", "The Pentagon sent more troops.", "Pentagon", "USA-MIL"),
    ("en", "The Kremlin denied it.", "Kremlin", "RUS-GOV"),
    ("en", "Ukraine's Justice Ministry opened a case.", "Ukraine's Justice Ministry", "UKR-GOV"),
    ("nl", "Het Amerikaanse ministerie van Justitie klaagde hen aan.",
     "Amerikaanse ministerie van Justitie", "USA-GOV"),
    ("nl", "Het Russische ministerie van Defensie ontkende het.",
     "Russische ministerie van Defensie", "RUS-GOV"),
    ("nl", "Het Oekraïense ministerie van Financiën betaalde.",
     "Oekraïense ministerie van Financiën", "UKR-GOV"),
])
def test_departments_carry_their_country(lang, text, mention, want):
    assert got(text, lang)[mention][0] == want


@pytest.mark.parametrize(("lang", "text", "people", "place", "iso3"), [
    ("en", "Palestinian prisoners in Israeli jails began a hunger strike.",
     "Palestinian prisoners", "Israeli jails", "ISR"),
    ("nl", "Palestijnse gevangenen in Israëlische gevangenissen begonnen een hongerstaking.",
     "Palestijnse gevangenen", "Israëlische gevangenissen", "ISR"),
    ("en", "Russian hostages on Ukrainian soil were freed.", "Russian hostages",
     "Ukrainian soil", "UKR"),
])
def test_nationality_people_and_their_place(lang, text, people, place, iso3):
    out = got(text, lang)
    assert out[people][0].endswith("-CVL")
    assert out[place][1:] == ("location", iso3)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("nl", "De Oekraïner werd gearresteerd.", [("Oekraïner", "UKR-CVL")]),
    ("nl", "Een Rus werd vrijgelaten.", [("Rus", "RUS-CVL")]),
    ("nl", "Een Duitser en een Oostenrijker vielen.", [("Duitser", "DEU-CVL"),
                                                        ("Oostenrijker", "AUT-CVL")]),
    ("nl", "De Rus Ivan Petrov kreeg asiel.", [("Rus Ivan Petrov", "unk:ivan-petrov")]),
    ("en", "A Ukrainian was arrested.", [("Ukrainian", "UKR-CVL")]),
    ("en", "A Russian man was released.", [("Russian man", "RUS-CVL")]),
    ("en", "A Ukrainian drone hit a depot.", [("Ukrainian", "UKR")]),
    ("en", "The Indian National Congress won.", [("Indian", "IND")]),
])
def test_one_national_is_a_civilian(lang, text, want):
    out = actors.resolve_mentions(text, lang, D("2022"))
    assert [(a.mention.text, a.id) for a in out if a.kind != "location"][:len(want)] == want
    if want[0][1].startswith("unk:"):
        assert out[0].country == "RUS"
