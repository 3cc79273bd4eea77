"""One configuration: defaults, then ``kroniek.toml`` (working directory), then ``KRONIEK_*``.

Env overrides use ``__`` for nesting: ``KRONIEK_NLP__NL__MODEL=nl_core_news_lg`` sets
``[nlp.nl] model``; ``KRONIEK_DB=x.duckdb`` sets ``db``. Values are parsed as TOML scalars when
they can be (numbers, booleans), else taken as strings.
"""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

DEFAULTS: dict[str, Any] = {
    "db": "kroniek.duckdb",
    "languages": ["nl", "en"],  # languages with a pack; others are stored, not coded
    "max_doc_mb": 5,  # one article larger than this is refused (K109); JSON Lines stream
    "nlp": {
        # "kroniek" = the pack shipped in kroniek/nlp/models/<lang>; any other value is a spaCy
        # package name or path (e.g. nl_core_news_lg), loaded with spacy.load.
        "nl": {"model": "kroniek"},
        "en": {"model": "kroniek"},
        "batch_size": 32,
    },
    "langid": {"candidates": ["nl", "en", "de", "af", "fy", "fr", "es", "it", "pt", "da", "sv",
                              "no", "pl", "ru", "tr", "ar", "id"],
               "min_chars": 20},
}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def _scalar(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def load(path: str | Path | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    cfg = copy.deepcopy(DEFAULTS)
    file = Path(path) if path else Path.cwd() / "kroniek.toml"
    if file.is_file():
        try:
            _merge(cfg, tomllib.loads(file.read_text("utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise KroniekError("K400", str(exc).splitlines()[0], file=str(file)) from None
    elif path:
        raise KroniekError("K400", "config file not found", file=str(file))
    for key, value in (os.environ if env is None else env).items():
        if not key.startswith("KRONIEK_") or key == "KRONIEK_CONFIG":
            continue
        parts = key[len("KRONIEK_"):].lower().split("__")
        node = cfg
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise KroniekError("K400", f"{key} does not name a table")
        node[parts[-1]] = _scalar(value)
    return cfg
