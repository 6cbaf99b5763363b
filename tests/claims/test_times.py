"""Time expressions: located with exact spans, resolved to intervals against an anchor and a tense.

Sentences are written for these tests; anchors are chosen so every rule is
exercised on a known weekday (2026-02-03 is a Tuesday, 2024-11-08 a Friday).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from storycheck.claims.times import find_times, resolve_time

TUE = dt.date(2026, 2, 3)  # a Tuesday
MON = dt.date(2026, 2, 2)
FRI = dt.date(2024, 11, 8)
MIDYEAR = dt.date(2025, 6, 18)  # a Wednesday


def one(sentence: str, words: str, anchor: dt.date | None, tense: str | None = None):  # type: ignore[no-untyped-def]
    found = find_times(sentence, anchor=anchor, anchor_source="published" if anchor else None, tense=tense)
    hits = [t for t in found if t.text == words]
    assert hits, f"{words!r} not found in {sentence!r}; got {[t.text for t in found]}"
    return hits[0]


CASES = [
    # (sentence, words, anchor, tense, from, to, granularity)
    ("Ministers signed the accord on Tuesday in Lima.", "Tuesday", TUE, "past", "2026-02-03", "2026-02-03", "day"),
    ("The envoy is set to arrive Tuesday.", "Tuesday", MON, "future", "2026-02-03", "2026-02-03", "day"),
    ("The envoy arrived Tuesday, aides said.", "Tuesday", dt.date(2026, 2, 5), "past", "2026-02-03", "2026-02-03", "day"),
    ("Talks will resume on Thursday.", "Thursday", TUE, "future", "2026-02-05", "2026-02-05", "day"),
    ("The agency confirmed last Thursday that flights resumed.", "last Thursday", MON, "past", "2026-01-29", "2026-01-29", "day"),
    ("The mayor quit last Friday.", "last Friday", FRI, "past", "2024-11-01", "2024-11-01", "day"),
    ("Crews return next Monday.", "next Monday", FRI, "future", "2024-11-11", "2024-11-11", "day"),
    ("Tensions rose after the March 14 vote.", "March 14", dt.date(2026, 4, 2), "past", "2026-03-14", "2026-03-14", "day"),
    ("The plant was sold on March 14, 2026.", "March 14, 2026", TUE, None, "2026-03-14", "2026-03-14", "day"),
    ("Bids close Feb. 3 at noon.", "Feb. 3", dt.date(2026, 1, 20), "future", "2026-02-03", "2026-02-03", "day"),
    ("The deal was signed on 4 July 2024.", "4 July 2024", MIDYEAR, "past", "2024-07-04", "2024-07-04", "day"),
    ("Figures released on 2025-03-14 showed a dip.", "2025-03-14", MIDYEAR, "past", "2025-03-14", "2025-03-14", "day"),
    ("The commission met this week in private.", "this week", TUE, "past", "2026-02-02", "2026-02-08", "week"),
    ("Tolls rise in early October.", "early October", MIDYEAR, "future", "2025-10-01", "2025-10-10", "span"),
    ("Flooding peaked in mid-October.", "mid-October", dt.date(2025, 12, 1), "past", "2025-10-11", "2025-10-20", "span"),
    ("Snow arrived in late October.", "late October", dt.date(2025, 12, 1), "past", "2025-10-21", "2025-10-31", "span"),
    # a February article's "early January" is the January just gone
    ("Prices eased in early January.", "early January", TUE, None, "2026-01-01", "2026-01-10", "span"),
    ("Strikes spread in early February.", "early February", TUE, "past", "2026-02-01", "2026-02-10", "span"),
    ("The riot followed the January 3 police raid.", "January 3", TUE, None, "2026-01-03", "2026-01-03", "day"),
    ("Earlier this year the senate passed the bill.", "Earlier this year", MIDYEAR, "past", "2025-01-01", "2025-06-18", "span"),
    ("Rates climbed twice earlier this month.", "earlier this month", MIDYEAR, "past", "2025-06-01", "2025-06-18", "span"),
    ("The mill closed two years ago.", "two years ago", MIDYEAR, "past", "2022-12-18", "2023-12-18", "year"),
    ("A year ago the border was shut.", "A year ago", TUE, "past", "2024-08-03", "2025-08-03", "year"),
    ("Output fell sharply in 2019.", "2019", MIDYEAR, "past", "2019-01-01", "2019-12-31", "year"),
    ("Imports doubled in 2025.", "2025", TUE, "past", "2025-01-01", "2025-12-31", "year"),
    ("The tribunal has sat since 2021.", "since 2021", MIDYEAR, None, "2021-01-01", "2025-06-18", "span"),
    ("Fishermen have worked the reef for four decades.", "for four decades", MIDYEAR, "present", "1985-06-18", "2025-06-18", "span"),
    ("Wages stagnated during the previous year.", "the previous year", TUE, "past", "2025-01-01", "2025-12-31", "year"),
    ("Sales dipped during the prior year.", "the prior year", TUE, "past", "2025-01-01", "2025-12-31", "year"),
    ("The council votes next month.", "next month", MIDYEAR, "future", "2025-07-01", "2025-07-31", "month"),
    ("Fares rose last month.", "last month", MIDYEAR, "past", "2025-05-01", "2025-05-31", "month"),
    ("The record was the highest in three decades.", "in three decades", TUE, "past", "1996-02-03", "2026-02-03", "span"),
    ("Rock bands ruled the charts in the 1990s.", "1990s", TUE, "past", "1990-01-01", "1999-12-31", "decade"),
    ("Parliament dissolves in May.", "May", TUE, "future", "2026-05-01", "2026-05-31", "month"),
    ("Her mandate is due to end in August.", "August", TUE, "future", "2026-08-01", "2026-08-31", "month"),
    ("The club folded in August.", "August", TUE, "past", "2025-08-01", "2025-08-31", "month"),
    ("Cases jumped in 2024.", "2024", TUE, "past", "2024-01-01", "2024-12-31", "year"),
    ("Storms hit the coast yesterday.", "yesterday", FRI, "past", "2024-11-07", "2024-11-07", "day"),
    ("The count ends today.", "today", FRI, None, "2024-11-08", "2024-11-08", "day"),
    ("The band plays tonight.", "tonight", FRI, "future", "2024-11-08", "2024-11-08", "day"),
    ("The verdict is due tomorrow.", "tomorrow", FRI, "future", "2024-11-09", "2024-11-09", "day"),
    ("Turnout this year broke records.", "this year", FRI, "past", "2024-01-01", "2024-12-31", "year"),
    ("Turnout last year was low.", "last year", FRI, "past", "2023-01-01", "2023-12-31", "year"),
    ("Fees rise next year.", "next year", FRI, "future", "2025-01-01", "2025-12-31", "year"),
    ("The hotel was built in the late 1970s.", "late 1970s", FRI, "past", "1977-01-01", "1979-12-31", "span"),
    ("Profits rose in the second quarter of 2024.", "the second quarter of 2024", FRI, "past", "2024-04-01", "2024-06-30", "quarter"),
    ("The plan ran from 2010 to 2014.", "from 2010 to 2014", FRI, "past", "2010-01-01", "2014-12-31", "span"),
    ("A summit is planned for June 9-11.", "June 9-11", TUE, "future", "2026-06-09", "2026-06-11", "span"),
    ("Deliveries resume by 2031.", "by 2031", TUE, "future", None, "2031-12-31", "span"),
    ("Protests grew in late 2025.", "late 2025", TUE, "past", "2025-09-01", "2025-12-31", "span"),
    ("The port reopened in mid-2023.", "mid-2023", TUE, "past", "2023-05-01", "2023-08-31", "span"),
    ("The tariff was first applied on 11/05/2019.", "11/05/2019", TUE, "past", "2019-11-05", "2019-11-05", "day"),
    ("Since the start of the year the rand has slid.", "Since the start of the year", TUE, None, "2026-01-01", "2026-02-03", "span"),
    ("Strikes are the most frequent since the 1970s.", "since the 1970s", TUE, None, "1970-01-01", "2026-02-03", "span"),
    ("Sales fell in the first half of the year.", "the first half of the year", dt.date(2025, 10, 7), "past", "2025-01-01", "2025-06-30", "span"),
    ("The canal was dug in the 18th century.", "the 18th century", TUE, "past", "1701-01-01", "1800-12-31", "span"),
    ("The quarry flooded in the spring.", "the spring", TUE, "past", "2025-03-01", "2025-05-31", "span"),
    ("Last summer's floods cost millions.", "Last summer", dt.date(2025, 10, 7), "past", "2025-06-01", "2025-08-31", "span"),
    ("The mill will reopen in two weeks.", "in two weeks", TUE, "future", "2026-02-16", "2026-02-22", "week"),
    ("The bridge opened in July last year.", "July last year", TUE, "past", "2025-07-01", "2025-07-31", "month"),
    ("Over the last decade, rents doubled.", "the last decade", MIDYEAR, None, "2015-06-18", "2025-06-18", "span"),
    ("It was founded 25 years ago.", "25 years ago", MIDYEAR, "past", "1999-12-18", "2000-12-18", "year"),
    ("The squad won the 2000-01 title.", "2000-01", MIDYEAR, "past", "2000-01-01", "2001-12-31", "span"),
    ("A fortnight ago the pass reopened.", "A fortnight ago", TUE, "past", "2026-01-19", "2026-01-25", "week"),
    ("The well ran dry more than a year ago.", "more than a year ago", TUE, "past", None, "2025-02-03", "span"),
    ("The shop opened less than a year ago.", "less than a year ago", TUE, "past", "2025-02-03", "2026-02-03", "span"),
    ("The gallery is shut from Monday to Friday.", "from Monday to Friday", TUE, "future", "2026-02-09", "2026-02-13", "span"),
    ("A review is due by the end of the decade.", "the end of the decade", TUE, "future", "2028-01-01", "2029-12-31", "span"),
    ("Officials said 2025 was the wettest year.", "2025", TUE, "past", "2025-01-01", "2025-12-31", "year"),
    ("Planting starts in late spring.", "late spring", TUE, "future", "2026-05-01", "2026-05-31", "span"),
    ("Clashes flared in the third week of January.", "the third week of January", TUE, "past", "2026-01-15", "2026-01-21", "week"),
    ("Fares have been frozen for six months.", "for six months", TUE, None, "2025-08-03", "2026-02-03", "span"),
    ("The survey spans the years 2016 to 2021.", "2016 to 2021", TUE, "past", "2016-01-01", "2021-12-31", "span"),
    ("The survey ran from 2016 to 2021.", "from 2016 to 2021", TUE, "past", "2016-01-01", "2021-12-31", "span"),
    ("Visitors are below pre-2020 levels.", "pre-2020", TUE, None, None, "2019-12-31", "span"),
    ("Post-2008 rules tightened lending.", "Post-2008", TUE, None, "2009-01-01", None, "span"),
]


@pytest.mark.parametrize(("sentence", "words", "anchor", "tense", "lo", "hi", "grain"), CASES)
def test_resolves_to_interval(sentence: str, words: str, anchor: dt.date, tense: str | None,
                              lo: str | None, hi: str | None, grain: str) -> None:
    t = one(sentence, words, anchor, tense)
    assert (t.date_from, t.date_to, t.granularity) == (lo, hi, grain)
    assert sentence[t.start:t.end] == words


def test_offsets_point_into_the_body() -> None:
    body = "Headline words.\n\nThe talks ended on Tuesday after two rounds in early February."
    start = body.index("The talks")
    sentence = body[start:]
    found = find_times(sentence, offset=start, anchor=TUE, anchor_source="published", tense="past")
    assert [t.text for t in found] == ["Tuesday", "early February"]
    for t in found:
        assert body[t.start:t.end] == t.text
        assert t.anchor == "2026-02-03" and t.anchor_source == "published"


def test_tense_picks_the_week() -> None:
    preview = one("The leaders meet on Thursday.", "Thursday", TUE, "future")
    report = one("The leaders met on Thursday.", "Thursday", TUE, "past")
    assert preview.date_from == "2026-02-05"
    assert report.date_from == "2026-01-29"


def test_without_anchor_relative_stays_unresolved_absolute_resolves() -> None:
    found = find_times("The pact signed on Tuesday replaced one from March 14, 2026 and another from 2019.",
                       anchor=None, anchor_source=None, tense="past")
    by_text = {t.text: t for t in found}
    assert by_text["Tuesday"].date_from is None and by_text["Tuesday"].note == "no anchor"
    assert by_text["March 14, 2026"].date_from == "2026-03-14"
    assert by_text["2019"].date_to == "2019-12-31"


@pytest.mark.parametrize(
    "sentence",
    [
        "Roughly 3,000 tons of cargo were lost.",
        "Tariffs of 50% took effect.",
        "The firm sold 2,024 units.",
        "About 1850 volunteers signed up.",
        "The mayor may resign, aides said.",
        "Protesters will march on the capital.",
        "May the best team win.",
        "The score was 2-1 at half time.",
        "Reporter April Ryan asked the first question.",
        "June Almeida photographed the virus.",
    ],
)
def test_numbers_and_verbs_are_not_times(sentence: str) -> None:
    assert find_times(sentence, anchor=TUE, anchor_source="published", tense="past") == []


def test_since_is_open_at_the_end() -> None:
    t = one("Rebels have held the town since 2021.", "since 2021", TUE, None)
    assert t.open_end and t.date_to == "2026-02-03"


def test_more_than_centuries_is_open_at_the_start() -> None:
    t = one("The two states have traded for more than two centuries.", "for more than two centuries", TUE, "present")
    assert t.open_start and t.date_from == "1826-02-03" and t.date_to == "2026-02-03"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Exports have slowed in recent months.", "recent months"),
        ("The mine had been sold months earlier.", "months earlier"),
        ("The two sides have quarrelled for decades.", "for decades"),
        ("The truce collapsed three days later.", "three days later"),
        ("A verdict is expected in the coming weeks.", "the coming weeks"),
        ("Ten years on, the town is rebuilt.", "Ten years on"),
        ("The law passed in May, months after it was drafted.", "months after"),
    ],
)
def test_vague_or_event_relative_is_marked_not_guessed(sentence: str, words: str) -> None:
    t = one(sentence, words, TUE, "past")
    assert t.date_from is None and t.date_to is None and t.note


def test_resolve_time_re_anchors_and_keeps_the_span() -> None:
    t = one("The ferry sank on Tuesday.", "Tuesday", None, "past")
    assert t.date_from is None
    again = resolve_time(t, anchor=dt.date(2026, 2, 5), anchor_source="story", tense="past")
    assert (again.text, again.start, again.end) == (t.text, t.start, t.end)
    assert again.date_from == "2026-02-03" and again.anchor_source == "story" and again.note is None


def test_present_perfect_duration_runs_to_the_anchor_even_when_called_past() -> None:
    t = one("The two ports have traded for more than two centuries.", "for more than two centuries", None, "past")
    assert t.date_from is None
    again = resolve_time(t, anchor=TUE, anchor_source="story", tense="past")
    assert (again.date_from, again.date_to, again.open_start) == ("1826-02-03", "2026-02-03", True)
    simple_past = one("The siege went on for two years in the 1640s.", "for two years", TUE, "past")
    assert simple_past.date_from is None and simple_past.note


def test_a_weekday_given_with_its_date_picks_the_matching_year() -> None:
    t = one("The vote is on Tuesday, Feb. 10.", "Tuesday, Feb. 10", TUE, "future")
    assert t.date_from == "2026-02-10" and t.note is None


def test_seed_time_expressions(seeds_dir: Path) -> None:
    """The seeds' own datings, each found in its sentence and resolved as the story reads."""
    expected = {
        # file prefix: (words, anchor, tense, from, to)
        "001": [("February 3, 2026", TUE, "past", "2026-02-03", "2026-02-03"),
                ("in three decades", TUE, "past", "1996-02-03", "2026-02-03")],
        "002": [("Tuesday", TUE, "past", "2026-02-03", "2026-02-03"),
                ("early February", TUE, "past", "2026-02-01", "2026-02-10")],
        "003": [("2024", TUE, "past", "2024-01-01", "2024-12-31"),
                ("August", TUE, "future", "2026-08-01", "2026-08-31")],
        "004": [("January 3", MON, "past", "2026-01-03", "2026-01-03"),
                ("early January", MON, "past", "2026-01-01", "2026-01-10"),
                ("last Thursday", MON, "past", "2026-01-29", "2026-01-29"),
                ("Tuesday", MON, "future", "2026-02-03", "2026-02-03")],
    }
    for prefix, wants in expected.items():
        path = next(seeds_dir.glob(f"{prefix}_*.txt"))
        body = path.read_text(encoding="utf-8")
        sentences = re.split(r"(?<=[.!?])\s+|\n+", body)
        for words, anchor, tense, lo, hi in wants:
            hits = [t for s in sentences if words in s
                    for t in find_times(s, anchor=anchor, anchor_source="published", tense=tense) if t.text == words]
            assert hits, f"{words!r} not found in {path.name}"
            assert (hits[0].date_from, hits[0].date_to) == (lo, hi), (path.name, words)


