"""The input of composition: a subgraph's name, routing URL and SDL."""

from __future__ import annotations

from typing import NamedTuple


class SubgraphSource(NamedTuple):
    name: str
    url: str
    sdl: str
