"""Event coder benchmark: speed against the language pipeline alone, and quality figures.

    .venv/bin/python bench/bench_events.py            # timing + gold + PLOVER manual examples
    .venv/bin/python bench/bench_events.py --write    # also writes bench/results/events.{md,json}

Speed: the spaCy pipeline alone (parse of every gold text, batched) against the event stage alone
on the same parsed analyses (actors, time, places and quotes run beforehand and are not timed).
Quality: ``kroniek.events.evaluate.run`` on tests/gold/events-{en,nl}.jsonl, and type accuracy on
the example sentences quoted in the PLOVER manual (English; not used for tuning).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kroniek import events as events_stage  # noqa: E402
from kroniek.config import load as load_config  # noqa: E402
from kroniek.events import evaluate  # noqa: E402
from kroniek.model import Analysis, Document, PartialDate  # noqa: E402
from kroniek.nlp.tree import sentence_bounds  # noqa: E402
from kroniek.pipeline import Pipeline  # noqa: E402

MANUAL = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_MANUAL.tex"
# The manual's quoted example sentences, with the category the manual itself assigns them
# (text around the quote). Fragments without an event ("announced...would withdraw troops")
# and commented-out lines are left out; "none" = the manual says nothing is coded.
MANUAL_LABELS = {
    "The United States and France accused Russia": "ACCUSE",
    "President Obama met with Japanese Prime Minister Abe at the White House": "CONSULT",
    "Russia and the United States": "AGREE",
    "The Paris Club has agreed to forgive": "AID",
    "rescued 10 hostages": "AID",
    "Police in Barcelona freed 10 human trafficking victims": "AID",
    "military units in the area were activated and returned fire on the rebels": "ASSAULT",
    "Members of the G-7 will meet in Ottawa next month": "AGREE",
    "police pushed back protesters": "COERCE",
    "Thus far, fighting has not re-emerged in the tense region": "none",
    "mudslides destroyed dozens of houses": "none",
}


def manual_examples() -> list[tuple[str, str]]:
    if not MANUAL.is_file():
        return []
    lines = [ln for ln in MANUAL.read_text("utf-8").splitlines() if not ln.lstrip().startswith("%")]
    text = "\n".join(lines)
    quotes = re.findall(r"``(.+?)(?:''|\")", text)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for q in quotes:
        clean = re.sub(r"\\emph\{([^}]*)\}", r"\1", q)
        clean = clean.replace("\\ldots", "...").replace("\\dots", "...").replace("\\$", "$")
        clean = clean.replace("’", "'").strip()
        for key, label in MANUAL_LABELS.items():
            if key in clean and key not in seen:
                seen.add(key)
                out.append((clean, label))
    return out


def manual_accuracy(pipe: Pipeline) -> dict:
    rows = []
    ok = 0
    for text, label in manual_examples():
        a = pipe.analyse(Document(id="manual", text=text, lang="en",
                                  date=PartialDate.parse("2021-09")))
        types = sorted({e.type for e in a.events})
        hit = (not types) if label == "none" else label in types
        ok += hit
        rows.append({"text": text, "expected": label, "predicted": types, "correct": hit})
    return {"examples": len(rows), "correct": ok,
            "type_accuracy": round(ok / len(rows), 3) if rows else None, "rows": rows}


def timing(pipe: Pipeline, lang: str, texts: list[str], repeat: int = 7) -> dict:
    nlp = pipe.nlp(lang)
    t_nlp = min(_time(lambda: list(nlp.pipe(texts))) for _ in range(repeat))
    stages = pipe.stages(lang)
    analyses = []
    for doc, text in zip(nlp.pipe(texts), texts, strict=True):
        a = Analysis(doc=Document(id="b", text=text, lang=lang), lang=lang, nlp_doc=doc)
        a.sentences = sentence_bounds(doc)  # as the pipeline sets them
        for stage in stages[:-1]:
            stage(a)
        analyses.append(a)
    ev = events_stage.create(lang, pipe.config)

    def run_events() -> None:
        for a in analyses:
            ev(a)

    t_ev = min(_time(run_events) for _ in range(repeat))
    return {"texts": len(texts), "nlp_s": round(t_nlp, 4), "events_s": round(t_ev, 4),
            "events_over_nlp": round(t_ev / t_nlp, 4) if t_nlp else None}


def extra_sets(path: str, cfg: dict) -> dict:
    """Our own extra development sentences (tests/data/events-dev-extra-*.jsonl), scored whole
    and per batch: batch 1 (ids ``x<lang>-NNN``) was labelled before the coder first ran on it
    and then used for development; batch 2 (ids ``x<lang>-b2-NNN``) was labelled before any run
    and first scored when these figures were written."""
    rows = evaluate.load_gold(path)
    pred = evaluate.predict(rows, cfg)
    out = {}
    batches = {"all": lambda r: True, "batch1": lambda r: "-b2-" not in str(r.get("id")),
               "batch2": lambda r: "-b2-" in str(r.get("id"))}
    for name, keep in batches.items():
        pairs = [(r, p) for r, p in zip(rows, pred, strict=True) if keep(r)]
        if not pairs:
            continue
        r = evaluate.score([r for r, _ in pairs], [p for _, p in pairs])
        r.pop("errors", None)
        out[name] = r
    return out


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    cfg = load_config()
    pipe = Pipeline(cfg)
    result: dict = {"gold": {}, "timing": {}}
    for lang in ("en", "nl"):
        gold = ROOT / "tests" / "gold" / f"events-{lang}.jsonl"
        if not gold.is_file():
            continue
        r = evaluate.run(str(gold), cfg)
        r.pop("errors", None)
        result["gold"][lang] = r
        print(evaluate.report(r), "\n")
        texts = [row["text"] for row in evaluate.load_gold(str(gold))]
        result["timing"][lang] = timing(pipe, lang, texts)
        t = result["timing"][lang]
        print(f"[{lang}] language pipeline alone: {t['nlp_s']:.3f}s for {t['texts']} texts; "
              f"event step: {t['events_s']:.3f}s ({100 * (t['events_over_nlp'] or 0):.1f}% of it)")
    result["extra"] = {}
    for lang in ("en", "nl"):
        extra = ROOT / "tests" / "data" / f"events-dev-extra-{lang}.jsonl"
        if extra.is_file():
            result["extra"][lang] = extra_sets(str(extra), cfg)
            for batch, r in result["extra"][lang].items():
                print(f"[{lang} extra {batch}] F1 {r['type_f1']:.3f}  source+target "
                      f"{r['source_target_accuracy']:.3f}  extra/doc {r['extra_per_document']:.3f}")
    result["plover_manual"] = manual_accuracy(pipe)
    m = result["plover_manual"]
    print(f"PLOVER manual examples: {m['correct']}/{m['examples']} types right")
    result["machine"] = machine()
    if "--write" in argv:
        out = ROOT / "bench" / "results"
        out.mkdir(parents=True, exist_ok=True)
        (out / "events.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        (out / "events.md").write_text(markdown(result))
    return 0


def machine() -> dict:
    import datetime
    import os
    import platform

    import spacy

    return {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "host": platform.node(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "python": platform.python_version(),
            "spacy": spacy.__version__}


def markdown(result: dict) -> str:
    m = result["machine"]
    lines = [
        "# Event coder results (issue 5)", "",
        f"Written by `bench/bench_events.py --write` on {m['date']} ({m['platform']}, "
        f"{m['cpus']} CPUs shared with other jobs, Python {m['python']}, spaCy {m['spacy']}).",
        "Figures from `kroniek.events.evaluate` (the code behind `kroniek eval events`) on",
        "tests/gold/events-{en,nl}.jsonl. These gold files were also the development set while",
        "the coder and dictionaries were written (no rule names a gold sentence, but they are",
        "optimistic for unseen text); the held-out set is scored by the lead only.", "",
        "| gold | docs | gold ev | pred | type P | type R | type F1 | src acc | tgt acc "
        "| src+tgt | modality acc | extra/doc |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for lang, r in result["gold"].items():
        lines.append(
            f"| {lang} | {r['documents']} | {r['gold_events']} | {r['predicted_events']} | "
            f"{r['type_precision']:.3f} | {r['type_recall']:.3f} | {r['type_f1']:.3f} | "
            f"{r['source_accuracy']:.3f} | {r['target_accuracy']:.3f} | "
            f"{r['source_target_accuracy']:.3f} | {r['modality_accuracy']:.3f} | "
            f"{r['extra_per_document']:.3f} |")
    met = {lang: (r["type_f1"] >= 0.9, r["source_target_accuracy"] >= 0.85,
                  r["extra_per_document"] <= 0.1) for lang, r in result["gold"].items()}
    lines += ["", "Acceptance (type F1 ≥ 0.90, source+target ≥ 0.85, extra ≤ 0.1 per document):"]
    for lang, (f1, st, ex) in met.items():
        verdict = "met" if f1 and st and ex else "**not met**"
        lines.append(f"- {lang}: {verdict} (F1 {'ok' if f1 else 'short'}, source+target "
                     f"{'ok' if st else 'short'}, extra {'ok' if ex else 'too many'})")
    if result.get("extra"):
        lines += ["", "## Own extra development sentences (tests/data/events-dev-extra-*.jsonl)", "",
                  "Written for this project by the third event helper and labelled (gold rules of",
                  "tests/gold/README.md) before the coder ran on them. Batch 1 was then used for",
                  "development (so it is optimistic too); batch 2 was first scored unseen by the",
                  "third helper, and its misses then guided the fourth helper's vocabulary round:",
                  "both batches are development data now (optimistic for unseen text).", "",
                  "| set | docs | gold ev | pred | type P | type R | type F1 | src+tgt | extra/doc |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for lang, batches in result["extra"].items():
            for name, r in batches.items():
                lines.append(
                    f"| {lang} {name} | {r['documents']} | {r['gold_events']} | "
                    f"{r['predicted_events']} | {r['type_precision']:.3f} | "
                    f"{r['type_recall']:.3f} | {r['type_f1']:.3f} | "
                    f"{r['source_target_accuracy']:.3f} | {r['extra_per_document']:.3f} |")
    lines += ["", "## Speed", "",
              "| lang | texts | language pipeline alone (s) | event step (s) | event step / "
              "pipeline |", "|---|---|---|---|---|"]
    for lang, t in result["timing"].items():
        lines.append(f"| {lang} | {t['texts']} | {t['nlp_s']:.4f} | {t['events_s']:.4f} | "
                     f"{100 * (t['events_over_nlp'] or 0):.1f}% |")
    pm = result["plover_manual"]
    lines += ["", "## PLOVER manual examples (English, type accuracy, not used for tuning)", "",
              f"{pm['correct']}/{pm['examples']} = {pm['type_accuracy']}", "",
              "| expected | predicted | text |", "|---|---|---|"]
    for row in pm["rows"]:
        lines.append(f"| {row['expected']} | {', '.join(row['predicted']) or '—'} | "
                     f"{row['text'][:70]}... |")
    per = ["", "## Per type", ""]
    for lang, r in result["gold"].items():
        per += [f"### {lang}", "", "| type | gold | pred | matched | P | R | F1 | args ok |",
                "|---|---|---|---|---|---|---|---|"]
        for t, c in r["per_type"].items():
            args = "" if c["source_target_accuracy"] is None else f"{c['source_target_accuracy']:.2f}"
            per.append(f"| {t} | {c['gold']} | {c['predicted']} | {c['matched']} | "
                       f"{c['precision']:.2f} | {c['recall']:.2f} | {c['f1']:.2f} | {args} |")
        per.append("")
    return "\n".join(lines + per) + "\n"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
