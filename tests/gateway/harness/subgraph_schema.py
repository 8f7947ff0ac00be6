"""Builds an executable graphql-core schema for a fixture subgraph from its SDL and resolver module."""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InterfaceTypeDefinitionNode,
    InterfaceTypeExtensionNode,
    ObjectTypeDefinitionNode,
    ObjectTypeExtensionNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    build_ast_schema,
    parse,
)

Record = dict[str, Any]
ReferenceResolver = Callable[[Record], Record | None]

FEDERATION_ADDITIONS = """
scalar _Any
type _Service { sdl: String }
"""

KEY_DIRECTIVES = frozenset({"key", "federation__key"})


@dataclass(frozen=True, slots=True)
class KeyShape:
    """One @key of an entity type, as a tree of field names (compound and nested keys)."""

    fields: tuple[tuple[str, KeyShape | None], ...]


@dataclass(slots=True)
class SubgraphDefinition:
    """A fixture subgraph: its raw SDL (served by `_service`) and its data module."""

    name: str
    sdl: str
    resolvers: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    entities: Mapping[str, list[Record]] = field(default_factory=dict)
    reference_resolvers: Mapping[str, ReferenceResolver] = field(default_factory=dict)


def define_subgraph(name: str, sdl: str, module: types.ModuleType | None) -> SubgraphDefinition:
    """Reads RESOLVERS, ENTITIES and REFERENCE_RESOLVERS from a fixture's data module."""
    if module is None:
        return SubgraphDefinition(name=name, sdl=sdl)
    return SubgraphDefinition(
        name=name,
        sdl=sdl,
        resolvers=getattr(module, "RESOLVERS", {}),
        entities=getattr(module, "ENTITIES", {}),
        reference_resolvers=getattr(module, "REFERENCE_RESOLVERS", {}),
    )


def parse_key_shape(fields: str) -> KeyShape:
    """Parses a field set such as `id organization { id }` into a KeyShape."""
    document = parse("{" + fields + "}")
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return _shape_of(operation.selection_set)


def _shape_of(selection_set: SelectionSetNode) -> KeyShape:
    entries: list[tuple[str, KeyShape | None]] = []
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            nested = _shape_of(selection.selection_set) if selection.selection_set else None
            entries.append((selection.name.value, nested))
    return KeyShape(tuple(entries))


def _key_shapes_of(document: DocumentNode) -> dict[str, list[KeyShape]]:
    shapes: dict[str, list[KeyShape]] = {}
    for definition in document.definitions:
        if not isinstance(
            definition,
            ObjectTypeDefinitionNode
            | ObjectTypeExtensionNode
            | InterfaceTypeDefinitionNode
            | InterfaceTypeExtensionNode,
        ):
            continue
        for directive in definition.directives or ():
            if directive.name.value not in KEY_DIRECTIVES:
                continue
            for argument in directive.arguments or ():
                if argument.name.value == "fields" and isinstance(argument.value, StringValueNode):
                    shapes.setdefault(definition.name.value, []).append(
                        parse_key_shape(argument.value.value)
                    )
    return shapes


def _promote_orphan_extensions(document: DocumentNode) -> DocumentNode:
    """Turns `extend type X` into `type X` when the subgraph never defines X (Federation 1 style)."""
    defined = {
        definition.name.value
        for definition in document.definitions
        if isinstance(definition, ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode)
    }
    promoted: list[Any] = []
    for definition in document.definitions:
        if isinstance(definition, ObjectTypeExtensionNode) and definition.name.value not in defined:
            defined.add(definition.name.value)
            definition = ObjectTypeDefinitionNode(
                name=definition.name,
                interfaces=definition.interfaces,
                directives=definition.directives,
                fields=definition.fields,
            )
        elif (
            isinstance(definition, InterfaceTypeExtensionNode)
            and definition.name.value not in defined
        ):
            defined.add(definition.name.value)
            definition = InterfaceTypeDefinitionNode(
                name=definition.name,
                interfaces=definition.interfaces,
                directives=definition.directives,
                fields=definition.fields,
            )
        promoted.append(definition)
    return DocumentNode(definitions=tuple(promoted))


