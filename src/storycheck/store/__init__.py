"""Store: SQLite persistence with numbered migrations; every article written in one transaction.

``from storycheck.store import Store``; ``with Store.open("news.db") as store: ...``
"""

from __future__ import annotations

from storycheck.store.sqlite import Store

__all__ = ["Store"]
