"""Stage 5, roles: a person's title or affiliation, from every mention of the person.

A title before the name ("Chinese President Xi Jinping"), an apposition after it
("Tim Cook, Apple's chief executive, ..."), or a role then the name between commas
("Ryanair CEO, Michael O'Leary, ..."); found once for a person and carried by all of
that person's quotes. An organisation has no role.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..context import Found
from .coreference import Mentions
from .cues import ADJUNCT_STARTS
from .quotations import MARK_TOKENS


# "who heads X": the verbs of holding a position, as a relative clause after a name gives them.
LEADING_VERBS = {"heads", "headed", "leads", "led", "chairs", "chaired", "runs", "ran", "directs", "directed",
                 "manages", "managed", "founded", "co-founded", "owns", "coaches", "coached", "represents",
                 "represented", "presides", "oversees", "oversaw", "commands", "commanded"}


class Roles:
    """The roles of the people a document names, found at any of their mentions."""

    def __init__(self, mentions: Mentions):
        self.mentions = mentions
        self.doc = mentions.doc
        self.rules = mentions.rules
        self.by_name: dict[str, str] = {}
        self.seen: list[tuple[str, str]] = []  # (name, role) in document order
        self._collect()
        self.known_people = {mentions.fullest(mentions.clean_name(sp), "PERSON") for sp in mentions.names
                             if sp.label_ == "PERSON"}

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
        of = next((t.i for t in words if t.lower_ == "of"), None)
        if of is not None and not any(t.lower_.rstrip(".") in self.rules.titles for t in doc[i:of]):
            i = of + 1  # "the conduct of United States President X": the role starts after "of"
            words = doc[i:name_start]
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

    def _collect(self) -> None:
        """Roles for people from every mention in the document: a title before the name,
        an apposition after it ("X, CEO of Y, ..."), or a role then the name between commas."""
        for span in self.mentions.names:
            if span.label_ != "PERSON":
                continue
            name = self.mentions.fullest(self.mentions.clean_name(span), "PERSON")
            if name in self.by_name:
                continue
            role = self.role_at(span, self.mentions.sentence_start(span.start))
            if role:
                self.by_name[name] = role
                self.seen.append((name, role))

    def role_at(self, span: Span, sent_start: int) -> str | None:
        doc = self.doc
        _, role = self.title_prefix(span.start, sent_start)
        if role is not None:
            stop = span.end
            if stop + 1 < len(doc) and doc[stop].lower_ in ("of", "at") and (stop + 1) in self.mentions.name_at_start:
                role += " " + doc[stop:self.mentions.name_at_start[stop + 1].end].text
            return role
        if span.end < len(doc) and doc[span.end].text == ",":
            end = self._apposition_end(span.end)
            if end is not None:
                _, cand = self.appositive(span.end, end)
                if cand and any(t.lower_.rstrip(".") in self.rules.titles for t in doc[span.end + 1:end]):
                    return cand
        heads = self._relative_role(span)
        if heads is not None:
            return heads
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

    def _relative_role(self, span: Span) -> str | None:
        """ "X, who heads the Nordic Council, ...": a relative clause of leading gives the role."""
        doc = self.doc
        k = span.end
        if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "who" \
                or doc[k + 2].lower_ not in LEADING_VERBS:
            return None
        end = k + 3
        while end < len(doc) and doc[end].text not in (",", ".", ";") and not doc[end].is_space and end - k < 15:
            end += 1
        return doc[k + 2:end].text if end > k + 3 else None

    def from_apposition(self, name: str, heads: tuple[int, ...], edges: tuple[tuple[int, int], ...]) -> str | None:
        """A person's role from the parse's apposition, with or without a title word ("Peter Brown,
        a spokesman for the union", "Janet Ross, assistant professor of history at Yale"); kept
        for the person's other quotes."""
        doc = self.doc
        for h, (a, b) in zip(heads, edges):
            phrase = doc[a:b]
            while len(phrase) and (phrase[-1].is_punct or phrase[-1].is_space):
                phrase = phrase[:-1]
            head = doc[h]
            titled = head.lower_.rstrip(".") in self.rules.titles  # "Dean of UC Berkeley School of Law"
            if not len(phrase) or not titled and (head.tag_ not in ("NN", "NNS") or head.ent_type_) or \
                    any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.text in MARK_TOKENS for t in phrase):
                continue
            self.by_name.setdefault(name, phrase.text)
            return phrase.text
        return None

    def _apposition_end(self, comma: int) -> int | None:
        """The comma that closes an apposition opened at `comma` (it may hold commas of its own)."""
        doc = self.doc
        k = comma + 1
        last = None
        while k < len(doc) and k - comma < 40:
            t = doc[k]
            if t.text in (".", ";", ":") or t.is_space or t.text in MARK_TOKENS:
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


def share_roles(found: list[Found], roles: Roles) -> None:
    """A speaker's role, once the document gives it, holds for all of the speaker's quotes."""
    known: dict[str, str] = {}
    for f in sorted(found, key=lambda f: f.start):
        if f.values["role"]:
            known.setdefault(f.values["speaker"], f.values["role"])
    for f in found:
        name = f.values["speaker"]
        if not f.values["role"] and name in roles.known_people:
            f.values["role"] = known.get(name) or roles.by_name.get(name)
