"""Rules a subgraph must follow on its own: @external use, entity interfaces, extensions with a base."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, federation_2


def test_requires_must_select_external_fields() -> None:
    problems = composition_problems(
        a=federation_2(
            'type T @key(fields: "id") { id: ID! w: Int @shareable } type Query { t: T }'
        ),
        b=federation_2(
            'type T @key(fields: "id") { id: ID! w: Int @shareable y: Int @requires(fields: "w") }'
        ),
    )
    assert problems == [
        "[REQUIRES_FIELDS_MISSING_EXTERNAL] T.y: @requires in [b] selects T.w, "
        "which [b] does not mark @external"
    ]


def test_unused_external_field_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2('type T @key(fields: "id") { id: ID! w: Int } type Query { t: T }'),
        b=federation_2('type T @key(fields: "id") { id: ID! w: Int @external }'),
    )
    assert problems == [
        "[EXTERNAL_UNUSED] T.w: [b] marks it @external but no @key, @requires or @provides "
        "of that subgraph selects it"
    ]


def test_external_field_satisfying_an_interface_is_used() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! w: Int } type Query { t: T }'),
        b=federation_2(
            'interface Named { w: Int } type T implements Named @key(fields: "id") { id: ID! w: Int @external }'
        ),
    )
    assert "w: Int @join__field(graph: A) @join__field(graph: B, external: true)" in supergraph


def test_provides_on_a_scalar_field() -> None:
    problems = composition_problems(
        a=federation_2('type Query { n: Int @provides(fields: "x") }'),
    )
    assert problems == [
        "[PROVIDES_ON_NON_OBJECT_FIELD] Query.n: [a] puts @provides on a field of type Int, "
        "which has no fields to provide"
    ]


def test_entity_interface_keys_and_implementations() -> None:
    problems = composition_problems(
        a=federation_2(
            """
            interface Media @key(fields: "id") { id: ID! }
            type Book implements Media { id: ID! }
            type Query { media: Media }
            """
        ),
        b=federation_2(
            'type Movie implements Media @key(fields: "id") { id: ID! } interface Media { id: ID! }'
        ),
    )
    assert problems == [
        '[INTERFACE_KEY_NOT_ON_IMPLEMENTATION] Book: [a] has @key(fields: "id") on interface '
        "Media but not on its implementation Book",
        "[INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE] Media: [a] makes interface Media an entity "
        "with @key but does not define its implementations Movie",
    ]


def test_extension_without_a_base_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2("extend type Money { amount: Int } type Query { price: Money }"),
    )
    assert problems == [
        "[EXTENSION_WITH_NO_BASE] Money: extended in [a] but defined in no subgraph"
    ]
