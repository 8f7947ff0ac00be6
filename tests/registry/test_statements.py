"""No N+1: nested lists and federation _entities cost a constant number of SQL statements."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from starlette.applications import Starlette

from subgraphs.registry.properties import PropertyValue
from subgraphs.registry.repository.registration import RegistrationDraft, register_model
from tests.registry.client import GraphQLClient

NESTED = """{ registeredModels(first: 50) { totalCount nodes { id name
  customProperties { name intValue }
  versions(first: 10) { totalCount nodes { id name
    customProperties { name }
    registeredModel { name }
    artifacts(first: 10) { totalCount nodes { id uri customProperties { name }
      ... on ModelArtifact { modelFormatName } } } } } } } }"""


@contextmanager
def counted_selects(app: Starlette) -> Iterator[list[str]]:
    """Every SELECT the app's engine sends while the block runs (not BEGIN/COMMIT/PRAGMA)."""
    statements: list[str] = []
    engine = app.state.database.engine.sync_engine

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def register_models(app: Starlette, start: int, stop: int) -> None:
    """Seeds models straight through the repository, in one transaction, to keep the test fast."""
    label = [PropertyValue("a", "STRING", string_value="")]
    async with app.state.database.write() as connection:
        for index in range(start, stop):
            for version in ("v1", "v2"):
                draft = RegistrationDraft(
                    model={
                        "name": f"model-{index:03d}",
                        "language": [],
                        "tasks": [],
                        "state": "LIVE",
                    },
                    model_properties=[PropertyValue("i", "INT", int_value=1)],
                    version={"name": version},
                    version_properties=None,
                    artifact={"name": "w", "uri": "s3://b", "model_format_name": "onnx"},
                    artifact_properties=label,
                )
                await register_model(connection, "default", draft)


async def test_nested_listing_costs_constant_statements(
    registry_app: Starlette, client: GraphQLClient
) -> None:
    await register_models(registry_app, 0, 5)
    with counted_selects(registry_app) as small:
        data = await client.data(NESTED)
    assert len(data["registeredModels"]["nodes"]) == 5

    await register_models(registry_app, 5, 50)
    with counted_selects(registry_app) as large:
        data = await client.data(NESTED)
    nodes = data["registeredModels"]["nodes"]
    assert len(nodes) == 50
    assert all(len(n["versions"]["nodes"]) == 2 for n in nodes)
    assert all(len(v["artifacts"]["nodes"]) == 1 for n in nodes for v in n["versions"]["nodes"])
    # page + count, versions page + count, artifacts page + count, one batched
    # load of the versions' models and one custom-property load per entity kind.
    assert len(large) == len(small), (len(small), len(large))
    assert len(large) <= 10, large


async def test_entities_cost_one_statement_per_type(
    registry_app: Starlette, client: GraphQLClient
) -> None:
    await register_models(registry_app, 0, 6)
    listed = await client.data(
        "{ modelVersions(first: 12) { nodes { id registeredModelId artifacts { nodes { id } } } } }"
    )
    versions = listed["modelVersions"]["nodes"]
    representations = (
        [{"__typename": "ModelVersion", "id": v["id"]} for v in versions]
        + [{"__typename": "RegisteredModel", "id": v["registeredModelId"]} for v in versions]
        + [
            {"__typename": "ModelArtifact", "id": v["artifacts"]["nodes"][0]["id"]}
            for v in versions
        ]
        + [{"__typename": "ModelVersion", "id": "99999"}]
    )
    query = """query($r: [_Any!]!) { _entities(representations: $r) {
        __typename
        ... on ModelVersion { id name }
        ... on RegisteredModel { id name }
        ... on ModelArtifact { id uri modelFormatName } } }"""
    with counted_selects(registry_app) as statements:
        data = await client.data(query, {"r": representations})
    entities = data["_entities"]
    assert len(entities) == len(representations)
    assert entities[-1] is None
    assert [e["__typename"] for e in entities[:-1]] == [
        r["__typename"] for r in representations[:-1]
    ]
    assert [e["id"] for e in entities[:-1]] == [r["id"] for r in representations[:-1]]
    tables = sorted(_from_table(s) for s in statements)
    assert tables == ["artifacts", "model_versions", "registered_models"], statements


def _from_table(statement: str) -> str:
    match = re.search(r"\bFROM\s+\"?(\w+)", statement, re.IGNORECASE)
    assert match is not None, statement
    return match.group(1).lower()
