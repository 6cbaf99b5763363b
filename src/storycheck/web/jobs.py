"""Background jobs for articles added from the web: queued -> reading -> extracting -> verifying -> done/failed.

One worker thread runs them in order: claim extraction is CPU-bound and the
database has one writer, so parallel jobs would only contend. The job table is
kept in memory; it is a progress display, not a record (the store is the record).
"""

from __future__ import annotations

import datetime as _dt
import queue
import secrets
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

STATES = ("queued", "reading", "extracting", "verifying", "done", "failed")
MAX_JOBS_KEPT = 1000


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class Submission:
    """What a user handed in: pasted text, an uploaded file, or a URL."""

    kind: str  # "paste" | "upload" | "url"
    data: bytes = b""
    filename: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    page_url: str | None = None  # where a pasted article was published, shown as its link

    @property
    def label(self) -> str:
        if self.kind == "url":
            return self.url or "URL"
        if self.kind == "upload":
            return self.filename or "upload"
        return self.title or "pasted text"


@dataclass(slots=True)
class Job:
    id: str
    kind: str
    label: str
    status: str = "queued"
    reason: str | None = None
    created_at: str = field(default_factory=_now)
    updated_at: str = field(default_factory=_now)
    articles: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        page = None
        if self.status == "done":
            page = f"/articles/{self.articles[0]}" if self.articles else "/"
        return {
            "id": self.id, "kind": self.kind, "label": self.label, "status": self.status, "reason": self.reason,
            "created_at": self.created_at, "updated_at": self.updated_at, "articles": list(self.articles),
            "stories": list(self.stories), "warnings": list(self.warnings),
            "links": {"self": f"/api/jobs/{self.id}", "status_page": f"/jobs/{self.id}", "page": page},
        }


class JobFailed(Exception):
    """A job cannot go on; ``reason`` is the one line the status page shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Processor = Callable[[Job, Submission, Callable[[str], None]], None]


class JobQueue:
    """Jobs run one at a time on a daemon thread; status reads are lock-protected snapshots."""

    def __init__(self, process: Processor) -> None:
        self._process = process
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, Submission] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="storycheck-jobs", daemon=True)
        self._thread.start()

    def submit(self, submission: Submission) -> Job:
        job = Job(id=secrets.token_hex(8), kind=submission.kind, label=submission.label)
        with self._lock:
            self._jobs[job.id] = job
            if len(self._jobs) > MAX_JOBS_KEPT:  # forget the oldest finished jobs
                for old in [j for j in self._jobs.values() if j.status in ("done", "failed")][: len(self._jobs) - MAX_JOBS_KEPT]:
                    del self._jobs[old.id]
        self._queue.put((job, submission))
        return job

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.as_dict() if job else None

    def _set(self, job: Job, status: str, reason: str | None = None) -> None:
        with self._lock:
            job.status = status
            job.reason = reason
            job.updated_at = _now()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, submission = item
            try:
                self._process(job, submission, lambda status, job=job: self._set(job, status))  # type: ignore[misc]
            except JobFailed as exc:
                self._set(job, "failed", exc.reason)
            except Exception as exc:  # a bug must not kill the worker; the job says what broke
                traceback.print_exc()
                self._set(job, "failed", f"internal error: {type(exc).__name__}: {exc}")
            else:
                self._set(job, "done")

    def close(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)
