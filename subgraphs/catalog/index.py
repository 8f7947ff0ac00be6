"""The immutable search index over every loaded model, built once per catalog load.

Rows are model positions. Each filterable field keeps its rows by value (strings and
booleans in maps, numbers sorted for range scans); the free text of each model is
lowercased once and its words indexed (text_index.py); each sort order is precomputed
so that a page needs no sort.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from subgraphs.catalog.records import CatalogArtifact, CatalogModelRecord, PropertyValue
from subgraphs.catalog.text_index import TextIndex

SMALL = 16  # row lists shorter than this stay lists; longer ones become frozensets
# filterQuery name -> canonical field; camelCase as in Kubeflow, snake_case accepted too.
MODEL_FIELD_NAMES = {
    "name": "name", "sourceId": "sourceId", "source_id": "sourceId", "provider": "provider",
    "description": "description", "readme": "readme", "license": "license",
    "licenseLink": "licenseLink", "license_link": "licenseLink", "libraryName": "libraryName",
    "library_name": "libraryName", "maturity": "maturity", "language": "language",
    "tasks": "tasks", "externalId": "externalId", "external_id": "externalId",
    "createTimeSinceEpoch": "createTimeSinceEpoch", "create_time": "createTimeSinceEpoch",
    "lastUpdateTimeSinceEpoch": "lastUpdateTimeSinceEpoch",
    "last_update_time": "lastUpdateTimeSinceEpoch",
}  # fmt: skip
ARTIFACT_FIELD_NAMES = {
    "uri": "uri", "name": "name", "artifactType": "artifactType", "metricsType": "metricsType",
    "createTimeSinceEpoch": "createTimeSinceEpoch", "lastUpdateTimeSinceEpoch": "lastUpdateTimeSinceEpoch",
}  # fmt: skip


class FieldIndex:
    """The rows of one field by value."""

    __slots__ = (
        "_by_prefix", "_pending", "bools", "number_rows", "numbers", "present", "strings"
    )  # fmt: skip

    def __init__(self) -> None:
        self.strings: dict[str, Collection[int]] = {}
        self.bools: dict[bool, Collection[int]] = {}
        self.numbers: list[float] = []
        self.number_rows: list[int] = []
        self.present: frozenset[int] = frozenset()
        self._pending: list[tuple[float, int]] = []
        self._by_prefix: dict[bool, tuple[list[str], list[str], list[int]]] = {}

    def add(self, row: int, value: Any) -> None:
        if isinstance(value, bool):
            self.bools.setdefault(value, []).append(row)  # type: ignore[attr-defined]
        elif isinstance(value, (int, float)):
            if not (isinstance(value, float) and math.isnan(value)):
                self._pending.append((float(value), row))
        elif isinstance(value, str):
            self.strings.setdefault(value, []).append(row)  # type: ignore[attr-defined]

    def add_numbers(self, pending: list[tuple[float, int]]) -> None:
        self._pending.extend(pending)

    def seal(self) -> None:
        """Freeze the rows: big row lists become frozensets, so a filter never copies them."""
        self._pending.sort()
        self.numbers = [value for value, _ in self._pending]
        self.number_rows = [row for _, row in self._pending]
        self._pending = []
        present: set[int] = set(self.number_rows)
        for table in (self.strings, self.bools):
            for key, rows in table.items():
                present.update(rows)
                if len(rows) >= SMALL:
                    table[key] = frozenset(rows)  # type: ignore[index]
        self.present = frozenset(present)

    def rows_equal(self, value: str | bool) -> frozenset[int]:
        table: Mapping[Any, Collection[int]] = (
            self.bools if isinstance(value, bool) else self.strings
        )
        rows = table.get(value, ())
        return rows if isinstance(rows, frozenset) else frozenset(rows)

    def entries_with_prefix(self, prefix: str, *, folded: bool) -> tuple[list[str], list[int]]:
        """(value, row) entries whose value starts with `prefix` (case-folded if `folded`)."""
        if folded not in self._by_prefix:
            # Built on first use, once per index: a benign race builds it twice at worst.
            entries = sorted(
                ((value.lower() if folded else value), value, row)
                for value, rows in self.strings.items()
                for row in rows
            )
            self._by_prefix[folded] = (
                [e[0] for e in entries],
                [e[1] for e in entries],
                [e[2] for e in entries],
            )
        keys, values, rows = self._by_prefix[folded]
        start = bisect_left(keys, prefix)
        end = bisect_left(keys, prefix + "\U0010ffff")
        return values[start:end], rows[start:end]


@dataclass(slots=True)
class Ordering:
    """Rows sorted by ascending key; a descending page walks it backwards."""

    keys: list[tuple[Any, ...]]
    rows: list[int]
    rank: list[int]

    @classmethod
    def build(cls, keyed: Iterable[tuple[tuple[Any, ...], int]], size: int) -> Ordering:
        pairs = sorted(keyed)
        rows = [row for _, row in pairs]
        rank = [0] * size
        for position, row in enumerate(rows):
            rank[row] = position
        return cls([key for key, _ in pairs], rows, rank)

    def start_after(self, key: tuple[Any, ...] | None) -> int:
        return 0 if key is None else bisect_right(self.keys, key)


@dataclass(slots=True)
class CatalogIndex:
    models: tuple[CatalogModelRecord, ...]
    by_key: dict[tuple[str, str], int]
    model_fields: dict[str, FieldIndex]
    artifact_fields: dict[str, FieldIndex]
    artifact_model: list[int]
    text: TextIndex
    orderings: dict[str, Ordering]
    _lazy: dict[Any, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.models)

    def model_field(self, name: str) -> FieldIndex | None:
        return self.model_fields.get(MODEL_FIELD_NAMES.get(name, name))

    def artifact_field(self, name: str) -> FieldIndex | None:
        return self.artifact_fields.get(ARTIFACT_FIELD_NAMES.get(name, name))

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        # Benign race: two requests may both build the same value; either result is correct.
        if key not in self._lazy:
            self._lazy[key] = build()
        return self._lazy[key]


def build_index(models: Sequence[CatalogModelRecord]) -> CatalogIndex:
    records = tuple(models)
    artifact_model: list[int] = []
    texts: list[str] = []
    by_key: dict[tuple[str, str], int] = {}
    artifacts: list[CatalogArtifact] = []
    for row, model in enumerate(records):
        by_key[(model.source_id, model.name)] = row
        texts.append(search_text(model))
        for artifact in model.artifacts:
            artifacts.append(artifact)
            artifact_model.append(row)
    model_fields = index_columns(
        records, MODEL_STRING_COLUMNS, MODEL_NUMBER_COLUMNS, MODEL_LIST_COLUMNS, MODEL_FIELD_NAMES
    )
    artifact_fields = index_columns(
        artifacts, ARTIFACT_STRING_COLUMNS, ARTIFACT_NUMBER_COLUMNS, {}, ARTIFACT_FIELD_NAMES
    )
    size = len(records)
    orderings = {
        "NAME": Ordering.build(
            (((m.name.lower(), m.source_id, m.name), row) for row, m in enumerate(records)), size
        ),
        "CREATE_TIME": Ordering.build(
            (((_time(m.create_time), m.source_id, m.name), row) for row, m in enumerate(records)),
            size,
        ),
        "LAST_UPDATE_TIME": Ordering.build(
            (
                ((_time(m.last_update_time), m.source_id, m.name), row)
                for row, m in enumerate(records)
            ),
            size,
        ),
    }
    return CatalogIndex(
        models=records,
        by_key=by_key,
        model_fields=model_fields,
        artifact_fields=artifact_fields,
        artifact_model=artifact_model,
        text=TextIndex.build(texts),
        orderings=orderings,
    )


def _time(value: int | None) -> int:
    return -1 if value is None else value


def search_text(model: CatalogModelRecord) -> str:
    parts = [model.name, model.description or "", model.provider or "", model.library_name or ""]
    parts.extend(model.tasks)
    # The separator cannot occur in a query term, so a match never spans two fields.
    return "\x01".join(parts).lower()


MODEL_STRING_COLUMNS: Mapping[str, Callable[[CatalogModelRecord], str | None]] = {
    "name": attrgetter("name"), "sourceId": attrgetter("source_id"),
    "provider": attrgetter("provider"), "description": attrgetter("description"),
    "readme": attrgetter("readme"), "license": attrgetter("license"),
    "licenseLink": attrgetter("license_link"), "libraryName": attrgetter("library_name"),
    "maturity": attrgetter("maturity"), "externalId": attrgetter("external_id"),
}  # fmt: skip
MODEL_NUMBER_COLUMNS: Mapping[str, Callable[[CatalogModelRecord], int | None]] = {
    "createTimeSinceEpoch": attrgetter("create_time"),
    "lastUpdateTimeSinceEpoch": attrgetter("last_update_time"),
}
MODEL_LIST_COLUMNS: Mapping[str, Callable[[CatalogModelRecord], tuple[str, ...]]] = {
    "language": attrgetter("language"), "tasks": attrgetter("tasks"),
}  # fmt: skip
ARTIFACT_STRING_COLUMNS: Mapping[str, Callable[[CatalogArtifact], str | None]] = {
    "uri": attrgetter("uri"), "name": attrgetter("name"), "artifactType": attrgetter("kind"),
    "metricsType": attrgetter("metrics_type"),
}  # fmt: skip
ARTIFACT_NUMBER_COLUMNS: Mapping[str, Callable[[CatalogArtifact], int | None]] = {
    "createTimeSinceEpoch": attrgetter("create_time"),
    "lastUpdateTimeSinceEpoch": attrgetter("last_update_time"),
}


def index_columns(
    items: Sequence[Any],  # models or artifacts
    strings: Mapping[str, Callable[[Any], str | None]],
    numbers: Mapping[str, Callable[[Any], int | None]],
    lists: Mapping[str, Callable[[Any], tuple[str, ...]]],
    built_in: Collection[str],
) -> dict[str, FieldIndex]:
    """One FieldIndex per field, filled a column at a time (the build's hot loop)."""
    fields: dict[str, FieldIndex] = {}
    for name, get in strings.items():
        index = FieldIndex()
        table: dict[str, list[int]] = index.strings  # type: ignore[assignment]
        for row, item in enumerate(items):
            value = get(item)
            if value is not None:
                rows = table.get(value)
                if rows is None:
                    table[value] = [row]
                else:
                    rows.append(row)
        fields[name] = index
    for name, get_list in lists.items():
        index = FieldIndex()
        table = index.strings  # type: ignore[assignment]
        for row, item in enumerate(items):
            for value in get_list(item):
                rows = table.get(value)
                if rows is None:
                    table[value] = [row]
                elif rows[-1] != row:
                    rows.append(row)
        fields[name] = index
    for name, get_number in numbers.items():
        index = FieldIndex()
        index.add_numbers(
            [
                (float(v), row)
                for row, item in enumerate(items)
                if (v := get_number(item)) is not None
            ]
        )
        fields[name] = index
    for row, item in enumerate(items):
        properties: Mapping[str, PropertyValue] = item.custom_properties
        for name, typed in properties.items():
            if name not in built_in and typed.type != "STRUCT":
                custom = fields.get(name)
                if custom is None:
                    custom = fields[name] = FieldIndex()
                custom.add(row, typed.value)
    for index in fields.values():
        index.seal()
    return {name: index for name, index in fields.items() if index.present}
