"""Two tiny Strawberry federation subgraphs: products owns Product, reviews extends it."""

from __future__ import annotations

import strawberry

PRODUCTS = {"1": ("Table", 120), "2": ("Chair", 45)}
REVIEWS = {"1": ["Sturdy", "Heavy"], "2": ["Comfortable"]}


@strawberry.federation.type(keys=["id"])
class Product:
    id: strawberry.ID
    name: str = strawberry.federation.field(shareable=True)
    price: int

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Product:
        name, price = PRODUCTS[str(id)]
        return Product(id=id, name=name, price=price)


@strawberry.type
class ProductsQuery:
    @strawberry.field
    def top_products(self) -> list[Product]:
        return [Product(id=strawberry.ID(i), name=n, price=p) for i, (n, p) in PRODUCTS.items()]


@strawberry.type
class Review:
    body: str


@strawberry.federation.type(name="Product", keys=["id"])
class ReviewedProduct:
    id: strawberry.ID
    price: int = strawberry.federation.field(external=True)

    @strawberry.federation.field(requires=["price"])  # type: ignore[untyped-decorator]
    def expensive(self) -> bool:
        return self.price > 100

    @strawberry.field
    def reviews(self) -> list[Review]:
        return [Review(body=body) for body in REVIEWS.get(str(self.id), [])]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID, price: int = 0) -> ReviewedProduct:
        return ReviewedProduct(id=id, price=price)


@strawberry.type
class ReviewsQuery:
    @strawberry.field
    def review_count(self) -> int:
        return sum(len(bodies) for bodies in REVIEWS.values())


products_schema = strawberry.federation.Schema(query=ProductsQuery, types=[Product])
reviews_schema = strawberry.federation.Schema(query=ReviewsQuery, types=[ReviewedProduct])


def service_sdl(schema: strawberry.federation.Schema) -> str:
    """What the subgraph answers to `{ _service { sdl } }`."""
    result = schema.execute_sync("{ _service { sdl } }")
    assert result.errors is None and result.data is not None
    return str(result.data["_service"]["sdl"])
