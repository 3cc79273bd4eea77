"""The in-memory shapes behind the document contract (``contract.schema.json``).

Every pipeline stage reads and fills one :class:`Analysis`; ``to_contract`` turns it into the
JSON document. Keeping the shapes here, and nowhere else, is what lets a stage be rewritten
without the others noticing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["year", "month", "day"]
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known only to the precision the source gives: never invent a month or a day."""

    value: str
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError on anything else."""
        import datetime as _dt

        m = _DATE_RE.match(text.strip())
        if not m:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = m.groups()
        if day:
            _dt.date(int(year), int(month), int(day))  # validates the calendar
            return cls(f"{year}-{month}-{day}", "day")
        if month:
            if not 1 <= int(month) <= 12:
                raise ValueError(f"month out of range: {text!r}")
            return cls(f"{year}-{month}", "month")
        return cls(year, "year")

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if self.precision != "year" else None

    @property
    def day(self) -> int | None:
        return int(self.value[8:10]) if self.precision == "day" else None

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "precision": self.precision}


@dataclass
class Document:
    """One input article as the readers yield it (before any language processing)."""

    id: str
    text: str
    date: PartialDate | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # "file:line" it came from, for errors and rejects
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Actor:
    """A resolved (or honestly unresolved) participant; ``mention`` ties it to the text."""

    id: str
    name: str
    kind: Literal["person", "organization", "country", "group", "location"]
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    mention: Span | None = None
    candidates: list[str] = field(default_factory=list)  # ids left open when ambiguous
    # The international organisation an official acts for (a UN or NATO chief has no country):
    # without it an event by "Guterres" could not be told from one by any other IGO official.
    org: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if not self.candidates:
            d.pop("candidates")
        if self.org is None:
            d.pop("org")
        return d

    def at(self, mention: Span | None) -> Actor:
        """The same actor seen at another place in the text."""
        return Actor(self.id, self.name, self.kind, self.country, self.sector, self.wikidata,
                     mention, list(self.candidates), self.org)


@dataclass
class Entity:
    text: str
    label: Literal["PER", "ORG", "LOC", "MISC"]
    start: int
    end: int
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "label": self.label, "start": self.start, "end": self.end}
        d["actor"] = self.actor.to_dict() if self.actor else None
        return d


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: str
    precision: Precision

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: Actor | None = None
    speaker_text: str | None = None
    addressee: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end,
                             "direct": self.direct,
                             "speaker": self.speaker.to_dict() if self.speaker else None,
                             "speaker_text": self.speaker_text}
        if self.addressee:
            d["addressee"] = self.addressee.to_dict()
        return d


@dataclass
class Event:
    type: str
    source: list[Actor]
    target: list[Actor]
    trigger: Span
    sentence: tuple[int, int]
    rule: str
    confidence: float
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: dict[str, Any] | None = None  # {"value", "precision", "text"}
    location: dict[str, Any] | None = None  # {"name", "country", "lat", "lon"}
    modality: Literal["asserted", "intended", "hypothetical", "reported"] = "asserted"
    negated: bool = False
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    reported_by: Actor | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type, "mode": self.mode, "context": list(self.context),
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date, "location": self.location,
            "modality": self.modality, "negated": self.negated,
            "cameo": self.cameo, "goldstein": self.goldstein, "quad_class": self.quad_class,
            "trigger": asdict(self.trigger),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "rule": self.rule, "confidence": round(self.confidence, 3),
        }
        if self.reported_by:
            d["reported_by"] = self.reported_by.to_dict()
        if self.evidence:
            d["evidence"] = self.evidence
        return d


@dataclass
class Analysis:
    """What the pipeline knows about one document; each stage fills its own fields."""

    doc: Document
    lang: str
    nlp_doc: Any = None  # a spaCy Doc
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actor_mentions: list[Actor] = field(default_factory=list)  # every resolved mention
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    skipped: Exception | None = None  # why it was not coded (a KroniekError, e.g. K200)
    error: Exception | None = None  # a stage failed on this document (a bug, reported as K599)

    def distinct_actors(self) -> list[Actor]:
        seen: dict[str, Actor] = {}
        for a in self.actor_mentions:
            seen.setdefault(a.id, a)
        return list(seen.values())
