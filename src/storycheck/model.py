"""The data model every stage speaks: small frozen records with no I/O.

Stages never call each other; they hand these records along. Every derived fact
keeps its provenance (article id and a character span in ``Article.body``) so any
finding can be shown in the outlet's own words.

Dates and datetimes are ISO 8601 strings rather than ``datetime`` objects: they are
what the JSON report, the database and the web layer all need, and they compare
correctly as strings for same-granularity values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- ingest -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from, and proof of what was read."""

    location: str  # file path, URL, or "-" for stdin
    kind: str  # "file" | "url" | "stdin" | "feed"
    fetched_at: str  # ISO 8601 UTC timestamp of the read
    sha256: str  # of the raw bytes as read
    content_type: str | None = None  # HTTP Content-Type or guessed from the extension
    encoding: str | None = None  # charset the bytes were decoded with


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read, decoded to text but not yet cleaned.

    ``format`` tells the cleaner how to read ``content``: "text" (scraped plain
    text), "html", or "article" (a JSON article object whose fields are already
    split out below; ``content`` then holds its text or html).
    """

    id: str
    source: Source
    content: str
    format: str  # "text" | "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A source that could not be read; the batch goes on without it."""

    source: str
    reason: str


# --- clean ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line dropped from the article, with why, so nothing vanishes silently."""

    text: str
    reason: str  # e.g. "player widget", "share prompt", "publisher footer"


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment. ``reply_to`` is the ``id`` of the comment it answers."""

    id: str  # "c1", "c2", ... in thread order
    author: str | None
    text: str
    reply_to: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``offset`` is where its section starts in ``Article.body``."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``body`` is the text every later offset refers to.

    Paragraphs in ``body`` are separated by a blank line; headings, title and
    comments are not part of it.
    """

    id: str
    source: Source
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime, None when the document gives none
    language: str = "en"
    status: str = "report"  # "report" | "preview" | "opinion" | "analysis"
    status_evidence: str | None = None  # the sentence that decided the status
    subtitle: str | None = None
    headings: tuple[Heading, ...] = ()
    comments: tuple[Comment, ...] = ()
    removed: tuple[RemovedLine, ...] = ()


# --- claims -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; ``canonical`` is the full name the article uses for it."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    start: int  # offsets into Article.body
    end: int
    canonical: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression resolved to an interval ``start``..``end`` (inclusive ISO dates).

    Unresolvable expressions keep ``start``/``end`` as None and say why in ``note``
    rather than guessing.
    """

    text: str
    start: int  # character offsets into Article.body
    end: int
    date_from: str | None  # ISO date, first day of the interval
    date_to: str | None  # ISO date, last day of the interval
    granularity: str | None  # "day" | "week" | "month" | "quarter" | "year" | "decade" | "span"
    anchor: str | None = None  # the ISO date it was resolved against
    anchor_source: str | None = None  # "published" | "article" | "story" | None
    open_start: bool = False  # "before March" / "since 2021": the interval is open on one side
    open_end: bool = False
    note: str | None = None  # why it is unresolved, or an ambiguity worth showing


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its hedge, as an interval: "more than 40,000" -> [40000, None)."""

    text: str
    start: int
    end: int
    value_min: float | None  # None = open below
    value_max: float | None  # None = open above
    unit: str | None  # "ton", "percent", "USD", "hour", "minute", "people", ...
    hedge: str | None  # "about" | "more than" | "at least" | "up to" | "nearly" | "less than" | None
    per: str | None = None  # rate denominator: "year" in "40,000 hectares per year"
    value: float | None = None  # the number as written, before the hedge widened it


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable assertion: a sentence or clause, with its exact span in the body."""

    id: str  # "<article id>:c<n>"
    article: str
    text: str  # == Article.body[start:end]
    start: int
    end: int
    modality: str  # "asserted" | "expected" | "reported" | "opinion" | "question"
    checkworthiness: float  # 0..1
    checkworthiness_reasons: tuple[str, ...] = ()
    attribution: str | None = None  # "the U.N. Office on Drugs and Crime" in "according to ..."
    polarity: str = "positive"  # "positive" | "negative"
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[str, ...] = ()  # ids of the quotes inside this claim
    tense: str | None = None  # "past" | "present" | "future": kept so times re-resolve without re-parsing


@dataclass(frozen=True, slots=True)
class Quote:
    """Words put in someone's mouth, with who said them and, when given, about whom."""

    id: str  # "<article id>:q<n>"
    article: str
    text: str  # the quoted words without the quote marks; == body[start:end]
    start: int
    end: int
    speaker: str | None  # full name as the article resolves it
    target: str | None = None  # who or what the quote is about, when the sentence says
    claim: str | None = None  # id of the claim that contains it
    kind: str = "direct"  # "direct" | "partial" | "label" (branded X a 'traitor')


