"""How often ingest decodes text exactly right, per encoding, against charset-normalizer alone.

Passages are real news sentences (ClaimDiff dev split, ../shared/data/dev/claimdiff: read
there, never copied) made to look like scraped pages: curly quotes, en dashes and
accented names (Bogotá, José Müller, Señora Ibáñez...) as outlets print them. Each
passage is encoded the ways scraped files arrive: UTF-8, UTF-8 with BOM, UTF-16 with
BOM, Windows-1252, Latin-1, UTF-8 with one corrupt byte, and HTML declaring
windows-1252 in a meta tag. Short passages (one sentence) are where detection fails,
so lengths are reported separately. Exact match = the decoded text equals the
original (for the corrupt-byte case: equals it apart from one U+FFFD).

Usage: .venv/bin/python bench/eval_charsets.py [--passages 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.ingest.decode import DecodeError, decode_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "dev" / "claimdiff"
# Non-Latin news sentences written for this evaluation, to catch a Western-only bias in the fallback.
RUSSIAN = [
    "Мэр города заявил во вторник, что мост снова открыт для движения.",
    "Ремонт обошёлся в 14 миллионов долларов, сообщили в городском совете.",
    "Профсоюз докеров объявил забастовку после срыва переговоров.",
    "По словам представителя порта, паромы вернутся к зимнему расписанию в понедельник.",
    "Депутаты потребовали проверить счета подрядчика.",
]
GREEK = [
    "Ο δήμαρχος δήλωσε την Τρίτη ότι η γέφυρα άνοιξε ξανά.",
    "Οι επισκευές κόστισαν 14 εκατομμύρια δολάρια, σύμφωνα με το δημοτικό συμβούλιο.",
    "Οι λιμενεργάτες κήρυξαν απεργία μετά την αποτυχία των διαπραγματεύσεων.",
    "Το πλοίο επιστρέφει στο χειμερινό πρόγραμμα τη Δευτέρα.",
]
POLISH = [
    "Burmistrz powiedział we wtorek, że most będzie znowu otwarty dla ruchu.",
    "Naprawa kosztowała 14 milionów dolarów, podała rada miasta.",
    "Związek dokerów ogłosił strajk po zerwaniu rozmów z operatorem terminalu.",
    "Prom wróci do zimowego rozkładu jazdy w poniedziałek.",
]
TURKISH = [
    "Belediye başkanı salı günü köprünün yeniden trafiğe açıldığını söyledi.",
    "Onarımın maliyeti 14 milyon doları buldu, dedi şehir meclisi.",
    "Liman işçileri görüşmelerin çökmesinin ardından greve gitti.",
    "Feribot pazartesi günü kış tarifesine dönüyor.",
]
NAMES = ["Bogotá", "José Müller", "Señora Ibáñez", "Françoise Lefèvre", "Zoë Årdal", "Jürgen Großmann", "São Tomé", "Mário Peña"]


def passages(n: int, rng: random.Random) -> list[tuple[str, str]]:
    sentences: list[str] = []
    for name in ("ClaimDiff-weak-test.json", "ClaimDiff-strength-test.json"):
        for row in json.loads((DATA / name).read_text(encoding="utf-8"))["data"]:
            sentences += [row["claim_a"], row["claim_b"]]
    sentences = sorted(set(s.strip() for s in sentences if s.strip()))
    out = []
    for i in range(n):
        length = "short" if i % 2 == 0 else "long"
        picked = rng.sample(sentences, 1 if length == "short" else rng.randint(4, 8))
        text = " ".join(picked)
        text = text.replace(' "', " \u201c").replace('" ', "\u201d ").replace(" - ", " \u2013 ").replace("'s ", "\u2019s ")
        text = text.replace(" said ", f" {rng.choice(NAMES)} said ", 1) if " said " in text else f"{rng.choice(NAMES)}: {text}"
        out.append((length, text))
    return out


def variants(text: str, rng: random.Random, length: str) -> dict[str, tuple[bytes, str, bool]]:
    """name -> (bytes, expected text, html?)"""
    russian = " ".join(rng.sample(RUSSIAN, 1 if length == "short" else len(RUSSIAN)))
    greek = " ".join(rng.sample(GREEK, 1 if length == "short" else len(GREEK)))
    polish = " ".join(rng.sample(POLISH, 1 if length == "short" else len(POLISH)))
    turkish = " ".join(rng.sample(TURKISH, 1 if length == "short" else len(TURKISH)))
    latin1_text = text.translate({0x201C: '"', 0x201D: '"', 0x2019: "'", 0x2013: "-"})
    utf8 = text.encode("utf-8")
    cut = rng.randrange(len(utf8) // 4, len(utf8) * 3 // 4)
    while cut < len(utf8) and (utf8[cut] & 0xC0) == 0x80:
        cut += 1  # corrupt at a character boundary so exactly one replacement character is expected
    corrupt = utf8[:cut] + b"\xff" + utf8[cut:]
    page = f'<html><head><meta charset="windows-1252"><title>t</title></head><body><p>{text}</p></body></html>'
    return {
        "utf-8": (utf8, text, False),
        "utf-8 BOM": (b"\xef\xbb\xbf" + utf8, text, False),
        "utf-16 BOM": (text.encode("utf-16"), text, False),
        "windows-1252": (text.encode("cp1252"), text, False),
        "latin-1": (latin1_text.encode("latin-1"), latin1_text, False),
        "utf-8, 1 bad byte": (corrupt, text[: len(utf8[:cut].decode("utf-8"))] + "\ufffd" + utf8[cut:].decode("utf-8"), False),
        "html meta windows-1252": (page.encode("cp1252"), page, True),
        "windows-1251 (Russian)": (russian.encode("cp1251"), russian, False),
        "koi8-r (Russian)": (russian.encode("koi8-r"), russian, False),
        "windows-1253 (Greek)": (greek.encode("cp1253"), greek, False),
        "windows-1250 (Polish)": (polish.encode("cp1250"), polish, False),
        "windows-1254 (Turkish)": (turkish.encode("cp1254"), turkish, False),
    }


def ours(data: bytes, html: bool) -> str | None:
    try:
        return decode_text(data, html=html)[0]
    except DecodeError:
        return None


def baseline(data: bytes, html: bool) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best).lstrip("\ufeff")


def dev_pages() -> None:
    """The same lying-declaration check on the dev pages (trafilatura-eval, readability-test-pages):
    the rules in ingest/decode.py were tuned here."""
    import gzip

    dev = ROOT.parent / "shared" / "data" / "dev"
    pages = sorted((dev / "trafilatura-eval" / "html").glob("*.html.gz"))
    pages += sorted((dev / "readability-test-pages").glob("*/source.html*"))
    if not pages:
        print("(dev pages not found; skipped)")
        return
    exact = n = 0
    for path in pages:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read()
        else:
            data = path.read_bytes()
        try:
            text = data.decode("utf-8")
            legacy = text.encode("cp1252")
        except (UnicodeDecodeError, UnicodeEncodeError):
            continue
        if legacy != data:
            n += 1
            exact += ours(legacy, True) == text
    print(f"dev real pages re-encoded Windows-1252 under a UTF-8 meta tag: {exact}/{n} exact")


def real_pages() -> None:
    """Held-out check on real news pages (article-extraction-benchmark, stored as UTF-8): read as
    they are, and re-encoded to Windows-1252 while their meta tag still claims UTF-8 (a lying
    declaration, common in scraped archives). Reported, never tuned on."""
    import gzip

    folder = ROOT.parent / "shared" / "data" / "test" / "article-extraction-benchmark" / "html"
    if not folder.is_dir():
        print(f"(held-out pages not found at {folder}; skipped)")
        return
    as_is = lying = lying_n = unencodable = 0
    pages = sorted(folder.glob("*.html.gz"))
    for path in pages:
        with gzip.open(path, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8", errors="replace")
        as_is += ours(data, True) == text
        try:
            legacy = text.encode("cp1252")
        except UnicodeEncodeError:
            unencodable += 1
            continue
        if legacy == data:
            continue  # pure ASCII: nothing to detect
        lying_n += 1
        lying += ours(legacy, True) == text
    print(
        f"held-out real pages: {as_is}/{len(pages)} decoded exactly as UTF-8; "
        f"re-encoded Windows-1252 under a UTF-8 meta tag: {lying}/{lying_n} exact "
        f"({unencodable} pages hold characters Windows-1252 lacks, {len(pages) - unencodable - lying_n} are pure ASCII)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"ClaimDiff dev data not found at {DATA} (../shared is not beside this checkout)")
    rng = random.Random(args.seed)
    score: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for length, text in passages(args.passages, rng):
        for name, (data, expected, html) in variants(text, rng, length).items():
            for who, decode in (("storycheck", ours), ("charset-normalizer", baseline)):
                cell = score[(name, length, who)]
                cell[0] += decode(data, html) == expected
                cell[1] += 1
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; {args.passages} passages, seed {args.seed}")
    print("| encoding | length | storycheck | charset-normalizer alone |")
    print("|---|---|---|---|")
    names = list(dict.fromkeys(k[0] for k in score))
    for name in names:
        for length in ("short", "long"):
            a, n = score[(name, length, "storycheck")]
            b, _ = score[(name, length, "charset-normalizer")]
            print(f"| {name} | {length} | {a}/{n} ({a / n:.0%}) | {b}/{n} ({b / n:.0%}) |")
    dev_pages()
    real_pages()


if __name__ == "__main__":
    main()
