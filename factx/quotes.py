"""Quotes: speaker-role-quote triples, direct and reported (FACTS.md, quote).

Rules over the tagged, entity-labelled Doc (no dependency parse):

1. Quotations: paired quotation marks; a quotation left open at a paragraph's
   end runs on when the next paragraph reopens it or closes it.
2. Direct quotes: a quotation with a reporting cue beside it ('"...," X said',
   'X said: "..."'), or none, continuing the previous speaker's quote.
3. Reported speech: a cue from `cues.jsonl` with a speaker before it and a
   clause after it ("X said that ..."), or a clause before it ("..., X said"),
   or "according to X".
4. Speakers: names from the entities (extended over adjacent proper nouns),
   pronouns resolved to the last person spoken of, short names to the fullest
   name in the document ("Xi" -> "Xi Jinping"), acronyms to their organisation.
   Roles from an apposition ("X, CEO of Y, said") or a title before the name
   ("Chinese President Xi Jinping") anywhere in the document.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .context import ExtractionContext, Found
from .pattern_files import Patterns

OPENING = "\"“„«"
CLOSING = "\"”»"
NAME_LABELS = {"PERSON", "ORG", "GPE", "FAC"}  # entities that can speak
PERSON_PRONOUNS = {"he", "she", "i"}
GROUP_PRONOUNS = {"they", "it", "we"}
# Function words the grammar needs (vocabulary lives in the pattern tables).
SKIPPABLE = {"also", "later", "then", "further", "again", "repeatedly", "previously", "recently", "earlier", "has",
             "had", "have", "was", "were", "is", "are", "once", "publicly", "separately", "quickly", "first",
             "reportedly", "already", "jointly", "still", "even", "both", "all", "just", "will", "would", "may",
             "might", "could", "can", "not", "never", "did", "does", "do", "strongly", "officially", "openly",
             "firmly", "personally", "subsequently", "in", "turn"}
ADJUNCT_STARTS = {"in", "at", "on", "during", "to", "after", "before", "while", "from", "with", "via", "through",
                  "by", "for", "over", "late", "earlier", "yesterday", "today", "when", "as", "outside",
                  "inside", "near", "under", "upon", "following", "ahead", "told", "recently", "like", "unlike",
                  "despite", "according", "besides", "moreover", "however", "meanwhile"}
CLAUSE_CUES = {"called for", "calls for", "call for", "calling for", "urged", "urges", "urge", "urging", "asked",
               "asks", "ask", "recommended", "told of", "talked about", "wished", "wishes", "hoped", "hopes"}


@dataclass
class Speaker:
    name: str
    role: str | None
    start: int  # token indices of the speaker phrase (role included)
    end: int
    is_person: bool


class QuoteRules:
    """Compiled tables: cue matchers, title words, honorifics, speaker nouns."""

    def __init__(self, patterns: Patterns, vocab):
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.matcher = Matcher(vocab)
        self.kind_of: dict[str, str] = {}
        for n, row in enumerate(patterns.rows("cues")):
            key = f"cue{n}"
            self.kind_of[key] = row["kind"]
            if "phrase" in row:
                self.phrase_matcher.add(key, [Doc(vocab, words=row["phrase"].split())])
            else:
                self.matcher.add(key, [row["pattern"]])
        self.titles = {r["word"].lower() for r in patterns.rows("titles")}
        self.honorifics = {r["word"].lower().rstrip(".") for r in patterns.rows("honorifics")}
        kinds: dict[str, set[str]] = {"speaker": set(), "organisation": set(), "document": set(), "data": set()}
        for r in patterns.rows("speaker_nouns"):
            kinds[r.get("kind", "speaker")].add(r["noun"].lower())
        self.speaker_nouns = kinds["speaker"]
        self.org_nouns = kinds["organisation"]  # "the company said": the last organisation named
        self.doc_nouns = kinds["document"]  # "a statement from X", "X's lawsuit claims": X speaks
        self.data_nouns = kinds["data"]  # "according to data from X": not speech

    def cues(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every cue, longest first where they overlap."""
        found = []
        for match_id, s, e in [*self.phrase_matcher(doc), *self.matcher(doc)]:
            found.append((s, e, self.kind_of[doc.vocab.strings[match_id]]))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, last_end = [], -1
        for s, e, kind in found:
            if s >= last_end:
                out.append((s, e, kind))
                last_end = e
        return out


@lru_cache(maxsize=8)
def _rules(patterns: Patterns, vocab) -> QuoteRules:
    return QuoteRules(patterns, vocab)


