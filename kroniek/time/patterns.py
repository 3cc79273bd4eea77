"""Find candidate temporal expressions: one regex per expression shape, built from the lexicon.

Each shape ("day month year", "N units ago", "part of month", ...) is written once here, in a
language-neutral way; the words come from ``dates.yaml``. Overlapping candidates are settled by
taking the longest at each position, so "zondag 27 mei 2018" wins over "27 mei" and "zondag".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kroniek.time.lexicon import Lexicon, alternation, lexicon

_B = r"(?<![\w])"  # start of a word
_E = r"(?![\w])"  # end of a word
YEAR = r"(?:1[5-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class Candidate:
    kind: str
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    def get(self, group: str) -> str | None:
        return self.match.groupdict().get(group)


def _month_pattern(lex: Lexicon) -> str:
    """Full names, and abbreviations that may carry a full stop."""
    by_num: dict[int, list[str]] = {}
    for name, num in (lex.raw.get("months") or {}).items():
        by_num.setdefault(int(num), []).append(str(name))
    full = [max(names, key=len) for names in by_num.values()]
    abbr = [n for names in by_num.values() for n in names if n not in full]
    cs = lex.is_case_sensitive("months")
    dot = r"\.?" if lex.raw.get("abbreviation_dot") else ""
    return f"(?:{alternation(full, cs)}|{alternation(abbr, cs)}{dot})"


def _weekday_pattern(lex: Lexicon) -> str:
    cs = lex.is_case_sensitive("weekdays")
    suffix = alternation(lex.words("weekday_suffixes"))
    after = alternation(lex.words("weekday_after_words"))
    return rf"(?P<wd>{alternation(lex.words('weekdays'), cs)})(?:{suffix})?(?:\s+{after})?"


@cache
def compiled(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (kind, regex) shapes of a language, in priority order for equal-length matches."""
    lex = lexicon(code)
    if lex is None:
        return ()
    m = f"(?P<mon>{_month_pattern(lex)})"
    ords = alternation(lex.words("ordinal_suffixes"))
    day = rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:{ords})?"
    y = f"(?P<year>{YEAR})"
    wd = _weekday_pattern(lex)
    wd_plain = f"(?P<wd>{alternation(lex.words('weekdays'), lex.is_case_sensitive('weekdays'))})"
    num = f"(?P<num>{lex.number_pattern()})"
    unit = f"(?P<unit>{alternation(lex.words('units'))})"
    shift = f"(?P<shift>{alternation(lex.words('period_shifts'))})"
    period = f"(?P<period>{alternation(lex.words('periods'))})"
    part = f"(?P<part>{alternation(lex.words('part_words'))})"
    conn = alternation(lex.words("part_connectors"))
    joiners = alternation(lex.words("day_month_joiners"))
    the = alternation(lex.words("day_prefixes"))  # "the 12th of June", "de 12e juni"
    shapes: list[tuple[str, str]] = [
        ("iso", r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        ("numeric", r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d]|\.\d)"),
        ("dmy", rf"(?:{wd_plain},?\s+)?(?:{the}\s+)?{day}\s+(?:{joiners}\s+)?{m}(?:,?\s+{y})?"),
        ("month_year", rf"{m}\s+{y}"),
        ("part_month", rf"{part}[\s-]*(?:{conn}\s+)?{m}(?:,?\s+{y})?"),
        ("part_year", rf"{part}[\s-]*(?:{conn}\s+)?{y}"),
        ("part_period", rf"{part}\s+(?:{conn}\s+)?{shift}\s+{period}"),
        ("rel_period", rf"(?P<rel>{alternation(lex.words('relative_parts'))})\s+{shift}\s+{period}"),
        ("wd_in_week", rf"{wd_plain}(?:{alternation(lex.words('weekday_suffixes'))})?\s+{shift}\s+(?P<period>{alternation([w for w, u in lex.periods.items() if u == 'week'])})"),
        ("wd_in_week", rf"{shift}\s+(?P<period>{alternation([w for w, u in lex.periods.items() if u == 'week'])})\s+{wd_plain}"),
        ("shift_period", rf"{shift}\s+{period}"),
        ("ago", rf"{num}\s+{unit}\s+(?P<ago>{alternation(lex.words('ago_after'))})"),
        ("ahead", rf"(?P<ahead>{alternation(lex.words('ahead_before'))})\s+{num}\s+{unit}"),
        ("ahead", rf"{num}\s+{unit}\s+(?P<ahead>{alternation(lex.words('ahead_after'))})"),
        ("weekday", rf"(?:(?P<before>{alternation(lex.words('weekday_before'))})\s+)?{wd}(?:\s+(?P<after>{alternation(lex.words('weekday_after'))}))?"),
        ("deictic", f"(?P<deictic>{alternation(lex.words('deictic'))})"),
        ("month", rf"(?P<cue>{alternation(lex.words('month_cues'))})\s+{m}"),
        ("year", rf"(?P<cue>{alternation(lex.words('year_cues'))})\s+{y}"),
        ("fallback", rf"(?P<day>3[01]|[12]\d|0?[1-9])\s+(?P<word>[^\W\d_]{{3,12}}\.?)\s+{y}"),
    ]
    if lex.raw.get("month_day"):
        shapes.insert(3, ("mdy", rf"(?:{wd_plain},?\s+)?{m}\s+{day}(?:,?\s+{y})?"))
    out = []
    for kind, body in shapes:
        # a trailing "." may end an abbreviation or the sentence: never demand a word boundary after it
        out.append((kind, re.compile(f"{_B}(?:{body})(?:(?<=\\.)|{_E})", re.I)))
    return tuple(out)


