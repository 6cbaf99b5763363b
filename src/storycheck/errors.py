"""Narrow exceptions raised by the library; only the CLI and the web layer turn them into messages."""

from __future__ import annotations


class StorycheckError(Exception):
    """Base class: anything storycheck itself reports as a failure."""


class IngestError(StorycheckError):
    """A source could not be read (missing, unreachable, binary, too large, ...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(IngestError):
    """An HTTP fetch failed; ``status`` (None when no response came) lets the watcher back off."""

    def __init__(self, source: str, reason: str, *, status: int | None = None, retry_after: str | None = None) -> None:
        super().__init__(source, reason)
        self.status = status
        self.retry_after = retry_after


class CleanError(StorycheckError):
    """A document was read but holds no article text worth keeping."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(StorycheckError):
    """The database could not be opened, migrated or written."""


class SettingsError(StorycheckError):
    """A settings file or value is invalid."""


class MissingDependencyError(StorycheckError):
    """An optional component is not installed; the message says what to install."""
