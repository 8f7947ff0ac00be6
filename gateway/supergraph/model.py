"""The supergraph model: subgraphs, and per type and field the subgraphs that resolve them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from graphql import (
    DirectiveNode,
    DocumentNode,
    EnumTypeDefinitionNode,
    EnumTypeExtensionNode,
    GraphQLSchema,
    InputObjectTypeDefinitionNode,
    InterfaceTypeDefinitionNode,
    InterfaceTypeExtensionNode,
    ObjectTypeDefinitionNode,
    ObjectTypeExtensionNode,
    SchemaDefinitionNode,
    SchemaExtensionNode,
    SelectionSetNode,
    TypeDefinitionNode,
    UnionTypeDefinitionNode,
    UnionTypeExtensionNode,
    build_ast_schema,
    parse,
    value_from_ast_untyped,
)
from graphql.error import GraphQLError

from gateway.errors import SupergraphError
from gateway.supergraph.api_schema import build_api_schema
from gateway.supergraph.field_sets import parse_field_set
from gateway.supergraph.spec_names import SpecNames, read_spec_names


@dataclass(frozen=True, slots=True)
class Subgraph:
    graph: str  # the join__Graph enum value, e.g. PRODUCTS
    name: str  # the subgraph's own name, e.g. products
    url: str


@dataclass(frozen=True, slots=True)
class Key:
    graph: str
    fields: str
    selection: SelectionSetNode
    resolvable: bool


@dataclass(frozen=True, slots=True)
class FieldInGraph:
    graph: str
    requires: SelectionSetNode | None = None
    provides: SelectionSetNode | None = None
    external: bool = False
    type: str | None = None  # the field's type in this subgraph, when it differs
    override: str | None = None
    override_label: str | None = None
    used_overridden: bool = False


@dataclass(slots=True)
class TypeInfo:
    name: str
    kind: str  # object | interface | union | enum | input | scalar
    graphs: set[str] = field(default_factory=set)
    keys: list[Key] = field(default_factory=list)
    interface_object_graphs: set[str] = field(default_factory=set)
    extension_graphs: set[str] = field(default_factory=set)
    # field name -> graph -> how that graph defines it; a field absent here lives in every graph
    fields: dict[str, dict[str, FieldInGraph]] = field(default_factory=dict)
    owner: str | None = None  # Federation 1 join__owner
    implements: dict[str, set[str]] = field(default_factory=dict)  # graph -> interfaces
    members: dict[str, set[str]] = field(default_factory=dict)  # union: graph -> members
    enum_values: dict[str, set[str]] = field(default_factory=dict)  # value -> graphs

    def keys_in(self, graph: str) -> list[Key]:
        return [key for key in self.keys if key.graph == graph]


@dataclass(slots=True)
class Supergraph:
    sdl: str
    document: DocumentNode
    schema: GraphQLSchema  # the full supergraph schema (join machinery included)
    api_schema: GraphQLSchema  # what clients see
    subgraphs: dict[str, Subgraph]
    types: dict[str, TypeInfo]
    names: SpecNames
    federation_version: int  # 1 or 2
    # Progressive @override: the labels on in this view of the supergraph. A field
    # overridden under a label resolves from the overriding graph only while it is on.
    enabled_labels: frozenset[str] = frozenset()

    def with_labels(self, labels: frozenset[str]) -> Supergraph:
        """The same supergraph, planned with these override labels on."""
        return replace(self, enabled_labels=labels)

    @property
    def override_labels(self) -> frozenset[str]:
        """Every label of a progressive @override in the supergraph."""
        return frozenset(
            definition.override_label
            for info in self.types.values()
            for graphs in info.fields.values()
            for definition in graphs.values()
            if definition.override_label
        )

    # ---- questions the planner asks -------------------------------------------------

    def subgraph(self, graph: str) -> Subgraph:
        return self.subgraphs[graph]

    def field_graphs(self, type_name: str, field_name: str) -> dict[str, FieldInGraph]:
        """Every graph that defines type.field, external ones included."""
        info = self.types[type_name]
        defined = info.fields.get(field_name)
        if defined is not None:
            return defined
        graphql_type = self.schema.get_type(type_name)
        if field_name not in getattr(graphql_type, "fields", {}):
            return {}
        if info.owner is not None:
            return {info.owner: FieldInGraph(info.owner)}
        # In the supergraph's order, never a set's: plans must not depend on hash seeds.
        return {graph: FieldInGraph(graph) for graph in self.subgraphs if graph in info.graphs}

    def resolving_graphs(self, type_name: str, field_name: str) -> list[str]:
        """Graphs that can resolve type.field themselves (not external, not overridden)."""
        graphs = self.field_graphs(type_name, field_name)
        labels = self.enabled_labels
        overridden = {
            g.override
            for g in graphs.values()
            if g.override and (not g.override_label or g.override_label in labels)
        }
        names = self._names_to_graphs()
        overridden_graphs = {names.get(o, o) for o in overridden}
        result = []
        for graph, definition in graphs.items():
            if definition.external or definition.used_overridden:
                continue
            if graph in overridden_graphs:
                continue
            if definition.override and definition.override_label and definition.override_label not in labels:
                continue  # a progressive override whose label is off: the old owner resolves
            result.append(graph)
        return result

    def _names_to_graphs(self) -> dict[str, str]:
        return {subgraph.name: graph for graph, subgraph in self.subgraphs.items()}

    def possible_types(self, type_name: str) -> list[str]:
        graphql_type = self.schema.get_type(type_name)
        if graphql_type is None:
            return []
        from graphql import GraphQLInterfaceType, GraphQLObjectType, GraphQLUnionType

        if isinstance(graphql_type, GraphQLObjectType):
            return [type_name]
        if isinstance(graphql_type, (GraphQLInterfaceType, GraphQLUnionType)):
            return [t.name for t in self.schema.get_possible_types(graphql_type)]
        return []

    def possible_types_in(self, type_name: str, graph: str) -> list[str]:
        """The object types that `graph` itself knows to be members of an abstract type."""
        info = self.types.get(type_name)
        if info is None:
            return []
        if info.kind == "object":
            return [type_name] if graph in info.graphs else []
        if info.kind == "union":
            if info.members:
                return sorted(info.members.get(graph, set()))
            return [t for t in self.possible_types(type_name) if graph in self.types[t].graphs]
        result = []
        for candidate in self.possible_types(type_name):
            candidate_info = self.types[candidate]
            if graph not in candidate_info.graphs:
                continue
            if candidate_info.implements:
                if type_name in candidate_info.implements.get(graph, set()):
                    result.append(candidate)
            else:
                result.append(candidate)
        return result

    def is_abstract(self, type_name: str) -> bool:
        info = self.types.get(type_name)
        return info is not None and info.kind in ("interface", "union")

    def is_composite(self, type_name: str) -> bool:
        info = self.types.get(type_name)
        return info is not None and info.kind in ("object", "interface", "union")

    def root_type(self, operation: str) -> str | None:
        root = {
            "query": self.api_schema.query_type,
            "mutation": self.api_schema.mutation_type,
            "subscription": self.api_schema.subscription_type,
        }[operation]
        return root.name if root is not None else None


def parse_supergraph(sdl: str) -> Supergraph:
    """Parse and index a Federation 1 or 2 supergraph SDL."""
    try:
        document = parse(sdl, no_location=False)
    except GraphQLError as error:
        raise SupergraphError(f"the supergraph SDL does not parse: {error.message}") from None
    names = read_spec_names(document)
    try:
        schema = build_ast_schema(document, assume_valid_sdl=True)
    except (GraphQLError, TypeError) as error:
        raise SupergraphError(f"the supergraph SDL is not a valid schema: {error}") from None
    subgraphs = _read_subgraphs(document, names)
    types = _read_types(document, names, subgraphs)
    api_schema = build_api_schema(document, names)
    return Supergraph(
        sdl=sdl,
        document=document,
        schema=schema,
        api_schema=api_schema,
        subgraphs=subgraphs,
        types=types,
        names=names,
        federation_version=names.federation_version,
    )


def directive_args(node: DirectiveNode) -> dict[str, object]:
    return {arg.name.value: value_from_ast_untyped(arg.value) for arg in node.arguments or ()}


def _read_subgraphs(document: DocumentNode, names: SpecNames) -> dict[str, Subgraph]:
    subgraphs: dict[str, Subgraph] = {}
    for definition in document.definitions:
        if (
            isinstance(definition, EnumTypeDefinitionNode)
            and definition.name.value == names.graph_enum
        ):
            for value in definition.values or ():
                for directive in value.directives or ():
                    if directive.name.value == names.graph:
                        args = directive_args(directive)
                        subgraphs[value.name.value] = Subgraph(
                            graph=value.name.value,
                            name=str(args.get("name") or value.name.value.lower()),
                            url=str(args.get("url") or ""),
                        )
    if not subgraphs:
        raise SupergraphError(
            f"the supergraph has no {names.graph_enum} enum with @{names.graph} values"
        )
    return subgraphs


_KINDS = {
    ObjectTypeDefinitionNode: "object",
    ObjectTypeExtensionNode: "object",
    InterfaceTypeDefinitionNode: "interface",
    InterfaceTypeExtensionNode: "interface",
    UnionTypeDefinitionNode: "union",
    UnionTypeExtensionNode: "union",
    EnumTypeDefinitionNode: "enum",
    EnumTypeExtensionNode: "enum",
    InputObjectTypeDefinitionNode: "input",
}


def _read_types(
    document: DocumentNode, names: SpecNames, subgraphs: dict[str, Subgraph]
) -> dict[str, TypeInfo]:
    types: dict[str, TypeInfo] = {}
    for definition in document.definitions:
        if isinstance(definition, (SchemaDefinitionNode, SchemaExtensionNode)):
            continue
        if not isinstance(definition, TypeDefinitionNode) and not hasattr(definition, "name"):
            continue
        name = definition.name.value
        if names.is_machinery(name):
            continue
        kind = _KINDS.get(type(definition), "scalar")
        info = types.setdefault(name, TypeInfo(name, kind))
        _read_type_directives(info, definition, names)
        _read_fields(info, definition, names)
    for info in types.values():
        if not info.graphs:
            # Federation 1 value types carry no join__type: every subgraph has them.
            info.graphs = set(subgraphs)
    return types


def _read_type_directives(info: TypeInfo, definition: object, names: SpecNames) -> None:
    for directive in getattr(definition, "directives", None) or ():
        directive_name = directive.name.value
        args = directive_args(directive)
        if directive_name == names.type:
            graph = str(args["graph"])
            info.graphs.add(graph)
            if args.get("extension"):
                info.extension_graphs.add(graph)
            if args.get("isInterfaceObject"):
                info.interface_object_graphs.add(graph)
            key = args.get("key")
            if key is not None:
                selection = parse_field_set(str(key))
                resolvable = args.get("resolvable", True) is not False
                info.keys.append(Key(graph, str(key), selection, resolvable))
        elif directive_name == names.owner:
            info.owner = str(args["graph"])
        elif directive_name == names.implements:
            info.implements.setdefault(str(args["graph"]), set()).add(str(args["interface"]))
        elif directive_name == names.union_member:
            info.members.setdefault(str(args["graph"]), set()).add(str(args["member"]))
    for value in getattr(definition, "values", None) or ():
        if not isinstance(definition, (EnumTypeDefinitionNode, EnumTypeExtensionNode)):
            break
        graphs = info.enum_values.setdefault(value.name.value, set())
        for directive in value.directives or ():
            if directive.name.value == names.enum_value:
                graphs.add(str(directive_args(directive)["graph"]))


def _read_fields(info: TypeInfo, definition: object, names: SpecNames) -> None:
    if info.kind not in ("object", "interface"):
        return
    for field_node in getattr(definition, "fields", None) or ():
        per_graph: dict[str, FieldInGraph] = {}
        graphless = False
        for directive in field_node.directives or ():
            if directive.name.value != names.field:
                continue
            args = directive_args(directive)
            graph = args.get("graph")
            if graph is None:
                # No subgraph resolves it on this type: it comes from an @interfaceObject.
                graphless = True
                continue
            requires = args.get("requires")
            provides = args.get("provides")
            per_graph[str(graph)] = FieldInGraph(
                graph=str(graph),
                requires=parse_field_set(str(requires)) if requires else None,
                provides=parse_field_set(str(provides)) if provides else None,
                external=bool(args.get("external")),
                type=str(args["type"]) if args.get("type") else None,
                override=str(args["override"]) if args.get("override") else None,
                override_label=str(args["overrideLabel"]) if args.get("overrideLabel") else None,
                used_overridden=bool(args.get("usedOverridden")),
            )
        if per_graph or graphless:
            info.fields[field_node.name.value] = per_graph