DIGITS = "<digits>"
_WORD = re.compile(r"\w+")


def _firsts(words: list[str]) -> set[str]:
    return {re.split(r"[\s\-]+", w.strip().lower())[0] for w in words if w.strip()} - {""}


@cache
def starts(code: str) -> dict[str, tuple[int, ...]]:
    """For each word a match can begin with, the shapes worth trying there.

    Trying every shape at every position costs a few milliseconds per article; trying only the
    shapes whose first word is present costs a tenth of that.
    """
    lex = lexicon(code)
    if lex is None:
        return {}
    wd, mon = _firsts(lex.words("weekdays")), _firsts(lex.words("months"))
    spec = lex.raw.get("numbers") or {}
    compounds = [str(spec.get("compound", "")).format(unit=u, ten=t, joiner=j)
                 for u in spec.get("units") or {} for t in spec.get("tens") or {}
                 for j in spec.get("joiners") or []] if spec.get("compound") else []
    nums = _firsts(list(lex.numbers)) | _firsts(compounds)
    shift = _firsts(lex.words("period_shifts"))
    by_kind: dict[str, set[str]] = {
        "iso": {DIGITS}, "numeric": {DIGITS}, "fallback": {DIGITS},
        "dmy": wd | _firsts(lex.words("day_prefixes")) | {DIGITS}, "mdy": wd | mon, "month_year": mon,
        "part_month": _firsts(lex.words("part_words")), "part_year": _firsts(lex.words("part_words")),
        "part_period": _firsts(lex.words("part_words")), "rel_period": _firsts(lex.words("relative_parts")),
        "wd_in_week": wd | shift, "shift_period": shift, "ago": nums | {DIGITS},
        "ahead": _firsts(lex.words("ahead_before")) | nums | {DIGITS},
        "weekday": wd | _firsts(lex.words("weekday_before")),
        "deictic": _firsts(lex.words("deictic")), "month": _firsts(lex.words("month_cues")),
        "year": _firsts(lex.words("year_cues")),
    }
    out: dict[str, list[int]] = {}
    for i, (kind, _) in enumerate(compiled(code)):
        for word in by_kind.get(kind, set()):
            out.setdefault(word, []).append(i)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _word_key(word: str, lex_starts: dict[str, tuple[int, ...]], suffixes: tuple[str, ...]) -> str:
    low = word.lower()
    if low.isdigit():
        return DIGITS
    if low in lex_starts:
        return low
    for suf in suffixes:  # "dinsdagavond" starts like "dinsdag"; "vijfentwintig" like a number
        if suf and low.endswith(suf) and low[: -len(suf)] in lex_starts:
            return low[: -len(suf)]
    return low


def candidates(text: str, code: str) -> list[Candidate]:
    """Non-overlapping candidates in text order; the longest wins where two overlap."""
    found: list[tuple[int, int, int, Candidate]] = []
    shapes = compiled(code)
    table = starts(code)
    lex = lexicon(code)
    suffixes = tuple(lex.words("weekday_suffixes")) if lex else ()
    for word in _WORD.finditer(text):
        key = _word_key(word.group(0), table, suffixes)
        for prio in table.get(key, ()):
            kind, rx = shapes[prio]
            mt = rx.match(text, word.start())
            if mt is None:
                continue
            # a cue word ("in", "sinds") only licenses the match: it does not make it longer
            core = mt.end("cue") if mt.groupdict().get("cue") is not None else mt.start()
            found.append((-(mt.end() - core), prio, core, Candidate(kind, mt)))
    found.sort(key=lambda t: t[:3])
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for _, _, core, cand in found:
        if not any(taken[core:cand.end]):
            chosen.append(cand)
            taken[core:cand.end] = b"\x01" * (cand.end - core)
    chosen.sort(key=lambda c: c.start)
    return chosen
