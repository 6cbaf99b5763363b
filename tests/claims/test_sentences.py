"""Sentence spans over news text: abbreviations, initials, paragraphs, exact offsets."""

from __future__ import annotations

from storycheck.claims.sentences import sentence_spans


def _sentences(nlp, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    spans = sentence_spans(nlp(body), body)
    for s, e in spans:
        assert body[s:e] == body[s:e].strip() and body[s:e]
    return [body[s:e] for s, e in spans]


def test_abbreviations_do_not_end_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The envoy landed in Washington, D.C. on Monday and met Mr. Ortega at noon. "
        "Officials in the U.S. Treasury said the talks ran late. The U.S. President did not attend."
    )
    assert _sentences(nlp, body) == [
        "The envoy landed in Washington, D.C. on Monday and met Mr. Ortega at noon.",
        "Officials in the U.S. Treasury said the talks ran late.",
        "The U.S. President did not attend.",
    ]


def test_initials_stay_inside_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The report was written by Michael Y. Brown and Anna K. Ferris of the port authority. It runs to forty pages."
    got = _sentences(nlp, body)
    assert got[0].endswith("of the port authority.")
    assert len(got) == 2


def test_sentences_never_cross_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Dock workers walked out on Friday\n\nThe union said the strike would last a week."
    assert _sentences(nlp, body) == ["Dock workers walked out on Friday", "The union said the strike would last a week."]


def test_sentence_at_the_end_of_a_dotted_abbreviation(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The ship sailed for the U.S. The crew stayed behind in port."
    got = _sentences(nlp, body)
    assert got[-1] == "The crew stayed behind in port."
