"""Bytes to text."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.errors import DecodeError
from storytrace.ingest.decode import decode, normalize_newlines
from tests.ingest.conftest import FRENCH_TEXT, GERMAN_TEXT, PNG_BYTES, RUSSIAN_TEXT


def test_utf8_with_and_without_bom() -> None:
    assert decode(GERMAN_TEXT.encode()) == GERMAN_TEXT
    assert decode(b"\xef\xbb\xbf" + GERMAN_TEXT.encode()) == GERMAN_TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = RUSSIAN_TEXT.encode(codec)
    if codec.endswith(("le", "be")):  # explicit-endian codecs write no mark: add it
        data = "\ufeff".encode(codec) + data
    assert decode(data) == RUSSIAN_TEXT


def test_cp1251_russian() -> None:
    assert decode(RUSSIAN_TEXT.encode("cp1251")) == RUSSIAN_TEXT


@pytest.mark.parametrize("text", [FRENCH_TEXT, GERMAN_TEXT])
def test_latin1_french_and_german(text: str) -> None:
    assert decode(text.encode("latin-1")) == text


def test_declared_charset_is_used_when_not_utf8() -> None:
    assert decode(RUSSIAN_TEXT.encode("koi8-r"), declared="koi8-r") == RUSSIAN_TEXT


def test_wrong_declaration_loses_to_utf8() -> None:
    assert decode(RUSSIAN_TEXT.encode(), declared="cp1252") == RUSSIAN_TEXT


def test_newlines_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [PNG_BYTES, b"text\x00with a NUL", os.urandom(4096)])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data, source="x.bin")


def test_bad_utf16_after_bom_is_refused() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(b"\xfe\xff\xd8\x00")


@given(st.binary(max_size=2000))
def test_decode_raises_only_decode_error(data: bytes) -> None:
    try:
        decode(data)
    except DecodeError:
        return  # the one exception allowed


@given(st.text(alphabet=st.characters(codec="utf-8", blacklist_characters="\x00")))
def test_utf8_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8")) == normalize_newlines(text.removeprefix("\ufeff"))
