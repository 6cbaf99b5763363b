"""Named entities for one article, with short names resolved to the full name it uses.

spaCy's small English model finds most names but misses institutions that news
writes in capitals ("ELN", "U.N.") and long organisation names; an entity ruler
in front of the statistical NER supplies them. Then, within one article, "Petro",
"Mr. Petro", "the Colombian leader" and "Colombia's president" are tied to
"Gustavo Petro" when the article names exactly one person that fits, so that the
verify stage can compare who said what across outlets. Nothing is resolved across
articles here: two articles may use one surname for different people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storycheck.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

# General news institutions the small model misses or mislabels. (label, surface forms)
_INSTITUTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ORG", ("White House", "the White House")),
    ("ORG", ("UN", "U.N.", "United Nations", "the United Nations", "UN Security Council", "U.N. Security Council",
             "United Nations Security Council", "UN General Assembly", "U.N. General Assembly",
             "United Nations General Assembly")),
    ("ORG", ("UNODC", "U.N. Office on Drugs and Crime", "UN Office on Drugs and Crime",
             "United Nations Office on Drugs and Crime")),
    ("ORG", ("UNHCR", "UNICEF", "WHO", "World Health Organization", "IMF", "International Monetary Fund",
             "World Bank", "WTO", "World Trade Organization", "OPEC", "NATO", "EU", "E.U.", "European Union",
             "European Commission", "African Union", "ASEAN", "Organization of American States", "OAS",
             "Mercosur", "G7", "G20", "BRICS")),
    ("ORG", ("ELN", "National Liberation Army", "FARC", "Revolutionary Armed Forces of Colombia", "Hamas",
             "Hezbollah", "Taliban", "ISIS", "Islamic State", "al-Qaeda", "Al Qaeda", "Tren de Aragua")),
    ("ORG", ("International Crisis Group", "Crisis Group", "Washington Office on Latin America", "WOLA",
             "Human Rights Watch", "Amnesty International", "Red Cross", "International Committee of the Red Cross",
             "Doctors Without Borders", "Médecins Sans Frontières", "Transparency International",
             "Council on Foreign Relations", "Brookings Institution", "Atlantic Council", "Wilson Center",
             "Inter-American Dialogue", "Reporters Without Borders", "Committee to Protect Journalists")),
    ("ORG", ("ICC", "International Criminal Court", "International Court of Justice", "ICJ",
             "Inter-American Development Bank", "European Central Bank", "Federal Reserve", "the Fed")),
    ("ORG", ("Pentagon", "Kremlin", "State Department", "U.S. State Department", "Department of State",
             "Justice Department", "Treasury Department", "Department of Homeland Security", "DEA",
             "Drug Enforcement Administration", "FBI", "CIA", "Congress", "Senate", "House of Representatives",
             "Supreme Court", "Foreign Ministry", "Defense Ministry", "Interior Ministry", "Foreign Office",
             "Downing Street", "Elysée", "Bundestag", "Parliament")),
    ("GPE", ("U.S.", "US", "USA", "U.S.A.", "United States", "the United States", "U.K.", "UK", "United Kingdom",
             "Bogotá", "Caracas", "Gaza", "Guernica")),
    ("NORP", ("Colombian", "Venezuelan", "Brazilian", "Mexican", "Latin American")),
)

# Spellings of one place or body that should compare equal across articles.
_ALIASES: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "the United States": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "Britain": "United Kingdom",
    "UN": "United Nations", "U.N.": "United Nations", "the United Nations": "United Nations",
    "E.U.": "European Union", "EU": "European Union",
    "the White House": "White House", "ELN": "National Liberation Army",
    "UNODC": "U.N. Office on Drugs and Crime", "UN Office on Drugs and Crime": "U.N. Office on Drugs and Crime",
    "United Nations Office on Drugs and Crime": "U.N. Office on Drugs and Crime",
    "WOLA": "Washington Office on Latin America", "Crisis Group": "International Crisis Group",
}

# country -> adjectives and short forms that name it
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "American", "United States", "America"),
    "Colombia": ("Colombian",), "Venezuela": ("Venezuelan",), "Brazil": ("Brazilian",), "Mexico": ("Mexican",),
    "Argentina": ("Argentine", "Argentinian"), "Chile": ("Chilean",), "Peru": ("Peruvian",), "Ecuador": ("Ecuadorian",),
    "Bolivia": ("Bolivian",), "Cuba": ("Cuban",), "Panama": ("Panamanian",), "Canada": ("Canadian",),
    "United Kingdom": ("British", "U.K.", "UK", "Britain"), "France": ("French",), "Germany": ("German",),
    "Italy": ("Italian",), "Spain": ("Spanish",), "Portugal": ("Portuguese",), "Netherlands": ("Dutch",),
    "Poland": ("Polish",), "Ukraine": ("Ukrainian",), "Russia": ("Russian",), "Turkey": ("Turkish",),
    "Israel": ("Israeli",), "Iran": ("Iranian",), "Iraq": ("Iraqi",), "Syria": ("Syrian",), "Egypt": ("Egyptian",),
    "Saudi Arabia": ("Saudi",), "India": ("Indian",), "Pakistan": ("Pakistani",), "China": ("Chinese",),
    "Japan": ("Japanese",), "South Korea": ("South Korean",), "North Korea": ("North Korean",),
    "Australia": ("Australian",), "Nigeria": ("Nigerian",), "Kenya": ("Kenyan",), "South Africa": ("South African",),
    "Ethiopia": ("Ethiopian",), "Indonesia": ("Indonesian",), "Philippines": ("Philippine", "Filipino"),
}
_COUNTRY_SHORT_FORMS = frozenset({"U.S.", "US", "United States", "America", "U.K.", "UK", "Britain"})
_COUNTRY_OF: dict[str, str] = {}
for _country, _forms in _COUNTRIES.items():
    _COUNTRY_OF[_country] = _country
    for _form in _forms:
        _COUNTRY_OF[_form] = _country

# roles that make someone "the leader" of a country
_HEAD_ROLES = frozenset({"president", "prime minister", "premier", "chancellor", "leader", "king", "queen", "head of state"})
_ROLE_WORDS = (
    r"(?:[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|[Ll]eader|[Kk]ing|[Qq]ueen|[Hh]ead of [Ss]tate|"
    r"(?:[Ff]oreign|[Dd]efen[cs]e|[Ff]inance|[Ii]nterior|[Tt]rade|[Jj]ustice|[Hh]ealth)? ?[Mm]inister|"
    r"[Vv]ice [Pp]resident|[Ss]ecretary of [Ss]tate|[Aa]mbassador|[Gg]eneral|[Ss]enator|[Gg]overnor|[Mm]ayor)"
)
_COUNTRY_WORDS = "|".join(sorted((re.escape(k) for k in _COUNTRY_OF), key=len, reverse=True))
_APOS = "(?:’s|'s)"
# "Colombian President ", "Colombia's president ", "the U.S. Secretary of State " right before a name
_ROLE_BEFORE_NAME = re.compile(rf"(?:^|[^\w.])(?P<country>{_COUNTRY_WORDS}){_APOS}? (?P<role>{_ROLE_WORDS}) $")
# ", the Colombian leader" / ", Colombia's president" right after a name
_ROLE_AFTER_NAME = re.compile(rf"^, (?:the )?(?P<country>{_COUNTRY_WORDS}){_APOS}? (?P<role>{_ROLE_WORDS})\b")
# a capitalised title right before a name, with no country: "President Lucia Moreno"
_BARE_ROLE_BEFORE_NAME = re.compile(rf"(?:^|[^\w.’'])(?P<role>{_ROLE_WORDS}) $")
# "the president", "the president of Colombia"
_ROLE_DEFINITE = re.compile(rf"\b[Tt]he (?P<role>{_ROLE_WORDS})(?: of (?:the )?(?P<country>{_COUNTRY_WORDS}))?(?![\w-])")
# a role standing for a person: "the Colombian leader", "Colombia's president"
_ROLE_MENTION = re.compile(
    rf"(?:\b[Tt]he (?P<adj>{_COUNTRY_WORDS})|(?<![\w.])(?P<poss>{_COUNTRY_WORDS}){_APOS}) (?P<role>{_ROLE_WORDS})(?![\w-])"
)
# courtesy titles and job titles that may stand before a surname
COURTESY_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr")
_TITLE_PREFIX = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Amb)\.?|President|Vice President|Prime Minister|"
    r"(?:Foreign |Defen[cs]e |Finance |Interior |Trade |Health |Justice )?Minister|Senator|Governor|Mayor|Judge|Justice|"
    r"Coach|Chief|General|Colonel|Captain|Admiral|Ambassador|Professor|Father|Sister|Rabbi|Imam|Bishop|Pope|King|"
    r"Queen|Prince|Princess|Sheikh|Chairman|Chairwoman|Director|Inspector|Officer|Sergeant|Detective|Commissioner|"
    r"Speaker|Secretary|Chancellor|Landlord|Auditor|Economist|Activist|Agronomist|Historian) "
)
_FEMALE_TITLES = frozenset({"Mrs.", "Ms.", "Mrs", "Ms"})
_MALE_TITLES = frozenset({"Mr.", "Mr"})

_PERSONLIKE = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns for institutions and places the small model misses."""
    patterns: list[dict[str, Any]] = []
    for label, forms in _INSTITUTIONS:
        for form in forms:
            patterns.append({"label": label, "pattern": form})
    # countries and their adjectives, which the small model sometimes calls ORG ("Peruvian")
    for country, forms in _COUNTRIES.items():
        patterns.append({"label": "GPE", "pattern": country})
        for form in forms:
            patterns.append({"label": "GPE" if form in _COUNTRY_SHORT_FORMS else "NORP", "pattern": form})
    return patterns


