"""Loads audit fixture suites from tests/gateway/fixtures and starts their subgraphs."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.gateway.harness.subgraph_schema import define_subgraph
from tests.gateway.harness.subgraph_server import Failure, SubgraphServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

JOIN_GRAPH = re.compile(
    r'@join__graph\(\s*name:\s*"(?P<name>[^"]+)"\s*,?\s*url:\s*"(?P<url>[^"]*)"\s*\)'
)


@dataclass(frozen=True, slots=True)
class Case:
    """One operation of a suite and the reference gateway's answer to it."""

    suite: str
    name: str
    directory: Path

    @property
    def query(self) -> str:
        return (self.directory / f"{self.name}.graphql").read_text()

    @property
    def variables(self) -> dict[str, Any] | None:
        value: dict[str, Any] | None = _read_json(self.directory / f"{self.name}.variables.json")
        return value

    @property
    def failures(self) -> dict[str, Failure]:
        raw = _read_json(self.directory / f"{self.name}.failures.json") or {}
        return {name: Failure(mode) for name, mode in raw.items()}

    @property
    def expected(self) -> dict[str, Any] | None:
        value: dict[str, Any] | None = _read_json(self.directory / f"{self.name}.expected.json")
        return value

    @property
    def expected_fetches(self) -> dict[str, int] | None:
        value: dict[str, int] | None = _read_json(self.directory / f"{self.name}.fetches.json")
        return value

    @property
    def request_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"query": self.query}
        if self.variables is not None:
            body["variables"] = self.variables
        # <case>.request.json adds other request members, such as operationName.
        body.update(_read_json(self.directory / f"{self.name}.request.json") or {})
        return body


@dataclass(frozen=True, slots=True)
class Suite:
    """A fixture suite: subgraphs with data, a composed supergraph and cases."""

    name: str
    directory: Path
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def subgraph_names(self) -> list[str]:
        return sorted(path.stem for path in (self.directory / "subgraphs").glob("*.graphql"))

    @property
    def supergraph_path(self) -> Path:
        return self.directory / "supergraph.graphql"

    @property
    def gateway_options(self) -> dict[str, Any]:
        return dict(self.settings.get("gateway_options", {}))

    @property
    def sleep_seconds(self) -> float:
        return float(self.settings.get("sleep_seconds", 5.0))

    def subgraph_sdl(self, name: str) -> str:
        return (self.directory / "subgraphs" / f"{name}.graphql").read_text()

    def data_module(self, name: str) -> ModuleType | None:
        path = self.directory / "subgraphs" / f"{name}.py"
        if not path.exists():
            return None
        module_name = f"_audit_fixture_{self.name.replace('-', '_')}_{name}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def cases(self) -> list[Case]:
        directory = self.directory / "cases"
        return [
            Case(self.name, path.stem, directory) for path in sorted(directory.glob("*.graphql"))
        ]


def _read_json(path: Path) -> Any:
    if not path.exists():
        return None
    return json.loads(path.read_text())


def load_suite(name: str) -> Suite:
    directory = FIXTURES / name
    if not directory.is_dir():
        raise LookupError(f"no fixture suite {name!r} under {FIXTURES}")
    settings = _read_json(directory / "suite.json") or {}
    return Suite(name=name, directory=directory, settings=settings)


def list_suites() -> list[Suite]:
    return [
        load_suite(path.name)
        for path in sorted(FIXTURES.iterdir())
        if path.is_dir() and (path / "subgraphs").is_dir()
    ]


def rewrite_subgraph_urls(supergraph_sdl: str, urls: dict[str, str]) -> str:
    """Points every `@join__graph(url:)` at a running subgraph, matched by subgraph name."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in urls:
            return match.group(0)
        return f'@join__graph(name: "{name}", url: "{urls[name]}")'

    return JOIN_GRAPH.sub(replace, supergraph_sdl)


@dataclass(slots=True)
class RunningSuite:
    """A suite whose subgraphs are listening; `supergraph_sdl` points at them."""

    suite: Suite
    servers: dict[str, SubgraphServer]
    supergraph_sdl: str

    @property
    def urls(self) -> dict[str, str]:
        return {name: server.url for name, server in self.servers.items()}

    def prepare(self, case: Case) -> None:
        """Clears request logs and arms the failures a case asks for."""
        for name, server in self.servers.items():
            server.reset()
            if self.suite.settings.get("stateful"):
                # Mutations change the data: every case starts from the module's initial state.
                server.load(
                    define_subgraph(
                        name, self.suite.subgraph_sdl(name), self.suite.data_module(name)
                    )
                )
        for name, failure in case.failures.items():
            self.servers[name].failure = failure

    def fetch_counts(self) -> dict[str, int]:
        return {name: server.fetch_count for name, server in sorted(self.servers.items())}


@asynccontextmanager
async def start_suite(suite: Suite | str) -> AsyncIterator[RunningSuite]:
    """Starts every subgraph of a suite on a free port; stops them on exit."""
    if isinstance(suite, str):
        suite = load_suite(suite)
    servers: dict[str, SubgraphServer] = {}
    try:
        for name in suite.subgraph_names:
            definition = define_subgraph(name, suite.subgraph_sdl(name), suite.data_module(name))
            server = SubgraphServer(definition, sleep_seconds=suite.sleep_seconds)
            await server.start()
            servers[name] = server
        supergraph = ""
        if suite.supergraph_path.exists():
            supergraph = rewrite_subgraph_urls(
                suite.supergraph_path.read_text(), {n: s.url for n, s in servers.items()}
            )
        yield RunningSuite(suite=suite, servers=servers, supergraph_sdl=supergraph)
    finally:
        for server in servers.values():
            await server.stop()
