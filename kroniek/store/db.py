"""DuckDB tables for coded documents, one transaction per document.

Why one transaction per document: an interrupted or failing run keeps everything stored before
it, and a document is either wholly in the store or not at all, which is what makes re-running
``ingest`` on the same input a safe no-op.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from kroniek.errors import CATALOGUE, KroniekError

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, lang VARCHAR, date_value VARCHAR, date_precision VARCHAR,
    title VARCHAR, url VARCHAR, source VARCHAR, origin VARCHAR, skipped VARCHAR,
    n_events INTEGER, n_quotes INTEGER, ingested_at TIMESTAMP, doc JSON);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR, idx INTEGER, type VARCHAR, mode VARCHAR, context VARCHAR[],
    source_ids VARCHAR[], source_names VARCHAR[], source_countries VARCHAR[],
    target_ids VARCHAR[], target_names VARCHAR[], target_countries VARCHAR[],
    date_value VARCHAR, date_precision VARCHAR, location VARCHAR, location_country VARCHAR,
    lat DOUBLE, lon DOUBLE, modality VARCHAR, negated BOOLEAN, cameo VARCHAR,
    goldstein DOUBLE, quad_class INTEGER, trigger VARCHAR, trigger_start INTEGER,
    trigger_end INTEGER, sentence VARCHAR, rule VARCHAR, confidence DOUBLE,
    PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
    sector VARCHAR, wikidata VARCHAR, mention VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, direct BOOLEAN,
    speaker_id VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_text VARCHAR,
    PRIMARY KEY (doc_id, idx));
ALTER TABLE actors ADD COLUMN IF NOT EXISTS org VARCHAR;
CREATE TABLE IF NOT EXISTS rejects (
    file VARCHAR, line INTEGER, code VARCHAR, reason VARCHAR, logged_at TIMESTAMP);
"""


