"""Token-level normalisation shared by the alias index and the text scanner.

Both sides go through the same ``fold`` so that spelling variants meet in one key: case,
diacritics, hyphens versus spaces ("Kim Jong-un" / "Kim Jong Un"), and the common Dutch,
English and German transliterations of Cyrillic, Arabic and Korean names ("Poetin"/"Putin",
"Sergej"/"Sergei"/"Sergey", "Zelenski"/"Zelensky"/"Zelenskyj", "Tsjernysjov"/"Chernyshov",
"Chamenei"/"Khamenei", "Sjojgoe"/"Shoigu"). Keys are only compared with keys, so a fold that
mangles an ordinary word costs nothing unless it makes two aliases collide (``check`` lists
those).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dotted abbreviations ("U.S.") are one token; otherwise runs of letters/digits. Hyphens and
# apostrophes separate tokens on both sides, which is what makes "Jong-un" meet "Jong Un".
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+", re.UNICODE)

# Applied in order after lowercasing and removing diacritics.
_RULES: tuple[tuple[str, str], ...] = (
    ("tsj", "ch"), ("tch", "ch"), ("sch", "sh"), ("sj", "sh"), ("zj", "zh"), ("dzh", "j"),
    ("ij", "y"), ("j", "y"), ("oe", "u"), ("ou", "u"), ("w", "v"), ("ph", "f"), ("ck", "k"),
    ("x", "ks"), ("kh", "h"), ("ch", "h"), ("oi", "oy"), ("iy", "y"), ("yy", "y"),
)
_DOUBLE_RE = re.compile(r"(.)\1+")
_ACRONYM_RE = re.compile(r"[A-Z]{2,4}")


def is_acronym(token: str) -> bool:
    """A short all-capitals token ("PKK", "CAO"): its letters are its whole identity."""
    return _ACRONYM_RE.fullmatch(token) is not None


def plain(text: str) -> str:
    """Lower case without diacritics ("Nausėda" -> "nauseda")."""
    t = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in t if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """The matching key of one token.

    A short all-capitals token is an acronym ("PKK", "PPK", "YPG"): its letters are the whole
    identity, so it is only lowercased; transliteration rules and doubled-letter folding would
    make different acronyms meet."""
    if is_acronym(token):
        return token.lower().replace(".", "")
    t = plain(token.replace(".", ""))
    for a, b in _RULES:
        if a in t:
            t = t.replace(a, b)
    t = _DOUBLE_RE.sub(r"\1", t)
    if len(t) > 2 and t.endswith("i") and not t.endswith("ii"):
        t = t[:-1] + "y"  # Sergei / Sergey, Zelenski / Zelensky
    return t


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        return self.text.isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


def key_of(phrase: str) -> tuple[str, ...]:
    return tuple(fold(m.group()) for m in TOKEN_RE.finditer(phrase))


def case_signature(phrase: str) -> tuple[int, ...]:
    """Per token: 0 any case, 1 must start upper-case, 2 must be all upper-case.

    Proper names only match capitalised text ("Kim" the person, not "kim"); abbreviations only
    match upper-case text ("VN", "US" but not "us"); common words ("regering") match anything.
    """
    sig = []
    for m in TOKEN_RE.finditer(phrase):
        w = m.group()
        letters = [c for c in w if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            sig.append(2)
        elif w[:1].isupper():
            sig.append(1)
        else:
            sig.append(0)
    return tuple(sig)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-") or "x"
