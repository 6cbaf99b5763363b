"""Line classifiers for page furniture: each rule says why a line is not article text.

Scraped pages leave widgets, prompts and boxes behind as short standalone lines.
Every rule here matches a *whole* line (never part of a sentence), so a body
sentence that merely mentions "advertisement" or "comments" is never touched.
The reason strings are part of the public output (``Article.removed``), so they
are constants rather than ad-hoc text.
"""

from __future__ import annotations

import re

PLAYER = "player widget"
SHARE = "share prompt"
AD = "ad marker"
IMAGE_CREDIT = "image credit"
CATEGORY_TAG = "category tag"
COMMENT_COUNTER = "comment counter"
COMMENT_FORM = "comment form"
COMMENT = "comment"  # a reader comment dropped because keep_comments=False
BOX = "fact-check/newsletter box"
RELATED = "related link"
FOOTER = "publisher footer"
DATELINE = "dateline/byline"
TITLE = "title"
SUBTITLE = "subtitle"
SECTION_LABEL = "section label"
NAVIGATION = "navigation"  # site name, menu entries and slogans above the headline
META = "article meta"  # reading time, source credit and similar lines under the headline


# every reason ``Article.removed`` can carry (comments.COMMENT_META adds "comment metadata")
REASONS = (PLAYER, SHARE, AD, IMAGE_CREDIT, CATEGORY_TAG, COMMENT_COUNTER, COMMENT_FORM, COMMENT, BOX, RELATED,
           FOOTER, DATELINE, TITLE, SUBTITLE, SECTION_LABEL, NAVIGATION, META)

def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.IGNORECASE)


_PLAYER = _rx(
    r"listen(?: to)?(?: (?:the|this))?(?: article| story| audio| podcast)?(?: \(?\d+ ?min(?:utes?)?\)?)?",
    r"(?:play|pause|mute|unmute|replay)(?: (?:audio|video|article))?",
    r"watch(?: the| this)? video",
    r"(?:audio|video) player",
    r"\d{1,2}:\d{2}(?::\d{2})?(?: ?/ ?\d{1,2}:\d{2}(?::\d{2})?)?",  # 0:00, 1:02:03, 0:00 / 3:45
    r"\d+(?:\.\d+)?x",  # playback speed chip: 1x, 1.5x
    r"(?:audio|listen) (?:is )?(?:available|generated)[^.]{0,60}\.?",
)
_SHARE = _rx(
    r"share(?: (?:this|the)(?: article| story| post| page)?)?:?",
    r"share (?:on|via|by) \w+(?: \w+)?",
    r"save(?: for later| article)?",
    r"(?:tweet|email|print|copy link|copy url|link copied|whatsapp|facebook|twitter|linkedin|reddit|telegram|x)",
    r"follow us(?: on [\w ,&]+)?:?",
    r"(?:share|save|gift)(?: this)? article",
    r"(?:click|tap) to share[^.]{0,40}",
)
_AD = _rx(
    r"advertisement",
    r"advertising",
    r"publicidad|anuncio|publicité|werbung|anzeige|pubblicità|publicidade|advertentie",
    r"ad",
    r"ads by \w+",
    r"sponsored(?: content| post| by .{1,40})?",
    r"(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)",
    r"continue reading (?:below|the main story)",
    r"scroll (?:down )?to continue(?: with content| reading)?",
    r"- ?advertisement ?-",
)
_IMAGE_CREDIT = re.compile(
    r"^(?:imagen|image|images|photo|photos|foto|fotos|picture|photograph|illustration|credit|"
    r"image credit|photo credit|source|video)\s*:\s*\S.{0,100}$"
    r"|^(?:photo|image|illustration) (?:by|courtesy of)\s+\S.{0,80}$"
    r"|^\(?(?:photo|image|foto)?[^.]{0,60}/\s*(?:getty images|reuters|afp|ap|ap photo|epa|shutterstock)\)?$",
    re.IGNORECASE,
)
_COMMENT_COUNTER = _rx(
    r"\d+ (?:comments?|responses?|replies|reactions?)",
    r"(?:comments?|responses?) ?\(\d+\)",
    r"no comments(?: yet)?\.?",
    r"(?:view|show|hide|load|read|see) (?:all |more )?(?:\d+ )?comments?",
    r"(?:reader )?comments",
    r"(?:join|start) the (?:discussion|conversation)",
    r"discussion",
    r"\d+ thoughts? on .{1,150}",
    r"\d+ responses? to .{1,150}",
)
_COMMENT_FORM = _rx(
    r"add an? (?:comment|reply)",
    r"leave an? (?:reply|comment|response)",
    r"post an? (?:reply|comment)",
    r"write an? (?:reply|comment)",
    r"post comment",
    r"submit(?: comment)?",
    r"cancel reply",
    r"reply",
    r"(?:comment|name|email|website|e-mail)(?: \(required\))? ?\*?:?",
    r"your email address will not be published\.?(?: required fields are marked ?\*?)?",
    r"required fields are marked ?\*?",
    r"save my name,? email,? and website in this browser for the next time i comment\.?",
    r"notify me of (?:follow-up comments|new posts)[^.]{0,60}\.?",
    r"you must be logged in to post a comment\.?",
    r"log in to (?:reply|comment)\.?",
    r"(?:this site uses akismet|comments are closed|comments are moderated)[^\n]{0,120}",
)
_BOX_HEAD = _rx(
    r"fact[- ]?check(?:er)?",
    r"(?:sign up|subscribe)(?: (?:for|to) (?:our|the) [\w ]{1,30})?",
    r"(?:our |the |daily |weekly )?newsletters?",
    r"get (?:the|our) (?:\w+ )?newsletter",
    r"stay informed",
    r"enter your e-?mail(?: address)?:?",
    r"support (?:our|independent) journalism",
)
# the blurb under a box heading: a short call to action about the site, not the story
_BOX_BLURB = re.compile(
    r"\b(?:this article|this story|our (?:newsletter|analysis|team|journalism)|sign up|subscribe|"
    r"inbox|verify|newsletter|delivered|real-time sources|support us|donate)\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: articles| stories| coverage| posts)?|read more|read also|see also|more from [\w .'-]{1,40}|"
    r"recommended(?: for you)?|you (?:may|might) also like|most read|trending(?: now)?|popular)"
    r"(?:\s*:\s*.{0,150})?$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^(?:tags?|topics?|filed under|categories)\s*:\s*.{1,200}$", re.IGNORECASE)
