"""Stage 3, attribution: which cue and speaker a quotation has, and where reported
speech and its content stand ("X said that ...", "..., X said", "according to X, ...")."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..parsing import Parsed
from .coreference import Speaker
from .cues import ADJUNCT_STARTS, CLAUSE_CUES
from .quotations import CLOSE_TOKENS, OPEN_TOKENS
from .speakers import Speakers
from .subjects import speaker_of_subject
from .tree import DESCRIBING, CueClause, cue_clause


def attribute_direct(x: Speakers, cues, ts, te, prev_end, next_start, sentences, sent_of, used_cues, parses=None):
    """Find the cue and speaker of a quotation: after it ('," X said') or before it ('X said: "')."""
    doc = x.doc
    # After: within the rest of the sentence the quotation ends in, before the next quotation.
    end_sent = sentences[sent_of[min(te, len(doc) - 1)]]
    after_limit = min(next_start, max(end_sent[1], te + 1), te + 40)
    j = te
    while j < len(doc) and (doc[j].text in CLOSE_TOKENS or doc[j].text in (",", "?", "!") or doc[j].is_space and "\n" not in doc[j].text):
        j += 1
    for ci, (c0, c1, kind) in enumerate(cues):
        if ci in used_cues or kind != "verb" or not (j <= c0 < after_limit):
            continue
        if any(doc[k].is_space and "\n" in doc[k].text for k in range(te, c0)):
            break
        speaker = x.speaker_before(c0, j) if c0 > j else None
        if speaker is None:
            speaker = x.speaker_after(c1, after_limit)
        if speaker is not None:
            return _parse_checked(x, parses.get(sent_of[c0]) if parses else None, c0, c1, speaker), doc[c0:c1].text, ci
        break
    # Before: the text leading up to the quotation in the same paragraph (or a paragraph ending in ':').
    k = ts - 1
    while k > prev_end and (doc[k].text in OPEN_TOKENS or doc[k].is_space):
        k -= 1
    if k >= prev_end and doc[k].text == ":":
        s0 = sentences[sent_of[k]][0]
        speaker = x.sentence_subject(max(s0, prev_end), k)
        if speaker is not None:
            in_sentence = [(ci, c0, c1) for ci, (c0, c1, kind) in enumerate(cues)
                           if s0 <= c0 < k and kind == "verb" and ci not in used_cues]
            verbs = [c for c in in_sentence if doc[c[1]].tag_.startswith("VB")]
            cue = (verbs or in_sentence or [None])[-1]
            return speaker, (doc[cue[1]:cue[2]].text if cue else None), (cue[0] if cue else None)
    for ci in range(len(cues) - 1, -1, -1):
        c0, c1, kind = cues[ci]
        if ci in used_cues or c1 > ts or c0 < prev_end or kind == "source":
            continue
        between = doc[c1:ts]
        if any("\n" in t.text_with_ws for t in doc[c0:ts - 1]):
            break
        if len(between) > 8 or any(t.text in (".", "!", "?") for t in between[:-1]):
            break
        words_between = [t for t in between if t.is_alpha and t.lower_ != "that"]
        if len(doc[ts:te]) <= 5 and len(words_between) > 1:
            break  # 'argues that since the term "natural born Citizen" ...': a term inside a reported clause
        s0 = sentences[sent_of[c0]][0]
        participle = doc[c0].tag_ == "VBG" and doc[c0 - 1].text in (",", "further", "adding", "also")
        # ', further saying, "..."': the participle's subject opens the sentence, before any earlier quotation
        speaker = x.speaker_before(c0, s0 if participle else max(s0, prev_end))
        if speaker is None:
            speaker = x.speaker_after(c1, ts)
        if speaker is not None:
            return _parse_checked(x, parses.get(sent_of[c0]) if parses else None, c0, c1, speaker), doc[c0:c1].text, ci
        break
    return None, None, None


def attribute_reported(x: Speakers, doc: Doc, c0: int, c1: int, kind: str, s0: int, s1: int, inside_quote,
                       parsed: Parsed | None = None):
    """Speaker and content (char offsets) of reported speech around the cue at [c0, c1).

    With the sentence's parse, the cue's subject and clausal complement decide (tree.py);
    the token rules below stand in where the parse gives no subject or no clause."""
    text = x.text
    while s1 > s0 and (doc[s1 - 1].is_space or doc[s1 - 1].text in CLOSE_TOKENS and s1 - 1 not in inside_quote):
        s1 -= 1
    if kind == "source":  # "According to X, CONTENT." / "CONTENT, according to X."
        j = c1
        while j < s1 and doc[j].text not in (",", ";") and not doc[j].is_space:
            j += 1
        while j > c1 and (doc[j - 1].is_punct or doc[j - 1].is_space):
            j -= 1  # "..., according to the city's emergency office."
        if j == c1:
            return None
        phrase = doc[c1:j]
        if any(t.lower_ in x.rules.data_nouns for t in phrase):
            return None
        for k in range(c1, j - 2):
            if doc[k].lower_ in x.rules.doc_nouns and doc[k + 1].lower_ in ("from", "by", "of"):
                c1 = k + 2  # "according to a statement from the ministry": the ministry speaks
                break
        speaker = x.speaker_after(c1, j) or _plain_speaker(x, phrase)
        if speaker is None:
            return None
        role_end = _apposition_after(x, j, s1)
        if role_end is not None:  # "According to X, a senior analyst at Y, CONTENT": the role, not content
            if speaker.is_person:
                speaker.role = speaker.role or doc[j + 1:role_end].text
            j = role_end
        if j < s1 and doc[j].text == "," and (c0 == s0 or c0 - 1 in x.mentions.sent_start_set):
            return speaker, (doc[j + 1].idx, doc[s1 - 1].idx + len(doc[s1 - 1]))
        if c0 > s0 and doc[c0 - 1].text == ",":
            return speaker, (doc[s0].idx, doc[c0 - 1].idx)
        if j < s1 and doc[j].text == ",":
            return speaker, (doc[j + 1].idx, doc[s1 - 1].idx + len(doc[s1 - 1]))
        return None
    cue = doc[c0:c1]
    if len(cue) == 1 and not cue[0].tag_.startswith("VB"):
        return None
    if cue[0].tag_ == "VBN" and c0 > s0 and doc[c0 - 1].lower_ in ("was", "were", "been", "be", "being", "is", "are"):
        return None  # passive: "was announced", "is claimed"
    speaker = x.speaker_before(c0, s0)
    clause = cue_clause(parsed, c0, c1, x) if parsed is not None else None
    if clause is not None and (clause.negated or clause.rejected):
        return None  # "did not say", "which X said ...": no statement
    if cue.text.lower() in DESCRIBING and (clause is None or clause.content is None):
        return None  # "called the police": a describing verb reports only with its object and predicate
    if clause is not None and clause.subject is not None and clause.content is not None:
        tree_speaker = _tree_speaker(x, clause, speaker)
        if tree_speaker is not None:
            return tree_speaker, clause.content
    inverted = False  # "..., said the spokesman."
    if speaker is None and c0 > s0 and doc[c0 - 1].text == ",":
        speaker = x.speaker_after(c1, s1)
        inverted = speaker is not None
    if speaker is None:
        return None
    if not inverted:
        after = _content_after(doc, cue, c1, s1, inside_quote)
        if after is not None:
            return speaker, after
    before = _content_before(doc, text, s0, s1, c0 if inverted else speaker.start,
                             speaker.end if inverted else c1)
    return (speaker, before) if before is not None else None


def _tree_speaker(x: Speakers, clause: CueClause, speaker: Speaker | None) -> Speaker | None:
    """The parse's subject as the speaker, unless the token rules read the same phrase
    (they know its roles and asides): the tree decides which phrase, the rules resolve it."""
    a, b = clause.subject_edges
    # The token rules' phrase stands where it holds the subject's head, or is a person inside the
    # subject ("Ryanair CEO, Michael O'Leary"); not a name in a modifier ("a spokeswoman for the
    # ministry", "Anna Berg, who heads the Nordic Council").
    subject_named = any(n.start <= clause.subject < n.end for n in x.mentions.names)
    inside = speaker is not None and a <= speaker.start and speaker.end <= b and not subject_named and (
        speaker.is_person or x.doc[clause.subject].lower_ in x.rules.doc_nouns
        or any(speaker.start <= k < speaker.end for k in clause.appositions))
    read_by_tokens = speaker is not None and (speaker.start <= clause.subject < speaker.end or inside)
    if read_by_tokens and not speaker.is_person and any(n.label_ == "PERSON" and n.start <= k < n.end
                                                        for k in clause.appositions for n in x.mentions.names):
        read_by_tokens = False  # "African Export-Import Bank president Okey Oramah": the apposed person
    if read_by_tokens and not clause.conjuncts:
        return speaker
    if speaker is not None and speaker.named and speaker.start >= b and not clause.conjuncts:
        return speaker  # a name between the parse's subject and the cue: the parse broke a long subject
                        # ("The activist organization the Project on Government Oversight has called it")
    found = speaker_of_subject(x, clause.subject, a, b, clause.conjuncts, clause.appositions, clause.active)
    outside = speaker is not None and not (a <= speaker.start < b)
    if found is not None and not found.is_person and speaker is not None and not clause.conjuncts \
            and (speaker.is_person or not found.named and outside):
        return speaker  # a speaker named at the cue outranks a parse that reached past the name
    if found is not None and found.is_person and not found.role:
        found.role = x.roles.from_apposition(found.name, clause.appositions, clause.apposition_edges)
    return found


def _parse_checked(x: Speakers, parsed: Parsed | None, c0: int, c1: int, speaker: Speaker) -> Speaker:
    """A direct quotation's speaker, checked against the subject of its cue in the parse."""
    clause = cue_clause(parsed, c0, c1, x) if parsed is not None else None
    if clause is None or clause.subject is None:
        return speaker
    return _tree_speaker(x, clause, speaker) or speaker


