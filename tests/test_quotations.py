"""Stage 1, quotations: which spans of text stand in quotation marks, one row a convention."""
from __future__ import annotations

import pytest

from factx.quotes.quotations import find_quotations

# (convention, text, the quoted contents)
ROWS = [
    ("straight double marks", 'He said "we will win" today.', ["we will win"]),
    ("curly double marks", "He said \u201cwe will win\u201d today.", ["we will win"]),
    ("guillemets", "Il a dit \u00abnous gagnerons\u00bb hier.", ["nous gagnerons"]),
    ("typewriter doubles, two single marks", "''We will not back down,'' said Brown.", ["We will not back down,"]),
    ("typewriter doubles, backticks", "``We will not back down,'' said Brown.", ["We will not back down,"]),
    ("curly single marks", "\u2018We will fight this,\u2019 said Reid.", ["We will fight this,"]),
    ("straight single marks", "'We will fight this in court,' he said.", ["We will fight this in court,"]),
    ("single marks beside a plural possessive", "'The workers' union will strike,' he said.",
     ["The workers' union will strike,"]),
    ("apostrophes are no quotation", "Don't say the '90s were rock 'n' roll's best years.", []),
    ("a plural possessive is no quotation", "The workers' union met the owners' group.", []),
    ("single marks inside a double quotation are part of it",
     "She said \"I didn't want to just go 'aye aye captain,' you know.\"",
     ["I didn't want to just go 'aye aye captain,' you know."]),
    ("a single-marked word is too short to be a quotation", "The so-called 'reform' failed.", []),
    ("a quotation open at a paragraph's end runs on when reopened",
     "\"First paragraph of the statement.\n\n\"Second paragraph of it.\"", None),
]


@pytest.mark.parametrize("convention,text,expected", ROWS, ids=[r[0] for r in ROWS])
def test_quotation_marks(convention, text, expected):
    found = [text[s:e] for s, e in find_quotations(text)]
    if expected is None:  # one quotation spanning both paragraphs
        assert len(found) == 1 and found[0].startswith("First") and found[0].endswith("of it.")
    else:
        assert found == expected
