from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from common.tenancy import Caller, sign_caller
from subgraphs.catalog.app import create_app
from tests.catalog.conftest import GraphQLClient, graphql_client, write
from tests.catalog.hub_server import FakeHub, hub_model

SOURCES_QUERY = """
{ catalogSources { id name type enabled labels status error modelCount } catalogLabels { name displayName } }
"""
MODELS_QUERY = """
query Models($q: String, $sourceIds: [String!], $sourceLabels: [String!], $filterQuery: String,
             $orderBy: CatalogModelOrderField! = NAME, $metric: String, $sortOrder: SortOrder! = ASC,
             $first: Int! = 20, $after: String) {
  catalogModels(q: $q, sourceIds: $sourceIds, sourceLabels: $sourceLabels, filterQuery: $filterQuery,
                orderBy: $orderBy, orderByArtifactMetric: $metric, sortOrder: $sortOrder,
                first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { sourceId name } }
    nodes { sourceId name provider }
  }
}
"""


@pytest.fixture
async def client(sample_sources: Path) -> Any:
    async with graphql_client(create_app(sources=[sample_sources], watch=False)) as client:
        yield client


async def test_sources_with_status_and_labels(client: GraphQLClient) -> None:
    data = await client.data(SOURCES_QUERY)
    by_id = {s["id"]: s for s in data["catalogSources"]}
    assert {i: s["status"] for i, s in by_id.items()} == {
        "organization_models": "AVAILABLE",
        "validated_models": "AVAILABLE",
        "archived_models": "DISABLED",
        "hf_granite": "DISABLED",
        "community_models": "AVAILABLE",
    }
    assert by_id["validated_models"]["labels"] == ["Validated AI", "Organization AI"]
    assert by_id["archived_models"]["modelCount"] == 0
    assert by_id["organization_models"]["modelCount"] == 3
    assert [label["name"] for label in data["catalogLabels"]] == [
        "Organization AI", "Validated AI", "Community"
    ]  # fmt: skip
    filtered = await client.data("{ catalogSources(status: DISABLED) { id } }")
    assert {s["id"] for s in filtered["catalogSources"]} == {"archived_models", "hf_granite"}


async def test_search_filter_and_labels(client: GraphQLClient) -> None:
    data = await client.data(MODELS_QUERY, {"q": "REASONER instruct"})
    assert [n["name"] for n in data["catalogModels"]["nodes"]] == [
        "contoso/reasoner-70b-instruct", "contoso/reasoner-8b-instruct"
    ]  # fmt: skip
    data = await client.data(MODELS_QUERY, {"sourceLabels": ["Community"]})
    assert {n["sourceId"] for n in data["catalogModels"]["nodes"]} == {"community_models"}
    data = await client.data(
        MODELS_QUERY,
        {"filterQuery": "artifacts.use_case = 'chatbot' AND artifacts.ttft_p90 < 100"},
    )
    assert [n["name"] for n in data["catalogModels"]["nodes"]] == ["contoso/reasoner-8b-instruct"]
    data = await client.data(
        MODELS_QUERY,
        {
            "filterQuery": "license = 'llama3.3'",
            "metric": "requests_per_second",
            "sortOrder": "DESC",
        },
    )
    assert [n["name"] for n in data["catalogModels"]["nodes"]] == [
        "contoso/reasoner-8b-instruct", "contoso/reasoner-70b-instruct"
    ]  # fmt: skip
    data = await client.data(MODELS_QUERY, {"sourceIds": ["archived_models"]})
    assert data["catalogModels"]["totalCount"] == 0  # disabled sources serve nothing


