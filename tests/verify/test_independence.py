"""Independent sources: copies and the same outlet twice count once."""

from __future__ import annotations

import random

from storycheck.verify import independent_groups

from .builders import article

REPORT = (
    "Dockworkers at the northern quay stopped work at dawn after a crane cable snapped during the night shift. "
    "The harbour authority closed two berths while engineers inspected the remaining cranes, and ships were "
    "diverted to the southern terminal. Union officials said the cable had been reported as worn three weeks "
    "earlier and that no repair had been scheduled. The authority said an inquiry would report within a month."
)
OTHER = (
    "The city council voted to extend the tram line to the eastern suburbs, ending a decade of debate. "
    "Construction is due to start next spring and the first trams could run within three years, officials said, "
    "although the budget still depends on a regional grant that has not yet been confirmed by the province."
)


def test_syndicated_copy_and_same_outlet_merge_but_others_stay_apart() -> None:
    arts = [
        article("a", REPORT, outlet="Harbour Times"),
        article("b", "Published with permission. " + REPORT + " Copyright the original publisher.", outlet="Valley Wire"),
        article("c", OTHER, outlet="Coast Courier"),
        article("d", OTHER.replace("tram", "light rail"), url="https://www.harbourtimes.example/news/rail", outlet="The Harbour Times"),
        article("e", REPORT[:200] + " " + OTHER[:100], outlet="Bay Herald"),
    ]
    groups = independent_groups(arts, threshold=0.8)
    assert groups == [("a", "b", "d"), ("c",), ("e",)]


def test_trimmed_reprint_counts_as_a_copy() -> None:
    long = REPORT + " " + OTHER
    groups = independent_groups([article("full", long, outlet="A"), article("trim", REPORT, outlet="B")])
    assert groups == [("full", "trim")]


def test_outlet_unknown_falls_back_to_the_web_host() -> None:
    arts = [
        article("x", REPORT, url="https://www.example-news.test/a"),
        article("y", OTHER, url="https://example-news.test/b"),
        article("z", OTHER, url=None),
    ]
    assert independent_groups(arts) == [("x", "y", "z")]
    assert independent_groups(arts[:2] + [article("z", "A short unrelated note about weather.")]) == [("x", "y"), ("z",)]


def test_large_batches_use_lsh_and_find_the_same_copies() -> None:
    rng = random.Random(7)
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3000)]
    arts = [article(f"n{i:03d}", " ".join(rng.choice(vocab) for _ in range(80))) for i in range(320)]
    arts.append(article("copy", arts[7].body))
    groups = independent_groups(arts)
    assert ("copy", "n007") in groups
    assert len(groups) == 320
