"""Shared fixtures: the real spaCy pipeline, loaded once per session."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def extractor():
    from factx.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def facts_of(extractor):
    """facts_of(text, anchor=None, types=None) -> list of Facts, through the real pipeline."""
    from factx.documents import Document

    def run(text: str, anchor: date | str | None = None, types=None):
        if isinstance(anchor, str):
            anchor = date.fromisoformat(anchor)
        result = next(extractor.process([Document("t", text, anchor)]))
        return [f for f in result.facts if types is None or f.type in types]

    return run


@pytest.fixture(scope="session")
def patterns():
    from factx.pattern_files import load_patterns

    return load_patterns()


def python() -> str:
    return sys.executable
