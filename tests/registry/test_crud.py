"""Create, read, update, archive and restore every registry entity."""

from __future__ import annotations

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import (
    UPSERT_VERSION_ARTIFACT,
    create_model,
    create_version,
    register,
)


async def test_registered_model_lifecycle(client: GraphQLClient) -> None:
    model = await create_model(
        client,
        "fraud",
        description="detects fraud",
        externalId="ext-1",
        owner="alice",
        language=["en", "de"],
        tasks=["classification"],
        license="apache-2.0",
    )
    assert model["state"] == "LIVE"
    assert model["language"] == ["en", "de"]
    assert model["createdAt"].endswith("Z")

    for args in (f'id: "{model["id"]}"', 'name: "fraud"', 'externalId: "ext-1"'):
        data = await client.data(f"{{ registeredModel({args}) {{ id owner license }} }}")
        assert data["registeredModel"] == {
            "id": model["id"],
            "owner": "alice",
            "license": "apache-2.0",
        }

    updated = await client.data(
        """mutation($id: ID!) { updateRegisteredModel(id: $id, input: {description: "v2", maturity: "GA"})
           { name description maturity owner updatedAt } }""",
        {"id": model["id"]},
    )
    assert updated["updateRegisteredModel"]["description"] == "v2"
    assert updated["updateRegisteredModel"]["owner"] == "alice"  # untouched fields stay
    assert updated["updateRegisteredModel"]["name"] == "fraud"

    archived = await client.data(
        "mutation($id: ID!) { archiveRegisteredModel(id: $id) { state } }", {"id": model["id"]}
    )
    assert archived["archiveRegisteredModel"]["state"] == "ARCHIVED"
    restored = await client.data(
        "mutation($id: ID!) { restoreRegisteredModel(id: $id) { state } }", {"id": model["id"]}
    )
    assert restored["restoreRegisteredModel"]["state"] == "LIVE"

    missing = await client.data('{ registeredModel(name: "nope") { id } }')
    assert missing["registeredModel"] is None


async def test_names_are_immutable(client: GraphQLClient) -> None:
    model = await create_model(client, "immutable")
    result = await client.execute(
        'mutation($id: ID!) { updateRegisteredModel(id: $id, input: {name: "other"}) { name } }',
        {"id": model["id"]},
    )
    assert error_codes(result) == ["BAD_USER_INPUT"]
    data = await client.data(f'{{ registeredModel(id: "{model["id"]}") {{ name }} }}')
    assert data["registeredModel"]["name"] == "immutable"


async def test_model_version_lookups_and_updates(client: GraphQLClient) -> None:
    model = await create_model(client, "llm")
    version = await create_version(client, model["id"], "1.0", author="bob", externalId="v-ext")
    assert version["registeredModelId"] == model["id"]
    lookups = [
        f'id: "{version["id"]}"',
        f'registeredModelId: "{model["id"]}", name: "1.0"',
        'externalId: "v-ext"',
    ]
    for args in lookups:
        data = await client.data(
            f"{{ modelVersion({args}) {{ id author registeredModel {{ name }} }} }}"
        )
        assert data["modelVersion"] == {
            "id": version["id"],
            "author": "bob",
            "registeredModel": {"name": "llm"},
        }

    data = await client.data(
        """mutation($id: ID!) { a: archiveModelVersion(id: $id) { state }
           u: updateModelVersion(id: $id, input: {author: "carol"}) { author state } }""",
        {"id": version["id"]},
    )
    assert data["a"]["state"] == "ARCHIVED"
    assert data["u"] == {"author": "carol", "state": "ARCHIVED"}

    listed = await client.data(
        f'{{ modelVersions(registeredModelId: "{model["id"]}") {{ totalCount nodes {{ name }} }} }}'
    )
    assert listed["modelVersions"] == {"totalCount": 1, "nodes": [{"name": "1.0"}]}


async def test_register_model_reuses_the_model(client: GraphQLClient) -> None:
    first = await register(client, "bert", "v1", modelFormatName="onnx", storageKey="aws")
    second = await register(client, "bert", "v2")
    assert "errors" not in first and "errors" not in second
    one, two = first["data"]["registerModel"], second["data"]["registerModel"]
    assert one["registeredModel"]["id"] == two["registeredModel"]["id"]
    assert one["modelArtifact"]["modelFormatName"] == "onnx"
    assert one["modelArtifact"]["artifactType"] == "MODEL_ARTIFACT"
    data = await client.data(
        """{ registeredModel(name: "bert") { versions { totalCount nodes { name
             artifacts { nodes { __typename name uri } } } } } }"""
    )
    versions = data["registeredModel"]["versions"]
    assert versions["totalCount"] == 2
    assert [v["name"] for v in versions["nodes"]] == ["v1", "v2"]
    assert versions["nodes"][1]["artifacts"]["nodes"] == [
        {"__typename": "ModelArtifact", "name": "bert", "uri": "s3://b/bert/v2"}
    ]


