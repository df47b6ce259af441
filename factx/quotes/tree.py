"""The dependency parse's view of a reporting verb: its subject and the clause it reports.

Pure over a parsed sentence (`parsing.Parsed`). Constructions, each named where handled:
- subject of the cue, active or passive: "X said", "X was quoted as saying";
- coordinated speakers are one speaker: "Cherie and Sean O'Donnell said" (not after an
  apposition: "X, President of Y, Qianhai and Professor at Z" is one person);
- a coordinated cue takes its first verb's subject: "X said ... and added that ...";
- a participle cue takes the clause's subject: "X defended the plan, saying ...";
- "X quoted Y as saying": Y speaks;
- a relative clause's antecedent: "X, who heads the party, said ...";
- content is the cue's clausal complement (ccomp), before or after it, without "that":
  "X said that ...", "..., said X", "..., X said";
- a parenthetical cue reports the clause around it: "The plan, she said, would fail";
- an object right before the clause is the clause's subject unless it is the addressee
  (a person, a pronoun, "reporters"): "X maintained the USPS could cope" vs "X told reporters ...";
- a clause coordinated with its own subject continues the content: "said A, and B may follow";
- a negated cue reports nothing: "He did not say where the cuts would fall".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Token

from ..parsing import Parsed

SUBJECT_DEPS = ("nsubj", "nsubjpass")
FINITE = ("VBD", "VBZ", "VBP", "MD")
ADVERBIAL_STARTS = {"where", "when", "while", "as", "because", "since", "after", "before", "until", "although",
                    "though", "unless", "once"}
QUOTE_MARKS = "\"“”«»"
RELATIVE_WORDS = ("who", "which", "that", "whom")
# Verbs that take the one spoken to as their object: "told reporters the plan failed".
TELLING = {"told", "tell", "tells", "telling", "informed", "informs", "assured", "assures", "warned", "warns"}
# Verbs that report a judgement as object and predicate: "X called the plan a gamble".
DESCRIBING = {"call", "calls", "called", "calling", "describe", "describes", "described", "describing",
              "characterize", "characterizes", "characterized", "characterizing", "characterise",
              "characterises", "characterised", "label", "labels", "labeled", "labelled", "dubbed", "branded"}


@dataclass
class CueClause:
    """What the parse says of one cue (document token indices, character offsets)."""

    subject: int | None  # the subject's head token
    subject_edges: tuple[int, int] | None  # its phrase, tokens [start, end)
    conjuncts: tuple[int, int] | None  # a coordinated subject, tokens [first conjunct, end of last)
    content: tuple[int, int] | None  # the reported clause, chars [start, end)
    content_first: bool  # the clause stands before the cue
    negated: bool = False  # "did not say": no statement
    rejected: bool = False  # the parse shows the cue's clause is no statement: relative, adverbial, subjectless
    appositions: tuple[int, ...] = ()  # the subject's appositions' heads: "CEO, Michael O'Leary,"
    apposition_edges: tuple[tuple[int, int], ...] = ()  # their phrases, tokens [start, end)
    active: bool = True  # the subject is an active one ("X said"), not a passive ("X was told")


def cue_verb(parsed: Parsed, start: int, end: int) -> Token | None:
    """The verb of a cue at document tokens [start, end): "pointed" in "pointed out"."""
    for i in range(start, end):
        tok = parsed.token_at(i)
        if tok.tag_.startswith("VB"):
            return tok
    return None


def subject_of(verb: Token) -> Token | None:
    """The speaker's head token for a reporting verb, following the constructions above."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head  # "X, who heads the party, said"
            return child
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj":  # "said ... and added"
        before = verb.nbor(-1) if verb.i else None
        if before is not None and before.tag_ in ("NNP", "NNPS", "PRP") and before.head.i != verb.i:
            return None  # "..., and in reaction Commissioner Neelie Kroes said": a subject the parse missed
        return subject_of(head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":  # ", saying ..."
        if head.dep_ == "ccomp" and head.head.tag_.startswith("VB") and head.head.i < verb.i:
            return subject_of(head.head)  # "X said A costs B, further saying ...": the parse hangs it on A
        return subject_of(head)
    if verb.dep_ == "pcomp" and head.lower_ in ("as", "by"):  # "was quoted as saying", "justified it by saying"
        quoting = head.head
        if head.lower_ == "as" and quoting.lower_.startswith("quot"):  # "X quoted Y as saying": Y speaks
            for child in quoting.children:
                if child.dep_ == "dobj":
                    return child
        return subject_of(quoting)
    return None


class Lexicon(Protocol):
    """What the tree needs to know of words (the quote tables answer it: speakers.Speakers)."""

    def is_addressee(self, tok: Token) -> bool: ...  # "reporters", "him": spoken to

    def is_cue(self, tok: Token) -> bool: ...  # a reporting verb

    def can_join(self, tok: Token) -> bool: ...  # a conjunct that can speak with others: "X and Y said"


def content_of(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """First and last token of the clause a reporting verb reports."""
    children = list(verb.children)
    for n, child in enumerate(children):
        if child.dep_ != "ccomp":
            continue
        first, last = child.left_edge, child.right_edge
        if first.dep_ == "mark" and first.lower_ == "that" and first.i < last.i:
            first = first.nbor(1)
        elif first.i > verb.i and not any(c.dep_ == "mark" for c in child.children):
            first = _past_cue_adjuncts(child, first)
        if verb.lower_ in TELLING and first.ent_type_ in ("PERSON", "ORG", "NORP") and first.i > verb.i:
            first = _past_addressee(first, last)  # "told Agence France-Presse arson was used": not the agency
        before = children[n - 1] if n else None
        if before is not None and before.dep_ == "dobj" and before.right_edge.i + 1 == first.i \
                and before.i > verb.i and not lexicon.is_addressee(before):
            first = before.left_edge  # "maintained the USPS could handle ...": a misparsed subject
        participles = [c for c in child.children if c.dep_ == "advcl" and c.tag_ == "VBG" and lexicon.is_cue(c)]
        if participles and participles[0].i > first.i:  # "said A costs B, further saying ...": A costs B
            last = first.doc[participles[0].left_edge.i - 1]
        for later in children[n + 1:]:
            continues = later.dep_ == "conj" and not lexicon.is_cue(later) and (
                last.dep_ == "cc" or any(c.dep_ in SUBJECT_DEPS for c in later.children))
            if continues:
                last = later.right_edge  # "... five plants, and this may be increased"
        return first, last
    if verb.lower_ in DESCRIBING:  # "described the convention as a ...", "calls it a reckless gamble"
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        predicates = [c for c in children if c.i > verb.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep"
                                                                and c.lower_ == "as")]
        predicates += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "as"]
        if objects and predicates:
            return objects[0].left_edge, max(p.right_edge for p in predicates)
        return None
    if verb.dep_ == "parataxis" and verb.head.tag_[:2] in ("VB", "MD") and _between_commas(verb):
        return verb.head.left_edge, verb.head.right_edge  # "The plan, she said, would fail"
    return None


