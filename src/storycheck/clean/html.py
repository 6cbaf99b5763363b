"""HTML -> Draft through trafilatura, then the same line rules as plain text.

trafilatura finds the main content and the metadata (title, author, date, site
name); its XML tree keeps paragraphs, headings and lists apart, which plain text
output would flatten. Comment threads are read from the page's own comment markup
when it has the common WordPress/Disqus-like structure (author and nesting are
kept), else from trafilatura's comment text (one comment per paragraph).
trafilatura is imported here, lazily, because it takes ~0.5 s to import.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storycheck.clean import furniture as F
from storycheck.clean.comments import is_timestamp
from storycheck.clean.draft import Block, Draft
from storycheck.clean.metadata import clean_author, copyright_owner, parse_date, yearless_date
from storycheck.clean.text import _has_prose_after, normalise
from storycheck.model import Comment

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SPACES = re.compile(r"\s+")


def _text(el: object) -> str:
    return _SPACES.sub(" ", "".join(el.itertext())).strip()  # type: ignore[attr-defined]


def read_html(html: str, *, url: str | None = None, fetched_at: str = "", title_hint: str | None = None) -> Draft:
    """Parse an HTML page into a Draft. Raises ValueError when the page has no parsable tree."""
    import trafilatura
    from lxml import html as lxml_html

    draft = Draft()
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=True,
        with_metadata=True,
        include_formatting=True,
        include_tables=True,
        favor_recall=False,
    )
    if doc is None:
        return draft
    draft.title = (doc.title or "").strip() or None
    draft.author = clean_author(doc.author)
    draft.published = parse_date(doc.date) if doc.date else None
    draft.outlet = (doc.sitename or "").strip() or None
    for category in doc.categories or []:
        label = F.section_label(str(category))
        if label is not None:
            draft.labels.append(label)  # <meta property="article:section" content="Opinion">
    if doc.body is not None:
        _read_tree(doc.body, draft, fetched_at=fetched_at, title_hint=title_hint)
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError):
        tree = None
    comments = _markup_comments(tree) if tree is not None else []
    if not comments and doc.commentsbody is not None:
        comments = [
            Comment(id=f"c{n}", author=None, text=t)
            for n, t in enumerate((_text(p) for p in doc.commentsbody.iter("p")), start=1)
            if t
        ]
    draft.comments.extend(comments)
    if tree is not None:
        for el in tree.xpath("//footer//text()|//*[contains(@class,'copyright')]//text()"):
            owner = copyright_owner(str(el)) if F.is_copyright(str(el).strip()) else None
            if owner:
                draft.footer_owner = owner
                break
    return draft


def _read_tree(body: object, draft: Draft, *, fetched_at: str, title_hint: str | None = None) -> None:
    """Walk trafilatura's XML body: <head>, <p>, <list>/<item>, <quote>, <table>."""
    units: list[tuple[str, str]] = []
    for el in body:  # type: ignore[attr-defined]
        tag = el.tag
        if tag == "list":
            items = [normalise(_text(i)) for i in el.iter("item")]
            items = [i for i in items if i]
            if items:
                units.append(("list", "\n".join(f"- {i}" for i in items)))
        elif tag == "head":
            t = normalise(_text(el))
            if t:
                units.append(("h", t))
        elif tag == "table":
            rows = [" | ".join(_text(c) for c in r if _text(c)) for r in el.iter("row")]
            rows = [r for r in rows if r]
            if rows:
                units.append(("p", "\n".join(rows)))
        else:
            t = normalise(_text(el))
            if t:
                units.append(("p", t))
    texts = [t for _, t in units]
    titles = {t.strip().lower() for t in (draft.title, title_hint) if t}
    skip_blurb = False
    seen_prose = False
    for idx, (kind, t) in enumerate(units):
        if skip_blurb:
            skip_blurb = False
            if kind == "p" and F.is_box_blurb(t):
                draft.remove(t, F.BOX)
                continue
        if kind == "list":
            draft.blocks.append(Block("list", t))
            seen_prose = True
            continue
        if not seen_prose and t.lower() in titles:
            draft.remove(t, F.TITLE)
            continue
        reason = F.classify_line(t) or (F.COMMENT_COUNTER if F.is_comment_counter(t) else None)
        if reason is not None:
            draft.remove(t, reason)
            continue
        if F.is_box_heading(t):
            draft.remove(t, F.BOX)
            skip_blurb = True
            continue
        author = F.byline_author(t)
        if author is not None:
            draft.author = draft.author or author
            draft.remove(t, F.DATELINE)
            continue
        when = F.dateline_value(t)
        if when is not None and is_timestamp(when):
            draft.published = draft.published or yearless_date(when, fetched_at=fetched_at)
            draft.remove(t, F.DATELINE)
            continue
        if not seen_prose and F.section_label(t) is not None:
            draft.labels.append(F.section_label(t) or "")
            draft.remove(t, F.SECTION_LABEL)
            continue
        if kind == "h" and _has_prose_after(texts, idx):
            draft.blocks.append(Block("h", t))
            continue
        draft.blocks.append(Block("p", t))
        seen_prose = True


