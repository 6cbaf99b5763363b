"""From a parsed article to claims: units, modality, tense, polarity, attribution, check-worthiness.

A claim is a sentence, or one clause of a long compound sentence ("X did A,
while Y did B" holds two checkable facts). Its labels come from the dependency
parse of the unit's main verb rather than from keywords anywhere in the text, so
"refused" in a subordinate clause does not make the whole sentence negative and
"will" inside a quote does not make the reporter's sentence a prediction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storycheck.claims.entities import ArticleEntities, canonical_alias
from storycheck.claims.lexicon import ACCUSATION_VERBS, ATTRIBUTION_VERBS, EVALUATIVE, EVENT_VERBS, EVIDENCE_VERBS, REFUSAL_VERBS
from storycheck.claims.quotes import FoundQuote, QuoteContext, TokenIndex, name_for_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EXPECT_PHRASES = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:set|expected|scheduled|due|poised|slated|likely|going|planning|preparing)\s+to|"
    r"plans?\s+to|planned\s+to|intends?\s+to|aims?\s+to|will|shall|'ll|’ll)\b",
    re.IGNORECASE,
)
_HEDGE_MODALS = frozenset({"could", "may", "might", "would"})
_OPINION_MODALS = frozenset({"should", "must", "ought"})
_FIRST_PERSON_OPINION = re.compile(r"\b(?:I|we|We)\s+(?:think|believe|feel|hope|fear|doubt)\b")
_VAGUE = frozenset(
    """some many several various numerous certain broader broad complex deep sharp growing increasingly
    reportedly perhaps possibly potentially arguably""".split()
)
_EVENT_NOUNS = frozenset("meeting summit talks visit vote election trial hearing conference launch match encounter".split())
_NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT", "LAW", "LOC"})
# page furniture the cleaner may leave inside paragraphs: "[Read: ...]", reporting credits
_NOT_A_CLAIM = re.compile(
    r"^\[.*\]$|\bcontributed (?:reporting |research )?to this (?:report|article|story)\.?$|^(?:Read more|See also|Related)\b:?"
)
# a sentence this long with two subject-verb clauses ("A did X, while B did Y") holds two claims
_SPLIT_MIN_WORDS = 18
_CLAUSE_MIN_WORDS = 6
_SOURCE_HEADS = re.compile(r"\s+(?:data|figures|research|statistics|report|reports|estimates|study|survey|analysis|numbers)$")


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim's labels before times and quantities are attached."""

    start: int
    end: int
    modality: str
    tense: str | None
    polarity: str
    attribution: str | None
    checkworthiness: float
    reasons: tuple[str, ...]


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _is_source_subject(subj: Token | None, ents: ArticleEntities | None) -> bool:
    """"UN data", "United Nations research", "the ministry's figures": an evidence source."""
    if subj is None:
        return False
    sub = [x for x in subj.subtree if not x.is_punct]
    text = " ".join(x.text for x in sub)
    if _SOURCE_HEADS.search(text):
        return True
    return ents is not None and any(e.label in {"ORG", "GPE", "PERSON"} for e in ents.within(sub[0].idx, sub[-1].idx + len(sub[-1].text)))


def _reporting_verb(verb: Token | None, ents: ArticleEntities | None = None) -> bool:
    """True for "X said (that) ...", "analysts say ...", "UN data shows ...", not "is expected to"."""
    if verb is None or not verb.tag_.startswith("VB"):
        return False
    word = verb.text.lower()
    if word not in ATTRIBUTION_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    speech_tell = word in {"tell", "tells", "told"} and _has_clause(verb)
    if word in EVIDENCE_VERBS and not speech_tell:
        # "images showed ..." reports nothing; "UN data shows ..." / "the ministry found that ..." does
        subj = _subject(verb)
        if subj is None or not _is_source_subject(subj, ents):
            return False
        return _has_clause(verb) or _SOURCE_HEADS.search(" ".join(x.text for x in subj.subtree)) is not None
    return _has_clause(verb)


def _unit_tokens(doc: Doc, tokens_start: list[int], start: int, end: int) -> list[Token]:
    import bisect

    i = bisect.bisect_left(tokens_start, start)
    j = bisect.bisect_left(tokens_start, end)
    return [t for t in doc[i:j] if not t.is_space]


