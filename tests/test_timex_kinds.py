"""Dates to TimeML's standards: every kind (date, time, duration, set, reference), TimeML's mod,
tense from the date's own clause, and a reference time that moves with the narrative.

One row a construction, written for these tests; each runs the real pipeline (the parse on
demand decides the tense) and checks the evidence, value, kind and mod.
"""
from __future__ import annotations

import pytest

# (construction, anchor, text, evidence, value, kind, mod)
ROWS = [
    # durations
    ("a counted duration", "2020-03-15", "It took three years to build the bridge.", "three years", "P3Y", "duration", None),
    ("a decade", "2020-03-15", "A decade of war left the city in ruins.", "A decade", "P10Y", "duration", None),
    ("a vague duration looking ahead", "2020-03-15", "Prices will rise over the next few months.",
     "the next few months", "PXM", "duration", None),
    ("an adjectival duration", "2020-03-15", "The four-day event drew crowds.", "four-day", "P4D", "duration", None),
    ("hours", "2020-03-15", "The strike lasted 24 hours.", "24 hours", "PT24H", "duration", None),
    ("a race time", "2020-03-15", "She won the marathon in 2:07:35 on a cold course.", "2:07:35", "PT2H7M35S",
     "duration", None),
    ("'the past N units' is a duration", "2020-03-15", "Sales doubled in the past three years.",
     "the past three years", "P3Y", "duration", None),
    ("'for years': an unstated count", "2020-03-15", "The two sides have argued for years.", "years", "PXY",
     "duration", None),
    # sets
    ("every + unit", "2020-03-15", "The committee meets every week.", "every week", "P1W", "set", None),
    ("each + weekday", "2020-03-15", "A flight leaves each Thursday.", "each Thursday", "XXXX-WXX-4", "set", None),
    ("an adverb of frequency", "2020-03-15", "The report is published annually.", "annually", "P1Y", "set", None),
    ("every + part of the day", "2020-03-15", "He runs every morning before work.", "every morning", "XXXX-XX-XXTMO",
     "set", None),
    ("'twice a year'", "2020-03-15", "The board meets twice a year.", "twice a year", "P1Y", "set", None),
    # references
    ("present reference", "2020-03-15", "The plant currently employs 300 people.", "currently", "PRESENT_REF",
     "reference", None),
    ("past reference", "2020-03-15", "In the past, the river flooded often.", "In the past", "PAST_REF", "reference",
     None),
    ("'at the time'", "2020-03-15", "At the time, nobody objected.", "At the time", "PAST_REF", "reference", None),
    ("future reference", "2020-03-15", "The firm may expand in the future.", "in the future", "FUTURE_REF",
     "reference", None),
    # times of day
    ("a clock time on the document date", "2020-03-15", "The blast happened at 8 PM near the port.", "8 PM",
     "2020-03-15T20:00", "time", None),
    ("a clock time with a zone and a weekday", "2020-03-15", "The race starts at 15:00 GMT Saturday.",
     "15:00 GMT Saturday", "2020-03-14T15:00", "time", None),
    ("a weekday and a part of the day", "2020-03-15", "They met on Friday afternoon.", "Friday afternoon",
     "2020-03-13TAF", "time", None),
    ("'the morning of' a date", "2020-03-15", "The vote took place on the morning of March 3.",
     "the morning of March 3", "2020-03-03TMO", "time", None),
    ("'tonight'", "2020-03-15", "The president will speak tonight.", "tonight", "2020-03-15TNI", "time", None),
    # TimeML's calendar forms
    ("a season with a year", "2020-03-15", "The tower opened in the summer of 2012.", "the summer of 2012", "2012-SU",
     "date", None),
    ("last season", "2020-03-15", "Last summer was the hottest on record.", "Last summer", "2019-SU", "date", None),
    ("a half of a year", "2020-03-15", "Growth slowed in the first half of 2011.", "the first half of 2011", "2011-H1",
     "date", None),
    ("'early' before a year: mod START", "2020-03-15", "The talks began in early 2011.", "early 2011", "2011", "date",
     "START"),
    ("'mid-' before a year: mod MID", "2020-03-15", "Prices peaked by mid-2012.", "mid-2012", "2012", "date", "MID"),
    ("'the end of the year': mod END", "2020-03-15", "The plant will close by the end of the year.",
     "the end of the year", "2020", "date", "END"),
    ("'late' before a month: mod END", "2020-03-15", "Rains returned in late February.", "late February", "2020-02",
     "date", "END"),
    ("a year range written short", "2020-03-15", "The 1957-58 season was his best.", "1957-58", "1957/1958", "date",
     None),
    ("a decade in words", "2020-03-15", "The band was famous in the sixties.", "the sixties", "1960/1969", "date", None),
    ("a numeric date, month first", "2020-03-15", "The memo dated 7/8/07 was leaked.", "7/8/07", "2007-07-08", "date",
     None),
    ("the first week of a month: the ISO week holding its first Thursday", "2019-03-14",
     "Talks resume in the first week of April.", "the first week of April", "2019-W14", "date", None),
    ("the last week of a month", "2019-03-14", "Sales fell in the last week of June 2018.",
     "the last week of June 2018", "2018-W26", "date", None),
    ("a fiscal year", "2019-03-14", "Profit rose in fiscal 1998.", "fiscal 1998", "FY1998", "date", None),
    ("this fiscal year", "2019-03-14", "Profit will rise this fiscal year.", "this fiscal year", "FY2019", "date",
     None),
    ("'N years ago' from the document date", "2020-03-15", "The firm was founded a year ago.", "a year ago", "2019",
     "date", None),
    # tense from the date's own clause
    ("a past clause puts a partial date in the past", "2020-03-15", "Police arrested both men in early August.",
     "early August", "2019-08", "date", "START"),
    ("the date's clause is past though another looks ahead", "2020-03-15",
     "The festival began on August 10 and will continue for weeks.", "August 10", "2019-08-10", "date", None),
    ("'will' in the date's clause looks ahead", "2020-03-15", "The store will open on Monday.", "Monday",
     "2020-03-16", "date", None),
    ("a present plan looks ahead", "2020-03-15", "The plant is scheduled to close in June.", "June", "2020-06", "date",
     None),
    ("a past verb of scheduling does not push the date back", "2020-03-15", "The summit was postponed to May 30.",
     "May 30", "2020-05-30", "date", None),
    ("a span's end takes no past from the verb", "2020-03-15", "He was released on bail until April 20.",
     "April 20", "2020-04-20", "date", None),
    ("a date that modifies a noun takes no tense", "2020-03-15", "Two weeks before the April 13 deadline, he quit.",
     "April 13", "2020-04-13", "date", None),
    ("a coordinated verb keeps its head's plan", "2020-03-11",
     "The crew is scheduled to stay a week and return to Earth on Friday.", "Friday", "2020-03-13", "date", None),
    ("a present clause: its words decide", "2020-03-11", "The warnings apply from tomorrow night into Friday morning.",
     "Friday morning", "2020-03-13TMO", "time", None),
    ("'In May' before a name stays a month", "2008-09-15", "In May, Maxime Bernier resigned.", "May", "2008-05",
     "date", None),
    ("a past clause puts a weekday in the past despite 'will' elsewhere", "2020-03-11",
     "The minister said on Monday that prices will fall.", "Monday", "2020-03-09", "date", None),
]


