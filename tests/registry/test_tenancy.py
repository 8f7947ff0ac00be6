"""A caller sees and changes only its own tenant's rows."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from common.tenancy import Caller, sign_caller
from subgraphs.registry.app import create_app
from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import create_model, create_version

SECRET = "registry-test-secret"


class TenantClient(GraphQLClient):
    """Signs every call as a caller of one tenant, the way the gateway does."""

    def __init__(self, app: object, tenant: str) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.caller = Caller(user=f"user-{tenant}", tenant=tenant)

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:  # type: ignore[override]
        return await super().request(
            method, path, body, {**sign_caller(self.caller, SECRET), **(headers or {})}
        )


@pytest.fixture
async def tenants(database_url: str) -> AsyncIterator[tuple[GraphQLClient, GraphQLClient]]:
    app = create_app(database_url=database_url, secret=SECRET)
    async with app.router.lifespan_context(app):
        yield TenantClient(app, "tenant-a"), TenantClient(app, "tenant-b")


async def test_tenants_are_isolated(tenants: tuple[GraphQLClient, GraphQLClient]) -> None:
    a, b = tenants
    model = await create_model(a, "shared-name", externalId="ext")
    version = await create_version(a, model["id"], "v1")
    artifact = await a.data(
        """mutation($v: ID!) { upsertModelVersionArtifact(modelVersionId: $v,
           input: {modelArtifact: {name: "w", uri: "s3://a"}}) { id } }""",
        {"v": version["id"]},
    )
    artifact_id = artifact["upsertModelVersionArtifact"]["id"]

    # The same names are free in another tenant.
    other = await create_model(b, "shared-name", externalId="ext")
    assert other["id"] != model["id"]

    seen_by_b = await b.data(
        f"""{{ byId: registeredModel(id: "{model["id"]}") {{ id }}
              version: modelVersion(id: "{version["id"]}") {{ id }}
              artifact: artifact(id: "{artifact_id}") {{ id }}
              list: registeredModels {{ totalCount nodes {{ id }} }}
              versions: modelVersions {{ totalCount }}
              artifacts {{ totalCount }} }}"""
    )
    assert (
        seen_by_b["byId"] is None and seen_by_b["version"] is None and seen_by_b["artifact"] is None
    )
    assert seen_by_b["list"] == {"totalCount": 1, "nodes": [{"id": other["id"]}]}
    assert seen_by_b["versions"]["totalCount"] == 0 and seen_by_b["artifacts"]["totalCount"] == 0

    entities = await b.data(
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on ModelVersion { id } } }",
        {"r": [{"__typename": "ModelVersion", "id": version["id"]}]},
    )
    assert entities["_entities"] == [None]

    for mutation in (
        f'mutation {{ updateRegisteredModel(id: "{model["id"]}", input: {{description: "x"}}) {{ id }} }}',
        f'mutation {{ archiveModelVersion(id: "{version["id"]}") {{ id }} }}',
        f'mutation {{ createModelVersion(input: {{registeredModelId: "{model["id"]}", name: "v2"}}) {{ id }} }}',
        f'mutation {{ updateArtifact(id: "{artifact_id}", input: {{modelArtifact: {{uri: "x"}}}}) {{ id }} }}',
    ):
        assert error_codes(await b.execute(mutation)) == ["NOT_FOUND"], mutation

    untouched = await a.data(
        f'{{ registeredModel(id: "{model["id"]}") {{ description versions {{ totalCount nodes {{ state }} }} }} }}'
    )
    assert untouched["registeredModel"] == {
        "description": None,
        "versions": {"totalCount": 1, "nodes": [{"state": "LIVE"}]},
    }


async def test_unsigned_or_forged_calls_are_refused(database_url: str) -> None:
    app = create_app(database_url=database_url, secret=SECRET)
    async with app.router.lifespan_context(app):
        unsigned = GraphQLClient(app)
        status, body = await unsigned.request(
            "POST", "/graphql", b'{"query": "{ registeredModels { totalCount } }"}'
        )
        assert status == 401
        assert b"UNAUTHENTICATED" in body
        forged = GraphQLClient(app, sign_caller(Caller(user="eve", tenant="tenant-a"), "guess"))
        status, _ = await forged.request(
            "POST", "/graphql", b'{"query": "{ registeredModels { totalCount } }"}'
        )
        assert status == 401