# --- quotations ------------------------------------------------------------------------


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of each quotation.

    A quotation open at a paragraph's end runs on when the next paragraph reopens
    it, or when the next quotation mark ahead is a closing one (the writer never
    closed the first paragraph); otherwise it ends with its paragraph.
    """
    out = []
    i, n = 0, len(text)
    open_at = None
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENING and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
                open_at = i + 1
        elif ch in CLOSING and (ch != '"' or i + 1 >= n or not text[i + 1].isalnum() or i > open_at):
            out.append((open_at, i))
            open_at = None
        elif ch == "\n":
            j = i
            while j < n and text[j] in "\n \t\r":
                j += 1
            if j < n and text[j] in OPENING and text[j] != "\u201d":
                if text[j] == "\u201c" or _opens_at(text, j):
                    i = j + 1  # reopened: the same quotation goes on
                    continue
            if not _closing_ahead(text, j):
                out.append((open_at, i))
                open_at = None
            i = j
            continue
        i += 1
    if open_at is not None:
        out.append((open_at, n))
    return out


def _opens_at(text: str, j: int) -> bool:
    return text[j] == '"' and (j == 0 or not text[j - 1].isalnum())


def _closing_ahead(text: str, j: int) -> bool:
    """Is the next quotation mark after `j`, within the next paragraph, a closing one?"""
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    for k in range(j, end):
        ch = text[k]
        if ch == "\u201d":
            return True
        if ch == "\u201c":
            return False
        if ch == '"':
            return k > 0 and not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalnum())
    return False


def _strip_span(text: str, s: int, e: int, trailing: str) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in trailing):
        e -= 1
    return s, e


# --- the extractor -----------------------------------------------------------------------


class QuoteExtractor:
    def __init__(self, doc: Doc, rules: QuoteRules, date_spans=(), text: str | None = None,
                 sentences: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.date_tokens = set()
        for cs, ce in date_spans:
            span = doc.char_span(cs, ce, alignment_mode="expand")
            if span is not None:
                self.date_tokens.update(range(span.start, span.end))
        self.text = doc.text if text is None else text
        self.rules = rules
        self.sent_starts = [a for a, _ in sentences] if sentences else [0]
        self.sent_start_set = set(self.sent_starts)
        self.names = self._name_spans()
        self._clean: dict[tuple[int, int], str] = {}
        self._fullest: dict[tuple[str, str], str] = {}
        person_words = [self.clean_name(sp).split() for sp in self.names if sp.label_ == "PERSON" and len(sp) > 1]
        self.person_name_words = {w for words in person_words if words for w in (words[0], words[-1])}
        self.name_at_end = {span.end: span for span in self.names}
        self.name_at_start = {span.start: span for span in self.names}
        self.roles: dict[str, str] = {}
        self.roles_seen: list[tuple[str, str]] = []
        self._collect_roles()
        self.spoken: list[tuple[int, Speaker]] = []
        self.roles_known_people = {self.fullest(self.clean_name(sp), "PERSON") for sp in self.names
                                   if sp.label_ == "PERSON"}  # (token position, speaker) of every quote found

    # names ----------------------------------------------------------------------------

    def _name_spans(self) -> list[Span]:
        """Entities that can speak, extended left over adjacent proper nouns that are not titles."""
        doc = self.doc
        spans = []
        for ent in doc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            start, end = ent.start, ent.end
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in ".&"):
                end -= 1
            if "\n" in doc[start:end].text:  # a name never runs past a line break ("Ye Lijiao\n...")
                end = start + next(i for i, t in enumerate(doc[start:end]) if "\n" in t.text_with_ws)+1
            if ent.label_ == "PERSON" and start > 0:
                # NER sometimes leaves out a first name ("Yadav Ambedkar Kumar"): take one proper noun
                # that starts the phrase, but never a title ("Minister of Commerce Guo Tingting").
                prev = doc[start - 1]
                before = doc[start - 2] if start > 1 else None
                if prev.tag_ == "NNP" and prev.is_title and prev.ent_type_ in ("", "PERSON") \
                        and prev.lower_.rstrip(".") not in self.rules.titles \
                        and prev.lower_.rstrip(".") not in self.rules.honorifics \
                        and (before is None or not before.is_alpha or prev.i in self.sent_start_set):
                    start -= 1
            if end > start:
                spans.append(Span(doc, start, end, label=ent.label_))
        return spans

    def sentence_start(self, token_index: int) -> int:
        return self.sent_starts[bisect_right(self.sent_starts, token_index) - 1]

    def clean_name(self, span: Span) -> str:
        key = (span.start, span.end)
        if key not in self._clean:
            self._clean[key] = self._clean_name(span)
        return self._clean[key]

    def _clean_name(self, span: Span) -> str:
        tokens = list(span)
        while tokens and (tokens[0].lower_.rstrip(".") in self.rules.honorifics or tokens[0].lower_ in ("the",)
                          and span.label_ == "PERSON"):
            tokens = tokens[1:]
        while tokens and tokens[-1].tag_ == "POS":
            tokens = tokens[:-1]
        if not tokens:
            return span.text
        return self.doc[tokens[0].i:tokens[-1].i + 1].text

    def _person_named(self, word: str) -> bool:
        """Is `word` the first or last name of a person named in full somewhere in the document?"""
        return word in self.person_name_words

    def fullest(self, name: str, label: str) -> str:
        """The fullest form of a name in the document: "Xi" -> "Xi Jinping", "UAW" -> "United Auto Workers"."""
        key = (name, label)
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(name, label)
        return self._fullest[key]

    def _find_fullest(self, name: str, label: str) -> str:
        words = name.split()
        best = name
        for span in self.names:
            candidate = self.clean_name(span)
            cwords = candidate.split()
            if len(cwords) <= len(words) or span.label_ != label and not (label == "PERSON" or span.label_ == "PERSON"):
                if not (name.isupper() and len(name) >= 2
                        and "".join(w[0] for w in cwords if w[0].isupper() and w != "The") == name):
                    continue
            if name.isupper() and len(name) >= 2 and len(cwords) >= 2:
                initials = "".join(w[0] for w in cwords if w[:1].isupper() and w != "The")
                if initials == name and len(candidate) > len(best):
                    best = " ".join(w for w in cwords if w != "The")
                    continue
            if len(words) == 1 and (cwords[0] == words[0] or cwords[-1] == words[0]) and span.label_ == label:
                if len(candidate) > len(best):
                    best = candidate
            elif len(words) > 1 and candidate.endswith(" " + name) and span.label_ == label and len(candidate) > len(best):
                best = candidate
        return best

    # roles ----------------------------------------------------------------------------

    def title_prefix(self, name_start: int, sent_start: int) -> tuple[int, str | None]:
        """A role written before a name ("Chinese Vice Minister of Commerce Guo Tingting")."""
        doc = self.doc
        i = name_start
        while i > sent_start:
            t = doc[i - 1]
            glued_hyphen = t.text == "-" and not t.whitespace_ and i - 2 >= 0 and not doc[i - 2].whitespace_
            if t.is_space or t.text in (",", ";", ":", "(", ")", '"', "“", "”", "—", "–", "-") and not glued_hyphen:
                break
            ok = (t.tag_ in ("NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD", "HYPH", "NNPS") or
                  t.lower_ in ("of", "for", "and", "the", "at", "'s", "in") and i - 1 > sent_start)
            if not ok or t.ent_type_ == "PERSON" and t.tag_ not in ("NN", "NNS") and t.lower_ not in self.rules.titles:
                break
            i -= 1
        # Trim connectors at the front.
        while i < name_start and doc[i].lower_ in ("of", "for", "and", "at", "in", "'s"):
            i += 1
        words = doc[i:name_start]
        if not any(t.lower_.rstrip(".") in self.rules.titles for t in words):
            return name_start, None
        if i > 0 and doc[i - 1].lower_ in ("the", "a", "an") and doc[i - 1].i >= sent_start:
            i -= 1
        return i, doc[i:name_start].text

    def appositive(self, name_end: int, limit: int) -> tuple[int, str | None]:
        """A role after a name ("Shi Zhongjun, Secretary General of the ASEAN-China Center, ...").

        Runs from the comma after the name to the last comma before `limit` (or to `limit`).
        Returns (end token, role).
        """
        doc = self.doc
        if name_end >= limit or doc[name_end].text != ",":
            return name_end, None
        start = name_end + 1
        end = limit
        while end > start and (doc[end - 1].text in (",", ";") or doc[end - 1].is_space):
            end -= 1
        if end <= start:
            return name_end, None
        first = doc[start]
        if first.lower_ in ADJUNCT_STARTS and first.lower_ not in ("of", "from") \
                or first.tag_ in ("VBD", "VBZ", "VBP", "MD", "PRP", "WDT", "WP", "RB", "RBR"):
            return name_end, None
        words = doc[start:end]
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.lower_ not in ("specialized", "based") for t in words):
            return name_end, None
        if any(t.text in ('"', "“", "”") for t in words):
            return name_end, None
        return limit, words.text

    def _collect_roles(self) -> None:
        """Roles for people from every mention in the document: a title before the name,
        an apposition after it ("X, CEO of Y, ..."), or a role then the name between commas."""
        doc = self.doc
        for span in self.names:
            if span.label_ != "PERSON":
                continue
            name = self.fullest(self.clean_name(span), "PERSON")
            if name in self.roles:
                continue
            role = self._role_at(span, self.sentence_start(span.start))
            if role:
                self.roles[name] = role
                self.roles_seen.append((name, role))

    def _role_at(self, span: Span, sent_start: int) -> str | None:
        doc = self.doc
        _, role = self.title_prefix(span.start, sent_start)
        if role is not None:
            stop = span.end
            if stop + 1 < len(doc) and doc[stop].lower_ in ("of", "at") and (stop + 1) in self.name_at_start:
                role += " " + doc[stop:self.name_at_start[stop + 1].end].text
            return role
        if span.end < len(doc) and doc[span.end].text == ",":
            end = self._apposition_end(span.end)
            if end is not None:
                _, cand = self.appositive(span.end, end)
                if cand and any(t.lower_.rstrip(".") in self.rules.titles for t in doc[span.end + 1:end]):
                    return cand
        start = span.start
        if start > 0 and doc[start - 1].lower_.rstrip(".") in self.rules.honorifics:
            start -= 1
        if start > sent_start and doc[start - 1].text == ",":
            j = start - 1
            while j > sent_start and doc[j - 1].text not in (",", ".", ";", ":", "(") and not doc[j - 1].is_space:
                j -= 1
            while j < start - 1 and (doc[j].tag_ in ("IN", "VBG", "CC") or doc[j].lower_ in ("including",)):
                j += 1
            words = doc[j:start - 1]
            if len(words) and len(words) <= 12 and any(t.lower_.rstrip(".") in self.rules.titles for t in words) \
                    and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words):
                return words.text
        return None

    def _apposition_end(self, comma: int) -> int | None:
        """The comma that closes an apposition opened at `comma` (it may hold commas of its own)."""
        doc = self.doc
        k = comma + 1
        last = None
        while k < len(doc) and k - comma < 40:
            t = doc[k]
            if t.text in (".", ";", ":") or t.is_space or t.text in OPENING + CLOSING:
                break
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break
            if t.text == ",":
                last = k
                nxt = doc[k + 1] if k + 1 < len(doc) else None
                if nxt is None or nxt.lower_ in ADJUNCT_STARTS or nxt.tag_ in ("VBD", "VBZ", "VBG", "RB", "WDT", "WP"):
                    break
            k += 1
        return last

    # speakers -------------------------------------------------------------------------

    def _skip_back(self, i: int, floor: int) -> int:
        """Walk back from a cue over adverbs, auxiliaries, time expressions and parenthetical asides."""
        doc = self.doc
        while i > floor:
            t = doc[i - 1]
            if t.is_space or t.i in self.date_tokens:
                i -= 1
                continue
            if t.text == ")":
                k = i - 2
                while k > floor and doc[k].text != "(" and i - k < 30:
                    k -= 1
                if doc[k].text == "(":
                    i = k
                    continue
            if t.lower_ in SKIPPABLE and t.tag_ in ("RB", "VBZ", "VBD", "VBP", "MD", "RBR", "IN", "DT", "NN", "VB"):
                i -= 1
                continue
            if t.lower_ in ("on", "in", "at", "last", "this") and i < len(doc) and doc[i].i in self.date_tokens:
                i -= 1
                continue
            if t.text == "," and (i - 1) not in self.name_at_end:
                # ", by contrast," / ", which has out-sold Boeing since 2003," / ", in remarks to ...,"
                k = i - 2
                while k > floor and doc[k].text != "," and not doc[k].is_space and doc[k].text not in ".;":
                    k -= 1
                if k > floor and doc[k].text == "," and k + 1 < i - 1:
                    first = doc[k + 1]
                    if first.lower_ in ADJUNCT_STARTS or first.tag_ in ("WDT", "WP", "RB", "VBN", "VBG") \
                            and first.lower_ not in self.rules.titles:
                        i = k
                        continue
            break
        return i

    def speaker_before(self, cue_start: int, floor: int) -> Speaker | None:
        """The speaker whose phrase ends right before a cue."""
        doc = self.doc
        before = cue_start
        while before - 1 > floor and doc[before - 1].tag_ in ("RB", "RBR"):
            before -= 1  # ", further saying"
        if doc[cue_start].tag_ == "VBG" and before > floor and (doc[before - 1].text == ","
                                                              or doc[before - 1].lower_ in self.rules.doc_nouns | {"by"}):
            # "X defended the decision, saying ...": the sentence's subject speaks.
            return self.sentence_subject(floor, cue_start)
        i = self._skip_back(cue_start, floor)
        if i <= floor:
            return None
        t = doc[i - 1]
        if t.lower_ == "who" and i - 2 > floor and doc[i - 2].text == ",":
            # "..., Lower Saxony's premier Stephan Weil, who said ...": the relative clause's antecedent
            return self._speaker_ending_at(i - 2, floor, cue_start)
        if t.text == ",":
            return self._speaker_with_apposition(i - 1, cue_start, floor)
        if t.lower_ in ("and", "but", "then") or t.tag_ in ("VBD", "VBZ", "VBN") and doc[cue_start].tag_ != "VBG":
            return self.sentence_subject(floor, cue_start)
        speaker = self._speaker_ending_at(i, floor, cue_start)
        if speaker is not None and not speaker.is_person and speaker.start in self.name_at_start:
            better = self._person_behind(speaker.start, self.name_at_start[speaker.start].end, floor, i)
            if better is not None:
                return better
            titled = self._titled_phrase(speaker.start, i, floor)
            if titled is not None:
                return titled
        return speaker

    def _titled_phrase(self, name_start: int, end: int, floor: int) -> Speaker | None:
        """'The premier of the German state of North Rhine-Westphalia': a title phrase ending in a place."""
        doc = self.doc
        k = name_start
        while k > floor and (doc[k - 1].tag_ in ("NN", "NNS", "NNP", "JJ", "DT", "IN") and doc[k - 1].lower_ in
                             ("of", "the", "a", "an", "for") or doc[k - 1].tag_ in ("NN", "NNS", "JJ", "NNP")):
            k -= 1
            if doc[k].tag_ == "DT" and (k == floor or doc[k - 1].tag_ not in ("IN",)):
                break
        words = doc[k:name_start]
        if k < name_start and doc[k].tag_ == "DT" and any(t.lower_ in self.rules.titles for t in words):
            return Speaker(doc[k:end].text, None, k, end, False)
        return None

    def _person_behind(self, org_start: int, org_end: int, floor: int, limit: int) -> Speaker | None:
        """'Professor X of Chapman University said', 'X, manager of Global Times Online pointed'."""
        doc = self.doc
        prep = org_start - 1
        if prep > floor and doc[prep].lower_ in ("of", "at", "from", "for", "with"):
            name = self.name_at_end.get(prep)
            if name is not None and name.label_ == "PERSON":
                sp = self._speaker_from_name(name, floor)
                _, prefix = self.title_prefix(name.start, floor)
                sp.role = ((prefix + " ") if prefix else "") + doc[prep:org_end].text
                sp.end = limit
                return sp
        for j in range(org_start - 1, max(floor, org_start - 25) - 1, -1):
            if doc[j].text in (".", ";") or doc[j].is_space:
                break
            if doc[j].text == "," and j in self.name_at_end and self.name_at_end[j].label_ == "PERSON":
                _, role = self.appositive(j, limit)
                if role:
                    sp = self._speaker_from_name(self.name_at_end[j], floor)
                    sp.role = role
                    sp.end = limit
                    return sp
        return None

    def sentence_subject(self, s0: int, limit: int) -> Speaker | None:
        """The subject at the start of a sentence ('X made a statement, saying ...')."""
        doc = self.doc
        i = s0
        while i < limit and (doc[i].is_space or doc[i].text in OPENING):
            i += 1
        if i < limit and (doc[i].lower_ in ADJUNCT_STARTS | {"while", "although", "though", "still"}
                          or doc[i].i in self.date_tokens):
            j = i
            while j < limit and doc[j].text != ",":
                j += 1
            if j < limit:
                i = j + 1
        for j in range(i, min(limit, i + 12)):
            name = self.name_at_start.get(j)
            if name is not None and name.label_ != "PERSON" and name.end <= limit:
                later = [self.name_at_start[k] for k in range(name.end, min(limit, i + 12))
                         if k in self.name_at_start and self.name_at_start[k].label_ == "PERSON"]
                if later and self.title_prefix(later[0].start, i)[0] <= j:
                    name = later[0]
                    j = name.start
            if name is not None and name.end <= limit:
                prefix_start, _ = self.title_prefix(j, i)
                if name.label_ != "PERSON" and name.end + 4 < limit:
                    for k in range(name.end, min(limit, name.end + 4)):
                        if doc[k].text == "," and k + 1 in self.name_at_start \
                                and self.name_at_start[k + 1].label_ == "PERSON":
                            sp = self._speaker_from_name(self.name_at_start[k + 1], i)
                            if any(t.lower_ in self.rules.titles for t in doc[i:k]):
                                sp.role = doc[i:k].text
                            return sp
                if prefix_start <= i or j == i or all(t.tag_ == "DT" for t in doc[i:j]):
                    sp = self._speaker_from_name(name, i)
                    if name.end < limit and doc[name.end].text == ",":
                        k = name.end + 1
                        while k < limit and doc[k].text != "," and k - name.end < 20:
                            k += 1
                        _, role = self.appositive(name.end, k)
                        if role and sp.is_person:
                            sp.role = role
                    return sp
                break
        if i < limit and doc[i].tag_ == "PRP":
            return self._pronoun(doc[i].lower_, i)
        j = i
        while j < limit and (doc[j].tag_ in ("DT", "PDT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "CD")
                             or j == i and doc[j].tag_ == "RB"):  # "Nearly all legal experts"
            j += 1
        if j > i and doc[i].tag_ in ("RB", "PDT", "DT") and all(t.tag_ in ("RB", "PDT", "DT", "JJ", "NN", "NNS", "NNP")
                                                               for t in doc[i:j]):
            head = doc[j - 1]
            if head.lower_ in self.rules.speaker_nouns or head.tag_ == "NNS":
                return Speaker(doc[i:j].text, None, i, j, False)
        return self._noun_speaker(j, i) if j > i else None

    def _speaker_with_apposition(self, comma: int, cue_start: int, floor: int) -> Speaker | None:
        """'NAME, ROLE, cue' or 'ROLE, NAME, cue'."""
        doc = self.doc
        name = self.name_at_end.get(comma)
        if name is not None and name.start > floor and name.label_ == "PERSON":
            reverse = self._reverse_apposition(name, cue_start, floor)
            if reverse.role is not None and reverse.start < name.start:
                return reverse
        fallback = None
        for j in range(comma - 1, max(floor, comma - 45) - 1, -1):
            if doc[j].text in (".", ";") or doc[j].is_space or doc[j].text in OPENING + CLOSING:
                break
            if doc[j].text != "," or j not in self.name_at_end:
                continue
            cand = self.name_at_end[j]
            _, role = self.appositive(j, comma)
            if role is None:
                continue
            sp = self._speaker_from_name(cand, floor)
            sp.end = cue_start
            if sp.is_person:
                sp.role = role
                return sp
            fallback = fallback or sp
        if name is not None and name.start > floor and (fallback is None or name.label_ == "PERSON"):
            return self._reverse_apposition(name, cue_start, floor)
        return fallback

    def _reverse_apposition(self, name: Span, cue_start: int, floor: int) -> Speaker:
        """'Ryanair CEO, Michael O'Leary, justified': a role, then the name between commas."""
        doc = self.doc
        sp = self._speaker_from_name(name, floor)
        if sp.is_person and name.start - 1 > floor and doc[name.start - 1].text == ",":
            k = name.start - 1
            j = k
            while j > floor and doc[j - 1].text not in (",", ".", ";", ":") and not doc[j - 1].is_space:
                j -= 1
            role = doc[j:k]
            if len(role) and any(t.lower_.rstrip(".") in self.rules.titles for t in role):
                sp.role = role.text
                sp.start = j
        sp.end = cue_start
        return sp

    def _speaker_ending_at(self, end: int, floor: int, cue_start: int) -> Speaker | None:
        doc = self.doc
        name = self.name_at_end.get(end)
        if name is not None and name.start >= floor:
            return self._speaker_from_name(name, floor)
        t = doc[end - 1]
        if t.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and t.tag_ == "PRP":
            return self._pronoun(t.lower_, end - 1)
        # A name, a comma and an unclosed role right before the cue.
        for j in range(end - 1, max(floor, end - 25) - 1, -1):
            if doc[j].text == "," and j in self.name_at_end:
                name = self.name_at_end[j]
                _, role = self.appositive(j, end)
                if role and name.label_ == "PERSON":
                    sp = self._speaker_from_name(name, floor)
                    sp.role = role
                    sp.end = end
                    return sp
            if doc[j].text in (".", ";", '"', "“", "”") or doc[j].is_space:
                break
        return self._noun_speaker(end, floor)

    def _noun_speaker(self, end: int, floor: int) -> Speaker | None:
        """An unnamed speaker ('analysts', 'the attendees'), or 'the actress' / 'the company' for a known one."""
        doc = self.doc
        head = doc[end - 1]
        start = end
        while start > floor and doc[start - 1].tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ", "JJS", "DT", "POS", "CD",
                                                      "HYPH", "PRP$") and not doc[start - 1].is_space:
            start -= 1
            if doc[start].tag_ in ("DT", "PRP$"):
                break
        if start == end:
            return None
        phrase = doc[start:end]
        word = head.lower_
        if doc[start].lower_ == "the" and len(phrase) <= 3:
            known = self._corefer(word, start)
            if known is not None:
                known.start, known.end = start, end
                return known
        if all(t.tag_ in ("NNP", "NNPS") for t in phrase) and self._person_named(head.text):
            name = self.fullest(head.text, "PERSON")  # a surname the NER missed: "Thune told ..."
            return Speaker(name, self.roles.get(name), start, end, True)
        if word in self.rules.doc_nouns:
            owner = [self.name_at_end[k + 1] for k in range(start, end) if doc[k + 1 if k + 1 < end else k].tag_ == "POS"
                     and (k + 1) in self.name_at_end]
            if owner:
                return self._speaker_from_name(owner[0], floor)
        if word in self.rules.speaker_nouns or word in self.rules.titles or head.tag_ in ("NNP", "NNPS") \
                or head.is_upper and len(head) > 1 and head.is_alpha and (head.is_title or head.is_upper) \
                or any(t.ent_type_ in ("ORG", "GPE") for t in phrase):
            return Speaker(phrase.text, None, start, end, False)
        return None

    def _corefer(self, noun: str, before: int) -> Speaker | None:
        """'the actress' -> the last person with that title; 'the company' -> the last organisation."""
        if noun in self.rules.org_nouns:
            for span in reversed(self.names):
                if span.end <= before and span.label_ == "ORG":
                    return Speaker(self.fullest(self.clean_name(span), "ORG"), None, span.start, span.end, False)
            return None
        if noun in self.rules.titles:
            for name, role in reversed(self.roles_seen):
                if noun in role.lower().split():
                    return Speaker(name, role, before, before + 1, True)
        return None

    def _speaker_from_name(self, name: Span, floor: int) -> Speaker:
        label = "PERSON" if name.label_ == "PERSON" else "ORG"
        if label != "PERSON" and len(name) == 1 and self._person_named(name.text):
            label = "PERSON"  # NER often mislabels a lone surname ("Shi wished ...")
        full = self.fullest(self.clean_name(name), label)
        is_person = label == "PERSON"
        start, role = (name.start, None)
        if is_person:
            start, role = self.title_prefix(name.start, floor)
            role = role or self.roles.get(full)
        return Speaker(full, role, start, name.end, is_person)

    def _pronoun(self, word: str, at: int) -> Speaker | None:
        if word == "i":
            return None
        if word in PERSON_PRONOUNS:
            name = self._last_person_before(at)
            return Speaker(name, self.roles.get(name), at, at + 1, True) if name else None
        if word == "it":
            for span in reversed(self.names):
                if span.end <= at and span.label_ == "ORG":
                    return Speaker(self.fullest(self.clean_name(span), "ORG"), None, at, at + 1, False)
        for pos, sp in reversed(self.spoken):
            if pos < at:
                return Speaker(sp.name, sp.role, at, at + 1, sp.is_person)
        return None

    def _last_person_before(self, at: int) -> str | None:
        """The person a 'he' or 'she' most likely means: the last person named as a subject or speaker."""
        best_pos, best = -1, None
        for span in self.names:
            if span.label_ != "PERSON" or span.end > at:
                continue
            nxt = self.doc[span.end] if span.end < len(self.doc) else None
            subject_like = nxt is not None and (nxt.tag_.startswith("VB") or nxt.tag_ in ("MD", "POS")
                                                or nxt.text == ",")
            if subject_like and span.start > best_pos:
                best_pos, best = span.start, self.fullest(self.clean_name(span), "PERSON")
        for pos, sp in self.spoken:
            if sp.is_person and best_pos < pos < at:
                best_pos, best = pos, sp.name
        return best

    def speaker_after(self, cue_end: int, limit: int) -> Speaker | None:
        """'..., said Smith', 'said the spokesman', 'said ROLE, NAME', 'quipped ORG editor NAME'."""
        doc = self.doc
        i = cue_end
        if i >= limit:
            return None
        j = i
        while j < limit and doc[j].text not in (",", ".", ";", ":", "!", "?") and not doc[j].is_space \
                and doc[j].text not in OPENING + CLOSING:
            j += 1
        if i == j or any(k in self.date_tokens for k in range(i, j)):
            return None
        if doc[i].tag_ == "PRP":
            return self._pronoun(doc[i].lower_, i) if j == i + 1 else None
        phrase = doc[i:j]
        # "said ROLE, NAME"
        if j < limit and doc[j].text == "," and j + 1 in self.name_at_start \
                and self.name_at_start[j + 1].label_ == "PERSON":
            sp = self._speaker_from_name(self.name_at_start[j + 1], i)
            if any(t.lower_.rstrip(".") in self.rules.titles for t in phrase):
                sp.role = phrase.text
            return sp
        persons = [self.name_at_start[k] for k in range(i, j) if k in self.name_at_start
                   and self.name_at_start[k].label_ == "PERSON" and self.name_at_start[k].end <= j]
        if persons:
            sp = self._speaker_from_name(persons[0], i)
            if persons[0].end < limit and doc[persons[0].end].text == ",":
                _, role = self.appositive(persons[0].end, self._clause_end(persons[0].end, limit))
                if role and sp.is_person:
                    sp.role = role
            return sp
        if doc[i].lower_ in ("a", "an", "the") and phrase[-1].tag_ in ("NN", "NNS"):
            known = self._corefer(phrase[-1].lower_, i) if doc[i].lower_ == "the" and len(phrase) <= 3 else None
            head = phrase[-1].lower_
            if known or head in self.rules.speaker_nouns or head in self.rules.titles \
                    or any(t.tag_ in ("NNP", "NNPS") for t in phrase):
                return known or Speaker(phrase.text, None, i, j, False)
            return None
        name = self.name_at_start.get(i)
        if name is not None and name.end <= j:
            return self._speaker_from_name(name, i)
        return self._noun_speaker(j, i)

    def _clause_end(self, i: int, limit: int) -> int:
        doc = self.doc
        j = i + 1
        while j < limit and doc[j].text not in (".", ";") and not doc[j].is_space:
            j += 1
        return j


