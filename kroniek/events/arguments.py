"""From grammatical roles to resolved actors.

The actors stage has already put every resolved mention in ``analysis.actor_mentions``; here a
role's head token (plus what is coordinated with it) is turned into those actors. Places
(``kind == "location"``) are never participants: "in Moskou" says where, not who.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kroniek.events import syntax
from kroniek.events.syntax import Token
from kroniek.model import Actor, Analysis, Span


@dataclass
class ActorIndex:
    """Token index → the actor mentions that cover it."""

    by_token: dict[int, list[Actor]] = field(default_factory=dict)
    # heads that never name a political actor ("the Dutch team", "the Chinese economy")
    blocked_heads: frozenset[str] = frozenset()
    of_preps: frozenset[str] = frozenset()
    places_by_token: dict[int, Actor] = field(default_factory=dict)  # locations with a country
    # word-order readings per token, computed once per document (the coder asks per pattern)
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    @classmethod
    def build(cls, analysis: Analysis, blocked_heads: frozenset[str] = frozenset(),
              of_preps: frozenset[str] = frozenset()) -> ActorIndex:
        idx = cls(blocked_heads=blocked_heads, of_preps=of_preps)
        doc = analysis.nlp_doc
        if doc is None:
            return idx
        for actor in analysis.actor_mentions:
            m = actor.mention
            if m is None:
                continue
            if actor.kind == "location":
                if actor.country:
                    span = doc.char_span(m.start, m.end, alignment_mode="expand")
                    for t in span or []:
                        idx.places_by_token.setdefault(t.i, actor)
                continue
            if not actor.country and (actor.id.startswith("unk:") or actor.kind == "group"):
                # honestly unresolved, or a sector without a country ("the administration",
                # "civilians"): it names nobody PLOVER can code, so no event may rest on it
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if actor.kind == "group" and len(span) == 1 and span[0].pos_ == "ADJ" and \
                    span[0].dep_.lower() == "amod" and span[0].text.islower():
                # "military aid", "militaire steun": a sector word as a bare adjective says what
                # kind of thing the noun is, it names no one (a nationality, "American forces",
                # is written with a capital)
                continue
            for t in span:
                idx.by_token.setdefault(t.i, []).append(actor)
        for place in analysis.places:  # what the places stage found ("in Gaza")
            if not place.country:
                continue
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            loc = Actor(f"loc:{place.name.lower()}", place.name, "location", place.country,
                        mention=Span(place.text, place.start, place.end))
            for t in span or []:
                idx.places_by_token.setdefault(t.i, loc)
        return idx

    def actors_in(self, head: Token) -> list[Actor]:
        """The actor(s) a noun phrase names: the one on its head, else those it contains (once
        per head of the document)."""
        key = ("actors_in", head.i)
        hit = self.memo.get(key)
        if hit is None:
            hit = self.memo[key] = self._actors_in(head)
        return list(hit)

    def _actors_in(self, head: Token) -> list[Actor]:
        if head.lemma_.lower() in self.blocked_heads or head.lower_ in self.blocked_heads:
            return []
        tokens = syntax.phrase_tokens(head, self.of_preps)
        on_head = [a for a in self.by_token.get(head.i, []) if not _topic_part(a, head)]
        coordinated = any(t.dep_.lower() == "cc" for t in tokens)
        if on_head and not coordinated:  # "Noord- en Zuid-Korea" names two
            return _distinct(on_head[:1])
        found: list[tuple[int, Actor]] = []
        topics: list[tuple[int, Actor]] = []
        for t in tokens:
            for a in self.by_token.get(t.i, []):
                topic = _topic_part(a, t) or (t.i != head.i and _topic_modifier(a, t))
                (topics if topic else found).append((abs(t.i - head.i), a))
        # "Sweden's NATO membership", "het Zweedse NAVO-lidmaatschap": an organisation that only
        # qualifies the noun is what it is about; the country beside it is the participant
        found = found or topics
        if not found:
            return []
        if any(t.dep_.lower() == "cc" for t in tokens):  # "de leiders van Frankrijk en Duitsland"
            return _distinct([a for _, a in sorted(found, key=lambda x: x[1].mention.start
                                                   if x[1].mention else 0)])
        found.sort(key=lambda x: x[0])
        return [found[0][1]]


def _topic_modifier(actor: Actor, tok: Token) -> bool:
    """An organisation written as a noun modifier ("the NATO membership bid", "EU aid")."""
    return (actor.country is None and tok.dep_.lower() in ("compound", "nmod:npmod")
            and tok.head.pos_ == "NOUN" and tok.head != tok)


def _topic_part(actor: Actor, tok: Token) -> bool:
    """An organisation named as the first part of a hyphenated compound ("NAVO-lidmaatschap",
    "EU-hulppakket"): the word is about the organisation, not said by or to it."""
    m = actor.mention
    if actor.country is not None or m is None or "-" not in tok.text:
        return False
    return m.end < tok.idx + len(tok.text) and m.start <= tok.idx


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out: list[Actor] = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


Resolver = Callable[[Token], list[Actor]]


def resolve(heads: list[Token], index: ActorIndex, pronoun: Resolver | None = None) -> list[Actor]:
    """Actors for a list of role heads, each expanded over its coordination."""
    out: list[Actor] = []
    for head in heads:
        # "Finland en Zweden, die ... aanvroegen": the relative pronoun stands for the whole
        # coordination it follows
        for tok in syntax.expand_conj(syntax.antecedent(head)):
            tok = syntax.antecedent(tok)
            found = index.actors_in(tok)
            if not found and pronoun is not None and tok.pos_ == "PRON":
                found = pronoun(tok)
            out.extend(found)
    return _distinct(out)