def test_since_looks_back_whatever_the_tense() -> None:
    t = one("Crews have worked since September and will finish soon.", "since September", TUE, "future")
    assert (t.date_from, t.date_to) == ("2025-09-01", "2026-02-03")


def test_a_range_shares_the_year_written_once() -> None:
    t = one("Heat records fell from July 4 to July 9, 2010.", "from July 4 to July 9, 2010", TUE, None)
    assert (t.date_from, t.date_to) == ("2010-07-04", "2010-07-09")
    t = one("Sales were counted from January through September 2016.", "from January through September 2016", TUE, None)
    assert (t.date_from, t.date_to) == ("2016-01-01", "2016-09-30")


@pytest.mark.parametrize("sentence", ["Humans crossed the strait 5000 years ago.", "The rock formed 10,000 years ago.",
                                      "In 9000 years the star will fade."])
def test_beyond_the_calendar_is_marked_not_raised(sentence: str) -> None:
    found = find_times(sentence, anchor=TUE, anchor_source="published", tense=None)
    assert found and all(t.date_from is None and t.note == "outside the calendar range" for t in found)


def test_intervals_never_run_backwards() -> None:
    sentences = [
        "From December to February the port froze; since October it has been dredged.",
        "Between March 3 and March 1 nothing happened.",
        "Later this month, and earlier this year, and since late June, prices moved.",
        "The games ran from Friday to Monday, then from 2019-2021.",
    ]
    for anchor in (TUE, FRI, dt.date(2020, 2, 29), dt.date(2023, 12, 31)):
        for tense in ("past", "future", "present", None):
            for s in sentences:
                for t in find_times(s, anchor=anchor, anchor_source="published", tense=tense):
                    assert s[t.start:t.end] == t.text
                    if t.date_from and t.date_to:
                        assert t.date_from <= t.date_to, (s, anchor, tense, t)


