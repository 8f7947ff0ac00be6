"""Rules each subgraph must follow on its own: keys on entity interfaces, @external use, extensions."""

from __future__ import annotations

from collections.abc import Iterator

from graphql.language import FieldNode

from .errors import CompositionProblem, describe_graphs
from .fieldset import named_type, parse_field_set
from .state import CompositionState
from .subgraph import BUILT_IN_SCALARS, Field, Subgraph, TypeDef

ROOT_TYPES = frozenset({"Query", "Mutation", "Subscription"})
COMPOSITE_KINDS = frozenset({"object", "interface", "union"})


def check_extensions_have_a_base(state: CompositionState) -> Iterator[CompositionProblem]:
    for merged in state.types.values():
        if merged.name in ROOT_TYPES:
            continue
        definitions = merged.by_graph.values()
        if all(d.is_extension or d.extends_directive for d in definitions):
            yield CompositionProblem(
                "EXTENSION_WITH_NO_BASE",
                merged.name,
                f"extended in {describe_graphs(list(merged.by_graph))} but defined in no subgraph",
                tuple(merged.by_graph),
            )


def check_entity_interfaces(state: CompositionState) -> Iterator[CompositionProblem]:
    """An interface's @key must be on each of its implementations, all defined in that subgraph."""
    for subgraph in state.subgraphs.values():
        if subgraph.names.is_federation_1:
            continue
        for interface in subgraph.types.values():
            if interface.kind != "interface" or interface.interface_object or not interface.keys:
                continue
            local = _implementations(subgraph, interface.name)
            for implementation in local:
                missing = [
                    k.fields for k in interface.keys if not _has_key(implementation, k.fields)
                ]
                for fields in missing:
                    yield CompositionProblem(
                        "INTERFACE_KEY_NOT_ON_IMPLEMENTATION",
                        implementation.name,
                        f'[{subgraph.name}] has @key(fields: "{fields}") on interface '
                        f"{interface.name} but not on its implementation {implementation.name}",
                        (subgraph.name,),
                    )
            local_names = {t.name for t in local}
            elsewhere = [
                t.name
                for t in state.implementations(interface.name)
                if t.kind == "object" and t.name not in local_names
            ]
            if not local and not elsewhere and any(k.resolvable for k in interface.keys):
                yield CompositionProblem(
                    "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE",
                    interface.name,
                    f"[{subgraph.name}] makes interface {interface.name} an entity with @key "
                    "but no type implements it",
                    (subgraph.name,),
                )
            elif elsewhere:
                yield CompositionProblem(
                    "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE",
                    interface.name,
                    f"[{subgraph.name}] makes interface {interface.name} an entity with @key but "
                    f"does not define its implementations {', '.join(sorted(elsewhere))}",
                    (subgraph.name,),
                )


def _implementations(subgraph: Subgraph, interface: str) -> list[TypeDef]:
    return [t for t in subgraph.types.values() if t.kind == "object" and interface in t.interfaces]


def _has_key(typedef: TypeDef, fields: str) -> bool:
    wanted = " ".join(fields.split())
    return any(" ".join(k.fields.split()) == wanted for k in typedef.keys)


def check_provides_targets(state: CompositionState) -> Iterator[CompositionProblem]:
    for subgraph in state.subgraphs.values():
        graph = subgraph.name
        for typedef in subgraph.types.values():
            for model in typedef.fields.values():
                coordinate = f"{typedef.name}.{model.name}"
                if model.provides is not None and not provides_composite(subgraph, model):
                    yield CompositionProblem(
                        "PROVIDES_ON_NON_OBJECT_FIELD",
                        coordinate,
                        f"[{graph}] puts @provides on a field of type {named_type(model.type)}, "
                        "which has no fields to provide",
                        (graph,),
                    )


