from __future__ import annotations

import pytest

from common.errors import BadUserInput
from common.filtering import And, Comparison, Identifier, Or, like_to_regex, parse_filter


def test_precedence_and_parentheses() -> None:
    tree = parse_filter('a = 1 OR b = 2 AND (c <> "x" or d.int_value >= -3)')
    assert isinstance(tree, Or)
    assert tree.items[0] == Comparison(Identifier(("a",), None), "=", 1)
    right = tree.items[1]
    assert isinstance(right, And)
    inner = right.items[1]
    assert isinstance(inner, Or)
    assert inner.items[0] == Comparison(Identifier(("c",), None), "!=", "x")
    assert inner.items[1] == Comparison(Identifier(("d",), "int_value"), ">=", -3)


def test_values_and_escapes() -> None:
    tree = parse_filter("""x IN ('it\\'s', "q\\"", 1.5, 2, TRUE, false)""")
    assert tree == Comparison(Identifier(("x",), None), "IN", ("it's", 'q"', 1.5, 2, True, False))


def test_dotted_and_backquoted_identifiers() -> None:
    tree = parse_filter("`mlflow.source`.string_value LIKE 'git%' AND a.b.c = 1")
    assert isinstance(tree, And)
    assert tree.items[0] == Comparison(Identifier(("mlflow.source",), "string_value"), "LIKE", "git%")
    assert tree.items[1] == Comparison(Identifier(("a", "b", "c"), None), "=", 1)


def test_not_in() -> None:
    assert parse_filter("state NOT IN ('LIVE')") == Comparison(
        Identifier(("state",), None), "NOT IN", ("LIVE",)
    )


@pytest.mark.parametrize(
    ("source", "position"),
    [("name = ", 7), ("name 'x'", 5), ("(a = 1", 6), ("a = 1 b", 6), ("", 0), ("a = $", 4)],
)
def test_errors_name_the_position(source: str, position: int) -> None:
    with pytest.raises(BadUserInput) as caught:
        parse_filter(source)
    assert caught.value.extensions()["code"] == "BAD_USER_INPUT"
    assert caught.value.extensions()["position"] == position


def test_like_patterns() -> None:
    assert like_to_regex("ab%", case_insensitive=False).match("abc")
    assert not like_to_regex("ab%", case_insensitive=False).match("ABc")
    assert like_to_regex("ab_", case_insensitive=True).match("ABc")
    assert not like_to_regex("a\\%", case_insensitive=False).match("ab")
    assert like_to_regex("a\\%", case_insensitive=False).match("a%")