_COMMENT_XPATH = (
    "//*[self::li or self::article or self::div][starts-with(@id,'comment-') or starts-with(@id,'div-comment-')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' comment ')]"
)


def _markup_comments(tree: HtmlElement) -> list[Comment]:
    """Comments from WordPress-style markup: one element per comment, replies nested inside."""
    found = tree.xpath(_COMMENT_XPATH)
    # the WordPress "div-comment-N" wrapper sits inside "comment-N": keep the outer element only
    nodes = [n for n in found if not (n.get("id") or "").startswith("div-comment-") or
             not any(a in found for a in n.iterancestors())]
    index = {id(n): i for i, n in enumerate(nodes)}
    out: list[Comment] = []
    for i, node in enumerate(nodes):
        author_el = _first(node, "comment-author", "fn")
        if author_el is None:
            author_el = next(iter(node.xpath(".//cite")), None)
        author = _text(author_el) if author_el is not None else None
        if author:
            author = re.sub(r"\s+(?:says|said|wrote)\s*:?$", "", author).strip() or None
        content = _first(node, "comment-content", "comment-text", "comment-body")
        scope = content if content is not None else node
        paras = [
            _text(p) for p in scope.xpath("descendant-or-self::p")
            if _owner(p, index) is node and not _within(p, author_el)
        ]
        text = "\n\n".join(p for p in paras if p)
        if not text and scope is not node:
            text = _text(scope)  # comment text straight inside the content element, without <p>
        if not text:
            continue
        parent = next((a for a in node.iterancestors() if id(a) in index), None)
        out.append(Comment(id=f"c{i + 1}", author=author, text=text,
                           reply_to=f"c{index[id(parent)] + 1}" if parent is not None else None))
    # renumber densely in thread order, keeping reply links
    remap = {c.id: f"c{n}" for n, c in enumerate(out, start=1)}
    return [Comment(id=remap[c.id], author=c.author, text=c.text,
                    reply_to=remap.get(c.reply_to) if c.reply_to else None) for c in out]


def _first(node: HtmlElement, *classes: str) -> HtmlElement | None:
    """The first descendant whose class contains one of ``classes``, trying them in order of preference."""
    for cls in classes:
        hits = node.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")
        if hits:
            return hits[0]
    return None


def _within(el: HtmlElement, container: HtmlElement | None) -> bool:
    return container is not None and (el is container or container in el.iterancestors())


def _owner(el: HtmlElement, index: dict[int, int]) -> HtmlElement | None:
    """The innermost comment element holding ``el``: a reply's paragraphs are not its parent's text."""
    for a in el.iterancestors():
        if id(a) in index:
            return a
    return el if id(el) in index else None