def _quote_fact(text: str, s: int, e: int, speaker: Speaker, kind: str, cue: str | None) -> Found:
    return Found("quote", s, e, {"speaker": speaker.name, "role": speaker.role if speaker.is_person else None,
                                 "quote": text[s:e], "kind": kind, "cue": cue})


def extract(doc: Doc, ctx: ExtractionContext) -> list[Found]:
    """The quote facts of a spaCy Doc (component entry point)."""
    if not len(doc):
        return []
    rules = _rules(ctx.patterns, doc.vocab)
    x = QuoteExtractor(doc, rules, [(f.start, f.end) for f in ctx.found.get("date", [])], ctx.text,
                       ctx.sentence_tokens)
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
    # 1. Direct quotes with their own attribution.
    for qi, (ts, te, cs, ce) in enumerate(quotes):
        n_words = len(text[cs:ce].split())
        prev_end = quotes[qi - 1][1] if qi else 0
        next_start = quotes[qi + 1][0] if qi + 1 < len(quotes) else len(doc)
        speaker, cue, cue_idx = _attribute_direct(x, cues, ts, te, prev_end, next_start, sentences, sent_of, used_cues)
        if speaker is None and qi:
            # '"X," she said, "Y."': the second part keeps the speaker of the attribution between them.
            between = doc[prev_end:ts]
            split_by = [ci for ci in cue_speaker if prev_end <= cues[ci][0] < ts]
            if split_by and len(between) <= 10 and not any(t.text in (".", "!", "?") for t in between):
                speaker, cue = cue_speaker[split_by[0]], None
        s, e = _strip_span(text, cs, ce, ",")
        if e <= s:
            continue
        if speaker is None:
            if n_words >= 4 and not _title_like(text[s:e]) and _stands_alone(text, cs, s, e):
                pending.append((ts, s, e))
            continue
        if n_words < 3 and not text[s:e].rstrip().endswith((".", "!", "?")):
            continue
        if cue_idx is not None:
            used_cues.add(cue_idx)
            cue_speaker[cue_idx] = speaker
        x.spoken.append((ts, speaker))
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
        result = _indirect(x, doc, c0, c1, kind, s0, s1, inside_quote)
        if result is None:
            continue
        speaker, (cs, ce) = result
        cs, ce = _strip_span(text, cs, ce, ".,;:")
        if text[cs:ce].lower().startswith("that "):
            cs += 5
        if ce - cs < 8 or len(text[cs:ce].split()) < 2:
            continue
        if any(cs < e and s < ce for s, e in direct_ranges):
            continue
        x.spoken.append((c0, speaker))
        reported.append((cs, ce))
        found.append(_quote_fact(text, cs, ce, speaker, "indirect", doc[c0:c1].text))
    # 3. Quotations with no attribution continue the speaker of the quote before them.
    x.spoken.sort(key=lambda p: p[0])
    for ts, s, e in pending:
        before = [(pos, sp) for pos, sp in x.spoken if pos < ts]
        if not before:
            continue
        pos, speaker = before[-1]
        if s - doc[pos].idx > 2500:
            continue
        x.spoken.append((ts, speaker))
        x.spoken.sort(key=lambda p: p[0])
        found.append(_quote_fact(text, s, e, speaker, "direct", None))
    _share_roles(found, x)
    found.sort(key=lambda f: f.start)
    return found


