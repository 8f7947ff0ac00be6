"""Query: lookups by id, name or externalId, and the top-level lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from common.errors import BadUserInput
from subgraphs.registry.connections import Connection, build_connection, build_page_request
from subgraphs.registry.database import Database
from subgraphs.registry.entities import (
    ARTIFACT,
    EXPERIMENT,
    EXPERIMENT_RUN,
    MODEL_VERSION,
    REGISTERED_MODEL,
    EntitySpec,
)
from subgraphs.registry.enums import ArtifactType, OrderByField, SortOrder
from subgraphs.registry.pagination import PageRequest
from subgraphs.registry.repository import reads
from subgraphs.registry.types import (
    Artifact,
    Experiment,
    ExperimentRun,
    ModelVersion,
    RegisteredModel,
    artifact_from_row,
)
from subgraphs.registry.validation import check_text, parse_id


def _tenant(info: strawberry.Info) -> str:
    return str(info.context["caller"].tenant)


def _database(info: strawberry.Info) -> Database:
    database: Database = info.context["database"]
    return database


async def list_entities(
    info: strawberry.Info,
    spec: EntitySpec,
    request: PageRequest,
    to_node: Callable[[Any], Any],
    scope: tuple[tuple[str, Any], ...] = (),
) -> Connection[Any]:
    database, tenant = _database(info), _tenant(info)
    async with database.read() as connection:
        page = await reads.fetch_page(connection, spec, tenant, request, scope)

    async def count_total() -> int:
        async with database.read() as connection:
            return await reads.count_rows(
                connection, spec, tenant, request.filter, request.artifact_type, scope
            )

    return build_connection(page, to_node, count_total)


async def find_entity(info: strawberry.Info, spec: EntitySpec, **keys: Any) -> Any | None:
    """The row matching every key given (id, name, external_id, parent...), or None."""
    given = {column: value for column, value in keys.items() if value is not None}
    if not given.keys() & {"id", "name", "external_id"}:
        raise BadUserInput(f"look up a {spec.label} by id, name or externalId")
    for column, value in given.items():
        if isinstance(value, str):
            check_text(column, value, 2048)
    async with _database(info).read() as connection:
        return await reads.fetch_one(connection, spec, _tenant(info), **given)


def _optional_id(value: strawberry.ID | None, what: str) -> int | None:
    return parse_id(value, what) if value is not None else None


@strawberry.type
class Query:
    @strawberry.field
    async def registered_model(
        self,
        info: strawberry.Info,
        id: strawberry.ID | None = None,
        name: str | None = None,
        external_id: str | None = None,
    ) -> RegisteredModel | None:
        row = await find_entity(
            info, REGISTERED_MODEL, id=_optional_id(id, "id"), name=name, external_id=external_id
        )
        return RegisteredModel.from_row(row) if row is not None else None

    @strawberry.field
    async def registered_models(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[RegisteredModel]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        return await list_entities(info, REGISTERED_MODEL, request, RegisteredModel.from_row)

    @strawberry.field(description="By id, by externalId, or by registeredModelId and name.")  # type: ignore[untyped-decorator]
    async def model_version(
        self,
        info: strawberry.Info,
        id: strawberry.ID | None = None,
        registered_model_id: strawberry.ID | None = None,
        name: str | None = None,
        external_id: str | None = None,
    ) -> ModelVersion | None:
        if name is not None and registered_model_id is None:
            raise BadUserInput(
                "a version name is unique only within its model: add registeredModelId"
            )
        row = await find_entity(
            info,
            MODEL_VERSION,
            id=_optional_id(id, "id"),
            registered_model_id=_optional_id(registered_model_id, "registeredModelId"),
            name=name,
            external_id=external_id,
        )
        return ModelVersion.from_row(row) if row is not None else None

    @strawberry.field
    async def model_versions(
        self,
        info: strawberry.Info,
        registered_model_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[ModelVersion]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        scope: tuple[tuple[str, Any], ...] = ()
        if registered_model_id is not None:
            scope = (("registered_model_id", parse_id(registered_model_id, "registeredModelId")),)
        return await list_entities(info, MODEL_VERSION, request, ModelVersion.from_row, scope)

    @strawberry.field
    async def artifact(
        self,
        info: strawberry.Info,
        id: strawberry.ID | None = None,
        external_id: str | None = None,
    ) -> Artifact | None:
        row = await find_entity(info, ARTIFACT, id=_optional_id(id, "id"), external_id=external_id)
        return artifact_from_row(row) if row is not None else None

    @strawberry.field
    async def artifacts(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        artifact_type: ArtifactType | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[Artifact]:
        kind = artifact_type.value if artifact_type is not None else None
        request = build_page_request(first, after, filter_query, order_by, sort_order, kind)
        return await list_entities(info, ARTIFACT, request, artifact_from_row)

    @strawberry.field
    async def experiment(
        self,
        info: strawberry.Info,
        id: strawberry.ID | None = None,
        name: str | None = None,
        external_id: str | None = None,
    ) -> Experiment | None:
        row = await find_entity(
            info, EXPERIMENT, id=_optional_id(id, "id"), name=name, external_id=external_id
        )
        return Experiment.from_row(row) if row is not None else None

    @strawberry.field
    async def experiments(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[Experiment]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        return await list_entities(info, EXPERIMENT, request, Experiment.from_row)

    @strawberry.field(description="By id, by externalId, or by experimentId and name.")  # type: ignore[untyped-decorator]
    async def experiment_run(
        self,
        info: strawberry.Info,
        id: strawberry.ID | None = None,
        experiment_id: strawberry.ID | None = None,
        name: str | None = None,
        external_id: str | None = None,
    ) -> ExperimentRun | None:
        if name is not None and experiment_id is None:
            raise BadUserInput("a run name is unique only within its experiment: add experimentId")
        row = await find_entity(
            info,
            EXPERIMENT_RUN,
            id=_optional_id(id, "id"),
            experiment_id=_optional_id(experiment_id, "experimentId"),
            name=name,
            external_id=external_id,
        )
        return ExperimentRun.from_row(row) if row is not None else None

    @strawberry.field
    async def experiment_runs(
        self,
        info: strawberry.Info,
        experiment_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[ExperimentRun]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        scope: tuple[tuple[str, Any], ...] = ()
        if experiment_id is not None:
            scope = (("experiment_id", parse_id(experiment_id, "experimentId")),)
        return await list_entities(info, EXPERIMENT_RUN, request, ExperimentRun.from_row, scope)