def _past_addressee(first: Token, last: Token) -> Token:
    """The clause after a named addressee the parse folded into it ("told NPR the plan failed")."""
    doc = first.doc
    k = first.i
    while k < last.i and doc[k].ent_type_ == first.ent_type_ and (k == first.i or doc[k].ent_iob_ == "I"):
        k += 1
    return doc[k] if last.i - k >= 1 and doc[k].ent_iob_ != "I" else first


def _past_cue_adjuncts(head: Token, first: Token) -> Token:
    """Without "that", adjuncts before the clause's subject belong to the cue: "Police said
    on Monday they believe ...", "noted on Monday, the fatalities ...", "said earlier he might"."""
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i > first.i]
    if not subjects:
        return first
    start = subjects[0].left_edge
    between = [c for c in head.children if first.i <= c.i < start.i]
    adjunct = lambda c: c.dep_ in ("prep", "advmod", "punct") or c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")  # noqa: E731
    if between and all(adjunct(c) for c in between):  # not "said hundreds of fighters escaped"
        return start
    return first


def _between_commas(verb: Token) -> bool:
    """Is the cue's own phrase set off by commas or dashes ("The plan, she said, would fail")?
    The parse hangs the commas on the cue itself, so they are left out of its edges."""
    words = [t for t in verb.subtree if not t.is_punct]
    left, right = words[0].i, words[-1].i
    doc = verb.doc
    marks = (",", "\u2014", "--", "\u2013")
    return right + 1 < len(doc) and doc[right + 1].text in marks and (left == 0 or doc[left - 1].text in marks
                                                                     or verb.i < verb.head.i)