def _share_roles(found: list[Found], x: QuoteExtractor) -> None:
    """A speaker's role, once the document gives it, holds for all of the speaker's quotes."""
    known: dict[str, str] = {}
    for f in sorted(found, key=lambda f: f.start):
        if f.values["role"]:
            known.setdefault(f.values["speaker"], f.values["role"])
    for f in found:
        name = f.values["speaker"]
        if not f.values["role"] and name in x.roles_known_people:
            f.values["role"] = known.get(name) or x.roles.get(name)


def _stands_alone(text: str, open_at: int, s: int, e: int) -> bool:
    """A quotation that is its own sentence: it opens a paragraph or follows a sentence's end,
    and ends like a sentence."""
    before = text[:max(0, open_at - 1)].rstrip(" \t")
    starts = not before or before[-1] in "\n.!?\"\u201d:"
    return starts and text[e - 1:e] in (".", "!", "?", "\u2026", "]") or starts and text[e:e + 1] in (".", "!", "?")


def _title_like(content: str) -> bool:
    """A name or a title in quotation marks ('"Technological Leadership, Industrial Synergy"')."""
    words = [w for w in content.replace(",", " ").split() if w.isalpha()]
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at"}
    return bool(words) and all(w[0].isupper() or w in small for w in words) and len(words) <= 8


