"""Bring the 2017 (UD 2.0) Dutch trees to the annotation of the current UD Dutch files.

Why: half of the syntax training text (the 2017 LassySmall train file and the 2017 Alpino news
subset) was converted from Alpino by an older script. On the ~1,600 sentences that occur in both
the 2017 file and the current LassySmall dev/test files, the two annotations agree on only 83% of
heads and 72% of labelled arcs: the old trees hang punctuation on the root, attach ``cc`` to the
first conjunct, write ``flat:name`` and ``det`` where the current ones write ``flat`` and
``nmod:poss``, have no ``obl:arg``/``obl:agent``/``expl:pv``, and make copular verbs other than
*zijn* a ``cop``. A parser trained on both learns two conventions and is scored against one.

Each rule below is checked on those parallel sentences (``--check``), which are training data
anyway: the held-out Alpino test file is never read here.
"""

from __future__ import annotations

import argparse
import collections
from collections.abc import Iterable
from pathlib import Path

Row = list[str]

POSSESSIVES = {"zijn", "hun", "haar", "ons", "onze", "mijn", "je", "jouw", "uw", "z'n", "m'n",
               "d'r", "jullie", "hum"}
FIXED_HEADS = {"ADP", "SCONJ", "ADV", "CCONJ", "PUNCT", "PRON"}
REFLEXIVES = {"zich", "zichzelf"}
PAIRED = {"(": ")", "[": "]", "«": "»", "„": "”", "“": "”", "‘": "’", "'": "'", '"': '"', ",,": "''"}


def _head(r: Row) -> int:
    return int(r[6]) if r[6].isdigit() else 0


def _kids(rows: list[Row]) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(rows, 1):
        kids[_head(r)].append(i)
    return kids


TO_VERB = {"nsubj", "nsubj:pass", "csubj", "csubj:pass", "aux", "aux:pass", "mark", "obl", "obl:agent",
           "advmod", "advcl", "conj", "cc", "punct", "expl", "expl:pv", "parataxis", "obj", "iobj",
           "ccomp", "xcomp", "orphan", "discourse", "vocative", "dislocated", "compound:prt"}


def _promote(rows: list[Row], v: int, moved: set[str]) -> None:
    """Make word ``v`` (a ``cop`` or ``aux``) the head of its clause: it takes its head's place,
    the old head becomes its ``xcomp`` and hands over its dependents labelled ``moved``."""
    r = rows[v - 1]
    x = _head(r)
    if not x:
        return
    old = rows[x - 1]
    r[6], r[7] = old[6], old[7]
    if r[3] == "AUX":
        r[3] = "VERB"
    old[6], old[7] = str(v), "xcomp"
    for k, kr in enumerate(rows, 1):
        if k != v and _head(kr) == x and kr[7] in moved:
            kr[6] = str(v)


def copular_verbs(rows: list[Row]) -> None:
    """Only *zijn* is a copula now: *worden*, *blijven*, *heten* ... head their clause and the
    predicate becomes their ``xcomp``, taking the clause-level dependents along to the verb."""
    for v, r in enumerate(rows, 1):
        if r[7] == "cop" and r[2].lower() != "zijn":
            _promote(rows, v, TO_VERB)


AUXILIARIES = {"zijn", "hebben", "worden", "zullen", "kunnen", "mogen", "moeten"}
AUX_TO_VERB = {"nsubj", "nsubj:pass", "csubj", "aux", "aux:pass", "mark", "cc", "conj", "punct",
               "parataxis", "discourse", "vocative"}


def verbs_not_auxiliaries(rows: list[Row]) -> None:
    """*willen*, *laten*, *gaan*, *blijken* ... are no longer auxiliaries: like the copulas,
    they head the clause and the infinitive is their ``xcomp``."""
    for v, r in enumerate(rows, 1):
        if r[7] == "aux" and r[2].lower() not in AUXILIARIES:
            _promote(rows, v, AUX_TO_VERB)


ObliqueLexicon = dict[tuple[str, str], tuple[int, int]]


def oblique_lexicon(sentences: Iterable[list[Row]]) -> ObliqueLexicon:
    """(head lemma, preposition) -> (times obl:arg, times obl) in current-scheme trees: the old
    trees have no ``obl:arg`` (Alpino's prepositional complement), which depends on the verb."""
    counts: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for rows in sentences:
        kids = _kids(rows)
        for i, r in enumerate(rows, 1):
            if r[7] in ("obl", "obl:arg") and _head(r):
                key = _oblique_key(rows, kids, i)
                if key:
                    counts[key][0 if r[7] == "obl:arg" else 1] += 1
    return {k: (a, b) for k, (a, b) in counts.items()}


