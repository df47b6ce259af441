"""Money: a table of expressions and their normalized values, and one of things that are not money."""
from __future__ import annotations

import pytest

from factx.money import finder_for

B, M, T, K = 1_000_000_000, 1_000_000, 1_000_000_000_000, 1000

# (text, evidence, amount, amount_max, currency, qualifier)
MONEY = [
    ("$372.7 billion", "$372.7 billion", 372.7 * B, None, "USD", None),
    ("US$5 million", "US$5 million", 5 * M, None, "USD", None),
    ("HK$2.3bn", "HK$2.3bn", 2.3 * B, None, "HKD", None),
    ("€83.6 billion", "€83.6 billion", 83.6 * B, None, "EUR", None),
    ("£13 billion", "£13 billion", 13 * B, None, "GBP", None),
    ("¥500", "¥500", 500, None, "JPY", None),
    ("RMB 12 billion", "RMB 12 billion", 12 * B, None, "CNY", None),
    ("12.1 billion CNY", "12.1 billion CNY", 12.1 * B, None, "CNY", None),
    ("1.7 billion USD", "1.7 billion USD", 1.7 * B, None, "USD", None),
    ("29.99 billion yuan", "29.99 billion yuan", 29.99 * B, None, "CNY", None),
    ("40.1 billion U.S. dollars", "40.1 billion U.S. dollars", 40.1 * B, None, "USD", None),
    ("5 million euros", "5 million euros", 5 * M, None, "EUR", None),
    ("ten dollars", "ten dollars", 10, None, "USD", None),
    ("half a billion dollars", "half a billion dollars", 0.5 * B, None, "USD", None),
    ("$1.5bn", "$1.5bn", 1.5 * B, None, "USD", None),
    ("$2.5m", "$2.5m", 2.5 * M, None, "USD", None),
    ("1,000 yuan", "1,000 yuan", 1000, None, "CNY", None),
    ("close to 5 billion yuan", "close to 5 billion yuan", 5 * B, None, "CNY", "approx"),
    ("exceeding 30 billion yuan", "exceeding 30 billion yuan", 30 * B, None, "CNY", "over"),
    ("more than $1 billion", "more than $1 billion", 1 * B, None, "USD", "over"),
    ("up to $300 million", "up to $300 million", 300 * M, None, "USD", "up_to"),
    ("between $5 million and $10 million", "between $5 million and $10 million", 5 * M, 10 * M, "USD", None),
    ("$5-10 million", "$5-10 million", 5 * M, 10 * M, "USD", None),
    ("$599 per phone", "$599", 599, None, "USD", None),
    ("99 cents a song", "99 cents", 0.99, None, "USD", None),
    ("$25.50 a share", "$25.50", 25.5, None, "USD", None),
    ("A$40 million", "A$40 million", 40 * M, None, "AUD", None),
    ("S$1.2 billion", "S$1.2 billion", 1.2 * B, None, "SGD", None),
    ("NT$300", "NT$300", 300, None, "TWD", None),
    ("C$10,000", "C$10,000", 10 * K, None, "CAD", None),
    ("CA$19", "CA$19", 19, None, "CAD", None),
    ("SGD1.75-billion", "SGD1.75-billion", 1.75 * B, None, "SGD", None),
    ("USD$23 billion dollar", "USD$23 billion dollar", 23 * B, None, "USD", None),
    ("$5.9 billion dollars", "$5.9 billion dollars", 5.9 * B, None, "USD", None),
    ("in the region of US$140bn", "in the region of US$140bn", 140 * B, None, "USD", "approx"),
    ("just over US$89.00", "just over US$89.00", 89, None, "USD", "over"),
    ("almost $3.5 billion", "almost $3.5 billion", 3.5 * B, None, "USD", "approx"),
    ("less than $80", "less than $80", 80, None, "USD", "under"),
    ("as much as CA$4 billion", "as much as CA$4 billion", 4 * B, None, "CAD", "up_to"),
    ("US$300 to 350 million", "US$300 to 350 million", 300 * M, 350 * M, "USD", None),
    ("US$3,000 to 5,000", "US$3,000 to 5,000", 3 * K, 5 * K, "USD", None),
    ("between $5 and $7 billion", "between $5 and $7 billion", 5 * B, 7 * B, "USD", None),
    ("between 3 and 4 billion euros", "between 3 and 4 billion euros", 3 * B, 4 * B, "EUR", None),
    ("US$3.4 trillion", "US$3.4 trillion", 3.4 * T, None, "USD", None),
    ("£0.79", "£0.79", 0.79, None, "GBP", None),
    ("€9.99", "€9.99", 9.99, None, "EUR", None),
    ("£1bn", "£1bn", 1 * B, None, "GBP", None),
    ("US$7.2 bn", "US$7.2 bn", 7.2 * B, None, "USD", None),
    ("about 300 million rupees", "about 300 million rupees", 300 * M, None, "INR", "approx"),
    ("5,000 baht", "5,000 baht", 5000, None, "THB", None),
    ("2 million ringgit", "2 million ringgit", 2 * M, None, "MYR", None),
    ("1 trillion rupiah", "1 trillion rupiah", 1 * T, None, "IDR", None),
    ("500,000 dong", "500,000 dong", 500 * K, None, "VND", None),
    ("300 pesos", "300 pesos", 300, None, "PHP", None),
    ("some $5 million", "some $5 million", 5 * M, None, "USD", "approx"),
    ("nearly €2 billion", "nearly €2 billion", 2 * B, None, "EUR", "approx"),
    ("over £15 million", "over £15 million", 15 * M, None, "GBP", "over"),
    ("at least $2 billion", "at least $2 billion", 2 * B, None, "USD", "at_least"),
    ("upwards of $10 million", "upwards of $10 million", 10 * M, None, "USD", "over"),
    ("in excess of £3 million", "in excess of £3 million", 3 * M, None, "GBP", "over"),
    ("roughly 800 euros", "roughly 800 euros", 800, None, "EUR", "approx"),
    ("a million dollars", "a million dollars", 1 * M, None, "USD", None),
    ("two dozen dollars", "two dozen dollars", 24, None, "USD", None),
    ("RMB500 million", "RMB500 million", 500 * M, None, "CNY", None),
    ("12 Hong Kong dollars", "12 Hong Kong dollars", 12, None, "HKD", None),
    ("50 Canadian dollars", "50 Canadian dollars", 50, None, "CAD", None),
    ("3 billion renminbi", "3 billion renminbi", 3 * B, None, "CNY", None),
    ("$2 million or more", "$2 million or more", 2 * M, None, "USD", "at_least"),
    ("a 99p song", "99p", 0.99, None, "GBP", None),
    ("prices ranging from $5 to $10", "$5 to $10", 5, 10, "USD", None),
    # Decimal comma: one or two digits after the comma are decimals, three are thousands.
    ("a coffee at €2,50", "€2,50", 2.5, None, "EUR", None),
    ("a coffee at 2,50 €", "2,50 €", 2.5, None, "EUR", None),
    ("a fine of 100€", "100€", 100, None, "EUR", None),
    ("a budget of €3,5 million", "€3,5 million", 3.5 * M, None, "EUR", None),
    ("a total of 1.234,56 €", "1.234,56 €", 1234.56, None, "EUR", None),
    ("a total of €1,234", "€1,234", 1234, None, "EUR", None),
    # A sign before the symbol: a loss or a debt.
    ("net income of -$5 million", "-$5 million", -5 * M, None, "USD", None),
    ("a balance of \u2212£300", "\u2212£300", -300, None, "GBP", None),
]


