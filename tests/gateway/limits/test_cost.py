"""The static cost estimate, with @cost and @listSize (IBM cost spec / Apollo demand control)."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, build_schema, parse

from gateway.limits.cost import CostModel, check_cost, estimate_cost
from gateway.limits.errors import OperationLimitExceeded

SDL = """
directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

type Query {
  model(id: ID!): Model
  models(first: Int, last: Int): [Model!]! @listSize(slicingArguments: ["first", "last"], assumedSize: 50)
  tags: [String!]!
  recent: [Model!]!
  page(first: Int!): ModelConnection @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
  expensive: Int @cost(weight: 25)
  search(text: String @cost(weight: 3)): [Model!]! @listSize(assumedSize: 5)
  node(id: ID!): Node
}

type Mutation { registerModel(name: String!): Model }

interface Node { id: ID! }

type Model implements Node {
  id: ID!
  name: String!
  versions: [Version!]! @listSize(assumedSize: 3)
  artifact: Artifact
}

type Version implements Node { id: ID! }

type Artifact @cost(weight: 4) { uri: String }

type ModelConnection { edges: [ModelEdge!]! total: Int }

type ModelEdge { node: Model }
"""


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SDL)


@pytest.mark.parametrize(
    ("query", "cost"),
    [
        ("{ model(id: 1) { id name } }", 1),
        ("{ models(first: 7) { id } }", 7),
        ("{ models { id } }", 50),
        ("{ models(first: 2, last: 9) { id } }", 9),
        ("{ models(first: -5) { id } }", 0),
        ("{ tags }", 0),
        ("{ recent { id } }", 10),
        ("{ recent { versions { id } } }", 10 * (1 + 3)),
        ("{ model(id: 1) { artifact { uri } } }", 1 + 4),
        ("{ expensive }", 25),
        ('{ search(text: "x") { id } }', 3 + 5),
        ("{ search { id } }", 5),
        ("{ page(first: 20) { total edges { node { id } } } }", 1 + 20 * (1 + 1)),
        ('mutation { registerModel(name: "x") { id } }', 10 + 1),
        ("{ models(first: 3) { ...F } } fragment F on Model { versions { id } }", 3 * (1 + 3)),
        ("{ node(id: 1) { ... on Model { artifact { uri } } ... on Version { id } } }", 1 + 4),
        ("{ a: expensive b: expensive }", 50),
        ("{ __typename }", 0),
    ],
)
def test_cost(schema: GraphQLSchema, query: str, cost: int) -> None:
    assert estimate_cost(schema, parse(query)) == cost


def test_slicing_arguments_can_be_variables(schema: GraphQLSchema) -> None:
    document = parse("query ($n: Int) { models(first: $n) { id } }")
    assert estimate_cost(schema, document, None, {"n": 4}) == 4
    assert estimate_cost(schema, document, None, {}) == 50


def test_the_default_list_size_is_configurable(schema: GraphQLSchema) -> None:
    assert (
        estimate_cost(schema, parse("{ recent { id } }"), model=CostModel(default_list_size=2)) == 2
    )


def test_the_cost_limit_rejects_expensive_operations(schema: GraphQLSchema) -> None:
    document = parse("{ models(first: 2000) { versions { id } } }")
    with pytest.raises(OperationLimitExceeded) as error:
        check_cost(schema, document, None, None, 5000)
    assert error.value.extensions()["limit"] == "cost"
    assert error.value.extensions()["value"] == 2000 * (1 + 3)


def test_a_cheap_operation_passes_and_reports_its_cost(schema: GraphQLSchema) -> None:
    assert check_cost(schema, parse("{ models(first: 10) { id } }"), None, None, 5000) == 10


def test_cost_directives_renamed_by_the_supergraph_are_recognised() -> None:
    schema = build_schema(
        """
        directive @price(weight: Int!) on FIELD_DEFINITION
        directive @size(assumedSize: Int) on FIELD_DEFINITION
        type Query { heavy: Int @price(weight: 7) many: [Int!]! @size(assumedSize: 3) @price(weight: 2) }
        """
    )
    model = CostModel(
        cost_directives=frozenset({"price"}), list_size_directives=frozenset({"size"})
    )
    assert estimate_cost(schema, parse("{ heavy many }"), model=model) == 7 + 3 * 2
    assert estimate_cost(schema, parse("{ heavy many }")) == 0
