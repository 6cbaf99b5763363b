"""Story grouping on short articles written for these tests, with entities from the real claims stage.

Two prison escapes (Vermont, Oregon) share every topical word; they must stay
two stories while the reports of each escape form one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storycheck.model import Article, Extraction, Source, Story
from storycheck.settings import Settings
from storycheck.verify.similarity import Weights
from storycheck.verify.stories import article_features, group_stories, story_anchor, story_id, text_features
from storycheck.verify.story_index import StoryIndex

DATA = Path(__file__).resolve().parent.parent / "data" / "verify" / "stories"
RIDGEMONT = ("escape_ridgemont_1", "escape_ridgemont_2", "escape_ridgemont_3")
ALDER = ("escape_alder_1", "escape_alder_2")


def load_article(path: Path) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    source = Source(location=str(path), kind="file", fetched_at="2026-08-01T00:00:00+00:00", sha256=path.stem)
    return Article(
        id=path.stem,
        source=source,
        body=data["body"],
        title=data["title"],
        outlet=data["outlet"],
        published=data["published"],
    )


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def articles() -> dict[str, Article]:
    return {p.stem: load_article(p) for p in sorted(DATA.glob("*.json"))}


@pytest.fixture(scope="session")
def extractions(articles: dict[str, Article], settings: Settings) -> dict[str, Extraction]:
    from storycheck.claims import extract_claims

    return {ex.article: ex for ex in extract_claims(list(articles.values()), settings=settings)}


def groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


@pytest.mark.parametrize("embedding_model", ["bundled", "none"])
def test_same_event_together_same_kind_apart(
    articles: dict[str, Article], extractions: dict[str, Extraction], embedding_model: str
) -> None:
    settings = Settings(embedding_model=embedding_model)
    stories = group_stories(list(articles.values()), extractions, settings=settings)
    assert groups(stories) == {
        frozenset(RIDGEMONT),
        frozenset(ALDER),
        frozenset({"quake_1"}),
        frozenset({"undated_1", "undated_2"}),
    }


def test_ids_titles_and_order_do_not_depend_on_input_order(
    articles: dict[str, Article], extractions: dict[str, Extraction], settings: Settings
) -> None:
    forward = group_stories(list(articles.values()), extractions, settings=settings)
    backward = group_stories(list(reversed(articles.values())), extractions, settings=settings)
    assert sorted(forward, key=lambda s: s.id) == sorted(backward, key=lambda s: s.id)
    ridgemont = next(s for s in forward if "escape_ridgemont_1" in s.articles)
    # oldest report first; the id derives from it
    assert ridgemont.articles == RIDGEMONT
    assert ridgemont.id == story_id("escape_ridgemont_1")
    assert ridgemont.title in {articles[a].title for a in RIDGEMONT}
    assert ridgemont.event_date is None


def test_incremental_add_joins_the_right_story_and_keeps_ids(
    articles: dict[str, Article], extractions: dict[str, Extraction], settings: Settings
) -> None:
    first = [articles[a] for a in ("escape_ridgemont_1", "escape_ridgemont_2", "escape_alder_1", "quake_1")]
    existing = group_stories(first, extractions, settings=settings)
    assert groups(existing) == {
        frozenset({"escape_ridgemont_1", "escape_ridgemont_2"}),
        frozenset({"escape_alder_1"}),
        frozenset({"quake_1"}),
    }
    # an unrelated stored story whose articles are not passed in comes back untouched
    stored = Story("s-stored", "Council approves new library budget", ("old-article",), "2025-11-02")
    later = group_stories(list(articles.values()), extractions, settings=settings, existing=[*existing, stored])
    by_id = {s.id: s for s in later}
    for old in existing:
        assert old.id in by_id, "existing story ids must survive"
        assert by_id[old.id].articles[: len(old.articles)] == old.articles
        assert by_id[old.id].title == old.title
    assert by_id["s-stored"] == stored
    ridgemont = next(s for s in existing if "escape_ridgemont_1" in s.articles)
    alder = next(s for s in existing if "escape_alder_1" in s.articles)
    assert by_id[ridgemont.id].articles == RIDGEMONT
    assert by_id[alder.id].articles == ALDER
    created = [s for s in later if s.id not in {o.id for o in existing} | {"s-stored"}]
    assert groups(created) == {frozenset({"undated_1", "undated_2"})}
    # nothing new: the existing stories come back as they are
    assert group_stories(first, extractions, settings=settings, existing=existing) == existing


def test_existing_stories_are_never_merged(
    articles: dict[str, Article], extractions: dict[str, Extraction], settings: Settings
) -> None:
    # the same event split over two stored stories stays split; the new report joins one of them
    a = Story("s-a", "Ridgemont escape", ("escape_ridgemont_1",))
    b = Story("s-b", "Ridgemont manhunt", ("escape_ridgemont_2",))
    arts = [articles[x] for x in RIDGEMONT]
    stories = group_stories(arts, extractions, settings=settings, existing=[a, b])
    assert {s.id for s in stories} == {"s-a", "s-b"}
    assert sum("escape_ridgemont_3" in s.articles for s in stories) == 1


def test_story_anchor_prefers_publication_then_explicit_date(
    articles: dict[str, Article], extractions: dict[str, Extraction], settings: Settings
) -> None:
    stories = group_stories(list(articles.values()), extractions, settings=settings)
    undated = next(s for s in stories if "undated_1" in s.articles)
    # neither article has a publication date; both name February 3, 2026, one also April 9, 2019
    assert story_anchor(undated, articles, extractions) == "2026-02-03"
    ridgemont = next(s for s in stories if "escape_ridgemont_1" in s.articles)
    assert story_anchor(ridgemont, articles, extractions) == "2026-03-07"  # the latest report's date
    preview = replace(articles["escape_ridgemont_3"], status="preview", published="2026-03-20")
    mixed = {**articles, "escape_ridgemont_3": preview}
    assert story_anchor(ridgemont, mixed, extractions) == "2026-03-05"  # reports win over a preview


def test_story_anchor_none_without_dates(articles: dict[str, Article]) -> None:
    bare = replace(articles["quake_1"], published=None)
    story = Story("s-x", "quake", ("quake_1",))
    assert story_anchor(story, {"quake_1": bare}, {"quake_1": Extraction("quake_1")}) is None


def test_story_index_streams_to_the_same_groups(
    articles: dict[str, Article], extractions: dict[str, Extraction], settings: Settings
) -> None:
    ordered = sorted(articles.values(), key=lambda a: (a.published or "9999", a.id))
    feats = article_features(ordered, extractions, embedding_model="bundled")
    index = StoryIndex(threshold=float(settings.story_threshold), weights=Weights())
    ids = [index.add(f) for f in feats]
    assert {frozenset(v) for v in index.stories.values()} == {
        frozenset(RIDGEMONT),
        frozenset(ALDER),
        frozenset({"quake_1"}),
        frozenset({"undated_1", "undated_2"}),
    }
    assert ids[0] == story_id(ordered[0].id)
    assert index.add(feats[0]) == ids[0]  # adding again changes nothing
    assert len(index) == 4


def test_seed_articles_form_one_story(seeds_dir: Path, settings: Settings) -> None:
    """The five real scraped reports and previews of one White House meeting are one story."""
    from storycheck.claims import extract_claims
    from storycheck.pipeline import read_and_clean

    pairs, failures = read_and_clean([str(p) for p in sorted(seeds_dir.glob("*.txt"))], settings=settings)
    assert not failures
    seeds = [a for _, a in pairs]
    known = {ex.article: ex for ex in extract_claims(seeds, settings=settings)}
    stories = group_stories(seeds, known, settings=settings)
    assert len(stories) == 1
    assert set(stories[0].articles) == {a.id for a in seeds}
    assert stories[0].title in {a.title for a in seeds if a.title}


def test_story_index_on_plain_text(articles: dict[str, Article]) -> None:
    """The watcher-facing path: plain text in, story ids out, no claims stage needed."""
    index = StoryIndex(threshold=0.2)
    ids = {
        aid: index.add(text_features(aid, articles[aid].body, title=articles[aid].title, published=articles[aid].published))
        for aid in (*RIDGEMONT, *ALDER)
    }
    assert len({ids[a] for a in RIDGEMONT}) == 1
    assert len({ids[a] for a in ALDER}) == 1
    assert ids["escape_ridgemont_1"] != ids["escape_alder_1"]
