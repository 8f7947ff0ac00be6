"""Content negotiation: which media type answers an Accept header."""

from __future__ import annotations

import pytest

from gateway.http import protocol
from gateway.http.protocol import APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, choose_media_type


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, APPLICATION_JSON),
        ("", APPLICATION_JSON),
        ("application/graphql-response+json, application/json", GRAPHQL_RESPONSE_JSON),
        ("application/json;q=0.9, application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=0.5, application/json", APPLICATION_JSON),
        ("Application/JSON", APPLICATION_JSON),
        ("*/*", APPLICATION_JSON),
        ("application/*;q=0.1", APPLICATION_JSON),
        ("text/html", None),
        ("application/json;q=0", None),
        ("application/json;q=oops", None),
    ],
)
def test_accept_headers_choose_the_media_type_every_time(accept: str | None, chosen: str | None) -> None:
    assert choose_media_type(accept) == chosen
    assert choose_media_type(accept) == chosen  # the second time from the memo


def test_the_memo_of_accept_headers_stays_bounded() -> None:
    for number in range(1000):
        assert choose_media_type(f"application/json;v={number}") == APPLICATION_JSON
    assert len(protocol._MEDIA_CHOICES) <= 256
