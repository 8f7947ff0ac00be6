"""filterQuery on every list: operators, built-in and custom properties, and clear errors."""

from __future__ import annotations

import pytest

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import create_model

MODELS = [
    (
        "alpha",
        "alice",
        "LIVE",
        [{"name": "budget", "intValue": "10"}, {"name": "score", "doubleValue": 0.5}],
    ),
    (
        "Beta",
        "bob",
        "LIVE",
        [{"name": "budget", "intValue": "20"}, {"name": "gpu", "boolValue": True}],
    ),
    (
        "gamma",
        "alice",
        "ARCHIVED",
        [{"name": "budget", "doubleValue": 15.5}, {"name": "team", "stringValue": "nlp"}],
    ),
    (
        "delta_1",
        None,
        "LIVE",
        [{"name": "team", "stringValue": "Vision"}, {"name": "prod", "stringValue": ""}],
    ),
]


@pytest.fixture
async def models(client: GraphQLClient) -> GraphQLClient:
    for name, owner, state, properties in MODELS:
        fields = {"customProperties": properties, "state": state}
        if owner:
            fields["owner"] = owner
        await create_model(client, name, **fields)
    return client


async def names(client: GraphQLClient, filter_query: str) -> list[str]:
    data = await client.data(
        "query($f: String) { registeredModels(filterQuery: $f, orderBy: NAME) { totalCount nodes { name } } }",
        {"f": filter_query},
    )
    found = [node["name"] for node in data["registeredModels"]["nodes"]]
    assert data["registeredModels"]["totalCount"] == len(found)
    return sorted(found)


CASES = [
    ('name = "alpha"', ["alpha"]),
    ("name = 'alpha'", ["alpha"]),
    ('name != "alpha"', ["Beta", "delta_1", "gamma"]),
    ('name <> "alpha"', ["Beta", "delta_1", "gamma"]),
    ('name < "b"', ["Beta", "alpha"]),
    ('name > "d"', ["delta_1", "gamma"]),
    ('name <= "alpha"', ["Beta", "alpha"]),
    ('name >= "gamma"', ["gamma"]),
    ('name LIKE "%a"', ["Beta", "alpha", "gamma"]),
    ('name LIKE "b%"', []),
    ('name ILIKE "b%"', ["Beta"]),
    (r'name LIKE "delta\_%"', ["delta_1"]),
    ('name IN ("alpha", "gamma", "zzz")', ["alpha", "gamma"]),
    ('name NOT IN ("alpha", "gamma")', ["Beta", "delta_1"]),
    ('owner = "alice" AND state = "LIVE"', ["alpha"]),
    ('owner = "bob" OR state = "ARCHIVED"', ["Beta", "gamma"]),
    ('(owner = "bob" OR owner = "alice") AND NOT_A_PROP = "x"', []),
    ('state = "LIVE" and (name = "alpha" or name = "delta_1")', ["alpha", "delta_1"]),
    ("id > 2", ["delta_1", "gamma"]),
    ("budget > 12", ["Beta", "gamma"]),
    ("budget.int_value > 12", ["Beta"]),
    ("budget.double_value > 12", ["gamma"]),
    ("budget.int_value IN (10, 20)", ["Beta", "alpha"]),
    ("budget.int_value NOT IN (10)", ["Beta"]),
    ("score >= 0.5", ["alpha"]),
    ("gpu = true", ["Beta"]),
    ("gpu.bool_value = false", []),
    ('team = "nlp"', ["gamma"]),
    ('team.string_value ILIKE "vis%"', ["delta_1"]),
    ('team LIKE "vis%"', []),
    ('prod = ""', ["delta_1"]),
    ('`team` != "nlp"', ["delta_1"]),
]


async def test_each_operator_and_property_kind(models: GraphQLClient) -> None:
    # One database for all cases: the filters only read.
    for query, expected in CASES:
        assert await names(models, query) == sorted(expected), query


async def test_filter_on_nested_and_other_lists(models: GraphQLClient) -> None:
    await models.data(
        """mutation { registerModel(input: {name: "alpha", versionName: "v1", uri: "s3://1",
             author: "x", modelFormatName: "onnx"}) { modelVersion { id } } }"""
    )
    await models.data(
        """mutation { registerModel(input: {name: "alpha", versionName: "v2", uri: "s3://2",
             author: "y", modelFormatName: "torch"}) { modelVersion { id } } }"""
    )
    data = await models.data(
        """{ registeredModel(name: "alpha") {
              versions(filterQuery: "author = 'y'") { totalCount nodes { name
                artifacts(filterQuery: "modelFormatName LIKE 'to%'") { nodes { uri } } } } }
            artifacts(filterQuery: "modelFormatName = 'onnx'") { nodes { uri } }
            modelVersions(filterQuery: "name IN ('v1')") { nodes { name } }
            experiments(filterQuery: "name = 'none'") { totalCount } }"""
    )
    versions = data["registeredModel"]["versions"]
    assert versions["totalCount"] == 1
    assert versions["nodes"][0]["name"] == "v2"
    assert versions["nodes"][0]["artifacts"]["nodes"] == [{"uri": "s3://2"}]
    assert data["artifacts"]["nodes"] == [{"uri": "s3://1"}]
    assert data["modelVersions"]["nodes"] == [{"name": "v1"}]
    assert data["experiments"]["totalCount"] == 0


SYNTAX_ERRORS = [
    ('name = "alpha" AND', 18),
    ("name = ", 7),
    ("(name = 'a'", 11),
    ("name ~ 'a'", 5),
    ("name = 'a' extra", 11),
    ("name IN ()", 9),
]


async def test_malformed_filter_reports_position(client: GraphQLClient) -> None:
    for query, position in SYNTAX_ERRORS:
        result = await client.execute(
            "query($f: String) { registeredModels(filterQuery: $f) { totalCount } }", {"f": query}
        )
        assert error_codes(result) == ["BAD_USER_INPUT"], query
        assert result["errors"][0]["extensions"]["position"] == position, query
        assert f"position {position}" in result["errors"][0]["message"]


TYPE_ERRORS = [
    "name = 5",
    "id = 'abc'",
    "id LIKE '1%'",
    "budget.int_value = 'x'",
    "budget.int_value > 1.5",
    "gpu.bool_value = 1",
    "x IN (1, 'a')",
    "budget > 99999999999999999999",
]


async def test_mistyped_filter_is_bad_input(models: GraphQLClient) -> None:
    for query in TYPE_ERRORS:
        result = await models.execute(
            "query($f: String) { registeredModels(filterQuery: $f) { totalCount nodes { id } } }",
            {"f": query},
        )
        assert set(error_codes(result)) == {"BAD_USER_INPUT"}, (query, result)


async def test_filter_values_are_bound_not_spliced(models: GraphQLClient) -> None:
    assert await names(models, r"name = 'x\' OR \'1\'=\'1'") == []
    assert await names(models, "name = \"alpha' OR '1'='1\"") == []
    assert await names(models, "name = 'alpha'") == ["alpha"]
