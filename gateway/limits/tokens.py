"""Counting a document's lexical tokens before it is parsed, stopping just past the limit."""

from __future__ import annotations

from graphql import GraphQLError, Source
from graphql.language import Lexer, TokenKind

from gateway.limits.shape import enforce_maximum


def count_tokens(text: str, maximum: int | None = None) -> int:
    """Tokens in `text` (comments excluded), counting no further than `maximum + 1`.

    A lexical error ends the count; the parser reports it with its location.
    """
    lexer = Lexer(Source(text))
    count = 0
    try:
        while lexer.advance().kind is not TokenKind.EOF:
            count += 1
            if maximum is not None and count > maximum:
                break
    except GraphQLError:
        pass
    return count


def check_tokens(text: str, maximum: int) -> None:
    enforce_maximum("tokens", count_tokens(text, maximum), maximum)
