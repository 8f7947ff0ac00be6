"""Bad input gets a coded GraphQL error, never a 500, and never changes data."""

from __future__ import annotations

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import CREATE_MODEL, create_model, create_version


async def test_nul_bytes_and_over_long_strings(client: GraphQLClient) -> None:
    cases = [
        {"name": "nul\u0000name"},
        {"name": "x" * 256},
        {"name": "ok-1", "description": "a\u0000b"},
        {"name": "ok-2", "externalId": "e" * 300},
        {"name": "ok-3", "language": ["x" * 300]},
        {"name": "ok-4", "licenseLink": "h" * 5000},
        {"name": ""},
        {"name": "   "},
    ]
    for fields in cases:
        result = await client.execute(CREATE_MODEL, {"input": fields})
        assert error_codes(result) == ["BAD_USER_INPUT"], fields
    for query in (
        '{ registeredModel(name: "a\\u0000b") { id } }',
        "{ registeredModels(filterQuery: \"name = '\\u0000'\") { totalCount } }",
    ):
        assert error_codes(await client.execute(query)) == ["BAD_USER_INPUT"], query
    listed = await client.data("{ registeredModels { totalCount } }")
    assert listed["registeredModels"]["totalCount"] == 0


async def test_unknown_and_malformed_ids(client: GraphQLClient) -> None:
    model = await create_model(client, "m")
    version = await create_version(client, model["id"], "v")
    not_found = [
        'mutation { updateRegisteredModel(id: "999", input: {description: "x"}) { id } }',
        'mutation { archiveModelVersion(id: "999") { id } }',
        'mutation { createModelVersion(input: {registeredModelId: "999", name: "v"}) { id } }',
        'mutation { createExperimentRun(input: {experimentId: "999", name: "r"}) { id } }',
        'mutation { upsertModelVersionArtifact(modelVersionId: "999", input: {docArtifact: {name: "d"}}) { id } }',
        'mutation { upsertExperimentRunArtifact(experimentRunId: "999", input: {metric: {name: "d", value: 1}}) { id } }',
        'mutation { updateArtifact(id: "999", input: {docArtifact: {uri: "x"}}) { id } }',
    ]
    for mutation in not_found:
        assert error_codes(await client.execute(mutation)) == ["NOT_FOUND"], mutation
    malformed = [
        'mutation { archiveRegisteredModel(id: "abc") { id } }',
        'mutation { archiveRegisteredModel(id: "99999999999999999999999") { id } }',
        'mutation { archiveRegisteredModel(id: "-1") { id } }',
        '{ registeredModel(id: "1; DROP TABLE registered_models") { id } }',
    ]
    for operation in malformed:
        assert error_codes(await client.execute(operation)) == ["BAD_USER_INPUT"], operation
    missing = await client.data(
        '{ registeredModel(id: "12345") { id } modelVersion(id: "777") { id } }'
    )
    assert missing == {"registeredModel": None, "modelVersion": None}
    entities = await client.data(f'{{ modelVersion(id: "{version["id"]}") {{ name }} }}')
    assert entities["modelVersion"]["name"] == "v"


async def test_unknown_enum_values_and_wrong_shapes(client: GraphQLClient) -> None:
    model = await create_model(client, "enum")
    cases = [
        ("{ registeredModels(orderBy: SIZE) { totalCount } }", None),
        ("{ registeredModels(sortOrder: UP) { totalCount } }", None),
        (
            "mutation($id: ID!) { updateRegisteredModel(id: $id, input: {state: DELETED}) { id } }",
            {"id": model["id"]},
        ),
        (
            'mutation($s: RegisteredModelState) { createRegisteredModel(input: {name: "z", state: $s}) { id } }',
            {"s": "GONE"},
        ),
        ('mutation { upsertModelVersionArtifact(modelVersionId: "1", input: {}) { id } }', None),
        (
            'mutation { upsertModelVersionArtifact(modelVersionId: "1", input: {docArtifact: {name: "a"}, metric: {name: "b"}}) { id } }',
            None,
        ),
        ("{ registeredModel { id } }", None),
        (
            '{ registeredModels { nodes { versions(filterQuery: "name = 1") { totalCount } } } }',
            None,
        ),
        (
            'mutation { createExperiment(input: {name: "e"}) { id } } trailing',
            None,
        ),
        (
            'mutation { createExperimentRun(input: {experimentId: "1", name: "r",'
            ' startTime: "99999999999999999999999"}) { id } }',
            None,
        ),
        (
            'mutation { createExperimentRun(input: {experimentId: "1", name: "r",'
            ' startTime: "yesterday"}) { id } }',
            None,
        ),
        ('{ modelVersion(name: "v") { id } }', None),
    ]
    for query, variables in cases:
        result = await client.execute(query, variables)
        assert error_codes(result) == ["BAD_USER_INPUT"], (query, result)
    state = await client.data(f'{{ registeredModel(id: "{model["id"]}") {{ state }} }}')
    assert state["registeredModel"]["state"] == "LIVE"


async def test_a_failed_mutation_changes_nothing(client: GraphQLClient) -> None:
    result = await client.execute(
        """mutation { registerModel(input: {name: "atomic", versionName: "v", uri: "s3://x",
           artifactCustomProperties: [{name: "n", intValue: "not-a-number"}]}) { modelVersion { id } } }"""
    )
    assert error_codes(result) == ["BAD_USER_INPUT"]
    data = await client.data(
        '{ registeredModel(name: "atomic") { id } modelVersions { totalCount } }'
    )
    assert data == {"registeredModel": None, "modelVersions": {"totalCount": 0}}
