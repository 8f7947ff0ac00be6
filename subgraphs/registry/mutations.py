"""Mutation: create, update, archive/restore, artifact upserts and registerModel."""

from __future__ import annotations

from typing import Any

import strawberry

from subgraphs.registry.database import Database
from subgraphs.registry.entities import (
    EXPERIMENT,
    EXPERIMENT_RUN,
    MODEL_VERSION,
    REGISTERED_MODEL,
    EntitySpec,
)
from subgraphs.registry.governance.lifecycle import set_model_governance
from subgraphs.registry.governance.recording import (
    record_artifact,
    record_change,
    record_registration,
)
from subgraphs.registry.inputs import (
    GOVERNANCE_COLUMNS,
    ArtifactInput,
    ExperimentCreateInput,
    ExperimentRunCreateInput,
    ExperimentRunUpdateInput,
    ExperimentUpdateInput,
    ModelVersionCreateInput,
    ModelVersionUpdateInput,
    RegisteredModelCreateInput,
    RegisteredModelUpdateInput,
    RegisterModelInput,
    artifact_values,
    experiment_values,
    new_model_values,
    property_values,
    registered_model_values,
    registration_values,
    run_values,
    version_values,
)
from subgraphs.registry.repository import writes
from subgraphs.registry.repository.registration import RegistrationDraft, register_model
from subgraphs.registry.types import (
    Artifact,
    Experiment,
    ExperimentRun,
    ModelArtifact,
    ModelVersion,
    RegisteredModel,
    artifact_from_row,
)
from subgraphs.registry.validation import parse_id


def _tenant(info: strawberry.Info) -> str:
    return str(info.context["caller"].tenant)


def _database(info: strawberry.Info) -> Database:
    database: Database = info.context["database"]
    return database


async def create_entity(
    info: strawberry.Info, spec: EntitySpec, values: dict[str, Any], properties: Any
) -> Any:
    async with _database(info).write() as connection:
        if spec is MODEL_VERSION:
            parent = values["registered_model_id"]
            await writes.require_row(connection, REGISTERED_MODEL, _tenant(info), parent)
        if spec is EXPERIMENT_RUN:
            await writes.require_row(connection, EXPERIMENT, _tenant(info), values["experiment_id"])
        row = await writes.insert_entity(connection, spec, _tenant(info), values, properties)
        await record_change(connection, info.context["caller"], spec.kind, None, row)
        return row


async def update_entity(
    info: strawberry.Info,
    spec: EntitySpec,
    id: strawberry.ID,
    values: dict[str, Any],
    properties: Any,
) -> Any:
    entity_id = parse_id(id)
    async with _database(info).write() as connection:
        before = await writes.require_row(connection, spec, _tenant(info), entity_id)
        row = await writes.update_entity(
            connection, spec, _tenant(info), entity_id, values, properties
        )
        await record_change(connection, info.context["caller"], spec.kind, before, row)
        return row


