"""Attendance: how many people or organisations attend, take part, exhibit, visit or are invited.

A count is attendance because its sentence ties it to an event, read off the dependency
parse of that sentence (parsed on demand, parsing.py), not because of the noun alone:

- the counted noun (or the count standing for it: "thousands marched") is the subject of an
  attendance predicate ("500 delegates attended", "some 300 took part", "are expected to attend"),
  the object of a drawing one ("the rally drew 20,000", "attracted over 800 enterprises",
  "brought together 60 envoys"), or its agent ("was attended by 500 people");
- the count is what a crowd noun counts ("a crowd of 5,000", "a 10,000-strong crowd");
- a noun that names attendance by itself ("2,240 attendees", "there were 2,000 fans at the
  final") counts unless its own predicate says otherwise (died, injured, affected: the
  `non_attendance_verbs` table), or it is a capacity ("room for 700 people") or a rate
  ("a million visitors a year").

Lists share their tie ("68 organizations ..., as well as over 800 enterprises"; "300,000
marched in Paris, 80,000 in Lyon"). Status: `invited` for invite verbs; `expected` when the
predicate looks ahead ("will", "would", "are expected to", "plan to", "hope for"); else `actual`.
Counts of non-attendees (`non_attendee_nouns.jsonl`: countries, booths, jobs ...) never are.
Turnout as a share ("turnout reached 40%") is a percentage, not a count: never attendance.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from spacy.tokens import Doc, Token

from .context import ExtractionContext, Found
from .numbers import NumberGrammar, grammar_for
from .parsing import Parsed
from .pattern_files import Patterns, alternation

NP_TAGS = {"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH", "VBN", "VBG", "POS"}
# Words before the verb of a table phrase that are not the verb: "will attend", "are expected to".
AUXILIARIES = {"will", "are", "is", "was", "were", "have", "has", "been", "be", "to", "plan", "set", "scheduled",
               "expected", "a", "an", "the"}
# Heads that make a clause look ahead: "are expected to attend", "plan to attend", "hope for".
LOOKING_AHEAD = {"expect", "expected", "expects", "expecting", "set", "scheduled", "plan", "plans", "planned",
                 "planning", "hope", "hopes", "hoped", "hoping", "due", "aim", "aims", "intend", "intends"}
FUTURE_AUX = {"will", "'ll", "shall", "would", "wo"}
# Units of time that make a count a rate ("a million visitors a year"), not one event's attendance.
PERIODS = {"year", "day", "week", "month", "season", "annually", "yearly", "daily", "weekly", "monthly"}
# Heads that make a count a capacity ("room for 700 people", "seats for 500", "a capacity of 5,000").
CAPACITY = {"room", "space", "capacity", "seats", "seating", "places", "beds", "tickets"}
# A count standing alone as an object is attendance only after verbs that draw people to an event
# ("the rally drew 20,000", "welcomed 2,000"): "received 192" (votes), "included 12" are not.
DRAWING_VERBS = {"attract", "draw", "drew", "brought", "welcom", "host", "gather", "greet", "invit", "expect"}
# Vague quantities: "thousands of fans" gives no number (FACTS.md), "four of Trump's children" does.
VAGUE = {"dozens", "hundreds", "thousands", "millions", "tens", "scores", "billions"}
SUBJECT, OBJECT = {"nsubj", "nsubjpass", "csubj", "expl"}, {"dobj", "attr", "oprd", "dative"}


# factx's pipeline has no attribute ruler, so coarse parts of speech come from the fine tags.
def is_noun(t: Token) -> bool:
    return t.tag_.startswith("NN") or t.tag_ == "PRP"


def is_verb(t: Token) -> bool:
    return t.tag_.startswith("VB") or t.tag_ == "MD"


@dataclass
class AttendanceRules:
    numbers: NumberGrammar
    figure: regex.Pattern
    qualifier_of: dict[str, str]
    nouns: dict[str, bool]  # noun -> counts as attendance by itself
    not_nouns: set[str]
    subject_verbs: dict[str, tuple[str, tuple[str, ...]]]  # verb stem -> (status, particles) for "<count> attended"
    object_verbs: dict[str, tuple[str, tuple[str, ...]]]  # "attracted <count>", "attended by <count>"
    not_verbs: set[str]  # stems of predicates that are not attendance: died, injured, affected ...


def stem(word: str) -> str:
    """A crude stem that folds the regular forms of a verb together: attend/attends/attended/attending."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w.rstrip("e")


