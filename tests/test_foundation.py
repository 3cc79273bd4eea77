"""Config, error catalogue, contract and language identification."""

from __future__ import annotations

import pytest

from kroniek import config
from kroniek.contract import schema, to_contract, validate
from kroniek.errors import CATALOGUE, KroniekError
from kroniek.model import Actor, Analysis, Document, Event, PartialDate, Span
from kroniek.text.langid import identify


def test_config_file_and_env_overrides(tmp_path, monkeypatch):
    (tmp_path / "kroniek.toml").write_text('db = "x.duckdb"\n[nlp.nl]\nmodel = "nl_core_news_lg"\n')
    monkeypatch.chdir(tmp_path)
    cfg = config.load(env={})
    assert cfg["db"] == "x.duckdb" and cfg["nlp"]["nl"]["model"] == "nl_core_news_lg"
    assert cfg["nlp"]["en"]["model"] == "kroniek"  # defaults survive a partial file
    cfg = config.load(env={"KRONIEK_DB": "y.duckdb", "KRONIEK_NLP__BATCH_SIZE": "8",
                           "KRONIEK_NLP__EN__MODEL": "en_core_web_trf"})
    assert cfg["db"] == "y.duckdb" and cfg["nlp"]["batch_size"] == 8
    assert cfg["nlp"]["en"]["model"] == "en_core_web_trf"


def test_bad_config_is_a_coded_error(tmp_path, monkeypatch):
    (tmp_path / "kroniek.toml").write_text("db = \n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KroniekError) as exc:
        config.load(env={})
    assert exc.value.code == "K400" and "kroniek.toml" in str(exc.value)


def test_error_codes_are_stable_and_known():
    assert all(code[0] == "K" and len(code) == 4 for code in CATALOGUE)
    with pytest.raises(ValueError):
        KroniekError("K999")
    e = KroniekError("K105", "oops", file="a.jsonl", line=3)
    assert str(e) == "a.jsonl:3: error K105 malformed JSON line: oops"


@pytest.mark.parametrize("text,ok", [("2018", True), ("2018-05", True), ("2018-05-31", True),
                                     ("2018-02-30", False), ("2018-13", False), ("18-05", False)])
def test_partial_date(text, ok):
    if ok:
        assert PartialDate.parse(text).value == text
    else:
        with pytest.raises(ValueError):
            PartialDate.parse(text)


def test_contract_roundtrip_validates_and_catches_errors():
    doc = Document(id="d1", text="Rusland helpt Noord-Korea.", date=PartialDate.parse("2018-05"))
    a = Analysis(doc=doc, lang="nl", sentences=[(0, 26)])
    rus = Actor("RUS", "Russia", "country", "RUS", mention=Span("Rusland", 0, 7))
    prk = Actor("PRK", "North Korea", "country", "PRK", mention=Span("Noord-Korea", 14, 25))
    a.actor_mentions = [rus, prk]
    a.events = [Event(type="AID", source=[rus], target=[prk], trigger=Span("helpt", 8, 13),
                      sentence=(0, 26), rule="nl.aid.helpen", confidence=0.8,
                      date={"value": "2018-05", "precision": "month", "text": None})]
    out = to_contract(a)
    assert validate(out) == []
    assert [x["id"] for x in out["actors"]] == ["RUS", "PRK"]
    out["events"][0]["type"] = "HELP"
    out["actors"][0]["country"] = "RU"
    problems = validate(out)
    assert any("events/0/type" in p for p in problems) and any("actors/0/country" in p for p in problems)
    assert schema()["$id"] == "kroniek/1"


@pytest.mark.parametrize("text,lang", [
    ("De Noord-Koreaanse leider heeft gisteren de Russische minister ontvangen.", "nl"),
    ("Die Suid-Afrikaanse regering het gesê dat hulle die saak sal ondersoek.", "af"),
    ("Der russische Außenminister hat gestern Nordkorea besucht.", "de"),
    ("It Fryske parlemint hat juster in nij belied oannommen foar de provinsje.", "fy"),
    ("Russia offered help to both Koreas on Tuesday, the ministry said.", "en"),
])
def test_language_identification_tells_neighbours_apart(text, lang):
    assert identify(text, ("nl", "en", "de", "af", "fy", "fr"))[0] == lang


def test_language_identification_refuses_tiny_text():
    assert identify("Ja.") == (None, 0.0)
