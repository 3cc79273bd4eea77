"""The CLI end to end: extract, ingest (idempotent, crash-safe), queries, exit codes."""

from __future__ import annotations

import json

import duckdb

from kroniek.contract import validate
from tests.conftest import EXAMPLES, jsonl

NL = "date 2018-05\n\nRusland en China hebben gisteren in Moskou overleg gevoerd over Noord-Korea."
EN = "date 2019-03-14\n\nRussia imposed sanctions on Ukraine last Tuesday, officials said."


def corpus(tmp_path):
    (tmp_path / "nl.txt").write_text(NL, "utf-8")
    (tmp_path / "en.txt").write_text(EN, "utf-8")
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"id": "j1", "date": "2020", "lang": "nl", "text": "De regering viel."}) + "\n"
        + "{broken\n", "utf-8")
    return tmp_path


def test_extract_prints_valid_contract(tmp_path, run_cli):
    code, out, err = run_cli("extract", str(corpus(tmp_path)))
    assert code == 0
    docs = jsonl(out)
    assert len(docs) == 3
    for d in docs:
        assert validate(d) == [], d["id"]
    by_lang = {d["lang"] for d in docs}
    assert by_lang == {"nl", "en"}
    nl = next(d for d in docs if d["text"].startswith("Rusland"))
    assert nl["date"] == {"value": "2018-05", "precision": "month"}
    assert nl["sentences"] and nl["sentences"][0]["start"] == 0
    assert "more.jsonl:2: error K105" in err


def test_extract_pretty_and_options(tmp_path, run_cli):
    f = tmp_path / "plain.txt"
    f.write_text("Rusland en China sloten een akkoord over handel en veiligheid.", "utf-8")
    code, out, _ = run_cli("extract", str(f), "--date", "2021-06", "--lang", "nl", "--pretty")
    assert code == 0 and out.startswith("{\n  ")
    doc = json.loads(out)
    assert doc["date"] == {"value": "2021-06", "precision": "month"} and doc["lang"] == "nl"


def test_extract_every_demo_article_is_schema_valid(run_cli):
    paths = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".jsonl"))
    assert len(paths) >= 9, "the demo corpus is missing"
    code, out, err = run_cli("extract", str(EXAMPLES))
    assert code == 0, err
    docs = jsonl(out)
    assert len(docs) >= 12
    assert {d["lang"] for d in docs} == {"nl", "en"}
    for d in docs:
        assert validate(d) == [], (d["id"], validate(d)[:3])


def test_exit_status_when_nothing_processed(tmp_path, run_cli):
    (tmp_path / "leeg.txt").write_text("", "utf-8")
    code, out, err = run_cli("extract", str(tmp_path / "leeg.txt"), str(tmp_path / "weg.txt"))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert "leeg.txt:1: error K101" in lines[0] and "weg.txt: error K100" in lines[1]


def test_bad_date_option_is_one_line(run_cli, tmp_path):
    code, _, err = run_cli("extract", str(tmp_path), "--date", "gisteren")
    assert code == 1 and err.count("\n") == 1 and "K500" in err


def test_unknown_language_is_stored_with_reason(tmp_path, run_cli):
    f = tmp_path / "de.txt"
    f.write_text("Der russische Außenminister hat gestern Nordkorea besucht und mit der "
                 "Regierung in Pjöngjang gesprochen.", "utf-8")
    db = str(tmp_path / "k.duckdb")
    code, _, err = run_cli("ingest", str(f), "--db", db)
    assert code == 0 and "K200" in err and "'de'" in err
    con = duckdb.connect(db, read_only=True)
    lang, skipped, n = con.execute("SELECT lang, skipped, n_events FROM documents").fetchone()
    assert lang == "de" and "K200" in skipped and n == 0


