"""Stage 4, coreference, tested on its own: `Mentions` over a tagged, entity-labelled Doc.

One row a construction: the text, the word to resolve (its last occurrence), and the speaker
it must resolve to ("as written" where nothing fits, rather than a guess).
"""
from __future__ import annotations

import pytest

ROWS = [
    # (construction, text, pronoun or description, expected name)
    ("'he' is the last person named as a subject",
     "Anna Schmidt met David Miller. Miller spoke first. He", "he", "David Miller"),
    ("'she' skips a man named later (gender from a courtesy title)",
     "Ms. Vera Holm met Mr. Tom Lund on Monday. Lund spoke first. She", "she", "Vera Holm"),
    ("'he' skips a woman named later (gender from a courtesy title)",
     "Mr. Tom Lund met Ms. Vera Holm on Monday. Holm spoke first. He", "he", "Tom Lund"),
    ("gender from a possessive in the person's only sentence",
     "Anna Schmidt thanked her staff. David Miller thanked his team. She", "she", "Anna Schmidt"),
    ("gender from a role noun before the name",
     "Spokeswoman Ana Diaz arrived. Chairman Tom Lund arrived later. She", "she", "Ana Diaz"),
    ("a pronoun with no antecedent stays as written",
     "The meeting ended late. She", "she", "She"),
    ("'they' with nobody quoted before stays as written",
     "The meeting ended late. They", "they", "They"),
]


@pytest.fixture(scope="module")
def resolve(extractor):
    from factx.component import sentence_bounds
    from factx.quotes.coreference import Mentions
    from factx.quotes.cues import rules_for
    from factx.quotes.roles import Roles

    nlp = extractor.nlp
    factx = nlp.get_pipe("factx")

    def run(text: str, word: str) -> str | None:
        with nlp.select_pipes(disable=["factx"]):
            doc = nlp(text)
        mentions = Mentions(doc, rules_for(factx.patterns, nlp.vocab), [a for a, _ in sentence_bounds(doc)])
        at = max(t.i for t in doc if t.lower_ == word)
        found = mentions.pronoun(word, at, Roles(mentions))
        return found.name if found is not None else None

    return run


@pytest.mark.parametrize("construction,text,word,expected", ROWS, ids=[r[0] for r in ROWS])
def test_pronoun(resolve, construction, text, word, expected):
    assert resolve(text, word) == expected


@pytest.fixture(scope="module")
def mentions_of(extractor):
    from factx.component import sentence_bounds
    from factx.quotes.coreference import Mentions
    from factx.quotes.cues import rules_for

    nlp = extractor.nlp
    factx = nlp.get_pipe("factx")

    def run(text: str):
        with nlp.select_pipes(disable=["factx"]):
            doc = nlp(text)
        return Mentions(doc, rules_for(factx.patterns, nlp.vocab), [a for a, _ in sentence_bounds(doc)])

    return run


# (construction, text, short form, label, fullest form)
FULLEST = [
    ("a surname to the full name", "Chinese President Xi Jinping sent a letter to the forum. Xi praised the organisers.",
     "Xi", "PERSON", "Xi Jinping"),
    ("an acronym to the organisation it abbreviates",
     "The United Auto Workers met on Monday. The UAW said little.", "UAW", "ORG", "United Auto Workers"),
    ("a surname two people share goes to the one named in full most often",
     "President Donald Trump spoke. First Lady Melania Trump waved. Donald Trump left. Trump said nothing.",
     "Trump", "PERSON", "Donald Trump"),
]


@pytest.mark.parametrize("construction,text,short,label,expected", FULLEST, ids=[r[0] for r in FULLEST])
def test_fullest_name(mentions_of, construction, text, short, label, expected):
    assert mentions_of(text).fullest(short, label).removeprefix("President ") == expected
