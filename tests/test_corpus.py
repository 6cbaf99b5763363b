"""The generated benchmark corpus (bench/corpus.py) is deterministic and labelled truthfully.

Benchmarks for grouping, verification and the watcher score against these labels,
so the labels must say what the text does: a reprint really copies its original, a
planted date conflict really gives another day, stories of one kind really exist.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from corpus import GeneratedArticle, generate_corpus, write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus() -> list[GeneratedArticle]:
    return generate_corpus(600, 30, seed=3)


def by_story(articles: list[GeneratedArticle]) -> dict[str, list[GeneratedArticle]]:
    groups: dict[str, list[GeneratedArticle]] = defaultdict(list)
    for article in articles:
        groups[article.story].append(article)
    return groups


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first, again = generate_corpus(120, 8, seed=11), generate_corpus(120, 8, seed=11)
    assert first == again
    other = generate_corpus(120, 8, seed=12)
    assert [a.text for a in other] != [a.text for a in first]


def test_counts_and_labels(corpus: list[GeneratedArticle]) -> None:
    assert len(corpus) == 600
    groups = by_story(corpus)
    assert len(groups) == 30
    assert all(len(members) >= 1 for members in groups.values())
    assert len({a.filename for a in corpus}) == 600
    assert len({a.text for a in corpus}) == 600, "no two articles are identical, reprints included"
    for label, members in groups.items():
        assert label.endswith("-" + members[0].kind)
        assert {a.kind for a in members} == {members[0].kind}


@pytest.mark.parametrize(("n_articles", "n_stories"), [(1, 1), (5, 5), (40, 3), (1000, 50)])
def test_exact_sizes(n_articles: int, n_stories: int) -> None:
    articles = generate_corpus(n_articles, n_stories)
    assert len(articles) == n_articles
    assert len({a.story for a in articles}) == n_stories


def test_rejects_impossible_sizes() -> None:
    with pytest.raises(ValueError, match="n_stories"):
        generate_corpus(3, 5)
    with pytest.raises(ValueError):
        generate_corpus(3, 0)


def test_every_kind_in_use_has_at_least_two_stories(corpus: list[GeneratedArticle]) -> None:
    stories_per_kind = Counter(label.split("-", 1)[1] for label in by_story(corpus))
    assert len(stories_per_kind) >= 5
    assert min(stories_per_kind.values()) >= 2


def test_each_story_has_its_own_town(corpus: list[GeneratedArticle]) -> None:
    """Two strikes must differ in facts: each story's invented town is its own, and is named."""
    places = {label: {a.place for a in members} for label, members in by_story(corpus).items()}
    assert all(len(p) == 1 for p in places.values())
    assert len({next(iter(p)) for p in places.values()}) == len(places)
    for article in corpus:
        assert article.place in article.text


def test_unconflicted_articles_agree_on_the_event_date(corpus: list[GeneratedArticle]) -> None:
    for members in by_story(corpus).values():
        clean = {a.event_date for a in members if "date" not in a.conflicts}
        assert len(clean) == 1
        for article in members:
            if "date" in article.conflicts:
                assert article.event_date not in clean


def test_date_conflicts_state_their_own_date(corpus: list[GeneratedArticle]) -> None:
    import datetime as dt

    months = ("January February March April May June July August September October November December").split()
    conflicted = [a for a in corpus if "date" in a.conflicts and a.reprint_of is None]
    assert conflicted, "the corpus plants date conflicts"
    for article in conflicted:
        day = dt.date.fromisoformat(article.event_date)
        assert f"{months[day.month - 1]} {day.day}" in article.text


def count_interval(words: str) -> tuple[float, float]:
    """What a worded count allows, read the way the verify stage should read hedges."""
    *hedge, number = words.lower().split()
    value = float(number.replace(",", ""))
    return {
        "about": (0.9 * value, 1.1 * value), "some": (0.9 * value, 1.1 * value),
        "more than": (value, float("inf")), "at least": (value, float("inf")),
        "nearly": (0.9 * value, value), "": (value, value),
    }[" ".join(hedge)]


def test_every_article_words_the_main_number(corpus: list[GeneratedArticle]) -> None:
    for article in corpus:
        assert article.count and article.count.lower() in article.text.lower(), article.filename


def test_number_conflicts_contradict_someone_and_the_rest_agree(corpus: list[GeneratedArticle]) -> None:
    conflicted = 0
    for members in by_story(corpus).values():
        honest = [count_interval(a.count) for a in members if "number" not in a.conflicts]
        common = (max(lo for lo, _ in honest), min(hi for _, hi in honest))
        assert common[0] <= common[1], "unconflicted wordings of one number always overlap"
        for article in members:
            if "number" in article.conflicts:
                conflicted += 1
                value = count_interval(article.count)[0]
                assert any(not lo <= value <= hi for lo, hi in honest), article.filename
    assert conflicted >= 5


def test_reprints_copy_their_wire_original(corpus: list[GeneratedArticle]) -> None:
    by_name = {a.filename: a for a in corpus}
    reprints = [a for a in corpus if a.reprint_of]
    assert reprints, "the corpus plants wire reprints"
    for copy in reprints:
        original = by_name[copy.reprint_of]
        assert original.story == copy.story and original.reprint_of is None
        assert copy.title != original.title
        dateline = next(ln for ln in original.text.splitlines() if "(" in ln and ") - " in ln)
        assert dateline in copy.text
        # body paragraphs only: not the headline, comments (indented) or the outlet's own footer
        original_lines = {ln for ln in original.text.splitlines()
                          if len(ln) > 60 and not ln[0].isspace() and original.outlet not in ln
                          and ln != original.title}
        copy_lines = set(copy.text.splitlines())
        assert len(original_lines & copy_lines) >= 0.7 * len(original_lines), copy.filename


def test_scraped_shapes_occur(corpus: list[GeneratedArticle]) -> None:
    texts = [a.text for a in corpus]
    for furniture in ("Listen to the article\n\n0:00\n0:00", "Leave A Reply", " Comments\n", "\u00a9 20",
                      "Advertisement", "Imagen: Facebook", "\n-\n", "Share"):
        assert sum(furniture in t for t in texts) >= 5, furniture
    assert any("\u2022 " in t for t in texts), "indented bullet replies"
    assert sum(a.published is None for a in corpus) >= 20, "some articles carry no date"
    assert sum(a.status == "preview" for a in corpus) >= 3


def test_articles_are_multi_paragraph_news(corpus: list[GeneratedArticle]) -> None:
    for article in corpus:
        words = len(article.text.split())
        assert 80 <= words <= 1200, (article.filename, words)
        assert article.title in article.text


def test_write_corpus_and_script(tmp_path: Path) -> None:
    written = write_corpus(tmp_path / "lib", 30, 4, seed=5)
    files = sorted(p.name for p in (tmp_path / "lib").glob("*.txt"))
    assert files == sorted(a.filename for a in written)
    labels = (tmp_path / "lib" / "labels.tsv").read_text(encoding="utf-8").splitlines()
    assert len(labels) == 31 and labels[0].startswith("filename\tstory")

    done = subprocess.run([sys.executable, str(BENCH / "corpus.py"), str(tmp_path / "cli"),
                           "--articles", "30", "--stories", "4", "--seed", "5"],
                          capture_output=True, text=True, check=True)
    assert "wrote 30 articles" in done.stdout
    for article in written:
        assert (tmp_path / "cli" / article.filename).read_text(encoding="utf-8") == article.text
