"""The five real seed articles (read from ../shared/seeds): spans, speakers, attributions.

Quotes and claims are located by short fragments; the seed text itself is never
copied here.
"""

from __future__ import annotations

import pytest

SPEAKERS = [
    # (seed, fragment of the quoted words, speaker, target)
    ("004", "mutual cooperation and shared success", "Elizabeth Dickinson", None),
    ("004", "accomplice to genocide", "Gustavo Petro", "Donald Trump"),
    ("004", "drug lord", "Donald Trump", "Gustavo Petro"),
    ("004", "a great honor to speak", "Donald Trump", None),
    ("004", "explain the drug situation", "Donald Trump", None),
    ("004", "aggression", "Gustavo Petro", None),
    ("004", "kidnapping", "Gustavo Petro", None),
    ("004", "A good outcome", "Elizabeth Dickinson", None),
    ("004", "The less noise there is", "Elizabeth Dickinson", None),
    ("002", "very positive", "Gustavo Petro", None),
    ("002", "sick man", "Donald Trump", "Gustavo Petro"),
]


def _quote(ex, fragment: str):  # type: ignore[no-untyped-def]
    hits = [q for q in ex.quotes if fragment in q.text]
    assert len(hits) == 1, f"{fragment!r} among {[q.text[:40] for q in ex.quotes]}"
    return hits[0]


def _claim(ex, fragment: str):  # type: ignore[no-untyped-def]
    hits = [c for c in ex.claims if fragment in c.text]
    assert len(hits) == 1, f"{fragment!r} in {len(hits)} claims"
    return hits[0]


def test_every_span_gives_its_text(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    for key, (article, ex) in seed_extractions.items():
        body = article.body
        assert ex.claims, f"seed {key}: no claims"
        for c in ex.claims:
            assert body[c.start : c.end] == c.text, f"seed {key} {c.id}"
            assert c.text == c.text.strip()
        for q in ex.quotes:
            assert body[q.start : q.end] == q.text, f"seed {key} {q.id}"
            assert q.claim is None or q.id in next(c.quotes for c in ex.claims if c.id == q.claim)
        for e in ex.entities:
            assert body[e.start : e.end] == e.text, f"seed {key} entity {e.text!r}"


@pytest.mark.parametrize(("seed", "fragment", "speaker", "target"), SPEAKERS)
def test_quote_speakers(seed_extractions, seed: str, fragment: str, speaker: str, target: str | None) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed_extractions[seed]
    q = _quote(ex, fragment)
    assert q.speaker == speaker
    if target is not None:
        assert q.target == target


def test_scare_quote_has_no_speaker(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed_extractions["004"]
    assert _quote(ex, "dignity").speaker is None


def test_articles_without_quote_marks_have_no_quotes(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    for key in ("000", "001", "003"):
        assert seed_extractions[key][1].quotes == ()


def test_comments_never_become_claims(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed_extractions["004"]
    for fragment in ("hopeful they can find a way", "bad blood to overcome", "Disinformation Commission"):
        assert not [c for c in ex.claims if fragment in c.text]


def test_role_descriptions_resolve_to_petro(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed_extractions["002"]
    names = {e.text: e.canonical for e in ex.entities if e.label == "PERSON"}
    assert names.get("Colombia’s president") == "Gustavo Petro"
    assert names.get("Mr. Trump") == "Donald Trump"
    assert names.get("Mr. Petro") == "Gustavo Petro"


def test_attributions_name_the_source(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    assert _claim(seed_extractions["003"][1], "3,000 tons").attribution == "U.N. Office on Drugs and Crime"
    assert _claim(seed_extractions["004"][1], "at least 65%").attribution == "United Nations"
    assert _claim(seed_extractions["004"][1], "Gimena").attribution == "Gimena Sánchez-Garzoli"
    # "She expects ...": the pronoun goes back to the previous sentence's main subject
    assert _claim(seed_extractions["004"][1], "She expects").attribution == "Gimena Sánchez-Garzoli"
    assert _claim(seed_extractions["002"][1], "Analysts say").attribution == "Analysts"


def test_preview_sentences_are_expected_and_future(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    meet = _claim(seed_extractions["000"][1], "expected to meet")
    assert (meet.modality, meet.tense) == ("expected", "future")
    host = _claim(seed_extractions["004"][1], "set to host")
    assert (host.modality, host.tense) == ("expected", "future")
    met = _claim(seed_extractions["001"][1], "on February 3, 2026")
    assert (met.modality, met.tense, met.polarity) == ("asserted", "past", "positive")
