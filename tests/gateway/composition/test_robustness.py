"""Any combination of subgraph SDL composes or fails with CompositionError: never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.composition import CompositionError, compose
from gateway.supergraph.model import parse_supergraph

from .harness import federation_2, sources

FIELDS = {
    "a": ("Int", "Int!"),
    "b": ("String", "String!"),
    "c": ("[Int]", "[Int!]!", "[Int!]"),
    "d": ("T", "T!"),
    "e": ("Color", "Color!"),
    "f(x: Int)": ("Int",),
    "f(x: Int!)": ("Int",),
    "g(c: Color)": ("Color",),
}
FIELD_DIRECTIVES = (
    "",
    "",
    "@shareable",
    "@shareable",
    "@external",
    '@requires(fields: "a")',
    '@provides(fields: "a")',
    '@override(from: "a")',
    '@override(from: "b", label: "percent(5)")',
    "@inaccessible",
    '@tag(name: "x")',
    "@authenticated",
    '@requiresScopes(scopes: [["s"]])',
)
TYPE_DIRECTIVES = (
    "",
    '@key(fields: "id")',
    '@key(fields: "id")',
    '@key(fields: "id", resolvable: false)',
    '@key(fields: "id a")',
    "@shareable",
)


@st.composite
def object_type(draw: st.DrawFn, name: str) -> str:
    keyword = draw(st.sampled_from(("type", "type", "extend type")))
    implements = " implements Node" if draw(st.booleans()) else ""
    directives = draw(st.sampled_from(TYPE_DIRECTIVES))
    fields = ["id: ID!"]
    for field in draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=4, unique=True)):
        field_type = draw(st.sampled_from(FIELDS[field]))
        fields.append(f"{field}: {field_type} {draw(st.sampled_from(FIELD_DIRECTIVES))}")
    return f"{keyword} {name}{implements} {directives} {{ {' '.join(fields)} }}"


@st.composite
def subgraph_sdls(draw: st.DrawFn) -> str:
    parts = [draw(object_type("T")), draw(object_type("U"))]
    parts.append(
        draw(
            st.sampled_from(
                (
                    "interface Node { id: ID! }",
                    'interface Node @key(fields: "id") { id: ID! }',
                    'type Node @key(fields: "id") @interfaceObject { id: ID! z: Int }',
                )
            )
        )
    )
    parts.append(draw(st.sampled_from(("enum Color { RED GREEN }", "enum Color { RED BLUE }"))))
    parts.append(draw(st.sampled_from(("input In { a: Int }", "input In { a: Int! b: Int }"))))
    parts.append(draw(st.sampled_from(("union V = T | U", "union V = T"))))
    query_fields = draw(
        st.lists(
            st.sampled_from(("t: T", "u: U @shareable", "n: Node", "f(i: In): Int", "v: V")),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    parts.append("type Query { " + " ".join(query_fields) + " }")
    sdl = "\n".join(parts)
    return federation_2(sdl) if draw(st.integers(0, 3)) else sdl


ENTITY_FIELDS = {
    "a": ("Int", "Int!"),
    "b": ("String", "String!"),
    "c": ("[Int]", "[Int!]!"),
    "d": ("T", "T!"),
    "e": ("Color",),
}


@st.composite
def entity_subgraph(draw: st.DrawFn, name: str, others: list[str]) -> str:
    """A subgraph contributing to entity T: shared, external, overridden and required fields."""
    fields = ["id: ID!"]
    externals: list[str] = []
    for field in draw(st.lists(st.sampled_from(sorted(ENTITY_FIELDS)), max_size=4, unique=True)):
        use = draw(
            st.sampled_from(
                ("", "@shareable", "@shareable", "@external", "override", "label", "@inaccessible")
            )
        )
        if use == "override":
            use = f'@override(from: "{draw(st.sampled_from(others))}")'
        elif use == "label":
            use = f'@override(from: "{draw(st.sampled_from(others))}", label: "percent(50)")'
        elif use == "@external":
            externals.append(field)
        fields.append(f"{field}: {draw(st.sampled_from(ENTITY_FIELDS[field]))} {use}")
    if externals:
        fields.append(f'r: Int @requires(fields: "{" ".join(externals)}")')
    keyword = "type" if name == "a" else draw(st.sampled_from(("type", "extend type")))
    keys = ['@key(fields: "id")', '@key(fields: "id", resolvable: false)']
    if any(f.startswith("a:") for f in fields):
        keys.append('@key(fields: "id") @key(fields: "id a")')
    implements = "implements N " if draw(st.booleans()) else ""
    parts = [
        f"{keyword} T {implements}{draw(st.sampled_from(keys))} {{ {' '.join(fields)} }}",
        "enum Color { RED GREEN }",
        "interface N { id: ID! }",
    ]
    if draw(st.booleans()):
        provides_a = any(f.startswith("a:") and "@external" in f for f in fields)
        parts.append(
            'type P { t: T @provides(fields: "a") }' if provides_a else "type P @shareable { t: T }"
        )
        parts.append(f"type Query {{ p{name}: P }}")
    else:
        parts.append(f"type Query {{ t{name}: T }}")
    return federation_2("\n".join(parts), version="v2.7")


@st.composite
def entity_subgraph_sets(draw: st.DrawFn) -> dict[str, str]:
    names = "abc"[: draw(st.integers(1, 3))]
    return {
        name: draw(entity_subgraph(name, [other for other in "abcz" if other != name]))
        for name in names
    }


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(entity_subgraph_sets())
def test_entity_composition_never_crashes(subgraphs: dict[str, str]) -> None:
    try:
        supergraph = compose(sources(subgraphs))
    except CompositionError as error:
        assert error.problems
        return
    assert parse_supergraph(supergraph).subgraphs


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(subgraph_sdls(), min_size=1, max_size=3))
def test_composition_never_crashes(sdls: list[str]) -> None:
    subgraphs = {name: sdl for name, sdl in zip("abc", sdls, strict=False)}
    try:
        supergraph = compose(sources(subgraphs))
    except CompositionError as error:
        assert error.problems
        return
    assert parse_supergraph(supergraph).subgraphs