def canonical_alias(text: str) -> str:
    """One spelling for names that outlets write differently ("U.N." -> "United Nations")."""
    text = text.strip()
    if text in _ALIASES:
        return _ALIASES[text]
    if text.startswith(("the ", "The ")):
        text = text[4:]
        return _ALIASES.get(text, text)
    return text


def country_of(word: str) -> str | None:
    """The country a name or adjective stands for ("Colombian" -> "Colombia"), if known."""
    return _COUNTRY_OF.get(word)


@dataclass(slots=True)
class ArticleEntities:
    """The entities of one article and what the quote finder needs to name speakers."""

    entities: list[Entity]
    persons: dict[str, str] = field(default_factory=dict)  # canonical -> gender "m" | "f" | ""
    roles: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # canonical -> {(country, role)}

    def at(self, start: int, end: int) -> Entity | None:
        """The entity overlapping body[start:end] (the longest if several)."""
        best: Entity | None = None
        for ent in self.entities:
            if ent.start < end and start < ent.end and (best is None or ent.end - ent.start > best.end - best.start):
                best = ent
        return best

    def within(self, start: int, end: int) -> list[Entity]:
        return [e for e in self.entities if e.start >= start and e.end <= end]


def _strip_possessive(text: str, end: int) -> tuple[str, int]:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)], end - len(suffix)
    return text, end


