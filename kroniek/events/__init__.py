"""Stage `events` of the pipeline: PLOVER events (who did what to whom) from the parse.

``create(lang, config)`` loads the language's pattern dictionary (``kroniek/lang/<lang>/
events.yaml``) and the ontology once; the returned callable fills ``analysis.events``.
Config (``[events]``): ``require_source`` (default true: PLOVER codes no event without a named
actor), ``min_confidence`` (default 0), ``standin_actors`` (default false: development only, see
``events/standin.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kroniek.model import Analysis

log = logging.getLogger(__name__)


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    from kroniek.events.coder import Coder

    coder = Coder(lang, config or {})
    standin = bool(((config or {}).get("events") or {}).get("standin_actors", False))

    def stage(analysis: Analysis) -> None:
        if standin and not analysis.actor_mentions:
            from kroniek.events import standin as _standin

            _standin.fill(analysis)
        try:
            coder(analysis)
        except Exception as exc:  # noqa: BLE001 - one odd parse must not stop a batch
            log.warning("events: %s: %s: %s", analysis.doc.id, type(exc).__name__, exc)
            analysis.events = []

    return stage
