"""A dependency parse on demand: only the sentences an extractor asks for are parsed.

The trained pipeline's `parser` is kept disabled in factx's own pipeline; parsing every
sentence would cost more than all the rest of the work. An extractor asks the
`SentenceParses` of its document for the sentences it needs (those with a count, a
reporting verb or a quotation mark); they are copied out as `Doc`s of their own (with the
tags, entities and the `tok2vec` tensor the parser listens to) and parsed in one batch with
`parser.pipe`. Where the Doc is parsed already (factx in a full pipeline), its own parse is used.

A `Parsed` sentence gives its tokens and the way back to the document: `start(tok)` is the
token's character offset in `doc.text`, `index(tok)` its index in the document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token


@dataclass
class Parsed:
    tokens: Span | Doc  # the sentence, each token with .dep_ and .head
    char_base: int  # add to a token's .idx for its offset in doc.text
    token_base: int  # add to a token's .i for its index in the document

    def start(self, tok: Token) -> int:
        return self.char_base + tok.idx

    def end(self, tok: Token) -> int:
        return self.char_base + tok.idx + len(tok)

    def index(self, tok: Token) -> int:
        return self.token_base + tok.i

    def token_at(self, doc_index: int) -> Token:
        if isinstance(self.tokens, Doc):
            return self.tokens[doc_index - self.token_base]
        return self.tokens.doc[doc_index]


class SentenceParses:
    """The parses of one document's sentences, made when first asked for and kept."""

    def __init__(self, doc: Doc, sentences: list[tuple[int, int]], parser=None):
        self.doc = doc
        self.sentences = sentences  # token bounds
        self.parser = parser
        self.own_parse = doc.has_annotation("DEP")
        self._done: dict[int, Parsed] = {}

    @property
    def available(self) -> bool:
        return self.own_parse or self.parser is not None

    def get(self, indices: Iterable[int]) -> dict[int, Parsed]:
        """Parsed sentences by index (an empty dict where no parse can be had)."""
        indices = list(dict.fromkeys(indices))
        wanted = [i for i in indices if i not in self._done]
        if wanted and self.own_parse:
            for i in wanted:
                a, b = self.sentences[i]
                self._done[i] = Parsed(self.doc[a:b], 0, 0)
        elif wanted and self.parser is not None:
            spans = [self.doc[slice(*self.sentences[i])] for i in wanted]
            # The document as one array, made once: Span.as_doc would otherwise convert the whole
            # document for every sentence it copies.
            array_head = self.doc._get_array_attrs()
            array = self.doc.to_array(array_head)
            copies = [span.as_doc(array_head=array_head, array=array) for span in spans]
            for i, span, parsed in zip(wanted, spans, self.parser.pipe(copies, batch_size=64)):
                self._done[i] = Parsed(parsed, span.start_char, span.start)
        return {i: self._done[i] for i in indices if i in self._done}
