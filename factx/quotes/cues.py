"""Stage 2, cues: the reporting words of `patterns/cues.jsonl` and the other quote tables."""
from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..pattern_files import Patterns

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


class QuoteRules:
    """Compiled tables: cue matchers, title words, honorifics, speaker nouns."""

    def __init__(self, patterns: Patterns, vocab):
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.matcher = Matcher(vocab)
        self.kind_of: dict[str, str] = {}
        self.cue_words: set[str] = set()  # one-word verb cues, lower case
        for n, row in enumerate(patterns.rows("cues")):
            key = f"cue{n}"
            self.kind_of[key] = row["kind"]
            if "phrase" in row:
                if " " not in row["phrase"] and row["kind"] == "verb":
                    self.cue_words.add(row["phrase"].lower())
                self.phrase_matcher.add(key, [Doc(vocab, words=row["phrase"].split())])
            else:
                self.matcher.add(key, [row["pattern"]])
        self.titles = {r["word"].lower() for r in patterns.rows("titles")}
        self.honorifics = {r["word"].lower().rstrip(".") for r in patterns.rows("honorifics")}
        self.honorific_gender = {r["word"].lower().rstrip("."): r["gender"] for r in patterns.rows("honorifics")
                                 if r.get("gender")}
        kinds: dict[str, set[str]] = {"speaker": set(), "organisation": set(), "document": set(), "data": set(),
                                      "audience": set()}
        for r in patterns.rows("speaker_nouns"):
            kinds[r.get("kind", "speaker")].add(r["noun"].lower())
        self.speaker_nouns = kinds["speaker"]
        self.org_nouns = kinds["organisation"]  # "the company said": the last organisation named
        self.doc_nouns = kinds["document"]  # "a statement from X", "X's lawsuit claims": X speaks
        self.data_nouns = kinds["data"]  # "according to data from X": not speech
        self.audience_nouns = kinds["audience"]  # "told the press ...": spoken to
        self.company_nouns = {r["noun"].lower() for r in patterns.rows("speaker_nouns") if r.get("company")}
        self.institution_words = {r["word"].lower() for r in patterns.rows("institution_words")}

    def cues(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every cue, longest first where they overlap."""
        found = []
        for match_id, s, e in [*self.phrase_matcher(doc), *self.matcher(doc)]:
            kind = self.kind_of[doc.vocab.strings[match_id]]
            if kind == "verb" and not any(t.tag_.startswith("VB") for t in doc[s:e]):
                continue  # a word form is a cue only as a verb: "he adds" is, "the adds" and "the state" are not
            found.append((s, e, kind))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, last_end = [], -1
        for s, e, kind in found:
            if s >= last_end:
                out.append((s, e, kind))
                last_end = e
        return out


@lru_cache(maxsize=8)
def rules_for(patterns: Patterns, vocab) -> QuoteRules:
    return QuoteRules(patterns, vocab)
