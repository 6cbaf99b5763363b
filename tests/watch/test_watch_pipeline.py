"""The watcher end to end over the example story: `storycheck watch --once`, changing feeds, fallbacks.

These file real articles (spaCy claims, story grouping, verification), so they
skip until story grouping (storycheck.verify.stories) is available.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from httpserver import Route, RouteServer, serve

from storycheck.cli import main
from storycheck.store import Store
from storycheck.watch.sources import WatchSource
from storycheck.watch.watcher import Watcher

from .helpers import CONTENT_TYPES, EXAMPLE, example_feed, fast_settings, serve_example

pytestmark = pytest.mark.usefixtures("pipeline_ready")


def _config(tmp_path: Path) -> str:
    path = tmp_path / "watch.toml"
    path.write_text("host_delay = 0.0\nfetch_timeout = 2.0\nwebhook_backoff = 0.1\n", encoding="utf-8")
    return str(path)


def test_watch_once_over_the_example_feed_files_the_story_and_alerts(example_server: RouteServer, tmp_path: Path) -> None:
    """The done-when check: stores every article, forms the story, emits new-story, contradiction and corroboration alerts."""
    db = str(tmp_path / "watch.db")
    feed = example_server.url("/feed.xml")
    runner = CliRunner()
    result = runner.invoke(main, ["watch", feed, "--db", db, "--once", "--config", _config(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("ALERT ")]
    kinds = {ln.split()[1] for ln in lines}
    assert kinds == {"new_story", "contradiction", "corroborated"}
    with Store.open(db) as store:
        articles = store.articles()
        assert len(articles) == 6 and len({a.url for a in articles}) == 6
        assert {a.outlet for a in articles} >= {"Harbour Herald", "Coastline News", "The Bay Gazette"}
        stories = store.stories()
        biggest = max(stories, key=lambda s: len(s.articles))
        assert len(biggest.articles) >= 5  # the strike coverage is one story
        alerts = store.alerts()
        assert len(alerts) == len(lines) and len({a.id for a in alerts}) == len(alerts)
        assert {a.kind for a in alerts if a.story == biggest.id} == {"new_story", "contradiction", "corroborated"}
        contradictions = [a for a in alerts if a.kind == "contradiction"]
        assert all(a.finding for a in contradictions)
        findings = {f.id: f for f in store.verification(biggest.id).findings}  # type: ignore[union-attr]
        assert all(findings[a.finding].kind == "contradicted" for a in contradictions if a.story == biggest.id)  # type: ignore[index]
        assert store.integrity_check() == "ok"
    listed = runner.invoke(main, ["alerts", "--db", db, "--format", "json"])
    assert listed.exit_code == 0
    assert [a["id"] for a in json.loads(listed.stdout)] == [a.id for a in alerts]
    text = runner.invoke(main, ["alerts", "--db", db])
    assert text.stdout.count("ALERT ") == len(alerts)
    # a second pass finds nothing new and repeats nothing
    again = runner.invoke(main, ["watch", feed, "--db", db, "--once", "--config", _config(tmp_path)])
    assert again.exit_code == 0 and "ALERT" not in again.stdout
    with Store.open(db) as store:
        assert len(store.articles()) == 6 and len(store.alerts()) == len(alerts)


UPDATE = (
    "\n\nUpdate, March 12 evening: the union said a recount of the ratification ballot "
    "confirmed the result and that overtime rules would be published next week.\n"
)


def test_new_and_updated_entries_between_polls(tmp_path: Path) -> None:
    with serve() as server:
        serve_example(server, feed_names=["01-harbour", "03-wire"])
        feed = server.url("/feed.xml")
        with Store.open(tmp_path / "w.db") as store:
            lines: list[str] = []
            watcher = Watcher([WatchSource(feed)], store=store, settings=fast_settings(), every=60.0, emit=lines.append,
                              warn=lambda _m: None)
            first = watcher.poll(only_due=False)
            assert first.articles == 2 and len(store.articles()) == 2
            # the feed gains the reprint, and the wire story is updated (new text, new feed date)
            wire = (EXAMPLE / "03-wire-tribune.txt").read_bytes() + UPDATE.encode()
            server.route("/03-wire-tribune.txt", Route(body=wire, headers={"Content-Type": CONTENT_TYPES[".txt"]}))
            updated = example_feed(server, names=["01-harbour", "03-wire", "04-wire"]).replace(
                b"Thu, 12 Mar 2026 12:40:00", b"Thu, 12 Mar 2026 19:05:00"
            )
            server.route("/feed.xml", Route(body=updated, headers={"Content-Type": CONTENT_TYPES[".xml"]}))
            second = watcher.poll(only_due=False)
            assert second.articles == 2  # the reprint and the new version of the wire story
            articles = store.articles()
            assert len(articles) == 3 and len({a.id for a in articles}) == 3
            wire_article = next(a for a in articles if "wire-tribune" in a.id)
            assert "recount of the ratification ballot" in wire_article.body
            claims = store.claims(wire_article.id)
            assert any("recount" in c.text for c in claims)  # the new text was extracted, not the stored claims reused
            ids = [a.id for a in store.alerts()]
            assert len(ids) == len(set(ids)) and len(lines) == len(ids)
            # the unchanged first article was not fetched again
            paths = [p for _, p, _ in server.requests]
            assert paths.count("/01-harbour-herald-preview.txt") == 1
            assert paths.count("/03-wire-tribune.txt") == 2
            third = watcher.poll(only_due=False)
            assert third.articles == 0 and third.alerts == []


FEED_TEXT = (
    "<p>Crane crews at Port Aldwen returned to work on Wednesday morning, a day after the dock strike ended "
    "with a deal reached at City Hall, the terminal operator Greyhaven Terminals said.</p>"
    "<p>The company said the first container ships would be unloaded by Thursday and that the backlog of "
    "about 40 vessels waiting offshore would take two weeks to clear.</p>"
)


def test_unreachable_page_falls_back_to_the_feed_text(tmp_path: Path) -> None:
    with serve() as server:
        item = (
            f"<item><title>Cranes move again at Port Aldwen</title><link>{server.url('/down.html')}</link>"
            f"<guid>down-1</guid><pubDate>Wed, 11 Mar 2026 10:00:00 +0000</pubDate>"
            f"<description><![CDATA[{FEED_TEXT}]]></description></item>"
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>{item}</channel></rss>'
        server.route("/feed.xml", Route(body=feed.encode(), headers={"Content-Type": "application/rss+xml"}))
        server.route("/down.html", Route(status=502, body=b"bad gateway", headers={"Content-Type": "text/plain"}))
        with Store.open(tmp_path / "w.db") as store:
            watcher = Watcher([WatchSource(server.url("/feed.xml"), "Port Wire")], store=store, settings=fast_settings(),
                              every=60.0, emit=lambda _l: None, warn=lambda _m: None)
            summary = watcher.poll(only_due=False)
            assert summary.articles == 1
            (article,) = store.articles()
            assert "Crane crews at Port Aldwen returned to work" in article.body
            assert article.source.kind == "feed" and article.outlet == "Port Wire"
            assert article.title == "Cranes move again at Port Aldwen"
            assert [a.kind for a in store.alerts()] == ["new_story"]


def test_an_article_url_is_watched_with_conditional_get(tmp_path: Path) -> None:
    page = (EXAMPLE / "05-city-radio.txt").read_bytes()

    def respond(headers: dict[str, str]) -> Route:
        if headers.get("if-modified-since") == "Thu, 12 Mar 2026 09:00:00 GMT":
            return Route(status=304, body=b"")
        return Route(body=page, headers={"Content-Type": "text/plain; charset=utf-8", "Last-Modified": "Thu, 12 Mar 2026 09:00:00 GMT"})

    with serve() as server:
        server.route("/05-city-radio.txt", respond)
        url = server.url("/05-city-radio.txt")
        with Store.open(tmp_path / "w.db") as store:
            watcher = Watcher([WatchSource(url, "Aldwen City Radio")], store=store, settings=fast_settings(), every=60.0,
                              emit=lambda _l: None, warn=lambda _m: None)
            assert watcher.poll(only_due=False).articles == 1
            assert watcher.poll(only_due=False).not_modified == 1
            assert len(store.articles()) == 1
            assert store.articles()[0].outlet == "Aldwen City Radio"


FLOOD = """River Tolley bursts its banks in Wenmoor