@pytest.mark.parametrize(
    ("sentence", "words", "tense", "lo", "open_start"),
    [
        ("The walkout would be the first at the shipyard in eleven years.", "in eleven years", "future",
         "2015-02-03", False),
        ("For the first time in three decades, the ferry will not sail.", "in three decades", "future",
         "1996-02-03", False),
        ("Tomorrow's march will be the biggest in more than a decade.", "in more than a decade", "future",
         "2016-02-03", True),
        ("The closure was the first at the mine in eleven years.", "in eleven years", "past", "2015-02-03", False),
    ],
)
def test_the_first_in_n_years_looks_back_whatever_the_tense(sentence: str, words: str, tense: str,
                                                             lo: str, open_start: bool) -> None:
    t = one(sentence, words, TUE, tense)
    assert (t.date_from, t.date_to, t.granularity, t.open_start) == (lo, "2026-02-03", "span", open_start)
    undated = one(sentence, words, None, tense)
    again = resolve_time(undated, anchor=TUE, anchor_source="story", tense=tense)
    assert (again.date_from, again.date_to) == (lo, "2026-02-03")


def test_a_forecast_in_n_years_still_points_ahead() -> None:
    t = one("The first trains will run in two years.", "in two years", TUE, "future")
    assert t.date_from is not None and t.date_from > "2026-02-03"


