"""One event per happening: the same type, source, target and date in a document is one event.

News repeats itself ("Russia attacked Ukraine ... the Russian attack on Ukraine"); each repetition
becomes evidence of the first event, so counts do not inflate.
"""

from __future__ import annotations

from kroniek.model import Event


def _code(a: object) -> str:
    """Actors count as the same party at country level ("Russia", "the Russian army")."""
    return getattr(a, "country", None) or getattr(a, "org", None) or getattr(a, "id", "")


def key(e: Event) -> tuple[object, ...]:
    return (e.type, tuple(sorted({_code(a) for a in e.source})),
            tuple(sorted({_code(a) for a in e.target})), (e.date or {}).get("value"), e.negated)


def evidence(e: Event) -> dict[str, object]:
    return {"rule": e.rule, "trigger": {"text": e.trigger.text, "start": e.trigger.start,
                                        "end": e.trigger.end},
            "sentence": {"start": e.sentence[0], "end": e.sentence[1]},
            "confidence": round(e.confidence, 3)}


def merge(events: list[Event]) -> list[Event]:
    """Same key, one event; but two modes the text states ("schorste rechters en hield
    militairen aan": restrict and arrest) are two happenings of one type."""
    out: dict[tuple[object, ...], list[Event]] = {}
    for e in events:
        k = key(e)
        same = out.setdefault(k, [])
        first = next((f for f in same if f.mode is None or e.mode is None or f.mode == e.mode),
                     None)
        if first is None:
            same.append(e)
            continue
        if not first.evidence:
            first.evidence.append(evidence(first))
        first.evidence.append(evidence(e))
        first.confidence = max(first.confidence, e.confidence)
        if first.location is None:
            first.location = e.location
        if first.mode is None:
            first.mode = e.mode
    order = {id(e): i for i, e in enumerate(events)}
    return sorted((e for same in out.values() for e in same), key=lambda e: order[id(e)])
