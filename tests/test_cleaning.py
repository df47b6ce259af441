"""Cleaning for the pipeline never moves a fact: offsets map back to the original text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factx.cleaning import clean


def test_glued_sentences_get_a_space_and_map_back():
    original = "partners with ASEAN.Djauhari Oratmangun spoke.\u00a0Then development.During the day"
    c = clean(original)
    assert "ASEAN. Djauhari" in c.text and "development. During" in c.text and "\u00a0" not in c.text
    for word in ("Djauhari Oratmangun", "During the day", "Then"):
        i = c.text.index(word)
        assert original[c.to_original(i):c.to_original(i + len(word))] == word


def test_abbreviations_are_not_split():
    for text in ("the U.S. Army", "Nov. 14, 2024", "Mr. Zheng", "e.g. this"):
        assert clean(text).text == text


@settings(max_examples=200, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("abAB.!? \u00a0\u2009\nZz\"")), max_size=60))
def test_every_cleaned_word_maps_back_to_itself(text):
    c = clean(text)
    assert len(c.text) == len(text) + len(c.inserted)
    for i, ch in enumerate(c.text):
        if i in c.inserted:
            continue
        o = c.to_original(i)
        assert text[o] == ch or (ch == " " and text[o].isspace() or text[o] in "\u00a0\u2009")
