"""Typed custom properties round-trip exactly: 64-bit ints, doubles, bools, structs, labels."""

from __future__ import annotations

from typing import Any

from tests.registry.client import GraphQLClient, error_codes
from tests.registry.operations import CREATE_MODEL, create_model

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)

PROPERTIES: list[dict[str, Any]] = [
    {"name": "max", "intValue": str(INT64_MAX)},
    {"name": "min", "intValue": str(INT64_MIN)},
    {"name": "zero", "type": "INT", "intValue": "0"},
    {"name": "pi", "doubleValue": 3.141592653589793},
    {"name": "tiny", "doubleValue": 5e-324},
    {"name": "huge", "doubleValue": 1.7976931348623157e308},
    {"name": "tenth", "doubleValue": 0.1},
    {"name": "yes", "boolValue": True},
    {"name": "no", "boolValue": False},
    {"name": "text", "stringValue": 'héllo ✓ "quoted"\n'},
    {"name": "production", "stringValue": ""},
    {
        "name": "config",
        "structValue": {"layers": [1, 2, {"deep": None}], "big": INT64_MAX, "f": 0.5, "s": "x"},
    },
    {"name": "dotted.name", "stringValue": "v"},
]


def _expected(prop: dict[str, Any]) -> dict[str, Any]:
    kind = prop.get("type") or next(
        t
        for key, t in (
            ("intValue", "INT"),
            ("doubleValue", "DOUBLE"),
            ("boolValue", "BOOL"),
            ("stringValue", "STRING"),
            ("structValue", "STRUCT"),
        )
        if key in prop
    )
    out: dict[str, Any] = {
        "name": prop["name"],
        "type": kind,
        "stringValue": None,
        "intValue": None,
        "doubleValue": None,
        "boolValue": None,
        "structValue": None,
        "isLabel": kind == "STRING" and prop.get("stringValue") == "",
    }
    out.update({k: v for k, v in prop.items() if k not in ("name", "type")})
    return out


async def test_round_trip_is_exact(client: GraphQLClient) -> None:
    created = await create_model(client, "props", customProperties=PROPERTIES)
    expected = sorted((_expected(p) for p in PROPERTIES), key=lambda p: p["name"])
    assert sorted(created["customProperties"], key=lambda p: p["name"]) == expected
    read = await client.data(
        f"""{{ registeredModel(id: "{created["id"]}") {{ customProperties {{
            name type stringValue intValue doubleValue boolValue structValue isLabel }} }} }}"""
    )
    assert sorted(read["registeredModel"]["customProperties"], key=lambda p: p["name"]) == expected


async def test_update_replaces_properties_only_when_given(client: GraphQLClient) -> None:
    model = await create_model(
        client, "replace", customProperties=[{"name": "a", "stringValue": "1"}]
    )
    update = """mutation($id: ID!, $input: RegisteredModelUpdateInput!) {
        updateRegisteredModel(id: $id, input: $input) { customProperties { name intValue } } }"""
    kept = await client.data(update, {"id": model["id"], "input": {"description": "x"}})
    assert [p["name"] for p in kept["updateRegisteredModel"]["customProperties"]] == ["a"]
    replaced = await client.data(
        update, {"id": model["id"], "input": {"customProperties": [{"name": "b", "intValue": "7"}]}}
    )
    assert replaced["updateRegisteredModel"]["customProperties"] == [{"name": "b", "intValue": "7"}]


async def test_properties_on_versions_and_artifacts(client: GraphQLClient) -> None:
    result = await client.data(
        """mutation { registerModel(input: {name: "m", versionName: "v", uri: "s3://m",
             versionCustomProperties: [{name: "accuracy", doubleValue: 0.97}],
             artifactCustomProperties: [{name: "bytes", intValue: "9007199254740993"}]}) {
           modelVersion { customProperties { name doubleValue } }
           modelArtifact { customProperties { name intValue } } } }"""
    )
    payload = result["registerModel"]
    assert payload["modelVersion"]["customProperties"] == [
        {"name": "accuracy", "doubleValue": 0.97}
    ]
    # 2**53 + 1: a value a float would round.
    assert payload["modelArtifact"]["customProperties"] == [
        {"name": "bytes", "intValue": "9007199254740993"}
    ]


async def test_invalid_properties_are_rejected(client: GraphQLClient) -> None:
    bad_cases: list[list[dict[str, Any]]] = [
        [{"name": "over", "intValue": str(INT64_MAX + 1)}],
        [{"name": "under", "intValue": str(INT64_MIN - 1)}],
        [{"name": "nan", "intValue": "12x"}],
        [{"name": "two", "intValue": "1", "stringValue": "1"}],
        [{"name": "none"}],
        [{"name": "typed", "type": "BOOL", "stringValue": "true"}],
        [{"name": "dup", "stringValue": "a"}, {"name": "dup", "stringValue": "b"}],
        [{"name": "", "stringValue": "a"}],
        [{"name": "nul", "stringValue": "a\u0000b"}],
    ]
    for index, properties in enumerate(bad_cases):
        result = await client.execute(
            CREATE_MODEL, {"input": {"name": f"bad-{index}", "customProperties": properties}}
        )
        assert error_codes(result) == ["BAD_USER_INPUT"], (properties, result)
    listed = await client.data("{ registeredModels { totalCount } }")
    assert listed["registeredModels"]["totalCount"] == 0
