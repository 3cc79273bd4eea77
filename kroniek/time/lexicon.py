"""A language's temporal vocabulary (``lang/<code>/dates.yaml``) compiled into regex pieces.

The grammar of date expressions is the same in Dutch and English ("drie dagen geleden" / "three
days ago"); only the words differ. So the patterns are built here from word lists, and a new
language needs a ``dates.yaml``, not code. Compiled once per language and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kroniek import lang as lang_data


def alternation(words: list[str] | dict[str, Any], case_sensitive: bool = False) -> str:
    """A regex alternation, longest words first so that "gisteravond" beats "gister"."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!x)x"  # matches nothing: the language lacks this word class
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _fold(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


@dataclass(frozen=True)
class Lexicon:
    """Word lists of one language, plus lookups that tolerate case and spacing."""

    code: str
    raw: dict[str, Any]
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    deictic: dict[str, int] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    period_shifts: dict[str, int] = field(default_factory=dict)
    weekday_before: dict[str, str] = field(default_factory=dict)
    weekday_after: dict[str, str] = field(default_factory=dict)
    part_words: dict[str, str] = field(default_factory=dict)
    relative_parts: dict[str, str] = field(default_factory=dict)

    def words(self, key: str) -> list[str]:
        value = self.raw.get(key) or []
        return list(value.keys()) if isinstance(value, dict) else [str(v) for v in value]

    def is_case_sensitive(self, group: str) -> bool:
        return group in (self.raw.get("case_sensitive") or [])

    @staticmethod
    def key(text: str) -> str:
        return " ".join(text.lower().split())

    def number(self, text: str) -> float | None:
        """A number written in digits or words ("21", "eenentwintig", "twenty-one")."""
        t = self.key(text)
        if t.isdigit():
            return float(t)
        if t in self.numbers:
            return self.numbers[t]
        nums = self.raw.get("numbers") or {}
        units = _fold(nums.get("units") or {})
        tens = _fold(nums.get("tens") or {})
        for joiner in nums.get("joiners") or []:
            for u, uv in units.items():
                for tn, tv in tens.items():
                    form = str(nums.get("compound", "")).format(unit=u, ten=tn, joiner=joiner)
                    if self.key(form) == t:
                        return float(uv + tv)
        return None

    def number_pattern(self) -> str:
        nums = self.raw.get("numbers") or {}
        units, teens, tens = (nums.get(k) or {} for k in ("units", "teens", "tens"))
        fractions = nums.get("fractions") or {}
        simple = alternation([*units, *teens, *tens, *fractions])
        compound = r"(?!x)x"
        if nums.get("compound") and units and tens:
            joiner = alternation(nums.get("joiners") or [""])
            compound = str(nums["compound"]).format(
                unit=alternation(list(units)), ten=alternation(list(tens)), joiner=joiner)
        return rf"(?:\d{{1,3}}|{compound}|{simple})"


@cache
def wordset(code: str, name: str) -> frozenset[str]:
    """A word list of the language, lower-cased, for membership tests."""
    lex = lexicon(code)
    return frozenset(w.lower() for w in lex.words(name)) if lex else frozenset()


@cache
def lexicon(code: str) -> Lexicon | None:
    """The compiled vocabulary of ``code``, or None when the language has no ``dates.yaml``."""
    raw = lang_data.load(code, "dates")
    if not isinstance(raw, dict):
        return None
    nums = raw.get("numbers") or {}
    numbers: dict[str, float] = {}
    for group in ("units", "teens", "tens", "fractions"):
        numbers.update({k.lower(): float(v) for k, v in (nums.get(group) or {}).items()})
    return Lexicon(
        code=code, raw=raw,
        months=_fold(raw.get("months") or {}),
        weekdays=_fold(raw.get("weekdays") or {}),
        numbers=numbers,
        units=_fold(raw.get("units") or {}),
        deictic=_fold(raw.get("deictic") or {}),
        periods=_fold(raw.get("periods") or {}),
        period_shifts=_fold(raw.get("period_shifts") or {}),
        weekday_before=_fold(raw.get("weekday_before") or {}),
        weekday_after=_fold(raw.get("weekday_after") or {}),
        part_words=_fold(raw.get("part_words") or {}),
        relative_parts=_fold(raw.get("relative_parts") or {}),
    )
