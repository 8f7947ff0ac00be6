"""The Federation 2 composition rules that can make subgraphs incompatible, one function each."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graphql.language import NonNullTypeNode

from .enums import enum_usage, merge_enum_values
from .errors import CompositionProblem, describe_graphs
from .fieldset import FieldTypeLookup, find_unknown_fields, named_type
from .merging import (
    describe_type_conflict,
    describe_value_conflict,
    merge_input_types,
    merge_output_types,
    print_type,
    print_value,
)
from .state import CompositionState, TypeAcrossGraphs, field_type_lookup
from .subgraph import Argument, Field
from .subgraph_rules import (
    check_entity_interfaces,
    check_extensions_have_a_base,
    check_external_use,
    check_interface_objects,
    check_provides_targets,
    check_type_references,
    provides_composite,
)

Rule = Callable[[CompositionState], Iterator[CompositionProblem]]


def check_query_root(state: CompositionState) -> Iterator[CompositionProblem]:
    if "Query" not in state.types:
        yield CompositionProblem(
            "NO_QUERIES",
            "Query",
            "no subgraph defines a field on the Query root type",
            tuple(state.subgraphs),
        )


def check_field_types(state: CompositionState) -> Iterator[CompositionProblem]:
    for merged in state.types.values():
        if merged.kind not in ("object", "interface", "input"):
            continue
        merge = merge_input_types if merged.kind == "input" else merge_output_types
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            types = {graph: model.type for graph, model in by_graph.items()}
            if merge(types.values()) is None:
                yield CompositionProblem(
                    "FIELD_TYPE_MISMATCH",
                    f"{merged.name}.{name}",
                    describe_type_conflict(types),
                    tuple(types),
                )
            if merged.kind != "input":
                yield from _check_arguments(merged, name, by_graph)
            if merged.kind == "object":
                yield from _check_external_types(state, merged, name, by_graph)


def _check_external_types(
    state: CompositionState, merged: TypeAcrossGraphs, name: str, by_graph: dict[str, Field]
) -> Iterator[CompositionProblem]:
    """An @external copy of a (non-key) field must declare the field's supergraph type."""
    if any((g, merged.name, name) in state.usage.in_key for g in by_graph):
        return
    external = {
        g: print_type(f.type)
        for g, f in by_graph.items()
        if f.external and (not state.is_federation_1(g) or merged.by_graph[g].extends_directive)
    }
    resolving = [g for g in by_graph if g not in external]
    merged_type = merge_output_types(by_graph[g].type for g in resolving)
    if merged_type is None:
        return
    expected = print_type(merged_type)
    mismatched = {g: t for g, t in external.items() if t != expected}
    if mismatched and resolving:
        yield CompositionProblem(
            "EXTERNAL_TYPE_MISMATCH",
            f"{merged.name}.{name}",
            "where marked @external, type "
            + describe_value_conflict({**dict.fromkeys(resolving, expected), **mismatched}),
            tuple(by_graph),
        )


def _check_arguments(
    merged: TypeAcrossGraphs, name: str, by_graph: dict[str, Field]
) -> Iterator[CompositionProblem]:
    resolving = {g: f for g, f in by_graph.items() if not f.external} or by_graph
    argument_names: dict[str, None] = {}
    for model in resolving.values():
        argument_names.update(dict.fromkeys(model.args))
    for argument_name in argument_names:
        coordinate = f"{merged.name}.{name}({argument_name}:)"
        present: dict[str, Argument] = {
            g: f.args[argument_name] for g, f in resolving.items() if argument_name in f.args
        }
        if len(present) < len(resolving):
            required_in = [g for g, a in present.items() if _is_required(a.type, a.default)]
            if required_in:
                missing = [g for g in resolving if g not in present]
                yield CompositionProblem(
                    "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH",
                    coordinate,
                    f"required in {describe_graphs(required_in)} "
                    f"but missing in {describe_graphs(missing)}",
                    tuple(sorted(resolving)),
                )
            continue
        types = {g: a.type for g, a in present.items()}
        if merge_input_types(types.values()) is None:
            yield CompositionProblem(
                "FIELD_ARGUMENT_TYPE_MISMATCH",
                coordinate,
                describe_type_conflict(types),
                tuple(types),
            )
        defaults = {g: print_value(a.default) for g, a in present.items()}
        if len(set(defaults.values())) > 1:
            yield CompositionProblem(
                "FIELD_ARGUMENT_DEFAULT_MISMATCH",
                coordinate,
                "default value " + describe_value_conflict(defaults),
                tuple(defaults),
            )


