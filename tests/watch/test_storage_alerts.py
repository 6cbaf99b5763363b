"""One-transaction commits, candidate stories by title, and which findings become alerts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storycheck.model import Alert, Article, Finding, RawDocument, Source, Story, StoryVerification
from storycheck.store import Store
from storycheck.watch.alerts import alert_id, alert_line, story_alerts
from storycheck.watch.storage import atomic, candidate_stories, stories_by_id


def _pair(aid: str, title: str, body: str = "The harbour bridge reopened on Tuesday.") -> tuple[RawDocument, Article]:
    source = Source(f"https://news.example/{aid}", "url", "2026-03-03T09:00:00+00:00", aid.ljust(64, "0"), "text/plain", "utf-8")
    raw = RawDocument(id=aid, source=source, content=body, format="text", url=source.location, title=title)
    return raw, Article(id=aid, source=source, body=body, title=title, url=source.location)


def _alert(aid: str) -> Alert:
    return Alert(id=alert_id("new_story", f"s-{aid}"), kind="new_story", story=f"s-{aid}", article=aid, message="new", created_at="2026-03-03T09:00:00+00:00")


def test_atomic_commits_everything_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        raw, art = _pair("a1", "Bridge reopens")
        with pytest.raises(RuntimeError), atomic(store):
            store.save_article(raw, art, None)
            store.mark_entry_seen("https://feed.example/rss", "e1", article="a1")
            store.save_verifications([StoryVerification(Story("s1", "Bridge", ("a1",)))])
            store.add_alert(_alert("a1"))
            raise RuntimeError("crash between the writes")
        assert store.articles() == [] and store.alerts() == [] and store.stories() == []
        assert not store.entry_seen("https://feed.example/rss", "e1")
        with atomic(store):
            store.save_article(raw, art, None)
            store.mark_entry_seen("https://feed.example/rss", "e1", article="a1")
            store.save_verifications([StoryVerification(Story("s1", "Bridge", ("a1",)))])
            assert store.add_alert(_alert("a1"))
            assert not store.add_alert(_alert("a1"))  # the same id twice inside one transaction: kept once
            # another connection sees nothing until the outer commit
            other = sqlite3.connect(db)
            assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
            other.close()
        assert [a.id for a in store.articles()] == ["a1"] and len(store.alerts()) == 1
        assert store.entry_seen("https://feed.example/rss", "e1")
        assert store.integrity_check() == "ok"


def test_candidate_stories_share_title_words(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db") as store:
        stories = []
        for aid, title in [("a1", "Port Aldwen dock strike begins"), ("a2", "Flood waters rise in Millbrook"), ("a3", "Aldwen dockworkers vote")]:
            raw, art = _pair(aid, title, body=f"Body of {aid}.")
            store.save_article(raw, art, None)
        stories = [
            StoryVerification(Story("strike", "Port Aldwen dock strike", ("a1", "a3"))),
            StoryVerification(Story("flood", "Millbrook flood", ("a2",))),
        ]
        store.save_verifications(stories)
        _, new = _pair("a4", "Aldwen strike ends with a deal")
        found = candidate_stories(store, new, None, limit=5)
        assert [s.id for s in found] == ["strike"]
        assert found[0].articles == ("a1", "a3")
        _, unrelated = _pair("a5", "Quarterly earnings beat forecasts")
        assert candidate_stories(store, unrelated, None, limit=5) == []
        assert [s.id for s in stories_by_id(store, ["flood", "missing", "strike"])] == ["flood", "strike"]
        # articles saved later are picked up (the title index reads only the new rows)
        raw, art = _pair("a6", "Quarterly earnings season opens", body="Body of a6.")
        store.save_article(raw, art, None)
        _, earnings = _pair("a7", "Earnings beat forecasts again")
        assert candidate_stories(store, earnings, None, limit=5) == []  # a6 has no story yet
        store.save_verifications([StoryVerification(Story("results", "Company results", ("a6",)))])
        assert [s.id for s in candidate_stories(store, earnings, None, limit=5)] == ["results"]
        assert [s.id for s in candidate_stories(store, new, None, limit=5)] == ["strike"]


def _finding(fid: str, kind: str, claims: tuple[str, ...], field: str = "time") -> Finding:
    return Finding(id=fid, kind=kind, story="s1", field=field, claims=claims, articles=tuple(c.split(":")[0] for c in claims),
                   independent_sources=len(claims), summary=f"{kind} {fid}")


def _verification(*findings: Finding, articles: tuple[str, ...] = ("a1", "a2")) -> StoryVerification:
    return StoryVerification(Story("s1", "Bridge", articles), findings=findings)


def test_a_new_story_alerts_once_with_its_findings() -> None:
    after = _verification(_finding("f1", "contradicted", ("a1:c1", "a2:c3")), _finding("f2", "corroborated", ("a1:c2", "a2:c1")),
                          _finding("f3", "single_source", ("a1:c4",)))
    alerts = story_alerts(None, after, article="a2", now="2026-03-12T00:00:00+00:00")
    assert [a.kind for a in alerts] == ["new_story", "contradiction", "corroborated"]
    assert all(a.article == "a2" and a.story == "s1" for a in alerts)
    again = story_alerts(None, after, article="a2")  # recomputed after a crash: the same ids
    assert [a.id for a in again] == [a.id for a in alerts]
    assert "contradiction" in alert_line(alerts[1]) and alerts[1].id in alert_line(alerts[1])


def test_only_changes_alert() -> None:
    before = _verification(
        _finding("f1", "contradicted", ("a1:c1", "a2:c3")),
        _finding("f2", "corroborated", ("a1:c2", "a2:c1")),
        _finding("f3", "single_source", ("a1:c4",)),
    )
    after = _verification(
        _finding("f9", "contradicted", ("a1:c1", "a2:c3")),  # the same dispute, renumbered: no alert
        _finding("f2", "corroborated", ("a1:c2", "a2:c1", "a3:c1")),  # a known agreement grows: no alert
        _finding("f5", "corroborated", ("a1:c4", "a3:c2")),  # the single-source claim is confirmed
        _finding("f6", "contradicted", ("a1:c1", "a3:c5")),  # a new side disputes a1:c1
        _finding("f7", "contradicted", ("a2:c3", "a3:c7"), field="quantity"),
        articles=("a1", "a2", "a3"),
    )
    alerts = story_alerts(before, after, article="a3")
    assert [(a.kind, a.finding) for a in alerts] == [("corroborated", "f5"), ("contradiction", "f6"), ("contradiction", "f7")]
    assert "single-source claim now corroborated" in alerts[0].message
    assert story_alerts(after, after, article="a3") == []
