"""Quotes: speaker-role-quote triples, direct and reported (FACTS.md, quote).

One module a stage, run in this order over the tagged, entity-labelled Doc:

1. `quotations`: where quoted text stands (paired marks, quotations over paragraphs).
2. `cues`: the reporting words ("said", "told reporters", "according to").
3. `attribution`: each quotation's cue and speaker ('"...," X said', 'X said: "..."'), and
   reported speech with its content ("X said that ...", "..., X said", "according to X, ...");
   `tree` reads the cue's subject and clause from the dependency parse, `subjects` turns the
   parse's subject into a speaker, `speakers` (with `appositions`) finds the speaker phrase
   beside a cue from the tokens where the parse gives none.
4. `coreference`: the speaker phrase resolved to the fullest named mention ("Xi", "he",
   "the company" -> the name given earlier).
5. `roles`: the speaker's title or affiliation from any mention of the person.

A quotation with no attribution of its own continues the speaker of the quote before it.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..context import ExtractionContext, Found
from .attribution import attribute_direct, attribute_reported
from .coreference import Mentions, Speaker
from .cues import rules_for
from .quotations import find_quotations, stands_alone, strip_span, title_like
from .roles import Roles, share_roles
from .speakers import Speakers


def _parse_cue_sentences(ctx: ExtractionContext, cues, inside_quote, sent_of) -> dict:
    """Parse on demand: only the sentences with a reporting verb outside a quotation."""
    if ctx.parses is None:
        return {}
    wanted = [sent_of[c0] for c0, _, kind in cues if kind == "verb" and c0 not in inside_quote]
    return ctx.parses.get(wanted)


def _date_tokens(doc: Doc, dates: list[Found]) -> set[int]:
    """The tokens of the date facts: a speaker phrase skips them ("X said on Monday")."""
    tokens: set[int] = set()
    for f in dates:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _quote_fact(text: str, s: int, e: int, speaker: Speaker, kind: str, cue: str | None) -> Found:
    return Found("quote", s, e, {"speaker": speaker.name, "role": speaker.role if speaker.is_person else None,
                                 "quote": text[s:e], "kind": kind, "cue": cue})


def extract(doc: Doc, ctx: ExtractionContext) -> list[Found]:
    """The quote facts of a spaCy Doc (component entry point)."""
    if not len(doc):
        return []
    rules = rules_for(ctx.patterns, doc.vocab)
    mentions = Mentions(doc, rules, [a for a, _ in ctx.sentence_tokens])
    x = Speakers(mentions, Roles(mentions), _date_tokens(doc, ctx.found.get("date", [])), ctx.text)
    text = ctx.text
    cues = rules.cues(doc)
    sentences = ctx.sentence_tokens
    sent_of = [0] * len(doc)
    for n, (s, e) in enumerate(sentences):
        for i in range(s, e):
            sent_of[i] = n
    quotes = []  # (tok start, tok end, char start, char end)
    for cs, ce in find_quotations(text):
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is not None and len(span):
            quotes.append((span.start, span.end, cs, ce))
    inside_quote = {i for ts, te, _, _ in quotes for i in range(ts, te)}

    found: list[Found] = []
    used_cues: set[int] = set()
    pending: list[tuple[int, int, int]] = []  # unattributed quotations: (tok start, char start, char end)
    cue_speaker: dict[int, Speaker] = {}  # the speaker each used cue attributed
    parses = _parse_cue_sentences(ctx, cues, inside_quote, sent_of)
    # 1. Direct quotes with their own attribution.
    for qi, (ts, te, cs, ce) in enumerate(quotes):
        n_words = len(text[cs:ce].split())
        prev_end = quotes[qi - 1][1] if qi else 0
        next_start = quotes[qi + 1][0] if qi + 1 < len(quotes) else len(doc)
        speaker, cue, cue_idx = attribute_direct(x, cues, ts, te, prev_end, next_start, sentences, sent_of, used_cues,
                                                 parses)
        if speaker is None and qi:
            # '"X," she said, "Y."': the second part keeps the speaker of the attribution between them.
            between = doc[prev_end:ts]
            split_by = [ci for ci in cue_speaker if prev_end <= cues[ci][0] < ts]
            if split_by and len(between) <= 10 and not any(t.text in (".", "!", "?") for t in between):
                speaker, cue = cue_speaker[split_by[0]], None
        s, e = strip_span(text, cs, ce, ",")
        if e <= s:
            continue
        if speaker is None:
            if n_words >= 4 and not title_like(text[s:e]) and stands_alone(text, cs, s, e):
                pending.append((ts, s, e))
            continue
        if n_words < 3 and not text[s:e].rstrip().endswith((".", "!", "?")):
            continue
        if cue_idx is not None:
            used_cues.add(cue_idx)
            cue_speaker[cue_idx] = speaker
        x.mentions.spoken.append((ts, speaker))
        found.append(_quote_fact(text, s, e, speaker, "direct", cue))
    # 2. Reported speech.
    direct_ranges = [(f.start, f.end) for f in found]
    reported: list[tuple[int, int]] = []
    for ci, (c0, c1, kind) in enumerate(cues):
        if ci in used_cues or c0 in inside_quote:
            continue
        if any(rs <= doc[c0].idx < re_ for rs, re_ in reported):
            continue  # "Jafari said she felt ...": the inner cue is part of the reported clause
        s0, s1 = sentences[sent_of[c0]]
        if kind == "source" and any(k == "verb" and c0 < o0 < s1 and o0 not in inside_quote for o0, _, k in cues):
            continue  # "According to ABC News, Basya believes ...": Basya speaks
        result = attribute_reported(x, doc, c0, c1, kind, s0, s1, inside_quote, parses.get(sent_of[c0]))
        if result is None:
            continue
        speaker, (cs, ce) = result
        cs, ce = strip_span(text, cs, ce, ".,;:")
        while cs < ce and text[cs] in ",;:\u2014 ":
            cs += 1  # ", because the spray wears off, ...": no stray mark before the clause
        if text[cs:ce].lower().startswith("that "):
            cs += 5
        if ce - cs < 8 or len(text[cs:ce].split()) < 2:
            continue
        opening = doc.char_span(cs, cs + 1, alignment_mode="expand")
        if opening is not None and opening[0].tag_ in ("VBD", "VBZ", "VBP") and not text[cs].isupper():
            continue  # "were involved": a clause whose subject was left outside it is no statement
        if any(cs < e and s < ce for s, e in direct_ranges):
            continue
        quoted = [p for p in pending if p[1] - 1 <= cs and ce <= p[2] + 1]
        if quoted:  # 'X quoted Y as saying: "..."': the reported clause is a quotation, a direct quote
            pending.remove(quoted[0])
            qs, qe = quoted[0][1], quoted[0][2]
            x.mentions.spoken.append((c0, speaker))
            found.append(_quote_fact(text, qs, qe, speaker, "direct", doc[c0:c1].text))
            continue
        x.mentions.spoken.append((c0, speaker))
        reported.append((cs, ce))
        found.append(_quote_fact(text, cs, ce, speaker, "indirect", doc[c0:c1].text))
    # 3. Quotations with no attribution continue the speaker of the quote before them.
    x.mentions.spoken.sort(key=lambda p: p[0])
    for ts, s, e in pending:
        before = [(pos, sp) for pos, sp in x.mentions.spoken if pos < ts]
        if not before:
            continue
        pos, speaker = before[-1]
        if s - doc[pos].idx > 2500:
            continue
        x.mentions.spoken.append((ts, speaker))
        x.mentions.spoken.sort(key=lambda p: p[0])
        found.append(_quote_fact(text, s, e, speaker, "direct", None))
    share_roles(found, x.roles)
    found.sort(key=lambda f: f.start)
    return found
