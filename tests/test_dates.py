"""Dates: (expression, anchor, expected value) rows, resolved by the pure finder + resolver (no spaCy)."""
from __future__ import annotations

from datetime import date

import pytest

from factx.dates import extract_dates, finder_for

FRI = "2023-11-24"  # a Friday
TUE_NEW_YEAR = "2024-01-02"  # a Tuesday, two days into a year
SUN = "2019-06-23"  # a Sunday
WED = "2015-09-23"  # a Wednesday

# (text, anchor, evidence, value, resolved)
DATES = [
    # absolute
    ("2023-05-22", FRI, "2023-05-22", "2023-05-22", False),
    ("Nov. 14, 2024", FRI, "Nov. 14, 2024", "2024-11-14", False),
    ("November 13, 2024", FRI, "November 13, 2024", "2024-11-13", False),
    ("13 November 2024", FRI, "13 November 2024", "2024-11-13", False),
    ("May 2009", FRI, "May 2009", "2009-05", False),
    ("in 2022", FRI, "2022", "2022", False),
    ("the 1990s", FRI, "the 1990s", "1990/1999", False),
    ("the late 1980's", FRI, "the late 1980's", "1980/1989", False),
    ("the 13th century", FRI, "the 13th century", "1200/1299", False),
    ("March of 2008", FRI, "March of 2008", "2008-03", False),
    ("September 21, 2004", FRI, "September 21, 2004", "2004-09-21", False),
    ("the first quarter of 2009", FRI, "the first quarter of 2009", "2009-Q1", False),
    ("Q3 2021", FRI, "Q3 2021", "2021-Q3", False),
    ("2023-11-24 09:30", FRI, "2023-11-24 09:30", "2023-11-24T09:30", False),
    ("February 29, 2020", FRI, "February 29, 2020", "2020-02-29", False),
    # partial, resolved against the anchor
    ("May 19", "2023-05-22", "May 19", "2023-05-19", True),
    ("November 13", "2024-11-14", "November 13", "2024-11-13", True),
    ("December 30", TUE_NEW_YEAR, "December 30", "2023-12-30", True),
    ("January 3", "2023-12-30", "January 3", "2024-01-03", True),
    ("February 29", "2024-03-05", "February 29", "2024-02-29", True),
    ("October 25", "2007-10-17", "October 25", "2007-10-25", True),
    ("June", "2019-11-27", "June", "2019-06", True),
    ("December", "2009-04-03", "December", "2008-12", True),
    ("early March", "2005-02-17", "early March", "2005-03", True),
    ("mid-August", "2020-09-30", "mid-August", "2020-08", True),
    ("the end of May", "2009-04-03", "the end of May", "2009-05", True),
    ("last November", "2005-02-17", "last November", "2004-11", True),
    ("January next year", "2007-10-17", "January next year", "2008-01", True),
    ("June of this year", "2019-11-27", "June of this year", "2019-06", True),
    # weekdays from a Friday
    ("on Monday", FRI, "Monday", "2023-11-20", True),
    ("on Tuesday", FRI, "Tuesday", "2023-11-21", True),
    ("on Wednesday", FRI, "Wednesday", "2023-11-22", True),
    ("on Thursday", FRI, "Thursday", "2023-11-23", True),
    ("on Friday", FRI, "Friday", "2023-11-24", True),
    ("on Saturday", FRI, "Saturday", "2023-11-18", True),
    ("on Sunday", FRI, "Sunday", "2023-11-19", True),
    # weekdays from a Tuesday two days into the year: back across the year boundary
    ("on Monday", TUE_NEW_YEAR, "Monday", "2024-01-01", True),
    ("on Tuesday", TUE_NEW_YEAR, "Tuesday", "2024-01-02", True),
    ("on Wednesday", TUE_NEW_YEAR, "Wednesday", "2023-12-27", True),
    ("on Thursday", TUE_NEW_YEAR, "Thursday", "2023-12-28", True),
    ("on Friday", TUE_NEW_YEAR, "Friday", "2023-12-29", True),
    ("on Saturday", TUE_NEW_YEAR, "Saturday", "2023-12-30", True),
    ("on Sunday", TUE_NEW_YEAR, "Sunday", "2023-12-31", True),
    # weekdays from a Sunday and a Wednesday
    ("on Friday", SUN, "Friday", "2019-06-21", True),
    ("on Monday", SUN, "Monday", "2019-06-17", True),
    ("on Sunday", SUN, "Sunday", "2019-06-23", True),
    ("on Thursday", WED, "Thursday", "2015-09-17", True),
    ("on Tuesday", WED, "Tuesday", "2015-09-22", True),
    # the tense looks ahead, or the text says which one
    ("The expo will open on Monday.", FRI, "Monday", "2023-11-27", True),
    ("The markets will re-open on Friday morning.", "2008-09-18", "Friday morning", "2008-09-19TMO", True),  # TimeML: a part of the day
    ("last Friday", "2007-08-10", "last Friday", "2007-08-03", True),
    ("next Friday", FRI, "next Friday", "2023-12-01", True),
    # relative words
    ("yesterday", FRI, "yesterday", "2023-11-23", True),
    ("today", FRI, "today", "2023-11-24", True),
    ("tomorrow", "2024-02-28", "tomorrow", "2024-02-29", True),
    ("yesterday", "2024-03-01", "yesterday", "2024-02-29", True),
    ("last week", "2015-09-22", "last week", "2015-W38", True),
    ("this week", "2007-08-10", "this week", "2007-W32", True),
    ("next week", "2023-12-30", "next week", "2024-W01", True),
    ("next month", "2023-12-15", "next month", "2024-01", True),
    ("last month", "2024-01-10", "last month", "2023-12", True),
    ("earlier this month", FRI, "earlier this month", "2023-11", True),
    ("this year's expo", FRI, "this year's", "2023", True),
    ("last year", "2024-02-29", "last year", "2023", True),
    ("Last Year", "2007-03-05", "Last Year", "2006", True),
    ("the third quarter", "2008-09-18", "the third quarter", "2008-Q3", True),
    ("the fourth quarter", "2009-02-10", "the fourth quarter", "2008-Q4", True),
    ("last quarter", "2024-01-15", "last quarter", "2023-Q4", True),
    ("the first quarter of last year", "2009-05-07", "the first quarter of last year", "2008-Q1", True),
    ("20 years ago", "2007-10-20", "20 years ago", "1987", True),
    ("two weeks ago", "2007-12-20", "two weeks ago", "2007-W49", True),
    ("this weekend", FRI, "this weekend", "2023-11-25/2023-11-26", True),
    # ranges
    ("November 23 to 27", FRI, "November 23 to 27", "2023-11-23/2023-11-27", True),
    ("from May 19 to 20", "2023-05-22", "from May 19 to 20", "2023-05-19/2023-05-20", True),
    ("between January and March", "2023-05-22", "between January and March", "2023-01/2023-03", True),
    ("2000-2050", FRI, "2000-2050", "2000/2050", False),
    ("Sept. 10 to 13, 2021", FRI, "Sept. 10 to 13, 2021", "2021-09-10/2021-09-13", False),
    ("December 5 and 6", "2020-01-01", "December 5 and 6", "2019-12-05/2019-12-06", True),
    ("23-27 November 2023", FRI, "23-27 November 2023", "2023-11-23/2023-11-27", False),
    ("December 28 to January 3", TUE_NEW_YEAR, "December 28 to January 3", "2023-12-28/2024-01-03", True),
    ("between December 2019 and April 2020", FRI, "between December 2019 and April 2020", "2019-12/2020-04", False),
    ("from 1990 to 1995", FRI, "from 1990 to 1995", "1990/1995", False),
    # looking ahead from a past moment is not looking ahead from the document date
    ("It was expected to end on December 15.", "2020-01-01", "December 15", "2019-12-15", True),
    ("The fourth-quarter profit fell.", "2025-03-03", "The fourth-quarter", "2024-Q4", True),
    ("according to a 2011 study", FRI, "2011", "2011", False),
]


