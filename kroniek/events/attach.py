"""The event's date and place: what the time and places stages attach to the trigger.

``kroniek.time.attached`` / ``kroniek.places.attached`` decide when they exist; until then (or
when they find nothing) a date or place in the same sentence whose parse hangs from the trigger's
clause is taken, and a date falls back to the document's own date at its precision.
"""

from __future__ import annotations

from typing import Any

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

    def location(self, analysis: Analysis, trigger: Token) -> dict[str, Any] | None:
        found = None
        if self._places is not None:
            try:
                found = self._places(analysis, trigger.idx, trigger.idx + len(trigger.text))
            except Exception:  # noqa: BLE001
                found = None
        if found is None:
            found = _nearby(analysis.places, trigger)
        if found is None:
            return None
        return {"name": found.name, "country": found.country, "lat": found.lat, "lon": found.lon}


def _nearby(mentions: list[Any], trigger: Token) -> Any:
    """A mention in the trigger's sentence whose head hangs (within three links) from it."""
    sent = trigger.sent
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
