"""A generated corpus of scraped-looking news articles for benchmarks and scaling tests.

Real labelled news is scarce and cannot be committed; the benchmarks still need
thousands of articles that look like what scraping gives (page furniture, share
prompts, audio players, comment threads, footers) and that fall into known
stories. Each story has its own invented people, places, organisations, dates and
numbers; several stories share a *kind* (two strikes, two floods) so grouping cannot
succeed on vocabulary alone. Within a story, outlets word things differently (hedged
numbers, relative or absolute dates, quote styles), a few contradict the rest
(recorded in ``GeneratedArticle.conflicts``), and wire stories are reprinted by other
outlets with small edits (``reprint_of``).

Standard library only and deterministic for a given seed, so any benchmark can import
it. Run as a script to write a corpus to a folder:

    python bench/corpus.py OUT_DIR [--articles 1000] [--stories 50] [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

try:  # imported as bench.corpus
    from . import corpus_templates as T
except ImportError:  # run as a script, or with bench/ on sys.path (how the benchmarks import it)
    import corpus_templates as T  # type: ignore[no-redef]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST_DAY = dt.date(2024, 1, 8)
DAY_SPAN = 880  # event days fall between early 2024 and mid 2026

# Share of articles that differ from the rest of their story, by what they get wrong.
P_DATE_CONFLICT = 0.08
P_NUMBER_CONFLICT = 0.08
P_SPEAKER_CONFLICT = 0.05
P_UNDATED = 0.12
P_COMMENTS = 0.35


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article and the ground truth a benchmark scores against."""

    filename: str
    text: str  # the raw scraped-text shape, furniture and comments included
    story: str  # story label, e.g. "s007-flood"; articles with one label cover one event
    published: str | None  # ISO date the article carries, None when it carries none
    outlet: str = ""
    title: str = ""
    kind: str = ""  # "strike", "flood", ...
    status: str = "report"  # "report" | "preview"
    event_date: str = ""  # ISO date this article gives the story's main event
    reprint_of: str | None = None  # filename of the wire original this article copies
    conflicts: tuple[str, ...] = ()  # what this article states differently: "date", "number", "speaker"
    place: str = ""  # the story's invented town, unique to the story
    count: str = ""  # the story's main number as this article words it: "about 1,200", "more than 1,150"


@dataclass(slots=True)
class _Story:
    label: str
    kind: str
    spec: dict
    slots: dict[str, str]
    event: dt.date
    n_main: int
    quotes: list[tuple[str, str]]  # (speaker role, resolved text)
    wire: str | None
    local_outlets: list[str]
    people: dict[str, str] = field(default_factory=dict)


# --- numbers and dates, worded the way outlets word them ----------------------


def _round_nice(value: int) -> int:
    """Two significant figures: what "about N" rounds a count to."""
    if value < 100:
        return int(round(value / 5) * 5) or value
    magnitude = 10 ** (len(str(value)) - 2)
    return int(round(value / magnitude) * magnitude)