def _bare_name(text: str) -> str:
    """A person mention without a leading title: "President Donald Trump" -> "Donald Trump"."""
    prev = None
    while prev != text:
        prev = text
        text = _TITLE_PREFIX.sub("", text)
        # a lowercase job description the NER swept in: "protest organiser Tomas Riva"
        text = re.sub(r"^[a-z][\w-]* (?=\S)", "", text)
    return text.strip()


_ORG_HEADS = re.compile(
    r"(?:Union|Association|Federation|Council|Party|Alliance|Committee|Ministry|Department|Agency|Institute|"
    r"Group|Company|Corporation|Authority|Board|Trust|Front|Movement|Army|Forces|Commission|Office|Bank|Court)$"
)
_ORG_LEFT = re.compile(r"(?:(?<=\s)|^)(?:[Tt]he\s+)?((?:[A-Z][\w’'.-]*\s+){1,4}(?:and|&|of|for)\s+)$")


def _join_split_organisations(raw: list[tuple[str, str, int, int]], body: str) -> list[tuple[str, str, int, int]]:
    """Rejoin "Draystead Dock and Harbour Workers' Union", which the NER cuts at "and"."""
    out = list(raw)
    for text, label, start, end in raw:
        if label != "ORG" or not _ORG_HEADS.search(text):
            continue
        m = _ORG_LEFT.search(body[max(0, start - 80) : start])
        if not m:
            continue
        new_start = start - len(m.group(1))
        if text.startswith(("the ", "The ")) or any(
            r[1] in {"GPE", "PERSON", "NORP", "LOC", "DATE"} and r[2] < start and new_start < r[3] for r in raw
        ):
            continue  # "Colombia and the Finance Ministry" are two things
        joined = (body[new_start:end], "ORG", new_start, end)
        out = [r for r in out if not (r[2] < end and new_start < r[3])]
        # the article may have swept "the" into the left half ("the Draystead Dock")
        out = [r for r in out if not (r[3] <= new_start and body[r[2]:new_start].strip() in {"the", "The"})]
        out.append(joined)
    out.sort(key=lambda r: r[2])
    return _attach_country(out, body)


_NATIONAL_BODIES = re.compile(
    r"^(?:(?:Foreign|Defen[cs]e|Interior|Finance|Justice|Health|Trade|Economy) Ministry|Ministry of \w+|"
    r"(?:State|Treasury|Justice|Defense) Department|Foreign Office|Supreme Court|Congress|Senate|Parliament|"
    r"Army|Navy|Air Force|National Police|Police|Central Bank|Embassy|Attorney General's Office)$"
)