def _main_verb(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    """The unit's root: a verb whose head lies outside the unit (or is itself)."""
    roots = [t for t in tokens if t.head.i == t.i or not (start <= t.head.idx < end)]
    for t in roots:
        if t.tag_.startswith("VB") or t.tag_ == "MD":
            return t
    # a parse rooted on a noun ("Beatrix Calloway, the mayor, offered ..."): the first finite verb
    for t in tokens:
        if t.tag_ in {"VBD", "VBZ", "VBP"} and t.dep_ not in {"aux", "auxpass", "amod", "compound"}:
            return t
    for t in roots:
        for c in t.children:
            if c.tag_.startswith("VB") and start <= c.idx < end:
                return c
    return roots[0] if roots else None


def _content_verb(verb: Token | None, start: int, end: int) -> Token | None:
    """For "X said (that) Y did Z" the verb of what was said; else the verb itself."""
    if verb is None:
        return None
    if _reporting_verb(verb):
        for c in verb.children:
            if c.dep_ in {"ccomp", "xcomp"} and start <= c.idx < end and c.tag_.startswith(("VB", "MD")):
                return c
    return verb


def _has_verb(tokens: Sequence[Token]) -> bool:
    """A finite verb: list items and captions ("- Balancing sovereignty and partnership") state nothing."""
    for t in tokens:
        if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            return True
        if t.tag_.startswith("VB") and any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in t.children):
            return True
    return False


