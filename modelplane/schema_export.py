"""`modelplane schema export`: each subgraph's SDL, the composed supergraph and the API schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphql import print_schema

from modelplane.standalone import SUBGRAPHS, compose_own_supergraph, subgraph_sdl

STANDALONE_BASE_URL = "http://127.0.0.1:8000"


def render_schema_files() -> dict[str, str]:
    from gateway.supergraph import parse_supergraph

    files = {f"{name}.graphql": subgraph_sdl(name).rstrip() + "\n" for name in SUBGRAPHS}
    supergraph = compose_own_supergraph(STANDALONE_BASE_URL)
    files["supergraph.graphql"] = supergraph.rstrip() + "\n"
    files["api.graphql"] = print_schema(parse_supergraph(supergraph).api_schema).rstrip() + "\n"
    return files


def export_command(args: argparse.Namespace) -> int:
    output = Path(args.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, text in render_schema_files().items():
        path = output / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"schema files out of date: {', '.join(stale)} (run `modelplane schema export`)", file=sys.stderr)
        return 1
    print("schema files " + ("checked" if args.check else f"written to {output}"))
    return 0