def _attach_country(raw: list[tuple[str, str, int, int]], body: str) -> list[tuple[str, str, int, int]]:
    """"Colombian" + "Foreign Ministry" -> "Colombian Foreign Ministry": whose ministry matters across outlets."""
    out: list[tuple[str, str, int, int]] = []
    for item in raw:
        text, label, start, end = item
        prev = out[-1] if out else None
        if (
            label == "ORG" and _NATIONAL_BODIES.match(text) and prev is not None
            and (prev[1] in {"NORP", "GPE"} or prev[0] in _COUNTRY_OF)
            and re.fullmatch(r"(?:’s|'s)? ", body[prev[3] : start])
        ):
            out[-1] = (body[prev[2] : end], "ORG", prev[2], end)
            continue
        out.append(item)
    return out


def _only(options: set[str] | None) -> str | None:
    return next(iter(options)) if options and len(options) == 1 else None


def _looks_like_titled_person(text: str, body: str, start: int) -> bool:
    """A two- or three-word capitalised name right after (or starting with) a personal title."""
    if text.startswith(("the ", "The ")):
        return False
    bare = _bare_name(text)
    words = bare.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if _TITLE_PREFIX.match(text) or re.match(r"[a-z]", text):
        return True
    before = body[max(0, start - 30) : start]
    return bool(re.search(r"(?:^|\s)(?:Mayor|Governor|Senator|Minister|President|Judge|Coach|Dr\.|Mr\.|Mrs\.|Ms\.|Professor|Ambassador) $", before))


def _norm_role(role: str) -> str:
    return " ".join(role.lower().split())


def _role_fits(mention_role: str, held: str) -> bool:
    if mention_role == held:
        return True
    if mention_role == "leader":
        return held in _HEAD_ROLES
    if mention_role == "minister":
        return held.endswith("minister")
    return False


def resolve_entities(doc: Doc, body: str) -> ArticleEntities:
    """All entities of one article with ``canonical`` set to the full name the article uses."""
    raw: list[tuple[str, str, int, int]] = []
    for ent in doc.ents:
        text, end = _strip_possessive(ent.text, ent.end_char)
        if not text.strip():
            continue
        label = ent.label_
        if label in {"ORG", "FAC", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"} and _looks_like_titled_person(text, body, ent.start_char):
            label = "PERSON"  # "Mayor Helen Park" tagged as a park, "Landlord Victor Adeyemi" as a firm
        start = ent.start_char
        if label == "PERSON":
            # a hyphenated given name the NER left out: "Min-jun Seo" found as "Seo"
            m = re.search(r"(?:^|(?<=\s))[A-Z][a-z]+-[A-Za-z][a-z]+ $", body[max(0, start - 30) : start])
            if m:
                start -= len(m.group(0))
                text = body[start:end]
        raw.append((text, label, start, end))

    raw = _join_split_organisations(raw, body)

    # full names (two or more words) and the surnames / first names that point to them
    full_names: list[str] = []
    for text, label, _s, _e in raw:
        if label == "PERSON":
            name = _bare_name(text)
            if len(name.split()) >= 2 and name not in full_names and name[:1].isupper():
                full_names.append(name)
    by_short: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)  # trusted only where the NER itself saw a person
    for name in full_names:
        parts = name.split()
        by_short[parts[-1]].add(name)
        by_first[parts[0]].add(name)
        if "-" in parts[-1]:
            by_short[parts[-1].split("-")[0]].add(name)
    # a full name that is itself the tail of a longer one ("Petro" is short; "Gustavo Petro" is full)
    for name in full_names:
        for longer in full_names:
            if longer != name and longer.endswith(" " + name):
                by_short[name].add(longer)

    def person_for(text: str) -> str | None:
        bare = _bare_name(text)
        if bare in full_names and len(by_short.get(bare, ())) == 0:
            return bare
        if bare in full_names:
            longer = by_short[bare]
            return next(iter(longer)) if len(longer) == 1 else bare
        options = by_short.get(bare) or by_first.get(bare)
        if options and len(options) == 1:
            return next(iter(options))
        return None

    genders: dict[str, str] = {}
    entities: list[Entity] = []
    covered: set[int] = set()
    for text, label, start, end in raw:
        canonical = canonical_alias(text)
        if label == "PERSON" or (label in _PERSONLIKE and " " not in text and text in by_short):
            person = person_for(text) if label == "PERSON" else _only(by_short.get(text))
            if person is not None:
                label, canonical = "PERSON", person
            elif label == "PERSON":
                canonical = _bare_name(text) or text
        if label == "PERSON":
            title_m = re.search(r"(Mr|Mrs|Ms|Dr)\.? $", body[max(0, start - 5) : start])
            if title_m:
                title = title_m.group(0).strip()
                start -= len(title_m.group(0))
                text = body[start:end]
                g = "f" if title in _FEMALE_TITLES else "m" if title in _MALE_TITLES else ""
                if g:
                    genders.setdefault(canonical, g)
        entities.append(Entity(text=text, label=label, start=start, end=end, canonical=canonical))
        covered.update(range(start, end))

    # surnames the NER missed entirely ("Petro" tagged as nothing)
    for tok in doc:
        # the tagger sometimes calls a rare surname a common noun ("Voss branded ..."): trust the capital
        if tok.idx in covered or not tok.text[:1].isupper() or tok.tag_ not in {"NNP", "NNPS", "NN", "NNS"}:
            continue
        options = by_short.get(tok.text)
        neighbours = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
        if any(n.text[:1].isupper() and n.tag_ in {"NNP", "NNPS"} and n.text not in COURTESY_TITLES for n in neighbours):
            continue  # part of a longer name: "Draystead" in "Draystead Port Terminals"
        if options and len(options) == 1:
            start, end = tok.idx, tok.idx + len(tok.text)
            title_m = re.search(r"(Mr|Mrs|Ms|Dr)\.? $", body[max(0, start - 5) : start])
            if title_m:
                start -= len(title_m.group(0))
            entities.append(Entity(text=body[start:end], label="PERSON", start=start, end=end, canonical=next(iter(options))))
            covered.update(range(start, end))

    roles = _role_ties(entities, body)
    entities = _add_role_mentions(entities, body, roles)
    entities.sort(key=lambda e: (e.start, -e.end))
    persons = {e.canonical: genders.get(e.canonical, "") for e in entities if e.label == "PERSON"}
    return ArticleEntities(entities=entities, persons=persons, roles=roles)