_READING_TIME = re.compile(r"^\d+\s*(?:-|to)?\s*(?:\d+\s*)?min(?:ute)?s?\.? read$", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:additional )?reporting|writing|editing|compiled|produced) by\s+(?P<name>[^;()]{2,60}?)"
    r"(?:\s*[;,]\s*(?:additional reporting|writing|editing|compiled|produced) by\s+[^;()]{2,60})*\)?\.?$",
    re.IGNORECASE,
)
_PUBLISHER_NOTE = re.compile(
    r"^(?:our standards|editorial standards|trust principles|corrections policy|ethics policy)\b.{0,100}$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_ADDRESS = re.compile(
    r"^\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[\w.' -]{2,40}\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|"
    r"lane|ln|drive|dr|way|plaza|square|sq|suite|ste|floor|fl)\b\.?(?:[\w .,#-]{0,30})$"
    r"|^[A-Z][\w .'-]{1,30},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"  # Sheridan, WY 82801
    r"|^(?:p\.?o\.? box|suite|ste)\s+\w+",
    re.IGNORECASE,
)
_COUNTRY = _rx(r"usa|u\.s\.a\.|united states|united kingdom|uk|canada|australia|germany|france|spain|colombia")
_COMPANY = re.compile(
    r"^[A-Z][\w&.,' -]{0,60}\s(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|S\.A\.|Corp\.?|Corporation|PLC|plc|AG)\.?$"
)
_FOOTER_LABEL = _rx(
    r"company", r"about(?: us)?", r"contact(?: us)?", r"privacy(?: policy)?", r"terms(?: of (?:use|service))?",
    r"cookie (?:policy|settings)", r"careers", r"advertise(?: with us)?", r"imprint", r"impressum",
    r"legal", r"sitemap", r"accessibility", r"subscriptions?", r"resources", r"quick links", r"follow us",
    r"newsroom", r"masthead", r"ethics policy", r"corrections",
)
_ABOUT_BLURB = re.compile(
    r"^(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,5}(?:organi[sz]ation|company|publisher|publication|newsroom|platform|"
    r"non-?profit|outlet|agency|network|team|initiative|newspaper|magazine|website|media)\b.{0,80}\b(?:dedicated|committed|devoted|working|founded|"
    r"that|which)\b|we are (?:a|an|the)\b|about (?:us|the author)\b)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|words by|por)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|del|and|&))"
    r"{0,6})(?:\s*[,|–—-]\s*.{0,60})?$"
)
_DATELINE_LINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|date)(?: on| at)?\s*:?\s*(?P<date>.{4,60})$",
    re.IGNORECASE,
)
_SECTION = _rx(r"opinion", r"op-ed", r"commentary", r"editorial", r"column", r"analysis", r"news analysis",
               r"breaking(?: news)?", r"exclusive", r"live(?: updates)?")
_LONE_MARKER = re.compile(r"^[-–—•◦▪*·]$")