async def test_cursor_pagination(client: GraphQLClient) -> None:
    seen: list[str] = []
    after = None
    total = None
    while True:
        page = (await client.data(
            MODELS_QUERY, {"first": 2, "after": after, "orderBy": "LAST_UPDATE_TIME", "sortOrder": "DESC"}
        ))["catalogModels"]  # fmt: skip
        total = page["totalCount"]
        seen += [e["node"]["name"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == total == 9
    assert seen[0] == "contoso/reasoner-70b-instruct"  # updated most recently


async def test_model_with_slash_in_name_and_typed_metrics(client: GraphQLClient) -> None:
    data = await client.data(
        """
        query($name: String!) {
          catalogModel(sourceId: "validated_models", name: $name) {
            name provider readme createdAt license tasks source { id status }
            customProperties { name type boolValue }
            artifacts {
              artifactType uri metricsType
              performance { hardwareType hardwareCount requestsPerSecond ttftP90 useCase }
              accuracy { overallAverage scores { benchmark value } }
            }
          }
          missing: catalogModel(sourceId: "validated_models", name: "no/such-model") { name }
        }
        """,
        {"name": "contoso/reasoner-70b-instruct"},
    )
    model = data["catalogModel"]
    assert model["source"] == {"id": "validated_models", "status": "AVAILABLE"}
    assert model["createdAt"] == "2024-12-12T00:00:00Z"
    assert model["readme"].startswith("# Reasoner 70B Instruct")
    assert model["customProperties"] == [{"name": "validated", "type": "BOOL", "boolValue": True}]
    artifacts = model["artifacts"]
    assert artifacts[0]["uri"].startswith("oci://") and artifacts[0]["performance"] is None
    assert artifacts[1]["performance"] == {
        "hardwareType": "H100", "hardwareCount": 4, "requestsPerSecond": 11.5,
        "ttftP90": 143.2, "useCase": "chatbot",
    }  # fmt: skip
    accuracy = artifacts[3]["accuracy"]
    assert accuracy["overallAverage"] == 71.8
    assert {s["benchmark"] for s in accuracy["scores"]} == {"mmlu", "gsm8k", "arc_challenge"}
    assert data["missing"] is None


async def test_filter_options(client: GraphQLClient) -> None:
    data = await client.data(
        '{ catalogFilterOptions(sourceIds: ["validated_models"]) { field type values min max } }'
    )
    options = {o["field"]: o for o in data["catalogFilterOptions"]}
    assert options["artifacts.hardware_type"]["values"] == ["H100", "L40S", "MI300X"]
    ttft = options["artifacts.ttft_p90"]
    assert (ttft["type"], ttft["min"], ttft["max"]) == ("NUMBER", 62.8, 515.9)
    assert options["license"]["values"] == ["llama3.3", "mit"]
    assert "description" not in options and "name" not in options


async def test_federation_entities(client: GraphQLClient) -> None:
    data = await client.data(
        """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on CatalogModel { sourceId name provider }
            ... on ModelArtifact { id catalogModel { sourceId name license } }
          }
        }
        """,
        {
            "representations": [
                {"__typename": "CatalogModel", "sourceId": "community_models", "name": "tinystories-33m"},
                {"__typename": "CatalogModel", "sourceId": "community_models", "name": "nope"},
                {"__typename": "ModelArtifact", "id": "7", "modelSourceKind": "catalog",
                 "modelSourceClass": "organization_models",
                 "modelSourceName": "northwind/churn-forecaster"},
                {"__typename": "ModelArtifact", "id": "8", "modelSourceKind": "s3",
                 "modelSourceClass": "organization_models",
                 "modelSourceName": "northwind/churn-forecaster"},
            ]
        },
    )  # fmt: skip
    assert data["_entities"] == [
        {"sourceId": "community_models", "name": "tinystories-33m", "provider": "Community"},
        None,
        {"id": "7", "catalogModel": {"sourceId": "organization_models",
                                     "name": "northwind/churn-forecaster", "license": "proprietary"}},
        {"id": "8", "catalogModel": None},
    ]  # fmt: skip
    sdl = (await client.data("{ _service { sdl } }"))["_service"]["sdl"]
    assert 'type CatalogModel @key(fields: "sourceId name")' in sdl
    assert '@requires(fields: "modelSourceKind modelSourceClass modelSourceName")' in sdl


@pytest.mark.parametrize(
    "variables",
    [
        {"filterQuery": "license = "},
        {"filterQuery": "size_b.int_value = 'ten'"},
        {"after": "garbage"},
        {"first": 100000},
        {"metric": " "},
    ],
)
async def test_bad_input_is_bad_user_input(
    client: GraphQLClient, variables: dict[str, Any]
) -> None:
    status, body = await client.post(MODELS_QUERY, variables)
    assert status == 200
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in str(body)


async def test_signed_calls_are_served_with_a_secret(sample_sources: Path) -> None:
    # Sources are global per deployment: every tenant sees the same catalog.
    app = create_app(sources=[sample_sources], secret="s3cret", watch=False)
    async with graphql_client(app) as client:
        headers = sign_caller(Caller(user="ana", tenant="team-a"), "s3cret")
        status, body = await client.post("{ catalogSources { id } }", headers=headers)
        assert status == 200 and len(body["data"]["catalogSources"]) == 5


async def test_hot_reload_through_the_app(tmp_path: Path) -> None:
    write(tmp_path / "models.yaml", "models:\n  - name: first\n")
    sources = write(
        tmp_path / "sources.yaml",
        "catalogs:\n  - {id: s, type: yaml, properties: {yamlCatalogPath: models.yaml}}\n",
    )
    app = create_app(sources=[sources], watch=True, debounce_ms=50)
    async with graphql_client(app) as client:
        query = (
            '{ catalogModels(sourceIds: ["s"]) { nodes { name } } catalogSources { status error } }'
        )
        assert (await client.data(query))["catalogModels"]["nodes"] == [{"name": "first"}]
        (tmp_path / "models.yaml").write_text("models:\n  - name: second\n")
        await app.state.catalog.wait_for(lambda s: s.model("s", "second") is not None)
        assert (await client.data(query))["catalogModels"]["nodes"] == [{"name": "second"}]
        (tmp_path / "models.yaml").write_text("models:\n  - nome: typo\n")
        await app.state.catalog.wait_for(lambda s: s.sources["s"].status == "error")
        data = await client.data(query)
        assert data["catalogModels"]["nodes"] == [{"name": "second"}]
        assert data["catalogSources"][0]["status"] == "ERROR"
        assert "'nome'" in data["catalogSources"][0]["error"]


async def test_hub_source_status_through_the_app(fake_hub: FakeHub, tmp_path: Path) -> None:
    fake_hub.models = [hub_model("acme/one"), hub_model("acme/two")]
    sources = write(
        tmp_path / "sources.yaml",
        f"""
        catalogs:
          - id: hub
            type: hf
            properties: {{url: "{fake_hub.url}", allowedOrganization: acme, syncInterval: 1h}}
        """,
    )
    app = create_app(sources=[sources], watch=False, hub_timeout=2.0, redis_url="")
    async with graphql_client(app) as client:
        await app.state.catalog.wait_for(lambda s: s.sources["hub"].status == "available")
        data = await client.data(
            '{ catalogModel(sourceId: "hub", name: "acme/two") { name artifacts { uri } } }'
        )
        assert data["catalogModel"] == {"name": "acme/two", "artifacts": [{"uri": "hf://acme/two"}]}
        fake_hub.status = 429
        await app.state.catalog.resync_hub_source("hub")
        data = await client.data("{ catalogSources { status error modelCount } }")
        source = data["catalogSources"][0]
        assert source["status"] == "PARTIALLY_AVAILABLE" and source["modelCount"] == 2
        assert "429" in source["error"]
