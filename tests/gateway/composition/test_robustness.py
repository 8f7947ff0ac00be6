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


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
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
