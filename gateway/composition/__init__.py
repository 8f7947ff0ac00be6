"""Federation 2 composition: subgraph SDLs in, a supergraph SDL with `join__*` directives out."""

from __future__ import annotations

from .errors import CompositionError, CompositionProblem, SubgraphSchemaError
from .pipeline import compose
from .source import (
    SubgraphLocation,
    SubgraphSource,
    fetch_subgraph_sdl,
    load_subgraph_sources,
    parse_subgraph_argument,
)

__all__ = [
    "CompositionError",
    "CompositionProblem",
    "SubgraphLocation",
    "SubgraphSchemaError",
    "SubgraphSource",
    "compose",
    "fetch_subgraph_sdl",
    "load_subgraph_sources",
    "parse_subgraph_argument",
]
