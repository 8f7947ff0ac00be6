"""The body-size limit: on Content-Length first, then while the body streams in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from common.errors import BadUserInput
from gateway.limits.body import check_content_length, read_body
from gateway.limits.errors import PayloadTooLarge


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def test_a_body_within_the_limit_is_read_whole() -> None:
    assert await read_body(chunks(b"abc", b"def"), 6, "6") == b"abcdef"


async def test_a_declared_length_above_the_limit_is_refused_before_reading() -> None:
    read: list[bytes] = []

    async def watched() -> AsyncIterator[bytes]:
        read.append(b"x")
        yield b"x"

    with pytest.raises(PayloadTooLarge) as error:
        await read_body(watched(), 10, "11")
    assert error.value.http_status == 413
    assert read == []


async def test_a_body_longer_than_it_declared_is_refused_while_streaming() -> None:
    with pytest.raises(PayloadTooLarge):
        await read_body(chunks(b"12345", b"67890", b"1"), 10, "3")
    with pytest.raises(PayloadTooLarge):
        await read_body(chunks(b"12345678901"), 10)


def test_a_malformed_content_length_is_bad_input() -> None:
    with pytest.raises(BadUserInput):
        check_content_length("ten", 10)
    check_content_length(None, 10)