def _attribute_direct(x: QuoteExtractor, cues, ts, te, prev_end, next_start, sentences, sent_of, used_cues):
    """Find the cue and speaker of a quotation: after it ('," X said') or before it ('X said: "')."""
    doc = x.doc
    # After: within the rest of the sentence the quotation ends in, before the next quotation.
    end_sent = sentences[sent_of[min(te, len(doc) - 1)]]
    after_limit = min(next_start, max(end_sent[1], te + 1), te + 40)
    j = te
    while j < len(doc) and (doc[j].text in CLOSING or doc[j].text in (",", "?", "!") or doc[j].is_space and "\n" not in doc[j].text):
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
            return speaker, doc[c0:c1].text, ci
        break
    # Before: the text leading up to the quotation in the same paragraph (or a paragraph ending in ':').
    k = ts - 1
    while k > prev_end and (doc[k].text in OPENING or doc[k].is_space):
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
        speaker = x.speaker_before(c0, max(s0, prev_end))
        if speaker is None:
            speaker = x.speaker_after(c1, ts)
        if speaker is not None:
            return speaker, doc[c0:c1].text, ci
        break
    return None, None, None


def _indirect(x: QuoteExtractor, doc: Doc, c0: int, c1: int, kind: str, s0: int, s1: int, inside_quote):
    """Speaker and content (char offsets) of reported speech around the cue at [c0, c1)."""
    text = x.text
    while s1 > s0 and (doc[s1 - 1].is_space or doc[s1 - 1].text in CLOSING and s1 - 1 not in inside_quote):
        s1 -= 1
    if kind == "source":  # "According to X, CONTENT." / "CONTENT, according to X."
        j = c1
        while j < s1 and doc[j].text not in (",", ";") and not doc[j].is_space:
            j += 1
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
        if j < s1 and doc[j].text == "," and (c0 == s0 or c0 - 1 in x.sent_start_set):
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


