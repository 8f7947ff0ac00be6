"""The catalog's GraphQL schema: thin Strawberry types over the snapshot and the search index."""

# strawberry.field(description=...) is not typed for mypy; the resolvers below are.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.federation.schema import Schema
from strawberry.types import Info

from common.authorization import CATALOG_READ, require_scopes
from common.errors import BadUserInput
from common.graphql_errors import ErrorCodes
from subgraphs.catalog.artifact_types import (
    CatalogArtifact,
    CatalogCustomProperty,
    custom_properties,
    epoch_text,
    iso_text,
)
from subgraphs.catalog.catalog import CatalogSnapshot
from subgraphs.catalog.filter_options import FilterOption, compute_filter_options
from subgraphs.catalog.records import CatalogModelRecord, SourceLabel, SourceState
from subgraphs.catalog.search import ModelQuery, search_models


def snapshot_of(info: Info) -> CatalogSnapshot:
    # Read once per request: every field of one response comes from the same snapshot.
    snapshot: CatalogSnapshot | None = info.context.get("catalog_snapshot")
    if snapshot is None:
        snapshot = info.context["catalog"].snapshot
        info.context["catalog_snapshot"] = snapshot
    return snapshot


@strawberry.enum
class CatalogSourceStatus(Enum):
    AVAILABLE = "available"
    PARTIALLY_AVAILABLE = "partially-available"
    ERROR = "error"
    DISABLED = "disabled"


@strawberry.enum
class CatalogModelOrderField(Enum):
    NAME = "NAME"
    CREATE_TIME = "CREATE_TIME"
    LAST_UPDATE_TIME = "LAST_UPDATE_TIME"


