"""Speakers written with an apposition or a title phrase around the name, before a cue:
"NAME, ROLE, said", "ROLE, NAME, said" ("Ryanair CEO, Michael O'Leary, justified"), "Professor X of
Chapman University said", "the premier of the German state of North Rhine-Westphalia remarked".
Functions over a `speakers.Speakers` (the token rules' view of the document)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .coreference import Speaker
from .quotations import MARK_TOKENS

if TYPE_CHECKING:
    from .speakers import Speakers


def titled_phrase(x: Speakers, name_start: int, end: int, floor: int) -> Speaker | None:
    """'The premier of the German state of North Rhine-Westphalia': a title phrase ending in a place."""
    doc = x.doc
    k = name_start
    while k > floor and (doc[k - 1].tag_ in ("NN", "NNS", "NNP", "JJ", "DT", "IN") and doc[k - 1].lower_ in
                         ("of", "the", "a", "an", "for") or doc[k - 1].tag_ in ("NN", "NNS", "JJ", "NNP")):
        k -= 1
        if doc[k].tag_ == "DT" and (k == floor or doc[k - 1].tag_ not in ("IN",)):
            break
    words = doc[k:name_start]
    if k < name_start and doc[k].tag_ == "DT" and any(t.lower_ in x.rules.titles for t in words):
        return Speaker(doc[k:end].text, None, k, end, False)
    return None


def person_behind(x: Speakers, org_start: int, org_end: int, floor: int, limit: int) -> Speaker | None:
    """'Professor X of Chapman University said', 'X, manager of Global Times Online pointed'."""
    doc = x.doc
    prep = org_start - 1
    if prep > floor and doc[prep].lower_ in ("of", "at", "from", "for", "with"):
        name = x.name_at_end.get(prep)
        if name is not None and name.label_ == "PERSON":
            sp = x.from_name(name, floor)
            _, prefix = x.roles.title_prefix(name.start, floor)
            sp.role = ((prefix + " ") if prefix else "") + doc[prep:org_end].text
            sp.end = limit
            return sp
    for j in range(org_start - 1, max(floor, org_start - 25) - 1, -1):
        if doc[j].text in (".", ";") or doc[j].is_space:
            break
        if doc[j].text == "," and j in x.name_at_end and x.name_at_end[j].label_ == "PERSON":
            _, role = x.roles.appositive(j, limit)
            if role:
                sp = x.from_name(x.name_at_end[j], floor)
                sp.role = role
                sp.end = limit
                return sp
    return None


def speaker_with_apposition(x: Speakers, comma: int, cue_start: int, floor: int) -> Speaker | None:
    """'NAME, ROLE, cue' or 'ROLE, NAME, cue'."""
    doc = x.doc
    name = x.name_at_end.get(comma)
    if name is not None and name.start > floor and name.label_ == "PERSON":
        reverse = reverse_apposition(x, name, cue_start, floor)
        if reverse.role is not None and reverse.start < name.start:
            return reverse
    fallback = None
    for j in range(comma - 1, max(floor, comma - 45) - 1, -1):
        if doc[j].text in (".", ";") or doc[j].is_space or doc[j].text in MARK_TOKENS:
            break
        if doc[j].text != "," or j not in x.name_at_end:
            continue
        cand = x.name_at_end[j]
        _, role = x.roles.appositive(j, comma)
        if role is None:
            continue
        sp = x.from_name(cand, floor)
        sp.end = cue_start
        if sp.is_person:
            sp.role = role
            return sp
        fallback = fallback or sp
    if name is not None and name.start > floor and (fallback is None or name.label_ == "PERSON"):
        return reverse_apposition(x, name, cue_start, floor)
    return fallback


def reverse_apposition(x: Speakers, name: Span, cue_start: int, floor: int) -> Speaker:
    """'Ryanair CEO, Michael O'Leary, justified': a role, then the name between commas."""
    doc = x.doc
    sp = x.from_name(name, floor)
    if sp.is_person and name.start - 1 > floor and doc[name.start - 1].text == ",":
        k = name.start - 1
        j = k
        while j > floor and doc[j - 1].text not in (",", ".", ";", ":") and not doc[j - 1].is_space:
            j -= 1
        role = doc[j:k]
        if len(role) and any(t.lower_.rstrip(".") in x.rules.titles for t in role):
            sp.role = role.text
            sp.start = j
    sp.end = cue_start
    return sp
