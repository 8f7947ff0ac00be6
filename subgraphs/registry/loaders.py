"""Per-request DataLoaders: every batch of lookups becomes one SQL statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from strawberry.dataloader import DataLoader

from common.filtering import Expression
from subgraphs.registry.database import Database
from subgraphs.registry.entities import SPECS, EntitySpec, Relation
from subgraphs.registry.pagination import Page, PageRequest
from subgraphs.registry.properties import PropertyValue
from subgraphs.registry.repository import reads

ChildPageKey = tuple[Relation, int, PageRequest]
ChildCountKey = tuple[Relation, int, Expression | None, str | None]


class RegistryLoaders:
    """The DataLoaders of one request, for one tenant."""

    def __init__(self, database: Database, tenant: str) -> None:
        self.database = database
        self.tenant = tenant
        self.rows: dict[str, DataLoader[int, Row[Any] | None]] = {
            kind: DataLoader(load_fn=self._rows_loader(spec)) for kind, spec in SPECS.items()
        }
        self.properties: dict[str, DataLoader[int, list[PropertyValue]]] = {
            kind: DataLoader(load_fn=self._properties_loader(kind)) for kind in SPECS
        }
        self.child_pages: DataLoader[ChildPageKey, Page] = DataLoader(
            load_fn=self._load_child_pages
        )
        self.child_counts: DataLoader[ChildCountKey, int] = DataLoader(
            load_fn=self._load_child_counts
        )
        self.metric_history: DataLoader[int, list[Row[Any]]] = DataLoader(
            load_fn=self._load_metric_history
        )

    def _rows_loader(self, spec: EntitySpec) -> Any:
        async def load(ids: Sequence[int]) -> list[Row[Any] | None]:
            async with self.database.read() as connection:
                found = await reads.fetch_by_ids(connection, spec, self.tenant, ids)
            return [found.get(entity_id) for entity_id in ids]

        return load

    def _properties_loader(self, kind: str) -> Any:
        async def load(ids: Sequence[int]) -> list[list[PropertyValue]]:
            async with self.database.read() as connection:
                found = await reads.fetch_properties(connection, self.tenant, kind, ids)
            return [found.get(entity_id, []) for entity_id in ids]

        return load

    async def _load_child_pages(self, keys: Sequence[ChildPageKey]) -> list[Page]:
        groups: dict[tuple[Relation, PageRequest], list[int]] = defaultdict(list)
        for relation, parent_id, request in keys:
            groups[(relation, request)].append(parent_id)
        pages: dict[ChildPageKey, Page] = {}
        async with self.database.read() as connection:
            for (relation, request), parent_ids in groups.items():
                found = await reads.fetch_child_pages(
                    connection, relation, self.tenant, parent_ids, request
                )
                for parent_id, page in found.items():
                    pages[(relation, parent_id, request)] = page
        return [pages[key] for key in keys]

    async def _load_child_counts(self, keys: Sequence[ChildCountKey]) -> list[int]:
        groups: dict[tuple[Relation, Expression | None, str | None], list[int]] = defaultdict(list)
        for relation, parent_id, filter, artifact_type in keys:
            groups[(relation, filter, artifact_type)].append(parent_id)
        counts: dict[ChildCountKey, int] = {}
        async with self.database.read() as connection:
            for (relation, filter, artifact_type), parent_ids in groups.items():
                found = await reads.count_children(
                    connection, relation, self.tenant, parent_ids, filter, artifact_type
                )
                for parent_id, count in found.items():
                    counts[(relation, parent_id, filter, artifact_type)] = count
        return [counts[key] for key in keys]

    async def _load_metric_history(self, run_ids: Sequence[int]) -> list[list[Row[Any]]]:
        async with self.database.read() as connection:
            found = await reads.fetch_metric_history(connection, self.tenant, run_ids)
        return [found.get(run_id, []) for run_id in run_ids]
