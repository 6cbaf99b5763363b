"""Watch: poll feeds and article URLs, verify incrementally, raise durable alerts.

``storycheck watch`` (``watch.cli``) runs ``watch.watcher.Watcher``: sources come
from ``watch.sources``, requests go through ``watch.polite`` (per-host spacing,
robots.txt), each new article is filed by ``watch.incremental.file_article``
(only the stories it touches are read and re-verified), alerts are decided by
``watch.alerts`` and delivered by ``watch.webhook``. ``watch.storage`` holds the
one-transaction commit and the store reads the watcher needs. Nothing here is
imported by ``storycheck --help``.
"""
