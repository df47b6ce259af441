"""Attendance: sentences with their expected (count, qualifier, attendees, status), and sentences that hold none."""
from __future__ import annotations

import pytest

ANCHOR = "2023-11-24"

# (sentence, count, qualifier, attendees, status)
ATTENDANCE = [
    ("Over 1,000 representatives from government departments, business associations, think tanks, and enterprises "
     "from China and ASEAN countries attended the opening ceremony.", 1000, "over",
     "representatives from government departments, business associations, think tanks, and enterprises from China "
     "and ASEAN countries", "actual"),
    ("The conference invited over 60 diplomatic envoys, social media influencers, and media representatives.", 60,
     "over", "diplomatic envoys, social media influencers, and media representatives", "invited"),
    ("Over 15,000 professional buyers are expected to attend the event.", 15000, "over", "professional buyers",
     "expected"),
    ("The summit was attended by 15,000 delegates.", 15000, None, "delegates", "actual"),
    ("The rally drew a crowd of 3,800 supporters.", 3800, None, "supporters", "actual"),
    ("The gala welcomed some 5,000 VIP guests.", 5000, "approx", "VIP guests", "actual"),
    ("Two dozen delegates attended the talks.", 24, None, "delegates", "actual"),
    ("The fair attracted 1.2 million visitors.", 1_200_000, None, "visitors", "actual"),
    ("Nearly 500 people attended the forum online.", 500, "approx", "people", "actual"),
    ("About 2,000 protesters gathered outside the parliament.", 2000, "approx", "protesters", "actual"),
    ("More than 300 exhibitors took part in the show.", 300, "over", "exhibitors", "actual"),
    ("Around 50,000 people watched the maiden flight.", 50000, "approx", "people", "actual"),
    ("The aircraft was greeted by some 400 guests.", 400, "approx", "guests", "actual"),
    ("Organizers said 2,240 attendees came to the convention.", 2240, None, "attendees", "actual"),
    ("The festival expects about 6 million visitors this year.", 6_000_000, "approx", "visitors", "expected"),
    ("Last year over 4 million visitors attended the event.", 4_000_000, "over", "visitors", "actual"),
    ("Reportedly over 400 firefighters participated in extinguishing the blaze.", 400, "over", "firefighters",
     "actual"),
    ("Trump spoke on the lawn with 1,500 spectators.", 1500, None, "spectators", "actual"),
    ("Pence gave a speech before a crowd of about 100 people.", 100, "approx", "people", "actual"),
    ("The party held its convention with around 20 virtual attendees.", 20, "approx", "virtual attendees", "actual"),
    ("The march drew two million people.", 2_000_000, None, "people", "actual"),
    ("At least 30 journalists were invited to the briefing.", 30, "at_least", "journalists", "invited"),
    ("Some 120 companies will exhibit at the fair next week.", 120, "approx", "companies", "expected"),
    ("The forum brought together 68 international organizations.", 68, None, "international organizations",
     "actual"),
    ("Up to 10,000 fans are expected at the stadium.", 10000, "up_to", "fans", "expected"),
    ("The challenge featured 42 pacemakers.", 42, None, "pacemakers", "actual"),
    ("Thirty students took part in the competition.", 30, None, "students", "actual"),
    ("The ceremony was attended by 250 dignitaries.", 250, None, "dignitaries", "actual"),
    ("Five hundred volunteers joined the clean-up.", 500, None, "volunteers", "actual"),
    ("The expo will host more than 2,000 exhibitors.", 2000, "over", "exhibitors", "expected"),
    ("An estimated 20,000 pilgrims gathered at the shrine.", 20000, "approx", "pilgrims", "actual"),
    ("The meeting was attended by nearly 90 ministers and officials.", 90, "approx", "ministers and officials",
     "actual"),
    ("Roughly 700 runners competed in the marathon.", 700, "approx", "runners", "actual"),
    ("The summit has invited 45 heads of state.", 45, None, "heads", "invited"),
    ("More than 8,000 participants registered for the conference.", 8000, "over", "participants", "actual"),
    ("About 150 investors visited the site.", 150, "approx", "investors", "actual"),
    ("The concert drew 60,000 fans.", 60000, None, "fans", "actual"),
    ("The organisers expect 3,000 delegates to attend.", 3000, None, "delegates", "expected"),
    ("The event attracted 68 international organizations and business associations, as well as over 800 "
     "enterprises.", 800, "over", "enterprises", "actual"),
    ("Over 80 scholars and experts attended the seminar.", 80, "over", "scholars and experts", "actual"),
]


@pytest.mark.parametrize("sentence,count,qualifier,attendees,status", ATTENDANCE,
                         ids=[a[0][:40] for a in ATTENDANCE])
def test_attendance(facts_of, sentence, count, qualifier, attendees, status):
    found = facts_of(sentence, ANCHOR, types={"attendance"})
    match = [f for f in found if f.count == count]
    assert match, [(f.count, f.attendees) for f in found]
    f = match[0]
    assert (f.qualifier, f.attendees, f.status) == (qualifier, attendees, status)
    assert sentence[f.start:f.end] == f.text