def _oblique_key(rows: list[Row], kids: dict[int, list[int]], i: int) -> tuple[str, str] | None:
    case = [rows[k - 1][2].lower() for k in kids[i] if rows[k - 1][7] == "case"]
    if not case:
        return None
    return rows[_head(rows[i - 1]) - 1][2].lower().replace("_", ""), case[0]


def relabel(rows: list[Row], lexicon: ObliqueLexicon | None = None) -> None:
    """Label-only differences that follow from the word and its head."""
    kids = _kids(rows)
    for i, r in enumerate(rows, 1):
        if r[2].lower() == "als" and r[3] == "ADP":  # always SCONJ in the current files
            r[3] = "SCONJ"
        dep, h = r[7], _head(r)
        head = rows[h - 1] if h else None
        if dep == "flat:name" or (dep == "fixed" and head is not None and head[3] not in FIXED_HEADS):
            r[7] = "flat"
        elif dep == "det" and (r[2].lower() in POSSESSIVES and "Definite" not in r[5]
                               or r[3] == "PROPN"):
            r[7] = "nmod:poss"
            if r[3] == "DET":
                r[3] = "PRON"
        elif dep == "obl" and head is not None:
            cases = {rows[k - 1][2].lower() for k in kids[i] if rows[k - 1][7] == "case"}
            passive = any(rows[k - 1][7] == "aux:pass" for k in kids[h])
            if "door" in cases and passive:
                r[7] = "obl:agent"
            elif lexicon:
                key = _oblique_key(rows, kids, i)
                arg, adj = lexicon.get(key, (0, 0)) if key else (0, 0)
                if arg > adj:
                    r[7] = "obl:arg"
        elif dep == "nsubj" and head is not None and any(rows[k - 1][7] == "aux:pass" for k in kids[h]):
            r[7] = "nsubj:pass"
        elif dep == "obj" and r[2].lower() in REFLEXIVES:
            r[7] = "expl:pv"


def attach_cc(rows: list[Row]) -> None:
    """UD 2: a coordinating conjunction hangs on the conjunct that follows it."""
    kids = _kids(rows)
    for i, r in enumerate(rows, 1):
        if r[7] != "cc":
            continue
        h = _head(r)
        if h == 0 or h > i:
            continue
        later = [k for k in kids[h] if k > i and rows[k - 1][7] == "conj"]
        if later:
            r[6] = str(min(later))


def _ancestors(rows: list[Row], i: int) -> list[int]:
    out = []
    seen = set()
    while i and i not in seen:
        seen.add(i)
        out.append(i)
        i = _head(rows[i - 1])
    return out


def attach_punct(rows: list[Row]) -> None:
    """Punctuation on the highest word next to it whose subtree it can join without crossing
    an arc (the current Dutch trees' convention; paired marks on what they enclose)."""
    n = len(rows)
    punct = [i for i, r in enumerate(rows, 1) if r[7] == "punct"]
    if not punct or len(punct) == n:
        return
    # Take punctuation out first, so it cannot be a head or block a subtree.
    for r in rows:
        h = _head(r)
        if r[7] != "punct" and h and rows[h - 1][7] == "punct":
            r[6] = rows[h - 1][6]
    pset = set(punct)
    words = [i for i in range(1, n + 1) if i not in pset]
    pair: dict[int, tuple[int, int]] = {}  # either mark of a pair -> (opening, closing)
    stack: list[int] = []
    for i in punct:
        form = rows[i - 1][1]
        if stack and PAIRED.get(rows[stack[-1] - 1][1]) == form:
            o = stack.pop()
            pair[o] = pair[i] = (o, i)
        elif form in PAIRED:
            stack.append(i)
    for i in punct:
        # a paired mark goes on the head of what it encloses, any other between its neighbours
        cand = _enclosed_head(rows, *pair[i], pset) if i in pair else None
        if cand is None:
            cand = _neighbour_head(rows, i, words)
        if cand is not None:
            rows[i - 1][6] = str(cand)


def _enclosed_head(rows: list[Row], a: int, b: int, pset: set[int]) -> int | None:
    inside = [k for k in range(a + 1, b) if k not in pset]
    if not inside:
        return None
    # the word inside whose head is outside the span
    outside = [k for k in inside if not (a < _head(rows[k - 1]) < b)]
    return outside[0] if len(outside) == 1 else None


def _highest(rows: list[Row], word: int, i: int) -> int:
    """The highest ancestor of ``word`` that mark ``i`` can hang on without crossing an arc."""
    best = word
    for a in _ancestors(rows, word):
        best = a
        h = _head(rows[a - 1])
        if h == 0 or min(a, h) < i < max(a, h):
            break
    return best