def _role_ties(entities: Iterable[Entity], body: str) -> dict[str, set[tuple[str, str]]]:
    """Which person holds which (country, role), from "Colombian President Gustavo Petro" and appositives."""
    ties: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ent in entities:
        if ent.label != "PERSON" or " " not in ent.canonical:
            continue
        before = body[max(0, ent.start - 60) : ent.start]
        m = _ROLE_BEFORE_NAME.search(before)
        if m:
            ties[ent.canonical].add((_COUNTRY_OF[m.group("country")], _norm_role(m.group("role"))))
        else:
            m = _BARE_ROLE_BEFORE_NAME.search(before)
            if m and m.group("role")[:1].isupper():
                ties[ent.canonical].add(("", _norm_role(m.group("role"))))
        m = _ROLE_AFTER_NAME.match(body[ent.end : ent.end + 60])
        if m:
            ties[ent.canonical].add((_COUNTRY_OF[m.group("country")], _norm_role(m.group("role"))))
    return dict(ties)


def _add_role_mentions(entities: list[Entity], body: str, roles: dict[str, set[tuple[str, str]]]) -> list[Entity]:
    """Turn "the Colombian leader" into a PERSON entity when one person of the article fits."""
    if not roles:
        return entities
    added: list[Entity] = []
    mentions: list[tuple[int, int, str | None, str]] = []
    for m in _ROLE_MENTION.finditer(body):
        mentions.append((m.start(), m.end(), _COUNTRY_OF[m.group("adj") or m.group("poss")], m.group("role")))
    for m in _ROLE_DEFINITE.finditer(body):
        country = _COUNTRY_OF[m.group("country")] if m.group("country") else None
        mentions.append((m.start(), m.end(), country, m.group("role")))
    taken: list[tuple[int, int]] = []
    for m_start, m_end, country, role_text in sorted(mentions, key=lambda x: (x[0], -x[1])):
        if any(s <= m_start < e for s, e in taken):
            continue
        after = body[m_end : m_end + 3]
        if re.match(r"\s+[A-Z]", after) or after.startswith("s "):
            continue  # a title before a name ("Colombian President Gustavo Petro"), or a plural
        role = _norm_role(role_text)
        fits = [
            name for name, held in roles.items()
            if any((country is None or c == country) and _role_fits(role, r) for c, r in held)
        ]
        if len(fits) != 1:
            continue
        start = m_start
        while start < len(body) and not body[start].isalpha():
            start += 1
        taken.append((start, m_end))
        added.append(Entity(text=body[start:m_end], label="PERSON", start=start, end=m_end, canonical=fits[0]))
    if not added:
        return entities
    kept = [e for e in entities if not any(a.start <= e.start and e.end <= a.end for a in added)]
    return kept + added