def classify_line(line: str) -> str | None:
    """The furniture reason for one stripped line, or None when it may be article text.

    Bylines, datelines, section labels and comment headings are not decided here:
    they need position (top of the article, end of the article) and are handled
    by the callers.
    """
    if not line:
        return None
    if len(line) > 220:
        return None  # furniture is short; long lines are prose
    if _PLAYER.match(line):
        return PLAYER
    if _AD.match(line):
        return AD
    if _SHARE.match(line):
        return SHARE
    if _IMAGE_CREDIT.match(line):
        return IMAGE_CREDIT
    if _COMMENT_COUNTER.match(line) and not _is_plain_heading_word(line):
        return COMMENT_COUNTER
    if _COMMENT_FORM.match(line) and not _FORM_FIELD_ONLY.match(line):
        return COMMENT_FORM
    if is_repeated_phrase(line):
        return CATEGORY_TAG
    if _RELATED.match(line):
        return RELATED
    if _TAGS.match(line):
        return CATEGORY_TAG
    if _READING_TIME.match(line):
        return META
    if _CREDIT_LINE.match(line):
        return DATELINE
    if _PUBLISHER_NOTE.match(line):
        return FOOTER
    if _COPYRIGHT.match(line):
        return FOOTER
    return None


# "Comments", "Discussion" alone are ambiguous mid-article; the tail scan treats them as markers.
_PLAIN_HEADING_WORDS = _rx(r"(?:reader )?comments", r"discussion")
_FORM_FIELD_ONLY = _rx(r"reply", r"(?:comment|name|email|website|e-mail)(?: \(required\))? ?\*?:?", r"submit")


def is_plain_comment_heading(line: str) -> bool:
    """"Comments" / "Discussion" without a count: only a marker when a thread follows."""
    return bool(_PLAIN_HEADING_WORDS.match(line))


def _is_plain_heading_word(line: str) -> bool:
    return bool(_PLAIN_HEADING_WORDS.match(line))


def is_comment_marker(line: str) -> bool:
    """A line that opens the comment area: counters, comment headings and comment forms."""
    return bool(_COMMENT_COUNTER.match(line) or (_COMMENT_FORM.match(line) and not _FORM_FIELD_ONLY.match(line)))


def is_form_field(line: str) -> bool:
    """"Reply", "Name *", "Submit": form parts that repeat inside a thread and do not end it."""
    return bool(_FORM_FIELD_ONLY.match(line))


def is_comment_form(line: str) -> bool:
    return bool(_COMMENT_FORM.match(line))


def is_comment_counter(line: str) -> bool:
    return bool(_COMMENT_COUNTER.match(line))


def is_repeated_phrase(line: str) -> bool:
    """True for "X X": a tag or breadcrumb printed twice by the page template."""
    words = line.split()
    n = len(words)
    if n < 2 or n % 2:
        return False
    half = n // 2
    return words[:half] == words[half:]


def is_box_heading(line: str) -> bool:
    return bool(_BOX_HEAD.match(line))


def is_box_blurb(line: str) -> bool:
    return len(line) <= 250 and bool(_BOX_BLURB.search(line))


def is_footer_line(line: str) -> bool:
    """Publisher footer material: copyright, addresses, company names, footer link labels."""
    return bool(
        _COPYRIGHT.match(line)
        or _ADDRESS.match(line)
        or _COMPANY.match(line)
        or _COUNTRY.match(line)
        or _FOOTER_LABEL.match(line)
        or _ABOUT_BLURB.match(line)
    )


def is_strong_footer_line(line: str) -> bool:
    """Footer lines that never occur as article text, so they can start a footer zone."""
    return bool(_COPYRIGHT.match(line) or _ADDRESS.match(line) or _COMPANY.match(line))


def is_copyright(line: str) -> bool:
    return bool(_COPYRIGHT.match(line))


def is_about_blurb(line: str) -> bool:
    return bool(_ABOUT_BLURB.match(line))


def byline_author(line: str) -> str | None:
    """The name in a standalone byline ("By Jane Doe", "By Jane Doe, Reuters"), else None."""
    m = _BYLINE.match(line)
    if not m or len(line) > 100:
        return None
    return m.group("name").strip()


def credit_author(line: str) -> str | None:
    """The reporter in a wire credit line: "(Reporting by Ana Kowal; Editing by Tom Reyes)"."""
    m = _CREDIT_LINE.match(line)
    if not m or not m.group(0).lower().lstrip("(").startswith(("reporting", "writing")):
        return None  # "Editing by" names an editor, not the author
    return m.group("name").strip()


def is_related_label(line: str) -> bool:
    """"Related", "More from X", "Read more" alone: a list of links to other stories follows."""
    return bool(_RELATED.match(line)) and ":" not in line


def dateline_value(line: str) -> str | None:
    """The date text of a standalone "Published: March 4, 2026" line, else None."""
    m = _DATELINE_LINE.match(line)
    return m.group("date").strip() if m else None


def section_label(line: str) -> str | None:
    """"Opinion", "Analysis"... when the line is only a section label, lower-cased."""
    return line.strip().lower() if _SECTION.match(line.strip()) else None


def is_lone_marker(line: str) -> bool:
    return bool(_LONE_MARKER.match(line))
