"""The event's date and place: what the time and places stages attach to the trigger.

``kroniek.time.attached`` / ``kroniek.places.attached`` decide when they exist; until then (or
when they find nothing) a date or place in the same sentence whose parse hangs from the trigger's
clause is taken, and a date falls back to the document's own date at its precision.
"""

from __future__ import annotations

from typing import Any

from kroniek.events import syntax
from kroniek.events.syntax import Token
from kroniek.model import Analysis


def _stage_attached(module_name: str) -> Any:
    try:
        module = __import__(f"kroniek.{module_name}", fromlist=["attached"])
    except ImportError:
        return None
    return getattr(module, "attached", None)


class Attacher:
    def __init__(self) -> None:
        self._time = _stage_attached("time")
        self._places = _stage_attached("places")

    def date(self, analysis: Analysis, trigger: Token) -> dict[str, Any] | None:
        found = None
        if self._time is not None:
            try:
                found = self._time(analysis, trigger.idx, trigger.idx + len(trigger.text))
            except Exception:  # noqa: BLE001 - a sibling stage's bug must not lose the event
                found = None
        if found is None:
            found = _nearby(analysis.dates, trigger)
        if found is not None:
            return {"value": found.value, "precision": found.precision, "text": found.text}
        d = analysis.doc.date
        if d is None:
            return None
        return {"value": d.value, "precision": d.precision, "text": None}

    def location(self, analysis: Analysis, trigger: Token,
                 taken: list[tuple[int, int]] | None = None,
                 date: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """The event's place. ``taken``: character spans of the event's own participants (a
        place that names a party, "een top tussen Kim en de VS", says who, not where); then the
        place of the clause that carries the event's date ("mogelijk op 12 juni in Singapore")."""
        taken = taken or []

        def free(p: Any) -> bool:
            return not any(p.start < e and s < p.end for s, e in taken)

        sent = syntax.sent(trigger)
        if not any(sent.start_char <= p.start and p.end <= sent.end_char
                   for p in analysis.places):
            return None  # no place in the sentence: nothing to attach (and no cost)
        found = None
        if self._places is not None:
            try:
                found = self._places(analysis, trigger.idx, trigger.idx + len(trigger.text))
            except Exception:  # noqa: BLE001
                found = None
        if found is None:
            found = _nearby(analysis.places, trigger)
        if found is not None and not free(found):
            found = _beside_date(analysis, trigger, date, free)
        if found is None:
            return None
        return {"name": found.name, "country": found.country, "lat": found.lat, "lon": found.lon}


def _beside_date(analysis: Analysis, trigger: Token, date: dict[str, Any] | None,
                 free: Any) -> Any:
    """Another place of the trigger's sentence that names no party: the one hung on (or next to)
    the event's date expression first, else the nearest to the trigger."""
    sent = syntax.sent(trigger)
    places = [p for p in analysis.places
              if sent.start_char <= p.start and p.end <= sent.end_char and free(p)]
    if not places:
        return None
    when = None
    if date and date.get("text"):
        when = next((d for d in analysis.dates if d.text == date["text"]
                     and sent.start_char <= d.start < sent.end_char), None)
    doc = trigger.doc

    def rank(p: Any) -> tuple[int, int]:
        near_date = 1
        if when is not None:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            dspan = doc.char_span(when.start, when.end, alignment_mode="expand")
            if span is not None and dspan is not None:
                heads = {dspan.root.i, dspan.root.head.i}
                near_date = 0 if (span.root.head.i in heads
                                  or 0 <= p.start - when.end <= 6) else 1
        return near_date, abs(p.start - trigger.idx)
    return min(places, key=rank)


def _nearby(mentions: list[Any], trigger: Token) -> Any:
    """A mention in the trigger's sentence whose head hangs (within three links) from it."""
    sent = syntax.sent(trigger)
    doc = trigger.doc
    for m in mentions:
        if m.start < sent.start_char or m.end > sent.end_char:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        for _ in range(4):
            if t == trigger:
                return m
            if t.head == t:
                break
            t = t.head
    return None
