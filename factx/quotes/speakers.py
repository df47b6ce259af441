"""Speaker phrases around a cue: the tokens before a cue ("X, a spokesman, said"),
after it ("said Smith", "said the spokesman"), or the subject of the sentence
("X defended the decision, saying ..."), turned into a resolved `Speaker`."""
from __future__ import annotations

from spacy.tokens import Span

from .coreference import GROUP_PRONOUNS, PERSON_PRONOUNS, Mentions, Speaker
from .cues import ADJUNCT_STARTS, SKIPPABLE
from .quotations import CLOSE_TOKENS, MARK_TOKENS, OPEN_TOKENS
from .appositions import person_behind, speaker_with_apposition, titled_phrase
from .roles import Roles



class Speakers:
    """Finds and resolves the speaker phrase of a cue."""

    def __init__(self, mentions: Mentions, roles: Roles, date_tokens: set[int], text: str):
        self.mentions = mentions
        self.roles = roles
        self.doc = mentions.doc
        self.rules = mentions.rules
        self.date_tokens = date_tokens
        self.text = text  # doc.text
        self.name_at_end = mentions.name_at_end
        self.name_at_start = mentions.name_at_start

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
        while before - 1 > floor and (doc[before - 1].tag_ in ("RB", "RBR") or doc[before - 1].lower_ in SKIPPABLE
                                      or doc[before - 1].text in CLOSE_TOKENS and doc[cue_start].tag_ == "VBG"):
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
            return speaker_with_apposition(self, i - 1, cue_start, floor)
        if t.lower_ in ("and", "but", "then") or t.tag_ in ("VBD", "VBZ", "VBN") and doc[cue_start].tag_ != "VBG":
            return self.sentence_subject(floor, cue_start)
        speaker = self._speaker_ending_at(i, floor, cue_start)
        if speaker is not None and not speaker.is_person and speaker.start in self.name_at_start:
            better = person_behind(self, speaker.start, self.name_at_start[speaker.start].end, floor, i)
            if better is not None:
                return better
            titled = titled_phrase(self, speaker.start, i, floor)
            if titled is not None:
                return titled
        return speaker

    def sentence_subject(self, s0: int, limit: int) -> Speaker | None:
        """The subject at the start of a sentence ('X made a statement, saying ...')."""
        doc = self.doc
        i = s0
        while i < limit and (doc[i].is_space or doc[i].text in OPEN_TOKENS):
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
                if later and self.roles.title_prefix(later[0].start, i)[0] <= j:
                    name = later[0]
                    j = name.start
            if name is not None and name.end <= limit:
                prefix_start, _ = self.roles.title_prefix(j, i)
                if name.label_ != "PERSON" and name.end + 4 < limit:
                    for k in range(name.end, min(limit, name.end + 4)):
                        if doc[k].text == "," and k + 1 in self.name_at_start \
                                and self.name_at_start[k + 1].label_ == "PERSON":
                            sp = self.from_name(self.name_at_start[k + 1], i)
                            if any(t.lower_ in self.rules.titles for t in doc[i:k]):
                                sp.role = doc[i:k].text
                            return sp
                if prefix_start <= i or j == i or all(t.tag_ == "DT" for t in doc[i:j]):
                    sp = self.from_name(name, i)
                    if name.end < limit and doc[name.end].text == ",":
                        k = name.end + 1
                        while k < limit and doc[k].text != "," and k - name.end < 20:
                            k += 1
                        _, role = self.roles.appositive(name.end, k)
                        if role and sp.is_person:
                            sp.role = role
                    return sp
                break
        if i < limit and doc[i].tag_ == "PRP":
            return self.mentions.pronoun(doc[i].lower_, i, self.roles)
        j = i
        while j < limit and (doc[j].tag_ in ("DT", "PDT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "CD")
                             or j == i and doc[j].tag_ == "RB"):  # "Nearly all legal experts"
            j += 1
        if j > i and doc[i].tag_ in ("RB", "PDT", "DT") and all(t.tag_ in ("RB", "PDT", "DT", "JJ", "NN", "NNS", "NNP")
                                                               for t in doc[i:j]):
            head = doc[j - 1]
            if head.lower_ in self.rules.speaker_nouns or head.tag_ == "NNS":
                return Speaker(doc[i:j].text, None, i, j, False)
        return self.noun_speaker(j, i) if j > i else None

    def _speaker_ending_at(self, end: int, floor: int, cue_start: int) -> Speaker | None:
        doc = self.doc
        name = self.name_at_end.get(end)
        if name is not None and name.start >= floor:
            return self.from_name(name, floor)
        t = doc[end - 1]
        if t.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and t.tag_ == "PRP":
            return self.mentions.pronoun(t.lower_, end - 1, self.roles)
        # A name, a comma and an unclosed role right before the cue.
        for j in range(end - 1, max(floor, end - 25) - 1, -1):
            if doc[j].text == "," and j in self.name_at_end:
                name = self.name_at_end[j]
                _, role = self.roles.appositive(j, end)
                if role and name.label_ == "PERSON":
                    sp = self.from_name(name, floor)
                    sp.role = role
                    sp.end = end
                    return sp
            if doc[j].text in (".", ";", '"', "“", "”") or doc[j].is_space:
                break
        return self.noun_speaker(end, floor)

    def noun_speaker(self, end: int, floor: int) -> Speaker | None:
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
            known = self.mentions.describe(word, start, self.roles)
            if known is not None:
                known.start, known.end = start, end
                return known
        if all(t.tag_ in ("NNP", "NNPS") or t.is_title for t in phrase) and self.mentions.person_named(head.text):
            name = self.mentions.fullest(head.text, "PERSON")  # a surname the NER missed: "Thune told ..."
            return Speaker(name, self.roles.by_name.get(name), start, end, True)
        if word in self.rules.doc_nouns:
            owner = [self.name_at_end[k + 1] for k in range(start, end) if doc[k + 1 if k + 1 < end else k].tag_ == "POS"
                     and (k + 1) in self.name_at_end]
            if owner:
                return self.from_name(owner[0], floor)
        if word in self.rules.speaker_nouns or word in self.rules.titles or head.tag_ in ("NNP", "NNPS") \
                or head.is_upper and len(head) > 1 and head.is_alpha and (head.is_title or head.is_upper) \
                or any(t.ent_type_ in ("ORG", "GPE") for t in phrase):
            return Speaker(phrase.text, None, start, end, False)
        return None

    def is_addressee(self, tok) -> bool:
        """An object spoken to: "told reporters", "told him", "assured the minister"."""
        return tok.tag_ in ("PRP", "PRP$") or tok.ent_type_ in ("PERSON", "ORG", "NORP") \
            or tok.lower_ in self.rules.speaker_nouns or tok.lower_ in self.rules.titles \
            or tok.lower_ in self.rules.audience_nouns

    def can_join(self, tok) -> bool:
        """A conjunct of a coordinated speaker: a name or a speaker noun, never a title
        ("President of X and Professor at Y" is one person's roles)."""
        word = tok.lower_
        if word in self.rules.titles:
            return False
        return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or word in self.rules.speaker_nouns \
            or word in self.rules.org_nouns

    def is_cue(self, tok) -> bool:
        """Is this (parsed) token a reporting verb of the cue table?"""
        return tok.tag_.startswith("VB") and tok.lower_ in self.rules.cue_words

    def from_name(self, name: Span, floor: int) -> Speaker:
        label = "PERSON" if name.label_ == "PERSON" else "ORG"
        if label != "PERSON" and len(name) == 1 and self.mentions.person_named(name.text):
            label = "PERSON"  # NER often mislabels a lone surname ("Shi wished ...")
        full = self.mentions.fullest(self.mentions.clean_name(name), label)
        is_person = label == "PERSON"
        start, role = (name.start, None)
        if is_person:
            start, role = self.roles.title_prefix(name.start, floor)
            role = role or self.roles.by_name.get(full)
        return Speaker(full, role, start, name.end, is_person)

    def speaker_after(self, cue_end: int, limit: int) -> Speaker | None:
        """'..., said Smith', 'said the spokesman', 'said ROLE, NAME', 'quipped ORG editor NAME'."""
        doc = self.doc
        i = cue_end
        if i >= limit:
            return None
        j = i
        while j < limit and doc[j].text not in (",", ".", ";", ":", "!", "?") and not doc[j].is_space \
                and doc[j].text not in MARK_TOKENS:
            j += 1
        if i == j or any(k in self.date_tokens for k in range(i, j)):
            return None
        if doc[i].tag_ == "PRP":
            return self.mentions.pronoun(doc[i].lower_, i, self.roles) if j == i + 1 else None
        phrase = doc[i:j]
        # "said ROLE, NAME"
        if j < limit and doc[j].text == "," and j + 1 in self.name_at_start \
                and self.name_at_start[j + 1].label_ == "PERSON":
            sp = self.from_name(self.name_at_start[j + 1], i)
            if any(t.lower_.rstrip(".") in self.rules.titles for t in phrase):
                sp.role = phrase.text
            return sp
        persons = [self.name_at_start[k] for k in range(i, j) if k in self.name_at_start
                   and self.name_at_start[k].label_ == "PERSON" and self.name_at_start[k].end <= j]
        if persons:
            sp = self.from_name(persons[0], i)
            if persons[0].end < limit and doc[persons[0].end].text == ",":
                _, role = self.roles.appositive(persons[0].end, self._clause_end(persons[0].end, limit))
                if role and sp.is_person:
                    sp.role = role
            return sp
        if doc[i].lower_ in ("a", "an", "the") and phrase[-1].tag_ in ("NN", "NNS"):
            known = self.mentions.describe(phrase[-1].lower_, i, self.roles) if doc[i].lower_ == "the" and len(phrase) <= 3 else None
            head = phrase[-1].lower_
            if known or head in self.rules.speaker_nouns or head in self.rules.titles \
                    or any(t.tag_ in ("NNP", "NNPS") for t in phrase):
                return known or Speaker(phrase.text, None, i, j, False)
            return None
        name = self.name_at_start.get(i)
        if name is not None and name.end < j and "POS" in (doc[name.end - 1].tag_, doc[name.end].tag_) \
                and doc[j - 1].lower_ not in self.rules.doc_nouns:
            return Speaker(phrase.text, None, i, j, False, named=False)  # "Saudi Arabia's Civil Defense Authority"
        if name is not None and name.end <= j:
            return self.from_name(name, i)
        return self.noun_speaker(j, i)

    def _clause_end(self, i: int, limit: int) -> int:
        doc = self.doc
        j = i + 1
        while j < limit and doc[j].text not in (".", ";") and not doc[j].is_space:
            j += 1
        return j
