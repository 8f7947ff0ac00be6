"""Counting tokens with graphql-core's lexer before parsing, bounded by the limit."""

from __future__ import annotations

import time

import pytest

from gateway.limits.errors import OperationLimitExceeded
from gateway.limits.tokens import check_tokens, count_tokens


def test_tokens_are_counted_without_comments() -> None:
    assert count_tokens("{ a(b: 1) }") == 8
    assert count_tokens("# just a comment\n{ a }") == 3
    assert count_tokens("") == 0


def test_counting_stops_just_past_the_limit() -> None:
    huge = "{ " + "a " * 1_000_000 + "}"
    started = time.perf_counter()
    assert count_tokens(huge, maximum=100) == 101
    assert time.perf_counter() - started < 0.1


def test_a_lexical_error_ends_the_count_for_the_parser_to_report() -> None:
    assert count_tokens('{ a } "unterminated') == 3


def test_the_limit_rejects_long_documents() -> None:
    document = "{ " + "a " * 50 + "}"
    with pytest.raises(OperationLimitExceeded, match="tokens is 51"):
        check_tokens(document, 50)
    check_tokens(document, 52)