def _matches(record: Mapping[str, Any], representation: Mapping[str, Any], shape: KeyShape) -> bool:
    for name, nested in shape.fields:
        if name not in representation or name not in record:
            return False
        wanted, have = representation[name], record[name]
        if nested is None:
            if wanted != have:
                return False
        elif (
            not isinstance(wanted, Mapping)
            or not isinstance(have, Mapping)
            or not _matches(have, wanted, nested)
        ):
            return False
    return True


class EntityResolver:
    """Resolves `_entities` representations by any @key they carry."""

    def __init__(self, definition: SubgraphDefinition, shapes: dict[str, list[KeyShape]]) -> None:
        self._definition = definition
        self._shapes = shapes

    def resolve(self, representation: Mapping[str, Any]) -> Record | None:
        typename = representation.get("__typename")
        if not isinstance(typename, str):
            raise ValueError("representation without __typename")
        custom = self._definition.reference_resolvers.get(typename)
        if custom is not None:
            found = custom(dict(representation))
        elif typename in self._definition.entities:
            found = self._find(typename, representation)
        else:
            # A type this subgraph only extends: every key denotes an entity.
            found = dict(representation)
        if found is None:
            return None
        merged = {**representation, **found}
        merged.setdefault("__typename", typename)
        if "__typename" not in found:
            merged["__typename"] = typename
        return merged

    def _find(self, typename: str, representation: Mapping[str, Any]) -> Record | None:
        for record in self._definition.entities[typename]:
            for shape in self._shapes.get(typename, []):
                if _matches(record, representation, shape):
                    return record
        return None


def build_subgraph_schema(definition: SubgraphDefinition) -> GraphQLSchema:
    """Builds the executable schema, adding `_Any`, `_Service`, `_Entity`, `_entities` and `_service`."""
    document = _promote_orphan_extensions(parse(definition.sdl))
    shapes = _key_shapes_of(document)
    entity_types = sorted(
        name
        for name in shapes
        if any(
            isinstance(d, ObjectTypeDefinitionNode) and d.name.value == name
            for d in document.definitions
        )
    )
    additions = FEDERATION_ADDITIONS
    entities_field = ""
    if entity_types:
        additions += "union _Entity = " + " | ".join(entity_types) + "\n"
        entities_field = "_entities(representations: [_Any!]!): [_Entity]!\n"
    has_query = any(
        isinstance(d, ObjectTypeDefinitionNode) and d.name.value == "Query"
        for d in document.definitions
    )
    keyword = "extend type" if has_query else "type"
    additions += f"{keyword} Query {{ {entities_field} _service: _Service! }}\n"
    full = DocumentNode(definitions=(*document.definitions, *parse(additions).definitions))
    schema = build_ast_schema(full, assume_valid_sdl=True)
    _attach_resolvers(schema, definition, EntityResolver(definition, shapes))
    return schema


def _attach_resolvers(
    schema: GraphQLSchema, definition: SubgraphDefinition, entity_resolver: EntityResolver
) -> None:
    query = schema.query_type
    assert query is not None
    sdl = definition.sdl

    def resolve_service(_root: Any, _info: GraphQLResolveInfo[Any]) -> Record:
        return {"sdl": sdl}

    def resolve_entities(
        _root: Any, _info: GraphQLResolveInfo[Any], representations: list[Record]
    ) -> list[Record | None]:
        return [entity_resolver.resolve(representation) for representation in representations]

    query.fields["_service"].resolve = resolve_service
    if "_entities" in query.fields:
        query.fields["_entities"].resolve = resolve_entities
    for coordinate, resolver in definition.resolvers.items():
        type_name, field_name = coordinate.split(".", 1)
        owner = schema.get_type(type_name)
        if not isinstance(owner, GraphQLObjectType) or field_name not in owner.fields:
            raise LookupError(f"{definition.name}: resolver for unknown field {coordinate}")
        owner.fields[field_name].resolve = resolver
