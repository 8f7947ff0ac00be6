"""A bound on the request body's size, checked on Content-Length and again while reading."""

from __future__ import annotations

from collections.abc import AsyncIterable

from common.errors import BadUserInput
from gateway.limits.errors import PayloadTooLarge


def check_content_length(content_length: str | None, maximum: int) -> None:
    """Refuses a declared body above `maximum` bytes before reading any of it."""
    if content_length is None:
        return
    try:
        declared = int(content_length)
    except ValueError:
        raise BadUserInput("the Content-Length header is not a number") from None
    if declared > maximum:
        raise _too_large(maximum)


async def read_body(
    chunks: AsyncIterable[bytes], maximum: int, content_length: str | None = None
) -> bytes:
    """The whole body, read chunk by chunk (e.g. Starlette's `request.stream()`), refusing it
    as soon as it passes `maximum` bytes whatever Content-Length claimed."""
    check_content_length(content_length, maximum)
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > maximum:
            raise _too_large(maximum)
        parts.append(chunk)
    return b"".join(parts)


def _too_large(maximum: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"the request body is larger than {maximum} bytes",
        suggestion="send a smaller operation, or use a trusted document id",
        maximum=maximum,
    )