@pytest.mark.parametrize("text,evidence,amount,amount_max,currency,qualifier", MONEY, ids=[m[0] for m in MONEY])
def test_money_expression(patterns, text, evidence, amount, amount_max, currency, qualifier):
    found = list(finder_for(patterns).find(text))
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == evidence
    assert m.amount == pytest.approx(amount)
    assert (m.amount_max is None and amount_max is None) or m.amount_max == pytest.approx(amount_max)
    assert m.currency == currency
    assert m.qualifier == qualifier


NOT_MONEY = [
    "Exports were up 5.6 percent in October.",
    "The Dow fell 300 points on Monday.",
    "The company employs 1,500 people.",
    "The factory opened in 2008.",
    "Call 555-1234 for details.",
    "Sales rose 12% last year.",
    "The plane can carry 300 passengers.",
    "He scored 2 goals in 90 minutes.",
    "The index closed at 8,451.19.",
    "The 2024 ASEAN-China Forum opened.",
    "Temperatures reached 40 degrees.",
    "The building is 828 metres tall.",
    "They sold 1.2 million units.",
    "Flight 370 disappeared in 2014.",
    "The vote was 52 to 48.",
    "Population: 7.5 million.",
    "She won 3 medals and many hearts.",
    "The plane landed at 6:40 p.m. local time.",
    "The score was 2-1 after 90 minutes, 3-2 in the end.",
    "Ranges of 5-10 percent are common.",
]


@pytest.mark.parametrize("text,expected", [
    ("swap lines rose from US$55 billion to US$110 billion", [("US$55 billion", 55 * B), ("US$110 billion", 110 * B)]),
    ("prices fall to £0.74 and £7.48", [("£0.74", 0.74), ("£7.48", 7.48)]),
    # A change and the new level: "by X to Y" is two facts, never a range.
    ("Revenue fell by $2 million to $40 million", [("$2 million", 2 * M), ("$40 million", 40 * M)]),
    ("The budget was cut by €5bn to €20bn", [("€5bn", 5 * B), ("€20bn", 20 * B)]),
    ("between 3 and 4 billion euros, not 3 and 4 billion euros", [("between 3 and 4 billion euros", 3 * B),
                                                                  ("4 billion euros", 4 * B)]),
])
def test_separate_amounts_are_not_ranges(patterns, text, expected):
    found = list(finder_for(patterns).find(text))
    assert [(text[m.start:m.end], m.amount) for m in found] == [(e, pytest.approx(a)) for e, a in expected]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(patterns, text):
    assert list(finder_for(patterns).find(text)) == []


def test_bare_dollar_follows_the_dollar_the_document_named(patterns):
    text = "The charity raised nearly CDN$11,000, beating its goal of $10,000."
    found = list(finder_for(patterns).find(text))
    assert [(text[m.start:m.end], m.currency) for m in found] == [("nearly CDN$11,000", "CAD"), ("$10,000", "CAD")]


def test_conversion_is_two_facts(facts_of):
    text = "Trade exceeded 2 trillion yuan ($282 billion) for the first time."
    money = facts_of(text, "2023-11-24", types={"money"})
    assert [(f.text, f.amount, f.currency, f.qualifier) for f in money] == [
        ("exceeded 2 trillion yuan", 2 * T, "CNY", "over"),
        ("$282 billion", 282 * B, "USD", None),
    ]
