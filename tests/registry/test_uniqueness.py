"""Names are unique per tenant (models, experiments) and per parent (versions, runs, artifacts)."""

from __future__ import annotations

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import (
    CREATE_MODEL,
    CREATE_VERSION,
    create_model,
    create_version,
    register,
)


async def test_duplicate_model_name_conflicts(client: GraphQLClient) -> None:
    await create_model(client, "dup", externalId="e1")
    again = await client.execute(CREATE_MODEL, {"input": {"name": "dup"}})
    assert error_codes(again) == ["CONFLICT"]
    assert again["data"] is None
    same_external = await client.execute(
        CREATE_MODEL, {"input": {"name": "other", "externalId": "e1"}}
    )
    assert error_codes(same_external) == ["CONFLICT"]
    listed = await client.data("{ registeredModels { totalCount } }")
    assert listed["registeredModels"]["totalCount"] == 1


async def test_version_names_are_unique_within_their_model(client: GraphQLClient) -> None:
    first = await create_model(client, "a")
    second = await create_model(client, "b")
    await create_version(client, first["id"], "1.0")
    await create_version(client, second["id"], "1.0")  # same name, other model: fine
    dup = await client.execute(
        CREATE_VERSION, {"input": {"registeredModelId": first["id"], "name": "1.0"}}
    )
    assert error_codes(dup) == ["CONFLICT"]
    dup_registered = await register(client, "a", "1.0")
    assert error_codes(dup_registered) == ["CONFLICT"]
    count = await client.data(
        f'{{ modelVersions(registeredModelId: "{first["id"]}") {{ totalCount }} }}'
    )
    assert count["modelVersions"]["totalCount"] == 1
    artifacts = await client.data("{ artifacts { totalCount } }")
    assert artifacts["artifacts"]["totalCount"] == 0  # the failed registerModel left nothing


async def test_update_to_a_taken_external_id_conflicts(client: GraphQLClient) -> None:
    await create_model(client, "x", externalId="taken")
    y = await create_model(client, "y")
    result = await client.execute(
        'mutation($id: ID!) { updateRegisteredModel(id: $id, input: {externalId: "taken"}) { id } }',
        {"id": y["id"]},
    )
    assert error_codes(result) == ["CONFLICT"]


async def test_experiment_and_run_names(client: GraphQLClient) -> None:
    create_experiment = 'mutation { createExperiment(input: {name: "e"}) { id } }'
    experiment_id = (await client.data(create_experiment))["createExperiment"]["id"]
    assert error_codes(await client.execute(create_experiment)) == ["CONFLICT"]
    create_run = (
        'mutation($e: ID!) { createExperimentRun(input: {experimentId: $e, name: "r"}) { id } }'
    )
    await client.data(create_run, {"e": experiment_id})
    assert error_codes(await client.execute(create_run, {"e": experiment_id})) == ["CONFLICT"]