ANAPHORS = [
    # (sentence, words, shift from a Tuesday dating -> (from, to, granularity))
    ("Two days later, members voted to accept it.", "Two days later", ("2026-02-05", "2026-02-05", "day")),
    ("The next day crews were back on the quays.", "The next day", ("2026-02-04", "2026-02-04", "day")),
    ("The minister resigned the following day.", "the following day", ("2026-02-04", "2026-02-04", "day")),
    ("A day earlier, the talks had stalled.", "A day earlier", ("2026-02-02", "2026-02-02", "day")),
    ("The two sides had met the night before.", "the night before", ("2026-02-02", "2026-02-02", "day")),
    ("A week later the ferry sailed again.", "A week later", ("2026-02-10", "2026-02-10", "day")),
    ("That evening the mayor addressed the crowd.", "That evening", ("2026-02-03", "2026-02-03", "day")),
    ("Later that day, the union met.", "Later that day", ("2026-02-03", "2026-02-03", "day")),
    ("The following week the cranes stood idle.", "The following week", ("2026-02-09", "2026-02-15", "week")),
    # the night may have passed between the two
    ("Hours later, the deal fell apart.", "Hours later", ("2026-02-03", "2026-02-04", "span")),
    ("Forty-eight hours later it was over.", "Forty-eight hours later", ("2026-02-05", "2026-02-05", "day")),
]


