"""Direct and partial quotes, and who said them.

Finding the quote marks is done on characters (spaCy does not pair them, and an
apostrophe in "Colombia’s" must never open a quote). Naming the speaker uses, in
order: a label construction ("called Trump an “accomplice to genocide”"), the
dependency parse (the nearest speech verb above the quoted words and its
subject), attribution phrases next to the marks ("…,” said Elizabeth Dickinson),
and finally continuation (a second quote right after one with a known speaker).
When none applies the speaker stays None: a wrong name is worse than no name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storycheck.claims.entities import ArticleEntities
from storycheck.claims.lexicon import SPEECH_NEEDS_CLAUSE, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LABEL_RE = re.compile(
    r"\b(?P<verb>call(?:ed|s|ing)?|label(?:l?ed|l?ing|s)?|brand(?:ed|s|ing)?|dub(?:bed|s|bing)?|term(?:ed|s|ing)?|"
    r"nam(?:ed|es|ing)|deem(?:ed|s|ing)?|describ(?:ed|es|ing)|denounc(?:ed|es|ing)|decr(?:ied|ies|ying))\s+"
    r"(?P<target>[^,;:“”\"‘’]{1,60}?)\s+(?:as\s+)?(?:an?|the)?\s*$"
)
_POST_VERB = (
    r"(?:said|says|noted|notes|added|adds|told\s+\w+|stated|explained|wrote|writes|warned|argued|insisted|"
    r"recalled|continued|concluded|asked|replied|responded|stressed|observed|remarked|tweeted|posted|admitted|"
    r"predicted|conceded|acknowledged|insists|warns|explains)"
)
_POST_VERB_ANYWHERE = re.compile(rf"\b{_POST_VERB}\b")
_POST_VERB_FIRST = re.compile(rf"^\s*[,.!?]?\s*{_POST_VERB}\s+(?P<who>\S)")
_POST_WHO_FIRST = re.compile(rf"^\s*[,.!?]?\s*(?P<who>[^,.;:“”\"]{{1,60}}?)\s+{_POST_VERB}\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;:“”\"]{1,80})")
_PRE_VERB = re.compile(
    rf"(?P<who>[^,.;:“”\"]{{1,60}}?)\s+{_POST_VERB}(?:\s+(?:reporters|journalists|the \w+))?(?:\s+that)?\s*[:,]?\s*$"
)
# the subject of a speech verb is a speaker even when the NER called the name a product or a place
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"})
_DOCUMENT_NOUNS = frozenset(
    "statement statements report letter website account release communique communiqué post posts filing".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})
_QUOTE_CLOSE = "”\""


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote before ids are given: character spans and the resolved speaker."""

    start: int  # the words, without marks
    end: int
    mark_start: int  # including the marks
    mark_end: int
    speaker: str | None
    target: str | None
    kind: str


