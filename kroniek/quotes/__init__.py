"""Stage `quotes` of the pipeline (see kroniek/pipeline.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kroniek.model import Analysis


def create(lang: str, config: dict[str, Any]) -> Callable[[Analysis], None]:
    """Interim: this stage adds nothing yet (its issue fills it in)."""

    def stage(analysis: Analysis) -> None:
        return None

    return stage