def _neighbour_head(rows: list[Row], i: int, words: list[int]) -> int | None:
    """Where a mark between two phrases goes in the current trees: a mark that opens a phrase
    depending on what precedes it (an apposition, a clause), or that precedes a new clause, goes
    right; one that closes a phrase whose head still lies ahead (a fronted clause, a subject with
    an apposition) goes left, onto that phrase."""
    right = [w for w in words if w > i]
    left = [w for w in words if w < i]
    lhs = _highest(rows, left[-1], i) if left else None
    rhs = _highest(rows, right[0], i) if right else None
    if rhs is None or lhs is None:
        return lhs if rhs is None else rhs
    if _head(rows[rhs - 1]) == lhs or rows[rhs - 1][7] in ("conj", "parataxis"):
        return rhs
    if _head(rows[lhs - 1]) > i:
        return lhs
    return rhs


STEPS = ("copula", "modal", "labels", "cc", "punct")


def harmonise(rows: list[Row], lexicon: ObliqueLexicon | None = None,
              steps: Iterable[str] = STEPS) -> list[Row]:
    """A harmonised copy of one sentence's rows."""
    out = [list(r) for r in rows]
    if "copula" in steps:
        copular_verbs(out)
    if "modal" in steps:
        verbs_not_auxiliaries(out)
    if "labels" in steps:
        relabel(out, lexicon)
    if "cc" in steps:
        attach_cc(out)
    if "punct" in steps:
        attach_punct(out)
    return out


def parallel_sentences(data: Path) -> list[tuple[list[Row], list[Row], ObliqueLexicon]]:
    """(old tree, current tree, obl:arg lexicon) for every sentence in both the 2017 LassySmall
    file and a current LassySmall file; each lexicon comes from the *other* current file and
    Alpino dev, so checking the obl:arg rule is not circular."""
    from kroniek.nlp.conll import read_conllu, sentence_key

    ud = data / "ud-nl"
    files = ["nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"]
    by_file = {f: [r for _, r in read_conllu(ud / f)] for f in files}
    alpino_dev = [r for _, r in read_conllu(ud / "nl_alpino-ud-dev.conllu")]
    lex = {f: oblique_lexicon([r for g in files if g != f for r in by_file[g]] + alpino_dev) for f in files}
    new = {sentence_key(r): (r, f) for f, rs in by_file.items() for r in rs}
    return [(r, *new[sentence_key(r)][:1], lex[new[sentence_key(r)][1]])
            for _, r in read_conllu(ud / "nl_lassysmall-ud-train-v2.0-2017.conllu") if sentence_key(r) in new]


def agreement(pairs: list[tuple[list[Row], list[Row], ObliqueLexicon]], steps: Iterable[str],
              diffs: collections.Counter | None = None) -> tuple[float, float, float]:
    """Heads, labelled arcs and UPOS (%) on which the (harmonised) old trees agree with the current."""
    n = uas = las = upos = 0
    for old, cur, lex in pairs:
        for a, b in zip(harmonise(old, lex, steps), cur, strict=True):
            n += 1
            upos += a[3] == b[3]
            uas += a[6] == b[6]
            las += a[6] == b[6] and a[7] == b[7]
            if diffs is not None and (a[6] != b[6] or a[7] != b[7]):
                diffs[(a[7], b[7], "head" if a[6] != b[6] else "label")] += 1
    return 100 * uas / max(n, 1), 100 * las / max(n, 1), 100 * upos / max(n, 1)


def punct_self_agreement(data: Path) -> float:
    """Share (%) of the punctuation heads of the current LassySmall files that
    :func:`attach_punct` reproduces when it re-attaches their punctuation itself."""
    from kroniek.nlp.conll import read_conllu

    n = same = 0
    for f in ["nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu"]:
        for _, rows in read_conllu(data / "ud-nl" / f):
            redone = [list(r) for r in rows]
            attach_punct(redone)
            for a, b in zip(redone, rows, strict=True):
                if b[7] == "punct":
                    n += 1
                    same += a[6] == b[6]
    return 100 * same / max(n, 1)


def check(data: Path, steps: list[str]) -> None:
    print(f"punctuation rule on the current trees: {punct_self_agreement(data):.2f}% of heads reproduced")
    pairs = parallel_sentences(data)
    diffs: collections.Counter = collections.Counter()
    for label, st in [("as is", []), ("harmonised", steps)]:
        uas, las, upos = agreement(pairs, st, diffs if st else None)
        print(f"{label}: {len(pairs)} sentences: heads agree {uas:.2f}, labelled arcs {las:.2f}, "
              f"UPOS {upos:.2f}")
    print("most frequent remaining differences (old label, current label, what differs):")
    for k, v in diffs.most_common(25):
        print("   ", v, k)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--steps", default=",".join(STEPS))
    args = ap.parse_args()
    check(args.data, args.steps.split(","))


if __name__ == "__main__":
    main()