By Staff Reporter

WENMOOR - The River Tolley burst its banks on Saturday night after two days of heavy rain, flooding about 300 homes in the lower town, the county council said on Sunday.

Emergency crews evacuated residents of Mill Lane and Ferry Row by boat. Council leader Priya Okafor said the rest centre at Wenmoor Academy would stay open until the water receded.

The Environment Agency said river levels had peaked at 4.2 metres, the highest since records began in 1968.
"""


def test_only_the_story_an_article_joins_is_read_and_verified(tmp_path: Path) -> None:
    from storycheck.watch.incremental import file_article

    with serve() as server:
        feed = serve_example(server, feed_names=["01-harbour", "03-wire"])
        server.route("/flood.txt", Route(body=FLOOD.encode(), headers={"Content-Type": CONTENT_TYPES[".txt"]}))
        with Store.open(tmp_path / "w.db") as store:
            watcher = Watcher([WatchSource(feed), WatchSource(server.url("/flood.txt"), "Wenmoor Echo")], store=store,
                              settings=fast_settings(), every=60.0, emit=lambda _l: None, warn=lambda _m: None)
            assert watcher.poll(only_due=False).articles == 3
            stories = store.stories()
            flood = next(s for s in stories if any("flood" in a for a in s.articles))
            strike = next(s for s in stories if s.id != flood.id)
            assert len(stories) == 2 and len(strike.articles) == 2
            flood_row = store._rows("SELECT seq, fingerprint FROM stories WHERE id = ?", (flood.id,))[0]

            # file the wire reprint by hand, recording every article the store is asked for
            from storycheck.clean import clean
            from storycheck.ingest.fetch import fetch_url

            from storycheck.watch.watcher import _documents

            page = fetch_url(server.url("/04-wire-reprint-daily.txt"), settings=fast_settings())
            raw = next(d for d in _documents(page, settings=fast_settings()))
            article = clean(raw)  # type: ignore[arg-type]
            read: list[str] = []
            original = store.article

            def spy(aid: str):  # type: ignore[no-untyped-def]
                read.append(aid)
                return original(aid)

            store.article = spy  # type: ignore[method-assign]
            change = file_article(store, article, settings=fast_settings())
            store.article = original  # type: ignore[method-assign]
            assert [v.story.id for v in change.verifications] == [strike.id]
            assert set(change.verifications[0].story.articles) == {*strike.articles, article.id}
            assert not any(aid in flood.articles for aid in read)  # the other story was never loaded
            assert flood_row == store._rows("SELECT seq, fingerprint FROM stories WHERE id = ?", (flood.id,))[0]