def _verb_table(rows, position: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Table phrases by the stem of their verb: "will take part" -> take: (expected, ("part",))."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for r in rows:
        if r["position"] != position:
            continue
        words = r["phrase"].lower().split()
        k = 0
        while k < len(words) - 1 and words[k] in AUXILIARIES:
            k += 1
        verb, rest = words[k], tuple(words[k + 1:])
        if verb in AUXILIARIES or verb in ("with", "for", "of", "crowd", "turnout"):
            continue  # not verbs: the parse handles "a crowd of", "with", "for" by structure
        table.setdefault(stem(verb), (r["status"], rest))
    return table


@lru_cache(maxsize=8)
def rules_for(patterns: Patterns) -> AttendanceRules:
    numbers = grammar_for(patterns)
    quals = [r for r in patterns.rows("qualifiers") if r.get("position", "before") == "before"]
    qual = alternation(r["phrase"] for r in quals)
    fig = numbers.figure
    figure = regex.compile(
        rf"(?<![\p{{L}}\d$€£¥.,])(?:(?P<qual>(?i:{qual}))\s+)?(?P<between>(?i:between)\s+)?(?P<fig>{fig})"
        rf"(?:(?:\s*[-–]\s*|\s+to\s+|(?(between)\s+and\s+|(?!)))(?P<fig2>{fig}))?(?![\d%\p{{L}}]|\.\d|\s*(?:%|percent))")
    verbs = patterns.rows("attendance_verbs")
    return AttendanceRules(
        numbers=numbers,
        figure=figure,
        qualifier_of={" ".join(r["phrase"].lower().split()): r["qualifier"] for r in quals},
        nouns={r["noun"].lower(): bool(r.get("alone")) for r in patterns.rows("attendee_nouns")},
        not_nouns={r["noun"].lower() for r in patterns.rows("non_attendee_nouns")},
        subject_verbs=_verb_table(verbs, "after_count"),
        object_verbs=_verb_table(verbs, "before_count"),
        not_verbs={stem(r["verb"]) for r in patterns.rows("non_attendance_verbs")},
    )


def _noun_phrase_end(doc: Doc, i: int, limit: int) -> int:
    """The end of the attendee phrase that starts at token i: its nouns, coordinated nouns without a
    count of their own ("envoys, social media influencers, and media representatives") and a
    "from ..." phrase ("representatives from government departments ... and enterprises from China")."""
    j, end = i, i
    while j < limit and (doc[j].tag_ in NP_TAGS or doc[j].text in ("-", "'s")) and not doc[j].is_space:
        j += 1
        if doc[j - 1].tag_.startswith("NN"):
            end = j
    k = end
    while k < limit:
        if doc[k].lower_ == "of" and k + 1 < limit and doc[k + 1].tag_ == "NNP":
            n = k + 1  # "two brothers of George Floyd"
            while n < limit and doc[n].tag_ in ("NNP", "POS"):
                n += 1
            end = k = n
            continue
        if doc[k].text == "," or doc[k].lower_ in ("and", "or", "from"):
            m = k + 1
            while m < limit and (doc[m].lower_ in ("and", "or") or doc[m].text == ","):
                m += 1
            n = m
            while n < limit and (doc[n].tag_ in NP_TAGS or doc[n].tag_ in ("DT", "CC") or doc[n].text == ",") \
                    and not doc[n].is_space and not doc[n].like_num and not (doc[n].lower_ == "as"):
                n += 1
            while n > m and not doc[n - 1].tag_.startswith("NN"):
                n -= 1
            if n > m and (doc[k].lower_ == "from" or doc[n - 1].tag_ in ("NNS", "NNPS")):
                end = k = n
                continue
        break
    return end


def extract(doc: Doc, ctx: ExtractionContext) -> list[Found]:
    """The attendance facts of a spaCy Doc (component entry point)."""
    rules = rules_for(ctx.patterns)
    text = ctx.text
    taken = [(f.start, f.end) for kind in ("money", "date") for f in ctx.found.get(kind, [])]
    candidates = []
    for m in rules.figure.finditer(text):
        fs, fe = m.span("fig2") if m.group("fig2") else m.span("fig")
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = rules.numbers.parse(m.group("fig"))
        top = rules.numbers.parse(m.group("fig2")) if m.group("fig2") else None
        if top is not None and value is not None and len(m.group("fig").split()) == 1:
            # "between one and two hundred people": a bare bottom figure takes the top's scale
            lead = rules.numbers.parse(m.group("fig2").split()[0])
            if lead and top / lead > 1 and value * top / lead <= top:
                value *= top / lead
        if value is None or value < 1 or value != int(value) or (top is not None and top <= value):
            continue
        span = doc.char_span(fs, fe, alignment_mode="expand")
        if span is None or not len(span):
            continue
        candidates.append((m, int(value), int(top) if top else None, span.end - 1))
    if not candidates or ctx.parses is None:
        return []
    parsed = ctx.parses.get(ctx.sentence_of_token(i) for *_, i in candidates)
    out: list[Found] = []
    for m, value, top, last in candidates:
        sentence = parsed.get(ctx.sentence_of_token(last))
        if sentence is None:
            continue
        fact = _attendance(doc, ctx, rules, sentence, sentence.token_at(last), m, value, top)
        if fact is not None and not any(f.start < fact.end and fact.start < f.end for f in out):
            out.append(fact)
    return out


def _attendance(doc, ctx, rules, sentence: Parsed, count: Token, m, value: int, top: int | None) -> Found | None:
    noun = _counted_noun(count)
    if noun is not count:
        word = noun.lower_
        if word in rules.not_nouns or word not in rules.nouns:
            return None
        if any(c.lower_ == "of" for c in count.children) or _is_partitive(count):
            return None  # "908 of the 2,240 attendees": the whole is the fact
    elif count.i + 1 < len(count.doc) and count.doc[count.i + 1].lower_ == "of":
        # "four of Trump's children": the count of a group named after "of"; "thousands of fans" is vague,
        # "908 of the 2,240 attendees" a part of the count that follows.
        members = _of_members(count)
        if count.lower_ in VAGUE or not members:
            return None
        if members[0].lower_ in rules.not_nouns or members[0].lower_ not in rules.nouns:
            return None
    if _is_rate(noun) or _is_capacity(noun):
        return None
    status = _tie(rules, noun, count)
    if status is None or _for_a_purpose_that_is_not_attendance(rules, count):
        return None
    i = sentence.index(noun)
    end_token = _noun_phrase_end(doc, sentence.index(count) + 1, ctx.sentence_tokens[ctx.sentence_of_token(i)][1]) \
        if noun is not count else sentence.index(count) + 1
    if noun is not count:
        end_token = _through_long_subject(sentence, noun, end_token)
    of_members = _of_members(count) if noun is count else []
    if of_members:  # "four of Trump's children"
        end_token = sentence.index(of_members[0]) + 1
    end_token = max(end_token, sentence.index(count) + 1)
    start = m.start() if m.group("qual") else m.start("between") if m.group("between") else m.start("fig")
    end = doc[end_token - 1].idx + len(doc[end_token - 1])
    after_count = doc[sentence.index(count) + 1].idx if noun is not count or of_members else end
    attendees = ctx.text[after_count:end]
    qualifier = rules.qualifier_of.get(" ".join(m.group("qual").lower().split())) if m.group("qual") else None
    return Found("attendance", start, end, {"count": value, "count_max": top, "qualifier": qualifier,
                                            "attendees": attendees, "status": status})


def _through_long_subject(sentence: Parsed, noun: Token, end_token: int) -> int:
    """Where the attendee phrase runs on to the main verb whose subject lies in it ("representatives from
    government departments, ..., think tanks, and enterprises from China attended"), it ends before that
    verb and its auxiliaries."""
    root = next((t for t in noun.sent if t.dep_ == "ROOT"), None)
    if root is None or sentence.index(root) <= end_token:
        return end_token
    subjects = [c for c in root.children if c.dep_ in SUBJECT and sentence.index(c) >= end_token]
    if not subjects:
        return end_token
    if _breaks_off(noun.doc[noun.i + 1:root.i]):
        return end_token
    k = root.i
    while k > subjects[0].i + 1 and noun.doc[k - 1].dep_ in ("aux", "auxpass", "advmod", "neg", "punct"):
        k -= 1
    return sentence.token_base + k


def _of_members(count: Token) -> list[Token]:
    """The group after "<count> of" ("four of Trump's children"), unless it holds a count of its own."""
    if count.i + 1 >= len(count.doc) or count.doc[count.i + 1].lower_ != "of":
        return []
    of = count.doc[count.i + 1]
    if any(t.like_num for t in of.subtree):
        return []
    return [c for c in of.children if c.dep_ == "pobj"]


def _counted_noun(count: Token) -> Token:
    """The noun a count counts ("500 delegates"), through ranges and qualifiers; else the count itself."""
    t = count
    while t.dep_ in ("quantmod", "compound", "conj", "cc") and t.head.i != t.i and t.head.like_num:
        t = t.head  # "2.9 million", "between 18,000 and 60,000"
    if t.dep_ in ("nummod", "amod", "compound", "quantmod") and is_noun(t.head):
        return t.head
    return t


def _for_a_purpose_that_is_not_attendance(rules, count: Token) -> bool:
    """"turned out 2.9 million strong to vote": the predicate's purpose clause says what the count did
    (vote in an election at large, sign a petition), and it is not attending an event."""
    chain = []
    for t in count.ancestors:  # up to the governing verb: "2.9 million strong to vote" hangs from "strong"
        chain.append(t)
        if is_verb(t):
            break
    return any(c.dep_ in ("xcomp", "advcl") and stem(c.text) in rules.not_verbs
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for t in chain for c in t.children)


def _is_partitive(count: Token) -> bool:
    return count.head.lower_ == "of" and count.head.head.like_num


def _is_rate(noun: Token) -> bool:
    """"a million visitors a year", "5,000 visitors per day", "200 fans annually"."""
    doc, i = noun.doc, noun.i
    window = [t.lower_ for t in doc[i + 1:i + 4]]
    return (bool(window) and window[0] in PERIODS) or (len(window) > 1 and window[0] in ("a", "per", "each", "every")
                                                       and window[1] in PERIODS)


def _is_capacity(noun: Token) -> bool:
    """"room for 700 people", "seats for 500", "a capacity of 5,000", "can hold 2,000 people"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("for", "of") and head.head.lower_ in CAPACITY:
        return True
    return noun.dep_ in OBJECT and head.lower_ in ("hold", "holds", "seat", "seats", "accommodate", "accommodates",
                                                   "fit", "fits")


def _tie(rules: AttendanceRules, noun: Token, count: Token) -> str | None:
    """The status the sentence gives the counted noun, or None where nothing ties it to an event."""
    n = noun
    while n.dep_ in ("conj", "appos") and n.head.i != n.i and (is_noun(n.head) or n.head.like_num):
        n = n.head  # a list shares its first member's tie
    if n.dep_ == "conj" and is_verb(n.head):
        verb = n.head
        if _verb_status(rules.object_verbs, verb) is not None and noun is not count:
            return _verb_status(rules.object_verbs, verb)  # "included three presidents ...; and two brothers"
        n = next((c for c in verb.children if c.dep_ in SUBJECT), n)  # "300,000 marched in Paris, 80,000 in Lyon"
    head = n.head
    alone = rules.nouns.get(noun.lower_, False) and noun is not count
    if noun is not count and any(c.tag_ == "VBG" and c.dep_ in ("amod", "compound") and stem(c.text)
                                 in rules.subject_verbs for c in noun.children):
        return "actual"  # a participle inside the phrase: "some 900 attending delegates", "40 competing teams"
    if n.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in LOOKING_AHEAD:
        return "expected"  # "organisers hope for 5,000 visitors"
    if n.dep_ in SUBJECT and is_verb(head):
        if stem(head.text) in rules.not_verbs:
            return None
        status = _verb_status(rules.subject_verbs, head)
        if status is None:
            status = _via_complement(rules, head)
        if status is not None:
            return status
    if n.dep_ in OBJECT and is_verb(head) and (noun is not count or stem(head.text) in DRAWING_VERBS
                                               or count.doc[count.i + 1].lower_ == "of"):
        status = _verb_status(rules.object_verbs, head)
        if status is not None:
            return status
        if head.lower_ in ("were", "was", "are", "is") and any(c.dep_ == "expl" for c in head.children) and alone:
            return _status_of(head, "actual")  # "there were 2,000 fans at the final"
    if n.dep_ == "pobj" and head.lower_ == "by" and is_verb(head.head):
        if stem(head.head.text) in rules.subject_verbs or stem(head.head.text) in rules.object_verbs:
            return _status_of(head.head, "actual")  # "was attended by 500 people", "joined by 60 envoys"
    if n.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in rules.nouns and rules.nouns[head.head.lower_]:
        return _status_of(head.head.head, "actual")  # "a crowd of 5,000", "an audience of 300"
    if count is noun and count.head.lower_ == "strong":
        return _status_of(count.head.head.head, "actual")  # "a 10,000-strong crowd"
    root = _subject_of_root(rules, noun, count)
    if root is not None:
        return root
    if alone:
        predicate = head if is_verb(head) else None
        if predicate is not None and stem(predicate.text) in rules.not_verbs:
            return None
        return _status_of(predicate, "actual") if predicate is not None else "actual"
    return None


def _subject_of_root(rules, noun: Token, count: Token) -> str | None:
    """A long subject the parse breaks up ("Over 1,000 representatives from government departments,
    ..., think tanks, and enterprises from China attended"): the sentence's main verb is an attendance
    verb and its subject lies inside the attendee phrase that starts at the count."""
    root = next((t for t in noun.sent if t.dep_ == "ROOT"), None) if noun.doc.has_annotation("SENT_START") \
        else None
    if root is None or root.i < noun.i or _verb_status(rules.subject_verbs, root) is None:
        return None
    for subject in (c for c in root.children if c.dep_ in SUBJECT and noun.i <= c.i):
        if not _breaks_off(noun.doc[noun.i + 1:subject.i]):
            return _verb_status(rules.subject_verbs, root)
    return None


def _breaks_off(tokens) -> bool:
    """Whether a stretch of a long subject leaves the attendee phrase: another count, a clause end, a relative."""
    return any(t.like_num or t.text in (";", ":", ".") or t.lower_ in ("who", "which", "that") for t in tokens)


def _verb_status(table, verb: Token) -> str | None:
    entry = table.get(stem(verb.text))
    if entry is None:
        return None
    status, particles = entry
    children = {c.lower_ for c in verb.children}
    if particles and particles[0] not in ("by",) and not all(p in children or p in ("the", "streets", "to")
                                                           for p in particles[:1]):
        return None  # "took part": "took" alone is not attendance
    return "invited" if status == "invited" else _status_of(verb, status)


def _via_complement(rules, verb: Token) -> str | None:
    """"are expected to attend", "plan to take part", "said they would attend": the attendance verb
    is the clausal complement of the subject's verb."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and is_verb(c):
            status = _verb_status(rules.subject_verbs, c)
            if status is not None:
                return "invited" if status == "invited" else _status_of(c, "expected"
                                                                         if verb.lower_ in LOOKING_AHEAD else status)
    if verb.lower_.startswith("invit"):
        return "invited"
    return None


def _status_of(verb: Token | None, status: str) -> str:
    """`expected` where the clause looks ahead (will, would, expected to, plan to), else `status`."""
    if verb is None or status == "invited":
        return status
    t = verb
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in t.children):
            return "expected"
        if t.lower_ in LOOKING_AHEAD:
            return "expected"
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return status
