"""Webhook delivery: alerts POSTed as JSON from a background thread, retried with back-off.

Polling never waits on a webhook: the watcher hands an alert over with ``submit``
and goes on. Delivery state lives in the database (``delivered_at``, ``attempts``),
so alerts a crash or a dead receiver left undelivered are sent on the next start.
Delivery is at least once: a crash between the receiver's 2xx and our
``delivered_at`` write resends that alert, so receivers should dedupe on ``id``.
"""

from __future__ import annotations

import heapq
import json
import threading
import time
from collections.abc import Callable

from storycheck.errors import StoreError
from storycheck.model import Alert
from storycheck.settings import Settings
from storycheck.store import Store
from storycheck.watch.alerts import alert_payload

Log = Callable[[str], None]


class WebhookSender:
    """One background thread delivering alerts to one URL.

    ``start()`` also queues every alert the database holds as undelivered (and not
    yet past ``webhook_max_attempts``); ``drain(timeout)`` waits for the queue to
    empty; ``stop()`` ends the thread, leaving what is left for the next run.
    """

    def __init__(self, url: str, *, db_path: str, settings: Settings, log: Log | None = None) -> None:
        self.url = url
        self.db_path = db_path
        self.settings = settings
        self._log = log or (lambda _message: None)
        self._queue: list[tuple[float, int, Alert]] = []  # (due, order, alert)
        self._order = 0
        self._busy = 0  # deliveries in flight
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="storycheck-webhook", daemon=True)
        self.delivered = 0
        self.failures = 0

    def start(self) -> None:
        with Store.open(self.db_path) as store:
            pending = store.pending_webhook_alerts(max_attempts=int(self.settings.webhook_max_attempts))
        for alert in pending:
            self.submit(alert)
        self._thread.start()

    def submit(self, alert: Alert, *, delay: float = 0.0) -> None:
        with self._cond:
            self._order += 1
            heapq.heappush(self._queue, (time.monotonic() + delay, self._order, alert))
            self._cond.notify()

    def pending(self) -> int:
        with self._cond:
            return len(self._queue) + self._busy

    def drain(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every queued alert to be delivered or given up."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.1))
        return True

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=float(self.settings.webhook_timeout) + 1.0)

    def _run(self) -> None:
        import httpx

        with httpx.Client(timeout=float(self.settings.webhook_timeout)) as client, Store.open(self.db_path) as store:
            while True:
                with self._cond:
                    while not self._stopping and (not self._queue or self._queue[0][0] > time.monotonic()):
                        wait = self._queue[0][0] - time.monotonic() if self._queue else None
                        self._cond.wait(wait)
                    if self._stopping:
                        return
                    _, _, alert = heapq.heappop(self._queue)
                    self._busy += 1
                try:
                    self._deliver(client, store, alert)
                finally:
                    with self._cond:
                        self._busy -= 1
                        self._cond.notify_all()

    def _deliver(self, client: object, store: Store, alert: Alert) -> None:
        import httpx

        assert isinstance(client, httpx.Client)
        body = json.dumps(alert_payload(alert), ensure_ascii=False).encode("utf-8")
        try:
            response = client.post(self.url, content=body, headers={"Content-Type": "application/json"})
            ok = 200 <= response.status_code < 300
            reason = f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok = False
            reason = f"{type(exc).__name__}: {exc}"
        try:
            if ok:
                store.mark_delivered(alert.id)
                self.delivered += 1
                return
            attempts = store.record_delivery_failure(alert.id)
        except StoreError as exc:
            self._log(f"webhook: cannot record delivery of {alert.id}: {exc}")
            attempts = alert.attempts + 1
        self.failures += 1
        limit = int(self.settings.webhook_max_attempts)
        if attempts >= limit:
            self._log(f"webhook {self.url}: giving up on alert {alert.id} after {attempts} attempts ({reason})")
            return
        delay = min(float(self.settings.webhook_backoff) * 2 ** max(attempts - 1, 0), float(self.settings.webhook_max_backoff))
        self._log(f"webhook {self.url}: alert {alert.id} not delivered ({reason}); retry in {delay:g} s")
        self.submit(alert, delay=delay)