NOT_ATTENDANCE = [
    "Delegates from 10 ASEAN countries met in Jakarta.",
    "The firm signed 15 projects worth billions.",
    "The show has 300 booths across five halls.",
    "The forum features 5 sub-forums.",
    "The expo has four digital industry pavilions.",
    "The pavilion brought together 50 large-scale models.",
    "The exhibition area covers 100,000 square meters.",
    "Ford is cutting 30,000 jobs by 2012.",
    "The company has 10,000 employees in Germany.",
    "The city has 7.5 million residents.",
    "The carmaker sold 2 million units last year.",
    "At least 107 people were killed in the collapse.",
    "The app has 300 million users.",
    "The museum holds 5,000 exhibits.",
    "He has written 12 books.",
    "The storm damaged 2,000 homes.",
    "The company posted a loss of $6 billion.",
    "Prices rose 3 percent in 2022.",
    "The plane can seat 300 passengers.",
    "Thousands of fans lined the streets.",
    "The outbreak infected 5,667 people.",
]


@pytest.mark.parametrize("sentence", NOT_ATTENDANCE)
def test_not_attendance(facts_of, sentence):
    assert facts_of(sentence, ANCHOR, types={"attendance"}) == []


# Constructions read off the dependency parse (issue 14): (sentence, count, count_max, status)
PARSED = [
    ("The rally drew 20,000.", 20000, None, "actual"),                                    # bare count, drawing verb
    ("Some 300 took part in the march.", 300, None, "actual"),                            # bare count subject
    ("Fewer than fifty showed up.", 50, None, "actual"),                                  # noun left implied
    ("A crowd of 5,000 gathered outside the stadium.", 5000, None, "actual"),             # crowd noun counts
    ("A 10,000-strong crowd marched to the square.", 10000, None, "actual"),              # "-strong"
    ("There were 2,000 fans at the final.", 2000, None, "actual"),                        # existential frame
    ("Between 18,000 and 60,000 visitors came to the fair.", 18000, 60000, "actual"),     # range with "between"
    ("Some 8,000-9,000 delegates attended the congress.", 8000, 9000, "actual"),          # range with "-"
    ("300,000 marched in Paris, 80,000 in Lyon and 40,000 in Marseille.", 80000, None, "actual"),  # shared verb
    ("Police said 10,000 attended the vigil.", 10000, None, "actual"),                    # reported count
    ("Organisers hope 5,000 runners will take part.", 5000, None, "expected"),            # "will" looks ahead
    ("They said 400 delegates would attend the summit.", 400, None, "expected"),          # "would" looks ahead
    ("More than 200 envoys have been invited to the ceremony.", 200, None, "invited"),    # invitation
    ("Other speakers included four of Trump's children.", 4, None, "actual"),             # "N of <group>"
    ("The fair reported an attendance of 1.2 million.", 1_200_000, None, "actual"),       # attendance noun counts
    ("Organisers hope for 5,000 visitors.", 5000, None, "expected"),                      # "hope for"
    ("Some 900 attending delegates voted on the motion.", 900, None, "actual"),           # participle in the phrase
    ("Between one and two hundred people came.", 100, 200, "actual"),                     # bottom takes top's scale
]


@pytest.mark.parametrize("sentence,count,count_max,status", PARSED, ids=[p[0][:40] for p in PARSED])
def test_attendance_from_the_parse(facts_of, sentence, count, count_max, status):
    found = facts_of(sentence, ANCHOR, types={"attendance"})
    match = [f for f in found if f.count == count]
    assert match, [(f.count, f.text) for f in found]
    assert (match[0].count_max, match[0].status) == (count_max, status)
    assert sentence[match[0].start:match[0].end] == match[0].text


# Counts of people that a sentence does not tie to an event as attendees (issue 14, the negative corpus).
NOT_ATTENDANCE_PARSED = [
    "Two Buddhist pilgrims also died in the fire.",                         # casualties
    "Three visitors were injured when the stand collapsed.",                # casualties
    "Four spectators are still missing.",                                   # casualties
    "The hall has enough room for seven people.",                           # capacity
    "The new arena can hold 20,000 fans.",                                  # capacity
    "The museum draws a million visitors a year.",                          # a rate over a period
    "The park receives 5,000 visitors per day.",                            # a rate over a period
    "The outage affected 800,000 customers.",                               # people affected
    "Republican Kevin McCarthy received 192.",                              # votes, not people at an event
    "The plan needs the approval of two doctors.",                          # approving
    "Turnout reached 40% in the capital.",                                  # a share, not a count
    "About 2.9 million people voted in the election.",                      # voting at large
    "Residents turned out 40,000 strong to vote in the referendum.",        # a purpose that is not attending
    "Sevengill sharks began to show up in the bay.",                        # a number word inside a word
    "The company employs 1,200 people at the plant.",                       # employed
    "908 of the 2240 attendees wore costumes.",                             # the part: only the whole counts
]


@pytest.mark.parametrize("sentence", NOT_ATTENDANCE_PARSED)
def test_not_attendance_through_the_parse(facts_of, sentence):
    found = facts_of(sentence, ANCHOR, types={"attendance"})
    assert [f.count for f in found if "908" not in sentence or f.count == 908] == []
