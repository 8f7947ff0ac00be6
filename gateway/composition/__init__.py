"""Federation 2 composition: subgraph SDLs in, a supergraph SDL with `join__*` directives out."""

from __future__ import annotations

from .errors import CompositionError, CompositionProblem, SubgraphSchemaError
from .pipeline import compose
from .source import SubgraphSource

__all__ = [
    "CompositionError",
    "CompositionProblem",
    "SubgraphSchemaError",
    "SubgraphSource",
    "compose",
]