def cue_clause(parsed: Parsed, start: int, end: int, lexicon: Lexicon) -> CueClause | None:
    """The parse's subject and content for the cue at document tokens [start, end)."""
    verb = cue_verb(parsed, start, end)
    if verb is None:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return CueClause(None, None, None, None, False, negated=True)
    subject = subject_of(verb)
    edges = conjuncts = None
    if subject is not None:
        edges = (parsed.index(subject.left_edge), parsed.index(subject.right_edge) + 1)
        joined = [c for c in subject.children if c.dep_ == "conj"]
        apposed = any(c.dep_ == "appos" and joined and c.i < joined[0].i for c in subject.children)
        if joined and not apposed and all(lexicon.can_join(c) for c in [subject, *joined]):  # "X and Y said"
            conjuncts = (parsed.index(subject.left_edge), parsed.index(joined[-1].right_edge) + 1)
    content = content_of(verb, lexicon)
    chars, first, rejected = None, False, False
    if content is not None:
        a, b = _trimmed(*content)
        first = b.i < verb.i
        finite = any(t.tag_ in FINITE for t in a.doc[a.i:b.i + 1]) or _past_mistagged(*content)
        comma_before_cue = first and b.i + 1 < len(b.doc) and b.doc[b.i + 1].text in (",", "\u2014", "--")
        around = verb.dep_ == "parataxis" and a.i < verb.i < b.i  # "Because ..., says the study, it rises"
        adverbial = a.lower_ in ADVERBIAL_STARTS and not around  # "continued ..., where a man was shot": not speech
        relative = a.tag_ in ("WDT", "WP") and a.lower_ in RELATIVE_WORDS or any(
            c.tag_ == "WRB" and c.i < verb.i for c in verb.children)  # "which NASA said ...", "where X predicted"
        # "CONTENT, X said." / "CONTENT, said X.": the cue heads the sentence, the clause opens it
        fronted_ok = comma_before_cue and verb.dep_ == "ROOT" and a.tag_ not in ("IN", "TO")
        finite = finite or verb.lower_ in DESCRIBING
        statement = finite and not adverbial and not relative and _has_subject(content[0], content[1], verb)
        if statement and (not first or fronted_ok):
            chars = (parsed.start(a), parsed.end(b))
        rejected = not statement and relative
    apposed = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
    return CueClause(parsed.index(subject) if subject is not None else None, edges, conjuncts, chars, first,
                     appositions=tuple(parsed.index(c) for c in apposed),
                     apposition_edges=tuple((parsed.index(c.left_edge), parsed.index(c.right_edge) + 1)
                                            for c in apposed),
                     active=subject is None or subject.dep_ == "nsubj", rejected=rejected)


def _past_mistagged(first: Token, last: Token) -> bool:
    """A clause whose head the tagger read as a participle after a clausal subject, with no auxiliary
    ("said not allowing them to marry constituted different treatment"): a past tense, finite. (A
    participle after a noun is more often a reduced relative, "the man arrested yesterday".)"""
    doc = first.doc
    return any(t.tag_ == "VBN" and (t.head.i < first.i or t.head.i > last.i)
               and any(c.dep_ == "csubj" for c in t.children)
               and not any(c.dep_ in ("aux", "auxpass") for c in t.children) for t in doc[first.i:last.i + 1])


def _has_subject(first: Token, last: Token, verb: Token) -> bool:
    """Does the reported clause hold its own subject? Not so where a relative pronoun outside it
    is the subject ("the flight, which NASA said might take place in June")."""
    if verb.lower_ in DESCRIBING:
        return True
    heads = [t for t in first.doc[first.i:last.i + 1] if t.head.i < first.i or t.head.i > last.i or t.head.i == t.i]
    return not heads or any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for h in heads for c in h.children) \
        or any(h.tag_ == "VB" and not any(c.dep_ == "aux" for c in h.children) for h in heads)  # imperative


def _trimmed(first: Token, last: Token) -> tuple[Token, Token]:
    """Without punctuation at either end or a trailing conjunction; a closing quotation mark stays when
    the clause opened one ('... into a "support movement"')."""
    doc = first.doc
    while first.i < last.i and (first.is_punct and first.text not in QUOTE_MARKS or first.is_space):
        first = doc[first.i + 1]  # "noted on Monday, the fatalities"
    while last.i > first.i:
        if last.text in QUOTE_MARKS and sum(t.text in QUOTE_MARKS for t in doc[first.i:last.i + 1]) % 2 == 0:
            break
        if not (last.is_punct or last.is_space or last.dep_ == "cc"):
            break
        last = doc[last.i - 1]
    return first, last
