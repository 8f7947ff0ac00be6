"""Composition test harness: inline subgraph SDLs in, printed supergraph types out."""

from __future__ import annotations

import os
import shutil
from textwrap import dedent

import pytest
from graphql.language import TypeDefinitionNode, parse, print_ast

from gateway.composition import CompositionError, SubgraphSource, compose

FEDERATION_2_IMPORTS = (
    '"@key", "@shareable", "@external", "@requires", "@provides", "@override", '
    '"@inaccessible", "@tag", "@interfaceObject", "@composeDirective", '
    '"@authenticated", "@requiresScopes", "@policy"'
)


def federation_2(sdl: str, version: str = "v2.6") -> str:
    """A Federation 2 subgraph SDL: the @link to the federation spec, then `sdl`."""
    link = f'@link(url: "https://specs.apollo.dev/federation/{version}", import: [{FEDERATION_2_IMPORTS}])'
    return f"extend schema {link}\n{dedent(sdl)}"


def sources(subgraphs: dict[str, str]) -> list[SubgraphSource]:
    return [
        SubgraphSource(name, f"http://{name}.example/graphql", sdl)
        for name, sdl in subgraphs.items()
    ]


def compose_sdls(**subgraphs: str) -> str:
    return compose(sources(subgraphs))


def composition_problems(**subgraphs: str) -> list[str]:
    """The problems composition reports, as `[CODE] coordinate: message` lines."""
    with pytest.raises(CompositionError) as raised:
        compose(sources(subgraphs))
    return [str(problem) for problem in raised.value.problems]


def printed_type(supergraph: str, name: str) -> str:
    for definition in parse(supergraph).definitions:
        if isinstance(definition, TypeDefinitionNode) and definition.name.value == name:
            return print_ast(definition)
    raise AssertionError(f"type {name} is not in the supergraph")


def expected(text: str) -> str:
    return dedent(text).strip()


def require_node_tools() -> None:
    """Fail under CI, skip elsewhere, when node and npm are not installed."""
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{' and '.join(missing)} not installed: cannot run the reference composition"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
