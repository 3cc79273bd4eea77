"""A word-order fallback for roles the parse does not give.

A young parser (our Dutch pack) often hangs a subject or an object in the wrong place, and a
trigger then finds no actor through the tree although the clause plainly names one. Within the
trigger's clause (cut at commas and subordinating words), this reads the actors in order, with
the preposition in front of each: the first bare one is the subject, the next bare one the
object, the one after an agent preposition ("door") the logical subject of a passive.
Only used where the language asks for it (``words.linear_fallback``) and only for a side the
parse left empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kroniek.events import syntax
from kroniek.events.syntax import Token
from kroniek.model import Actor

# What may stand between a preposition and the name it governs ("aan de Verenigde Staten").
_INSIDE_NP = {"DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON"}


@dataclass(frozen=True)
class Group:
    start: int
    end: int  # exclusive
    prep: str | None
    actors: tuple[Actor, ...]


def clause(trigger: Token, by_token: dict[int, list[Actor]] | None = None) -> tuple[int, int]:
    """Token range of the trigger's clause: cut at commas, semicolons and subordinators (not at
    the commas of a list of names: "Saoedi-Arabië, de Emiraten, Bahrein en Egypte")."""
    sent = syntax.sent(trigger)
    doc = trigger.doc
    start, end = sent.start, sent.end
    flags = _cut_flags(sent)

    def cuts(k: int) -> bool:
        f = flags[k - sent.start]
        if f is None:
            f = flags[k - sent.start] = _cut_flag(doc[k])
        return f == 1 or (f == 2 and not _listing(doc[k], by_token))
    # the nearest cut on either side (scanning outwards is the same as taking the max/min of
    # all cuts, and cheaper on long sentences)
    for k in range(trigger.i - 1, sent.start - 1, -1):
        if cuts(k):
            start = k + 1
            break
    for k in range(trigger.i + 1, sent.end):
        if cuts(k):
            end = k
            break
    while start < trigger.i and (doc[start].is_space or doc[start].pos_ == "SPACE"):
        start += 1  # a paragraph break the sentence splitter left at the clause's start
    return start, end


def _cut_flags(sent: Any) -> list[int | None]:
    """Per token of the sentence, filled in as ``clause`` scans: 0 no clause cut, 1 a cut, 2 a
    comma that cuts unless it lists names; kept for the document being coded."""
    memo = syntax.doc_memo(sent.doc)
    key = ("cut_flags", sent.start)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = [None] * (sent.end - sent.start)
    return hit  # type: ignore[no-any-return]


def _cut_flag(t: Token) -> int:
    cut = t.pos_ == "SCONJ" or t.text in {",", ";", ":", "(", ")"} or (
        t.pos_ == "PRON" and "Rel" in syntax.morph(t, "PronType"))
    if cut and t.pos_ == "SCONJ" and _correlative(t):
        return 0  # "zowel Noord- als Zuid-Korea": "als" joins two names, no new clause
    return 0 if not cut else 2 if t.text == "," else 1


def _correlative(word: Token) -> bool:
    """A subordinator-looking word that closes a correlative pair ("als" in "zowel A als B"):
    a coordinating adverb hangs on the first name right before it, so no clause starts here."""
    doc = word.doc
    if word.i == 0 or word.i + 1 >= len(doc):
        return False
    first = range(max(0, word.i - 5), word.i)
    return doc[word.i + 1].pos_ in ("PROPN", "NOUN", "X", "DET") and any(
        doc[k].pos_ in ("ADV", "CCONJ") and doc[k].head.i in first and doc[k].head.i > k
        and doc[k].dep_.lower() in ("dep", "cc", "cc:preconj", "preconj", "advmod")
        for k in first)


def _listing(comma: Token, by_token: dict[int, list[Actor]] | None) -> bool:
    if not by_token:
        return False
    doc = comma.doc
    nxt = comma.i + 1
    while nxt < len(doc) and doc[nxt].pos_ == "DET":
        nxt += 1
    return bool(by_token.get(comma.i - 1)) and nxt < len(doc) and bool(by_token.get(nxt))


def groups(trigger: Token, by_token: dict[int, list[Actor]]) -> list[Group]:
    doc = trigger.doc
    start, end = clause(trigger, by_token)
    out: list[Group] = []
    i = start
    while i < end:
        actors = by_token.get(i)
        if not actors or i == trigger.i:
            i += 1
            continue
        j = i + 1
        while j < end and by_token.get(j) == actors and j != trigger.i:
            j += 1
        k = i - 1
        while k >= start and doc[k].pos_ in _INSIDE_NP and not by_token.get(k):
            k -= 1
        prep = doc[k].lemma_.lower() if k >= start and doc[k].pos_ == "ADP" else None
        if out and prep is None and _joined(doc, out[-1].end, i, by_token):
            # "Nederland en Denemarken", "de VS en Noord-Korea": one coordinated side
            last = out.pop()
            out.append(Group(last.start, j, last.prep, last.actors + tuple(actors[:1])))
        else:
            out.append(Group(i, j, prep, tuple(actors[:1])))
        i = j
    return out


def _joined(doc: object, gap_start: int, gap_end: int,
            by_token: dict[int, list[Actor]]) -> bool:
    """Only a conjunction or a listing comma (and articles) between two names."""
    gap = [doc[t] for t in range(gap_start, gap_end)]  # type: ignore[index]
    return (any(t.pos_ == "CCONJ" or t.text == "," for t in gap)
            and all(t.pos_ in ("CCONJ", "DET") or t.text == "," for t in gap))


def roles(trigger: Token, by_token: dict[int, list[Actor]], passive: bool,
          agent_preps: frozenset[str], openers: frozenset[str] = frozenset(),
          found: list[Group] | None = None,
          ) -> tuple[list[Actor], list[Actor], dict[str, list[Actor]]]:
    """(subject actors, object actors, actors by preposition) in the trigger's clause.
    ``openers``: words tagged as prepositions that open an infinitive clause ("om Noord-Korea
    te helpen"): a name after them is bare. ``found``: the trigger's ``groups`` if known."""
    found = groups(trigger, by_token) if found is None else found
    bare = [g for g in found if g.prep is None or g.prep in openers]
    by_prep: dict[str, list[Actor]] = {}
    for g in found:
        if g.prep is not None:
            by_prep.setdefault(g.prep, []).extend(g.actors)
    if passive:
        subj = [a for p in agent_preps for a in by_prep.get(p, [])]
        obj = list(bare[0].actors) if bare else []
        return subj, obj, by_prep
    subj = list(bare[0].actors) if bare else []
    obj = list(bare[1].actors) if len(bare) > 1 else []
    return subj, obj, by_prep