async def test_artifact_upsert_updates_in_place(client: GraphQLClient) -> None:
    model = await create_model(client, "resnet")
    version = await create_version(client, model["id"], "1")
    created = await client.data(
        UPSERT_VERSION_ARTIFACT,
        {"id": version["id"], "input": {"modelArtifact": {"name": "weights", "uri": "s3://a"}}},
    )
    updated = await client.data(
        UPSERT_VERSION_ARTIFACT,
        {
            "id": version["id"],
            "input": {
                "modelArtifact": {"name": "weights", "state": "LIVE", "modelSourceKind": "catalog"}
            },
        },
    )
    a, b = created["upsertModelVersionArtifact"], updated["upsertModelVersionArtifact"]
    assert a["id"] == b["id"]
    assert a["state"] == "UNKNOWN" and b["state"] == "LIVE"
    assert b["uri"] == "s3://a" and b["modelSourceKind"] == "catalog"

    doc = await client.data(
        UPSERT_VERSION_ARTIFACT,
        {
            "id": version["id"],
            "input": {"docArtifact": {"name": "readme", "uri": "https://x/readme"}},
        },
    )
    assert doc["upsertModelVersionArtifact"]["__typename"] == "DocArtifact"
    clash = await client.execute(
        UPSERT_VERSION_ARTIFACT,
        {"id": version["id"], "input": {"docArtifact": {"name": "weights"}}},
    )
    assert error_codes(clash) == ["CONFLICT"]

    typed = await client.data(
        f"""{{ modelVersion(id: "{version["id"]}") {{
              models: artifacts(artifactType: MODEL_ARTIFACT) {{ totalCount nodes {{ name }} }}
              all: artifacts {{ totalCount }} }} }}"""
    )
    assert typed["modelVersion"]["models"] == {"totalCount": 1, "nodes": [{"name": "weights"}]}
    assert typed["modelVersion"]["all"]["totalCount"] == 2

    data = await client.data(
        f"""mutation {{ updateArtifact(id: "{a["id"]}", input: {{modelArtifact: {{storageKey: "k"}}}})
             {{ ... on ModelArtifact {{ storageKey uri }} }} }}"""
    )
    assert data["updateArtifact"] == {"storageKey": "k", "uri": "s3://a"}


async def test_experiments_runs_and_metric_history(client: GraphQLClient) -> None:
    exp = await client.data(
        'mutation { createExperiment(input: {name: "tuning", owner: "dana"}) { id name state } }'
    )
    experiment_id = exp["createExperiment"]["id"]
    run = await client.data(
        """mutation($e: ID!) { createExperimentRun(input: {experimentId: $e, name: "run-1",
             startTime: "2025-01-02T03:04:05Z"}) { id status startTime endTime experiment { name } } }""",
        {"e": experiment_id},
    )
    run_id = run["createExperimentRun"]["id"]
    assert run["createExperimentRun"]["status"] == "RUNNING"
    assert run["createExperimentRun"]["startTime"] == "2025-01-02T03:04:05.000Z"
    assert run["createExperimentRun"]["experiment"] == {"name": "tuning"}

    log_metric = """mutation($r: ID!, $v: Float!, $s: Int!) { upsertExperimentRunArtifact(
        experimentRunId: $r, input: {metric: {name: "loss", value: $v, step: $s}})
        { ... on Metric { value step } } }"""
    for step, value in enumerate([0.9, 0.5, 0.25]):
        await client.data(log_metric, {"r": run_id, "v": value, "s": step})
    await client.data(
        """mutation($r: ID!) { upsertExperimentRunArtifact(experimentRunId: $r,
           input: {parameter: {name: "lr", value: "0.001", parameterType: NUMBER}}) { id } }""",
        {"r": run_id},
    )
    finished = await client.data(
        """mutation($r: ID!) { updateExperimentRun(id: $r, input: {status: FINISHED,
             endTime: "1735790000000"}) { status endTime } }""",
        {"r": run_id},
    )
    assert finished["updateExperimentRun"]["status"] == "FINISHED"
    assert finished["updateExperimentRun"]["endTime"] == "2025-01-02T03:53:20.000Z"

    data = await client.data(
        f"""{{ experimentRun(experimentId: "{experiment_id}", name: "run-1") {{
              metricHistory(name: "loss") {{ step value }}
              artifacts {{ totalCount nodes {{ __typename name
                ... on Metric {{ value step }} ... on Parameter {{ paramValue: value parameterType }} }} }} }}
            experiment(name: "tuning") {{ runs {{ totalCount nodes {{ name }} }} }} }}"""
    )
    run_data = data["experimentRun"]
    assert run_data["metricHistory"] == [
        {"step": 0, "value": 0.9},
        {"step": 1, "value": 0.5},
        {"step": 2, "value": 0.25},
    ]
    assert {"__typename": "Metric", "name": "loss", "value": 0.25, "step": 2} in run_data[
        "artifacts"
    ]["nodes"]
    assert {
        "__typename": "Parameter",
        "name": "lr",
        "paramValue": "0.001",
        "parameterType": "NUMBER",
    } in (run_data["artifacts"]["nodes"])
    assert data["experiment"]["runs"] == {"totalCount": 1, "nodes": [{"name": "run-1"}]}
