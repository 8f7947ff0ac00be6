"""`modelplane compose`: subgraphs from files and running services, or Modelplane's own from schema/."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from strawberry.asgi import GraphQL

from modelplane.cli import main
from tests.gateway.harness.gateway_process import serve_app

from .harness import federation_2, printed_type
from .strawberry_subgraphs import products_schema, reviews_schema

ACCOUNTS = federation_2(
    'type User @key(fields: "id") { id: ID! name: String } type Query { me: User }'
)
ORDERS = federation_2('type User @key(fields: "id") { id: ID! orders: [String] }')


def test_files_with_and_without_routing_urls(tmp_path: Path) -> None:
    (tmp_path / "accounts.graphql").write_text(ACCOUNTS)
    (tmp_path / "orders.graphql").write_text(ORDERS)
    output = tmp_path / "out" / "supergraph.graphql"
    status = main(
        [
            "compose",
            f"accounts={tmp_path / 'accounts.graphql'}@http://accounts:4001/graphql",
            f"orders={tmp_path / 'orders.graphql'}",
            "-o",
            str(output),
        ]
    )
    assert status == 0
    graph_enum = printed_type(output.read_text(), "join__Graph")
    assert (
        'ACCOUNTS @join__graph(name: "accounts", url: "http://accounts:4001/graphql")' in graph_enum
    )
    assert (
        'ORDERS @join__graph(name: "orders", url: "http://127.0.0.1:8000/subgraphs/orders/graphql")'
        in graph_enum
    )


async def test_running_subgraphs_are_asked_for_their_sdl(tmp_path: Path) -> None:
    output = tmp_path / "supergraph.graphql"
    async with (
        serve_app(GraphQL(products_schema)) as products_url,
        serve_app(GraphQL(reviews_schema)) as reviews_url,
    ):
        argv = ["compose", f"products={products_url}", f"reviews={reviews_url}", "-o", str(output)]
        status = await asyncio.to_thread(main, argv)
    assert status == 0
    product = printed_type(output.read_text(), "Product")
    assert 'expensive: Boolean! @join__field(graph: REVIEWS, requires: "price")' in product


def test_modelplane_subgraphs_from_the_schema_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "registry.graphql").write_text(
        federation_2(
            'type ModelVersion @key(fields: "id") { id: ID! name: String } type Query { modelVersion(id: ID!): ModelVersion }'
        )
    )
    (schema / "catalog.graphql").write_text(
        federation_2(
            'type CatalogModel @key(fields: "sourceId name") { sourceId: String! name: String! } type Query { catalogModels: [CatalogModel!]! }'
        )
    )
    (schema / "deploy.graphql").write_text(
        federation_2('type ModelVersion @key(fields: "id") { id: ID! deployments: [String!]! }')
    )
    monkeypatch.chdir(tmp_path)
    assert main(["compose"]) == 0
    supergraph = (schema / "supergraph.graphql").read_text()
    for name in ("registry", "catalog", "deploy"):
        assert f'url: "http://127.0.0.1:8000/subgraphs/{name}/graphql"' in supergraph
    assert "deployments: [String!]! @join__field(graph: DEPLOY)" in supergraph


def test_missing_schema_files_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["compose"]) == 1
    error = capsys.readouterr().err
    assert "missing subgraph SDL files: schema/registry.graphql" in error
    assert "modelplane schema export" in error


def test_composition_errors_are_printed_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.graphql").write_text(federation_2("type Query { x: Int }"))
    (tmp_path / "b.graphql").write_text(federation_2("type Query { x: String }"))
    output = tmp_path / "supergraph.graphql"
    argv = [
        "compose",
        f"a={tmp_path / 'a.graphql'}",
        f"b={tmp_path / 'b.graphql'}",
        "-o",
        str(output),
    ]
    assert main(argv) == 1
    error = capsys.readouterr().err
    assert "[FIELD_TYPE_MISMATCH] Query.x: type Int in [a] but String in [b]" in error
    assert "Traceback" not in error
    assert not output.exists()


def test_unreachable_subgraph_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compose", "nothing-here"]) == 1
    assert "write NAME=URL, NAME=FILE or NAME=FILE@ROUTING_URL" in capsys.readouterr().err
    assert main(["compose", "a=http://127.0.0.1:9/graphql"]) == 1
    assert (
        "cannot read the SDL of the subgraph at http://127.0.0.1:9/graphql"
        in capsys.readouterr().err
    )
    assert main(["compose", "a=/no/such/file.graphql"]) == 1
    assert "cannot read subgraph SDL file /no/such/file.graphql" in capsys.readouterr().err
