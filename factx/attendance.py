"""Attendance: how many people or organisations attend, take part, exhibit, visit or are invited.

A count is attendance when it counts attendee nouns (`attendee_nouns.jsonl`) and
either the noun says so by itself ("2,240 attendees") or an attendance verb
(`attendance_verbs.jsonl`) ties it to an event: "<count> attended", "attracted
<count>". Counts of non-attendees (`non_attendee_nouns.jsonl`: countries,
booths, jobs ...) never are.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex
from spacy.tokens import Doc

from .context import ExtractionContext, Found
from .numbers import NumberGrammar, grammar_for
from .pattern_files import Patterns, alternation

NP_TAGS = {"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH", "VBN", "VBG", "POS"}
FUTURE = {"will", "expected", "expect", "expects", "expecting", "set", "scheduled", "plan", "plans", "planned", "'ll"}


@dataclass
class AttendanceRules:
    numbers: NumberGrammar
    figure: regex.Pattern
    qualifier_of: dict[str, str]
    nouns: dict[str, bool]  # noun -> counts as attendance by itself
    not_nouns: set[str]
    after_verbs: list[tuple[list[str], str]]  # (words, status), longest first
    before_verbs: list[tuple[list[str], str]]


@lru_cache(maxsize=8)
def rules_for(patterns: Patterns) -> AttendanceRules:
    numbers = grammar_for(patterns)
    quals = [r for r in patterns.rows("qualifiers") if r.get("position", "before") == "before"]
    qual = alternation(r["phrase"] for r in quals)
    figure = regex.compile(rf"(?<![\p{{L}}\d$€£¥.,])(?:(?P<qual>(?i:{qual}))\s+)?(?P<fig>{numbers.figure})(?![\d%]|\.\d)")
    verbs = patterns.rows("attendance_verbs")

    def table(position):
        rows = [(r["phrase"].lower().split(), r["status"]) for r in verbs if r["position"] == position]
        return sorted(rows, key=lambda x: -len(x[0]))

    return AttendanceRules(
        numbers=numbers,
        figure=figure,
        qualifier_of={" ".join(r["phrase"].lower().split()): r["qualifier"] for r in quals},
        nouns={r["noun"].lower(): bool(r.get("alone")) for r in patterns.rows("attendee_nouns")},
        not_nouns={r["noun"].lower() for r in patterns.rows("non_attendee_nouns")},
        after_verbs=table("after_count"),
        before_verbs=table("before_count"),
    )


def _phrase_at(doc: Doc, i: int, words: list[str]) -> bool:
    if i + len(words) > len(doc):
        return False
    return all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _noun_phrase(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """The attendee phrase after a count: (end of its first head noun, end of the whole phrase)."""
    j = i
    if j < limit and doc[j].lower_ == "of" and j + 1 < limit and doc[j + 1].lower_ in ("the", "their", "its"):
        return None  # "908 of the 2240 attendees": the later count is the fact
    if j + 2 < limit and doc[j].lower_ == "of" and doc[j + 1].tag_ == "NNP" and doc[j + 2].tag_ == "POS":
        j += 1  # "four of Trump's children"
    head_end = None
    while j < limit and (doc[j].tag_ in NP_TAGS or doc[j].lower_ == "-") and not doc[j].is_space:
        j += 1
        if doc[j - 1].tag_ in ("NNS", "NNPS") or doc[j - 1].tag_ in ("NN", "NNP") and doc[j - 1].lower_ in ("people", "crowd", "audience"):
            head_end = j
    if head_end is None:
        return None
    end = head_end
    # Coordinated attendees: "envoys, social media influencers, and media representatives".
    k = end
    while k < limit:
        if doc[k].text == "," or doc[k].lower_ in ("and", "or"):
            m = k + 1
            while m < limit and (doc[m].lower_ in ("and", "or", "as", "well") or doc[m].text == ","):
                m += 1
            n = m
            while n < limit and doc[n].tag_ in NP_TAGS and not doc[n].is_space:
                n += 1
            if n > m and doc[n - 1].tag_ in ("NNS", "NNPS") and not any(doc[q].like_num for q in range(m, n)):
                end = k = n
                continue
        break
    return head_end, end


def _from_phrase(doc: Doc, end: int, verb_at: int) -> int:
    """Extend the attendees over 'from government departments, ..., and enterprises from China',
    up to the attendance verb that follows them."""
    if end < verb_at and doc[end].lower_ == "from":
        k = verb_at
        while k > end + 1 and (doc[k - 1].tag_ in ("CC", ",", "IN", "DT", "RB", "MD", "VBD", "VBZ", "VBP")
                               or doc[k - 1].text == "," or doc[k - 1].is_space):
            k -= 1
        if not any(t.text in (".", ";") for t in doc[end:k]):
            return k
    return end


def extract(doc: Doc, ctx: ExtractionContext) -> list[Found]:
    """The attendance facts of a spaCy Doc (component entry point)."""
    rules = rules_for(ctx.patterns)
    text = ctx.text
    taken = [(f.start, f.end) for kind in ("money", "date") for f in ctx.found.get(kind, [])]
    out: list[Found] = []
    sentences = ctx.sentence_tokens or [(0, len(doc))]
    starts = [s for s, _ in sentences]
    last: tuple[int, str] | None = None  # (token end, status) of the last attendance count
    for m in rules.figure.finditer(text):
        fs, fe = m.span("fig")
        if any(s < fe and fs < e for s, e in taken):
            continue
        value = rules.numbers.parse(m.group("fig"))
        if value is None or value < 1 or value != int(value):
            continue
        span = doc.char_span(fs, fe, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = doc[slice(*sentences[bisect_right(starts, span.start) - 1])]
        np = _noun_phrase(doc, span.end, sent.end)
        if np is None:
            continue
        head_end, np_end = np
        head = doc[head_end - 1].lower_
        if head in rules.not_nouns or head not in rules.nouns:
            continue
        status = _status(doc, rules, span.start, np_end, sent.start, sent.end, m.group("qual"))
        if status is None and last is not None and sent.start <= last[0] <= span.start:
            # "attracted 68 organizations ..., as well as over 800 enterprises": the list shares its verb.
            link = doc[last[0]:span.start - (len(m.group("qual").split()) if m.group("qual") else 0)]
            if all(t.lower_ in (",", ";", "and", "as", "well", "plus", "including", "along", "with") for t in link):
                status = last[1]
        if status is None and not rules.nouns[head]:
            continue
        if status is None:
            status = "expected" if any(t.lower_ in FUTURE for t in sent) else "actual"
        verb_at = _verb_after(doc, rules, np_end, sent.end)
        if verb_at is not None:
            np_end = _from_phrase(doc, np_end, verb_at)
        start = m.start() if m.group("qual") else fs
        end = doc[np_end - 1].idx + len(doc[np_end - 1])
        attendees = text[doc[span.end].idx:end]
        qualifier = rules.qualifier_of.get(" ".join(m.group("qual").lower().split())) if m.group("qual") else None
        out.append(Found("attendance", start, end, {"count": int(value), "qualifier": qualifier,
                                                    "attendees": attendees, "status": status}))
        last = (np_end, status)
        taken.append((start, end))
    return out


def _verb_after(doc: Doc, rules: AttendanceRules, i: int, limit: int) -> int | None:
    """Where the first after-count attendance verb starts, within 30 tokens."""
    for k in range(i, min(limit, i + 30)):
        if any(_phrase_at(doc, k, words) for words, _ in rules.after_verbs):
            return k
    return None


def _status(doc: Doc, rules: AttendanceRules, count_start: int, np_end: int, s0: int, s1: int,
            qualifier: str | None) -> str | None:
    """actual / expected / invited from the attendance verb around the count, or None if there is none."""
    # "<count> attended" / "<count> are expected to attend": the verb follows the attendee phrase.
    for k in range(np_end, min(s1, np_end + 30)):
        if doc[k].text in (";",) or doc[k].like_num and k > np_end + 2:
            break
        for words, status in rules.after_verbs:
            if _phrase_at(doc, k, words):
                return status
    # "attracted <count>" / "invited over 60": the verb comes before, within a few words.
    q_len = len(qualifier.split()) if qualifier else 0
    for k in range(count_start - q_len - 1, max(s0, count_start - q_len - 8) - 1, -1):
        for words, status in rules.before_verbs:
            if _phrase_at(doc, k, words) and k + len(words) <= count_start:
                between = doc[k + len(words):count_start]
                if all(t.tag_ in ("DT", "IN", "RB", "JJ", "CD", ",", "CC") or t.lower_ in ("as", "well")
                       for t in between) and len(between) <= 6:
                    return status
    return None
