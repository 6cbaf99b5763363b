"""Entity ruler and within-article name resolution."""

from __future__ import annotations

from storycheck.claims.entities import resolve_entities


def _ents(nlp, body: str):  # type: ignore[no-untyped-def]
    found = resolve_entities(nlp(body), body)
    for e in found.entities:
        assert body[e.start : e.end] == e.text
    return found


def _canon(found, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.canonical for e in found.entities if e.text == text}


def test_surnames_and_titles_resolve_to_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Mayor Maria Alvarez met harbour chief Tomas Okafor on Monday.\n\n"
        "Ms. Alvarez said the strike had cost the city dearly. Okafor disagreed, and Mr. Okafor left early. "
        "Alvarez later apologised."
    )
    found = _ents(nlp, body)
    assert _canon(found, "Ms. Alvarez") == {"Maria Alvarez"}
    assert _canon(found, "Mr. Okafor") == {"Tomas Okafor"}
    assert _canon(found, "Okafor") == {"Tomas Okafor"}
    assert _canon(found, "Alvarez") == {"Maria Alvarez"}
    assert found.persons["Maria Alvarez"] == "f"
    assert found.persons["Tomas Okafor"] == "m"


def test_a_shared_surname_stays_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Anna Kovacs and Peter Kovacs both ran for the council seat. Kovacs won by twelve votes."
    found = _ents(nlp, body)
    assert not ({"Anna Kovacs", "Peter Kovacs"} & _canon(found, "Kovacs"))


def test_role_descriptions_resolve_when_one_person_fits(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Brazilian President Luiz Inacio Lula da Silva flew to Buenos Aires on Sunday to meet "
        "Argentine President Javier Milei. The Brazilian leader brought a trade delegation, "
        "and Argentina's president greeted it at the airport."
    )
    found = _ents(nlp, body)
    persons = {e.text: e.canonical for e in found.entities if e.label == "PERSON"}
    assert persons.get("The Brazilian leader") == "Luiz Inacio Lula da Silva"
    assert persons.get("Argentina's president") == "Javier Milei"


def test_role_description_with_two_candidates_is_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Colombian President Gustavo Petro and Colombian Vice President Francia Marquez spoke. "
        "Later, Colombian Prime Minister Ana Diaz and Colombian President Ivan Duque joined them. "
        "The Colombian leader spoke last."
    )
    found = _ents(nlp, body)
    assert not [e for e in found.entities if e.text == "The Colombian leader"]


def test_ruler_finds_news_institutions(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The ELN and the U.N. both issued statements, as did the International Crisis Group and "
        "the Washington Office on Latin America. A White House spokesperson declined to comment, "
        "and the UN refugee agency said it was monitoring."
    )
    found = _ents(nlp, body)
    labels = {e.text: (e.label, e.canonical) for e in found.entities}
    assert labels["ELN"] == ("ORG", "National Liberation Army")
    assert labels["U.N."] == ("ORG", "United Nations")
    assert labels["UN"] == ("ORG", "United Nations")
    assert labels["International Crisis Group"][0] == "ORG"
    assert labels["Washington Office on Latin America"][0] == "ORG"
    assert labels["White House"][0] == "ORG"


def test_minister_role_and_definite_title(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Brazilian Foreign Minister Mauro Vieira met President Lucia Moreno in Lima on Monday. "
        "The Brazilian minister left after an hour, and the president spoke to reporters alone."
    )
    found = _ents(nlp, body)
    persons = {e.text: e.canonical for e in found.entities if e.label == "PERSON"}
    assert persons.get("The Brazilian minister") == "Mauro Vieira"
    assert persons.get("the president") == "Lucia Moreno"


def test_organisation_split_at_and_is_rejoined(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Dock workers walked out on Monday, the Wexmoor Dock and Harbour Workers' Union said. "
        "Officials from Colombia and the Finance Ministry met later."
    )
    found = _ents(nlp, body)
    orgs = {e.text for e in found.entities if e.label == "ORG"}
    assert "Wexmoor Dock and Harbour Workers' Union" in orgs
    assert not any(o.startswith("Colombia and") for o in orgs)


def test_place_names_never_become_first_names(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Draystead Port Terminals said it had made a fair offer. Mayor Beatrix Calloway disagreed. "
        "Later Draystead Port Terminals refused to talk, and Calloway said the port was losing money."
    )
    found = _ents(nlp, body)
    assert not [e for e in found.entities if e.label == "PERSON" and e.text.startswith("Draystead")]
    assert {e.canonical for e in found.entities if e.text == "Calloway"} == {"Beatrix Calloway"}


def test_national_bodies_keep_their_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Peruvian Foreign Ministry announced on Thursday that flights had resumed, and the U.S. State Department agreed."
    found = _ents(nlp, body)
    orgs = {e.canonical for e in found.entities if e.label == "ORG"}
    assert "Peruvian Foreign Ministry" in orgs
    assert "U.S. State Department" in orgs
