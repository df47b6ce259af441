"""The speaker the dependency parse gives: the cue's subject (head token and phrase) turned into
a resolved `Speaker`. A name in the phrase speaks (or a person in its apposition: "Ryanair CEO, Michael
O'Leary"); a description resolves to the person or organisation it names ("the minister", "the
company"); an unnamed subject stands as written, up to its first aside ("a spokeswoman for the
ministry", "the report's authors"); a document's author speaks for it ("an email by Roche")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .coreference import Speaker

if TYPE_CHECKING:
    from .speakers import Speakers

NUMERIC_ENTITIES = ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")


def speaker_of_subject(x: Speakers, head: int, start: int, end: int, conjuncts: tuple[int, int] | None = None,
                     appositions: tuple[int, ...] = (), active: bool = True) -> Speaker | None:
    """The speaker whose phrase the parse gives: head token `head`, phrase tokens [start, end).

    Coordinated speakers ("Cherie and Sean O'Donnell", "the district and the police") are
    one speaker, the coordination as written (`conjuncts`: its tokens)."""
    doc = x.doc
    if conjuncts is not None:
        a, b = conjuncts
        first = speaker_of_subject(x, head, a, b)
        if first is not None:
            return Speaker(doc[a:b].text, None, a, b, False)
    tok = doc[head]
    if tok.tag_ == "PRP":  # "do you think ...?" asks; it reports no one
        return None if tok.lower_ == "you" else x.mentions.pronoun(tok.lower_, head, x.roles)
    for name in x.mentions.names:
        if name.start <= head < name.end:
            return x.from_name(name, start)
    for child in appositions:  # "Ryanair CEO, Michael O'Leary, said": the person
        for name in x.mentions.names:
            if name.start <= child < name.end and name.label_ == "PERSON":
                return x.from_name(name, start)
    for child in appositions:  # "Irish low cost airline, Ryanair, announced": the name
        for name in x.mentions.names:
            if name.start <= child < name.end:
                return x.from_name(name, start)
    for name in x.mentions.names:  # "Executive director Alia Salem" parsed with "director" as head
        if start <= name.start and name.end == head and name.label_ == "PERSON" or \
                name.start == head + 1 and name.end <= end and name.label_ == "PERSON":
            return x.from_name(name, start)
    if tok.lower_ in x.rules.doc_nouns:  # "an email by Roche", "a statement from the ministry": X speaks
        for name in x.mentions.names:
            if head < name.start < end and doc[name.start - 1].lower_ in ("by", "from", "of"):
                return x.from_name(name, name.start)
    # An unnamed speaker as written, the subject phrase up to its first aside: "the report's
    # authors", "one commenter", "a spokeswoman for the ministry", "the company" (none named).
    stop = next((k for k in range(head + 1, end) if doc[k].text in (",", "(", "\u2014")
                 and not (k + 1 < end and doc[k + 1].lower_ in ("such", "including", "like"))
                 or doc[k].lower_ in ("who", "which", "whose")), end)  # "Charities, such as X,": one phrase
    while stop > head + 1 and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    as_written = Speaker(doc[start:stop].text, None, start, stop, False, named=False)
    if can_speak(x, doc[start:head + 1]) or tok.tag_ in ("NNP", "NNPS") \
            or x.mentions.person_named(tok.text):  # a surname the NER and tagger missed: "Trump described"
        found = x.noun_speaker(head + 1, start)
        if found is not None and not (found.name == doc[start:head + 1].text and not found.is_person):
            return found  # a known speaker ("the minister" -> her name), not a phrase as written
        return as_written if found is not None or active else None
    if not active or tok.tag_ not in ("NN", "NNS") or tok.ent_type_ in NUMERIC_ENTITIES:
        return None  # "News of the incident was not reported until ...": not a speaker
    return as_written


def can_speak(x: Speakers, phrase: Span) -> bool:
    """Does an unnamed subject name someone who can speak ('officials', 'the ministry',
    'a teacher', 'the report')?"""
    word = phrase[-1].lower_
    rules = x.rules
    return word in rules.speaker_nouns or word in rules.titles or word in rules.org_nouns \
        or word in rules.doc_nouns or any(t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in phrase)
