"""One subgraph's schema, read from its SDL with the federation machinery taken out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graphql import GraphQLError
from graphql.language import (
    BooleanValueNode,
    ConstDirectiveNode,
    ConstValueNode,
    DirectiveDefinitionNode,
    DocumentNode,
    EnumTypeDefinitionNode,
    EnumTypeExtensionNode,
    FieldDefinitionNode,
    InputObjectTypeDefinitionNode,
    InputObjectTypeExtensionNode,
    InputValueDefinitionNode,
    InterfaceTypeDefinitionNode,
    InterfaceTypeExtensionNode,
    IntValueNode,
    ListTypeNode,
    ListValueNode,
    NamedTypeNode,
    NonNullTypeNode,
    ObjectTypeDefinitionNode,
    ObjectTypeExtensionNode,
    ScalarTypeDefinitionNode,
    ScalarTypeExtensionNode,
    SchemaDefinitionNode,
    SchemaExtensionNode,
    StringValueNode,
    TypeDefinitionNode,
    TypeExtensionNode,
    TypeNode,
    UnionTypeDefinitionNode,
    UnionTypeExtensionNode,
    ValueNode,
    parse,
)

from .errors import CompositionProblem, SubgraphSchemaError
from .links import FederationNames, LinkedSpec, read_federation_names
from .source import SubgraphSource

ROOT_NAMES = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}
MACHINERY_TYPES = frozenset({"_Service", "_Entity", "_Any", "_FieldSet", "FieldSet"})
MACHINERY_FIELDS = frozenset({"_service", "_entities"})
BUILT_IN_SCALARS = frozenset({"String", "Int", "Float", "Boolean", "ID"})
KEPT_BUILT_IN_DIRECTIVES = frozenset({"deprecated", "specifiedBy", "oneOf"})

_KINDS: dict[type, str] = {
    ScalarTypeDefinitionNode: "scalar",
    ScalarTypeExtensionNode: "scalar",
    ObjectTypeDefinitionNode: "object",
    ObjectTypeExtensionNode: "object",
    InterfaceTypeDefinitionNode: "interface",
    InterfaceTypeExtensionNode: "interface",
    UnionTypeDefinitionNode: "union",
    UnionTypeExtensionNode: "union",
    EnumTypeDefinitionNode: "enum",
    EnumTypeExtensionNode: "enum",
    InputObjectTypeDefinitionNode: "input",
    InputObjectTypeExtensionNode: "input",
}


@dataclass(slots=True)
class Key:
    fields: str
    resolvable: bool = True


@dataclass(slots=True)
class Applied:
    """Directives that composition carries into the supergraph."""

    inaccessible: bool = False
    tags: list[str] = field(default_factory=list)
    authenticated: bool = False
    scopes: list[list[str]] | None = None
    policies: list[list[str]] | None = None
    cost: int | None = None
    list_size: ConstDirectiveNode | None = None
    deprecated: ConstDirectiveNode | None = None
    others: list[ConstDirectiveNode] = field(default_factory=list)


@dataclass(slots=True)
class Argument:
    name: str
    type: TypeNode
    default: ConstValueNode | None
    description: str | None
    applied: Applied


@dataclass(slots=True)
class Field:
    name: str
    type: TypeNode
    description: str | None
    applied: Applied
    args: dict[str, Argument] = field(default_factory=dict)
    default: ConstValueNode | None = None
    external: bool = False
    shareable: bool = False
    requires: str | None = None
    provides: str | None = None
    override: str | None = None
    override_label: str | None = None


@dataclass(slots=True)
class EnumValue:
    name: str
    description: str | None
    applied: Applied


@dataclass(slots=True)
class TypeDef:
    name: str
    kind: str
    description: str | None = None
    applied: Applied = field(default_factory=Applied)
    has_definition: bool = False
    has_extension: bool = False
    extends_directive: bool = False
    keys: list[Key] = field(default_factory=list)
    shareable: bool = False
    interface_object: bool = False
    interfaces: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    values: dict[str, EnumValue] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)
    specified_by: ConstDirectiveNode | None = None

    @property
    def is_extension(self) -> bool:
        return self.has_extension and not self.has_definition


@dataclass(slots=True)
class Subgraph:
    name: str
    url: str
    names: FederationNames
    types: dict[str, TypeDef]
    composed: dict[str, DirectiveDefinitionNode]  # directive name -> its definition
    composed_links: list[LinkedSpec]

    @property
    def version(self) -> str:
        return self.names.version


def read_subgraph(source: SubgraphSource) -> Subgraph:
    """Parse one subgraph's SDL into the model composition works on."""
    try:
        document = parse(source.sdl)
    except GraphQLError as error:
        raise SubgraphSchemaError(
            [CompositionProblem("INVALID_GRAPHQL", source.name, error.message, (source.name,))]
        ) from None
    names = read_federation_names(document)
    reader = _SubgraphReader(source.name, names, _read_root_renames(document))
    composed_names = reader.read_composed_names(document)
    for definition in document.definitions:
        kind = _KINDS.get(type(definition))
        if kind is not None and isinstance(definition, TypeDefinitionNode | TypeExtensionNode):
            reader.read_type(definition, kind, composed_names)
    reader.drop_machinery()
    composed = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, DirectiveDefinitionNode)
        and definition.name.value in composed_names
    }
    links = [
        link
        for link in names.other_links
        if any(local[1:] in composed_names for local in link.imports)
    ]
    if reader.problems:
        raise SubgraphSchemaError(reader.problems)
    return Subgraph(source.name, source.url, names, reader.types, composed, links)


