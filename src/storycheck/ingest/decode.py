"""Bytes to text: refuse binary files, then find the charset.

Order of evidence: a byte-order mark (it cannot lie), the charset the server or
page declares, strict UTF-8, then statistical detection. Declared charsets come
after the BOM because pages that carry both are wrong in the declaration far more
often than in the BOM (WHATWG decodes the same way).
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files people drop into article folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Latin-script codepages whose letters Windows-1252 reads as other, equally plausible
# letters (Turkish ş -> þ): there the detector's answer on a long text is trusted.
_OTHER_LATIN = {"cp1254", "iso8859_9", "cp1257", "iso8859_13", "iso8859_4", "iso8859_10", "cp1258", "mac_turkish"}


class DecodeError(ValueError):
    """The bytes are binary or in no charset we can identify; the message is the reason."""


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not text"
    if bom_encoding(data):
        return None
    head = data[:8192]
    if b"\x00" in head:
        if _utf16_without_bom(head):
            return None
        return "binary file (NUL bytes), not text"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte; nothing else does.
    if len(head) < 16:
        return None
    even_nuls = head[0::2].count(0) / max(1, len(head[0::2]))
    odd_nuls = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd_nuls > 0.6 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def declared_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_text(data: bytes, *, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and say with which charset; raises DecodeError with a reason."""
    reason = binary_reason(data)
    if reason:
        raise DecodeError(reason)
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom).lstrip("\ufeff"), bom
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"starts with a {bom} byte-order mark but is not valid {bom} ({exc.reason} at byte {exc.start})"
            ) from exc
    guessed16 = _utf16_without_bom(data[:8192]) if b"\x00" in data[:8192] else None
    if guessed16:
        try:
            return data.decode(guessed16), guessed16
        except UnicodeDecodeError:
            raise DecodeError("binary file (NUL bytes), not text") from None
    candidates = [c for c in (declared, declared_meta_charset(data) if html else None) if c]
    for charset in candidates:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            continue  # an unknown declared charset is not fatal: fall through to detection
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    good_utf8 = len(_UTF8_MULTIBYTE.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if good_utf8 and good_utf8 >= bad:
        # Mostly UTF-8 with a few corrupt bytes (a truncated scrape, a bad paste):
        # statistical detection would turn every accent into mojibake.
        return data.decode("utf-8", errors="replace"), f"utf-8 ({bad} invalid byte{'s' if bad != 1 else ''} replaced)"
    import charset_normalizer

    # Statistical detection alone misreads most short Western text (it calls Windows-1252
    # "cp1250" or "mac_roman" and garbles the few accents and curly quotes that matter), so
    # its answer competes with the legacy codepages news actually comes in, and the reading
    # that looks most like real words wins; ties go to the earlier candidate.
    best = charset_normalizer.from_bytes(data).best()
    readings: dict[str, str] = {}
    for codec in ("cp1252", best.encoding if best is not None else None, "cp1250", "cp1254"):
        if codec is None or codec in readings:
            continue
        try:
            readings[codec] = str(best) if best is not None and codec == best.encoding else data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if not readings:
        raise DecodeError("cannot decode: not UTF-8 and no charset fits (save it as UTF-8)")
    order = list(readings)
    codec = min(order, key=lambda c: (_implausibility(readings[c]), order.index(c)))
    if _implausibility(readings[codec]) >= _HOPELESS:
        raise DecodeError("cannot decode: not UTF-8 and no charset fits (save it as UTF-8)")
    return readings[codec], codec


# Punctuation that does sit next to letters in Western text: you’ve, well–known, a·b, ©2026, 20°C.
_BESIDE_LETTERS = frozenset(
    "\u2019\u2018\u201c\u201d\u201e\u201a\u2013\u2014\u00b7\u00ad\u00a0\u2026\u2122\u00ae\u00a9\u00b0\u20ac\u00a3\u00ab\u00bb\u2039\u203a\u2022"
)
# cp1252 letters rare in Western text, and what Turkish ş ı ğ become when read as cp1252.
_TURKISH_TELLS = frozenset("\u00fd\u00fe\u00f0\u00dd\u00de\u00d0")
_HOPELESS = 1000


def _implausibility(text: str) -> int:
    """How unlike real words a decoding looks: 0 for clean text, more for each tell.

    Tells of a wrong codepage: symbols glued to letters (Polish "powiedział" read as
    cp1252 is "powiedzia³"), C1 control characters, a Latin-script text whose letters
    are mostly accented (Cyrillic bytes read as cp1252; Turkish prose reaches a quarter), and the letters Turkish turns
    into under cp1252. Spanish ¿ and ¡ open words and are not counted there.
    """
    score = 0
    letters = latin_accented = 0
    last = len(text) - 1
    for i, ch in enumerate(text):
        code = ord(ch)
        if code < 128:
            letters += ch.isalpha()
            continue
        if ch.isalpha():
            letters += 1
            if code < 0x250:  # Latin-1 Supplement and Latin Extended-A/B
                latin_accented += 1
            if ch in _TURKISH_TELLS:
                score += 1
            continue
        if 0x80 <= code <= 0x9F or ch == "\ufffd":
            score += 5
            continue
        if ch.isspace() or ch in _BESIDE_LETTERS:
            continue
        before = i > 0 and text[i - 1].isalpha()
        after = i < last and text[i + 1].isalpha() and ch not in "\u00bf\u00a1"
        score += before or after
    if latin_accented > 0.5 * max(1, letters):
        score += _HOPELESS
    return score