@pytest.mark.parametrize(("sentence", "words", "want"), ANAPHORS)
def test_anaphoric_datings_are_marked_then_counted_from_the_previous_one(
        sentence: str, words: str, want: tuple[str, str, str]) -> None:
    from storycheck.claims.times import is_anaphoric, resolve_anaphoric

    marked = one(sentence, words, dt.date(2026, 2, 6), "past")
    assert marked.date_from is None and is_anaphoric(marked)
    previous = one("The deal was struck on Tuesday night.", "Tuesday night", dt.date(2026, 2, 6), "past")
    dated = resolve_anaphoric(marked, previous)
    assert (dated.date_from, dated.date_to, dated.granularity) == want
    assert (dated.text, dated.start, dated.end) == (marked.text, marked.start, marked.end)
    assert dated.anchor_source == "published" and "Tuesday night" in (dated.note or "")


def test_an_anaphor_needs_a_fine_enough_previous_dating() -> None:
    from storycheck.claims.times import resolve_anaphoric

    later = one("Two days later, the port reopened.", "Two days later", TUE, "past")
    month = one("The strike began in March.", "March", TUE, "past")
    assert resolve_anaphoric(later, month) == later  # two days after which day of March?
    year = one("The plant was privatised in 1994.", "1994", TUE, "past")
    decade = one("It was relisted a decade later.", "a decade later", TUE, "past")
    assert (resolve_anaphoric(decade, year).date_from, resolve_anaphoric(decade, year).date_to) == (
        "2004-01-01", "2004-12-31")


