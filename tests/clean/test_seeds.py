"""The five real scraped seed articles (read from ../shared/seeds, never copied here).

For each seed: a distinctive short piece of every body sentence must be in the
cleaned body, furniture and comments must not, headings and comments must come
out with their structure, and the status must match a human reading of the lead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storycheck.clean import clean
from storycheck.clean import furniture as F

from .helpers import accounted_for, raw_from_file

BODY = {
    "000": [
        "are expected to meet in Washington, D.C., marking a pivotal",
        "The meeting comes during one of the most strained periods",
        "have maintained diplomatic ties for more than two centuries",
        "the partnership has weathered Cold War politics",
        "Washington has historically provided billions in security",
        "became one of the United States",
        "Relations have grown more complicated since Petro",
        "He has pushed for a shift in Colombia",
        "rhetoric between the two leaders intensified",
        "Trump has taken a hardline stance on drug trafficking",
        "Petro has recently signaled interest in maintaining",
        "The meeting is likely to focus on:",
        "- Counter-narcotics cooperation and evolving strategies",
        "- Regional security and stability in the Caribbean",
        "- Economic and diplomatic ties, including trade",
        "- Balancing sovereignty and partnership",
        "maintaining a functional relationship with the U.S.",
        "Colombia continues to be a key partner in a region",
        "the upcoming talks reflect a broader reality",
        "Whether the meeting leads to a reset or simply stabilizes",
        "remain closely connected.",
    ],
    "001": [
        "Gustavo Petro met with U.S. President Donald Trump",
        "The meeting occurred after months of sharp disagreements",
        "The diplomatic strain in 2025 represented one of the most",
        "Key areas of conflict included differing approaches",
        "Both leaders exchanged publicly critical statements",
        "Colombia has historically been a principal U.S. partner",
        "the bilateral relationship relied heavily on joint efforts",
        "These efforts included cooperation on intelligence",
        "In recent years, however, the diplomatic rapport",
        "government criticized prior U.S. counternarcotics",
        "Washington maintained demands for strict law enforcement",
        "Another source of contention involved Venezuela.",
        "administration expressed willingness to engage more",
        "These differences complicated coordinated regional",
        "During the White House meeting, both leaders addressed",
        "The talks reflected mutual recognition",
        "Colombia remains one of the United States",
        "Its location on key drug transit routes",
        "The meeting between Petro and Trump at the White House",
        "The two governments have established frameworks",
        "The diplomatic engagement in early 2026 also took place",
        "As the U.S. and Colombia moved forward",
        "The White House visit signaled both a willingness",
        "regional stability and U.S. foreign policy goals.",
    ],
    "002": [
        "President Donald Trump hosted Colombian President",
        "The meeting, held behind closed doors and lasting more",
        "Washington impose sanctions on the Colombian leader",
        "In opening remarks, Mr. Trump focused on the urgent need",
        "Mr. Petro responded by emphasising",
        "The encounter marked a notable shift from the acrimonious",
        "Relations had deteriorated further following",
        "characterised the talks as",
        "He also acknowledged areas of continued divergence",
        "Despite lingering ideological differences, both leaders",
        "The visit also follows a January phone call",
        "Analysts say the meeting could influence regional",
        "managing divergent strategic priorities.",
    ],
    "003": [
        "President Donald Trump hosted Colombian President",
        "The encounter marked a sharp tonal shift",
        "Petro has repeatedly condemned U.S. military actions",
        "Despite that history, the two-hour meeting unfolded",
        "Images shared afterward showed the leaders smiling",
        "Trump praised Colombia directly",
        "The friction between the two presidents intensified",
        "Trump responded with threats of a trade war",
        "The episode cemented Trump",
        "Tensions escalated further when Petro",
        "That move triggered swift retaliation",
        "surged to roughly 3,000 tons in 2024",
        "Behind the scenes, sustained backchannel diplomacy",
        "A lengthy phone call between the two leaders earlier",
        "Colombia remains Washington",
        "tente is pragmatic rather than warm.",
        "Experts at the Washington Office on Latin America",
        "the window for cooperation may be limited",
    ],
    "004": [
        "is set to host Colombian President Gustavo Petro",
        "The high-stakes summit brings together two leaders",
        "Petro previously called Trump an",
        "This war of words escalated into concrete actions",
        "Relations began to thaw in early January",
        "After their conversation, Trump expressed that it was",
        "The meeting agenda is expected to focus on strategies",
        "a lot of space here for mutual cooperation",
        "said Elizabeth Dickinson, a Colombia expert",
        "Colombia has historically been a key U.S. ally",
        "However, this relationship has faced extraordinary",
        "The United States maintains its commitment to",
        "In contrast, Petro advocates for interdiction",
        "In a notable rebuke, the U.S. added Colombia",
        "This designation reflected Washington",
        "Petro has countered criticism by highlighting record",
        "However, United Nations research tells a different",
        "According to UN data, potential cocaine production",
        "The Venezuela situation has further complicated",
        "Tensions peaked following the January 3 U.S. raid",
        "Petro denounced the operation as an",
        "bombing of Guernica, Spain.",
        "Despite his strong initial reaction",
        "More recently, Petro has called for Maduro",
        "director for the Andes region at the Washington",
        "She expects both presidents will likely agree",
        "In a positive sign of warming relations",
        "Images released showed citizens arriving at",
        "relenting only after Trump threatened 50% tariffs",
        "A good outcome [of the meeting] would be",
        "The less noise there is around the relationship",
        "As the two leaders prepare to meet, the diplomatic",
        "two presidents with fundamentally different worldviews",
    ],
}

NOT_IN_BODY = {
    "000": ["0 Comments", "A Relationship With Deep Roots", "A Test of Diplomacy"],
    "001": ["Imagen", "Add a comment", "Leave a Reply", "Your email address", "Advertisement",
            "Relations U.S.-Colombia", "Amid Tensions in U.S.-Colombia Relations"],
    "002": ["Hold High-Stakes Washington Talks", "meet privately at the White House in a bid"],
    "003": ["From Open Hostility to a Surprising Encounter", "Strategic Reality Behind"],
    "004": ["Listen to the article", "0:00", "Fact Checker", "Verify the accuracy", "8 Comments",
            "This meeting will be a test", "William Williams", "Absolutely. Productive", "Leave A Reply",
            "A professional organisation", "Disinformation Commission", "Sheridan, WY", "All rights reserved",
            "Michael Y. Brown", "bad blood to overcome"],
}

STATUS = {"000": "preview", "001": "report", "002": "report", "003": "report", "004": "preview"}

HEADINGS = {
    "000": ["A Relationship With Deep Roots", "Tensions in a New Political Era", "What’s at Stake",
            "A Test of Diplomacy"],
    "001": [],
    "002": [],
    "003": ["A Relationship Shaped by Ideology and Retaliation", "Strategic Reality Behind the Diplomatic Pause"],
    "004": [],
}


def _seed(seeds_dir: Path, prefix: str) -> Path:
    found = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {seeds_dir}")
    return found[0]


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {p: (path := _seed(seeds_dir, p), clean(raw_from_file(path))) for p in BODY}


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_no_body_sentence_is_lost(seeds, prefix):
    _, article = seeds[prefix]
    missing = [n for n in BODY[prefix] if n not in article.body]
    assert not missing


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_no_furniture_or_comment_in_body(seeds, prefix):
    _, article = seeds[prefix]
    leaked = [n for n in NOT_IN_BODY[prefix] if n in article.body]
    assert not leaked
    assert all(line.strip() not in {"-", "•", ""} for line in article.body.split("\n\n"))
    assert "\n\n\n" not in article.body and article.body == article.body.strip()


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_every_line_is_accounted_for(seeds, prefix):
    path, article = seeds[prefix]
    lost = [line for line in path.read_text(encoding="utf-8").splitlines() if not accounted_for(line, article)]
    assert not lost


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_status(seeds, prefix):
    _, article = seeds[prefix]
    assert article.status == STATUS[prefix]
    assert article.status_evidence and article.status_evidence in article.body


def test_status_evidence_is_the_lead_sentence(seeds):
    assert "are expected to meet" in seeds["000"][1].status_evidence
    assert "met with" in seeds["001"][1].status_evidence
    assert "is set to host" in seeds["004"][1].status_evidence


@pytest.mark.parametrize("prefix", sorted(BODY))
def test_headings(seeds, prefix):
    _, article = seeds[prefix]
    assert [h.text for h in article.headings] == HEADINGS[prefix]
    for h in article.headings:
        assert h.offset == 0 or article.body[h.offset - 2 : h.offset] == "\n\n"


def test_heading_offsets_point_at_their_sections(seeds):
    body, headings = seeds["000"][1].body, seeds["000"][1].headings
    assert body[headings[0].offset :].startswith("The United States and Colombia have")
    assert body[headings[2].offset :].startswith("The meeting is likely to focus on:")


def test_titles_and_subtitle(seeds):
    assert seeds["000"][1].title is None  # starts with a body sentence
    assert seeds["001"][1].title.startswith("Gustavo Petro Meets Donald Trump")
    assert seeds["002"][1].title.startswith("Trump and Colombia")
    assert seeds["002"][1].subtitle.startswith("After months of public tensions over drug policy")
    assert seeds["003"][1].title == "From Open Hostility to a Surprising Encounter"
    assert seeds["004"][1].title is None


def test_seed_001_furniture_reasons(seeds):
    reasons = {r.text: r.reason for r in seeds["001"][1].removed}
    assert reasons["Imagen: Facebook"] == F.IMAGE_CREDIT
    assert reasons["Advertisement"] == F.AD
    assert reasons["Add a comment"] == F.COMMENT_FORM
    assert reasons["U.S.-Colombia Relations U.S.-Colombia Relations"] == F.CATEGORY_TAG
    assert seeds["001"][1].comments == ()


def test_seed_004_comment_thread(seeds):
    article = seeds["004"][1]
    got = [(c.id, c.author, c.reply_to) for c in article.comments]
    assert got == [
        ("c1", None, None),
        ("c2", "William Williams", None),
        ("c3", None, "c2"),
        ("c4", "Michael Y. Brown", None),
        ("c5", None, "c4"),
        ("c6", None, None),
        ("c7", "James C. Johnson", "c6"),
        ("c8", None, None),
    ]
    assert article.comments[0].text.startswith("This meeting will be a test")
    assert article.comments[2].text.startswith("Absolutely. Productive")
    assert article.comments[7].text.startswith("It’s concerning to see")
    assert not any(c.text.startswith(("•", "-")) for c in article.comments)


def test_seed_004_player_box_and_footer(seeds):
    article = seeds["004"][1]
    reasons = [(r.text.split(" ")[0], r.reason) for r in article.removed]
    assert ("Listen", F.PLAYER) in reasons and ("0:00", F.PLAYER) in reasons
    assert ("Fact", F.BOX) in reasons and ("Verify", F.BOX) in reasons
    assert ("©", F.FOOTER) in reasons and ("Company", F.FOOTER) in reasons
    assert article.outlet == "Disinformation Commission LLC"


def test_seeds_are_english_and_stable(seeds):
    for path, article in seeds.values():
        assert article.language == "en"
        assert clean(raw_from_file(path)).body == article.body
