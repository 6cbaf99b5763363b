"""Webhook delivery to a real local receiver: JSON bodies, retries with back-off, state kept in the database."""

from __future__ import annotations

import time
from pathlib import Path

from storycheck.model import Alert
from storycheck.store import Store
from storycheck.watch.webhook import WebhookSender

from .helpers import fast_settings
from .receiver import receiving


def _alert(n: int) -> Alert:
    return Alert(
        id=f"contradiction-{n:016x}", kind="contradiction", story="story-1", article=f"art-{n}",
        message=f"contradiction (time): outlet A vs outlet B #{n}", created_at="2026-03-12T10:00:00+00:00", finding=f"f{n}",
    )


def _wait(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_delivers_json_and_marks_delivered(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with Store.open(db) as store, receiving() as receiver:
        sender = WebhookSender(receiver.url, db_path=db, settings=fast_settings())
        sender.start()
        for n in (1, 2):
            store.add_alert(_alert(n))
            sender.submit(_alert(n))
        assert sender.drain(10)
        sender.stop()
        assert receiver.ids() == [_alert(1).id, _alert(2).id]
        body = receiver.bodies[0]
        assert body["schema"] == "storycheck.alert/1" and body["kind"] == "contradiction" and body["story"] == "story-1"
        assert all(a.delivered_at for a in store.alerts())
        assert store.pending_webhook_alerts() == []


def test_failing_receiver_is_retried_with_growing_waits_without_blocking(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with Store.open(db) as store, receiving(fail_first=3) as receiver:
        store.add_alert(_alert(7))
        sender = WebhookSender(receiver.url, db_path=db, settings=fast_settings(webhook_backoff=0.1))
        started = time.monotonic()
        sender.start()  # picks the undelivered alert up from the database
        submitted_in = time.monotonic() - started
        assert submitted_in < 0.5  # start/submit never wait for the network
        assert sender.drain(10)
        elapsed = time.monotonic() - started
        sender.stop()
        assert receiver.attempts == 4 and receiver.ids() == [_alert(7).id]
        assert elapsed >= 0.1 + 0.2 + 0.4 - 0.05  # waits doubled: 0.1, 0.2, 0.4 s
        stored = store.alerts()[0]
        assert stored.delivered_at is not None and stored.attempts == 4


def test_undelivered_alerts_survive_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with Store.open(db) as store:
        store.add_alert(_alert(1))
        store.add_alert(_alert(2))
    # first run: the receiver is down (nothing listens on the port), nothing gets through
    sender = WebhookSender("http://127.0.0.1:9/hook", db_path=db, settings=fast_settings(webhook_backoff=5.0))
    sender.start()
    _wait(lambda: sender.failures >= 2)
    sender.stop()
    with Store.open(db) as store:
        assert [a.attempts for a in store.pending_webhook_alerts()] == [1, 1]
    # next run: the receiver is up, both alerts arrive exactly once
    with receiving() as receiver:
        again = WebhookSender(receiver.url, db_path=db, settings=fast_settings())
        again.start()
        assert again.drain(10)
        again.stop()
        assert sorted(receiver.ids()) == sorted([_alert(1).id, _alert(2).id])
    with Store.open(db) as store:
        assert store.pending_webhook_alerts() == []


def test_gives_up_after_max_attempts(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with Store.open(db) as store, receiving(fail_first=100) as receiver:
        store.add_alert(_alert(3))
        sender = WebhookSender(receiver.url, db_path=db, settings=fast_settings(webhook_backoff=0.01, webhook_max_attempts=3))
        sender.start()
        assert sender.drain(10)
        sender.stop()
        assert receiver.attempts == 3
        assert store.alerts()[0].attempts == 3 and store.alerts()[0].delivered_at is None
        assert store.pending_webhook_alerts(max_attempts=3) == []
