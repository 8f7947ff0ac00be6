"""Answering catalogModels: free text, sources, filterQuery, order and one page, from the index."""

from __future__ import annotations

import base64
import heapq
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from common.errors import BadUserInput
from common.filtering import (
    And,
    Comparison,
    Expression,
    Identifier,
    Or,
    like_to_regex,
    parse_filter,
)
from subgraphs.catalog.errors import BadCursor
from subgraphs.catalog.index import CatalogIndex, FieldIndex, Ordering
from subgraphs.catalog.records import CatalogModelRecord

BUILT_IN_ORDERS = ("NAME", "CREATE_TIME", "LAST_UPDATE_TIME")
MAX_PAGE = 500
Rows = AbstractSet[int]


@dataclass(frozen=True, slots=True)
class ModelQuery:
    q: str | None = None
    source_ids: tuple[str, ...] | None = None
    filter_query: str | None = None
    order_by: str = "NAME"  # a built-in order, or "artifacts.<metric>"
    descending: bool = False
    first: int = 20
    after: str | None = None


@dataclass(frozen=True, slots=True)
class ModelPage:
    models: tuple[CatalogModelRecord, ...]
    cursors: tuple[str, ...]
    total_count: int
    has_next_page: bool
    has_previous_page: bool


def search_models(index: CatalogIndex, query: ModelQuery) -> ModelPage:
    """The pipeline: narrow by sources and filter, then by text, then order and cut a page."""
    if not 0 <= query.first <= MAX_PAGE:
        raise BadUserInput(f"first must be between 0 and {MAX_PAGE}")
    rows: Rows | None = None
    if query.source_ids is not None:
        rows = _rows_for_sources(index, query.source_ids)
    if query.filter_query and query.filter_query.strip():
        matched = evaluate_filter(index, parse_filter(query.filter_query))
        rows = matched if rows is None else _intersection([rows, matched])
    terms = _terms(query.q)
    if terms:
        rows = match_text(index, terms, rows)
    ordering, order_id = _ordering(index, query.order_by, query.descending)
    reverse = query.descending and query.order_by in BUILT_IN_ORDERS
    after = _decode_cursor(query.after, order_id) if query.after else None
    positions, has_next = _page_positions(ordering, rows, after, query.first, reverse, len(index))
    models = tuple(index.models[ordering.rows[p]] for p in positions)
    cursors = tuple(_encode_cursor(order_id, ordering.keys[p]) for p in positions)
    total = len(index) if rows is None else len(rows)
    return ModelPage(models, cursors, total, has_next, after is not None)


def _rows_for_sources(index: CatalogIndex, source_ids: Sequence[str]) -> Rows:
    field = index.model_field("sourceId")
    if field is None:
        return frozenset()
    return _union([field.rows_equal(source_id) for source_id in source_ids])


def _union(parts: list[Rows]) -> Rows:
    if len(parts) == 1:
        return parts[0]
    rows: set[int] = set()
    for part in parts:
        rows.update(part)
    return rows


def _intersection(parts: list[Rows]) -> Rows:
    parts = sorted(parts, key=len)  # C-speed `&` walks the smaller side
    result = parts[0]
    for part in parts[1:]:
        if not result:
            break
        result = result & part
    return result


def _terms(q: str | None) -> list[str]:
    if not q:
        return []
    cleaned = q.replace("\x01", " ").lower()
    return [term for term in cleaned.split() if term]


def match_text(index: CatalogIndex, terms: list[str], rows: Rows | None) -> Rows:
    """Rows whose text holds every term; the term with the fewest rows goes first."""
    for term in sorted(terms, key=index.text.estimate):
        rows = index.text.match(term, rows)
        if not rows:
            return frozenset()
    return rows if rows is not None else frozenset()


def evaluate_filter(index: CatalogIndex, expression: Expression) -> Rows:
    if isinstance(expression, Or):
        return _union([evaluate_filter(index, item) for item in expression.items])
    if isinstance(expression, And):
        # Artifact conditions joined by AND must hold on one and the same artifact.
        on_artifacts = [
            c for c in expression.items if isinstance(c, Comparison) and _is_artifact(c.identifier)
        ]
        others = [c for c in expression.items if not any(c is a for a in on_artifacts)]
        parts = [evaluate_filter(index, item) for item in others]
        if on_artifacts:
            parts.append(_models_of(index, _intersection([
                _compare_artifacts(index, c) for c in on_artifacts
            ])))  # fmt: skip
        return _intersection(parts)
    if _is_artifact(expression.identifier):
        return _models_of(index, _compare_artifacts(index, expression))
    path = expression.identifier.path
    return compare(index.model_field(path[0]) if len(path) == 1 else None, expression)


