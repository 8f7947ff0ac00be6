"""Request headers as the ASGI servers give them."""

from __future__ import annotations


class LowercaseHeaders(dict[str, str]):
    """Request headers whose names are all lower case, as ASGI servers give them: a
    lookup by lower-case name needs no case-insensitive scan (see gateway.auth.read_header)."""

    __slots__ = ()
