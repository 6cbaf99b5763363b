"""Unit and hedge vocabulary for quantities, normalised so outlets' wordings compare.

"tonnes" and "tons" are one unit, "%" and "per cent" are one, "$" and "dollars" are
USD; counted nouns keep their own singular ("protester", "worker") because 300
soldiers and 300 civilians are different counts.
"""

from __future__ import annotations

UNIT_WORDS: dict[str, str] = {
    # percent
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    # time
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    # mass
    "ton": "ton", "tons": "ton", "tonne": "ton", "tonnes": "ton", "metric tons": "ton", "metric tonnes": "ton",
    "kilogram": "kilogram", "kilograms": "kilogram", "kg": "kilogram", "kilos": "kilogram",
    "milligram": "milligram", "milligrams": "milligram", "mg": "milligram", "gram": "gram", "grams": "gram",
    "pound": "pound", "pounds": "pound", "lb": "pound", "lbs": "pound", "ounce": "ounce", "ounces": "ounce",
    # length and area
    "kilometre": "kilometer", "kilometres": "kilometer", "kilometer": "kilometer", "kilometers": "kilometer",
    "km": "kilometer", "metre": "meter", "metres": "meter", "meter": "meter", "meters": "meter",
    "mile": "mile", "miles": "mile", "inch": "inch", "inches": "inch", "foot": "foot", "feet": "foot", "ft": "foot",
    "millimetre": "millimeter", "millimetres": "millimeter", "millimeter": "millimeter",
    "millimeters": "millimeter", "mm": "millimeter", "centimetre": "centimeter", "centimetres": "centimeter",
    "centimeter": "centimeter", "centimeters": "centimeter", "cm": "centimeter",
    "square kilometres": "square kilometer", "square kilometers": "square kilometer",
    "square miles": "square mile", "sq km": "square kilometer", "km2": "square kilometer",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "acre": "acre", "acres": "acre",
    # volume and energy
    "barrel": "barrel", "barrels": "barrel", "bpd": "barrel", "litre": "liter", "litres": "liter",
    "liter": "liter", "liters": "liter", "gallon": "gallon", "gallons": "gallon",
    "megawatt": "megawatt", "megawatts": "megawatt", "mw": "megawatt", "gigawatt": "gigawatt",
    "gigawatts": "gigawatt", "gw": "gigawatt",
    # other measures
    "degree": "degree", "degrees": "degree", "point": "point", "points": "point", "votes": "vote",
    # money named after the number
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "peso": "peso", "pesos": "peso",
    "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP", "rupee": "rupee", "rupees": "rupee",
    "reais": "BRL", "real": "BRL", "bolivars": "bolivar", "bolivares": "bolivar", "rubles": "RUB",
    "roubles": "RUB", "francs": "franc", "cop": "COP",
}
# longest first so "per cent" and "metric tons" win over "per" and "tons"
UNIT_ALTERNATION = "|".join(
    sorted((k.replace(" ", r"\s+").replace("%", "%") for k in UNIT_WORDS), key=len, reverse=True)
)

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "$US": "USD", "C$": "CAD", "A$": "AUD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "COP": "COP",
}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

# Nouns counted often enough in news that a number word before them is a quantity
# ("six crew", "twenty-five soldiers"); with digits any plural noun counts.
COUNTED_NOUNS: dict[str, str] = {
    "people": "people", "persons": "people", "person": "people", "crew": "crew", "staff": "staff",
    "police": "police", "personnel": "personnel", "children": "child", "men": "man", "women": "woman",
    "aircraft": "aircraft", "cattle": "cattle",
}
COUNTED_PLURALS = {
    "soldiers", "troops", "workers", "protesters", "demonstrators", "migrants", "refugees", "deportees",
    "civilians", "residents", "families", "students", "teachers", "officers", "prisoners", "hostages",
    "victims", "deaths", "casualties", "patients", "doctors", "journalists", "fighters", "rebels",
    "guerrillas", "members", "employees", "passengers", "delegates", "voters", "farmers", "homes",
    "houses", "ships", "vessels", "boats", "planes", "flights", "drones", "missiles", "vehicles",
    "companies", "firms", "jobs", "cases", "arrests", "lawmakers", "senators",
    "seats", "votes", "villages", "towns", "cities", "schools", "hospitals", "fans", "athletes",
}
# adjectives allowed between a number and its noun ("1,450 new teachers")
# words that never stand between a number and its noun ("12 were killed", "5,000 more")
NOT_BRIDGES = {
    "and", "or", "but", "were", "are", "was", "is", "have", "had", "has", "of", "in", "to", "the", "a", "an",
    "more", "less", "than", "from", "for", "at", "by", "on", "per", "with", "who", "which", "that", "as",
    "into", "out", "up", "down", "over", "under", "each", "times", "percent", "such", "other", "will", "would",
}
BRIDGE_ADJECTIVES = {
    "new", "more", "additional", "other", "foreign", "young", "armed", "local", "former", "civilian",
    "american", "colombian", "venezuelan", "military", "police", "undocumented", "unarmed", "small",
    "large", "major", "active", "registered", "eligible", "confirmed", "suspected", "illegal",
}
# plural-looking words that are not counted nouns
NOT_NOUNS = {
    "was", "is", "has", "this", "its", "less", "across", "thus", "yes", "us", "as", "his", "plus",
    "always", "perhaps", "towards", "besides", "does", "goes", "means", "whereas", "nevertheless",
    "news", "series", "species", "earlier", "later", "ago", "afterwards", "overseas", "regardless",
    "hers", "ours", "theirs", "whose", "various", "numerous", "previous", "serious", "famous",
}

HEDGES: tuple[tuple[str, str], ...] = (
    ("an estimated", "about"), ("approximately", "about"), ("roughly", "about"), ("around", "about"),
    ("about", "about"), ("some", "about"), ("estimated", "about"), ("circa", "about"), ("approx.", "about"),
    ("more than", "more than"), ("in excess of", "more than"), ("upwards of", "more than"),
    ("greater than", "more than"), ("higher than", "more than"), ("exceeding", "more than"),
    ("over", "more than"), ("above", "more than"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("a minimum of", "at least"),
    ("no more than", "up to"), ("not more than", "up to"), ("as many as", "up to"), ("as much as", "up to"),
    ("at most", "up to"), ("a maximum of", "up to"), ("up to", "up to"),
    ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"), ("just under", "nearly"),
    ("just shy of", "nearly"), ("approaching", "nearly"),
    ("fewer than", "less than"), ("less than", "less than"), ("lower than", "less than"),
    ("under", "less than"), ("below", "less than"),
)

# "hundreds of": wide on purpose, so that look-alikes stay compatible
VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "dozens": (24, 199), "hundreds": (100, 999), "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999), "hundreds of thousands": (100_000, 999_999),
    "millions": (1e6, 999e6), "tens of millions": (1e7, 99_999_999), "hundreds of millions": (1e8, 999_999_999),
    "billions": (1e9, 999e9), "tens of billions": (1e10, 99_999_999_999),
    "hundreds of billions": (1e11, 999_999_999_999),
}


def singular(noun: str) -> str:
    """Crude singular of a counted noun: enough to make "families" and "family" one unit."""
    w = noun.lower()
    if w in COUNTED_NOUNS:
        return COUNTED_NOUNS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w
