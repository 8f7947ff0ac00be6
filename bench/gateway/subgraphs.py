"""The four benchmark subgraphs as real Federation 2 subgraphs executed by graphql-core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import data
from graphql import GraphQLObjectType, GraphQLSchema, GraphQLUnionType, build_schema

SDL_DIR = Path(__file__).parent / "sdl"
NAMES = ("accounts", "products", "inventory", "reviews")

# What a Federation 2 subgraph library adds around the user's SDL: the directive
# definitions its @link imports, and the _service/_entities entry points.
FEDERATION_DEFINITIONS = """
scalar link__Import
scalar FieldSet
scalar _Any
directive @link(url: String!, import: [link__Import]) repeatable on SCHEMA
directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
directive @external on FIELD_DEFINITION | OBJECT
directive @requires(fields: FieldSet!) on FIELD_DEFINITION
directive @provides(fields: FieldSet!) on FIELD_DEFINITION
type _Service { sdl: String }
"""

Record = dict[str, Any]
EntityResolver = Callable[[Record], Record | None]
FieldResolver = Callable[..., Any]


@dataclass(frozen=True)
class Subgraph:
    name: str
    sdl: str
    schema: GraphQLSchema


def build_subgraph(
    name: str,
    entities: dict[str, EntityResolver],
    resolvers: dict[str, FieldResolver],
) -> Subgraph:
    """Build a runnable subgraph from its SDL file, entity resolvers and field resolvers."""
    sdl = (SDL_DIR / f"{name}.graphql").read_text()
    entry = "_entities(representations: [_Any!]!): [_Entity]!\n  _service: _Service!"
    has_query = "type Query" in sdl
    query_part = (
        f"extend type Query {{\n  {entry}\n}}" if has_query else f"type Query {{\n  {entry}\n}}"
    )
    full = "\n".join(
        [FEDERATION_DEFINITIONS, sdl, f"union _Entity = {' | '.join(entities)}", query_part]
    )
    schema = build_schema(full)
    attach_resolvers(schema, resolvers)
    attach_federation(schema, sdl, entities)
    return Subgraph(name, sdl, schema)


def attach_resolvers(schema: GraphQLSchema, resolvers: dict[str, FieldResolver]) -> None:
    for coordinate, resolve in resolvers.items():
        type_name, field_name = coordinate.split(".")
        object_type = schema.get_type(type_name)
        assert isinstance(object_type, GraphQLObjectType), coordinate
        object_type.fields[field_name].resolve = resolve


def attach_federation(schema: GraphQLSchema, sdl: str, entities: dict[str, EntityResolver]) -> None:
    def resolve_entities(_root: Any, _info: Any, representations: list[Record]) -> list[Any]:
        return [resolve_entity(representation) for representation in representations]

    def resolve_entity(representation: Record) -> Record | None:
        typename = representation.get("__typename")
        resolver = entities.get(typename) if isinstance(typename, str) else None
        if resolver is None:
            raise ValueError(f"no entity {typename!r} in this subgraph")
        found = resolver(representation)
        return None if found is None else {**found, "__typename": typename}

    query = schema.query_type
    assert query is not None
    query.fields["_entities"].resolve = resolve_entities
    query.fields["_service"].resolve = lambda _root, _info: {"sdl": sdl}
    entity_union = schema.get_type("_Entity")
    assert isinstance(entity_union, GraphQLUnionType)
    entity_union.resolve_type = lambda value, _info, _type: value["__typename"]


def build_accounts() -> Subgraph:
    return build_subgraph(
        "accounts",
        entities={"User": lambda rep: data.find_user(str(rep.get("id")))},
        resolvers={
            "Query.me": lambda _root, _info: data.USERS[0],
            "Query.user": lambda _root, _info, id: data.find_user(id),
            "Query.users": lambda _root, _info: data.USERS,
        },
    )


def build_products() -> Subgraph:
    return build_subgraph(
        "products",
        entities={"Product": lambda rep: data.find_product(str(rep.get("upc")))},
        resolvers={
            "Query.topProducts": lambda _root, _info, first=5: data.PRODUCTS[:first],
        },
    )


def find_stock(representation: Record) -> Record | None:
    upc = str(representation.get("upc"))
    if upc not in data.IN_STOCK:
        return None
    # price and weight arrive in the representation because of @requires.
    return {
        "upc": upc,
        "price": representation.get("price"),
        "weight": representation.get("weight"),
        "inStock": data.IN_STOCK[upc],
    }


def build_inventory() -> Subgraph:
    return build_subgraph(
        "inventory",
        entities={"Product": find_stock},
        resolvers={
            "Product.shippingEstimate": lambda product, _info: data.estimate_shipping(
                product.get("price"), product.get("weight")
            ),
        },
    )


def resolve_author(_review: Record, _info: Any) -> Record | None:
    author = data.find_user(data.AUTHOR_ID)
    # @provides(fields: "username"): this subgraph answers username for authors only.
    return None if author is None else {"id": author["id"], "username": author["username"]}


def build_reviews() -> Subgraph:
    return build_subgraph(
        "reviews",
        entities={
            "Review": lambda rep: data.find_review(str(rep.get("id"))),
            "User": lambda rep: {"id": str(rep.get("id"))},
            "Product": lambda rep: {"upc": str(rep.get("upc"))},
        },
        resolvers={
            "Review.product": lambda review, _info: {"upc": review["product"]},
            "Review.author": resolve_author,
            "User.reviews": lambda user, _info: data.list_user_reviews(user["id"]),
            "Product.reviews": lambda product, _info: data.list_product_reviews(product["upc"]),
        },
    )


def build_subgraphs() -> dict[str, Subgraph]:
    built = [build_accounts(), build_products(), build_inventory(), build_reviews()]
    return {subgraph.name: subgraph for subgraph in built}
