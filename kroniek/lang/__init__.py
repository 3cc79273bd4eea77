"""Language knowledge as data: ``kroniek/lang/<code>/*.yaml``.

Adding a language means adding a folder here (and, for full coding, a spaCy pipeline named in
the config). Code never hard-codes words of a language; it asks :func:`load` for them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from kroniek.errors import KroniekError


def available() -> list[str]:
    """Language codes that have a pack folder."""
    root = resources.files("kroniek.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


@cache
def load(lang: str, name: str, default: Any = None) -> Any:
    """The parsed ``kroniek/lang/<lang>/<name>.yaml``, or ``default`` if the pack lacks it."""
    path = resources.files("kroniek.lang").joinpath(lang, f"{name}.yaml")
    if not path.is_file():
        return default
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise KroniekError("K401", str(exc).splitlines()[0], file=f"lang/{lang}/{name}.yaml") from None
