"""A small harbour story written for these tests: four outlets, one real conflict, many look-alikes.

Facts: Mayor Lena Ortiz met union leader Rosa Mendes at City Hall on March 10,
2026. Coast Courier dates the arrest of port director Carl Havel to January 3,
Harbour Times to "early February" (the hard conflict). Everything else is a
compatible look-alike: "a two-hour meeting" vs "more than two hours", "about
1,200 inspectors" vs "more than 1,150", a January phone call vs the January 3
arrest (different events), a preview's planned Thursday meeting vs the report,
and March 10 vs "in March".
"""

from __future__ import annotations

from storycheck.model import Article, Extraction, Story

from .builders import HAVEL, MENDES, ORTIZ, ClaimSpec, article, extraction, story_of

TIMES_BODY = (
    "Mayor Lena Ortiz met union leader Rosa Mendes at City Hall on Tuesday, March 10, 2026. "
    "The meeting between Ortiz and Mendes lasted more than two hours.\n\n"
    "Relations had soured after police arrested port director Carl Havel in early February, which Mendes called a betrayal. "
    "The talks follow a January phone call between Ortiz and Mendes.\n\n"
    "The city has hired about 1,200 new crane inspectors since the accident, Ortiz said. "
    "Mendes said the union would return \u201conly when every crane on the quay is safe again\u201d."
)
COURIER_BODY = (
    "Ortiz and Mendes held a two-hour meeting at City Hall on March 10. "
    "The arrest of Carl Havel on January 3 shook the port, and Mendes denounced it.\n\n"
    "More than 1,150 new crane inspectors have been hired by the city since the accident. "
    "Ortiz told reporters the union would return \u201conly when every crane on the quay is safe again\u201d. "
    "Ortiz also promised \u201ca harbour that works for the people who work in it\u201d."
)
HERALD_BODY = (
    "Mayor Lena Ortiz is set to meet union leader Rosa Mendes at City Hall on Thursday. "
    "The talks were arranged after Ortiz and Mendes spoke in early January. "
    "In March, the two sides are expected to discuss crane safety."
)


def times_article() -> tuple[Article, Extraction]:
    art = article("times", TIMES_BODY, outlet="Harbour Times")
    ex = extraction(
        art,
        [
            ClaimSpec(
                "Mayor Lena Ortiz met union leader Rosa Mendes at City Hall on Tuesday, March 10, 2026.",
                times=(("Tuesday, March 10, 2026", "2026-03-10", "2026-03-10", "day"),),
                entities=(("Lena Ortiz", "PERSON", "Lena Ortiz"), ("Rosa Mendes", "PERSON", "Rosa Mendes"), ("City Hall", "FAC", "City Hall")),
                checkworthiness=0.7,
            ),
            ClaimSpec(
                "The meeting between Ortiz and Mendes lasted more than two hours.",
                quantities=(("more than two hours", 2.0, None, "hour", "more than"),),
                entities=(ORTIZ, MENDES),
            ),
            ClaimSpec(
                "Relations had soured after police arrested port director Carl Havel in early February, which Mendes called a betrayal.",
                times=(("early February", "2026-02-01", "2026-02-10", "span"),),
                entities=(HAVEL, MENDES),
                checkworthiness=0.7,
            ),
            ClaimSpec(
                "The talks follow a January phone call between Ortiz and Mendes.",
                times=(("January", "2026-01-01", "2026-01-31", "month"),),
                entities=(ORTIZ, MENDES),
            ),
            ClaimSpec(
                "The city has hired about 1,200 new crane inspectors since the accident, Ortiz said.",
                quantities=(("about 1,200", 1200.0, 1200.0, "inspectors", "about"),),
                entities=(ORTIZ,),
                checkworthiness=0.8,
            ),
            ClaimSpec(
                "Mendes said the union would return \u201conly when every crane on the quay is safe again\u201d.",
                entities=(MENDES,),
                quotes=(("only when every crane on the quay is safe again", "Rosa Mendes"),),
                modality="reported",
            ),
        ],
    )
    return art, ex


