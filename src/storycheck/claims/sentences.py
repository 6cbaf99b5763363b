"""Sentence spans over ``Article.body``, corrected for news text.

spaCy's parser decides most boundaries; the sentence-hint component (nlp.py)
already keeps "Mr.", "U.S. President" and initials together. What remains is
repaired here on character spans: sentences never cross a paragraph break, never
start with a lowercase word after an abbreviation, and carry no surrounding
whitespace, so ``body[start:end]`` is exactly the sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storycheck.claims.nlp import DOTTED_ABBREVIATIONS, TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NEWLINE = re.compile(r"\n+")
_CLOSERS = "”\"’')]"


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1] if text.split() else ""
    if last in TITLE_ABBREVIATIONS:
        return True
    # a lone initial: "Michael Y."
    return bool(re.fullmatch(r"[A-Z]\.", last)) and len(text.split()) > 1


def _bogus_break(body: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """True when the parser split a sentence that news style keeps whole."""
    if "\n" in body[prev[1] : nxt[0]]:
        return False
    prev_text = body[prev[0] : prev[1]]
    next_text = body[nxt[0] : nxt[1]]
    if not next_text:
        return True
    first = next_text[0]
    if _ends_with_abbreviation(prev_text):
        return True
    if prev_text.endswith(("?", "!", "?”", "!”", '?"', '!"')):
        return False
    # "... said the U.S. on Tuesday" or "(...) which" : a lowercase continuation
    if first.islower() or first in ",;:)":
        return True
    last_word = prev_text.rsplit(None, 1)[-1] if prev_text.split() else ""
    if last_word.rstrip(_CLOSERS) in DOTTED_ABBREVIATIONS and first.isdigit():
        return True
    # a fragment the parser cut off without final punctuation, inside one line
    return not re.search(r"[.!?…:][”\"’')\]]*$", prev_text) and len(prev_text.split()) < 4


def sentence_spans(doc: Doc, body: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``body`` (which ``doc`` was parsed from), in order."""
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        cursor = s
        for m in _NEWLINE.finditer(body, s, e):
            pieces.append(_strip(body, cursor, m.start()))
            cursor = m.end()
        pieces.append(_strip(body, cursor, e))
    pieces = [p for p in pieces if p[1] > p[0]]
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and _bogus_break(body, merged[-1], piece):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged
