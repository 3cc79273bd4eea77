"""Reported speech without quote marks: "Lavrov zei dat …", "Lavrov said (that) …",
"Volgens Lavrov …", "…, aldus Lavrov", "…, Lavrov said"."""

from __future__ import annotations

from collections.abc import Callable

from kroniek.quotes.attribute import Attribution, from_cue
from kroniek.quotes.cues import Cues
from kroniek.quotes.phrases import addressee, find_cues, np_backward, np_forward, subject
from kroniek.quotes.tokens import Tok

COMPLEMENTIZER_REACH = 10  # "zei woensdag tegen journalisten in Moskou dat"
_TERMINAL = {".", "!", "?", "…", ";"}

Speakerish = Callable[[int, int], bool]
Reported = tuple[tuple[int, int], Attribution]  # character span of the clause, its speaker


def _clause(toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    while a < b and toks[a].kind == "p":
        a += 1
    while b > a and toks[b - 1].kind == "p":
        b -= 1
    if b - a < 2 and not (b - a == 1 and toks[a].kind == "w"):
        return None
    if b - a == 1:
        return None
    return toks[a].start, toks[b - 1].end


def _end(toks: list[Tok]) -> int:
    end = len(toks)
    while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in _TERMINAL:
        end -= 1
    return end


def _with_complementizer(toks: list[Tok], end: int, cues: Cues) -> list[Reported]:
    out: list[Reported] = []
    covered = -1
    for cue in find_cues(toks, 0, end, cues):
        if cue.kind != "verb" or cue.i < covered:
            continue
        start = cue.particle + 1 if cue.particle >= 0 else cue.j
        comp = None
        for k in range(start, min(end, start + COMPLEMENTIZER_REACH)):
            if toks[k].kind != "w":
                break
            if toks[k].lower in cues.complementizers:
                comp = k
                break
        if comp is not None:
            att = from_cue(toks, cue, cues, 0, comp)
            span = _clause(toks, comp + 1, end)
            if att is not None and span is not None:
                out.append((span, att))
                covered = end
            continue
        if toks[cue.i].lower in cues.bare_clause_verbs:
            rep = _bare(toks, cue, end, cues)
            if rep is not None:
                out.append(rep)
                covered = end
    return out


def _bare(toks: list[Tok], cue, end: int, cues: Cues) -> Reported | None:  # type: ignore[no-untyped-def]
    """English "Lavrov said the talks were useful": no "that", the clause follows the verb."""
    subj = subject(toks, cue, cues, 0, end)
    if subj is None or subj[1] != "back":
        return None
    k = cue.j
    adr = None
    if toks[cue.i].lower in cues.object_verbs:
        adr = np_forward(toks, k, cues, end)
        if adr is None:
            return None
        k = adr[1]
    if k >= end or toks[k].kind != "w" or end - k < 3:
        return None
    low = toks[k].lower
    if not (low in cues.bare_clause_starters or (toks[k].cap and not cues.stop(low))):
        return None
    span = _clause(toks, k, end)
    if span is None:
        return None
    sp = (toks[subj[0][0]].start, toks[subj[0][1] - 1].end)
    ad = (toks[adr[0]].start, toks[adr[1] - 1].end) if adr else None
    return span, Attribution(sp, ad)


def _according(toks: list[Tok], end: int, cues: Cues, speakerish: Speakerish) -> list[Reported]:
    out: list[Reported] = []
    for cue in find_cues(toks, 0, end, cues):
        if cue.kind != "according":
            continue
        f = np_forward(toks, cue.j, cues, end)
        if f is None or not speakerish(toks[f[0]].start, toks[f[1] - 1].end):
            continue
        att = Attribution((toks[f[0]].start, toks[f[1] - 1].end))
        first = next((i for i in range(end) if toks[i].kind == "w"), 0)
        if cue.i == first:  # "Volgens Lavrov is …", "According to Lavrov, …"
            span = _clause(toks, f[1], end)
        elif f[1] >= end and cue.i > 0 and toks[cue.i - 1].text == ",":  # "…, volgens Lavrov."
            if any(c.kind != "according" for c in find_cues(toks, 0, cue.i, cues)):
                continue  # already a speech report: "“…,” Macron told his Cabinet, according to …"
            span = _clause(toks, 0, cue.i - 1)
        else:  # "Het plan is volgens Lavrov onhaalbaar."
            span = _clause(toks, 0, end)
        if span is not None:
            out.append((span, att))
            break
    return out


def _tail(toks: list[Tok], end: int, cues: Cues) -> list[Reported]:
    """"De gesprekken waren nuttig, zei Lavrov." / "…, aldus Lavrov." / "…, Lavrov said."."""
    commas = [i for i in range(end) if toks[i].text == ","]
    if not commas:
        return []
    m = commas[-1]
    found = [c for c in find_cues(toks, m + 1, end, cues) if c.kind != "according"]
    if not found or any(t.kind == "q" for t in toks[m + 1:end]):
        return []
    cue = found[0]
    att = None
    if cue.i == m + 1:
        att = from_cue(toks, cue, cues, m + 1, end)
    elif cue.kind == "verb":
        back = np_backward(toks, cue.i, cues, m + 1)
        if back and back[0] == m + 1:
            adr = addressee(toks, cue, (back, "back"), cues, end)
            att = Attribution((toks[back[0]].start, toks[back[1] - 1].end),
                              (toks[adr[0]].start, toks[adr[1] - 1].end) if adr else None)
    if att is None or any(toks[k].lower in cues.complementizers for k in range(cue.j, end)):
        return []
    if find_cues(toks, 0, m, cues):
        return []  # the clause reports speech itself ("“…,” Macron told his Cabinet, …")
    span = _clause(toks, 0, m)
    if span is None or sum(t.kind == "w" for t in toks[:m]) < 3:
        return []
    return [(span, att)]


def reported(toks: list[Tok], cues: Cues, speakerish: Speakerish) -> list[Reported]:
    """The reported clauses of one sentence (at most one per cue)."""
    if not toks:
        return []
    end = _end(toks)
    found = _with_complementizer(toks, end, cues)
    if not found:
        found = _according(toks, end, cues, speakerish)
    if not found:
        found = _tail(toks, end, cues)
    return found
