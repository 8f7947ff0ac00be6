"""The supergraph: which subgraph resolves which type, field and key, and the client API schema."""

from gateway.supergraph.loader import load_supergraph_sdl
from gateway.supergraph.model import FieldInGraph, Key, Subgraph, Supergraph, parse_supergraph

__all__ = [
    "FieldInGraph",
    "Key",
    "Subgraph",
    "Supergraph",
    "load_supergraph_sdl",
    "parse_supergraph",
]
