"""Depth, alias and root-field limits, through fragments and on hostile documents."""

from __future__ import annotations

import time

import pytest
from graphql import parse

from common.errors import BadUserInput
from gateway.limits.errors import OperationLimitExceeded
from gateway.limits.shape import (
    check_aliases,
    check_depth,
    check_root_fields,
    count_aliases,
    count_root_fields,
    measure_depth,
)


@pytest.mark.parametrize(
    ("query", "depth"),
    [
        ("{ a }", 1),
        ("{ a { b } }", 2),
        ("{ a { b { c } } d }", 3),
        ("{ __typename a { __typename } }", 1),
        ("{ a { ...F } } fragment F on T { b { c } }", 3),
        ("{ a { ... on T { b { ... on U { c } } } } }", 3),
    ],
)
def test_depth(query: str, depth: int) -> None:
    assert measure_depth(parse(query)) == depth


def test_depth_limit_rejects_with_a_clear_error() -> None:
    deep = "{ a " + "{ a " * 20 + "}" * 21
    with pytest.raises(OperationLimitExceeded) as error:
        check_depth(parse(deep), None, 15)
    assert error.value.code == "OPERATION_LIMIT_EXCEEDED"
    assert error.value.http_status == 400
    assert error.value.extensions() == {
        "code": "OPERATION_LIMIT_EXCEEDED",
        "limit": "depth",
        "value": 21,
        "maximum": 15,
    }
    check_depth(parse(deep), None, 21)


def test_aliases_are_counted_through_fragments_once_per_use() -> None:
    document = parse("{ x: a y: a ...F z: b { ...F } } fragment F on T { p: a q: a }")
    assert count_aliases(document) == 3 + 2 + 2
    with pytest.raises(OperationLimitExceeded, match="aliases is 7"):
        check_aliases(document, None, 6)
    check_aliases(document, None, 7)


def test_root_fields_include_fragments_at_the_root_but_not_typename() -> None:
    document = parse(
        "query Q { a b __typename ...R ... { c } } fragment R on Query { d e { f g } }"
    )
    assert count_root_fields(document, "Q") == 5
    with pytest.raises(OperationLimitExceeded, match="rootFields"):
        check_root_fields(document, "Q", 4)


def test_the_named_operation_is_measured() -> None:
    document = parse("query A { a { b { c } } } query B { a }")
    assert measure_depth(document, "A") == 3
    assert measure_depth(document, "B") == 1
    with pytest.raises(BadUserInput):
        measure_depth(document, None)
    with pytest.raises(BadUserInput):
        measure_depth(document, "C")


def test_fragment_cycles_do_not_hang() -> None:
    document = parse("{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { ...F } }")
    assert measure_depth(document) >= 3
    assert count_aliases(document) == 0


def test_fragments_spread_into_fragments_are_measured_in_linear_time() -> None:
    # 40 levels of two spreads each would be 2^40 fields if expanded naively.
    levels = 40
    fragments = [
        f"fragment F{i} on T {{ x: a ...F{i + 1} y: b {{ ...F{i + 1} }} }}" for i in range(levels)
    ]
    fragments.append(f"fragment F{levels} on T {{ leaf }}")
    document = parse("{ root { ...F0 } } " + " ".join(fragments))
    started = time.perf_counter()
    assert count_aliases(document) > 2**levels
    assert measure_depth(document) == levels + 2
    assert time.perf_counter() - started < 1.0