def _apposition_after(x: Speakers, comma: int, s1: int) -> int | None:
    """The closing comma of an apposition that opens at `comma` ("X, a senior analyst at Y, ..."):
    a noun phrase with no verb of its own, followed by more of the sentence."""
    doc = x.doc
    k = comma + 1
    if k >= s1 or not (doc[k].tag_ in ("DT", "PRP$") or doc[k].lower_.rstrip(".") in x.rules.titles):
        return None
    while k < s1 and doc[k].text != ",":
        if doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[k].is_space:
            return None
        k += 1
    return k if k + 1 < s1 and k - comma <= 12 else None


def _end_char(doc: Doc, end: int) -> int:
    return doc[end - 1].idx + len(doc[end - 1])


def _content_after(doc: Doc, cue: Span, c1: int, s1: int, inside_quote) -> tuple[int, int] | None:
    """'X said (at a subforum on Thursday) that CONTENT' or 'X said CONTENT' where a clause follows."""
    for k in range(c1, min(s1, c1 + 14)):
        if doc[k].lower_ == "that" and k + 1 < s1 and k not in inside_quote:
            return doc[k + 1].idx, _end_char(doc, s1)
        if doc[k].text in (".", ";") or doc[k].text in OPEN_TOKENS or doc[k].tag_.startswith("VB") or doc[k].tag_ == "MD":
            break  # "that" after another verb belongs to another clause
    if c1 >= s1:
        return None
    first = doc[c1]
    if cue.text.lower() in CLAUSE_CUES:
        return (first.idx, _end_char(doc, s1)) if first.text != "," else None
    if first.text in (",", ":", ".") or first.text in OPEN_TOKENS:
        return None
    if first.lower_ in ADJUNCT_STARTS:
        # "said on Tuesday it would invest", "said in a statement the company would ...": a clause after an adjunct
        for p in range(c1 + 2, min(s1, c1 + 9)):
            t, prev = doc[p], doc[p - 1]
            if prev.text in (",", ".", ";") or prev.text in OPEN_TOKENS or t.text in OPEN_TOKENS \
                    or prev.tag_.startswith("VB") or prev.tag_ in ("TO", "CC", "MD"):
                break  # "continued to cool the structure", "tweeted to X and said ...": no adjunct
            if t.tag_ in ("PRP", "DT", "NNP", "NNPS", "NN", "NNS", "PRP$") and prev.tag_ not in ("IN", "DT", "PRP$", "JJ") \
                    and not (t.tag_.startswith("NN") and prev.tag_.startswith("NN")) \
                    and _has_finite_verb(doc, p, min(s1, p + 10)):
                return t.idx, _end_char(doc, s1)
        return None
    return (first.idx, _end_char(doc, s1)) if _has_finite_verb(doc, c1, min(s1, c1 + 13)) else None


