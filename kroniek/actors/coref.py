"""What a document has said so far: the memory behind in-document coreference.

Later mentions ("Lavrov", "de minister", "the country", "het regime") are resolved against the
people and countries named earlier in the same document, most recent first, and only when that
leaves one answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kroniek.model import Actor


@dataclass
class DocState:
    persons: list[str] = field(default_factory=list)        # known person ids, in order
    countries: list[str] = field(default_factory=list)      # ISO3, in order of mention
    country_at: list[int] = field(default_factory=list)     # where each of those was named
    surnames: dict[str, list[str]] = field(default_factory=dict)  # surname key -> ids seen
    unknown: dict[str, Actor] = field(default_factory=dict)  # last-name key -> unknown person
    # people named with a title ("King Birendra", "President Jiang Zemin"): the title word, the
    # words of its line in agents.yaml, the person
    titles: list[tuple[tuple[str, ...], frozenset[tuple[str, ...]], Actor]] = field(
        default_factory=list)

    def note(self, actor: Actor, surname_key: str | None = None) -> None:
        if actor.kind == "location":
            return
        if actor.kind == "person" and not actor.id.startswith("unk:"):
            self.persons.append(actor.id)
            if surname_key:
                seen = self.surnames.setdefault(surname_key, [])
                if actor.id not in seen:
                    seen.append(actor.id)
        if actor.country and actor.kind != "organization":
            # an armed group's or party's home country is not the state acting: "Al-Shabaab
            # attacked ...; the police" must not make the police Somali
            self.countries.append(actor.country)
            self.country_at.append(actor.mention.start if actor.mention else -1)

    def countries_since(self, offset: int) -> list[str]:
        """Countries named at or after ``offset`` (the current sentence), in order."""
        return [c for c, at in zip(self.countries, self.country_at, strict=True) if at >= offset]

    def distinct_countries(self) -> list[str]:
        return list(dict.fromkeys(self.countries))

    def last_country(self, allowed: tuple[str, ...] = ()) -> str | None:
        for c in reversed(self.countries):
            if not allowed or c in allowed:
                return c
        return None

    def titled(self, word: tuple[str, ...]) -> Actor | None:
        """The last person named with this very title ("King Birendra" for "the king"), known
        to the actor base or not."""
        for title, _, actor in reversed(self.titles):
            if title == word:
                return actor
        return None

    def other_title(self, pid: str, word: tuple[str, ...]) -> bool:
        """Whether ``pid`` was named only with titles of another kind: "President Jiang Zemin"
        is not "the king" later on, though both hold the head-of-state role."""
        lines = [line for _, line, a in self.titles if a.id == pid]
        return bool(lines) and not any(word in line for line in lines)

    def last_person(self, accept: Callable[[str], bool]) -> str | None:
        for pid in reversed(self.persons):
            if accept(pid):
                return pid
        return None
