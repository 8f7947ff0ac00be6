"""Subgraphs printed by Strawberry compose into a supergraph the gateway loads and serves."""

from __future__ import annotations

from strawberry.asgi import GraphQL

from gateway.composition import compose
from gateway.composition.source import SubgraphLocation, load_subgraph_sources
from gateway.service import Gateway
from gateway.supergraph.model import parse_supergraph
from tests.gateway.harness.gateway_process import serve_app

from .harness import expected, printed_type, sources
from .strawberry_subgraphs import products_schema, reviews_schema, service_sdl


def test_strawberry_sdl_composes() -> None:
    supergraph = compose(
        sources({"products": service_sdl(products_schema), "reviews": reviews_schema.as_str()})
    )
    # Strawberry links federation v2.11: the join spec of Federation 2.8 and later.
    assert '@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)' in supergraph
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          name: String! @join__field(graph: PRODUCTS)
          price: Int! @join__field(graph: PRODUCTS) @join__field(graph: REVIEWS, external: true)
          expensive: Boolean! @join__field(graph: REVIEWS, requires: "price")
          reviews: [Review!]! @join__field(graph: REVIEWS)
        }
        """
    )
    assert printed_type(supergraph, "Query") == expected(
        """
        type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
          topProducts: [Product!]! @join__field(graph: PRODUCTS)
          reviewCount: Int! @join__field(graph: REVIEWS)
        }
        """
    )


async def test_supergraph_composed_from_running_subgraphs_is_served() -> None:
    async with (
        serve_app(GraphQL(products_schema)) as products_url,
        serve_app(GraphQL(reviews_schema)) as reviews_url,
    ):
        locations = [
            SubgraphLocation("products", products_url, products_url),
            SubgraphLocation("reviews", reviews_url, reviews_url),
        ]
        supergraph = compose(await load_subgraph_sources(locations))
        assert f'@join__graph(name: "reviews", url: "{reviews_url}")' in supergraph
        gateway = Gateway(parse_supergraph(supergraph))
        try:
            query = "{ topProducts { name expensive reviews { body } } reviewCount }"
            result = await gateway.run(gateway.prepare(query, None), None, {})
        finally:
            await gateway.close()
    assert result.body == {
        "data": {
            "topProducts": [
                {
                    "name": "Table",
                    "expensive": True,
                    "reviews": [{"body": "Sturdy"}, {"body": "Heavy"}],
                },
                {"name": "Chair", "expensive": False, "reviews": [{"body": "Comfortable"}]},
            ],
            "reviewCount": 3,
        }
    }