@strawberry.type
class RegisterModelPayload:
    registered_model: RegisteredModel
    model_version: ModelVersion
    model_artifact: ModelArtifact


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def create_registered_model(
        self, info: strawberry.Info, input: RegisteredModelCreateInput
    ) -> RegisteredModel:
        values, properties = new_model_values(input), property_values(input.custom_properties)
        return RegisteredModel.from_row(
            await create_entity(info, REGISTERED_MODEL, values, properties)
        )

    @strawberry.mutation
    async def update_registered_model(
        self, info: strawberry.Info, id: strawberry.ID, input: RegisteredModelUpdateInput
    ) -> RegisteredModel:
        values, properties = (
            registered_model_values(input),
            property_values(input.custom_properties),
        )
        return RegisteredModel.from_row(
            await update_entity(info, REGISTERED_MODEL, id, values, properties)
        )

    @strawberry.mutation
    async def archive_registered_model(
        self, info: strawberry.Info, id: strawberry.ID
    ) -> RegisteredModel:
        row = await update_entity(info, REGISTERED_MODEL, id, {"state": "ARCHIVED"}, None)
        return RegisteredModel.from_row(row)

    @strawberry.mutation
    async def restore_registered_model(
        self, info: strawberry.Info, id: strawberry.ID
    ) -> RegisteredModel:
        row = await update_entity(info, REGISTERED_MODEL, id, {"state": "LIVE"}, None)
        return RegisteredModel.from_row(row)

    @strawberry.mutation
    async def create_model_version(
        self, info: strawberry.Info, input: ModelVersionCreateInput
    ) -> ModelVersion:
        values = {
            "state": "LIVE",
            **version_values(input),
            "registered_model_id": parse_id(input.registered_model_id, "registeredModelId"),
        }
        properties = property_values(input.custom_properties)
        return ModelVersion.from_row(await create_entity(info, MODEL_VERSION, values, properties))

    @strawberry.mutation
    async def update_model_version(
        self, info: strawberry.Info, id: strawberry.ID, input: ModelVersionUpdateInput
    ) -> ModelVersion:
        values, properties = version_values(input), property_values(input.custom_properties)
        return ModelVersion.from_row(
            await update_entity(info, MODEL_VERSION, id, values, properties)
        )

    @strawberry.mutation
    async def archive_model_version(self, info: strawberry.Info, id: strawberry.ID) -> ModelVersion:
        row = await update_entity(info, MODEL_VERSION, id, {"state": "ARCHIVED"}, None)
        return ModelVersion.from_row(row)

    @strawberry.mutation
    async def restore_model_version(self, info: strawberry.Info, id: strawberry.ID) -> ModelVersion:
        row = await update_entity(info, MODEL_VERSION, id, {"state": "LIVE"}, None)
        return ModelVersion.from_row(row)

    @strawberry.mutation(description="Create the named artifact under the version, or update it.")  # type: ignore[untyped-decorator]
    async def upsert_model_version_artifact(
        self, info: strawberry.Info, model_version_id: strawberry.ID, input: ArtifactInput
    ) -> Artifact:
        return await _upsert_artifact(info, "version", parse_id(model_version_id), input)

    @strawberry.mutation(description="Create the named artifact under the run, or update it.")  # type: ignore[untyped-decorator]
    async def upsert_experiment_run_artifact(
        self, info: strawberry.Info, experiment_run_id: strawberry.ID, input: ArtifactInput
    ) -> Artifact:
        return await _upsert_artifact(info, "run", parse_id(experiment_run_id), input)

    @strawberry.mutation
    async def update_artifact(
        self, info: strawberry.Info, id: strawberry.ID, input: ArtifactInput
    ) -> Artifact:
        artifact_type, values, properties = artifact_values(input)
        artifact_id = parse_id(id)
        async with _database(info).write() as connection:
            row = await writes.update_artifact(
                connection, _tenant(info), artifact_id, artifact_type, values, properties
            )
            await record_artifact(
                connection, info.context["caller"], row.parent_kind, row.parent_id, row
            )
        return artifact_from_row(row)

    @strawberry.mutation
    async def create_experiment(
        self, info: strawberry.Info, input: ExperimentCreateInput
    ) -> Experiment:
        values = {"state": "LIVE", **experiment_values(input)}
        properties = property_values(input.custom_properties)
        return Experiment.from_row(await create_entity(info, EXPERIMENT, values, properties))

    @strawberry.mutation
    async def update_experiment(
        self, info: strawberry.Info, id: strawberry.ID, input: ExperimentUpdateInput
    ) -> Experiment:
        values, properties = experiment_values(input), property_values(input.custom_properties)
        return Experiment.from_row(await update_entity(info, EXPERIMENT, id, values, properties))

    @strawberry.mutation
    async def archive_experiment(self, info: strawberry.Info, id: strawberry.ID) -> Experiment:
        return Experiment.from_row(
            await update_entity(info, EXPERIMENT, id, {"state": "ARCHIVED"}, None)
        )

    @strawberry.mutation
    async def restore_experiment(self, info: strawberry.Info, id: strawberry.ID) -> Experiment:
        return Experiment.from_row(
            await update_entity(info, EXPERIMENT, id, {"state": "LIVE"}, None)
        )

    @strawberry.mutation
    async def create_experiment_run(
        self, info: strawberry.Info, input: ExperimentRunCreateInput
    ) -> ExperimentRun:
        values = {
            "state": "LIVE",
            "status": "RUNNING",
            **run_values(input),
            "experiment_id": parse_id(input.experiment_id, "experimentId"),
        }
        properties = property_values(input.custom_properties)
        return ExperimentRun.from_row(await create_entity(info, EXPERIMENT_RUN, values, properties))

    @strawberry.mutation
    async def update_experiment_run(
        self, info: strawberry.Info, id: strawberry.ID, input: ExperimentRunUpdateInput
    ) -> ExperimentRun:
        values, properties = run_values(input), property_values(input.custom_properties)
        return ExperimentRun.from_row(
            await update_entity(info, EXPERIMENT_RUN, id, values, properties)
        )

    @strawberry.mutation
    async def archive_experiment_run(
        self, info: strawberry.Info, id: strawberry.ID
    ) -> ExperimentRun:
        row = await update_entity(info, EXPERIMENT_RUN, id, {"state": "ARCHIVED"}, None)
        return ExperimentRun.from_row(row)

    @strawberry.mutation
    async def restore_experiment_run(
        self, info: strawberry.Info, id: strawberry.ID
    ) -> ExperimentRun:
        row = await update_entity(info, EXPERIMENT_RUN, id, {"state": "LIVE"}, None)
        return ExperimentRun.from_row(row)

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        description="Create or reuse the registered model, then create the version and its "
        "model artifact, in one transaction."
    )
    async def register_model(
        self, info: strawberry.Info, input: RegisterModelInput
    ) -> RegisterModelPayload:
        values = registration_values(input)
        draft = RegistrationDraft(
            model={"language": [], "tasks": [], "state": "LIVE", **values["model"]},
            model_properties=property_values(input.model_custom_properties),
            version=values["version"],
            version_properties=property_values(input.version_custom_properties),
            artifact=values["artifact"],
            artifact_properties=property_values(input.artifact_custom_properties),
        )
        governance = {k: v for k, v in values["model"].items() if k in GOVERNANCE_COLUMNS}
        async with _database(info).write() as connection:
            result = await register_model(connection, _tenant(info), draft)
            model = result.registered_model
            # A new model was created with them; an existing one takes the given fields.
            changed = {k: v for k, v in governance.items() if getattr(model, k) != v}
            if changed:
                model = await set_model_governance(
                    connection, info.context["caller"], model.id, changed
                )
            await record_registration(
                connection,
                info.context["caller"],
                model,
                result.model_version,
                result.model_artifact,
            )
        return RegisterModelPayload(
            registered_model=RegisteredModel.from_row(model),
            model_version=ModelVersion.from_row(result.model_version),
            model_artifact=ModelArtifact.from_row(result.model_artifact),
        )


async def _upsert_artifact(
    info: strawberry.Info, parent_kind: str, parent_id: int, input: ArtifactInput
) -> Artifact:
    artifact_type, values, properties = artifact_values(input)
    async with _database(info).write() as connection:
        row = await writes.upsert_artifact(
            connection, _tenant(info), parent_kind, parent_id, artifact_type, values, properties
        )
        await record_artifact(connection, info.context["caller"], parent_kind, parent_id, row)
    return artifact_from_row(row)
