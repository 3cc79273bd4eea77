"""Date arithmetic on a document date known only to a year, a month or a day.

A document dated "2018-05" has no day, so "gisteren" cannot have one either: arithmetic runs on
a representative day (mid-month, mid-year) and the result is cut back to the precision both the
document date and the expression support. That keeps "dinsdag" in a May article at "2018-05".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kroniek.model import PartialDate, Precision

RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}


def coarser(a: Precision, b: Precision) -> Precision:
    return a if RANK[a] <= RANK[b] else b


def fmt(day: dt.date, precision: Precision) -> tuple[str, Precision]:
    if precision == "day":
        return day.isoformat(), "day"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return f"{day.year:04d}", "year"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Anchor:
    """The document date as a representative day plus how much of it is actually known."""

    day: dt.date
    precision: Precision

    @classmethod
    def of(cls, date: PartialDate) -> Anchor:
        if date.precision == "day":
            return cls(dt.date(date.year, date.month or 1, date.day or 1), "day")
        if date.precision == "month":
            return cls(dt.date(date.year, date.month or 1, 15), "month")
        return cls(dt.date(date.year, 7, 1), "year")

    def emit(self, day: dt.date, precision: Precision) -> tuple[str, Precision]:
        """A value computed from the anchor: never finer than the document date."""
        return fmt(day, coarser(precision, self.precision))

    def month_index(self) -> int:
        return self.day.year * 12 + self.day.month - 1


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