def _hedged(value: int, rng: random.Random) -> str:
    """The count as one outlet words it; every wording stays true of ``value``."""
    if value < 40:
        return f"{value:,}"
    nice = _round_nice(value)
    step = 10 ** max(1, len(str(value)) - 2)
    below = (value // step) * step if (value // step) * step < value else value - step
    above = below + step if below + step > value else value + step
    choice = rng.randrange(6)
    if choice == 0:
        return f"{value:,}"
    if choice in (1, 3):
        return f"about {nice:,}"
    if choice == 2:
        return f"more than {below:,}"
    if choice == 3 and above - value <= 0.05 * above:  # "nearly 50" for 40 would overstate it
        return f"nearly {above:,}"
    if choice == 4:
        return f"at least {below:,}"
    return f"some {nice:,}"


def _day_words(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _date_words(event: dt.date, published: dt.date | None, rng: random.Random, *, exact: bool) -> str:
    """How an article dates the event: absolute, or relative to its own publication day."""
    if exact or published is None:
        if rng.random() < 0.3:
            return f"on {WEEKDAYS[event.weekday()]}, {_day_words(event)}"
        return f"on {_day_words(event)}"
    gap = (published - event).days
    if gap == 0 and rng.random() < 0.5:
        return "today" if rng.random() < 0.5 else "on " + WEEKDAYS[event.weekday()]
    if gap == 1 and rng.random() < 0.4:
        return "yesterday"
    if 0 < abs(gap) <= 6 and rng.random() < 0.7:
        return f"on {WEEKDAYS[event.weekday()]}"
    return f"on {_day_words(event)}"


def _published_line(day: dt.date, rng: random.Random) -> str:
    hour, minute = rng.randint(6, 22), rng.choice((0, 5, 12, 20, 30, 41, 55))
    month = MONTHS[day.month - 1]
    shapes = (
        f"Published {month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.isoformat()} {hour:02d}:{minute:02d}",
        f"{month[:3]} {day.day}, {day.year} | {hour % 12 or 12}:{minute:02d} {'PM' if hour >= 12 else 'AM'}",
        f"Updated: {WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        f"{WEEKDAYS[day.weekday()][:3]} {day.day} {month[:3]} {day.year} {hour:02d}.{minute:02d} GMT",
    )
    return rng.choice(shapes)


# --- stories ------------------------------------------------------------------


def _person(rng: random.Random, used: set[str]) -> str:
    """A name no other story's people carry, so stories never share a protagonist by accident."""
    for attempt in range(200):
        first, last = rng.choice(T.FIRST_NAMES), rng.choice(T.SURNAMES)
        # a middle initial once the plain pairs thin out (big corpora): still unique, still plausible
        name = f"{first} {last}" if attempt < 20 else f"{first} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {last}"
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of invented names")  # ~60,000 names: never for realistic corpus sizes


def _passer_by(rng: random.Random) -> str:
    """Bylines and commenters: names may repeat, as they do across real comment sections."""
    return f"{rng.choice(T.FIRST_NAMES)} {rng.choice(T.SURNAMES)}"


def _city(rng: random.Random, used: set[str]) -> str:
    for attempt in range(400):
        name = rng.choice(T.CITY_STEMS) + rng.choice(T.CITY_ENDINGS)
        if attempt >= 40:  # plain names thin out in big corpora: "Upper Kellford", "Port Sarnmere"
            name = f"{rng.choice(T.CITY_PREFIXES)} {name}"
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of invented town names")


def _fill(template: str, slots: dict[str, str]) -> str:
    # two passes: variant values such as "{city} Port Terminals" hold slots themselves
    return template.format_map(slots).format_map(slots) if "{" in template else template


def _make_story(index: int, kind: str, seed: int, used_names: set[str], used_cities: set[str]) -> _Story:
    rng = random.Random(f"{seed}:story:{index}")
    spec = T.KINDS[kind]
    city = _city(rng, used_cities)
    slots: dict[str, str] = {
        "city": city,
        "other_city": _city(rng, used_cities),
        "region": rng.choice(T.REGION_NAMES),
        "surname_a": rng.choice(T.SURNAMES),
        "surname_b": rng.choice(T.SURNAMES),
        "river_name": rng.choice(T.RIVER_NAMES),
        "park_name": rng.choice(T.PARK_NAMES),
    }
    slots["venue"] = rng.choice(T.VENUES)
    slots["expert_org"] = rng.choice(T.UNIVERSITIES).format_map(slots)
    slots.update(rng.choice(spec["variants"]))
    for key, value in list(slots.items()):
        slots[key] = _fill(value, slots)
    for key, template in spec["roles"].items():
        slots[key] = _fill(template, slots)
    people = {}
    for role in ("actor", "official", "minister", "boss", "expert", "witness"):
        name = _person(rng, used_names)
        people[role] = name
        slots[role] = name
        slots[f"{role}_last"] = name.split()[-1]
    if "workers" in slots:
        slots["workers_cap"] = slots["workers"][:1].upper() + slots["workers"][1:]
    event = FIRST_DAY + dt.timedelta(days=rng.randrange(DAY_SPAN))
    earlier = event - dt.timedelta(days=rng.randint(40, 120))
    slots.update(month=MONTHS[event.month - 1], year=str(event.year),
                 earlier_month=f"{MONTHS[earlier.month - 1]} {earlier.year}",
                 earlier_year=str(event.year - rng.randint(6, 15)),
                 population=f"{rng.randint(12, 480) * 1000:,}")
    numbers = {name: rng.randint(lo, hi) for name, (lo, hi) in spec["numbers"].items()}
    n_main = numbers.pop("n_main")
    slots.update({name: f"{value:,}" for name, value in numbers.items()})
    slots["pct_ask"] = str(numbers["pct"] + rng.randint(2, 5))
    slots["n_main_plain"] = f"{_round_nice(n_main):,}"
    quotes = [(role, _fill(text, slots)) for role, text in rng.sample(spec["quotes"], k=3)]
    local = [p.format(city=city) for p in rng.sample(T.OUTLET_PATTERNS, k=len(T.OUTLET_PATTERNS))]
    wire = rng.choice(T.WIRE_AGENCIES) if rng.random() < 0.6 else None
    return _Story(f"s{index:03d}-{kind}", kind, spec, slots, event, n_main, quotes, wire, local, people)


# --- articles -----------------------------------------------------------------


def _render_quote(text: str, speaker: str, title: str | None, rng: random.Random) -> str:
    opening, closing = ("\u201c", "\u201d") if rng.random() < 0.4 else ('"', '"')
    who = f"{speaker}, {title}," if title and rng.random() < 0.5 else speaker
    shape = rng.randrange(4)
    if shape == 0:
        return f"{opening}{text},{closing} said {who.rstrip(',')}."
    if shape == 1:
        return f"{opening}{text},{closing} {speaker} said."
    if shape == 2:
        return f"{who} said: {opening}{text}.{closing}"
    return f"{speaker} told reporters: {opening}{text}.{closing}"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    paragraphs, i = [], 0
    while i < len(sentences):
        take = rng.choice((1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[i:i + take]))
        i += take
    return paragraphs


def _body(story: _Story, *, preview: bool, date_words: str, n_words: str,
          speaker_swap: bool, dateline: str | None, rng: random.Random) -> list[str]:
    """The article's paragraphs (no furniture): lead, facts, quotes, headings, bullets."""
    slots = dict(story.slots, date=date_words, n_main=n_words)
    spec = story.spec
    lead_template = rng.choice(spec["preview_leads" if preview else "leads"])
    lead = _capital(_fill(lead_template, slots))
    if dateline:
        lead = f"{dateline} - {lead}"
    pool = list(spec["preview_body"]) if preview else list(spec["body"]) + list(T.GENERIC_BODY)
    count = min(len(pool), rng.randint(4, 6) if preview else rng.randint(9, 14))
    sentences = [_capital(_fill(s, slots)) for s in rng.sample(pool, k=count)]
    if "{n_main}" not in lead_template:
        sentences.insert(0, _capital(_fill(spec["count_preview" if preview else "count"], slots)))
    background = [_fill(s, slots) for s in rng.sample(T.GENERIC_BACKGROUND, k=rng.randint(1, 3))]
    paragraphs = [lead, *_paragraphs(sentences, rng), *_paragraphs(background, rng)]
    chosen = rng.sample(story.quotes, k=rng.randint(1, 2))
    if rng.random() < 0.5 and story.quotes[0] not in chosen:
        # the story's key quote is widely repeated, so a misattribution has honest copies to clash with
        chosen[0] = story.quotes[0]
    if speaker_swap and story.quotes[0] not in chosen:
        chosen[0] = story.quotes[0]
    for role, text in chosen:
        speaker_role = role
        if speaker_swap and (role, text) == story.quotes[0]:
            # the planted speaker conflict: this outlet gives the story's first quote to someone else
            speaker_role = next(r for r in ("official", "boss", "minister", "expert") if r != role)
        title = story.slots.get(f"{speaker_role}_title")
        paragraphs.insert(rng.randint(1, len(paragraphs)),
                          _render_quote(text, story.people[speaker_role], title, rng))
    if rng.random() < 0.5 and len(paragraphs) > 4:
        for heading in rng.sample(spec["headings"], k=rng.randint(1, 2)):
            # a heading opens a section: never directly after another heading, never last
            spots = [i for i in range(2, len(paragraphs)) if paragraphs[i - 1] not in spec["headings"]
                     and paragraphs[i] not in spec["headings"]]
            if spots:
                paragraphs.insert(rng.choice(spots), heading)
    if rng.random() < 0.2:
        items = rng.sample(spec["bullets"], k=min(3, len(spec["bullets"])))
        bullets = "The main points are:\n" + "\n".join(f"-\n{_fill(i, slots)}" for i in items)
        paragraphs.insert(rng.randint(1, len(paragraphs)), bullets)
    return paragraphs


def _comments(slots: dict[str, str], rng: random.Random) -> list[str]:
    """A comment thread in the scraped shape: "N Comments", numbered, "Name on", "•" replies."""
    lines: list[str] = []
    total = 0
    for number in range(1, rng.randint(2, 6) + 1):
        text = _fill(rng.choice(T.COMMENTS), slots)
        total += 1
        if rng.random() < 0.7:
            lines += [f"  {number}. {_passer_by(rng)} on", "", f"    {text}", ""]
        else:
            lines += [f"  {number}. {text}", ""]
        if rng.random() < 0.35:
            total += 1
            reply = rng.choice(T.REPLIES)
            if rng.random() < 0.5:
                lines += [f"    \u2022 {_passer_by(rng)} on", "", f"      {reply}", ""]
            else:
                lines += [f"    \u2022 {reply}", ""]
    return [f"{total} Comments", "", *lines, "Leave A Reply"]


def _render(outlet: str, title: str, paragraphs: list[str], published: dt.date | None,
            slots: dict[str, str], rng: random.Random) -> str:
    """Wrap paragraphs in the furniture a scraper leaves behind."""
    top = [outlet] if rng.random() < 0.8 else []
    if rng.random() < 0.6:
        top += rng.sample(T.NAV_ITEMS, k=rng.randint(3, 7))
    category = rng.choice(T.CATEGORIES)
    if rng.random() < 0.5:
        top.append(f"{category} {category}" if rng.random() < 0.5 else category)
    top.append(title)
    if rng.random() < 0.5:
        top.append(f"By {_passer_by(rng)}")
    if published is not None:
        top.append(_published_line(published, rng))
    if rng.random() < 0.5:
        top += rng.choice(T.SHARE_LINES)
    parts = ["\n".join(top)]
    if rng.random() < 0.15:
        parts.append("Listen to the article\n\n0:00\n0:00")
    if rng.random() < 0.3:
        parts.append(rng.choice(("Imagen: Facebook", f"Photo: {outlet}", "Image: social media",
                                 f"Photo: {_passer_by(rng)} / {outlet}")))
    body = list(paragraphs)
    if rng.random() < 0.2:
        body.insert(rng.randint(2, max(2, len(body) - 1)), "Advertisement")
    if rng.random() < 0.2:
        body.insert(rng.randint(2, max(2, len(body) - 1)), f"Read more: {rng.choice(T.OTHER_TITLES)}")
    separator = "\n\n" if rng.random() < 0.7 else "\n"
    parts.append(separator.join(body))
    if rng.random() < 0.3:
        parts.append(f"Tags: {slots['city']} {category} {slots['region']}")
    if rng.random() < P_COMMENTS:
        parts.append("\n".join(_comments(slots, rng)))
    if rng.random() < 0.4:
        company = f"{outlet.removeprefix('The ')} Media Ltd"
        year = (published or dt.date(2026, 1, 1)).year
        parts.append("\n".join((
            f"{outlet} brings you independent news from {slots['region']} and beyond.", "", "Company", "",
            company, f"{rng.randint(2, 180)} {rng.choice(T.STREETS)}",
            f"{slots['city']} {rng.choice('ABCDEFGHKLMNPRSTW')}{rng.randint(1, 29)} {rng.randint(1, 9)}"
            f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
            "", f"\u00a9 {year} {company}. All rights reserved.")))
    return "\n\n".join(parts) + "\n"


def _sizes(n_articles: int, n_stories: int, rng: random.Random) -> list[int]:
    """Articles per story: uneven like real coverage (a few big stories, many small), each >= 1."""
    weights = [rng.choice((1, 1, 2, 3, 5)) for _ in range(n_stories)]
    spare = n_articles - n_stories
    shares = [spare * w / sum(weights) for w in weights]
    sizes = [1 + int(s) for s in shares]
    by_remainder = sorted(range(n_stories), key=lambda i: (shares[i] - int(shares[i]), -i), reverse=True)
    for i in by_remainder[: n_articles - sum(sizes)]:
        sizes[i] += 1
    return sizes


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _story_articles(story: _Story, size: int, seed: int) -> list[dict]:
    rng = random.Random(f"{seed}:articles:{story.label}")
    national = rng.sample(T.NATIONAL_OUTLETS, k=len(T.NATIONAL_OUTLETS))
    outlets = story.local_outlets[:3] + national + story.local_outlets[3:]
    # big stories: outlets come back with follow-ups, as they do; one outlet is still one source
    outlets = [outlets[j % len(outlets)] for j in range(size)]
    has_preview = size >= 3 and rng.random() < 0.35
    wire_reprints = rng.randint(1, min(3, size - 2)) if story.wire and size >= 3 else 0
    spec, out, original = story.spec, [], None
    for j in range(size):
        outlet = outlets[j]
        preview = has_preview and j == 0
        conflicts: list[str] = []
        if preview:
            published: dt.date | None = story.event - dt.timedelta(days=rng.randint(1, 6))
        else:
            published = story.event + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5)))
        if original is not None and j <= original["index"] + wire_reprints:
            # a reprint of the wire original: same paragraphs, new headline, own furniture
            paragraphs = list(original["paragraphs"])
            if rng.random() < 0.6:
                paragraphs.insert(rng.randint(2, len(paragraphs)), _fill(rng.choice(T.GENERIC_EXTRA), story.slots))
            elif len(paragraphs) > 5:
                paragraphs.pop()
            titles = [t for t in spec["titles"] if _fill(t, story.slots) != original["title"]]
            title = _fill(rng.choice(titles), story.slots)
            published = original["published"] + dt.timedelta(days=rng.choice((0, 0, 1)))
            out.append(dict(outlet=outlet, title=title, paragraphs=paragraphs, published=published,
                            status="report", event=original["event"], reprint_of=original["index"],
                            conflicts=original["conflicts"], count=original["count"]))
            continue
        event = story.event
        if j >= 2 and not preview and rng.random() < P_DATE_CONFLICT:
            event = story.event + dt.timedelta(days=rng.choice((-4, -3, 3, 4)))
            conflicts.append("date")
        n_main = story.n_main
        n_words = _hedged(n_main, rng)
        if j >= 2 and n_main >= 40 and rng.random() < P_NUMBER_CONFLICT:
            # lower, never higher: a higher figure would not contradict "more than N" or "at least N"
            n_words = f"{int(n_main * rng.choice((0.5, 0.55, 0.6, 0.65))):,}"
            conflicts.append("number")
        swap = j >= 2 and rng.random() < P_SPEAKER_CONFLICT
        if swap:
            conflicts.append("speaker")
        is_wire = story.wire is not None and original is None and not preview and wire_reprints > 0
        dateline = f"{story.slots['city'].upper()}, {_day_words(published)} ({story.wire})" if is_wire else None
        dated = published if (is_wire or rng.random() >= P_UNDATED) else None
        date_words = _date_words(event, dated, rng, exact="date" in conflicts)
        paragraphs = _body(story, preview=preview, date_words=date_words, n_words=n_words,
                           speaker_swap=swap, dateline=dateline, rng=rng)
        title = _fill(rng.choice(spec["preview_titles" if preview else "titles"]), story.slots)
        record = dict(outlet=outlet, title=title, paragraphs=paragraphs, published=published if dated else None,
                      status="preview" if preview else "report", event=event, reprint_of=None,
                      conflicts=tuple(conflicts), count=n_words)
        if is_wire:
            original = dict(record, index=len(out), published=published)
        out.append(record)
    for record in out:
        record["rng"] = random.Random(rng.getrandbits(64))
    return out