def _read_root_renames(document: DocumentNode) -> dict[str, str]:
    renames: dict[str, str] = {}
    for definition in document.definitions:
        if isinstance(definition, SchemaDefinitionNode | SchemaExtensionNode):
            for operation in definition.operation_types or ():
                renames[operation.type.name.value] = ROOT_NAMES[operation.operation.value]
    return {old: new for old, new in renames.items() if old != new}


class _SubgraphReader:
    def __init__(self, name: str, names: FederationNames, renames: dict[str, str]) -> None:
        self.name = name
        self.names = names
        self.renames = renames
        self.types: dict[str, TypeDef] = {}
        self.problems: list[CompositionProblem] = []

    def read_composed_names(self, document: DocumentNode) -> set[str]:
        composed: set[str] = set()
        for definition in document.definitions:
            if isinstance(definition, SchemaDefinitionNode | SchemaExtensionNode):
                for directive in definition.directives or ():
                    if self.names.canonical(directive.name.value) == "composeDirective":
                        name = _string_argument(directive, "name")
                        if name:
                            composed.add(name.lstrip("@"))
        return composed

    def rename(self, type_node: TypeNode) -> TypeNode:
        if isinstance(type_node, NonNullTypeNode):
            inner = self.rename(type_node.type)
            assert isinstance(inner, NamedTypeNode | ListTypeNode)
            return NonNullTypeNode(type=inner)
        if isinstance(type_node, ListTypeNode):
            return ListTypeNode(type=self.rename(type_node.type))
        assert isinstance(type_node, NamedTypeNode)
        name = type_node.name.value
        if name in self.renames:
            return NamedTypeNode(name=type(type_node.name)(value=self.renames[name]))
        return type_node

    def read_type(
        self, node: TypeDefinitionNode | TypeExtensionNode, kind: str, composed: set[str]
    ) -> None:
        raw_name = node.name.value
        if raw_name in MACHINERY_TYPES or raw_name.startswith(self.names.type_prefixes):
            return
        if kind == "scalar" and raw_name in BUILT_IN_SCALARS:
            return
        name = self.renames.get(raw_name, raw_name)
        directives = list(getattr(node, "directives", None) or ())
        canonical = {self.names.canonical(d.name.value) for d in directives}
        if kind == "object" and "interfaceObject" in canonical:
            kind = "interface"
        typedef = self.types.get(name)
        if typedef is None:
            typedef = self.types[name] = TypeDef(name, kind)
        elif typedef.kind != kind:
            self.problems.append(
                CompositionProblem(
                    "TYPE_KIND_MISMATCH",
                    name,
                    f"defined as both {typedef.kind} and {kind} in [{self.name}]",
                    (self.name,),
                )
            )
            return
        is_extension = "Extension" in type(node).__name__
        typedef.has_extension |= is_extension
        typedef.has_definition |= not is_extension
        description = getattr(node, "description", None)
        if description is not None and typedef.description is None:
            typedef.description = description.value
        type_external = "external" in canonical
        type_shareable = "shareable" in canonical
        for directive in directives:
            self.read_type_directive(typedef, directive, composed)
        for interface in getattr(node, "interfaces", None) or ():
            if interface.name.value not in typedef.interfaces:
                typedef.interfaces.append(interface.name.value)
        for member in getattr(node, "types", None) or ():
            member_name = self.renames.get(member.name.value, member.name.value)
            if member_name not in typedef.members:
                typedef.members.append(member_name)
        for value in getattr(node, "values", None) or ():
            typedef.values[value.name.value] = EnumValue(
                value.name.value,
                value.description.value if value.description else None,
                self.read_applied(value.directives, composed),
            )
        seen: set[str] = set()
        for field_node in getattr(node, "fields", None) or ():
            if name == "Query" and field_node.name.value in MACHINERY_FIELDS:
                continue
            model = self.read_field(field_node, composed)
            if model.name in seen:
                self.problems.append(
                    CompositionProblem(
                        "INVALID_GRAPHQL",
                        f"{name}.{model.name}",
                        f"defined more than once in [{self.name}]",
                        (self.name,),
                    )
                )
            seen.add(model.name)
            model.external |= type_external
            model.shareable |= type_shareable
            typedef.fields[model.name] = model

    def read_type_directive(
        self, typedef: TypeDef, directive: ConstDirectiveNode, composed: set[str]
    ) -> None:
        canonical = self.names.canonical(directive.name.value)
        if canonical == "key":
            fields = _string_argument(directive, "fields") or ""
            resolvable = _boolean_argument(directive, "resolvable", True)
            typedef.keys.append(Key(fields, resolvable))
        elif canonical == "shareable":
            typedef.shareable = True
        elif canonical == "interfaceObject":
            typedef.interface_object = True
        elif canonical == "extends":
            typedef.extends_directive = True
        elif directive.name.value == "specifiedBy":
            typedef.specified_by = directive
        else:
            self.apply_directive(typedef.applied, directive, composed)

    def read_field(
        self, node: FieldDefinitionNode | InputValueDefinitionNode, composed: set[str]
    ) -> Field:
        description = getattr(node, "description", None)
        model = Field(
            node.name.value,
            self.rename(node.type),
            description.value if description else None,
            Applied(),
        )
        if isinstance(node, InputValueDefinitionNode):
            model.default = node.default_value
        for argument in getattr(node, "arguments", None) or ():
            model.args[argument.name.value] = Argument(
                argument.name.value,
                self.rename(argument.type),
                argument.default_value,
                argument.description.value if argument.description else None,
                self.read_applied(argument.directives, composed),
            )
        for directive in getattr(node, "directives", None) or ():
            canonical = self.names.canonical(directive.name.value)
            if canonical == "external":
                model.external = True
            elif canonical == "shareable":
                model.shareable = True
            elif canonical == "requires":
                model.requires = _string_argument(directive, "fields")
            elif canonical == "provides":
                model.provides = _string_argument(directive, "fields")
            elif canonical == "override":
                model.override = _string_argument(directive, "from")
                model.override_label = _string_argument(directive, "label")
            else:
                self.apply_directive(model.applied, directive, composed)
        return model

    def read_applied(
        self, directives: Sequence[ConstDirectiveNode] | None, composed: set[str]
    ) -> Applied:
        applied = Applied()
        for directive in directives or ():
            self.apply_directive(applied, directive, composed)
        return applied

    def apply_directive(
        self, applied: Applied, directive: ConstDirectiveNode, composed: set[str]
    ) -> None:
        local = directive.name.value
        canonical = self.names.canonical(local)
        if canonical == "inaccessible":
            applied.inaccessible = True
        elif canonical == "tag":
            tag = _string_argument(directive, "name")
            if tag is not None and tag not in applied.tags:
                applied.tags.append(tag)
        elif canonical == "authenticated":
            applied.authenticated = True
        elif canonical == "requiresScopes":
            applied.scopes = _nested_strings(directive, "scopes")
        elif canonical == "policy":
            applied.policies = _nested_strings(directive, "policies")
        elif canonical == "cost":
            weight = _argument(directive, "weight")
            if isinstance(weight, IntValueNode):
                applied.cost = int(weight.value)
        elif canonical == "listSize":
            applied.list_size = directive
        elif canonical is not None:
            return
        elif local == "deprecated":
            applied.deprecated = directive
        elif local in composed:
            applied.others.append(directive)

    def drop_machinery(self) -> None:
        query = self.types.get("Query")
        if query is not None and not query.fields:
            del self.types["Query"]
        for typedef in self.types.values():
            typedef.members = [m for m in typedef.members if m not in MACHINERY_TYPES]


def _argument(directive: ConstDirectiveNode, name: str) -> ValueNode | None:
    for argument in directive.arguments or ():
        if argument.name.value == name:
            return argument.value
    return None


def _string_argument(directive: ConstDirectiveNode, name: str) -> str | None:
    value = _argument(directive, name)
    return value.value if isinstance(value, StringValueNode) else None


def _boolean_argument(directive: ConstDirectiveNode, name: str, default: bool) -> bool:
    value = _argument(directive, name)
    return value.value if isinstance(value, BooleanValueNode) else default


def _nested_strings(directive: ConstDirectiveNode, name: str) -> list[list[str]]:
    value = _argument(directive, name)
    groups: list[list[str]] = []
    if isinstance(value, ListValueNode):
        for group in value.values:
            items = group.values if isinstance(group, ListValueNode) else [group]
            groups.append([item.value for item in items if isinstance(item, StringValueNode)])
    return groups
