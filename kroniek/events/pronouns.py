"""Pronouns as actors: a first-person plural in a quote is the speaker's side; "hij", "zij",
"it" the nearest fitting actor before it (or the speaker of the clause that reports it).

Part of the coder (``kroniek/events/coder.py``), as a mixin.
"""

from __future__ import annotations

from kroniek.events import arguments, modality, roles, syntax
from kroniek.events.syntax import Token
from kroniek.model import Actor, Analysis


class Pronouns:
    """The resolver ``arguments.resolve`` calls for a pronoun."""

    def _pronoun_resolver(self, index: arguments.ActorIndex,
                          analysis: Analysis | None = None) -> arguments.Resolver:
        def speaker(tok: Token) -> list[Actor]:
            """"„Wij staan klaar ...”, aldus de minister": a first-person plural stands for
            the speaker's side, never for the last country named before it."""
            m = modality.assess(tok.head, self.words) if tok.head != tok else None
            if m is not None and m.reporter is not None:
                subj = roles.logical_subjects(m.reporter, self.grammar)
                found = arguments.resolve(subj, index) if subj else []
                if found:
                    return found[:1]
            for t in syntax.sent(tok):  # "..., aldus de minister": the speaker named in the sentence
                if t.lower_ in self.speaker_marks:
                    for n in t.doc[t.i + 1:min(t.i + 8, syntax.sent(t).end)]:
                        if index.by_token.get(n.i):
                            return index.by_token[n.i][:1]
            for q in (analysis.quotes if analysis is not None else []):
                if q.speaker is not None and q.start <= tok.idx < q.end:
                    return [q.speaker]
            return []

        def resolve(tok: Token) -> list[Actor]:
            low = tok.lower_
            if low in self.speaker_pronouns:
                return speaker(tok)
            if low not in self.person_pronouns and low not in self.other_pronouns:
                return []
            m = modality.assess(tok.head, self.words) if tok.head != tok else None
            if m is not None and m.reporter is not None:
                subj = roles.logical_subjects(m.reporter, self.grammar)
                if subj and subj[0] != tok:
                    found = arguments.resolve(subj, index)
                    if found:
                        return found
            # "zij"/"ze" is "she" and "they": either kind of antecedent will do
            person = low in self.person_pronouns
            other = low in self.other_pronouns

            def fits(a: Actor) -> bool:
                return (person and other) or (a.kind == "person") == person

            sent = syntax.sent(tok)
            for i in range(tok.i - 1, sent.start - 1, -1):  # nearest first in its own sentence
                for a in index.by_token.get(i, []):
                    if fits(a):
                        return [a]
            # before it: the first fitting actor of the nearest earlier sentence, where a
            # sentence's topic (its subject, in Dutch and English mostly first) stands ("Zelensky
            # werd ontvangen door Rutte. Later ontmoette hij ...": Zelensky)
            doc = tok.doc
            floor = max(0, sent.start - 80)
            end = sent.start
            while end > floor:
                start = syntax.sent(doc[end - 1]).start
                for i in range(max(start, floor), end):
                    for a in index.by_token.get(i, []):
                        if fits(a):
                            return [a]
                end = start
            return []
        return resolve