def generate_corpus(n_articles: int, n_stories: int, *, seed: int = 0) -> list[GeneratedArticle]:
    """``n_articles`` articles about ``n_stories`` stories, in a shuffled, deterministic order.

    Story kinds are assigned so every kind in use appears at least twice once there
    are two or more stories: grouping must tell two strikes apart, not strikes from floods.
    """
    if n_stories < 1 or n_articles < n_stories:
        raise ValueError(f"need 1 <= n_stories <= n_articles, got {n_stories} stories for {n_articles} articles")
    rng = random.Random(f"{seed}:corpus")
    kinds = list(T.KINDS)
    in_use = max(1, min(len(kinds), n_stories // 2))
    used_names: set[str] = set()
    used_cities: set[str] = set()
    stories = [_make_story(i, kinds[i % in_use], seed, used_names, used_cities) for i in range(n_stories)]
    drafts: list[tuple[_Story, dict]] = []
    for story, size in zip(stories, _sizes(n_articles, n_stories, rng), strict=True):
        drafts += [(story, record) for record in _story_articles(story, size, seed)]
    order = list(range(len(drafts)))
    rng.shuffle(order)
    filenames = {}
    for position, k in enumerate(order):
        filenames[k] = f"a{position:05d}-{_slug(drafts[k][1]['outlet'])}.txt"
    by_story_index: dict[tuple[str, int], int] = {}
    counters: dict[str, int] = {}
    for k, (story, _record) in enumerate(drafts):
        by_story_index[(story.label, counters.get(story.label, 0))] = k
        counters[story.label] = counters.get(story.label, 0) + 1
    articles: list[GeneratedArticle] = []
    for k in order:
        story, record = drafts[k]
        text = _render(record["outlet"], record["title"], record["paragraphs"], record["published"],
                       story.slots, record["rng"])
        reprint = record["reprint_of"]
        articles.append(GeneratedArticle(
            filename=filenames[k],
            text=text,
            story=story.label,
            published=record["published"].isoformat() if record["published"] else None,
            outlet=record["outlet"],
            title=record["title"],
            kind=story.kind,
            status=record["status"],
            event_date=record["event"].isoformat(),
            reprint_of=filenames[by_story_index[(story.label, reprint)]] if reprint is not None else None,
            conflicts=record["conflicts"],
            place=story.slots["city"],
            count=record["count"],
        ))
    return articles


def write_corpus(directory: str | Path, n_articles: int, n_stories: int, seed: int = 0) -> list[GeneratedArticle]:
    """Write the corpus as one .txt file per article, plus ``labels.tsv`` with the ground truth.

    The labels file sits beside the articles but is not an article: readers that ingest a
    whole folder should pass the ``*.txt`` files rather than the folder.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    articles = generate_corpus(n_articles, n_stories, seed=seed)
    for article in articles:
        (folder / article.filename).write_text(article.text, encoding="utf-8")
    rows = ["filename\tstory\tkind\tstatus\tpublished\tevent_date\treprint_of\tconflicts"]
    rows += [
        "\t".join((a.filename, a.story, a.kind, a.status, a.published or "", a.event_date,
                   a.reprint_of or "", ",".join(a.conflicts)))
        for a in articles
    ]
    (folder / "labels.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = generate_corpus(args.articles, args.stories, seed=args.seed)
    generated = time.perf_counter() - started
    write_corpus(args.out_dir, args.articles, args.stories, seed=args.seed)
    words = sum(len(a.text.split()) for a in articles)
    print(f"wrote {len(articles)} articles ({words:,} words) in {len({a.story for a in articles})} stories "
          f"to {args.out_dir}; generating took {generated:.2f} s")


if __name__ == "__main__":
    main()