def _compare_artifacts(index: CatalogIndex, comparison: Comparison) -> Rows:
    path = comparison.identifier.path
    return compare(index.artifact_field(path[1]) if len(path) == 2 else None, comparison)


def _models_of(index: CatalogIndex, artifact_rows: Rows) -> Rows:
    owner = index.artifact_model
    return {owner[a] for a in artifact_rows}


def _is_artifact(identifier: Identifier) -> bool:
    return len(identifier.path) >= 2 and identifier.path[0] == "artifacts"


def compare(field: FieldIndex | None, comparison: Comparison) -> Rows:
    """Rows of one field satisfying one comparison; a field nobody has matches nothing."""
    if field is None:
        field = _NOBODY  # still check the literal: a bad value is the caller's error
    operator, value = comparison.operator, comparison.value
    kind = comparison.identifier.value_type
    if operator in ("IN", "NOT IN"):
        values = value if isinstance(value, tuple) else (value,)
        rows = _union([_equal(field, _coerce(field, item, kind)) for item in values])
        return field.present - rows if operator == "NOT IN" else rows
    assert not isinstance(value, tuple)
    coerced = _coerce(field, value, kind)
    if operator == "=":
        return _equal(field, coerced)
    if operator == "!=":
        return field.present - _equal(field, coerced)
    if operator in ("LIKE", "ILIKE"):
        return _like(field, str(value), folded=operator == "ILIKE")
    return _range(field, operator, coerced)


_NOBODY = FieldIndex()
_NOBODY.seal()


def _coerce(field: FieldIndex, value: Any, kind: str | None) -> Any:
    try:
        if kind == "int_value":
            return int(value)
        if kind == "double_value":
            return float(value)
        if kind == "string_value":
            return value if isinstance(value, str) else str(value).lower()
        if kind == "bool_value":
            return value if isinstance(value, bool) else str(value).lower() == "true"
    except (TypeError, ValueError):
        raise BadUserInput(f"filterQuery: {value!r} is not a valid {kind}") from None
    # Kubeflow writes int64 values as strings; a quoted number still compares as a number.
    if isinstance(value, str) and not field.strings and field.numbers:
        try:
            return float(value)
        except ValueError:
            return value
    if isinstance(value, bool) and not field.bools and field.strings:
        return "true" if value else "false"
    return value


def _equal(field: FieldIndex, value: Any) -> Rows:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low = bisect_left(field.numbers, value)
        high = bisect_right(field.numbers, value)
        return set(field.number_rows[low:high])
    return field.rows_equal(value)


def _range(field: FieldIndex, operator: str, value: Any) -> Rows:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        numbers = field.numbers
        if operator == "<":
            return set(field.number_rows[: bisect_left(numbers, value)])
        if operator == "<=":
            return set(field.number_rows[: bisect_right(numbers, value)])
        if operator == ">":
            return set(field.number_rows[bisect_right(numbers, value) :])
        return set(field.number_rows[bisect_left(numbers, value) :])
    if isinstance(value, str):
        tests = {
            "<": lambda s: s < value, "<=": lambda s: s <= value,
            ">": lambda s: s > value, ">=": lambda s: s >= value,
        }  # fmt: skip
        return _string_rows(field, field.strings, tests[operator])
    raise BadUserInput(f"filterQuery: {operator} needs a number or a string")


def _like(field: FieldIndex, pattern: str, *, folded: bool) -> Rows:
    regex = like_to_regex(pattern, case_insensitive=folded)
    prefix = _literal_prefix(pattern)
    if not prefix:
        return _string_rows(field, field.strings, lambda s: regex.match(s) is not None)
    # Only values sharing the pattern's literal start can match: find them by bisection.
    values, rows = field.entries_with_prefix(prefix.lower() if folded else prefix, folded=folded)
    if pattern == prefix + "%" and "\\" not in pattern:
        return set(rows)
    return {row for value, row in zip(values, rows, strict=True) if regex.match(value)}


def _literal_prefix(pattern: str) -> str:
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char in "%_":
            break
        if char == "\\" and index + 1 < len(pattern):
            index += 1
            char = pattern[index]
        out.append(char)
        index += 1
    return "".join(out)


