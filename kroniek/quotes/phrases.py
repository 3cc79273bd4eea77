"""Speaker noun phrases and speech cues over a token list, with no parser.

A speaker phrase is either a run of capitalised words (with name particles: "Ursula von der
Leyen") or a phrase that opens with a determiner or a speaker noun ("de Russische minister van
Buitenlandse Zaken", "premier Rutte"); it ends at punctuation, a quote, or any word the
language lists as a phrase stop (prepositions, time words, verbs, relative pronouns).
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.quotes.cues import Cues
from kroniek.quotes.tokens import Tok

MAX_PHRASE = 14
PARTICLE_REACH = 8


@dataclass(frozen=True)
class Cue:
    i: int  # first token of the cue
    j: int  # token after the cue word(s) (before a separable particle)
    kind: str  # "verb", "after" (aldus X) or "according" (volgens X, according to X)
    particle: int = -1  # index of a separable verb's particle


def _stop(t: Tok, cues: Cues) -> bool:
    """A phrase stop; an acronym never is one ("WHO", "US" are names, not "who", "us")."""
    if len(t.text) > 1 and t.text.isupper():
        return False
    return cues.stop(t.lower)


def _possessive(low: str) -> bool:
    return low.endswith(("'s", "’s"))


def _initial(t: Tok) -> bool:
    return t.kind == "w" and len(t.text) == 1 and t.text.isupper()


def _starts_phrase(toks: list[Tok], i: int, j: int, cues: Cues) -> bool:
    t = toks[i]
    low = t.lower
    if t.kind != "w" or _stop(t, cues) and low not in cues.pronouns:
        return False
    if not t.cap and low in cues.name_particles and low not in cues.determiners:  # "von der Leyen"
        k = i
        while k < j and toks[k].lower in cues.name_particles:
            k += 1
        return k < j and toks[k].cap
    return (t.cap or low in cues.pronouns or low in cues.determiners
            or _speaker_noun(low, cues)
            or (i + 1 < j and _speaker_noun(toks[i + 1].lower, cues)))


def _speaker_noun(low: str, cues: Cues) -> bool:
    return low in cues.speaker_nouns or low.rsplit("-", 1)[-1] in cues.speaker_nouns


def np_forward(toks: list[Tok], i: int, cues: Cues, limit: int | None = None,
               appositive: bool = True) -> tuple[int, int] | None:
    """The speaker phrase that starts at token ``i``, as ``(i, end)``, or None.

    Three shapes: a determiner phrase ("de Russische minister van Buitenlandse Zaken"), a
    title before a name ("premier Rutte", "opposition leader Alexei Navalny") and a name
    ("Sergej Lavrov", "Iranian officials"); an apposition between commas joins the phrase
    ("de minister, Sergej Lavrov,").
    """
    n = len(toks) if limit is None else min(limit, len(toks))
    if i >= n or toks[i].kind != "w":
        return None
    low = toks[i].lower
    if low in cues.pronouns:
        return (i, i + 1)
    nxt = toks[i + 1] if i + 1 < n and toks[i + 1].kind == "w" else None
    det = (low in cues.determiners and low not in cues.complementizers and nxt is not None
           and not _stop(nxt, cues))
    # a title before a name: "premier Rutte", "opposition leader X", "klimaatwetenschapper X"
    title = not det and not _stop(toks[i], cues) and (_speaker_noun(low, cues) or (
        not toks[i].cap and nxt is not None
        and (_speaker_noun(nxt.lower, cues) or (nxt.cap and not _stop(nxt, cues)))))
    if not (det or title) and (_stop(toks[i], cues) or not toks[i].cap):
        return None
    head = _speaker_noun(low, cues)  # once a speaker noun heads the phrase, "de politie goed"
    after_particle = False  # ends before "goed", while "van de verdachte" goes on
    j = i + 1
    while j < n and j - i < MAX_PHRASE:
        t = toks[j]
        if t.kind != "w":
            if t.text == "." and _initial(toks[j - 1]) and j + 1 < n and toks[j + 1].cap:
                j += 1
                continue
            break
        low = t.lower
        if low in cues.joiners or (low in cues.name_particles and not det):
            k = j + 1 if low in cues.joiners else j
            while k < n and toks[k].kind == "w" and toks[k].lower in cues.name_particles:
                k += 1
            if k < n and toks[k].kind == "w" and not _stop(toks[k], cues) and (
                    toks[k].cap or (low in cues.joiners and det and toks[k].lower in cues.determiners)):
                j = k + 1
                continue
            break
        if _stop(t, cues) or low in cues.pronouns:
            break
        if not det and not t.cap and not _speaker_noun(low, cues):
            break
        if det and head and not (t.cap or after_particle or _speaker_noun(low, cues)
                                 or low in cues.name_particles or _possessive(low)):
            break
        if _speaker_noun(low.removesuffix("'s").removesuffix("’s"), cues):
            head = True
        if _possessive(low):
            head = False  # "the prime minister's office": the phrase goes on to its own head
        after_particle = low in cues.name_particles
        j += 1
    if appositive and j + 1 < n and toks[j].text == "," and toks[i].lower not in cues.pronouns:
        second = np_forward(toks, j + 1, cues, limit, appositive=False)
        if second is not None and toks[j + 1].lower not in cues.pronouns and (
                second[1] >= n or toks[second[1]].text in {",", ".", "!", "?", ";"}) and (
                toks[j + 1].cap or any(_speaker_noun(t.lower, cues)
                                       for t in toks[second[0]:second[1]])):
            return (i, second[1])
    return (i, j)


def _walk_back(toks: list[Tok], j: int, cues: Cues, lo: int) -> tuple[int, int] | None:
    i = j
    while i - 1 >= lo:
        t = toks[i - 1]
        if t.kind != "w":
            if t.text == "." and i - 2 >= lo and _initial(toks[i - 2]):
                i -= 1
                continue
            break
        low = t.lower
        if low in cues.pronouns:
            if i == j:
                i -= 1
            break
        if _stop(t, cues):
            break
        i -= 1
    while i < j and not _starts_phrase(toks, i, j, cues):
        i += 1
    if i == j:
        return None
    if i - 1 >= lo and toks[i - 1].kind == "w" and toks[i - 1].lower in cues.prepositions:
        return None
    return (i, j)


def np_backward(toks: list[Tok], v: int, cues: Cues, lo: int = 0) -> tuple[int, int] | None:
    """The subject phrase that ends right before the verb at ``v`` (auxiliaries and time
    adverbs between them skipped), or None when none stands there. "Sunak, the British prime
    minister, said" gives the whole apposition."""
    j = v
    while j - 1 >= lo and toks[j - 1].kind == "w" and toks[j - 1].lower in cues.skip_before_verb:
        j -= 1
    if j - 1 >= lo and toks[j - 1].text == ",":
        second = _walk_back(toks, j - 1, cues, lo)
        if second and second[0] - 1 > lo and toks[second[0] - 1].text == ",":
            first = _walk_back(toks, second[0] - 1, cues, lo)
            if first is not None:
                return (first[0], second[1])
        return None
    return _walk_back(toks, j, cues, lo)


