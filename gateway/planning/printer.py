"""Pretty-prints a query plan the way federation tooling does, for snapshots and `modelplane plan`."""

from __future__ import annotations

from graphql import parse, print_ast

from gateway.planning.plan import Condition, Fetch, Flatten, Parallel, PlanNode, QueryPlan, Sequence


def print_plan(plan: QueryPlan) -> str:
    if plan.node is None:
        return "QueryPlan {\n}"
    return "QueryPlan {\n" + _print(plan.node, 1) + "\n}"


def _pretty_query(query: str, indent: str) -> str:
    try:
        text = print_ast(parse(query, no_location=True))
    except Exception:
        text = query
    return "\n".join(indent + line for line in text.splitlines())


def _print(node: PlanNode, depth: int) -> str:
    pad = "  " * depth
    if isinstance(node, Fetch):
        return (
            f'{pad}Fetch(service: "{node.service_name}") {{\n'
            + _pretty_query(node.query, pad + "  ")
            + f"\n{pad}}},"
        )
    if isinstance(node, Flatten):
        paths = node.node.paths or (node.path,)
        inner = _print(node.node, depth + 1)
        if len(paths) == 1:
            return f'{pad}Flatten(path: "{".".join(paths[0])}") {{\n{inner}\n{pad}}},'
        listed = ", ".join(f'"{".".join(p)}"' for p in paths)
        return f"{pad}Flatten(paths: [{listed}]) {{\n{inner}\n{pad}}},"
    if isinstance(node, (Sequence, Parallel)):
        name = "Sequence" if isinstance(node, Sequence) else "Parallel"
        inner = "\n".join(_print(child, depth + 1) for child in node.nodes)
        return f"{pad}{name} {{\n{inner}\n{pad}}},"
    if isinstance(node, Condition):
        parts = [f"{pad}Include(if: ${node.variable}) {{" if node.if_true else f"{pad}Skip(if: ${node.variable}) {{"]
        body = node.if_true if node.if_true is not None else node.if_false
        assert body is not None
        parts.append(_print(body, depth + 1))
        parts.append(f"{pad}}},")
        return "\n".join(parts)
    raise TypeError(f"unknown plan node {node!r}")
