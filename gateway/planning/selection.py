"""Selection sets being built for one subgraph operation, and their printing."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import FieldNode, print_ast

from gateway.planning.operation import Condition


@dataclass(slots=True)
class SubField:
    response_key: str
    name: str
    node: FieldNode | None  # None for fields the planner adds (keys, requires, __typename)
    condition: Condition = ()
    selection: Selection | None = None
    source_key: str | None = None  # in a representation: where the parent fetch put the value
    type_repr: str | None = None  # the field's type in the fetch's subgraph
    output_key: str | None = None  # set when the subgraph query must alias the field


@dataclass(slots=True)
class Selection:
    fields: dict[str, SubField] = field(default_factory=dict)
    fragments: dict[str, Selection] = field(default_factory=dict)  # type condition -> selection
    as_type: str | None = None  # a representation sent as its interface (@interfaceObject)

    def add_field(
        self, response_key: str, name: str, node: FieldNode | None, condition: Condition = ()
    ) -> SubField:
        existing = self.fields.get(response_key)
        if existing is not None:
            if existing.condition and existing.condition != condition:
                existing.condition = ()
            return existing
        sub = SubField(response_key, name, node, condition)
        self.fields[response_key] = sub
        return sub

    def add_typename(self) -> None:
        if "__typename" not in self.fields:
            self.fields["__typename"] = SubField("__typename", "__typename", None)

    def fragment(self, type_name: str) -> Selection:
        existing = self.fragments.get(type_name)
        if existing is None:
            existing = self.fragments[type_name] = Selection()
        return existing

    def is_empty(self) -> bool:
        return not self.fields and not any(not f.is_empty() for f in self.fragments.values())


def alias_type_conflicts(selection: Selection) -> bool:
    """Fields with one response key but different types in sibling fragments (a union's
    members may disagree on nullability) are invalid in one query: alias all but the first."""
    renamed = False
    seen: dict[str, str | None] = {}
    for type_name, fragment in selection.fragments.items():
        for key in list(fragment.fields):
            sub = fragment.fields[key]
            if key in seen and seen[key] != sub.type_repr and sub.output_key is None:
                alias = f"{key}__{type_name}"
                del fragment.fields[key]
                sub.output_key, sub.response_key = key, alias
                fragment.fields[alias] = sub
                renamed = True
            else:
                seen.setdefault(key, sub.type_repr)
    for sub in selection.fields.values():
        if sub.selection is not None:
            renamed |= alias_type_conflicts(sub.selection)
    for fragment in selection.fragments.values():
        for sub in fragment.fields.values():
            if sub.selection is not None:
                renamed |= alias_type_conflicts(sub.selection)
    return renamed


def restore_aliases(value: object, selection: Selection) -> None:
    """Undo alias_type_conflicts in a subgraph response."""
    if isinstance(value, list):
        for item in value:
            restore_aliases(item, selection)
        return
    if not isinstance(value, dict):
        return
    for sub in selection.fields.values():
        if sub.selection is not None and sub.response_key in value:
            restore_aliases(value[sub.response_key], sub.selection)
    fragment = selection.fragments.get(value.get("__typename"))  # type: ignore[arg-type]
    if fragment is not None:
        for sub in fragment.fields.values():
            if sub.selection is not None and sub.response_key in value:
                restore_aliases(value[sub.response_key], sub.selection)
            if sub.output_key is not None and sub.response_key in value:
                value[sub.output_key] = value.pop(sub.response_key)


def print_selection(selection: Selection, variables: set[str]) -> str:
    parts: list[str] = []
    for sub in selection.fields.values():
        parts.append(_print_field(sub, variables))
    for type_name, fragment in selection.fragments.items():
        if fragment.is_empty():
            continue
        parts.append(f"...on {type_name}{{{print_selection(fragment, variables)}}}")
    return " ".join(parts) if parts else "__typename"


def _print_field(sub: SubField, variables: set[str]) -> str:
    text = sub.name if sub.response_key == sub.name else f"{sub.response_key}:{sub.name}"
    node = sub.node
    if node is not None:
        if node.arguments:
            args = ",".join(print_ast(a) for a in node.arguments)
            text += f"({args})"
            _collect_variables(node.arguments, variables)
        for directive in node.directives or ():
            text += " " + print_ast(directive)
            _collect_variables(directive.arguments or (), variables)
    for variable, expected in sub.condition:
        text += f" @{'include' if expected else 'skip'}(if:${variable})"
        variables.add(variable)
    if sub.selection is not None:
        text += "{" + print_selection(sub.selection, variables) + "}"
    return text


def _collect_variables(nodes: object, variables: set[str]) -> None:
    from graphql import VariableNode, visit
    from graphql.language import Visitor

    class Collector(Visitor):
        def enter_variable(self, node: VariableNode, *_: object) -> None:
            variables.add(node.name.value)

    for node in nodes:  # type: ignore[attr-defined]
        visit(node, Collector())
