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
# Encodings statistical detection returns for short Western text when it is unsure;
# for scraped news they are almost always a misread of Windows-1252.
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "ascii", "utf_8"}


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

    best = charset_normalizer.from_bytes(data).best()
    cp1252 = _try_cp1252(data)
    if best is not None and (best.encoding in _WESTERN or len(data) >= 2000 or cp1252 is None):
        return str(best), best.encoding
    if cp1252 is not None:
        return cp1252, "cp1252"
    raise DecodeError("cannot decode: not UTF-8 and no charset fits (save it as UTF-8)")


def _try_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = sum(
        1
        for ch in text
        if ord(ch) > 127
        and not (ch.isalpha() or ch in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00b0\u20ac\u00a3\u00ab\u00bb")
    )
    return text if odd == 0 else None
