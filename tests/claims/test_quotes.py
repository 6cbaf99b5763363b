"""Quote marks, quoted words and their speakers, on passages written for these tests."""

from __future__ import annotations

from storycheck.claims.quotes import find_quote_spans


def _quote(ex, fragment: str):  # type: ignore[no-untyped-def]
    hits = [q for q in ex.quotes if fragment in q.text]
    assert len(hits) == 1, f"{fragment!r} in {[q.text for q in ex.quotes]}"
    return hits[0]


def test_apostrophes_are_not_quote_marks() -> None:
    body = "Colombia’s envoy didn’t say much. The farmers’ union and Peru's ministry stayed quiet about the ’90s."
    assert find_quote_spans(body) == []


def test_curly_straight_and_single_marks() -> None:
    body = 'She called it “a mess” and "a disgrace," then the word ‘sabotage’ came up, and \'theft\' too.'
    texts = [body[s:e] for s, e in find_quote_spans(body)]
    assert texts == ["“a mess”", '"a disgrace,"', "‘sabotage’", "'theft'"]


def test_speaker_after_the_quote_with_verb_first(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Port traffic fell sharply during the strike.\n\n"
        "“We lost three weeks of cargo and nobody will pay us back,” said Hana Whitlock, who runs a shipping agency."
    )
    ex = extract(body)
    q = _quote(ex, "We lost three weeks")
    assert q.speaker == "Hana Whitlock"
    assert q.kind == "direct"
    assert ex.quotes[0].text == body[q.start : q.end]
    assert not q.text.endswith(",")


def test_surname_after_the_quote_resolves_to_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Union leader Samuel Achebe addressed the crowd on Friday.\n\n"
        "“The owners have a week to come back with a real offer,” Achebe told reporters."
    )
    q = _quote(extract(body), "The owners have a week")
    assert q.speaker == "Samuel Achebe"


def test_pronoun_speaker_is_the_previous_subject(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Harbour master Ines Carvalho closed the north quay on Tuesday after a crane failed. "
        "“Nobody goes near that crane until the inspectors are done,” she said."
    )
    q = _quote(extract(body), "Nobody goes near")
    assert q.speaker == "Ines Carvalho"


def test_speaker_before_the_quote_with_colon(extract) -> None:  # type: ignore[no-untyped-def]
    body = "Finance Minister Paul Brennan was blunt: “The budget cannot absorb another strike.”"
    body2 = "Paul Brennan, the finance minister, said: “The budget cannot absorb another strike.”"
    assert _quote(extract(body2), "budget cannot absorb").speaker == "Paul Brennan"
    # no speech verb and no attribution phrase: better no speaker than a guess
    assert _quote(extract(body), "budget cannot absorb").speaker in {None, "Paul Brennan"}


def test_label_gives_speaker_and_target(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Senator Clara Voss has feuded with Governor Mark Ellery for months. "
        "Last week Voss branded Ellery a ‘traitor to the coast’ in a radio interview."
    )
    q = _quote(extract(body), "traitor to the coast")
    assert (q.speaker, q.target, q.kind) == ("Clara Voss", "Mark Ellery", "label")


def test_partial_quote_takes_the_subject_of_the_speech_verb(extract) -> None:  # type: ignore[no-untyped-def]
    body = "Mayor Ruth Ndlovu described the agreement as “a fragile first step” after the vote on Monday."
    q = _quote(extract(body), "fragile first step")
    assert q.speaker == "Ruth Ndlovu"
    assert q.kind == "partial"


def test_scare_quotes_get_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    body = "Dockers walked out over “safety” concerns raised after a crane collapsed in the yard."
    q = _quote(extract(body), "safety")
    assert q.speaker is None
    assert q.kind == "partial"


def test_multi_sentence_quote_is_one_quote(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Economist Lena Park has studied the port for a decade. "
        "“The strike is not about pay. It is about who controls the cranes. Everyone here knows it,” Park said."
    )
    ex = extract(body)
    q = _quote(ex, "not about pay")
    assert "Everyone here knows it" in q.text
    assert q.speaker == "Lena Park"


