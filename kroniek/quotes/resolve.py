"""From the speaker as written to an ``Actor`` the actors stage already found.

Only actors from ``analysis.actor_mentions`` are ever returned: a speaker no mention covers
stays None rather than getting an invented id.
"""

from __future__ import annotations

from kroniek.model import Actor, Span
from kroniek.quotes.cues import Cues
from kroniek.quotes.marks import Segment

_RANK = {"person": 4, "organization": 3, "group": 3, "country": 2, "location": 1}


def _last_word(s: str) -> str:
    words = [w.strip(".,;:'’\"") for w in s.split()]
    return words[-1] if words else ""


class Resolver:
    def __init__(self, text: str, mentions: list[Actor] | None, segs: list[Segment],
                 cues: Cues) -> None:
        self.text, self.cues = text, cues
        self.mentions = sorted((m for m in mentions or [] if m.mention is not None),
                               key=lambda m: m.mention.start)  # type: ignore[union-attr]
        self.quoted = [(s.content_start, s.content_end) for s in segs]

    def _in_quote(self, a: Actor) -> bool:
        s = a.mention.start  # type: ignore[union-attr]
        return any(qs <= s < qe for qs, qe in self.quoted)

    def overlapping(self, start: int, end: int) -> list[Actor]:
        return [m for m in self.mentions
                if m.mention.start < end and m.mention.end > start]  # type: ignore[union-attr]

    def actor(self, start: int, end: int) -> Actor | None:
        written = self.text[start:end]
        span = Span(written, start, end)
        if written.lower() in self.cues.pronouns:
            before = [m for m in self.mentions if m.kind == "person"
                      and m.mention.end <= start and not self._in_quote(m)]  # type: ignore[union-attr]
            return before[-1].at(span) if before else None
        over = self.overlapping(start, end)
        if over:
            return max(over, key=lambda m: (_RANK.get(m.kind, 0),
                                            m.mention.end - m.mention.start,  # type: ignore[union-attr]
                                            m.mention.start))  # type: ignore[union-attr]
        last = _last_word(written)
        if not last[:1].isupper():
            return None
        for m in reversed(self.mentions):
            if m.mention.start >= start or m.kind != "person":  # type: ignore[union-attr]
                continue
            if last in (_last_word(m.mention.text), _last_word(m.name)):  # type: ignore[union-attr]
                return m.at(span)
        return None

    def speakerish(self, start: int, end: int) -> bool:
        """Whether a phrase after "volgens"/"according to" names who spoke, not a plan or law."""
        if self.overlapping(start, end):
            return True
        words = self.text[start:end].split()
        return any(w[:1].isupper() for w in words) or any(
            w.lower().rsplit("-", 1)[-1] in self.cues.speaker_nouns for w in words)