def _auxiliaries(verb: Token) -> list[Token]:
    """Auxiliaries of ``verb``, including those the parser hangs on another auxiliary ("may" -> "be")."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass"}:
            out.append(c)
            out.extend(g for g in c.children if g.dep_ in {"aux", "auxpass"})
    return out


def _tense_of(verb: Token | None, text: str) -> str | None:
    """When the event ``verb`` reports happens: the present perfect counts as past ("has met"), modals of
    possibility and "set to"/"expected to" as future; time resolution reads weekdays by it."""
    if verb is None:
        return None
    aux = _auxiliaries(verb)
    words = {a.text.lower() for a in aux}
    if words & {"will", "shall", "'ll", "’ll"}:
        return "future"
    if words & _HEDGE_MODALS and not words & {"have"}:
        return "future"  # "may be limited", "could reshape": about what is still to come
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children):
        head = verb.head
        if head.i != verb.i and re.match(r"(?:set|expected|scheduled|due|poised|slated|likely|going|plan)", head.text.lower()):
            return "future"
    if verb.text.lower() in {"will", "shall"}:
        return "future"
    if words & {"has", "have", "had", "was", "were", "did"} or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in {"VBZ", "VBP"} or words & {"is", "are", "am", "does", "do"}:
        if _EXPECT_PHRASES.search(text) and re.search(r"\b(?:set|expected|scheduled|due|poised|slated|likely)\s+to\b", text):
            return "future"
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    return None


def _attribution(
    tokens: Sequence[Token], verb: Token | None, ctx: QuoteContext, quotes: Sequence[FoundQuote], start: int, end: int
) -> str | None:
    """Who the unit's claim comes from: "according to X", "X said that ...", "UN data shows", a quote's speaker."""
    body, ents = ctx.body, ctx.ents
    for i, t in enumerate(tokens):
        if t.text.lower() == "according" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "to":
            pobj = [c for c in tokens[i + 1].children if c.dep_ == "pobj"]
            if pobj:
                sub = list(pobj[0].subtree)
                s, e = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                return _source_name(body[s:e], ents, s, e)
    if verb is not None and _reporting_verb(verb, ents):
        subj = _subject(verb)
        if subj is not None and start <= subj.idx < end:
            sub = [x for x in subj.subtree if not x.is_punct]
            s, e = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if _SOURCE_HEADS.search(body[s:e]):
                return _source_name(body[s:e], ents, s, e)
            name = name_for_token(ctx, subj)
            if name:
                return name
    for q in quotes:
        # a claim inside a quote that runs over several sentences is still the speaker's
        if q.start < end and start < q.end and q.speaker and q.kind != "label":
            inside = min(end, q.end) - max(start, q.start)
            if q.kind == "direct" or inside >= (end - start) // 2 or start <= q.start < end:
                return q.speaker
    return None


def _source_name(text: str, ents: ArticleEntities, s: int, e: int) -> str:
    """"UN data" -> "United Nations"; "the U.N. Office on Drugs and Crime" -> its canonical name."""
    inside = [x for x in ents.within(s, e) if x.label in {"ORG", "PERSON", "GPE", "NORP"}]
    if inside:
        best = max(inside, key=lambda x: x.end - x.start)
        return best.canonical
    text = _SOURCE_HEADS.sub("", text)
    return canonical_alias(re.sub(r"^(?:[Tt]he) ", "", text))


def _modality(
    unit_text: str, tokens: Sequence[Token], verb: Token | None, in_quote: set[int], has_attr: bool, status: str
) -> str:
    outside = [t for t in tokens if t.i not in in_quote]
    plain = " ".join(t.text for t in outside)
    if unit_text.rstrip("”\"’' ").endswith("?") and not in_quote.issuperset(t.i for t in tokens[-3:]):
        return "question"
    if any(t.text.lower() in _OPINION_MODALS and t.tag_ == "MD" for t in outside) or _FIRST_PERSON_OPINION.search(plain):
        return "opinion"
    if re.search(r"\bneeds? to\b", plain) and verb is not None and verb.text.lower().startswith("need"):
        return "opinion"
    if has_attr:
        return "reported"  # "Tourism is critical to the economy, according to the council": the council's claim
    if verb is not None and verb.i not in in_quote:
        if verb.text.lower() in {"is", "are", "remains", "remain", "seems", "was", "were", "appears", "looks"}:
            pred = [c for c in verb.children if c.dep_ in {"acomp", "attr"}]
            if any(p.text.lower() in EVALUATIVE and p.tag_.startswith("JJ") for p in pred):
                return "opinion"
    if status == "opinion":
        return "opinion"
    if verb is not None:
        aux = {c.text.lower() for c in _auxiliaries(verb)}
        if aux & {"will", "shall", "'ll", "’ll"} or _EXPECT_PHRASES.search(plain) and re.search(
            r"\b(?:set|expected|scheduled|due|poised|slated|likely|plans?|intends?)\s+to\b|\bwill\b", plain
        ):
            return "expected"
        if aux & _HEDGE_MODALS - {"would"}:
            return "expected"
    return "asserted"


def _polarity(verb: Token | None) -> str:
    if verb is None:
        return "positive"
    if any(c.dep_ == "neg" for c in verb.children):
        return "negative"
    if verb.text.lower() in REFUSAL_VERBS and verb.tag_.startswith("VB"):
        return "negative"
    return "positive"


def _checkworthiness(
    tokens: Sequence[Token], ents: ArticleEntities, start: int, end: int, modality: str, attribution: str | None,
    verb: Token | None, has_quote: bool,
) -> tuple[float, tuple[str, ...]]:
    score = 0.2
    reasons: list[str] = []
    inside = ents.within(start, end)
    if any(e.label in _NUMBER_LABELS for e in inside) or any(t.like_num and not t.text.isalpha() for t in tokens):
        score += 0.2
        reasons.append("number")
    if any(e.label in {"DATE", "TIME"} for e in inside):
        score += 0.15
        reasons.append("date")
    names = {e.canonical for e in inside if e.label in _NAME_LABELS}
    if names:
        score += min(0.25, 0.1 * len(names))
        reasons.append(f"named entities: {len(names)}")
    if attribution:
        score += 0.1
        reasons.append("attribution")
    events = [t for t in tokens if t.tag_.startswith("VB") and t.text.lower() in EVENT_VERBS and t.dep_ in {"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp"}]
    if events:
        score += 0.15
        reasons.append(f"event verb: {events[0].text}")
    accusations = [t for t in tokens if t.tag_.startswith("VB") and t.text.lower() in ACCUSATION_VERBS]
    if accusations:
        score += 0.2
        reasons.append(f"accusation: {accusations[0].text}")
    if has_quote:
        score += 0.05
        reasons.append("quote")
    if modality in {"opinion", "question"}:
        score -= 0.35
        reasons.append(modality)
    words = [t for t in tokens if t.is_alpha]
    evaluative = [t.text for t in words if t.text.lower() in EVALUATIVE]
    if len(evaluative) >= 2:
        score -= 0.1
        reasons.append("evaluative: " + ", ".join(evaluative[:3]))
    vague = [t.text for t in words if t.text.lower() in _VAGUE]
    if vague:
        score -= 0.05 * min(2, len(vague))
        reasons.append("vague: " + ", ".join(vague[:3]))
    if not names and "number" not in reasons and "date" not in reasons:
        score -= 0.1
        reasons.append("generic")
    if len(words) < 8:
        score -= 0.1
        reasons.append("short")
    return max(0.0, min(1.0, round(score, 2))), tuple(reasons)


def _clause_splits(tokens: Sequence[Token], quote_spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Split a long compound sentence where a second clause with its own subject begins."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < _SPLIT_MIN_WORDS:
        return [(start, end)]
    cuts: list[tuple[int, int]] = []  # (end of first clause, start of second)
    for t in tokens:
        if t.text == ";" and t.i + 1 < len(t.doc):
            cuts.append((t.idx, t.doc[t.i + 1].idx))
            continue
        if t.text != "," or t.i + 2 >= len(t.doc):
            continue
        conj = t.doc[t.i + 1]
        if conj.text.lower() not in {"while", "whereas", "but", "and", "although", "though"}:
            continue
        clause_verb = conj.head if conj.dep_ in {"mark", "cc"} else None
        if conj.dep_ == "cc":
            clause_verb = next((c for c in conj.head.children if c.dep_ == "conj" and c.i > conj.i), None)
        if clause_verb is None or not clause_verb.tag_.startswith("VB"):
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause_verb.children):
            continue
        nxt = t.doc[t.i + 2].idx if conj.dep_ in {"mark", "cc"} else conj.idx
        cuts.append((t.idx, nxt))
    out: list[tuple[int, int]] = []
    cursor = start
    for cut_end, cut_start in cuts:
        if any(qs < cut_end < qe for qs, qe in quote_spans):
            continue
        left = [t for t in tokens if cursor <= t.idx < cut_end and not t.is_punct]
        right = [t for t in tokens if cut_start <= t.idx < end and not t.is_punct]
        if len(left) >= _CLAUSE_MIN_WORDS and len(right) >= _CLAUSE_MIN_WORDS:
            out.append((cursor, cut_end))
            cursor = cut_start
    out.append((cursor, end))
    return out


def draft_claims(
    doc: Doc,
    body: str,
    sentences: Sequence[tuple[int, int]],
    ents: ArticleEntities,
    quotes: Sequence[FoundQuote],
    *,
    status: str = "report",
) -> list[ClaimDraft]:
    """Claims for every sentence (or clause) of ``body`` that states something with a verb."""
    import bisect

    index = TokenIndex(doc)
    starts = index.starts
    ctx = QuoteContext(body=body, doc=doc, tokens=index, ents=ents, sentences=sentences)
    ctx.speakers.extend((q.mark_start, q.speaker) for q in quotes if q.speaker is not None and q.speaker in ents.persons)
    quote_spans = [(q.mark_start, q.mark_end) for q in quotes]
    in_quote: set[int] = set()
    for qs, qe in quote_spans:
        in_quote.update(range(bisect.bisect_right(starts, qs), bisect.bisect_left(starts, qe)))
    drafts: list[ClaimDraft] = []
    for s_start, s_end in sentences:
        sent_tokens = _unit_tokens(doc, starts, s_start, s_end)
        for start, end in _clause_splits(sent_tokens, quote_spans, s_start, s_end):
            while end > start and body[end - 1] in " ,;:—–-":
                end -= 1
            tokens = _unit_tokens(doc, starts, start, end)
            words = [t for t in tokens if t.is_alpha]
            if len(words) < 4 or not _has_verb(tokens) or _NOT_A_CLAIM.search(body[start:end]):
                continue
            text = body[start:end]
            verb = _main_verb(tokens, start, end)
            attribution = _attribution(tokens, verb, ctx, quotes, start, end)
            modality = _modality(text, tokens, verb, in_quote, attribution is not None, status)
            content = _content_verb(verb, start, end)
            tense = "future" if modality == "expected" else _tense_of(content, text)
            if modality == "reported" and content is not None and verb is not None and content.i != verb.i and tense is None:
                tense = _tense_of(verb, text)
            if status == "preview" and tense == "present" and _about_main_event(tokens):
                tense = "future"
            polarity = _polarity(content)
            has_quote = any(start <= q.start < end for q in quotes)
            score, reasons = _checkworthiness(tokens, ents, start, end, modality, attribution, verb, has_quote)
            drafts.append(ClaimDraft(start, end, modality, tense, polarity, attribution, score, reasons))
    return drafts


def _about_main_event(tokens: Sequence[Token]) -> bool:
    """A preview's sentence about the event itself ("The meeting comes ...") is about the future."""
    return any(t.text.lower() in _EVENT_NOUNS and t.dep_ in {"nsubj", "nsubjpass"} for t in tokens)