@strawberry.enum
class SortOrder(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum
class CatalogFilterOptionType(Enum):
    STRING = "STRING"
    NUMBER = "NUMBER"
    BOOL = "BOOL"


@strawberry.type
class CatalogLabel:
    name: str
    display_name: str | None
    description: str | None

    @classmethod
    def of(cls, label: SourceLabel) -> CatalogLabel:
        return cls(name=label.name, display_name=label.display_name, description=label.description)


@strawberry.type(
    description="A catalog source. Sources are shared by every tenant of a deployment."
)
class CatalogSource:
    state: strawberry.Private[SourceState]

    @strawberry.field
    def id(self) -> str:
        return self.state.config.id

    @strawberry.field
    def name(self) -> str:
        return self.state.config.name

    @strawberry.field(description="yaml or hf.")
    def type(self) -> str:
        return self.state.config.type

    @strawberry.field
    def enabled(self) -> bool:
        return self.state.config.enabled

    @strawberry.field
    def labels(self) -> list[str]:
        return list(self.state.config.labels)

    @strawberry.field
    def included_models(self) -> list[str]:
        return list(self.state.config.included_models)

    @strawberry.field
    def excluded_models(self) -> list[str]:
        return list(self.state.config.excluded_models)

    @strawberry.field
    def status(self) -> CatalogSourceStatus:
        return CatalogSourceStatus(self.state.status)

    @strawberry.field(description="Why the source is in error or only partially available.")
    def error(self) -> str | None:
        return self.state.error

    @strawberry.field(description="Models this source serves now (the last good data on error).")
    def model_count(self) -> int:
        return 0 if not self.state.config.enabled else len(self.state.models)

    @strawberry.field
    def loaded_at(self) -> str | None:
        if self.state.loaded_at is None:
            return None
        return iso_text(int(self.state.loaded_at * 1000))


@strawberry.federation.type(keys=["sourceId name"])
class CatalogModel:
    record: strawberry.Private[CatalogModelRecord]

    @strawberry.field
    def source_id(self) -> str:
        return self.record.source_id

    @strawberry.field
    def name(self) -> str:
        return self.record.name

    @strawberry.field
    def source(self, info: Info) -> CatalogSource | None:
        state = snapshot_of(info).sources.get(self.record.source_id)
        return None if state is None else CatalogSource(state=state)

    @strawberry.field
    def provider(self) -> str | None:
        return self.record.provider

    @strawberry.field
    def description(self) -> str | None:
        return self.record.description

    @strawberry.field(description="Markdown.")
    def readme(self) -> str | None:
        return self.record.readme

    @strawberry.field
    def language(self) -> list[str]:
        return list(self.record.language)

    @strawberry.field
    def license(self) -> str | None:
        return self.record.license

    @strawberry.field
    def license_link(self) -> str | None:
        return self.record.license_link

    @strawberry.field
    def library_name(self) -> str | None:
        return self.record.library_name

    @strawberry.field
    def tasks(self) -> list[str]:
        return list(self.record.tasks)

    @strawberry.field
    def maturity(self) -> str | None:
        return self.record.maturity

    @strawberry.field
    def logo(self) -> str | None:
        return self.record.logo

    @strawberry.field
    def external_id(self) -> str | None:
        return self.record.external_id

    @strawberry.field(description="Milliseconds since the epoch, as in the catalog file.")
    def create_time_since_epoch(self) -> str | None:
        return epoch_text(self.record.create_time)

    @strawberry.field
    def last_update_time_since_epoch(self) -> str | None:
        return epoch_text(self.record.last_update_time)

    @strawberry.field(description="ISO-8601, UTC.")
    def created_at(self) -> str | None:
        return iso_text(self.record.create_time)

    @strawberry.field(description="ISO-8601, UTC.")
    def updated_at(self) -> str | None:
        return iso_text(self.record.last_update_time)

    @strawberry.field
    def custom_properties(self) -> list[CatalogCustomProperty]:
        return custom_properties(self.record.custom_properties)

    @strawberry.field
    def artifacts(self, artifact_type: str | None = None) -> list[CatalogArtifact]:
        return [
            CatalogArtifact(record=a)
            for a in self.record.artifacts
            if artifact_type is None or a.kind == artifact_type
        ]

    @classmethod
    def resolve_reference(cls, info: Info, **representation: Any) -> CatalogModel | None:
        record = snapshot_of(info).model(
            str(representation.get("sourceId")), str(representation.get("name"))
        )
        return None if record is None else cls(record=record)


@strawberry.federation.type(keys=["id"])
class ModelArtifact:
    """The registry's model artifact, extended with the catalog model it was registered from."""

    id: strawberry.ID
    model_source_kind: str | None = strawberry.federation.field(external=True, default=None)
    model_source_class: str | None = strawberry.federation.field(external=True, default=None)
    model_source_name: str | None = strawberry.federation.field(external=True, default=None)

    @strawberry.federation.field(
        requires=["modelSourceKind modelSourceClass modelSourceName"],
        description="The catalog model, when modelSourceKind is catalog (sourceId in "
        "modelSourceClass, model name in modelSourceName).",
    )
    def catalog_model(self, info: Info) -> CatalogModel | None:
        if self.model_source_kind != "catalog" or not self.model_source_class:
            return None
        record = snapshot_of(info).model(self.model_source_class, self.model_source_name or "")
        return None if record is None else CatalogModel(record=record)

    @classmethod
    def resolve_reference(cls, **representation: Any) -> ModelArtifact:
        return cls(
            id=strawberry.ID(str(representation.get("id"))),
            model_source_kind=representation.get("modelSourceKind"),
            model_source_class=representation.get("modelSourceClass"),
            model_source_name=representation.get("modelSourceName"),
        )


@strawberry.type
class CatalogPageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class CatalogModelEdge:
    cursor: str
    node: CatalogModel


@strawberry.type
class CatalogModelConnection:
    edges: list[CatalogModelEdge]
    nodes: list[CatalogModel]
    page_info: CatalogPageInfo
    total_count: int


@strawberry.type
class CatalogFilterOption:
    field: str
    type: CatalogFilterOptionType
    values: list[str] = strawberry.field(description="Distinct values, for STRING and BOOL fields.")
    min: float | None = strawberry.field(description="Smallest value, for NUMBER fields.")
    max: float | None = strawberry.field(description="Largest value, for NUMBER fields.")

    @classmethod
    def of(cls, option: FilterOption) -> CatalogFilterOption:
        return cls(
            field=option.field,
            type=CatalogFilterOptionType(option.type),
            values=list(option.values),
            min=option.minimum,
            max=option.maximum,
        )


@strawberry.type
class Query:
    @strawberry.field(
        description="Every configured source with its status (global per deployment)."
    )
    def catalog_sources(
        self,
        info: Info,
        status: CatalogSourceStatus | None = None,
        labels: list[str] | None = None,
    ) -> list[CatalogSource]:
        sources = snapshot_of(info).sources.values()
        return [
            CatalogSource(state=s)
            for s in sources
            if (status is None or s.status == status.value)
            and (labels is None or set(labels) & set(s.config.labels))
        ]

    @strawberry.field
    def catalog_source(self, info: Info, id: str) -> CatalogSource | None:
        state = snapshot_of(info).sources.get(id)
        return None if state is None else CatalogSource(state=state)

    @strawberry.field(description="Labels declared in the sources files.")
    def catalog_labels(self, info: Info) -> list[CatalogLabel]:
        return [CatalogLabel.of(label) for label in snapshot_of(info).labels]

    @strawberry.field(
        description="Search the catalog. `q` matches name, description, provider, libraryName "
        "and tasks (case-insensitive, every word). `filterQuery` uses the registry's grammar; "
        "`artifacts.<property>` conditions joined by AND must hold on one artifact."
    )
    def catalog_models(
        self,
        info: Info,
        q: str | None = None,
        source_ids: list[str] | None = None,
        source_labels: list[str] | None = None,
        filter_query: str | None = None,
        order_by: CatalogModelOrderField = CatalogModelOrderField.NAME,
        order_by_artifact_metric: str | None = None,
        sort_order: SortOrder = SortOrder.ASC,
        first: int = 20,
        after: str | None = None,
    ) -> CatalogModelConnection:
        snapshot = snapshot_of(info)
        selected = None if source_ids is None else set(source_ids)
        if source_labels is not None:
            labelled = set(snapshot.source_ids_with_labels(source_labels))
            selected = labelled if selected is None else selected & labelled
        if order_by_artifact_metric is not None and not order_by_artifact_metric.strip():
            raise BadUserInput("orderByArtifactMetric must name a metric, e.g. ttft_p90")
        query = ModelQuery(
            q=q,
            source_ids=None if selected is None else tuple(sorted(selected)),
            filter_query=filter_query,
            order_by=(
                f"artifacts.{order_by_artifact_metric.strip()}"
                if order_by_artifact_metric
                else order_by.value
            ),
            descending=sort_order is SortOrder.DESC,
            first=first,
            after=after,
        )
        page = search_models(snapshot.index, query)
        nodes = [CatalogModel(record=m) for m in page.models]
        return CatalogModelConnection(
            edges=[
                CatalogModelEdge(cursor=c, node=n) for c, n in zip(page.cursors, nodes, strict=True)
            ],
            nodes=nodes,
            page_info=CatalogPageInfo(
                has_next_page=page.has_next_page,
                has_previous_page=page.has_previous_page,
                start_cursor=page.cursors[0] if page.cursors else None,
                end_cursor=page.cursors[-1] if page.cursors else None,
            ),
            total_count=page.total_count,
        )

    @strawberry.field(description="One model; names may contain '/' (e.g. org/model).")
    def catalog_model(self, info: Info, source_id: str, name: str) -> CatalogModel | None:
        record = snapshot_of(info).model(source_id, name)
        return None if record is None else CatalogModel(record=record)

    @strawberry.field(description="For each filterable field, its distinct values or its range.")
    def catalog_filter_options(
        self, info: Info, source_ids: list[str] | None = None
    ) -> list[CatalogFilterOption]:
        options = compute_filter_options(snapshot_of(info).index, source_ids)
        return [CatalogFilterOption.of(option) for option in options]


def build_schema() -> Schema:
    return Schema(
        query=require_scopes(Query, CATALOG_READ),
        types=[CatalogModel, require_scopes(ModelArtifact, CATALOG_READ, "catalog_model")],
        extensions=[ErrorCodes],
        federation_version="2.11",
    )
