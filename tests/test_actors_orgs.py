"""Organisations, institutions and their hierarchy; acronyms and coordinated holders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kroniek.actors as actors
from kroniek.actors import kb as kb_mod
from kroniek.actors.index import surname_variants
from kroniek.actors.normalize import fold
from kroniek.model import PartialDate

D = PartialDate.parse


def ids(text: str, lang: str, date: str) -> list[tuple[str, str]]:
    return [(a.mention.text, a.id) for a in actors.resolve_mentions(text, lang, D(date))
            if a.mention and a.kind != "location"]


@pytest.mark.parametrize(("org", "parent"), [
    ("UNSC", "UN"), ("UNGA", "UN"), ("UNHCR", "UN"), ("UNICEF", "UN"), ("WFP", "UN"),
    ("WHO", "UN"), ("IAEA", "UN"), ("EC", "EU"), ("EP", "EU"), ("EUCO", "EU"), ("ECB", "EU"),
    ("EUROGROUP", "EU"), ("ECHR", "COE"), ("UN", None), ("NATO", None), ("HAMAS", None),
])
def test_parent_of_follows_the_real_hierarchy(org, parent):
    assert actors.parent_of(org) == parent


def test_parent_of_unknown_or_bad_input_is_none():
    assert actors.parent_of("NOSUCHORG") is None
    assert actors.parent_of(None) is None  # type: ignore[arg-type]
    assert actors.ancestors("ECHR") == ["COE"]
    assert actors.ancestors("UN") == []


def test_every_parent_is_a_known_organisation():
    kb = kb_mod.load()
    for org in kb.organizations.values():
        if org.parent:
            assert org.parent in kb.organizations, org.id


def test_check_reports_unknown_parent_and_bad_parent_id(tmp_path, monkeypatch):
    data = yaml.safe_load((kb_mod.DATA / "organizations.yaml").read_text("utf-8"))
    data.append({"id": "XBODY", "name": "X body", "sector": "IGO", "parent": "NOPE",
                 "names": {"en": ["X body"]}})
    data.append({"id": "YBODY", "name": "Y body", "sector": "IGO", "parent": "not an id",
                 "names": {"en": ["Y body"]}})
    for name in ("countries.yaml", "sectors.yaml", "institutions.yaml"):
        (tmp_path / name).write_text((kb_mod.DATA / name).read_text("utf-8"), "utf-8")
    (tmp_path / "organizations.yaml").write_text(yaml.safe_dump(data), "utf-8")
    monkeypatch.setattr(kb_mod, "DATA", tmp_path)
    kb_mod.load.cache_clear()
    try:
        problems = "\n".join(actors.check(str(Path(__file__).parent / "data" /
                                              "people-sample.yaml")))
    finally:
        kb_mod.load.cache_clear()
    assert "XBODY: unknown parent 'NOPE'" in problems
    assert "YBODY" in problems  # the schema rejects a parent that is no organisation id


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Boko Haram attacked the village.", "en", ("BOKOHARAM", "NGA", "REB")),
    ("De PKK eiste de aanslag op.", "nl", ("PKK", "TUR", "REB")),
    ("Wagner fighters left Bakhmut.", "en", ("WAGNER", "RUS", "REB")),
    ("Gazprom raised prices.", "en", ("RUS-BUS", "RUS", "BUS")),
    ("De Bundestag stemde in.", "nl", ("DEU-LEG", "DEU", "LEG")),
    ("The CIA declined to comment.", "en", ("USA-SPY", "USA", "SPY")),
    ("Het Congres stemde tegen.", "nl", ("USA-LEG", "USA", "LEG")),
])
def test_groups_and_institutions_carry_country_and_sector(text, lang, want):
    a = actors.resolve_mentions(text, lang, D("2023-06"))[0]
    assert (a.id, a.country, a.sector) == want


def test_institution_inside_a_longer_name_is_not_taken():
    # "Indian National Congress" is a party, not the US Congress
    assert ("Congress", "USA-LEG") not in ids("The Indian National Congress won.", "en", "2019")


def test_acronyms_keep_their_letters():
    assert fold("PKK") != fold("PPK")
    assert fold("Poetin") == fold("Putin")  # transliteration still applies to words
    assert ids("The PKK claimed the attack.", "en", "2017") == [("PKK", "PKK")]


def test_surname_variants_come_from_aliases_in_name_order():
    assert surname_variants("Hassan Rouhani", "Rouhani", ["Hassan Rohani"]) == ["Rohani"]
    assert surname_variants("Kim Jong Un", "Kim", ["Kim Jong-un"]) == []
    assert ids("Rohani sprak.", "nl", "2019") == [("Rohani", "hassan-rouhani")]


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Russian and Chinese troops held drills.", "en", ["RUS-MIL", "CHN-MIL"]),
    ("Russian, Chinese and Iranian warships met.", "en", ["RUS-MIL", "CHN-MIL", "IRN-MIL"]),
    ("De Duitse en Franse politie werkten samen.", "nl", ["DEU-COP", "FRA-COP"]),
])
def test_holders_listed_before_one_agent_each_get_it(text, lang, want):
    assert [i for _, i in ids(text, lang, "2018")] == want


def test_name_before_an_institution_word_is_that_persons_government():
    got = ids("The Obama administration and the Assad regime disagreed.", "en", "2015")
    assert ("administration", "USA-GOV") in got and ("regime", "SYR-GOV") in got
    assert ids("Het kabinet-Rutte viel.", "nl", "2021") == [("kabinet-Rutte", "NLD-GOV")]


def test_office_of_an_unknown_body_is_not_guessed():
    got = ids("Boris Johnson resigned as leader of the Conservative Party.", "en", "2022-07")
    assert all(i != "elizabeth-ii" for _, i in got)


def test_collectives_resolve_to_the_organisation():
    assert [i for _, i in ids("De eurolanden en de NAVO-bondgenoten stemden in.", "nl",
                               "2022")] == ["EUROGROUP", "NATO"]
    assert actors.parent_of("EUROGROUP") == "EU"


def test_us_prefix_gives_the_country():
    a = actors.resolve_mentions("US Secretary of State Antony Blinken spoke.", "en",
                                D("2023-06"))[0]
    assert (a.id, a.country) == ("antony-blinken", "USA")
    got = ids("U.S. forces arrived.", "en", "2023")
    assert got[0] == ("U.S. forces", "USA-MIL")


def test_a_place_preposition_outvotes_a_confused_parse():
    # a parse that hangs "Moskou" under the name before it must not make it the government
    class Tok:
        def __init__(self, dep):
            self.dep_, self.i, self.children = dep, 0, []
            self.head = self
    class Span:
        root = Tok("nsubj")
    class Doc:
        sents: list = []
        def char_span(self, *a, **k):
            return Span()
    got = actors.resolve_mentions("Poetin ontving Xi in Moskou.", "nl", D("2023"),
                                  nlp_doc=Doc())
    assert [a.kind for a in got if a.mention.text == "Moskou"] == ["location"]
