"""The document date: headers, datelines and stamps near the top of the text."""
from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import SEEDS, SHARED
from factx.dateline import find_document_date


@pytest.mark.parametrize("name,expected", [
    ("000_47ff6bf6c4d4823a.txt", date(2023, 5, 22)),
    ("001_e87bf17d28dbc1fa.txt", date(2024, 11, 14)),
    ("002_99a0967cf1d4d7da.txt", date(2023, 11, 24)),
])
def test_seed_dates(patterns, name, expected):
    assert find_document_date((SEEDS / name).read_text(encoding="utf-8"), patterns) == expected


def _dev_dates():
    sources = SHARED / "corpus" / "dev" / "SOURCES.md"
    if not sources.exists():
        return []
    rows = re.findall(r"\| (\S+\.txt) \| (\d{4}-\d{2}-\d{2}) \|", sources.read_text(encoding="utf-8"))
    return [(name, date.fromisoformat(d)) for name, d in rows]


DEV = _dev_dates()


@pytest.mark.skipif(not DEV, reason="../shared/corpus/dev is not beside the checkout")
@pytest.mark.parametrize("name,expected", DEV, ids=[d[0] for d in DEV])
def test_dev_dates(patterns, name, expected):
    text = (SHARED / "corpus" / "dev" / name).read_text(encoding="utf-8")
    assert find_document_date(text, patterns) == expected


@pytest.mark.parametrize("text,expected", [
    ("SHENZHEN, China, Nov. 14, 2024 (GLOBE NEWSWIRE) -- On November 13, the forum opened.", date(2024, 11, 14)),
    ("Coming soon!\nA headline\n   2023-11-24 09:30   \nThe expo opened.", date(2023, 11, 24)),
    ("LONDON, 3 March 2021 - Shares fell.", date(2021, 3, 3)),
    ("No date at the top of this one. It is about things that happened.", None),
])
def test_datelines(patterns, text, expected):
    assert find_document_date(text, patterns) == expected
