"""Stage 4, coreference: who a name, a surname, a pronoun or a description refers to.

Pure over a Doc and its entities: `Mentions` holds the names that can speak (entities
extended over adjacent proper nouns), the fullest form of each ("Xi" -> "Xi Jinping",
"UAW" -> "United Auto Workers"), and resolves "he"/"she"/"it"/"they" and descriptions
("the company", "the minister") to the last fitting mention before them; what cannot be
resolved is left as written.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .cues import QuoteRules

if TYPE_CHECKING:
    from .roles import Roles

NAME_LABELS = {"PERSON", "ORG", "GPE", "FAC"}  # entities that can speak
PERSON_PRONOUNS = {"he", "she", "i"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
GROUP_PRONOUNS = {"they", "it", "we"}


@dataclass
class Speaker:
    """A resolved speaker: the name to report, its role, where its phrase stands (tokens)."""

    name: str
    role: str | None
    start: int  # token indices of the speaker phrase (role included)
    end: int
    is_person: bool
    named: bool = True  # False for an unnamed speaker standing as written ("a spokeswoman for the ministry")


def _title_gender(word: str, honorifics: dict[str, str]) -> str | None:
    """The gender a word before a name gives: "Ms", "Mr"; "spokeswoman", "actress"; "chairman"."""
    if word in honorifics:
        return honorifics[word]
    if word.endswith(("woman", "women", "ess")):
        return "f"
    if word.endswith("man") and word.isalpha():
        return "m"
    return None


class Mentions:
    """The document's speakable names and the speakers attributed so far."""

    def __init__(self, doc: Doc, rules: QuoteRules, sentence_starts: list[int]):
        self.doc = doc
        self.rules = rules
        self.sent_starts = sentence_starts or [0]
        self.sent_start_set = set(self.sent_starts)
        self.names = self._name_spans()
        self._clean: dict[tuple[int, int], str] = {}
        self._fullest: dict[tuple[str, str], str] = {}
        person_words = [self.clean_name(sp).split() for sp in self.names if sp.label_ == "PERSON" and len(sp) > 1]
        self.person_name_words = {w for words in person_words if words for w in (words[0], words[-1])}
        self.name_at_end = {span.end: span for span in self.names}
        self.name_at_start = {span.start: span for span in self.names}
        self.spoken: list[tuple[int, Speaker]] = []  # (token position, speaker) of every quote found
        self.gender = self._genders()

    def _genders(self) -> dict[str, str]:
        """The gender the document gives each person ("m" or "f"), where it gives one: a courtesy
        title ("Ms Okafor"), a gendered role noun ("spokeswoman Ana Diaz"), or a he/his or
        she/her later in the only sentence that names the person."""
        doc, found = self.doc, {}
        people = [sp for sp in self.names if sp.label_ == "PERSON"]
        by_sentence: dict[int, list[Span]] = {}
        for sp in people:
            by_sentence.setdefault(self.sentence_start(sp.start), []).append(sp)
        for sp in people:
            name = self.fullest(self.clean_name(sp), "PERSON")
            if name in found:
                continue
            before = doc[sp.start - 1].lower_.rstrip(".") if sp.start else ""
            gender = next(filter(None, (_title_gender(w, self.rules.honorific_gender)
                                        for w in (before, doc[sp.start].lower_.rstrip(".")))), None)
            s0 = self.sentence_start(sp.start)
            if gender is None and len(by_sentence[s0]) == 1:
                nxt = bisect_right(self.sent_starts, sp.start)
                s1 = self.sent_starts[nxt] if nxt < len(self.sent_starts) else len(doc)
                gender = next((PRONOUN_GENDER[t.lower_] for t in doc[sp.end:s1]
                               if t.tag_ in ("PRP", "PRP$") and t.lower_ in PRONOUN_GENDER), None)
            if gender is not None:
                found[name] = gender
        return found

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
            opened = [t.i for t in doc[start:end] if t.text == "("]
            if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
                end = opened[-1]  # "the Institute of Volcanology (Phivolcs": the name ends before an unclosed aside
            if "\n" in doc[start:end].text:  # a name never runs past a line break ("Ye Lijiao\n...")
                end = start + next(i for i, t in enumerate(doc[start:end]) if "\n" in t.text_with_ws)+1
            while ent.label_ == "PERSON" and end - start > 2 and (
                    doc[start].lower_ in self.rules.titles or doc[start].lower_ in self.rules.speaker_nouns):
                start += 1  # "Spokeswoman Ana Diaz" as one entity: the title is a role, not the name
            if ent.label_ == "PERSON" and start > 0 and start == ent.start:
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

    def person_named(self, word: str) -> bool:
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
        shared: list[str] = []  # full names that a lone "Trump" or "Xi" may stand for
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
                shared.append(candidate)
            elif len(words) > 1 and candidate.endswith(" " + name) and span.label_ == label and len(candidate) > len(best):
                best = candidate
        if shared and best == name:
            # Two people share a surname ("Donald Trump", "First Lady Melania Trump"): the one the
            # document names in full most often, then the longer name.
            counts = Counter(shared)
            best = max(counts, key=lambda c: (counts[c], len(c)))
        return best

    def describe(self, noun: str, before: int, roles: "Roles") -> Speaker | None:
        """'the actress' -> the last person with that title; 'the company' -> the last organisation."""
        if noun in self.rules.org_nouns:
            business = noun in self.rules.company_nouns  # "the company": the last business, not a ministry
            for span in reversed(self.names):
                if span.end <= before and span.label_ == "ORG" and not (
                        business and any(t.lower_ in self.rules.institution_words for t in span)):
                    return Speaker(self.fullest(self.clean_name(span), "ORG"), None, span.start, span.end, False)
            return None
        if noun in self.rules.titles:
            for name, role in reversed(roles.seen):
                if noun in role.lower().split():
                    return Speaker(name, role, before, before + 1, True)
        return None

    def pronoun(self, word: str, at: int, roles: "Roles") -> Speaker | None:
        """The speaker a pronoun refers to; one with no fitting antecedent stands as written."""
        if word in ("i", "you"):
            return None  # the writer or the reader: no reported speaker
        if word in PERSON_PRONOUNS:
            name = self.last_person_before(at, word)
            return Speaker(name, roles.by_name.get(name), at, at + 1, True) if name else self._as_written(at)
        if word == "it":
            for span in reversed(self.names):
                if span.end <= at and span.label_ == "ORG":
                    return Speaker(self.fullest(self.clean_name(span), "ORG"), None, at, at + 1, False)
        for pos, sp in reversed(self.spoken):
            if pos < at:
                return Speaker(sp.name, sp.role, at, at + 1, sp.is_person)
        return self._as_written(at)

    def _as_written(self, at: int) -> Speaker:
        return Speaker(self.doc[at].text, None, at, at + 1, False)

    def last_person_before(self, at: int, pronoun: str = "") -> str | None:
        """The person a 'he' or 'she' most likely means: the last person named as a subject or
        speaker whose gender, where the document gives it, fits the pronoun."""
        wanted = PRONOUN_GENDER.get(pronoun)
        fits = lambda name: wanted is None or self.gender.get(name, wanted) == wanted  # noqa: E731
        return self._last_person(at, fits)

    def _last_person(self, at: int, fits) -> str | None:
        best_pos, best = -1, None
        for span in self.names:
            if span.label_ != "PERSON" or span.end > at:
                continue
            nxt = self.doc[span.end] if span.end < len(self.doc) else None
            subject_like = nxt is not None and (nxt.tag_.startswith("VB") or nxt.tag_ in ("MD", "POS")
                                                or nxt.text == ",")
            name = self.fullest(self.clean_name(span), "PERSON")
            if subject_like and span.start > best_pos and fits(name):
                best_pos, best = span.start, name
        for pos, sp in self.spoken:
            if sp.is_person and best_pos < pos < at and fits(sp.name):
                best_pos, best = pos, sp.name
        return best
