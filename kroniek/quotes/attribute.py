"""Who said a direct quote: the cue right after it, the cue before it in its sentence, the
sentence after it ("Dat zei Lavrov."), a sentence before it that ends in a colon, and last the
speaker of the quote it continues."""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.quotes.cues import Cues
from kroniek.quotes.marks import Segment
from kroniek.quotes.phrases import Cue, addressee, find_cues, np_backward, np_forward, subject
from kroniek.quotes.tokens import Tok

_POST_PUNCT = {",", ";", ":", "–", "—", "-"}
ANAPHORIC_REACH = 4  # "Dat heeft Lavrov gezegd": the cue within this many tokens


@dataclass(frozen=True)
class Attribution:
    speaker: tuple[int, int]  # character span of the speaker as written
    addressee: tuple[int, int] | None = None


def _chars(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    return toks[span[0]].start, toks[span[1] - 1].end


def from_cue(toks: list[Tok], cue: Cue, cues: Cues, lo: int, hi: int) -> Attribution | None:
    subj = subject(toks, cue, cues, lo, hi)
    if subj is None:
        return None
    adr = addressee(toks, cue, subj, cues, hi)
    return Attribution(_chars(toks, subj[0]), _chars(toks, adr) if adr else None)


def _next_q(toks: list[Tok], k: int) -> int:
    for i in range(k, len(toks)):
        if toks[i].kind == "q":
            return i
    return len(toks)


def after(toks: list[Tok], qi: int, cues: Cues) -> Attribution | None:
    """A cue that directly follows the quote: ", zei Lavrov", ", Lavrov said", ", aldus X"."""
    k = qi + 1
    while k < len(toks) and ((toks[k].kind == "p" and toks[k].text in _POST_PUNCT)
                             or (toks[k].kind == "w" and toks[k].lower in cues.post_lead)):
        k += 1
    if k >= len(toks) or toks[k].kind != "w":
        return None
    hi = _next_q(toks, k)
    found = find_cues(toks, k, hi, cues)
    if not found:
        return None
    cue = found[0]
    if cue.i == k:
        return from_cue(toks, cue, cues, k, hi)
    if cue.kind == "verb":
        back = np_backward(toks, cue.i, cues, k)
        if back and back[0] == k:
            adr = addressee(toks, cue, (back, "back"), cues, hi)
            return Attribution(_chars(toks, back), _chars(toks, adr) if adr else None)
    return None


def before(toks: list[Tok], qi: int, cues: Cues) -> Attribution | None:
    """The nearest cue before the quote in its sentence ("Lavrov zei:", "zei dat Poetin …"),
    else the subject of a sentence that introduces the quote with a colon."""
    for cue in reversed(find_cues(toks, 0, qi, cues)):
        if cue.kind == "after":
            continue
        att = from_cue(toks, cue, cues, 0, qi)
        if att is not None:
            return att
    if qi > 0 and toks[qi - 1].text == ":":
        first = next((i for i in range(qi) if toks[i].kind == "w"), None)
        if first is not None:
            f = np_forward(toks, first, cues, qi)
            if f is not None:
                return Attribution(_chars(toks, f))
    return None


def anaphoric(toks: list[Tok], cues: Cues) -> Attribution | None:
    """A sentence that points back at the quote before it: "Dat zei Lavrov.", "Aldus X."."""
    if not toks or toks[0].kind != "w" or toks[0].lower not in cues.anaphoric:
        return None
    if toks[0].lower in cues.after_only:
        f = np_forward(toks, 1, cues)
        return Attribution(_chars(toks, f)) if f else None
    reach = ANAPHORIC_REACH
    if any(t.lower in cues.anaphoric_bridge for t in toks[1:ANAPHORIC_REACH]):
        reach = len(toks)  # "That is what Hungarian Prime Minister Viktor Orbán said"
    for cue in find_cues(toks, 1, min(len(toks), reach + 1), cues):
        if any(t.kind != "w" for t in toks[1:cue.i]):
            break
        att = from_cue(toks, cue, cues, 1, len(toks))
        if att is not None:
            return att
    return None


def attribute(text: str, segs: list[Segment], sent_toks: list[list[Tok]],
              cues: Cues) -> list[Attribution | None]:
    """One attribution (or None) per quote segment."""
    where: dict[int, tuple[int, int]] = {}
    for si, toks in enumerate(sent_toks):
        for ti, t in enumerate(toks):
            if t.kind == "q":
                where[t.seg] = (si, ti)
    out: list[Attribution | None] = [None] * len(segs)
    for k in range(len(segs)):
        if k not in where:
            continue
        si, qi = where[k]
        toks = sent_toks[si]
        att = after(toks, qi, cues) or before(toks, qi, cues)
        bare_start = all(t.kind == "p" for t in toks[:qi])
        bare_end = all(t.kind == "p" for t in toks[qi + 1:])
        if att is None and bare_end and si + 1 < len(sent_toks):
            att = anaphoric(sent_toks[si + 1], cues)
        if att is None and bare_start and si > 0:
            prev = sent_toks[si - 1]
            if prev and prev[-1].text == ":":
                att = before(prev, len(prev), cues)
        out[k] = att
    _inherit(text, segs, where, out)
    return out


def _inherit(text: str, segs: list[Segment], where: dict[int, tuple[int, int]],
             out: list[Attribution | None]) -> None:
    """Paragraphs of one quote share its speaker; so does a quote that follows another in the
    same paragraph with no cue of its own ("“…,” zei hij. “…”")."""
    chains: dict[int, Attribution] = {}
    for k, seg in enumerate(segs):
        if seg.chain is not None and out[k] is not None:
            chains.setdefault(seg.chain, out[k])  # type: ignore[arg-type]
    for k, seg in enumerate(segs):
        if out[k] is None and seg.chain is not None and seg.chain in chains:
            out[k] = chains[seg.chain]
    for k in range(1, len(segs)):
        if out[k] is not None or out[k - 1] is None or k not in where:
            continue
        between = text[segs[k - 1].end:segs[k].start]
        if "\n" not in between and where.get(k - 1, (-1, -1))[0] >= where[k][0] - 1:
            out[k] = out[k - 1]
