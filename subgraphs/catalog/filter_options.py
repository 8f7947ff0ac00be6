"""catalogFilterOptions: each filterable field's distinct values or numeric range."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal

from subgraphs.catalog.index import CatalogIndex, FieldIndex

# Free-text fields are searchable, not facets.
NOT_FACETS = frozenset(
    {"name", "description", "readme", "licenseLink", "externalId", "logo", "uri"}
)
MAX_VALUES = 100


@dataclass(frozen=True, slots=True)
class FilterOption:
    field: str
    type: Literal["STRING", "NUMBER", "BOOL"]
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


def compute_filter_options(
    index: CatalogIndex, source_ids: Collection[str] | None
) -> list[FilterOption]:
    key = ("filter-options", None if source_ids is None else tuple(sorted(source_ids)))
    result: list[FilterOption] = index.cached(key, lambda: _compute(index, source_ids))
    return result


def _compute(index: CatalogIndex, source_ids: Collection[str] | None) -> list[FilterOption]:
    models: set[int] | None = None
    artifacts: set[int] | None = None
    if source_ids is not None:
        wanted = set(source_ids)
        models = {row for row, m in enumerate(index.models) if m.source_id in wanted}
        artifacts = {a for a, row in enumerate(index.artifact_model) if row in models}
    options: list[FilterOption] = []
    for name in sorted(index.model_fields):
        options.extend(_options_for(name, index.model_fields[name], models))
    for name in sorted(index.artifact_fields):
        options.extend(_options_for(f"artifacts.{name}", index.artifact_fields[name], artifacts))
    return options


def _options_for(name: str, field: FieldIndex, rows: set[int] | None) -> Iterable[FilterOption]:
    if name.rsplit(".", 1)[-1] in NOT_FACETS:
        return
    values = sorted(v for v, matched in field.strings.items() if _any_in(matched, rows))
    if values and len(values) <= MAX_VALUES:
        yield FilterOption(name, "STRING", tuple(values))
    numbers = [
        value
        for value, row in zip(field.numbers, field.number_rows, strict=True)
        if rows is None or row in rows
    ]
    if numbers:
        yield FilterOption(name, "NUMBER", minimum=numbers[0], maximum=numbers[-1])
    flags = sorted(str(v).lower() for v, matched in field.bools.items() if _any_in(matched, rows))
    if flags:
        yield FilterOption(name, "BOOL", tuple(flags))


def _any_in(matched: Collection[int], rows: set[int] | None) -> bool:
    return rows is None or any(row in rows for row in matched)