def find_cues(toks: list[Tok], lo: int, hi: int, cues: Cues) -> list[Cue]:
    out: list[Cue] = []
    for i in range(lo, min(hi, len(toks))):
        t = toks[i]
        if t.kind != "w":
            continue
        low = t.lower
        if t.cap and i > 0 and toks[i - 1].kind == "w":
            continue  # inside a name: "the United States", "Says Law"
        if low in cues.verbs:
            out.append(Cue(i, i + 1, "verb"))
        elif low in cues.separable:
            for k in range(i + 1, min(i + 1 + PARTICLE_REACH, hi, len(toks))):
                if toks[k].kind != "w":
                    break
                if toks[k].lower in cues.separable[low]:
                    out.append(Cue(i, i + 1, "verb", k))
                    break
        elif low in cues.after_only:
            out.append(Cue(i, i + 1, "after"))
        else:
            for seq in cues.according:
                words = [x.lower for x in toks[i:i + len(seq)]]
                if tuple(words) == seq:
                    out.append(Cue(i, i + len(seq), "according"))
    return out


def _inverted(toks: list[Tok], span: tuple[int, int], cues: Cues) -> bool:
    """Whether the phrase after a verb-second verb is its subject (a pronoun or a speaker
    noun phrase), so the single word before the verb was only a fronted adverb."""
    first = toks[span[0]]
    if first.lower in cues.pronouns:
        return True
    return (first.lower in cues.determiners
            and any(_speaker_noun(t.lower, cues) for t in toks[span[0]:span[1]]))


def subject(toks: list[Tok], cue: Cue, cues: Cues, lo: int = 0,
            hi: int | None = None) -> tuple[tuple[int, int], str] | None:
    """The speaker of ``cue``: ``((start, end), "back" | "fwd")`` in token indices."""
    if cue.kind in ("after", "according"):
        f = np_forward(toks, cue.j, cues, hi)
        return (f, "fwd") if f else None
    b = np_backward(toks, cue.i, cues, lo)
    f = np_forward(toks, cue.j, cues, hi)
    if b and f and cues.verb_second and b == (lo, lo + 1) and _inverted(toks, f, cues):
        return (f, "fwd")  # "Daarnaast zei hij", "Vervolgens zei de minister"
    if b:
        return (b, "back")
    if f:
        return (f, "fwd")
    return None


def addressee(toks: list[Tok], cue: Cue, speaker: tuple[tuple[int, int], str],
              cues: Cues, hi: int | None = None) -> tuple[int, int] | None:
    """Who was spoken to: "told reporters", "tegen zijn collega Ri Yong Ho"."""
    span, how = speaker
    if how == "back" and toks[cue.i].lower in cues.object_verbs:
        return np_forward(toks, cue.j, cues, hi)
    k = span[1] if how == "fwd" else cue.j
    n = len(toks) if hi is None else min(hi, len(toks))
    steps = 0
    while k < n and steps < 4 and toks[k].kind == "w":
        low = toks[k].lower
        if low in cues.addressee_preps:
            return np_forward(toks, k + 1, cues, hi)
        if low in cues.skip_before_verb or low in cues.np_stops or low in cues.verbs:
            k += 1
            steps += 1
            continue
        break
    return None