@dataclass(frozen=True, slots=True)
class Extraction:
    """All that the claims stage found in one article."""

    article: str
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()  # every entity in the body, claims or not


# --- verify -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event."""

    id: str
    title: str
    articles: tuple[str, ...]
    event_date: str | None = None  # ISO date of the main event when the articles fix one


@dataclass(frozen=True, slots=True)
class Finding:
    """A verification result citing the exact claims on every side.

    ``values`` holds one entry per side for contradictions (the field's value as
    each side gives it); ``merged`` lists groups of articles counted as one source
    (syndicated or near-duplicate copies, the same outlet twice).
    """

    id: str
    kind: str  # "corroborated" | "contradicted" | "single_source"
    story: str
    field: str  # "event", "time", "quantity", "quote speaker", "polarity", "actor", ...
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    independent_sources: int
    values: tuple[str, ...] = ()
    summary: str = ""
    score: float = 0.0  # ranking: confidence for contradictions, check-worthiness for single source
    merged: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """What the rest of the story says about one claim (the per-article fact-check)."""

    claim: str
    verdict: str  # "supported" | "contradicted" | "unverified" | "mixed"
    supporting: tuple[str, ...] = ()  # claim ids in other articles
    contradicting: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event of a story, merged across the articles that date it."""

    story: str
    start: str | None
    end: str | None
    granularity: str | None
    text: str
    articles: tuple[str, ...]
    claims: tuple[str, ...]
    conflict: bool = False
    datings: tuple[tuple[str, str], ...] = ()  # (claim id, time words) per dating
    planned: bool = False  # dated by a preview as something expected


@dataclass(frozen=True, slots=True)
class StoryVerification:
    """Everything the verify stage concluded about one story."""

    story: Story
    findings: tuple[Finding, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    checks: tuple[ClaimCheck, ...] = ()


# --- feeds and alerts (watch) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of an RSS/Atom feed, as ``ingest.feeds.parse_feed`` reads it."""

    id: str  # guid / Atom id; the link, or a hash of title+link, when the feed gives none
    link: str | None  # absolute URL of the article
    title: str | None = None
    published: str | None = None  # ISO 8601 UTC datetime (updated when no published date)
    summary: str | None = None  # HTML as the feed gives it
    content: str | None = None  # full HTML content when the feed carries it
    author: str | None = None
    outlet: str | None = None  # the item's RSS <source> name, when an aggregator gives it


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the watcher remembers about one feed between polls (stored by ``Store``)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None  # ISO 8601 UTC
    failures: int = 0  # consecutive failed polls, for back-off
    next_poll: str | None = None  # ISO 8601 UTC
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """Something a watcher should hear about: a new contradiction, story or corroboration."""

    id: str  # stable: derived from kind + story + finding, so restarts never repeat it
    kind: str  # "contradiction" | "new_story" | "corroborated"
    story: str
    article: str
    message: str
    created_at: str
    finding: str | None = None
    delivered_at: str | None = None  # when a webhook accepted it; None while pending
    attempts: int = 0  # webhook deliveries tried


# --- the whole run ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """What one run concluded; every report format renders this."""

    articles: tuple[Article, ...] = ()
    extractions: tuple[Extraction, ...] = ()
    verifications: tuple[StoryVerification, ...] = ()
    failures: tuple[IngestFailure, ...] = ()
    generated_at: str = ""
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
