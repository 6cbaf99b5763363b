"""View models shared by the HTML report and the web app, so both show the same thing.

Everything here is plain data computed from a ``Report``: the claim x outlet
matrix, the timeline chart geometry and the highlight segments of each article
body. Templates only lay it out. Text stays raw here; escaping is the
templates' job (Jinja autoescape), which is why highlights are returned as
segments rather than as markup.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from storycheck.model import (
    Article,
    Claim,
    ClaimCheck,
    Extraction,
    Finding,
    Quote,
    Report,
    Story,
    StoryVerification,
    TimeExpression,
    TimelineEvent,
)

# Which finding colours a claim when several cite it: a contradiction matters most.
KIND_PRIORITY = ("contradicted", "single_source", "corroborated")
# Matrix rows: disagreements, then what several outlets share, then what rests on one.
MATRIX_ORDER = ("contradicted", "corroborated", "single_source")
KIND_LABEL = {"contradicted": "Contradicted", "corroborated": "Corroborated", "single_source": "Single source"}


@dataclass(frozen=True, slots=True)
class Words:
    """One outlet's exact words for a fact."""

    claim: str
    article: str
    outlet: str
    text: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's position on one fact: "supports", "contradicts", "silent" or "unclear"."""

    id: str
    outlet: str
    state: str
    words: tuple[Words, ...] = ()
    value: str | None = None
    same_source_as: tuple[str, ...] = ()  # outlets whose copy of this counts as one source with this one

    @property
    def hover(self) -> str:
        if not self.words:
            return f"{self.outlet}: says nothing about this"
        lines = [f"{self.outlet} ({self.state}{': ' + self.value if self.value else ''}):"]
        lines += [f"\u201c{w.text}\u201d" for w in self.words]
        if self.same_source_as:
            lines.append("Counted once with " + ", ".join(self.same_source_as) + " (same source).")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    finding: Finding
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    outlets: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a contradiction: the value it gives and who gives it, in their words."""

    value: str | None
    words: tuple[Words, ...]


@dataclass(frozen=True, slots=True)
class FindingView:
    finding: Finding
    label: str
    sides: tuple[Side, ...]
    words: tuple[Words, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Marker:
    """A dot on the timeline: one article's dating of an event.

    ``label`` is the full text (shown on hover); ``text`` is what fits beside the
    dot, on the side with more room (``anchor`` "start" = right of the dot).
    """

    x: float
    y: float
    date: str
    label: str
    conflict: bool
    text: str = ""
    anchor: str = "start"
    label_x: float = 0.0


def place_label(x: float, label: str, *, width: int, char_px: float = 7.3, gap: float = 8.0) -> tuple[str, str, float]:
    """Put a label beside a dot without leaving the chart: (text, anchor, x), shortened with an ellipsis if needed."""
    room_right = width - x - gap - 4
    room_left = x - gap - 4
    anchor, room = ("start", room_right) if room_right >= room_left or len(label) * char_px <= room_right else ("end", room_left)
    fits = max(int(room / char_px), 4)
    text = label if len(label) <= fits else label[: fits - 1].rstrip() + "\u2026"
    return text, anchor, (x + gap if anchor == "start" else x - gap)


@dataclass(frozen=True, slots=True)
class ChartRow:
    event: TimelineEvent
    y: float
    label: str
    x1: float
    x2: float
    markers: tuple[Marker, ...]
    note: str | None = None  # "◂ 2024-09-01": the event lies outside the chart's window, pinned to its edge


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    ticks: tuple[Tick, ...]
    rows: tuple[ChartRow, ...]
    undated: tuple[TimelineEvent, ...]
    clipped: int = 0  # events outside the window, pinned to its edges


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of body text; ``kind`` set means it is a claim to highlight."""

    text: str
    kind: str | None = None
    claim: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    kind: str | None
    findings: tuple[str, ...]
    check: ClaimCheck | None
    supporting: tuple[Words, ...] = ()  # other outlets' words backing this claim
    contradicting: tuple[Words, ...] = ()  # and against it


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    outlet: str
    story: Story | None
    claims: tuple[ClaimView, ...]
    quotes: tuple[Quote, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class StoryCounts:
    articles: int
    contradicted: int
    corroborated: int
    single_source: int


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    verification: StoryVerification
    counts: StoryCounts
    articles: tuple[ArticleView, ...]
    matrix: Matrix
    chart: TimelineChart
    contradicted: tuple[FindingView, ...]
    corroborated: tuple[FindingView, ...]
    single_source: tuple[FindingView, ...]


def outlet_name(article: Article) -> str:
    """The outlet as readers know it: the declared name, else the web host, else the id."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article.id


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; ``javascript:`` and friends from scraped pages never do."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


class ReportIndex:
    """Lookups over one report, built once and shared by every view of it."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.articles: dict[str, Article] = {a.id: a for a in report.articles}
        self.extractions: dict[str, Extraction] = {e.article: e for e in report.extractions}
        self.claims: dict[str, Claim] = {c.id: c for e in report.extractions for c in e.claims}
        self.verifications: dict[str, StoryVerification] = {v.story.id: v for v in report.verifications}
        self.story_of: dict[str, Story] = {}
        self.findings_of: dict[str, list[Finding]] = {}
        self.checks: dict[str, ClaimCheck] = {}
        for v in report.verifications:
            for aid in v.story.articles:
                self.story_of.setdefault(aid, v.story)
            for f in v.findings:
                for cid in f.claims:
                    self.findings_of.setdefault(cid, []).append(f)
            for check in v.checks:
                self.checks[check.claim] = check

    def outlet(self, article_id: str) -> str:
        art = self.articles.get(article_id)
        return outlet_name(art) if art else article_id

    def words(self, claim_id: str) -> Words | None:
        claim = self.claims.get(claim_id)
        if claim is None:
            return None
        return Words(claim.id, claim.article, self.outlet(claim.article), claim.text)

    def claim_kind(self, claim_id: str) -> str | None:
        kinds = {f.kind for f in self.findings_of.get(claim_id, ())}
        return next((k for k in KIND_PRIORITY if k in kinds), None)


def claim_sides(finding: Finding, index: ReportIndex) -> dict[str, int | None]:
    """Which value (index into ``finding.values``) each claim of a contradiction gives.

    The verify stage lists one value per side and the claims of every side; when
    the two lists run in parallel that settles it, otherwise the value's words in
    the claim, then the claim checks (contradicting the first claim = other side).
    ``None`` means the side cannot be told, and the matrix says so.
    """
    values = list(finding.values)
    claims = list(finding.claims)
    if values and len(values) == len(claims):
        return {cid: values.index(values[i]) for i, cid in enumerate(claims)}
    sides: dict[str, int | None] = {}
    first = index.checks.get(claims[0]) if claims else None
    for cid in claims:
        text = index.claims[cid].text.lower() if cid in index.claims else ""
        hits = [(len(v), i) for i, v in enumerate(values) if v and v.lower() in text]
        if hits:
            sides[cid] = max(hits)[1]
        elif claims and cid == claims[0]:
            sides[cid] = 0
        elif first is not None and cid in first.contradicting:
            sides[cid] = 1
        elif first is not None and cid in first.supporting:
            sides[cid] = 0
        else:
            sides[cid] = None
    return sides


# A contradiction's row is named by the question the outlets answer differently.
FIELD_QUESTION = {
    "time": "When", "date": "When", "quantity": "How much", "number": "How many", "quote speaker": "Who said it",
    "speaker": "Who said it", "polarity": "Whether it happened", "actor": "Who did it", "event": "What happened",
    "place": "Where", "location": "Where",
}
LABEL_CHARS = 100


def clip(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def finding_label(finding: Finding, index: ReportIndex | None = None) -> str:
    """A short name for the fact (matrix rows, headings); the verify stage's full summary is shown beside it.

    Summaries quote every side in full, which makes a matrix row a paragraph; the
    label is the disputed values for a contradiction, else the first claim's words.
    """
    if finding.kind == "contradicted" and finding.values:
        question = FIELD_QUESTION.get(finding.field, finding.field.capitalize() or "Fact")
        return clip(f"{question}: " + " vs ".join(f"\u201c{v}\u201d" for v in dict.fromkeys(finding.values)))
    if index is not None:
        first = next((index.claims[c] for c in finding.claims if c in index.claims), None)
        if first is not None:
            return clip(first.text)
    return clip(finding.summary) if finding.summary else f"{KIND_LABEL.get(finding.kind, finding.kind)}: {finding.field}"


def finding_view(finding: Finding, index: ReportIndex) -> FindingView:
    words = tuple(w for w in (index.words(c) for c in finding.claims) if w is not None)
    outlets = tuple(dict.fromkeys(index.outlet(a) for a in finding.articles))
    sides: tuple[Side, ...] = ()
    if finding.kind == "contradicted":
        by_side = claim_sides(finding, index)
        n = max(len(finding.values), 1 + max((s for s in by_side.values() if s is not None), default=0))
        built = [Side(finding.values[i] if i < len(finding.values) else None,
                      tuple(w for w in words if by_side.get(w.claim) == i)) for i in range(n)]
        unclear = tuple(w for w in words if by_side.get(w.claim) is None)
        if unclear:
            built.append(Side(None, unclear))
        sides = tuple(built)
    return FindingView(finding, finding_label(finding, index), sides, words, outlets)


def story_outlets(story: Story, index: ReportIndex) -> tuple[str, ...]:
    return tuple(dict.fromkeys(index.outlet(a) for a in story.articles))


def build_matrix(verification: StoryVerification, index: ReportIndex) -> Matrix:
    """Rows are facts (findings), columns outlets; each cell says where the outlet stands."""
    outlets = story_outlets(verification.story, index)
    rows: list[MatrixRow] = []
    for f in _ordered(verification.findings, MATRIX_ORDER):
        sides = claim_sides(f, index) if f.kind == "contradicted" else {}
        cells: list[Cell] = []
        for col, outlet in enumerate(outlets):
            words = tuple(w for w in (index.words(c) for c in f.claims) if w is not None and w.outlet == outlet)
            cell_id = f"cell-{_slug(f.id)}-{col}"
            if not words:
                cells.append(Cell(cell_id, outlet, "silent"))
                continue
            value = None
            state = "supports"
            if f.kind == "contradicted":
                picked = [sides.get(w.claim) for w in words]
                if any(s is None for s in picked):
                    state = "unclear"
                elif any(s != 0 for s in picked):
                    state = "contradicts"
                known = [s for s in picked if s is not None]
                if known and known[0] < len(f.values):
                    value = f.values[known[0]]
            mine = {w.article for w in words}
            twins = tuple(dict.fromkeys(
                index.outlet(a) for group in f.merged if mine & set(group) for a in group
                if a not in mine and index.outlet(a) != outlet
            ))
            cells.append(Cell(cell_id, outlet, state, words, value, twins))
        rows.append(MatrixRow(f, finding_label(f, index), tuple(cells)))
    return Matrix(outlets, tuple(rows))


def _ordered(findings: Iterable[Finding], kinds: tuple[str, ...] = KIND_PRIORITY) -> list[Finding]:
    order = {k: i for i, k in enumerate(kinds)}
    return sorted(findings, key=lambda f: (order.get(f.kind, 9), -f.score, f.id))


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text)


def _day(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _dating_time(claim: Claim | None, words: str) -> TimeExpression | None:
    if claim is None:
        return None
    exact = [t for t in claim.times if t.text == words]
    loose = [t for t in claim.times if words in t.text or t.text in words]
    picked = exact or loose
    return picked[0] if picked else None


CHART_WIDTH = 780
PLOT_LEFT = 265
PLOT_RIGHT = 720
ROW_GAP = 18
LABEL_LINE = 15


def _focus(mids: list[_dt.date]) -> tuple[_dt.date, _dt.date] | None:
    """The window holding most events when a few outliers would squash the rest.

    One "eleven years ago" next to a week of dated events would leave the week a
    single pixel wide; the chart then shows the narrowest window holding three
    quarters of the events (padded) and pins the others to its edges.
    """
    if len(mids) < 8:
        return None
    ordered = sorted(mids)
    k = -(-len(ordered) * 3 // 4)
    best = min(range(len(ordered) - k + 1), key=lambda i: ordered[i + k - 1] - ordered[i])
    lo, hi = ordered[best], ordered[best + k - 1]
    full = (ordered[-1] - ordered[0]).days
    if full <= 3 * max((hi - lo).days, 1):
        return None
    pad = _dt.timedelta(days=max(2, (hi - lo).days // 5))
    return lo - pad, hi + pad


def _chart_events(timeline: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Events in date order, reprints' identical events drawn once."""
    seen: set[tuple[str | None, str | None, str, bool]] = set()
    out = []
    for ev in sorted(timeline, key=lambda e: (e.start or "9999", e.end or "", e.text)):
        key = (ev.start, ev.end, ev.text, ev.conflict)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def build_timeline_chart(timeline: Iterable[TimelineEvent], index: ReportIndex) -> TimelineChart:
    """Geometry of the timeline SVG: one row per dated event, one marker per article's dating.

    A conflicting event gets a marker at each dating the articles give, labelled
    with the outlet and its own words, so the disagreement is visible at a glance.
    """
    dated: list[tuple[TimelineEvent, _dt.date, _dt.date, list[tuple[_dt.date, str]]]] = []
    undated: list[TimelineEvent] = []
    for ev in _chart_events(timeline):
        start = _day(ev.start)
        if start is None:
            undated.append(ev)
            continue
        end = _day(ev.end) or start
        datings: list[tuple[_dt.date, str]] = []
        for cid, words in ev.datings:
            claim = index.claims.get(cid)
            tx = _dating_time(claim, words)
            d_from, d_to = (_day(tx.date_from), _day(tx.date_to)) if tx else (None, None)
            if d_from is None:
                continue
            d_to = d_to or d_from
            mid = d_from + (d_to - d_from) / 2
            outlet = index.outlet(claim.article) if claim else cid
            when = d_from.isoformat() if d_from == d_to else f"{d_from.isoformat()}..{d_to.isoformat()}"
            datings.append((mid, f"{outlet}: \u201c{words}\u201d ({when})"))
        dated.append((ev, start, max(end, start), datings))
    all_days = [d for _, s, e, ds in dated for d in (s, e, *(x for x, _ in ds))]
    focus = _focus([s + (e - s) / 2 for _, s, e, _ in dated])
    if focus is not None:
        lo, hi = focus
    else:
        lo = min(all_days, default=_dt.date.today()) - _dt.timedelta(days=1)
        hi = max(all_days, default=lo) + _dt.timedelta(days=1)
    span = max((hi - lo).days, 1)

    def x_of(day: _dt.date) -> float:
        clamped = min(max(day, lo), hi)
        return round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (clamped - lo).days / span, 1)

    rows: list[ChartRow] = []
    y = 24.0
    clipped = 0
    for ev, start, end, datings in dated:
        markers: list[Marker] = []
        note = None
        if end < lo or start > hi:
            clipped += 1
            note = f"\u25c2 {start.isoformat()}" if end < lo else f"{start.isoformat()} \u25b8"
        if ev.conflict and datings:
            # one labelled marker per distinct dating; identical datings share one label line
            merged: dict[_dt.date, list[str]] = {}
            for day, label in datings:
                merged.setdefault(day, []).append(label)
            for i, (day, labels) in enumerate(sorted(merged.items())):
                label = "; ".join(labels)
                text, anchor, label_x = place_label(x_of(day), label, width=CHART_WIDTH)
                markers.append(Marker(x_of(day), y + 10 + LABEL_LINE * (i + 1), day.isoformat(), label, True, text, anchor, label_x))
        else:
            mid = start + (end - start) / 2
            markers.append(Marker(x_of(mid), y, mid.isoformat(), f"{ev.text} ({mid.isoformat()})", False))
        rows.append(ChartRow(ev, y, ev.text, x_of(start), x_of(end), tuple(markers), note))
        y += ROW_GAP + (LABEL_LINE * (len(markers) + 1) if ev.conflict else 6)
    axis_y = y + 4
    ticks = _ticks(lo, hi, x_of)
    return TimelineChart(CHART_WIDTH, int(axis_y + 26), PLOT_LEFT, PLOT_RIGHT, axis_y, ticks, tuple(rows), tuple(undated),
                         clipped)


def _ticks(lo: _dt.date, hi: _dt.date, x_of: object) -> tuple[Tick, ...]:
    span = (hi - lo).days
    n = min(5, max(span, 1))
    step = span / n
    days = sorted({lo + _dt.timedelta(days=round(i * step)) for i in range(n + 1)})
    return tuple(Tick(x_of(d), d.isoformat()) for d in days)  # type: ignore[operator]


def segments(article: Article, claims: Iterable[ClaimView]) -> tuple[Segment, ...]:
    """Split the body into plain runs and claim runs; overlapping claims are clipped, never nested."""
    body = article.body
    out: list[Segment] = []
    pos = 0
    for cv in sorted(claims, key=lambda c: (c.claim.start, -c.claim.end)):
        c = cv.claim
        start, end = max(c.start, pos), min(c.end, len(body))
        if start >= end:
            continue
        if start > pos:
            out.append(Segment(body[pos:start]))
        title = KIND_LABEL.get(cv.kind or "", "Claim")
        title += f" ({c.modality}, check-worthiness {c.checkworthiness:.2f})"
        out.append(Segment(body[start:end], cv.kind or "claim", c.id, title))
        pos = end
    if pos < len(body):
        out.append(Segment(body[pos:]))
    return tuple(out)


def _claim_view(claim: Claim, index: ReportIndex) -> ClaimView:
    check = index.checks.get(claim.id)

    def words(ids: tuple[str, ...]) -> tuple[Words, ...]:
        return tuple(w for w in (index.words(c) for c in ids) if w is not None)

    return ClaimView(
        claim, index.claim_kind(claim.id), tuple(f.id for f in index.findings_of.get(claim.id, ())), check,
        words(check.supporting) if check else (), words(check.contradicting) if check else (),
    )


def article_view(article: Article, index: ReportIndex) -> ArticleView:
    ex = index.extractions.get(article.id)
    claims = tuple(_claim_view(c, index) for c in (ex.claims if ex else ()))
    return ArticleView(article, outlet_name(article), index.story_of.get(article.id), claims,
                       ex.quotes if ex else (), segments(article, claims))


def story_counts(verification: StoryVerification) -> StoryCounts:
    kinds = [f.kind for f in verification.findings]
    return StoryCounts(len(verification.story.articles), kinds.count("contradicted"), kinds.count("corroborated"),
                       kinds.count("single_source"))


def story_view(verification: StoryVerification, index: ReportIndex) -> StoryView:
    findings = _ordered(verification.findings)
    by_kind = {k: tuple(finding_view(f, index) for f in findings if f.kind == k) for k in KIND_PRIORITY}
    articles = tuple(article_view(index.articles[a], index) for a in verification.story.articles if a in index.articles)
    return StoryView(
        story=verification.story,
        verification=verification,
        counts=story_counts(verification),
        articles=articles,
        matrix=build_matrix(verification, index),
        chart=build_timeline_chart(verification.timeline, index),
        contradicted=by_kind["contradicted"],
        corroborated=by_kind["corroborated"],
        single_source=by_kind["single_source"],
    )


def report_views(report: Report) -> tuple[ReportIndex, list[StoryView], list[ArticleView]]:
    """Every story view, plus views of articles no story holds (shown on their own)."""
    index = ReportIndex(report)
    stories = [story_view(v, index) for v in report.verifications]
    loose = [article_view(a, index) for a in report.articles if a.id not in index.story_of]
    return index, stories, loose
