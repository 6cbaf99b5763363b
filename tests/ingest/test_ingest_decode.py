"""decode_text on legacy encodings: the readings a scraper's archive really holds."""

from __future__ import annotations

import pytest

from storycheck.ingest.decode import DecodeError, decode_text


@pytest.mark.parametrize(
    ("text", "encoding", "expected_codec"),
    [
        ("The mayor\u2019s \u201cfinal\u201d offer \u2013 \u00a314m \u2013 was rejected.", "cp1252", "cp1252"),
        ("\u00bfQu\u00e9 pas\u00f3? El alcalde dijo que el puente est\u00e1 abierto.", "cp1252", "cp1252"),
        ("Le maire a d\u00e9clar\u00e9 que le pont \u00e9tait rouvert \u00e0 la circulation.", "latin-1", "cp1252"),
        ("Burmistrz powiedzia\u0142 we wtorek, \u017ce most b\u0119dzie otwarty.", "cp1250", "cp1250"),
        (
            "Belediye ba\u015fkan\u0131 sal\u0131 g\u00fcn\u00fc k\u00f6pr\u00fcn\u00fcn a\u00e7\u0131ld\u0131\u011f\u0131n\u0131 s\u00f6yledi.",
            "cp1254",
            "cp1254",
        ),
        (
            "\u041c\u044d\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043c\u043e\u0441\u0442 \u043e\u0442\u043a\u0440\u044b\u0442.",
            "cp1251",
            "cp1251",
        ),
    ],
)
def test_legacy_codepages_decode_exactly(text: str, encoding: str, expected_codec: str) -> None:
    decoded, codec = decode_text(text.encode(encoding))
    assert decoded == text
    assert codec == expected_codec


def test_lying_meta_charset_falls_back_to_what_the_bytes_are() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 \u201cBogot\u00e1\u201d reopened.</p></body></html>'
    decoded, codec = decode_text(page.encode("cp1252"), html=True)
    assert decoded == page and codec == "cp1252"


def test_declared_charset_is_used_when_it_fits() -> None:
    decoded, codec = decode_text("Se\u00f1or".encode("latin-1"), declared="ISO-8859-1")
    assert decoded == "Se\u00f1or" and codec == "iso8859-1"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern() -> None:
    text = "The bridge reopened on Tuesday, officials said."
    assert decode_text(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_random_high_bytes_are_undecodable() -> None:
    with pytest.raises(DecodeError, match="cannot decode"):
        decode_text(bytes(range(0x80, 0x100)) * 3)