def test_ingest_is_idempotent_and_queries_work(tmp_path, run_cli):
    (tmp_path / "in").mkdir()
    src = corpus(tmp_path / "in")
    db = str(tmp_path / "k.duckdb")
    code, out, err = run_cli("ingest", str(src), "--db", db)
    assert code == 0 and "documents 3 (new 3" in out and "rejects 1" in out
    before = duckdb.connect(db, read_only=True).execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM rejects)").fetchone()
    code, out, _ = run_cli("ingest", str(src), "--db", db)
    assert code == 0 and "new 0, already stored 3" in out
    after = duckdb.connect(db, read_only=True).execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM rejects)").fetchone()
    assert before == after and before[0] == 3

    code, out, _ = run_cli("show", "j1", "--db", db)
    assert code == 0 and json.loads(out)["id"] == "j1"
    code, _, err = run_cli("show", "no-such-doc", "--db", db)
    assert code == 1 and "K301" in err
    for cmd in ("events", "actors", "quotes", "rejects"):
        code, out, err = run_cli(cmd, "--db", db, "--format", "json")
        assert code == 0, err
    code, out, _ = run_cli("rejects", "--db", db, "--format", "csv")
    assert "K105" in out and "more.jsonl" in out
    code, out, _ = run_cli("events", "--db", db, "--since", "2019", "--until", "2019-12",
                           "--format", "csv")
    assert code == 0 and out.startswith("doc_id,date,type")


def test_failure_keeps_what_was_stored(tmp_path, run_cli, monkeypatch):
    src = corpus(tmp_path)
    db = str(tmp_path / "k.duckdb")
    assert run_cli("ingest", str(src / "nl.txt"), "--db", db)[0] == 0

    import kroniek.pipeline as pl

    def boom(self, a, sdoc):
        raise RuntimeError("stage bug")

    monkeypatch.setattr(pl.Pipeline, "_annotate", boom)
    code, out, err = run_cli("ingest", str(src / "en.txt"), "--db", db)
    assert "en.txt:1: error K599 internal error while coding a document: RuntimeError: stage bug" in err
    assert "Traceback" not in err
    assert code == 1  # nothing new could be processed
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM rejects WHERE code = 'K599'").fetchone()[0] == 1


def test_query_without_database_is_one_line(tmp_path, run_cli):
    code, _, err = run_cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "K300" in err and err.count("\n") == 1


def test_eval_events_prints_and_writes(tmp_path, run_cli):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "lang": "en", "date": "2019-03-14",
        "text": "Russia imposed sanctions on Ukraine on Tuesday.",
        "events": [{"type": "SANCTION", "mode": None, "source": ["RUS"], "target": ["UKR"],
                    "date": "2019-03-12", "modality": "asserted", "negated": False}]}) + "\n",
        "utf-8")
    code, out, err = run_cli("eval", "events", str(gold), "--write", str(tmp_path / "res"))
    assert code == 0, err
    assert "F1" in out
    written = json.loads((tmp_path / "res" / "events-gold.json").read_text("utf-8"))
    assert written["type_f1"] == 1.0 and written["source_target_accuracy"] == 1.0
    assert (tmp_path / "res" / "events-gold.md").read_text("utf-8").startswith("Measured ")


def test_query_filters_on_stored_events(tmp_path, run_cli):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "s1", "lang": "en", "date": "2019-03-14",
         "text": "Russia imposed sanctions on Ukraine on Tuesday."},
        {"id": "s2", "lang": "en", "date": "2020-06",
         "text": "France and Germany condemned Iran for the attack."},
    ]) + "\n", "utf-8")
    db = str(tmp_path / "k.duckdb")
    assert run_cli("ingest", str(f), "--db", db)[0] == 0

    def ids(*args):
        code, out, _ = run_cli("events", "--db", db, "--format", "json", *args)
        assert code == 0
        return sorted({json.loads(line)["doc_id"] for line in out.splitlines()})

    assert ids() == ["s1", "s2"]
    assert ids("--country", "rus") == ["s1"]
    assert ids("--type", "ACCUSE") == ["s2"]
    assert ids("--actor", "Ukraine") == ["s1"]
    assert ids("--since", "2020") == ["s2"]
    assert ids("--until", "2019-12-31") == ["s1"]
    assert ids("--since", "2020-06-15", "--until", "2020-06-20") == ["s2"]  # month overlaps