def _end_char(doc: Doc, end: int) -> int:
    return doc[end - 1].idx + len(doc[end - 1])


def _content_after(doc: Doc, cue: Span, c1: int, s1: int, inside_quote) -> tuple[int, int] | None:
    """'X said (at a subforum on Thursday) that CONTENT' or 'X said CONTENT' where a clause follows."""
    for k in range(c1, min(s1, c1 + 14)):
        if doc[k].lower_ == "that" and k + 1 < s1 and k not in inside_quote:
            return doc[k + 1].idx, _end_char(doc, s1)
        if doc[k].text in (".", ";") or doc[k].text in OPENING or doc[k].tag_.startswith("VB") or doc[k].tag_ == "MD":
            break  # "that" after another verb belongs to another clause
    if c1 >= s1:
        return None
    first = doc[c1]
    if cue.text.lower() in CLAUSE_CUES:
        return (first.idx, _end_char(doc, s1)) if first.text != "," else None
    if first.text in (",", ":", ".") or first.text in OPENING:
        return None
    if first.lower_ in ADJUNCT_STARTS:
        # "said on Tuesday it would invest", "said in a statement the company would ...": a clause after an adjunct
        for p in range(c1 + 2, min(s1, c1 + 9)):
            t, prev = doc[p], doc[p - 1]
            if prev.text in (",", ".", ";") or prev.text in OPENING or t.text in OPENING \
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


def _plain_speaker(x: QuoteExtractor, phrase: Span) -> Speaker | None:
    """An unnamed source after 'according to': the phrase as written."""
    if not len(phrase) or phrase[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    return Speaker(phrase.text, None, phrase.start, phrase.end, False)
