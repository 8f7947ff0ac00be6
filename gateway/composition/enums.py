"""Enum merging: union of values for output-only enums, intersection for input-only, equality for both."""

from __future__ import annotations

from .errors import CompositionProblem, describe_graphs
from .fieldset import named_type
from .state import CompositionState, TypeAcrossGraphs


def enum_usage(state: CompositionState) -> dict[str, set[str]]:
    """For each enum: whether any subgraph uses it as an input type, an output type, or both."""
    usage: dict[str, set[str]] = {}
    for merged in state.types.values():
        for typedef in merged.by_graph.values():
            for model in typedef.fields.values():
                position = "input" if merged.kind == "input" else "output"
                usage.setdefault(named_type(model.type), set()).add(position)
                for argument in model.args.values():
                    usage.setdefault(named_type(argument.type), set()).add("input")
    return usage


def merge_enum_values(
    merged: TypeAcrossGraphs, positions: set[str]
) -> tuple[list[str], list[CompositionProblem]]:
    graphs = list(merged.by_graph)
    defined_in: dict[str, list[str]] = {}
    for graph, typedef in merged.by_graph.items():
        for value in typedef.values:
            defined_in.setdefault(value, []).append(graph)
    if positions == {"input"}:
        values = [v for v, where in defined_in.items() if len(where) == len(graphs)]
        if not values:
            problem = CompositionProblem(
                "EMPTY_MERGED_ENUM_TYPE",
                merged.name,
                f"used only as an input type, and no value is defined in every subgraph "
                f"defining it {describe_graphs(graphs)}",
                tuple(graphs),
            )
            return [], [problem]
        return values, []
    problems: list[CompositionProblem] = []
    if positions == {"input", "output"}:
        for value, where in defined_in.items():
            if len(where) != len(graphs):
                missing = [g for g in graphs if g not in where]
                problems.append(
                    CompositionProblem(
                        "ENUM_VALUE_MISMATCH",
                        f"{merged.name}.{value}",
                        f"enum used as both input and output type must have the same values "
                        f"everywhere: defined in {describe_graphs(where)} "
                        f"but not in {describe_graphs(missing)}",
                        tuple(sorted(graphs)),
                    )
                )
    return list(defined_in), problems
