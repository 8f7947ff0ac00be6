"""Generates, once per plan, Python code that shapes merged data into the client's response.

The generated code is the fast path: it walks the client's selection with plain dict
operations. Anything unusual — a null or absent value in a non-null position, a value of
the wrong shape — makes it give up (`Fallback`), and the interpreting `ResponseShaper`
redoes the response with full null propagation and error paths.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLList, GraphQLNonNull, GraphQLOutputType

from gateway.planning.operation import Field


class Fallback(Exception):
    """The fast path met something only the interpreter handles."""


_MISSING = object()
ShapeFunction = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


class _Generator:
    def __init__(
        self, abstract: frozenset[str], restricted_enums: dict[str, frozenset[str]]
    ) -> None:
        self.abstract = abstract
        self.restricted = restricted_enums
        self.functions: list[str] = []
        self.constants: dict[str, Any] = {}
        self.counter = 0

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"_{prefix}{self.counter}"

    def constant(self, value: Any) -> str:
        name = self.name("c")
        self.constants[name] = value
        return name

    def object_function(self, fields: list[Field], type_name: str) -> str:
        name = self.name("o")
        if any(item.condition for item in fields):
            body = ["    r = {}"]
            for item in fields:
                body.extend(self.field_lines(item, type_name))
            body.append("    return r")
        else:
            body = self.literal_object(fields, type_name)
        self.functions.append(f"def {name}(o, V):\n" + "\n".join(body))
        return name

    def literal_object(self, fields: list[Field], type_name: str) -> list[str]:
        """The common case, no conditions: one dict literal, checks after."""
        lines: list[str] = []
        entries: list[str] = []
        required: list[str] = []
        for index, item in enumerate(fields):
            key = item.response_key
            if item.name == "__typename":
                entries.append(f"{key!r}: {type_name!r}")
                continue
            assert item.type is not None
            non_null = isinstance(item.type, GraphQLNonNull)
            inner: Any = item.type.of_type if non_null else item.type  # type: ignore[union-attr]
            allowed = self.restricted.get(item.type_name)
            if item.selections is None and not isinstance(inner, GraphQLList) and allowed is None:
                if non_null:
                    required.append(key)
                entries.append(f"{key!r}: o.get({key!r})")
                continue
            local = f"v{index}"
            lines.append(f"    {local} = o.get({key!r})")
            if isinstance(inner, GraphQLList):
                call = f"{self.list_function(item, inner.of_type)}({local}, V)"
            elif item.selections is None:
                constant = self.constant(allowed)
                lines.append(f"    if {local} is not None and {local} not in {constant}:")
                lines.append("        raise FB")
                call = local
            else:
                call = self.composite_call(item, local)
            if call != local:
                lines.append(f"    if {local} is not None:")
                lines.append(f"        {local} = {call}")
            if non_null:
                lines.append("    else:" if call != local else f"    if {local} is None:")
                lines.append("        raise FB")
            entries.append(f"{key!r}: {local}")
        lines.append("    r = {" + ", ".join(entries) + "}")
        if required:
            test = " or ".join(f"r[{key!r}] is None" for key in required)
            lines.append(f"    if {test}:")
            lines.append("        raise FB")
        lines.append("    return r")
        return lines

    def condition(self, item: Field) -> str | None:
        if not item.condition:
            return None
        alternatives = [
            "(" + " and ".join(f"bool(V.get({v!r})) is {e}" for v, e in condition) + ")"
            for condition in item.conditions
        ]
        return " or ".join(alternatives)

    def field_lines(self, item: Field, type_name: str) -> list[str]:
        key = item.response_key
        test = self.condition(item)
        indent = "    " if test is None else "        "
        lines: list[str] = [] if test is None else [f"    if {test}:"]
        if item.name == "__typename":
            lines.append(f"{indent}r[{key!r}] = {type_name!r}")
            return lines
        assert item.type is not None
        lines.append(f"{indent}v = o.get({key!r}, M)")
        lines.extend(self.value_lines(item, item.type, "v", f"r[{key!r}]", indent))
        return lines

    def value_lines(
        self, item: Field, graphql_type: GraphQLOutputType, source: str, target: str, indent: str
    ) -> list[str]:
        non_null = isinstance(graphql_type, GraphQLNonNull)
        inner: Any = graphql_type.of_type if non_null else graphql_type  # type: ignore[union-attr]
        lines = [f"{indent}if {source} is None or {source} is M:"]
        lines.append(f"{indent}    raise FB" if non_null else f"{indent}    {target} = None")
        lines.append(f"{indent}else:")
        deeper = indent + "    "
        if isinstance(inner, GraphQLList):
            function = self.list_function(item, inner.of_type)
            lines.append(f"{deeper}{target} = {function}({source}, V)")
        elif item.selections is None:
            allowed = self.restricted.get(item.type_name)
            if allowed is not None:
                constant = self.constant(allowed)
                lines.append(f"{deeper}if {source} not in {constant}:")
                lines.append(f"{deeper}    raise FB")
            lines.append(f"{deeper}{target} = {source}")
        else:
            lines.append(f"{deeper}{target} = {self.composite_call(item, source)}")
        return lines

    def composite_call(self, item: Field, source: str) -> str:
        assert item.selections is not None
        if len(item.selections) == 1 and item.type_name not in self.abstract:
            (concrete, fields), = item.selections.items()
            function = self.object_function(fields, concrete)
            return f"{function}({source}, V) if {source}.__class__ is dict else _fb()"
        dispatch = {
            concrete: self.object_function(fields, concrete)
            for concrete, fields in item.selections.items()
        }
        name = self.name("d")
        table = "{" + ", ".join(f"{k!r}: {v}" for k, v in dispatch.items()) + "}"
        self.functions.append(
            f"def {name}(o, V):\n"
            f"    if o.__class__ is not dict:\n        raise FB\n"
            f"    f = {name}_table.get(o.get('__typename'))\n"
            f"    if f is None:\n        raise FB\n"
            f"    return f(o, V)"
        )
        self.functions.append(f"{name}_table = {table}")
        return f"{name}({source}, V)"

    def list_function(self, item: Field, item_type: GraphQLOutputType) -> str:
        name = self.name("l")
        body = [
            f"def {name}(v, V):",
            "    if v.__class__ is not list:",
            "        raise FB",
            "    out = []",
            "    ap = out.append",
            "    for x in v:",
        ]
        body.extend(self.value_lines(item, item_type, "x", "y", "        "))
        body.append("        ap(y)")
        body.append("    return out")
        self.functions.append("\n".join(body))
        return name


def _raise_fallback() -> Any:
    raise Fallback


def compile_shaper(
    fields: list[Field],
    root_type: str,
    abstract: frozenset[str],
    restricted_enums: dict[str, frozenset[str]],
) -> ShapeFunction:
    generator = _Generator(abstract, restricted_enums)
    root = generator.object_function(fields, root_type)
    source = "\n\n".join(generator.functions)
    namespace: dict[str, Any] = {"M": _MISSING, "FB": Fallback, "_fb": _raise_fallback}
    namespace.update(generator.constants)
    exec(compile(source, f"<shaper {root_type}>", "exec"), namespace)
    function: ShapeFunction = namespace[root]
    return function