def _is_required(type_node: object, default: object) -> bool:
    return isinstance(type_node, NonNullTypeNode) and default is None


def check_input_types(state: CompositionState) -> Iterator[CompositionProblem]:
    for merged in state.types.values():
        if merged.kind != "input":
            continue
        graphs = list(merged.by_graph)
        kept = 0
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            coordinate = f"{merged.name}.{name}"
            if len(by_graph) < len(graphs):
                required_in = [g for g, f in by_graph.items() if _is_required(f.type, f.default)]
                if required_in:
                    missing = [g for g in graphs if g not in by_graph]
                    yield CompositionProblem(
                        "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH",
                        coordinate,
                        f"required in {describe_graphs(required_in)} "
                        f"but missing in {describe_graphs(missing)}",
                        tuple(graphs),
                    )
                continue
            kept += 1
            defaults = {g: print_value(f.default) for g, f in by_graph.items()}
            if len(set(defaults.values())) > 1 and "(none)" not in defaults.values():
                yield CompositionProblem(
                    "INPUT_FIELD_DEFAULT_MISMATCH",
                    coordinate,
                    "default value " + describe_value_conflict(defaults),
                    tuple(graphs),
                )
        if kept == 0:
            yield CompositionProblem(
                "EMPTY_MERGED_INPUT_TYPE",
                merged.name,
                f"no field is defined in every subgraph defining it {describe_graphs(graphs)}",
                tuple(graphs),
            )


def check_enums(state: CompositionState) -> Iterator[CompositionProblem]:
    usage = enum_usage(state)
    for merged in state.types.values():
        if merged.kind == "enum":
            yield from merge_enum_values(merged, usage.get(merged.name, set()))[1]


def check_shareable(state: CompositionState) -> Iterator[CompositionProblem]:
    """A field resolved by several subgraphs must be @shareable (or a key field) in each."""
    for merged in state.types.values():
        if merged.kind != "object":
            continue
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            overridden = {f.override for f in by_graph.values() if f.override}
            resolving = [g for g, f in by_graph.items() if not f.external and g not in overridden]
            if len(resolving) < 2:
                continue
            not_shareable = [
                g
                for g in resolving
                if not by_graph[g].shareable
                and not state.is_federation_1(g)
                and (g, merged.name, name) not in state.usage.in_key
            ]
            if not_shareable:
                yield CompositionProblem(
                    "INVALID_FIELD_SHARING",
                    f"{merged.name}.{name}",
                    f"resolved from {describe_graphs(resolving)} but not marked @shareable "
                    f"in {describe_graphs(not_shareable)}",
                    tuple(resolving),
                )


def check_external_on_base(state: CompositionState) -> Iterator[CompositionProblem]:
    for merged in state.types.values():
        if merged.kind != "object":
            continue
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            if all(f.external for f in by_graph.values()) and not all(
                state.is_federation_1(g) for g in by_graph
            ):
                if _resolved_by_interface_object(state, merged, name):
                    continue
                yield CompositionProblem(
                    "EXTERNAL_MISSING_ON_BASE",
                    f"{merged.name}.{name}",
                    f"marked @external in every subgraph defining it {describe_graphs(list(by_graph))}: "
                    f"no subgraph resolves it",
                    tuple(by_graph),
                )