def test_according_to_names_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    body = "The deal is “dead in the water,” according to Victor Osei, a negotiator for the carriers."
    q = _quote(extract(body), "dead in the water")
    assert q.speaker == "Victor Osei"


def test_second_quote_continues_the_same_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“We will be back at work on Monday,” union spokesman Dario Ruiz said. "
        "“But only if the contract is signed first.”"
    )
    ex = extract(body)
    assert _quote(ex, "back at work").speaker == "Dario Ruiz"
    assert _quote(ex, "only if the contract").speaker == "Dario Ruiz"


def test_quote_belongs_to_its_claim(extract) -> None:  # type: ignore[no-untyped-def]
    body = "Negotiators met for nine hours on Sunday. “We are close,” said mediator Jane Oyelaran."
    ex = extract(body)
    q = _quote(ex, "We are close")
    claim = next(c for c in ex.claims if c.id == q.claim)
    assert claim.start <= q.start < claim.end
    assert q.id in claim.quotes
    assert q.id.endswith(":q1")


def test_quote_running_over_paragraphs_takes_the_closing_attribution(extract) -> None:  # type: ignore[no-untyped-def]
    body = "“We start at dawn. The crews are ready.\n\n“Nobody will stop us,” said organiser Ana Lopes."
    ex = extract(body)
    assert [q.speaker for q in ex.quotes] == ["Ana Lopes", "Ana Lopes"]


def test_unclosed_quote_and_unknown_pronoun_give_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("He said “this never closes. And it goes on and on")
    assert len(ex.quotes) == 1 and ex.quotes[0].speaker is None
    assert extract("“Yes,” she said.").quotes[0].speaker is None


def test_empty_and_blank_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    for body in ("", "  \n\n  ", "Ok."):
        ex = extract(body)
        assert (ex.claims, ex.quotes) == ((), ())


def test_example_story_speakers(settings) -> None:  # type: ignore[no-untyped-def]
    """The project's demo story, through ingest and clean: each quote's speaker as EXPECTED.md has it."""
    from pathlib import Path

    from storycheck.claims import extract_claims
    from storycheck.clean import clean
    from storycheck.ingest import read_sources
    from storycheck.model import IngestFailure

    folder = Path(__file__).resolve().parents[2] / "examples" / "harbour-strike"
    raws = [r for r in read_sources(sorted(str(p) for p in folder.glob("0*")), settings=settings) if not isinstance(r, IngestFailure)]
    articles = [clean(r) for r in raws]
    speakers: dict[str, set[str | None]] = {}
    for ex in extract_claims(articles, settings=settings):
        for q in ex.quotes:
            speakers.setdefault(q.text.rstrip(".,"), set()).add(q.speaker)
    def who(fragment: str) -> set[str | None]:
        return set().union(*(v for k, v in speakers.items() if fragment in k))
    assert who("Nobody wins when the cranes stand still") == {"Elena Sarkis"}
    assert who("This deal gives our members the respect") == {"Teodora Vance", "Marcus Hale"}
    assert who("The government will not legislate") == {"Daniel Ferreira"}
    assert who("Both sides gave ground") == {"Daniel Ferreira"}
    assert who("a fair and affordable offer") == {"Simon Pellow"}
    assert who("followed the instructions of the shipping lines") == {"Nadia Brand"}
    assert who("the city's front door") == {"Elena Sarkis"}


def test_passive_speech_names_the_agent_or_nobody(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The recent strandings have been described as “heartbreaking” by the conservation department. "
        "Last year a stranding in the south was called “unprecedented” in local reports."
    )
    ex = extract(body)
    assert _quote(ex, "heartbreaking").speaker == "conservation department"
    assert _quote(ex, "unprecedented").speaker is None


def test_follow_on_quote_after_attribution_keeps_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Analyst Karim Haddad was cautious. The attack is “aimed at the country's stability,” Haddad said. "
        "“And it could have political repercussions.”"
    )
    ex = extract(body)
    assert _quote(ex, "political repercussions").speaker == "Karim Haddad"
