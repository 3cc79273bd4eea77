"""The document contract ``kroniek/1``: build it from an :class:`Analysis`, validate it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kroniek import CONTRACT
from kroniek.model import Analysis


@cache
def schema() -> dict[str, Any]:
    return json.loads(resources.files("kroniek").joinpath("contract.schema.json").read_text("utf-8"))


@cache
def _validator():  # noqa: ANN202 - jsonschema's type is not worth importing at module load
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def validate(document: dict[str, Any]) -> list[str]:
    """Every way ``document`` breaks the contract, as readable lines (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in _validator().iter_errors(document)]


def to_contract(a: Analysis) -> dict[str, Any]:
    d = a.doc
    out: dict[str, Any] = {
        "contract": CONTRACT,
        "id": d.id,
        "lang": a.lang,
        "date": d.date.to_dict() if d.date else None,
        "title": d.title,
        "url": d.url,
        "source": d.source,
        "text": d.text,
        "sentences": [{"start": s, "end": e} for s, e in a.sentences],
        "entities": [e.to_dict() for e in a.entities],
        "actors": [x.to_dict() for x in a.distinct_actors()],
        "events": [e.to_dict() for e in a.events],
        "quotes": [q.to_dict() for q in a.quotes],
        "dates": [x.to_dict() for x in a.dates],
        "places": [p.to_dict() for p in a.places],
    }
    if a.skipped:
        out["skipped"] = str(a.skipped)
    if d.notes:
        out["notes"] = list(d.notes)
    return out
