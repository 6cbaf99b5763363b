"""The mutable working record both readers (plain text, HTML) fill in before the Article is built."""

from __future__ import annotations

from dataclasses import dataclass, field

from storycheck.model import Comment, RemovedLine


@dataclass(slots=True)
class Block:
    """One unit of the body in reading order: a paragraph, a heading, or a list."""

    kind: str  # "p" | "h" | "list"
    text: str


@dataclass(slots=True)
class Draft:
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None  # the site name the page declares
    site_name: str | None = None  # the name printed above a scraped page's menu
    footer_owner: str | None = None  # the copyright holder named in the footer, the last resort
    comments: list[Comment] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # section labels seen at the top: "opinion", "analysis"

    def remove(self, text: str, reason: str) -> None:
        self.removed.append(RemovedLine(text=text, reason=reason))
