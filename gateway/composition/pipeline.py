"""compose(): subgraph SDLs in, supergraph SDL out — read, line up, check the rules, build, print."""

from __future__ import annotations

from collections.abc import Sequence

from graphql.language import (
    DefinitionNode,
    DirectiveDefinitionNode,
    EnumTypeDefinitionNode,
    EnumValueDefinitionNode,
    print_ast,
)

from .builder import SupergraphBuilder
from .errors import CompositionError, CompositionProblem
from .join_directives import graph_enum_names, join_graph_directive, name_node
from .links import LinkedSpec
from .rules import find_problems
from .source import SubgraphSource
from .specs import CARRIED_SPECS, LINK_DEFINITIONS, LINK_URL, join_definitions, join_version
from .state import CompositionState, collect_types, index_field_usage
from .subgraph import Subgraph, read_subgraph
from .validity import check_supergraph_schema


def compose(subgraphs: Sequence[SubgraphSource]) -> str:
    """Compose subgraph SDLs into a Federation 2 supergraph SDL, or raise CompositionError."""
    models = read_subgraphs(subgraphs)
    state = line_up_subgraphs(models)
    problems = find_problems(state)
    if problems:
        raise CompositionError(problems)
    header, definitions = build_supergraph(state)
    check_supergraph_schema(header, definitions, tuple(state.subgraphs))
    return header + "\n\n" + "\n\n".join(print_ast(node) for node in definitions) + "\n"


def read_subgraphs(sources: Sequence[SubgraphSource]) -> list[Subgraph]:
    problems: list[CompositionProblem] = []
    names = [source.name for source in sources]
    for name in sorted(set(names)):
        if names.count(name) > 1:
            problems.append(
                CompositionProblem("DUPLICATE_SUBGRAPH_NAME", name, "given more than once", (name,))
            )
    if not sources:
        problems.append(CompositionProblem("NO_SUBGRAPHS", "", "no subgraph to compose"))
    models: list[Subgraph] = []
    for source in sorted(sources, key=lambda s: s.name):
        try:
            models.append(read_subgraph(source))
        except CompositionError as error:
            problems.extend(error.problems)
    if problems:
        raise CompositionError(problems)
    return models


def line_up_subgraphs(models: Sequence[Subgraph]) -> CompositionState:
    types, problems = collect_types(models)
    if problems:
        raise CompositionError(problems)
    return CompositionState({m.name: m for m in models}, types, index_field_usage(models))


def build_supergraph(state: CompositionState) -> tuple[str, list[DefinitionNode]]:
    """The fixed part as text (schema definition, spec definitions) and the composed nodes."""
    graph_names = graph_enum_names(list(state.subgraphs))
    builder = SupergraphBuilder(state, graph_names)
    types = builder.build_types()
    version = join_version([s.version for s in state.subgraphs.values()])
    carried = [spec for spec in CARRIED_SPECS if spec[0] in builder.used_specs]
    composed_links = _composed_links(state)
    header = [
        _schema_definition(state, version, carried, composed_links, builder.used_specs),
        join_definitions(version),
        LINK_DEFINITIONS,
        *(definitions for _, _, _, definitions in carried),
    ]
    nodes: list[DefinitionNode] = [
        *_composed_directive_definitions(state),
        _graph_enum(state, graph_names),
        *types,
    ]
    return "\n\n".join(header), nodes


def _schema_definition(
    state: CompositionState,
    version: str,
    carried: list[tuple[str, str, str | None, str]],
    composed_links: list[LinkedSpec],
    used_specs: set[str],
) -> str:
    links = [
        f'@link(url: "{LINK_URL}")',
        f'@link(url: "https://specs.apollo.dev/join/{version}", for: EXECUTION)',
    ]
    for name, url, purpose, _ in carried:
        # @listSize is not the cost spec's namesake: it needs importing to keep its short name.
        imports = ', import: ["@listSize"]' if name == "cost" and "listSize" in used_specs else ""
        links.append(f'@link(url: "{url}"{imports}' + (f", for: {purpose})" if purpose else ")"))
    for link in composed_links:
        imports = ", ".join(f'"{name}"' for name in link.imports)
        links.append(f'@link(url: "{link.url}", import: [{imports}])')
    roots = [
        f"  {operation}: {name}"
        for operation, name in (
            ("query", "Query"),
            ("mutation", "Mutation"),
            ("subscription", "Subscription"),
        )
        if name in state.types
    ]
    return "schema\n  " + "\n  ".join(links) + "\n{\n" + "\n".join(roots) + "\n}"


def _composed_links(state: CompositionState) -> list[LinkedSpec]:
    links: dict[str, LinkedSpec] = {}
    for subgraph in state.subgraphs.values():
        for link in subgraph.composed_links:
            links.setdefault(link.url, link)
    return list(links.values())


def _composed_directive_definitions(state: CompositionState) -> list[DirectiveDefinitionNode]:
    definitions: dict[str, DirectiveDefinitionNode] = {}
    for subgraph in state.subgraphs.values():
        for name, definition in subgraph.composed.items():
            definitions.setdefault(name, definition)
    return list(definitions.values())


def _graph_enum(state: CompositionState, graph_names: dict[str, str]) -> EnumTypeDefinitionNode:
    values = [
        EnumValueDefinitionNode(
            name=name_node(graph_names[name]),
            directives=(join_graph_directive(name, subgraph.url),),
        )
        for name, subgraph in state.subgraphs.items()
    ]
    return EnumTypeDefinitionNode(name=name_node("join__Graph"), values=tuple(values))
