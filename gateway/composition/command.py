"""`modelplane compose NAME=URL_OR_FILE ... -o FILE`: write a supergraph composed from subgraphs."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from common.errors import ModelplaneError

from .errors import CompositionError
from .pipeline import compose
from .source import (
    DEFAULT_URL_TEMPLATE,
    SubgraphLocation,
    load_subgraph_sources,
    parse_subgraph_argument,
)

MODELPLANE_SUBGRAPHS = ("registry", "catalog", "deploy")
SCHEMA_DIR = Path("schema")


def modelplane_subgraph_locations(schema_dir: Path = SCHEMA_DIR) -> list[SubgraphLocation]:
    """Modelplane's own subgraphs, from the SDL files `modelplane schema export` writes."""
    locations = [
        SubgraphLocation(
            name, str(schema_dir / f"{name}.graphql"), DEFAULT_URL_TEMPLATE.format(name=name)
        )
        for name in MODELPLANE_SUBGRAPHS
    ]
    missing = [loc.sdl_from for loc in locations if not Path(loc.sdl_from).is_file()]
    if missing:
        raise ModelplaneError(
            f"missing subgraph SDL files: {', '.join(missing)}",
            suggestion="run `modelplane schema export` first, or name the subgraphs: NAME=URL_OR_FILE",
        )
    return locations


def compose_command(args: argparse.Namespace) -> int:
    try:
        if args.subgraphs:
            locations = [parse_subgraph_argument(argument) for argument in args.subgraphs]
        else:
            locations = modelplane_subgraph_locations()
        sources = asyncio.run(load_subgraph_sources(locations))
        supergraph = compose(sources)
    except CompositionError as error:
        print(error.message, file=sys.stderr)
        return 1
    except ModelplaneError as error:
        hint = f"\n  {error.suggestion}" if error.suggestion else ""
        print(f"error: {error.message}{hint}", file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(supergraph)
    else:
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(supergraph, encoding="utf-8")
        names = ", ".join(source.name for source in sources)
        print(f"composed {names} into {output}", file=sys.stderr)
    return 0
