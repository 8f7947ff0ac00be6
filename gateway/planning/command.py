"""`modelplane plan SUPERGRAPH OPERATION`: print the query plan, and with --stages each stage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, validate

from common.errors import ModelplaneError
from gateway.planning.build_plan import build_plan
from gateway.planning.fetch_graph import FetchGraphBuilder
from gateway.planning.operation import Field, normalize_operation
from gateway.planning.plan import QueryPlan
from gateway.planning.printer import print_plan
from gateway.planning.selection import print_selection
from gateway.supergraph import load_supergraph_sdl, parse_supergraph
from gateway.supergraph.labels import with_override_labels


def plan_command(args: argparse.Namespace) -> int:
    try:
        supergraph = parse_supergraph(load_supergraph_sdl(args.supergraph))
        labels = [x.strip() for x in (getattr(args, "override_labels", "") or "").split(",") if x.strip()]
        unknown = sorted(set(labels) - supergraph.override_labels)
        if unknown:
            print(f"error: no progressive @override uses the label(s) {', '.join(unknown)}", file=sys.stderr)
            return 1
        supergraph = with_override_labels(supergraph, labels)[0]
        text = sys.stdin.read() if args.operation == "-" else Path(args.operation).read_text()
        print(render_plan(supergraph, text, args.operation_name, stages=args.stages))
    except ModelplaneError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def render_plan(supergraph: object, text: str, operation_name: str | None, *, stages: bool = False) -> str:
    from gateway.supergraph.model import Supergraph

    assert isinstance(supergraph, Supergraph)
    document = parse(text)
    problems = validate(supergraph.api_schema, document)
    if problems:
        return "\n".join(f"invalid operation: {p.message}" for p in problems)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    operation = operations[0]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    out: list[str] = []
    normalized = normalize_operation(supergraph.schema, operation, fragments)
    if stages:
        out.append("== 1. normalised operation ==")
        out.extend(_print_fields(normalized.fields, 0))
    fetches = FetchGraphBuilder(supergraph, normalized).build()
    if stages:
        out.append("== 2. fetch graph ==")
        for fetch in fetches:
            subgraph = supergraph.subgraph(fetch.graph).name
            deps = ",".join(str(d) for d in sorted(fetch.depends_on)) or "-"
            where = ".".join(fetch.path) or "(root)"
            out.append(f"[{fetch.id}] {subgraph} at {where} after {deps}: {print_selection(fetch.selection, set())}")
        out.append("== 3. plan ==")
    node = build_plan(supergraph, normalized, fetches)
    out.append(print_plan(QueryPlan(node, len(fetches))))
    return "\n".join(out)


def _print_fields(fields: list[Field], depth: int) -> list[str]:
    lines = []
    for item in fields:
        condition = "".join(f" @{'include' if e else 'skip'}(${v})" for v, e in item.condition)
        lines.append("  " * depth + f"{item.parent_type}.{item.name} as {item.response_key}{condition}")
        for concrete, children in (item.selections or {}).items():
            lines.append("  " * (depth + 1) + f"... on {concrete}")
            lines.extend(_print_fields(children, depth + 2))
    return lines