def find_quote_spans(body: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of double- and single-quoted passages, in order."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(body):
        spans.extend(_double_quotes(body, para_start, para_end))
    inside = [range(s, e) for s, e in spans]
    for para_start, para_end in _paragraphs(body):
        for s, e in _single_quotes(body, para_start, para_end):
            if not any(s in r for r in inside):
                spans.append((s, e))
    spans.sort()
    return spans


def _paragraphs(body: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", body):
        out.append((m.start(), m.end()))
    return out


def _double_quotes(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = body[i]
        if ch == "“" or (ch == '"' and open_at is None and _may_open(body, i)):
            if open_at is None or ch == "“" and body[open_at] == "“":
                open_at = i
        elif (ch == "”" or ch == '"') and open_at is not None:
            if i > open_at + 1:
                spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None and end - open_at > 3:
        # a quote running on into the next paragraph: news style reopens it there and closes it later
        spans.append((open_at, end))
    return spans


def _may_open(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return (before.isspace() or before in "([—–-/:") and not after.isspace()


def _single_quotes(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = body[i]
        if ch in "‘'" and _may_open(body, i) and i + 1 < end and body[i + 1].isalnum():
            j = i + 2
            close = None
            while j < end and j - i <= 160:
                c = body[j]
                nxt = body[j + 1] if j + 1 < end else " "
                if c in "’'" and not body[j - 1].isspace() and not nxt.isalnum():
                    close = j
                    break
                if c in "‘“":
                    break
                j += 1
            if close is not None:
                spans.append((i, close + 1))
                i = close + 1
                continue
        i += 1
    return spans


def _inner(body: str, s: int, e: int) -> tuple[int, int]:
    """The quoted words: marks, surrounding space and a trailing comma removed."""
    s += 1
    if body[e - 1] in "”\"’'":
        e -= 1
    while s < e and body[s].isspace():
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
        e -= 1
    return s, e


class TokenIndex:
    """Character offset -> token, for a doc over the same body."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # to_array avoids building a Token object per token (most of the cost on long articles)
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []

    def at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        tok = self.doc[i]
        return tok if offset < tok.idx + len(tok.text) else None

    def head_of(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens in a span ("Sánchez-Garzoli" is three tokens)."""
        toks = self.in_range(start, end)
        for tok in toks:
            if not (start <= tok.head.idx < end) or tok.head.i == tok.i:
                return tok
        return toks[-1] if toks else None

    def in_range(self, start: int, end: int) -> list[Token]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[i:j] if not t.is_space and not t.is_punct]


def _is_speech_verb(tok: Token) -> bool:
    if not tok.tag_.startswith("VB"):
        return False
    word = tok.text.lower()
    if word not in SPEECH_VERBS:
        return False
    if word.startswith("call"):
        # "called Trump an ..." / "what he called X" speak; "called to explain" / "called for" do not
        return any(c.dep_ in {"dobj", "oprd", "ccomp", "attr"} for c in tok.children)
    if word in SPEECH_NEEDS_CLAUSE:
        return any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or tok.dep_ == "parataxis"
    return True


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it hangs on when it has none ("…, noting that")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        if any(c.dep_ == "auxpass" for c in tok.children):
            # "was described as “heartbreaking” by the department": the agent spoke, not the subject
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return pobj
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if tok.dep_ in {"conj", "advcl", "xcomp", "acl"} and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


@dataclass(slots=True)
class QuoteContext:
    body: str
    doc: Doc
    tokens: TokenIndex
    ents: ArticleEntities
    sentences: Sequence[tuple[int, int]]
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (offset, person) of quotes found so far


def name_for_token(ctx: QuoteContext, tok: Token) -> str | None:
    """The canonical name a subject token stands for; pronouns go to the nearest earlier person."""
    ent = ctx.ents.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None and ent.label in _SPEAKER_LABELS:
        return ent.canonical
    if tok.text in _PRONOUNS or tok.text.lower() in {"he", "she"}:
        return _resolve_pronoun(ctx, tok.idx, tok.text.lower())
    if tok.text.lower() in _DOCUMENT_NOUNS:
        # "the union's statement called it ...": the document speaks for its author
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            return name_for_token(ctx, owner)
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        # "Greyhaven's chief executive, Simon Pellow, said": the name beside the role speaks
        ent = ctx.ents.at(appos.idx, appos.idx + len(appos.text))
        if ent is not None and ent.label in _SPEAKER_LABELS:
            return ent.canonical
        if appos.tag_ in {"NNP", "NNPS"}:
            first = next(iter(appos.subtree))
            return ctx.body[first.idx : appos.idx + len(appos.text)]
    if tok.tag_ in {"NNS", "NN", "NNP", "NNPS"}:
        # "analysts", "a spokesperson for the ministry": a description is still the right speaker
        words = [t for t in tok.subtree if not t.is_punct]
        while len(words) > 1 and words[-1].dep_ == "case":
            words.pop()  # "the union's" -> "the union"
        text = ctx.body[words[0].idx : words[-1].idx + len(words[-1].text)] if words else tok.text
        if len(text.split()) <= 6:
            for ent in ctx.ents.within(words[0].idx, words[-1].idx + len(words[-1].text)):
                if ent.label == "PERSON":
                    return ent.canonical
            return re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", text)
        # a long subject ("Doctors at the clinic, led by ...") is named by its head and modifiers
        left = [t for t in tok.lefts if t.dep_ in {"amod", "compound", "nmod"}]
        first = left[0] if left else tok
        return ctx.body[first.idx : tok.idx + len(tok.text)]
    return None


def _resolve_pronoun(ctx: QuoteContext, offset: int, pronoun: str) -> str | None:
    """Who "he"/"she" at ``offset`` refers to, looking back sentence by sentence.

    In the pronoun's own sentence only a subject counts ("Trump labelled Petro ...
    for what he described": Trump). In earlier sentences the subject of the main
    clause wins, then any other subject, then, when the sentence names just one
    person, that person ("For Mayor Elena Sarkis, the lesson is simpler. She told ...").
    """
    if pronoun not in {"he", "she"}:
        return None
    want = {"he": "m", "she": "f"}[pronoun]
    starts = [s for s, _ in ctx.sentences]
    idx = max(0, bisect.bisect_right(starts, offset) - 1)
    for back in range(4):
        i = idx - back
        if i < 0 or not ctx.sentences:
            break
        s_start, s_end = ctx.sentences[i]
        limit = offset if back == 0 else s_end
        window = [
            e for e in ctx.ents.entities
            if e.label == "PERSON" and s_start <= e.start and e.end <= limit
            and ctx.ents.persons.get(e.canonical, "") in {"", want}
        ]
        if not window:
            continue
        root_subjects, subjects = [], []
        for ent in window:
            tok = ctx.tokens.head_of(ent.start, ent.end)
            if tok is not None and tok.dep_ in {"nsubj", "nsubjpass"}:
                subjects.append(ent.canonical)
                if tok.head.dep_ == "ROOT":
                    root_subjects.append(ent.canonical)
        if root_subjects:
            return root_subjects[-1]
        if subjects:
            return subjects[-1]
        if back > 0 and len({e.canonical for e in window}) == 1:
            return window[0].canonical
        if back > 0:
            return window[-1].canonical
    # far from any named person: "he said" most likely continues the last quoted person
    for at, name in reversed(ctx.speakers):
        if at < offset and offset - at < 2000 and ctx.ents.persons.get(name, "") in {"", want}:
            return name
    return None


def _sentence_at(ctx: QuoteContext, offset: int) -> tuple[int, int]:
    starts = [s for s, _ in ctx.sentences]
    i = max(0, bisect.bisect_right(starts, offset) - 1)
    return ctx.sentences[i] if ctx.sentences else (0, len(ctx.body))


def _who_at(ctx: QuoteContext, start: int, phrase: str) -> str | None:
    """Name for an attribution phrase beginning at ``start`` ("Elizabeth Dickinson, a ...", "he")."""
    first = phrase.split()[0] if phrase.split() else ""
    if first in _PRONOUNS:
        return _resolve_pronoun(ctx, start, first.lower())
    ent = ctx.ents.at(start, start + len(phrase))
    if ent is not None and ent.label in _SPEAKER_LABELS and ent.start < start + len(phrase):
        return ent.canonical
    return None


def _speaker_by_label(ctx: QuoteContext, mark_start: int, sent: tuple[int, int]) -> tuple[str | None, str | None] | None:
    pre = ctx.body[sent[0] : mark_start]
    m = _LABEL_RE.search(pre)
    if m is None:
        return None
    verb = ctx.tokens.at(sent[0] + m.start("verb"))
    if verb is None:
        return None
    target_start = sent[0] + m.start("target")
    target_ent = ctx.ents.at(target_start, sent[0] + m.end("target"))
    if target_ent is None or target_ent.label not in {"PERSON", "ORG", "GPE", "NORP"}:
        return None  # "called to explain", "denounced the operation as": not a label pinned on someone
    if not any(c.dep_ in {"dobj", "nsubjpass"} and target_start <= c.idx < sent[0] + m.end("target") for c in verb.children):
        return None
    target = target_ent.canonical
    subj = _subject_of(verb)
    speaker = name_for_token(ctx, subj) if subj is not None else None
    return speaker, target


def _speaker_by_parse(ctx: QuoteContext, start: int, end: int) -> tuple[bool, str | None]:
    """(found a speech verb, its subject's name) walking up from the quoted words."""
    inside = ctx.tokens.in_range(start, end)
    if not inside:
        return False, None
    for probe in (inside[0], inside[-1]):
        tok: Token = probe
        for _ in range(12):
            if tok.idx < start or tok.idx >= end:
                if _is_speech_verb(tok):
                    subj = _subject_of(tok)
                    if subj is None and any(c.dep_ == "auxpass" for c in tok.children):
                        return True, None  # "was described as “unprecedented”": said, but by nobody named
                    if subj is not None and not (start <= subj.idx < end):
                        return True, name_for_token(ctx, subj)
                    # a speaker after the verb: “…,” said Elizabeth Dickinson
                    for child in tok.rights:
                        if child.dep_ in {"nsubj", "dobj", "attr"} and not (start <= child.idx < end):
                            name = name_for_token(ctx, child)
                            if name:
                                return True, name
            if tok.head.i == tok.i or tok.dep_ in {"relcl"} and not (start <= tok.idx < end):
                break
            tok = tok.head
    return False, None


def _speaker_by_phrases(ctx: QuoteContext, mark_start: int, mark_end: int) -> str | None:
    sent_after = _sentence_at(ctx, max(mark_start, mark_end - 1))
    post = ctx.body[mark_end : sent_after[1]]
    m = _POST_VERB_FIRST.match(post)
    if m:
        return _who_at(ctx, mark_end + m.start("who"), post[m.start("who") :])
    m = _POST_WHO_FIRST.match(post)
    if m:
        return _who_at(ctx, mark_end + m.start("who"), m.group("who"))
    sent_before = _sentence_at(ctx, mark_start)
    pre = ctx.body[sent_before[0] : mark_start]
    if pre.rstrip().endswith(":"):
        # "Agronomist Carlos Mendez disagrees: “...”": the subject of the introducing clause
        clause = ctx.tokens.in_range(sent_before[0], mark_start)
        verbs = [t for t in clause if t.tag_.startswith("VB") and (t.dep_ == "ROOT" or not (sent_before[0] <= t.head.idx < mark_start))]
        subj = _subject_of(verbs[0]) if verbs else None
        if subj is not None:
            return name_for_token(ctx, subj)
    m = _PRE_VERB.search(pre)
    if m:
        who = m.group("who").strip()
        offset = sent_before[0] + m.start("who") + (len(m.group("who")) - len(m.group("who").lstrip()))
        return _who_at(ctx, offset, who)
    m = _ACCORDING.search(pre) or _ACCORDING.search(post)
    if m:
        base = sent_before[0] if m.string is pre else mark_end
        return _who_at(ctx, base + m.start("who"), m.group("who"))
    return None


def _is_scare_quote(ctx: QuoteContext, mark_start: int, mark_end: int) -> bool:
    """Quote marks around a word about a thing, not words someone said.

    "so-called “ghost workers”", "over “dignity” concerns", "the “smart city” plan":
    the quoted words modify a noun that follows, or are flagged as a coinage.
    """
    if re.search(r"(?:so-called|so called|the word|the term|dubbed)\s*$", ctx.body[max(0, mark_start - 12) : mark_start]):
        return True
    inside = ctx.tokens.in_range(mark_start, mark_end)
    nxt = ctx.tokens.at(mark_end + 1) if mark_end + 1 < len(ctx.body) else None
    if not inside or nxt is None or not nxt.tag_.startswith("NN"):
        return False
    return inside[-1].head.i == nxt.i or inside[-1].dep_ in {"compound", "amod", "nmod"}


def find_quotes(doc: Doc, body: str, ents: ArticleEntities, sentences: Sequence[tuple[int, int]]) -> list[FoundQuote]:
    """Every quote in ``body`` with its speaker, target and kind."""
    ctx = QuoteContext(body=body, doc=doc, tokens=TokenIndex(doc), ents=ents, sentences=sentences)
    found: list[FoundQuote] = []
    found = _find_all(ctx, found)
    return _carry_into_open_paragraphs(body, found)


def _carry_into_open_paragraphs(body: str, found: list[FoundQuote]) -> list[FoundQuote]:
    """A quote left open at a paragraph's end continues in the next one, where its speaker is named."""
    from dataclasses import replace

    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if q.speaker is not None or body[q.mark_end - 1] in _QUOTE_CLOSE + "’'":
            continue
        if body[q.mark_end : nxt.mark_start].strip() == "" and "\n" in body[q.mark_end : nxt.mark_start]:
            found[i] = replace(q, speaker=nxt.speaker)
    return found


def _find_all(ctx: QuoteContext, found: list[FoundQuote]) -> list[FoundQuote]:
    body = ctx.body
    for mark_start, mark_end in find_quote_spans(body):
        start, end = _inner(body, mark_start, mark_end)
        if end <= start:
            continue
        words = body[start:end].split()
        sent = _sentence_at(ctx, mark_start)
        at_sentence_start = not body[sent[0] : mark_start].strip() or body[sent[0] : mark_start].rstrip().endswith((":", ","))
        kind = "direct" if at_sentence_start else "partial"
        speaker: str | None = None
        target: str | None = None
        labelled = _speaker_by_label(ctx, mark_start, sent) if not at_sentence_start else None
        if labelled is not None:
            speaker, target = labelled
            kind = "label"
        else:
            scare = len(words) <= 2 and not at_sentence_start and _is_scare_quote(ctx, mark_start, mark_end)
            spoke, speaker = (False, None) if scare else _speaker_by_parse(ctx, start, end)
            scare = scare or (len(words) <= 2 and not at_sentence_start)
            if not spoke and not scare:
                speaker = _speaker_by_phrases(ctx, mark_start, mark_end)
            if speaker is None and not spoke and not scare and found:
                speaker = _continued_speaker(body, found[-1], mark_start)
        if kind != "direct":
            # a partial quote closing the sentence carries the sentence's full stop: "a “drug lord.”"
            while end > start and body[end - 1] in ".,;":
                end -= 1
        found.append(FoundQuote(start, end, mark_start, mark_end, speaker, target, kind))
        if speaker is not None and speaker in ctx.ents.persons:
            ctx.speakers.append((mark_start, speaker))
    return found


def _continued_speaker(body: str, previous: FoundQuote, mark_start: int) -> str | None:
    """A quote that follows another with nothing but its attribution between keeps that speaker."""
    if previous.speaker is None or previous.kind == "label":
        return None
    between = body[previous.mark_end : mark_start]
    if "\n" in between.strip() or len(between) > 300:
        return None
    # nothing between, or only the attribution of the previous quote ("…,” Azzouz said. “And …")
    if len(between.strip(" ,.")) == 0 or (len(between) <= 300 and _POST_VERB_ANYWHERE.search(between)):
        return previous.speaker
    return None
