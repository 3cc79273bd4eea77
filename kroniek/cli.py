"""The ``kroniek`` command: a thin shell over the library (jobs, store, actors, evaluation).

Every expected failure is a :class:`KroniekError` printed as one line on stderr; a traceback
only ever appears with ``KRONIEK_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from kroniek import __version__
from kroniek import config as config_mod
from kroniek.errors import KroniekError
from kroniek.model import PartialDate


def _err(err: KroniekError | str) -> None:
    print(str(err), file=sys.stderr, flush=True)


def _date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise KroniekError("K500", f"--date: {exc}") from None


def _config(args: argparse.Namespace) -> dict[str, Any]:
    cfg = config_mod.load(args.config or os.environ.get("KRONIEK_CONFIG"))
    if getattr(args, "db", None):
        cfg["db"] = args.db
    return cfg


# ---- extract / ingest -----------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    from kroniek.jobs import Summary, code

    cfg = _config(args)
    summary = Summary()
    out = sys.stdout
    for _, doc in code(args.paths, cfg, _err, _date(args.date), args.lang, summary=summary):
        out.write(json.dumps(doc, ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
        out.flush()
    return 0 if summary.ok else 1


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kroniek.jobs import Summary, ingest
    from kroniek.store import Store

    cfg = _config(args)
    console = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                        TextColumn("{task.fields[rate]:.1f} documents/s"),
                        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=console, transient=True)
    task = progress.add_task("ingest", total=None, rate=0.0, events=0)
    t0 = time.perf_counter()

    def tick(s: Summary) -> None:
        elapsed = time.perf_counter() - t0
        if elapsed > 1.0 and not progress.live.is_started:
            progress.start()  # only runs over a second get a bar
        progress.update(task, completed=s.documents, rate=s.documents / max(elapsed, 1e-9),
                        events=s.events)

    def report(err: KroniekError) -> None:
        if progress.live.is_started:
            progress.console.print(str(err), markup=False, highlight=False, soft_wrap=True)
        else:
            _err(err)

    with Store(cfg["db"]) as store:
        try:
            summary = ingest(args.paths, store, cfg, report, _date(args.date), args.lang, tick)
        finally:
            if progress.live.is_started:
                progress.stop()
        totals = store.counts()
    print(f"documents {summary.documents} (new {summary.new}, already stored {summary.already}, "
          f"not coded {summary.skipped}) · events {summary.events} · actors {summary.actors} · "
          f"quotes {summary.quotes} · rejects {summary.rejects} · {summary.seconds:.1f} s")
    print(f"database {cfg['db']}: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return 0 if summary.ok else 1


# ---- reading back ---------------------------------------------------------------------------

def _emit(columns: list[str], rows: list[tuple], fmt: str, title: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        console = Console()
        if not console.is_terminal:
            console.width = 200  # piped output: no terminal width to respect, do not fold text
        table = Table(title=f"{title} ({len(rows)})", show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)


def _store(args: argparse.Namespace) -> Any:
    from kroniek.store import Store

    return Store(_config(args)["db"], read_only=True)


def cmd_events(args: argparse.Namespace) -> int:
    with _store(args) as s:
        cols, rows = s.events(args.actor, args.country, args.type, args.since, args.until)
    _emit(cols, rows, args.format, "events")
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with _store(args) as s:
        cols, rows = s.quotes(args.speaker or args.actor, args.country, args.since, args.until)
    _emit(cols, rows, args.format, "quotes")
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    if args.actors_cmd == "lookup":
        from kroniek import actors

        found = actors.lookup(args.name, _date(args.date), args.lang)
        for a in found:
            print(json.dumps(a.to_dict(), ensure_ascii=False))
        if not found:
            _err(f"no actor matches {args.name!r}")
        return 0 if found else 1
    if args.actors_cmd == "check":
        from kroniek import actors

        problems = actors.check()
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)" if problems else "actor data OK")
        return 1 if problems else 0
    with _store(args) as s:
        cols, rows = s.actors(args.actor, args.country, args.since, args.until)
    _emit(cols, rows, args.format, "actors")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _store(args) as s:
        doc = s.document(args.doc_id)
    print(json.dumps(doc, ensure_ascii=False, indent=2))
    return 0


def cmd_rejects(args: argparse.Namespace) -> int:
    with _store(args) as s:
        cols, rows = s.rejects()
    _emit(cols, rows, args.format, "rejects")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "nlp":
        from kroniek.nlp import evaluate as ev

        result = ev.run(args.lang, args.data, args.limit)
    else:
        from kroniek.events import evaluate as ev  # type: ignore[no-redef]

        if not args.gold:
            raise KroniekError("K500", "eval events needs a GOLD.jsonl file")
        result = ev.run(args.gold, _config(args))
    text = ev.report(result)
    if args.write:
        from pathlib import Path

        name = f"nlp-{args.lang}" if args.what == "nlp" else f"events-{Path(args.gold).stem}"
        out = Path(args.write)
        out.mkdir(parents=True, exist_ok=True)
        stamp = f"Measured {time.strftime('%Y-%m-%d')} on {_machine()}.\n\n"
        (out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        (out / f"{name}.md").write_text(stamp + text)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else text)
    return 0


def _machine() -> str:
    import platform

    return f"{platform.node() or 'unknown host'}, {os.cpu_count()} cores, {platform.platform()}"


# ---- argument parsing -----------------------------------------------------------------------

def _filters(p: argparse.ArgumentParser, with_type: bool = False) -> None:
    p.add_argument("--actor", help="actor id or (part of) a name")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 code, e.g. RUS")
    if with_type:
        p.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    p.add_argument("--since", help="YYYY[-MM[-DD]], inclusive")
    p.add_argument("--until", help="YYYY[-MM[-DD]], inclusive")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--db", help="DuckDB file (default: ./kroniek.duckdb or config 'db')")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kroniek", description="Political event data from news.")
    ap.add_argument("--version", action="version", version=f"kroniek {__version__}")
    ap.add_argument("--config", help="TOML config file (default: ./kroniek.toml)")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("extract", help="code documents and print contract JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or - for stdin")
    p.add_argument("--lang", default="auto", help="nl, en or auto (default)")
    p.add_argument("--date", help="document date for files without one (YYYY[-MM[-DD]])")
    p.add_argument("--pretty", action="store_true", help="indented JSON")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="code documents into the DuckDB store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", help="DuckDB file (default: ./kroniek.duckdb)")
    p.add_argument("--lang", default="auto")
    p.add_argument("--date")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="list stored events")
    _filters(p, with_type=True)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("quotes", help="list stored quotes")
    _filters(p)
    p.add_argument("--speaker", help="speaker name or actor id")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("actors", help="list stored actors; 'lookup' and 'check' the actor base")
    _filters(p)
    asub = p.add_subparsers(dest="actors_cmd")
    lk = asub.add_parser("lookup", help="resolve a name in the actor base")
    lk.add_argument("name")
    lk.add_argument("--date", help="resolve the role held at this date")
    lk.add_argument("--lang", default=None)
    asub.add_parser("check", help="validate the actor data")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("show", help="print one stored document (contract JSON)")
    p.add_argument("doc_id")
    p.add_argument("--db")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("rejects", help="list inputs that could not be processed")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--db")
    p.set_defaults(func=cmd_rejects)

    p = sub.add_parser("eval", help="score the language packs or the event coder")
    p.add_argument("what", choices=("nlp", "events"))
    p.add_argument("gold", nargs="?", help="gold JSONL (for 'events')")
    p.add_argument("--lang", default="nl")
    p.add_argument("--data", default="../shared/data", help="shared data folder (for 'nlp')")
    p.add_argument("--limit", type=int, help="only the first N sentences (for 'nlp')")
    p.add_argument("--json", action="store_true")
    p.add_argument("--write", metavar="DIR", help="also write DIR/<name>.json and .md (bench/results)")
    p.set_defaults(func=cmd_eval)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KroniekError as err:
        _err(err)
        return 1
    except KeyboardInterrupt:
        _err("interrupted; everything stored so far is kept")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - users see one line, developers set KRONIEK_DEBUG
        if os.environ.get("KRONIEK_DEBUG"):
            raise
        _err(f"error K599 {type(exc).__name__}: {exc} (set KRONIEK_DEBUG=1 for details)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