def test_an_event_named_after_the_shift_is_not_the_previous_dating() -> None:
    from storycheck.claims.times import is_anaphoric, resolve_anaphoric

    t = one("Two days after the vote, crews returned.", "Two days after", TUE, "past")
    assert not is_anaphoric(t)
    previous = one("The deal was struck on Tuesday.", "Tuesday", TUE, "past")
    assert resolve_anaphoric(t, previous) == t
    assert resolve_time(t, anchor=FRI, anchor_source="story", tense="past") == t


def test_anaphora_chain_through_an_article() -> None:
    from storycheck.claims.times import resolve_anaphora_in_claims
    from storycheck.model import Claim

    body = ("The strike began on Monday, March 2. The next day, ships queued at the anchorage. "
            "Two days later, the cranes stopped. The last strike was in 2015. A week later, talks resumed.")
    claims = []
    for n, sentence in enumerate(re.split(r"(?<=\.)\s+", body), 1):
        start = body.index(sentence)
        times = find_times(sentence, offset=start, anchor=dt.date(2026, 3, 12), anchor_source="published", tense="past")
        claims.append(Claim(id=f"a:c{n}", article="a", text=sentence, start=start, end=start + len(sentence),
                            modality="asserted", checkworthiness=0.5, times=tuple(times), tense="past"))
    out = resolve_anaphora_in_claims(claims)
    dated = {t.text: t for c in out for t in c.times}
    assert (dated["The next day"].date_from, dated["The next day"].granularity) == ("2026-03-03", "day")
    assert dated["Two days later"].date_from == "2026-03-05"  # from "the next day", itself dated
    # the closest dating before "A week later" is a year: a week after which day of it? left unresolved
    assert dated["A week later"].date_from is None
    for c in out:
        for t in c.times:
            assert body[t.start:t.end] == t.text
    again = resolve_anaphora_in_claims(out)
    assert again == out