@pytest.mark.parametrize("text,anchor,evidence,value,resolved", DATES,
                         ids=[f"{d[0]}@{d[1]}" for d in DATES])
def test_date_expression(patterns, text, anchor, evidence, value, resolved):
    found = extract_dates(text, date.fromisoformat(anchor), [(0, len(text))], finder_for(patterns))
    assert [(text[f.start:f.end], f.value, f.resolved) for f in found] == [(evidence, value, resolved)]


NOT_DATES = [
    "It was a four-day event.",
    "He served eight years in office.",
    "In recent years, trade has boomed.",
    "To date, the forum has facilitated trade.",
    "In the digital era, platforms matter.",
    "The meeting starts at 9:30.",
    "A 45-year-old man was arrested.",
    "Over 2,000 people attended.",
    "Organizers reported 2240 attendees.",
    "It may be too late to act.",
    "Black Monday hit the markets hard.",
    "The Boeing 787 flew for three hours.",
    "He scored 2 goals in 90 minutes.",
    "Prices rose 12 percent over twelve months.",
    "The 747-400 is a large aircraft.",
    "Flight 2012 was cancelled.",
    "The decade has been turbulent.",
    "The fire was reported by 1700 UTC.",  # four digits and a zone: a time of day, not the year 1700
    "Of the patients, 1720 had been discharged.",
    "On the last night, Trump spoke on the lawn.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(patterns, text):
    assert extract_dates(text, date(2023, 11, 24), [(0, len(text))], finder_for(patterns)) == []


def test_weekday_inside_the_events_own_dates(patterns):
    text = "The convention ran July 26-28 in San Diego. On Saturday, the panel drew crowds."
    sentences = [(0, 43), (44, len(text))]
    found = extract_dates(text, date(2024, 8, 5), sentences, finder_for(patterns))
    assert [(text[f.start:f.end], f.value) for f in found] == [
        ("July 26-28", "2024-07-26/2024-07-28"), ("Saturday", "2024-07-27")]


def test_year_stated_earlier_in_the_sentence(patterns):
    text = "In 2019, outbreaks were declared in the Philippines on February 6."
    found = extract_dates(text, date(2020, 1, 1), [(0, len(text))], finder_for(patterns))
    assert [(f.value, f.resolved) for f in found] == [("2019", False), ("2019-02-06", False)]


def test_no_anchor_leaves_relative_dates_out(patterns):
    text = "On Thursday, 2022 ended."
    found = extract_dates(text, None, [(0, len(text))], finder_for(patterns))
    assert [f.value for f in found] == ["2022"]


def test_date_facts_carry_their_timeml_kind(facts_of):
    """FACTS.md `kind`: `time` for a value with THH:MM, `date` for the rest (other kinds: issue 15)."""
    facts = facts_of("2023-11-24 09:30\nThe expo opened on Thursday.", "2023-11-24", types={"date"})
    assert [(f.value, f.kind) for f in facts] == [("2023-11-24T09:30", "time"), ("2023-11-23", "date")]
