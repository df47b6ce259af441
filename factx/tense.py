"""The tense of a date's own clause, from the dependency parse.

A day, month or weekday with no year takes the year (or week) its clause's tense points to
(FACTS.md: "unless the tense says otherwise"): "began on August 10 and will continue" is a past
August 10, "will open on Monday" a coming Monday. The governing verb is the first verb above the
date in the parse ("the meeting on Monday will decide": decide). Constructions:
- future: "will", "'ll", "shall" ("will open on Monday"); "going to" and a present "is expected
  to", "is scheduled to", "plans to" ("the plant is set to close in June");
- past: a past verb ("arrested both men in early August"), a perfect ("had met on Friday"), a past
  passive ("was arrested on Friday"), "was ...ing";
- neither: the present, "would" (the future of a past moment), "was expected to" (a plan seen from
  the past), and a past verb of scheduling whose date may be ahead ("was postponed to May 30": the
  verbs of patterns/scheduling_verbs.jsonl).
"""
from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
PAST_AUX = {"was", "were", "had", "did"}
PERFECT_AUX = {"has", "have", "had"}
LOOKING_AHEAD = {"expected", "scheduled", "set", "due", "slated", "going", "planned", "plans", "plan", "poised",
                 "about", "intends", "intend", "aims", "aim", "hopes", "hope", "wants", "want"}


ENDPOINTS = {"until", "till", "through", "pending"}  # "released on bail till October": an end ahead or behind


def governing_verb(tok: Token) -> Token | None:
    """The first verb above a token in its parse (the token itself if it is one)."""
    for _ in range(25):
        if tok.tag_.startswith("VB") or tok.tag_ == "MD":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def clause_tense(date_token: Token, scheduling: frozenset[str] | set[str]) -> str | None:
    """The tense of the clause a date is an adverbial of. A date that modifies a noun ("the November
    13 deadline", "October elections") or closes a span ("until October 14") takes no tense from
    the verb: the verb's time is not the date's."""
    tok = date_token
    while tok.head.i != tok.i and tok.head.tag_[:2] in ("NN", "CD") and tok.head.ent_type_ in ("DATE", "TIME"):
        tok = tok.head  # "August 10": up to the date's own head
    if tok.dep_ in ("compound", "amod", "nmod", "poss", "nummod"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ENDPOINTS:
        return "future" if verb_tense(governing_verb(head) or head, scheduling) == "future" else None
    if tok.dep_ == "pobj" and head.head.tag_[:2] == "NN" and head.dep_ == "prep":
        return None  # "a bid for October elections", "the meeting on Monday": a noun's date
    verb = governing_verb(tok)
    return verb_tense(verb, scheduling) if verb is not None else None


def verb_tense(verb: Token, scheduling: frozenset[str] | set[str]) -> str | None:
    """"future", "past", "present" (the sentence's words decide, as without a parse) or None (a tense
    that does not place the date: "would", a plan seen from the past, a verb of scheduling)."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and "to" in aux and verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in LOOKING_AHEAD:
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if head_aux & FUTURE_AUX or head_aux & {"is", "are", "am", "'s", "'re"} or verb.head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is expected to open on Monday", "plans to open in June"
        return None  # "was expected to open on Monday": a plan seen from the past
    if verb.lower_ in scheduling:
        return None  # "was postponed to May 30": the date may be ahead of the article
    if "would" in aux:
        return None
    if verb.tag_ == "VBD" or aux & PAST_AUX or verb.tag_ == "VBN" and aux & PERFECT_AUX:
        return "past"
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.tag_ in ("VBN", "VB", "VBG"):
        return verb_tense(verb.head, scheduling)  # "is scheduled to remain ... and return on Friday"
    if verb.tag_ in ("VBZ", "VBP") or aux & {"is", "are", "am", "do", "does"}:
        return "present"  # "the warnings apply from tomorrow night into Friday morning": words decide
    return None
