"""The one error catalogue: every user-facing failure has a stable code and a one-line message.

Codes are part of the interface (they land in the ``rejects`` table and in scripts that grep
stderr), so never renumber one; add new codes at the end of their block.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> short title. K1xx input, K2xx language, K3xx store, K4xx config/data, K5xx usage.
CATALOGUE: dict[str, str] = {
    "K100": "file not found",
    "K101": "empty input",
    "K102": "binary file",
    "K103": "not valid UTF-8; decoded as cp1252",
    "K104": "malformed date header",
    "K105": "malformed JSON line",
    "K106": "malformed CSV row",
    "K107": "document has no text",
    "K108": "invalid document date",
    "K109": "file too large",
    "K110": "unreadable file",
    "K111": "unsupported file type",
    "K200": "no language pack for this language",
    "K201": "language could not be identified",
    "K202": "language pipeline failed to load",
    "K300": "database error",
    "K301": "document not found",
    "K400": "invalid configuration",
    "K401": "invalid language data",
    "K402": "invalid actor data",
    "K500": "invalid argument",
    "K599": "internal error while coding a document",
}


@dataclass
class KroniekError(Exception):
    """An expected failure with a catalogue code; ``str()`` is the one-line message users see."""

    code: str
    detail: str = ""
    file: str | None = None
    line: int | None = None
    warning: bool = False  # the input was still processed (e.g. the cp1252 fallback)

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown error code {self.code}")
        super().__init__(str(self))

    @property
    def where(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        head = f"{self.where}: " if self.where else ""
        tail = f": {self.detail}" if self.detail else ""
        kind = "warning" if self.warning else "error"
        return f"{head}{kind} {self.code} {CATALOGUE[self.code]}{tail}"