def _string_rows(field: FieldIndex, values: Iterable[str], test: Any) -> Rows:
    rows: set[int] = set()
    strings = field.strings
    for value in values:
        if test(value):
            rows.update(strings[value])
    return rows


_METRIC = re.compile(r"artifacts\.([A-Za-z_][A-Za-z0-9_\-]*)\Z")


def _ordering(index: CatalogIndex, order_by: str, descending: bool) -> tuple[Ordering, str]:
    if order_by in BUILT_IN_ORDERS:
        return index.orderings[order_by], order_by
    match = _METRIC.match(order_by)
    if match is None:
        raise BadUserInput(
            f"cannot order by {order_by!r}",
            suggestion="use NAME, CREATE_TIME, LAST_UPDATE_TIME or artifacts.<metric>",
        )
    metric = match.group(1)
    order_id = f"{order_by}:{'desc' if descending else 'asc'}"
    return index.cached(("order", order_id), lambda: _metric_ordering(index, metric, descending)), (
        order_id
    )


def _metric_ordering(index: CatalogIndex, metric: str, descending: bool) -> Ordering:
    """By the best value of the metric over a model's artifacts; models without it come last."""
    best: dict[int, float] = {}
    field = index.artifact_field(metric)
    if field is not None:
        for value, artifact_row in zip(field.numbers, field.number_rows, strict=True):
            row = index.artifact_model[artifact_row]
            current = best.get(row)
            if current is None or (value > current if descending else value < current):
                best[row] = value
    keyed = []
    for row, model in enumerate(index.models):
        score = best.get(row)
        sort_value = 0.0 if score is None else (-score if descending else score)
        keyed.append(((int(score is None), sort_value, model.source_id, model.name), row))
    return Ordering.build(keyed, len(index))


def _page_positions(
    ordering: Ordering,
    rows: Rows | None,
    after: tuple[Any, ...] | None,
    first: int,
    reverse: bool,
    size: int,
) -> tuple[list[int], bool]:
    """Positions (in `ordering`) of the page's rows, and whether more follow."""
    if reverse:
        start = size - 1 if after is None else bisect_left(ordering.keys, after) - 1
        if rows is None:
            positions = list(range(start, max(start - first - 1, -1), -1))
        else:
            positions = _select(ordering, rows, start, first, reverse=True)
    else:
        start = ordering.start_after(after)
        if rows is None:
            positions = list(range(start, min(start + first + 1, size)))
        else:
            positions = _select(ordering, rows, start, first, reverse=False)
    return positions[:first], len(positions) > first


def _select(ordering: Ordering, rows: Rows, start: int, first: int, *, reverse: bool) -> list[int]:
    wanted = first + 1
    if not rows or wanted == 0:
        return []
    size = len(ordering.rows)
    # Walking the order costs about wanted*size/len(rows) probes when the rows are spread
    # evenly; selecting by rank costs len(rows). Rows bunched together in the order (a
    # name prefix, say) defeat the walk, so it gets a budget and then gives up.
    budget = 4 * wanted * size // len(rows)
    if budget < len(rows):
        found = _walk(ordering, rows, start, wanted, reverse, budget)
        if found is not None:
            return found
    rank = ordering.rank
    if reverse:
        ranks: Iterable[int] = (rank[r] for r in rows if rank[r] <= start)
        return heapq.nlargest(wanted, ranks)
    return heapq.nsmallest(wanted, (rank[r] for r in rows if rank[r] >= start))


def _walk(
    ordering: Ordering, rows: Rows, start: int, wanted: int, reverse: bool, budget: int
) -> list[int] | None:
    order = ordering.rows
    if reverse:
        stop = max(start - budget, -1)
        window = range(start, stop, -1)
        exhausted = stop == -1
    else:
        stop = min(start + budget, len(order))
        window = range(start, stop)
        exhausted = stop == len(order)
    found: list[int] = []
    for position in window:
        if order[position] in rows:
            found.append(position)
            if len(found) == wanted:
                return found
    return found if exhausted else None


def _encode_cursor(order_id: str, key: tuple[Any, ...]) -> str:
    raw = json.dumps([order_id, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, order_id: str) -> tuple[Any, ...]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        raise BadCursor() from None
    if not isinstance(data, list) or len(data) < 2 or data[0] != order_id:
        raise BadCursor()
    key = tuple(data[1:])
    if any(isinstance(part, float) and not math.isfinite(part) for part in key):
        raise BadCursor()
    return key
