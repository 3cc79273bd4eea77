"""dateparser, for the absolute dates our own shapes find but cannot read.

dateparser is right for numeric dates with two-digit years and for month words outside our
lexicon ("14 März 2016" in an English text); it is wrong for the relative Dutch expressions the
rules handle ("op 12 juni", "afgelopen dinsdag", "eind mei", written-out numbers), and at about a
millisecond a call it is too slow to run over whole articles. So it only ever sees one short,
already-delimited span, and its answers are cached.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from kroniek.model import Precision

_ORDER = {"DMY", "MDY", "YMD"}


@cache
def _parser(lang: str, order: str) -> Any:
    from dateparser.date import DateDataParser

    langs = [lang] if lang == "en" else [lang, "en"]
    try:
        return DateDataParser(languages=langs, settings={
            "DATE_ORDER": order if order in _ORDER else "DMY",
            "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})
    except Exception:  # an unknown language code: dateparser has nothing to offer
        return None


@lru_cache(maxsize=4096)
def parse_absolute(span: str, lang: str, order: str) -> tuple[str, Precision] | None:
    """``(value, precision)`` of an absolute date span, or None when dateparser cannot say."""
    parser = _parser(lang, order)
    if parser is None:
        return None
    try:
        data = parser.get_date_data(span)
    except Exception:  # dateparser raises on odd input; a date we cannot read is just absent
        return None
    when, period = data.date_obj, data.period
    if when is None:
        return None
    if period == "day":
        return when.date().isoformat(), "day"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}", "month"
    if period == "year":
        return f"{when.year:04d}", "year"
    return None
