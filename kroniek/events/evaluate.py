"""Scoring the coder against a gold file (``kroniek eval events GOLD.jsonl``).

Gold format: tests/gold (one document per line, with all the events it states; see
tests/gold/README.md). Per document, each gold event is paired with at most one predicted
event of the same type, preferring the one whose source and target also match. Then:

- type precision / recall / F1 over the pairs;
- source accuracy, target accuracy and source+target accuracy over the pairs (a predicted actor
  matches a gold entry when its ``country`` or its ``id`` equals it, case-insensitively; a side
  matches when both lists cover each other);
- extra events per document: predicted events left without a gold partner, per document;
- a breakdown per type, and modality / negation agreement over the pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from kroniek.events.selftest import side_matches
from kroniek.model import Document, Event, PartialDate


def load_gold(path: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
        rows.append(row)
    return rows


def _document(row: dict[str, Any], n: int) -> Document:
    date = None
    if row.get("date"):
        try:
            date = PartialDate.parse(str(row["date"]))
        except ValueError:
            date = None
    return Document(id=str(row.get("id", n)), text=str(row.get("text", "")), date=date,
                    lang=row.get("lang"))


def _pair(gold: list[dict[str, Any]], pred: list[Event]) -> list[tuple[dict[str, Any], Event]]:
    pairs: list[tuple[dict[str, Any], Event]] = []
    free = list(pred)
    # first the exact pairs (type, source and target), then type-only pairs
    for strict in (True, False):
        for g in gold:
            if any(g is pg for pg, _ in pairs):
                continue
            for e in free:
                if e.type != g.get("type"):
                    continue
                if strict and not (side_matches(e.source, list(g.get("source") or []))
                                   and side_matches(e.target, list(g.get("target") or []))):
                    continue
                pairs.append((g, e))
                free.remove(e)
                break
    return pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(rows: list[dict[str, Any]], predicted: list[list[Event]]) -> dict[str, Any]:
    n_gold = n_pred = n_pair = src_ok = tgt_ok = both_ok = mod_ok = neg_ok = 0
    per_type: dict[str, Counter[str]] = {}
    errors: list[dict[str, Any]] = []
    for row, pred in zip(rows, predicted, strict=True):
        gold = list(row.get("events") or [])
        pairs = _pair(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        n_pair += len(pairs)
        for g in gold:
            per_type.setdefault(g["type"], Counter())["gold"] += 1
        for e in pred:
            per_type.setdefault(e.type, Counter())["pred"] += 1
        for g, e in pairs:
            per_type[g["type"]]["tp"] += 1
            s = side_matches(e.source, list(g.get("source") or []))
            t = side_matches(e.target, list(g.get("target") or []))
            src_ok += s
            tgt_ok += t
            both_ok += s and t
            per_type[g["type"]]["args_ok"] += s and t
            mod_ok += e.modality == g.get("modality", "asserted")
            neg_ok += e.negated == bool(g.get("negated", False))
        paired = {id(e) for _, e in pairs}
        missed = [g for g in gold if not any(g is pg for pg, _ in pairs)]
        extra = [e for e in pred if id(e) not in paired]
        wrong_args = [(g, e) for g, e in pairs
                      if not (side_matches(e.source, list(g.get("source") or []))
                              and side_matches(e.target, list(g.get("target") or [])))]
        if missed or extra or wrong_args:
            errors.append({
                "id": row.get("id"), "text": row.get("text"),
                "missed": [_gold_str(g) for g in missed],
                "extra": [_event_str(e) for e in extra],
                "wrong_args": [f"{_gold_str(g)} got {_event_str(e)}" for g, e in wrong_args],
            })
    p = n_pair / n_pred if n_pred else 0.0
    r = n_pair / n_gold if n_gold else 0.0
    docs = len(rows)
    types = {}
    for t, c in sorted(per_type.items()):
        tp, pr, go = c["tp"], c["pred"], c["gold"]
        tp_p = tp / pr if pr else 0.0
        tp_r = tp / go if go else 0.0
        types[t] = {"gold": go, "predicted": pr, "matched": tp, "precision": round(tp_p, 3),
                    "recall": round(tp_r, 3), "f1": round(_f1(tp_p, tp_r), 3),
                    "source_target_accuracy": round(c["args_ok"] / tp, 3) if tp else None}
    return {
        "documents": docs, "gold_events": n_gold, "predicted_events": n_pred,
        "matched": n_pair,
        "type_precision": round(p, 4), "type_recall": round(r, 4), "type_f1": round(_f1(p, r), 4),
        "source_accuracy": round(src_ok / n_pair, 4) if n_pair else 0.0,
        "target_accuracy": round(tgt_ok / n_pair, 4) if n_pair else 0.0,
        "source_target_accuracy": round(both_ok / n_pair, 4) if n_pair else 0.0,
        "modality_accuracy": round(mod_ok / n_pair, 4) if n_pair else 0.0,
        "negation_accuracy": round(neg_ok / n_pair, 4) if n_pair else 0.0,
        "extra_per_document": round((n_pred - n_pair) / docs, 4) if docs else 0.0,
        "per_type": types,
        "errors": errors,
    }


def _gold_str(g: dict[str, Any]) -> str:
    return (f"{g.get('type')} {'+'.join(g.get('source') or []) or '-'} -> "
            f"{'+'.join(g.get('target') or []) or '-'}")


def _event_str(e: Event) -> str:
    def side(actors: list[Any]) -> str:
        return "+".join(a.country or a.id for a in actors) or "-"
    return f"{e.type} {side(e.source)} -> {side(e.target)} [{e.rule}]"


def predict(rows: list[dict[str, Any]], config: dict[str, Any]) -> list[list[Event]]:
    from kroniek.pipeline import Pipeline

    pipe = Pipeline(config)
    docs = [_document(row, n) for n, row in enumerate(rows, 1)]
    return [a.events for a in pipe.analyse_many(docs)]


def run(gold_path: str, config: dict[str, Any]) -> dict[str, Any]:
    """Code every gold document with the configured pipeline and score the events."""
    rows = load_gold(gold_path)
    result = score(rows, predict(rows, config))
    result["gold"] = str(gold_path)
    return result


def report(result: dict[str, Any]) -> str:
    lines = [
        f"gold: {result.get('gold', '?')}  documents: {result['documents']}  "
        f"gold events: {result['gold_events']}  predicted: {result['predicted_events']}  "
        f"matched: {result['matched']}",
        f"type     P {result['type_precision']:.3f}  R {result['type_recall']:.3f}  "
        f"F1 {result['type_f1']:.3f}",
        f"source accuracy {result['source_accuracy']:.3f}  target accuracy "
        f"{result['target_accuracy']:.3f}  source+target {result['source_target_accuracy']:.3f}",
        f"modality accuracy {result['modality_accuracy']:.3f}  negation accuracy "
        f"{result['negation_accuracy']:.3f}",
        f"extra events per document {result['extra_per_document']:.3f}",
        "",
        f"{'type':<10} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'args':>6}",
    ]
    for t, c in result["per_type"].items():
        args = "" if c["source_target_accuracy"] is None else f"{c['source_target_accuracy']:.2f}"
        lines.append(f"{t:<10} {c['gold']:>5} {c['predicted']:>5} {c['matched']:>5} "
                     f"{c['precision']:>6.2f} {c['recall']:>6.2f} {c['f1']:>6.2f} {args:>6}")
    return "\n".join(lines)
