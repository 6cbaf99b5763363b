"""Article ids: short, stable across runs, safe in claim ids ("<article>:c3") and URLs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

MAX_ID = 64
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def slug(text: str, *, max_len: int = MAX_ID) -> str:
    """ASCII slug keeping case, so a file's id is the name its owner recognises."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("-", ascii_text).strip("-._")
    return cleaned[:max_len].rstrip("-._")


def short_hash(text: str | bytes, n: int = 8) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:n]


def file_id(stem: str) -> str:
    """The file name without extension, made safe; a hash when nothing safe is left."""
    return slug(stem) or f"doc-{short_hash(stem)}"


def url_id(url: str) -> str:
    """Host plus a path slug; a short hash is added when shortening or the query lost information."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    for suffix in (".html", ".htm", ".php", ".aspx", ".shtml"):
        path = path.removesuffix(suffix)
    base = slug(f"{host}-{path}".replace("/", "-"), max_len=10_000)
    base = re.sub(r"-{2,}", "-", base)
    lossy = bool(parts.query) or len(base) > MAX_ID - 9 or not base
    if not lossy:
        return base
    return f"{base[: MAX_ID - 9].rstrip('-._')}-{short_hash(url)}".lstrip("-")


def unique(candidate: str, taken: set[str], *, salt: str) -> str:
    """``candidate`` unless already taken in this run; then a suffix derived from ``salt`` (stable)."""
    if candidate not in taken:
        return candidate
    alt = f"{candidate[: MAX_ID - 9]}-{short_hash(salt)}"
    n = 2
    while alt in taken:
        alt = f"{candidate[: MAX_ID - 12]}-{short_hash(salt)}-{n}"
        n += 1
    return alt
