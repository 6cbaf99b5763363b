"""Claim assembly: spans, ids, modality, tense, polarity, attribution, check-worthiness, times."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from storycheck.claims import article_anchor, extract_claims, resolve_times
from storycheck.settings import Settings

from .conftest import make_article


def _claim(ex, fragment: str):  # type: ignore[no-untyped-def]
    hits = [c for c in ex.claims if fragment in c.text]
    assert len(hits) == 1, f"{fragment!r} in {[c.text for c in ex.claims]}"
    return hits[0]


STRIKE = (
    "Dock workers at Port Aldwen walked out on March 3, 2026, halting all container traffic.\n\n"
    "The harbour authority said the stoppage cost more than 2 million euros a day. "
    "According to the Port Aldwen Chamber of Commerce, 40 ships were waiting offshore by Friday.\n\n"
    "Union leader Samuel Achebe refused to meet the owners on Tuesday. "
    "The strike will continue until a new contract is signed. "
    "Talks are set to resume next week.\n\n"
    "The city should never have let it come to this. Is anyone still listening? "
    "The owners did not respond to requests for comment."
)


def test_spans_ids_and_order(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract(STRIKE, article_id="art7")
    assert ex.article == "art7"
    assert [c.id for c in ex.claims] == [f"art7:c{n}" for n in range(1, len(ex.claims) + 1)]
    starts = [c.start for c in ex.claims]
    assert starts == sorted(starts)
    for c in ex.claims:
        assert STRIKE[c.start : c.end] == c.text == c.text.strip()
        for e in c.entities:
            assert STRIKE[e.start : e.end] == e.text and c.start <= e.start and e.end <= c.end
        for t in c.times:
            assert STRIKE[t.start : t.end] == t.text


def test_modalities(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract(STRIKE)
    assert _claim(ex, "walked out").modality == "asserted"
    assert _claim(ex, "harbour authority said").modality == "reported"
    assert _claim(ex, "will continue").modality == "expected"
    assert _claim(ex, "set to resume").modality == "expected"
    assert _claim(ex, "should never have").modality == "opinion"
    assert _claim(ex, "still listening").modality == "question"


def test_attribution(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract(STRIKE)
    assert _claim(ex, "harbour authority said").attribution == "harbour authority"
    assert _claim(ex, "40 ships").attribution == "Port Aldwen Chamber of Commerce"
    assert _claim(ex, "walked out").attribution is None
    body = "UN data shows the harvest fell by a third in 2025. Officials said the drought was to blame."
    ex2 = extract(body)
    assert _claim(ex2, "harvest fell").attribution == "United Nations"
    assert _claim(ex2, "drought").attribution == "Officials"


def test_tense_and_polarity(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract(STRIKE)
    walked = _claim(ex, "walked out")
    assert (walked.tense, walked.polarity) == ("past", "positive")
    refused = _claim(ex, "refused to meet")
    assert (refused.tense, refused.polarity) == ("past", "negative")
    assert _claim(ex, "did not respond").polarity == "negative"
    assert _claim(ex, "will continue").tense == "future"


def test_preview_main_event_sentences_are_future(extract) -> None:  # type: ignore[no-untyped-def]
    body = "The summit opens in Lisbon on Thursday. Ministers from twelve countries attend the talks."
    ex = extract(body, status="preview")
    assert _claim(ex, "summit opens").tense == "future"


def test_checkworthiness_ranks_specific_over_vague(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Union leader Samuel Achebe met port owners at the Aldwen town hall on March 5, 2026, "
        "and 312 workers voted to end the strike.\n\n"
        "Many things are increasingly complex and some people feel it is important."
    )
    ex = extract(body)
    specific = _claim(ex, "Achebe met port owners")
    counted = _claim(ex, "312 workers")  # the second clause is its own claim
    vague = _claim(ex, "Many things")
    assert specific.checkworthiness > 0.7 > 0.4 > vague.checkworthiness
    assert counted.checkworthiness > vague.checkworthiness
    assert "date" in specific.checkworthiness_reasons
    assert "number" in counted.checkworthiness_reasons
    assert any(r.startswith("vague") for r in vague.checkworthiness_reasons)


def test_long_compound_sentence_splits_into_clauses(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The harbour authority reported that forty container ships were stuck offshore for most of the week, "
        "while the union said that its members had lost nearly three weeks of wages since the walkout began in early March."
    )
    ex = extract(body)
    assert len(ex.claims) == 2
    assert ex.claims[1].text.startswith("the union said")
    for c in ex.claims:
        assert body[c.start : c.end] == c.text


def test_fragments_and_captions_are_not_claims(extract) -> None:  # type: ignore[no-untyped-def]
    body = "Dock workers walked out on Monday.\n\n- Higher pay for night shifts\n\nPhoto: Harbour authority"
    ex = extract(body)
    assert [c.text for c in ex.claims] == ["Dock workers walked out on Monday."]


def test_title_is_not_a_claim(settings: Settings) -> None:
    art = replace(make_article("The strike ended on Friday after nine days."), title="Strike over: workers go back")
    ex = extract_claims([art], settings=settings)[0]
    assert all("workers go back" not in c.text for c in ex.claims)


def test_anchor_prefers_publication_date_then_body_date() -> None:
    assert article_anchor(make_article("It rained.", published="2026-02-04T10:00:00Z")) == (dt.date(2026, 2, 4), "published")
    body = "Leaders met on Tuesday. The summit had been agreed on February 3, 2026 by phone."
    assert article_anchor(make_article(body)) == (dt.date(2026, 2, 3), "article")
    assert article_anchor(make_article("Leaders met on Tuesday.")) == (None, None)


def test_times_resolve_and_re_resolve_without_reparsing(extract) -> None:  # type: ignore[no-untyped-def]
    body = "The two leaders met on Tuesday at the presidential palace."
    art = make_article(body)
    ex = extract(body)
    claim = ex.claims[0]
    assert claim.tense == "past"
    if not claim.times:  # the times module is optional for this stage's tests
        return
    assert claim.times[0].date_from is None  # no anchor yet
    again = resolve_times(ex, art, anchor="2026-02-05", anchor_source="story")
    t = again.claims[0].times[0]
    assert (t.date_from, t.anchor_source) == ("2026-02-03", "story")
    assert again.claims[0].text == claim.text


def test_two_processes_give_the_same_claims(settings: Settings, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = [make_article(STRIKE, article_id=f"a{i}") for i in range(3)]
    one = extract_claims(articles, settings=settings)
    two = extract_claims(articles, settings=Settings(processes=2, batch_size=1))
    assert one == two


def test_attributed_evaluation_is_reported_and_furniture_is_dropped(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Tourism is critical to the island's economy, according to the Harbour Tourism Council.\n\n"
        "[Read: How the port strike began]\n\n"
        "The ferry resumed service on Friday.\n\n"
        "Lena Park contributed reporting to this article."
    )
    ex = extract(body)
    assert [c.text for c in ex.claims][1:] == ["The ferry resumed service on Friday."]
    assert ex.claims[0].modality == "reported"


def test_sentences_inside_a_long_quote_are_the_speakers(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Harbour master Ines Carvalho spoke after the vote. “The crane failed twice in March. "
        "Nobody told the crews until the second time. That will not happen again,” Carvalho said."
    )
    ex = extract(body)
    middle = _claim(ex, "Nobody told the crews")
    assert (middle.attribution, middle.modality) == ("Ines Carvalho", "reported")
    assert _claim(ex, "spoke after the vote").attribution is None


def test_model_loads_once_and_a_missing_model_says_what_to_install(nlp) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from storycheck.claims.nlp import load_nlp
    from storycheck.errors import MissingDependencyError

    assert load_nlp(Settings().spacy_model) is nlp
    assert "lemmatizer" not in nlp.pipe_names and "entity_ruler" in nlp.pipe_names
    with pytest.raises(MissingDependencyError, match="not installed"):
        load_nlp("no_such_spacy_model_here")


def test_accusation_is_check_worthy(nlp) -> None:
    from storycheck.claims import extract_from_doc

    art = make_article("Union leader Mara Quint accused Westfield Terminals of quietly diverting ships to the rival port of Dunmore.")
    ex = extract_from_doc(art, nlp(art.body))
    assert ex.claims[0].checkworthiness >= 0.5
    assert any(r.startswith("accusation") for r in ex.claims[0].checkworthiness_reasons)