def _ids(actors: list[dict[str, Any]], key: str) -> list[str]:
    return [a.get(key) or "" for a in actors]


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise KroniekError("K300", "no database here yet (run 'kroniek ingest' first)",
                               file=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.con.execute(SCHEMA)
        except duckdb.Error as exc:
            raise KroniekError("K300", str(exc).splitlines()[0], file=self.path) from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def reject(self, err: KroniekError) -> None:
        """Log a failure once: re-running the same bad input does not pile up duplicates."""
        reason = CATALOGUE[err.code] + (f": {err.detail}" if err.detail else "")
        self.con.execute(
            "INSERT INTO rejects SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rejects "
            "WHERE file IS NOT DISTINCT FROM ? AND line IS NOT DISTINCT FROM ? AND code = ? "
            "AND reason = ?)",
            [err.file, err.line, err.code, reason, datetime.now(UTC),
             err.file, err.line, err.code, reason])

    def add(self, doc: dict[str, Any], origin: str | None = None) -> bool:
        """Store one contract document; ``False`` (and no change) if its id is already stored."""
        if self.has(doc["id"]):
            return False
        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            date = doc.get("date") or {}
            c.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
                doc["id"], doc.get("lang"), date.get("value"), date.get("precision"),
                doc.get("title"), doc.get("url"), doc.get("source"), origin, doc.get("skipped"),
                len(doc["events"]), len(doc["quotes"]), datetime.now(UTC),
                json.dumps(doc, ensure_ascii=False)])
            for i, e in enumerate(doc["events"]):
                d, loc, trig = e.get("date") or {}, e.get("location") or {}, e["trigger"]
                c.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                          "?,?,?,?,?,?)", [
                    doc["id"], i, e["type"], e.get("mode"), e.get("context", []),
                    _ids(e["source"], "id"), _ids(e["source"], "name"),
                    _ids(e["source"], "country"), _ids(e["target"], "id"),
                    _ids(e["target"], "name"), _ids(e["target"], "country"),
                    d.get("value"), d.get("precision"), loc.get("name"), loc.get("country"),
                    loc.get("lat"), loc.get("lon"), e["modality"], e["negated"], e.get("cameo"),
                    e.get("goldstein"), e.get("quad_class"), trig["text"], trig["start"],
                    trig["end"], doc["text"][e["sentence"]["start"]:e["sentence"]["end"]],
                    e["rule"], e["confidence"]])
            mentions = [ent["actor"] for ent in doc["entities"] if ent.get("actor")]
            known = {(m["id"], (m.get("mention") or {}).get("start")) for m in mentions}
            mentions += [a for a in doc["actors"]
                         if (a["id"], (a.get("mention") or {}).get("start")) not in known]
            for a in mentions:
                m = a.get("mention") or {}
                c.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                    doc["id"], a["id"], a["name"], a["kind"], a.get("country"), a.get("sector"),
                    a.get("wikidata"), m.get("text"), m.get("start"), m.get("end"), a.get("org")])
            for i, q in enumerate(doc["quotes"]):
                s = q.get("speaker") or {}
                c.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)", [
                    doc["id"], i, q["text"], q["start"], q["end"], q["direct"], s.get("id"),
                    s.get("name"), s.get("country"), q.get("speaker_text")])
            c.execute("COMMIT")
        except Exception:
            c.execute("ROLLBACK")
            raise
        return True

    # ---- reading back -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in ("documents", "events", "actors", "quotes", "rejects")}

    def document(self, doc_id: str) -> dict[str, Any]:
        row = self.con.execute("SELECT doc FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            row = self.con.execute("SELECT doc FROM documents WHERE id LIKE ? || '%'",
                                   [doc_id]).fetchall()
            if len(row) != 1:
                raise KroniekError("K301", doc_id if not row else f"{doc_id} is ambiguous")
            row = row[0]
        return json.loads(row[0])

    def _query(self, sql: str, params: list[Any]) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()

    def events(self, actor: str | None = None, country: str | None = None,
               type_: str | None = None, since: str | None = None, until: str | None = None,
               ) -> tuple[list[str], list[tuple]]:
        w = _Where()
        if actor:
            w.add("(list_contains(source_ids, ?) OR list_contains(target_ids, ?) OR "
                  "array_to_string(source_names || target_names, '|') ILIKE ?)",
                  actor, actor, f"%{actor}%")
        if country:
            w.add("(list_contains(source_countries, ?) OR list_contains(target_countries, ?))",
                  country.upper(), country.upper())
        if type_:
            w.add("type = ?", type_.upper())
        w.dates("e.date_value", since, until)
        return self._query(
            "SELECT e.doc_id, e.date_value AS date, e.type, e.mode, "
            "array_to_string(source_names, '; ') AS source, "
            "array_to_string(source_countries, '; ') AS source_country, "
            "array_to_string(target_names, '; ') AS target, "
            "array_to_string(target_countries, '; ') AS target_country, e.modality, e.negated, "
            "e.cameo, e.goldstein, e.quad_class, e.location, e.trigger, e.rule, e.confidence "
            f"FROM events e WHERE {w} ORDER BY e.date_value, e.doc_id, e.idx", w.params)

    def actors(self, actor: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None,
               ) -> tuple[list[str], list[tuple]]:
        w = _Where()
        if actor:
            w.add("(a.actor_id = ? OR a.name ILIKE ?)", actor, f"%{actor}%")
        if country:
            w.add("a.country = ?", country.upper())
        w.dates("d.date_value", since, until)
        return self._query(
            "SELECT a.actor_id AS id, any_value(a.name) AS name, any_value(a.kind) AS kind, "
            "any_value(a.country) AS country, any_value(a.sector) AS sector, any_value(a.org) AS org, "
            "count(*) AS mentions, count(DISTINCT a.doc_id) AS documents "
            "FROM actors a JOIN documents d ON d.id = a.doc_id "
            f"WHERE {w} GROUP BY a.actor_id ORDER BY mentions DESC, id", w.params)

    def quotes(self, actor: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None,
               ) -> tuple[list[str], list[tuple]]:
        w = _Where()
        if actor:
            w.add("(q.speaker_id = ? OR q.speaker_name ILIKE ? OR q.speaker_text ILIKE ?)",
                  actor, f"%{actor}%", f"%{actor}%")
        if country:
            w.add("q.speaker_country = ?", country.upper())
        w.dates("d.date_value", since, until)
        return self._query(
            "SELECT q.doc_id, d.date_value AS date, coalesce(q.speaker_name, q.speaker_text) "
            "AS speaker, q.speaker_country, q.direct, q.text "
            "FROM quotes q JOIN documents d ON d.id = q.doc_id "
            f"WHERE {w} ORDER BY d.date_value, q.doc_id, q.idx", w.params)

    def rejects(self) -> tuple[list[str], list[tuple]]:
        return self._query("SELECT * FROM rejects ORDER BY logged_at", [])


class _Where:
    """A WHERE clause and its parameters, built side by side so they cannot drift apart."""

    def __init__(self) -> None:
        self.parts: list[str] = ["TRUE"]
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def dates(self, col: str, since: str | None, until: str | None) -> None:
        """Partial dates compare at the coarser precision: 2018-05 is within --until 2018-05-31."""
        if since:
            self.add(f"{col} IS NOT NULL AND {col} >= left(?, length({col}))", since)
        if until:
            self.add(f"{col} IS NOT NULL AND left({col}, length(?)) <= ?", until, until)

    def __str__(self) -> str:
        return " AND ".join(self.parts)