@pytest.mark.parametrize("construction,anchor,text,evidence,value,kind,mod", ROWS, ids=[r[0] for r in ROWS])
def test_timeml_kind(facts_of, construction, anchor, text, evidence, value, kind, mod):
    found = [f for f in facts_of(text, anchor, types={"date"}) if f.text == evidence]
    assert found, [(f.text, f.value) for f in facts_of(text, anchor, types={"date"})]
    f = found[0]
    assert text[f.start:f.end] == evidence
    assert (f.value, f.kind, f.mod) == (value, kind, mod)


NOT_PERIODS = [
    ("an age with a hyphen", "The 45-year-old driver was arrested."),
    ("an age with 'old'", "The driver, 45 years old, was arrested."),
    ("'a day' in a rate", "The drug costs $5 a day."),
    ("the verb 'fall'", "Prices fall when demand drops."),
    ("'one day' as some day", "One day the river will be clean."),
    ("'the last night' of an event", "On the last night, the band played an encore."),
    ("a surname that is a month", "Prime Minister Theresa May resigned."),
]


@pytest.mark.parametrize("construction,text", NOT_PERIODS, ids=[r[0] for r in NOT_PERIODS])
def test_not_a_period(facts_of, construction, text):
    assert [(f.text, f.value) for f in facts_of(text, "2020-03-15", types={"date"})] == []


def test_reference_time_moves_with_the_narrative(facts_of):
    text = ("On June 1, 2019 the plant closed. The next day workers protested, and two days later "
            "the mayor spoke. Earlier that day, the union met.")
    got = [(f.text, f.value, f.resolved) for f in facts_of(text, "2020-03-15", types={"date"})]
    assert got == [("June 1, 2019", "2019-06-01", False), ("The next day", "2019-06-02", True),
                   ("two days later", "2019-06-04", True), ("Earlier that day", "2019-06-04", True)]


def test_a_clock_time_takes_the_day_its_sentence_gave(facts_of):
    text = "On the morning of August 1 around 5:30 a.m. EST, a bird hit the window."
    got = [(f.text, f.value) for f in facts_of(text, "2020-09-30", types={"date"})]
    assert got == [("the morning of August 1", "2020-08-01TMO"), ("5:30 a.m. EST", "2020-08-01T05:30")]


def test_date_kinds_filter_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from factx.cli import cli

    doc = tmp_path / "a.txt"
    doc.write_text("It took three years. Prices rose on Monday and currently fall daily.", encoding="utf-8")
    runner = CliRunner()
    every = runner.invoke(cli, ["extract", str(doc), "--types", "date", "--anchor-date", "2024-01-31",
                                "--format", "csv"])
    calendar = runner.invoke(cli, ["extract", str(doc), "--types", "date", "--anchor-date", "2024-01-31",
                                   "--format", "csv", "--date-kinds", "date,time"])
    assert every.exit_code == calendar.exit_code == 0
    assert all(k in every.output for k in ("duration", "reference", "set"))
    assert "Monday" in calendar.output and not any(k in calendar.output for k in ("P3Y", "PRESENT_REF", "P1D"))
    wrong = runner.invoke(cli, ["extract", str(doc), "--date-kinds", "dates"])
    assert wrong.exit_code == 2 and "dates is not a date kind" in wrong.output
