"""A candidate event: one trigger token with the pattern that fits it best, before the
sentence-level steps (frames, absorption, modality) decide what becomes of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from kroniek.events.patterns import Pattern, Trigger
from kroniek.events.syntax import Token
from kroniek.model import Actor

# Verbal frames, whose recipient may come from their content clause (``frames.FRAMES``).
FRAME_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT",
                         "CONCEDE"})


@dataclass
class Candidate:
    pattern: Pattern
    trigger: Trigger
    token: Token
    sources: list[Actor]
    targets: list[Actor]
    type: str
    mode: str | None
    cameo: str | None
    absorbed: bool = False
    notes: list[str] = field(default_factory=list)
    denied_by: Token | None = None
    intended: bool = False
    modal: str | None = None  # "Een gesprek met X is mogelijk": the noun's own predicate
    setting: bool = False  # "did not meet during the G20 summit": held within a larger event
    refused: bool = False  # a refusal read off negation ("niet aanvaard", "niet bereid"): REJECT

    def rank(self) -> tuple[int, int, int, int, int]:
        # a pattern that needs a recipient and found none yields no event: any other reading
        # of the word beats it ("conducted nuclear drills in Belarus" is no joint exercise
        # without a "with" partner, but a MOBILIZE); a frame verb may still get its recipient
        # from its content clause, a joint act of two actors needs none
        doomed = (self.pattern.needs_target and not self.targets
                  and not (self.pattern.symmetric and len(self.sources) >= 2)
                  and not (self.pattern.pos == "verb" and self.type in FRAME_TYPES))
        # a pattern that asks for both its object and its subject says the most
        specific = (1 if self.pattern.objects else 0) + (1 if self.pattern.subjects else 0)
        return (0 if doomed else 1, 1 if self.trigger.particle else 0,
                1 if self.sources else 0, specific, 1 if self.targets else 0)


def _split_shared(src: list[Actor], tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """An actor found on both sides (a name the parser split over subject and object, "Kim" /
    "Jong-un") stays on the source side, where it is one of a coordination ("het verdrag met
    Canada werd door de EU en Canada ondertekend": a joint act), else where it is not the only
    one."""
    shared = {a.id for a in src} & {a.id for a in tgt}
    if not shared:
        return src, tgt
    rest = [a for a in src if a.id not in shared]
    if rest and len({a.id for a in tgt}) <= len(shared):
        return src, [a for a in tgt if a.id not in shared]
    if rest:
        return rest, tgt
    return src, [a for a in tgt if a.id not in shared]