def _resolved_by_interface_object(
    state: CompositionState, merged: TypeAcrossGraphs, name: str
) -> bool:
    interfaces = {i for d in merged.by_graph.values() for i in d.interfaces}
    return any(
        name in state.types[i].field_names()
        for i in interfaces
        if i in state.types and state.types[i].has_interface_object
    )


def check_overrides(state: CompositionState) -> Iterator[CompositionProblem]:
    for merged in state.types.values():
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            for graph, model in by_graph.items():
                if model.override is None:
                    continue
                coordinate = f"{merged.name}.{name}"
                if model.override == graph:
                    yield CompositionProblem(
                        "OVERRIDE_FROM_SELF_ERROR",
                        coordinate,
                        f"[{graph}] overrides the field from itself",
                        (graph,),
                    )
                elif merged.kind == "interface":
                    yield CompositionProblem(
                        "OVERRIDE_ON_INTERFACE",
                        coordinate,
                        f"@override is not supported on interface fields, in [{graph}]",
                        (graph,),
                    )
                source = by_graph.get(model.override) if model.override != graph else None
                if source is not None and source.override in by_graph:
                    yield CompositionProblem(
                        "OVERRIDE_SOURCE_HAS_OVERRIDE",
                        coordinate,
                        f"[{graph}] overrides it from [{model.override}], "
                        f"which itself overrides it from [{source.override}]",
                        (graph, model.override),
                    )


def check_field_sets(state: CompositionState) -> Iterator[CompositionProblem]:
    """@key, @requires and @provides must select fields their subgraph defines."""
    for subgraph in state.subgraphs.values():
        lookup = field_type_lookup(subgraph)
        for typedef in subgraph.types.values():
            for key in typedef.keys:
                yield from _check_field_set(
                    "KEY_INVALID_FIELDS",
                    typedef.name,
                    "@key",
                    key.fields,
                    typedef.name,
                    subgraph.name,
                    lookup,
                )
            for model in typedef.fields.values():
                coordinate = f"{typedef.name}.{model.name}"
                if model.requires is not None:
                    yield from _check_field_set(
                        "REQUIRES_INVALID_FIELDS",
                        coordinate,
                        "@requires",
                        model.requires,
                        typedef.name,
                        subgraph.name,
                        lookup,
                    )
                if model.provides is not None and provides_composite(subgraph, model):
                    yield from _check_field_set(
                        "PROVIDES_INVALID_FIELDS",
                        coordinate,
                        "@provides",
                        model.provides,
                        named_type(model.type),
                        subgraph.name,
                        lookup,
                    )


def _check_field_set(
    code: str,
    coordinate: str,
    directive: str,
    field_set: str,
    type_name: str,
    graph: str,
    lookup: FieldTypeLookup,
) -> Iterator[CompositionProblem]:
    unknown = find_unknown_fields(type_name, field_set, lookup)
    if unknown is None:
        message = f'{directive}(fields: "{field_set}") in [{graph}] is not a valid selection'
        yield CompositionProblem(code, coordinate, message, (graph,))
    elif unknown:
        message = (
            f'{directive}(fields: "{field_set}") in [{graph}] selects {", ".join(unknown)}, '
            f"which [{graph}] does not define"
        )
        yield CompositionProblem(code, coordinate, message, (graph,))


RULES: tuple[Rule, ...] = (
    check_type_references,
    check_extensions_have_a_base,
    check_field_sets,
    check_entity_interfaces,
    check_interface_objects,
    check_external_use,
    check_provides_targets,
    check_query_root,
    check_field_types,
    check_input_types,
    check_enums,
    check_shareable,
    check_external_on_base,
    check_overrides,
)


def find_problems(state: CompositionState) -> list[CompositionProblem]:
    return [problem for rule in RULES for problem in rule(state)]
