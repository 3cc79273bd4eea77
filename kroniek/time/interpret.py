"""Turn one candidate expression into a value and an honest precision.

Absolute dates with a year need no document date. Everything else is computed from the
document date (:class:`Anchor`) and, where the wording leaves the direction open (a bare weekday,
month or day-and-month), from the tense of its clause. Returns None when there is no honest
answer, e.g. a relative expression in an undated document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kroniek.model import Precision
from kroniek.time.calendar import Anchor, add_months, fmt, safe_date, week_monday
from kroniek.time.fallback import parse_absolute
from kroniek.time.lexicon import Lexicon, wordset
from kroniek.time.patterns import Candidate
from kroniek.time.tense import Direction

Result = tuple[str, Precision, int, int]  # value, precision, start, end
DirectionOf = Callable[[int, int], Direction]
_WORD = re.compile(r"[\w'.]+$")


def _previous_word(text: str, start: int) -> str:
    m = _WORD.search(text[max(0, start - 30):start].rstrip())
    return m.group(0).lower() if m else ""


def _month(lex: Lexicon, word: str) -> int | None:
    value = lex.months.get(word.lower().rstrip("."))
    return int(value) if value is not None else None


def _by_direction(anchor: Anchor, options: list[dt.date], direction: Direction) -> dt.date:
    """The occurrence nearest the document date, unless the tense says which side it is on."""

    def side(d: dt.date) -> int:
        if anchor.precision == "day":
            return (d > anchor.day) - (d < anchor.day)
        here, there = anchor.month_index(), d.year * 12 + d.month - 1
        return (there > here) - (there < here)

    nearest = min(options, key=lambda d: (abs((d - anchor.day).days), d))
    wanted = {"past": -1, "future": 1}.get(direction or "", 0)
    if wanted and side(nearest) == -wanted:
        same_side = [d for d in options if side(d) in (0, wanted)]
        if same_side:
            return min(same_side, key=lambda d: abs((d - anchor.day).days))
    return nearest


def _day_month(cand: Candidate, lex: Lexicon, anchor: Anchor | None,
               direction: DirectionOf) -> tuple[str, Precision] | None:
    mon = _month(lex, cand.get("mon") or "")
    day = int(cand.get("day") or 0)
    if mon is None:
        return None
    if cand.get("year"):
        d = safe_date(int(cand.get("year") or 0), mon, day)
        return fmt(d, "day") if d else None
    if anchor is None:
        return None
    if anchor.precision == "year":
        d = safe_date(anchor.day.year, mon, day)
        return fmt(d, "day") if d else None
    options = [d for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
               if (d := safe_date(y, mon, day))]
    wd = cand.get("wd")
    if wd is not None and lex.weekdays.get(wd.lower()) is not None:
        matching = [d for d in options if d.weekday() == lex.weekdays[wd.lower()]]
        options = matching or options
    if not options:
        return None
    return fmt(_by_direction(anchor, options, direction(cand.start, cand.end)), "day")


def _bare_month(mon: int, anchor: Anchor, explicit: str | None, tense: Direction) -> dt.date:
    if anchor.precision == "year":
        shift = {"past": -1, "future": 1}.get(explicit or "", 0)
        return dt.date(anchor.day.year + shift, mon, 1)
    here = anchor.month_index()
    options = [y * 12 + mon - 1 for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)]
    if explicit == "past":
        target = max(t for t in options if t < here)
    elif explicit == "future":
        target = min(t for t in options if t > here)
    elif tense == "past":
        target = max(t for t in options if t <= here)
    elif tense == "future":
        target = min(t for t in options if t >= here)
    else:
        target = anchor.day.year * 12 + mon - 1
    return dt.date(target // 12, target % 12 + 1, 1)


def _amount(lex: Lexicon, cand: Candidate) -> tuple[int, Precision] | None:
    """An offset as (days or months, precision): weeks count in days, years in months."""
    num = lex.number(cand.get("num") or "")
    unit = lex.units.get(Lexicon.key(cand.get("unit") or ""))
    if num is None or unit is None:
        return None
    if unit == "day":
        return round(num), "day"
    if unit in ("week", "fortnight"):
        return round(num * (7 if unit == "week" else 14)), "day"
    if unit == "month":
        return round(num), "month"
    if unit == "halfyear":
        return round(num * 6), "month"
    return round(num * 12), "year"


def _shifted(anchor: Anchor, amount: int, precision: Precision) -> tuple[str, Precision]:
    if precision == "day":
        return anchor.emit(anchor.day + dt.timedelta(days=amount), "day")
    return anchor.emit(add_months(anchor.day, amount), precision)


def _period(lex: Lexicon, cand: Candidate, anchor: Anchor) -> tuple[str, Precision] | None:
    shift = lex.period_shifts.get(Lexicon.key(cand.get("shift") or ""))
    unit = lex.periods.get(Lexicon.key(cand.get("period") or ""))
    if shift is None or unit is None:
        return None
    if unit == "year":
        return fmt(dt.date(anchor.day.year + shift, 1, 1), "year")
    if unit == "month":
        return anchor.emit(add_months(anchor.day, shift), "month")
    # a week has no month of its own: take the month most of it lies in (its Thursday)
    thursday = week_monday(anchor.day + dt.timedelta(weeks=shift)) + dt.timedelta(days=3)
    return anchor.emit(thursday, "month")


def _weekday(lex: Lexicon, cand: Candidate, anchor: Anchor, tense: Direction) -> tuple[str, Precision]:
    wd = lex.weekdays[(cand.get("wd") or "").lower()]
    explicit = None
    for key, table in (("before", lex.weekday_before), ("after", lex.weekday_after)):
        if cand.get(key):
            explicit = table.get(Lexicon.key(cand.get(key) or ""))
    if anchor.precision != "day":
        return anchor.emit(anchor.day, "day")
    back = (anchor.day.weekday() - wd) % 7
    ahead = (wd - anchor.day.weekday()) % 7
    if explicit == "past":
        offset = -(back or 7)
    elif explicit == "future":
        offset = ahead or 7
    elif explicit == "near" and tense is None:
        offset = -back if back <= ahead else ahead
    elif tense == "future":
        offset = ahead
    else:  # news reports the past: a weekday with no cue is the one just gone (or today)
        offset = -back
    return fmt(anchor.day + dt.timedelta(days=offset), "day")


def interpret(cand: Candidate, text: str, lex: Lexicon, anchor: Anchor | None,
              direction: DirectionOf) -> Result | None:
    """The resolved value of ``cand``, or None when it cannot be had honestly."""
    kind, start, end = cand.kind, cand.start, cand.end
    order = str(lex.raw.get("numeric_order", "DMY")).upper()
    if kind == "iso":
        d = safe_date(int(cand.get("year") or 0), int(cand.get("m") or 0), int(cand.get("d") or 0))
        return (*fmt(d, "day"), start, end) if d else None
    if kind == "numeric":
        a, b, c = int(cand.get("a") or 0), int(cand.get("b") or 0), cand.get("c") or ""
        if len(c) == 2:
            parsed = parse_absolute(text[start:end], lex.code, order)
            return (*parsed, start, end) if parsed else None
        day, mon = (b, a) if order.startswith("M") else (a, b)
        if mon > 12 >= day:
            day, mon = mon, day
        d = safe_date(int(c), mon, day)
        return (*fmt(d, "day"), start, end) if d else None
    if kind in ("dmy", "mdy"):
        got = _day_month(cand, lex, anchor, direction)
        return (*got, start, end) if got else None
    if kind == "month_year" or (kind == "part_month" and cand.get("year")):
        mon = _month(lex, cand.get("mon") or "")
        return (f"{int(cand.get('year') or 0):04d}-{mon:02d}", "month", start, end) if mon else None
    if kind in ("part_year", "year"):
        s = cand.match.start("year")
        return (cand.get("year") or "", "year", start if kind == "part_year" else s, end)
    if kind == "fallback":
        parsed = parse_absolute(text[start:end], lex.code, order)
        return (*parsed, start, end) if parsed else None
    if anchor is None:
        return None  # everything below is relative to the document date
    return _relative(kind, cand, text, lex, anchor, direction)


def _relative(kind: str, cand: Candidate, text: str, lex: Lexicon, anchor: Anchor,
              direction: DirectionOf) -> Result | None:
    start, end = cand.start, cand.end
    before = _previous_word(text, start)
    if kind == "part_month":
        mon = _month(lex, cand.get("mon") or "")
        if mon is None:
            return None
        d = _bare_month(mon, anchor, None, direction(start, end))
        return (*fmt(d, "month"), start, end)
    if kind == "month":
        mon = _month(lex, cand.get("mon") or "")
        if mon is None:
            return None
        explicit = lex.weekday_before.get(Lexicon.key(cand.get("cue") or ""))
        explicit = explicit if explicit in ("past", "future") else None
        if not explicit:
            start = cand.match.start("mon")
        d = _bare_month(mon, anchor, explicit, direction(start, end))
        return (*fmt(d, "month"), start, end)
    if kind in ("part_period", "rel_period"):
        got = _period(lex, cand, anchor)
        return (*got, start, end) if got else None
    if kind == "shift_period":
        if before in wordset(lex.code, "period_shift_blockers"):
            return None
        got = _period(lex, cand, anchor)
        return (*got, start, end) if got else None
    if kind in ("ago", "ahead"):
        amount = _amount(lex, cand)
        if amount is None:
            return None
        if kind == "ahead":
            if before in wordset(lex.code, "ahead_blockers"):
                return None
            if direction(start, end) == "past":
                return None  # "highest in two years": a stretch of time, not a coming date
        sign = -1 if kind == "ago" else 1
        return (*_shifted(anchor, sign * amount[0], amount[1]), start, end)
    if kind == "weekday":
        return (*_weekday(lex, cand, anchor, direction(start, end)), start, end)
    if kind == "wd_in_week":
        shift = lex.period_shifts.get(Lexicon.key(cand.get("shift") or ""))
        wd = lex.weekdays.get((cand.get("wd") or "").lower())
        if shift is None or wd is None:
            return None
        d = week_monday(anchor.day + dt.timedelta(weeks=shift)) + dt.timedelta(days=wd)
        return (*anchor.emit(d, "day"), start, end)
    if kind == "deictic":
        if before in wordset(lex.code, "deictic_blockers"):
            return None
        offset = lex.deictic.get(Lexicon.key(cand.get("deictic") or ""))
        if offset is None:
            return None
        return (*anchor.emit(anchor.day + dt.timedelta(days=int(offset)), "day"), start, end)
    return None