def courier_article() -> tuple[Article, Extraction]:
    art = article("courier", COURIER_BODY, outlet="Coast Courier")
    ex = extraction(
        art,
        [
            ClaimSpec(
                "Ortiz and Mendes held a two-hour meeting at City Hall on March 10.",
                times=(("March 10", "2026-03-10", "2026-03-10", "day"),),
                quantities=(("two-hour", 2.0, 2.0, "hour", None),),
                entities=(("Ortiz", "PERSON", "Lena Ortiz"), ("Mendes", "PERSON", "Rosa Mendes"), ("City Hall", "FAC", "City Hall")),
                checkworthiness=0.7,
            ),
            ClaimSpec(
                "The arrest of Carl Havel on January 3 shook the port, and Mendes denounced it.",
                times=(("January 3", "2026-01-03", "2026-01-03", "day"),),
                entities=(HAVEL, MENDES),
                checkworthiness=0.7,
            ),
            ClaimSpec(
                "More than 1,150 new crane inspectors have been hired by the city since the accident.",
                quantities=(("More than 1,150", 1150.0, None, "inspectors", "more than"),),
                checkworthiness=0.8,
            ),
            ClaimSpec(
                "Ortiz told reporters the union would return \u201conly when every crane on the quay is safe again\u201d.",
                entities=(ORTIZ,),
                quotes=(("only when every crane on the quay is safe again", "Lena Ortiz"),),
                modality="reported",
            ),
            ClaimSpec(
                "Ortiz also promised \u201ca harbour that works for the people who work in it\u201d.",
                entities=(ORTIZ,),
                quotes=(("a harbour that works for the people who work in it", "Lena Ortiz"),),
                modality="reported",
                checkworthiness=0.55,
            ),
        ],
    )
    return art, ex


def herald_article() -> tuple[Article, Extraction]:
    """A preview, written before the meeting; it expects it on a Thursday (March 12)."""
    art = article("herald", HERALD_BODY, outlet="Bay Herald", status="preview")
    ex = extraction(
        art,
        [
            ClaimSpec(
                "Mayor Lena Ortiz is set to meet union leader Rosa Mendes at City Hall on Thursday.",
                times=(("Thursday", "2026-03-12", "2026-03-12", "day"),),
                entities=(("Lena Ortiz", "PERSON", "Lena Ortiz"), ("Rosa Mendes", "PERSON", "Rosa Mendes"), ("City Hall", "FAC", "City Hall")),
                modality="expected",
            ),
            ClaimSpec(
                "The talks were arranged after Ortiz and Mendes spoke in early January.",
                times=(("early January", "2026-01-01", "2026-01-10", "span"),),
                entities=(ORTIZ, MENDES),
            ),
            ClaimSpec(
                "In March, the two sides are expected to discuss crane safety.",
                times=(("In March", "2026-03-01", "2026-03-31", "month"),),
                modality="expected",
            ),
        ],
    )
    return art, ex


def times_copy() -> tuple[Article, Extraction]:
    """Harbour Times' story reprinted by a syndication partner under another name."""
    art, ex = times_article()
    body = art.body + "\n\nThis story first appeared in Harbour Times."
    copy = article("times-copy", body, outlet="Valley Wire Partners")
    from dataclasses import replace

    claims = tuple(replace(c, id=c.id.replace("times:", "times-copy:"), article="times-copy", quotes=tuple(q.replace("times:", "times-copy:") for q in c.quotes)) for c in ex.claims)
    quotes = tuple(replace(q, id=q.id.replace("times:", "times-copy:"), article="times-copy", claim=(q.claim or "").replace("times:", "times-copy:")) for q in ex.quotes)
    return copy, Extraction(article="times-copy", claims=claims, quotes=quotes, entities=ex.entities)


def harbour_story(*, with_copy: bool = False) -> tuple[Story, dict[str, Article], dict[str, Extraction]]:
    parts = [times_article(), courier_article(), herald_article()]
    if with_copy:
        parts.append(times_copy())
    arts = {a.id: a for a, _ in parts}
    exs = {e.article: e for _, e in parts}
    return story_of(*arts.values(), sid="harbour"), arts, exs