def _content_before(doc: Doc, text: str, s0: int, s1: int, subject_start: int, rest_start: int):
    """'CONTENT, X said (in the letter).': the clause before the comma that precedes the speaker."""
    if not (subject_start - 1 > s0 and doc[subject_start - 1].text == ","):
        return None
    left = (doc[s0].idx, doc[subject_start - 1].idx)
    words = text[left[0]:left[1]].split()
    if len(words) < 5 or doc[s0].lower_ in ADJUNCT_STARTS and len(words) <= 8:
        return None  # "In his keynote speech, X said": an adjunct, not a statement
    rest = doc[rest_start:s1]
    return left if len(rest) <= 14 or rest[0].lower_ in ADJUNCT_STARTS else None


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    """Does a clause start here ('the deal had been killed'), rather than a noun phrase
    ('a state of emergency and deployed ...', 'a penalty which the referee awarded')?"""
    if doc[start].lower_ in ("what", "how", "why", "whether", "where", "when", "who"):
        return True  # "noted what began as messages had grown ...": a clause by its first word
    i = start
    while i < end:
        t = doc[i]
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
        if t.lower_ in ("and", "or", "but", "which", "who", "whom", "whose") or t.tag_ in ("WDT", "WP"):
            return False
        if t.text == ",":
            # only an apposition after a name may come between the subject and its verb
            if i - 1 < start or doc[i - 1].ent_type_ not in ("PERSON", "ORG", "GPE"):
                return False
            j = i + 1
            while j < end and doc[j].text != ",":
                j += 1
            i = j + 1
            continue
        i += 1
    return False


def _plain_speaker(x: Speakers, phrase: Span) -> Speaker | None:
    """An unnamed source after 'according to': the phrase as written."""
    if not len(phrase) or phrase[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    return Speaker(phrase.text, None, phrase.start, phrase.end, False)
