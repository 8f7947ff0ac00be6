"""The immutable search index over every loaded model, built once per catalog load.

Rows are model positions. Each filterable field keeps its rows by value (strings and
booleans in maps, numbers sorted for range scans); the free text of each model is
lowercased once into one corpus string so that a `q` scan runs at C speed; each sort
order is precomputed so that a page needs no sort.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from subgraphs.catalog.records import CatalogArtifact, CatalogModelRecord, PropertyValue

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
SEPARATOR = "\x00"


class FieldIndex:
    """The rows of one field by value."""

    __slots__ = ("_pending", "bools", "number_rows", "numbers", "present", "strings")

    def __init__(self) -> None:
        self.strings: dict[str, list[int]] = {}
        self.bools: dict[bool, list[int]] = {}
        self.numbers: list[float] = []
        self.number_rows: list[int] = []
        self.present: list[int] = []
        self._pending: list[tuple[float, int]] = []

    def add(self, row: int, value: Any) -> None:
        if not self.present or self.present[-1] != row:
            self.present.append(row)
        if isinstance(value, bool):
            self.bools.setdefault(value, []).append(row)
        elif isinstance(value, (int, float)):
            if not (isinstance(value, float) and math.isnan(value)):
                self._pending.append((float(value), row))
        elif isinstance(value, str):
            self.strings.setdefault(value, []).append(row)

    def seal(self) -> None:
        self._pending.sort()
        self.numbers = [value for value, _ in self._pending]
        self.number_rows = [row for _, row in self._pending]
        self._pending = []


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
    corpus: str
    starts: list[int]
    texts: list[str]
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
    model_fields: dict[str, FieldIndex] = {}
    artifact_fields: dict[str, FieldIndex] = {}
    artifact_model: list[int] = []
    texts: list[str] = []
    by_key: dict[tuple[str, str], int] = {}
    for row, model in enumerate(records):
        by_key[(model.source_id, model.name)] = row
        texts.append(search_text(model))
        add_model_values(model_fields, row, model)
        for artifact in model.artifacts:
            add_artifact_values(artifact_fields, len(artifact_model), artifact)
            artifact_model.append(row)
    for index in (*model_fields.values(), *artifact_fields.values()):
        index.seal()
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
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
        corpus=SEPARATOR.join(texts),
        starts=starts,
        texts=texts,
        orderings=orderings,
    )


def _time(value: int | None) -> int:
    return -1 if value is None else value


def search_text(model: CatalogModelRecord) -> str:
    parts = [model.name, model.description or "", model.provider or "", model.library_name or ""]
    parts.extend(model.tasks)
    # The separator cannot occur in a query term, so a match never spans two fields.
    return "\x01".join(parts).lower().replace(SEPARATOR, " ")


def add_model_values(fields: dict[str, FieldIndex], row: int, model: CatalogModelRecord) -> None:
    def add(name: str, value: Any) -> None:
        if value is not None:
            index = fields.get(name)
            if index is None:
                index = fields[name] = FieldIndex()
            index.add(row, value)

    for name, value in model.custom_properties.items():
        if name not in MODEL_FIELD_NAMES:
            add(name, _plain(value))
    add("name", model.name)
    add("sourceId", model.source_id)
    add("provider", model.provider)
    add("description", model.description)
    add("readme", model.readme)
    add("license", model.license)
    add("licenseLink", model.license_link)
    add("libraryName", model.library_name)
    add("maturity", model.maturity)
    add("externalId", model.external_id)
    add("createTimeSinceEpoch", model.create_time)
    add("lastUpdateTimeSinceEpoch", model.last_update_time)
    for language in model.language:
        add("language", language)
    for task in model.tasks:
        add("tasks", task)


def add_artifact_values(fields: dict[str, FieldIndex], row: int, artifact: CatalogArtifact) -> None:
    def add(name: str, value: Any) -> None:
        if value is not None:
            index = fields.get(name)
            if index is None:
                index = fields[name] = FieldIndex()
            index.add(row, value)

    for name, value in artifact.custom_properties.items():
        if name not in ARTIFACT_FIELD_NAMES:
            add(name, _plain(value))
    add("uri", artifact.uri)
    add("name", artifact.name)
    add("artifactType", artifact.kind)
    add("metricsType", artifact.metrics_type)
    add("createTimeSinceEpoch", artifact.create_time)
    add("lastUpdateTimeSinceEpoch", artifact.last_update_time)


def _plain(value: PropertyValue) -> Any:
    return None if value.type == "STRUCT" else value.value
