"""Composition errors: each problem names its rule, schema coordinate and subgraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from common.errors import ModelplaneError


@dataclass(frozen=True, slots=True)
class CompositionProblem:
    """One rule broken by the subgraphs, e.g. FIELD_TYPE_MISMATCH at `Product.price`."""

    code: str
    coordinate: str
    message: str
    subgraphs: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f" {self.coordinate}:" if self.coordinate else ""
        return f"[{self.code}]{where} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "coordinate": self.coordinate,
            "message": self.message,
            "subgraphs": list(self.subgraphs),
        }


class CompositionError(ModelplaneError):
    """The subgraphs cannot be composed into one supergraph."""

    code = "COMPOSITION_FAILED"
    http_status = 400

    def __init__(self, problems: Sequence[CompositionProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        count = len(self.problems)
        super().__init__(
            f"composition failed with {count} problem{'s' if count != 1 else ''}:\n{lines}",
            problems=[problem.as_dict() for problem in self.problems],
        )


class SubgraphSchemaError(CompositionError):
    """One subgraph's SDL is not a usable federation subgraph schema."""

    code = "INVALID_SUBGRAPH_SCHEMA"


def describe_graphs(names: Sequence[str]) -> str:
    """`[a, b]`: the notation problems use to list subgraphs."""
    return "[" + ", ".join(sorted(names)) + "]"