def check_external_use(state: CompositionState) -> Iterator[CompositionProblem]:
    """In Federation 2, @requires and @provides select @external fields, and every @external
    field is selected by a key, a @requires or a @provides (or satisfies an interface)."""
    usage = state.usage
    for subgraph in state.subgraphs.values():
        if subgraph.names.is_federation_1:
            continue
        graph = subgraph.name
        for typedef in subgraph.types.values():
            for model in typedef.fields.values():
                coordinate = f"{typedef.name}.{model.name}"
                if model.requires is not None:
                    for name in _top_level_fields(model.requires):
                        selected = typedef.fields.get(name)
                        if selected is not None and not selected.external:
                            yield _missing_external(
                                "REQUIRES_FIELDS_MISSING_EXTERNAL",
                                coordinate,
                                "@requires",
                                f"{typedef.name}.{name}",
                                graph,
                            )
                if model.external and typedef.kind == "object":
                    key = (graph, typedef.name, model.name)
                    used = key in usage.in_key or key in usage.required or key in usage.provided
                    if not used and not _satisfies_interface(subgraph, typedef, model.name):
                        yield CompositionProblem(
                            "EXTERNAL_UNUSED",
                            coordinate,
                            f"[{graph}] marks it @external but no @key, @requires or @provides "
                            "of that subgraph selects it",
                            (graph,),
                        )


def provides_composite(subgraph: Subgraph, model: Field) -> bool:
    """Whether the field returns a type with fields, the only kind @provides can apply to."""
    name = named_type(model.type)
    if name in BUILT_IN_SCALARS:
        return False
    target = subgraph.types.get(name)
    return target is None or target.kind in COMPOSITE_KINDS


def _missing_external(
    code: str, coordinate: str, directive: str, selected: str, graph: str
) -> CompositionProblem:
    return CompositionProblem(
        code,
        coordinate,
        f"{directive} in [{graph}] selects {selected}, which [{graph}] does not mark @external",
        (graph,),
    )


def _top_level_fields(field_set: str) -> list[str]:
    selection_set = parse_field_set(field_set)
    if selection_set is None:
        return []
    return [s.name.value for s in selection_set.selections if isinstance(s, FieldNode)]


def _satisfies_interface(subgraph: Subgraph, typedef: TypeDef, field_name: str) -> bool:
    return any(
        field_name in subgraph.types[i].fields for i in typedef.interfaces if i in subgraph.types
    )


def check_type_references(state: CompositionState) -> Iterator[CompositionProblem]:
    """Every type a subgraph's fields, arguments, members and interfaces name, it must define."""
    for subgraph in state.subgraphs.values():
        defined = subgraph.types.keys() | BUILT_IN_SCALARS
        for typedef in subgraph.types.values():
            references = [(typedef.name, name) for name in (*typedef.members, *typedef.interfaces)]
            for model in typedef.fields.values():
                coordinate = f"{typedef.name}.{model.name}"
                references.append((coordinate, named_type(model.type)))
                references.extend(
                    (f"{coordinate}({a.name}:)", named_type(a.type)) for a in model.args.values()
                )
            for interface in typedef.interfaces:
                target = subgraph.types.get(interface)
                if target is not None and (target.kind != "interface" or target.interface_object):
                    yield CompositionProblem(
                        "INVALID_GRAPHQL",
                        typedef.name,
                        f"implements {interface}, which is not an interface in [{subgraph.name}]",
                        (subgraph.name,),
                    )
            for coordinate, name in references:
                if name not in defined:
                    yield CompositionProblem(
                        "INVALID_GRAPHQL",
                        coordinate,
                        f"refers to type {name}, which [{subgraph.name}] does not define",
                        (subgraph.name,),
                    )


def check_interface_objects(state: CompositionState) -> Iterator[CompositionProblem]:
    """An @interfaceObject stands for an interface that some subgraph defines as one."""
    for merged in state.types.values():
        definitions = merged.by_graph.values()
        if merged.kind == "interface" and all(d.interface_object for d in definitions):
            yield CompositionProblem(
                "INTERFACE_OBJECT_USAGE_ERROR",
                merged.name,
                f"declared @interfaceObject in {describe_graphs(list(merged.by_graph))} "
                "but defined as an interface in no subgraph",
                tuple(merged.by_graph),
            )
