"""Map any pipeline's NER labels onto the contract's four: PER, ORG, LOC, MISC.

Our own packs already speak CoNLL labels; OntoNotes-style pipelines (en_core_web_sm,
nl_core_news_*) are mapped here so that swapping the pipeline never changes the contract.
"""

from __future__ import annotations

from typing import Any

from kroniek.model import Entity

LABELS: dict[str, str | None] = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "NORP": "MISC",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
    # numeric and temporal OntoNotes types are handled by time/ or ignored
    "DATE": None, "TIME": None, "PERCENT": None, "MONEY": None, "QUANTITY": None,
    "ORDINAL": None, "CARDINAL": None,
}


def entities(doc: Any) -> list[Entity]:
    out: list[Entity] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_, "MISC")
        if label:
            out.append(Entity(ent.text, label, ent.start_char, ent.end_char))  # type: ignore[arg-type]
    return out
