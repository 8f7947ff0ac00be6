"""The response every gateway must give, computed from the data without federation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import data
import orjson
from graphql import build_schema, graphql_sync

QUERY_FILE = Path(__file__).parent / "query.graphql"

# The client-facing schema the supergraph exposes, served here by one plain executor so
# that the expected answer owes nothing to any gateway's planner.
MONOLITH_SDL = """
type Query {
  me: User
  user(id: ID!): User
  users: [User]
  topProducts(first: Int = 5): [Product]
}
type User { id: ID! name: String username: String birthday: Int reviews: [Review] }
type Product {
  upc: String! name: String price: Int weight: Int
  inStock: Boolean shippingEstimate: Int reviews: [Review]
}
type Review { id: ID! body: String product: Product author: User }
"""


def build_request_body() -> bytes:
    return orjson.dumps({"query": QUERY_FILE.read_text()})


def compute_expected_response() -> dict[str, Any]:
    schema = build_schema(MONOLITH_SDL)
    resolvers: dict[str, Any] = {
        "Query.users": lambda _root, _info: data.USERS,
        "Query.topProducts": lambda _root, _info, first=5: data.PRODUCTS[:first],
        "User.reviews": lambda user, _info: data.list_user_reviews(user["id"]),
        "Product.reviews": lambda product, _info: data.list_product_reviews(product["upc"]),
        "Product.inStock": lambda product, _info: data.IN_STOCK.get(product["upc"]),
        "Product.shippingEstimate": lambda product, _info: data.estimate_shipping(
            product["price"], product["weight"]
        ),
        "Review.product": lambda review, _info: data.find_product(review["product"]),
        "Review.author": lambda _review, _info: data.find_user(data.AUTHOR_ID),
    }
    for coordinate, resolve in resolvers.items():
        type_name, field_name = coordinate.split(".")
        schema.get_type(type_name).fields[field_name].resolve = resolve  # type: ignore[union-attr]
    result = graphql_sync(schema, QUERY_FILE.read_text())
    if result.errors:
        raise RuntimeError(f"the benchmark query does not run: {result.errors}")
    return {"data": result.data}


if __name__ == "__main__":
    encoded = orjson.dumps(compute_expected_response())
    print(f"{len(encoded)} bytes")
