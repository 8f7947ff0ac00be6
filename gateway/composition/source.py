"""The input of composition: a subgraph's name, routing URL and SDL, from a file or `_service { sdl }`."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import aiohttp

from common.errors import BadUserInput, Unavailable

SERVICE_SDL_QUERY = "{ _service { sdl } }"
DEFAULT_URL_TEMPLATE = "http://127.0.0.1:8000/subgraphs/{name}/graphql"


class SubgraphSource(NamedTuple):
    name: str
    url: str
    sdl: str


class SubgraphLocation(NamedTuple):
    """Where to read a subgraph's SDL (a URL or a file) and the URL the gateway will route to."""

    name: str
    sdl_from: str
    url: str

    @property
    def is_remote(self) -> bool:
        return self.sdl_from.startswith(("http://", "https://"))


def parse_subgraph_argument(argument: str) -> SubgraphLocation:
    """`NAME=URL`, `NAME=FILE` or `NAME=FILE@ROUTING_URL`."""
    name, separator, location = argument.partition("=")
    if not separator or not name or not location:
        raise BadUserInput(
            f"cannot read subgraph argument {argument!r}",
            suggestion="write NAME=URL, NAME=FILE or NAME=FILE@ROUTING_URL",
        )
    if location.startswith(("http://", "https://")):
        return SubgraphLocation(name, location, location)
    path, at, url = location.rpartition("@")
    if at and url.startswith(("http://", "https://")):
        return SubgraphLocation(name, path, url)
    return SubgraphLocation(name, location, DEFAULT_URL_TEMPLATE.format(name=name))


async def fetch_subgraph_sdl(
    url: str, session: aiohttp.ClientSession, timeout: float = 10.0
) -> str:
    """Ask a running subgraph for its SDL with the federation `_service { sdl }` query."""
    try:
        async with session.post(
            url,
            json={"query": SERVICE_SDL_QUERY},
            headers={"Accept": "application/json"},
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as response:
            body = await response.json(content_type=None)
    except (TimeoutError, aiohttp.ClientError, ValueError) as error:
        raise Unavailable(f"cannot read the SDL of the subgraph at {url}: {error!r}") from None
    sdl = _service_sdl(body)
    if sdl is None:
        raise Unavailable(
            f"the subgraph at {url} did not answer {SERVICE_SDL_QUERY}: {body!r:.300}"
        )
    return sdl


def _service_sdl(body: object) -> str | None:
    if not isinstance(body, dict):
        return None
    data = body.get("data")
    service = data.get("_service") if isinstance(data, dict) else None
    sdl = service.get("sdl") if isinstance(service, dict) else None
    return sdl if isinstance(sdl, str) else None


def read_sdl_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise BadUserInput(f"cannot read subgraph SDL file {path}: {error.strerror}") from None


async def load_subgraph_sources(locations: Sequence[SubgraphLocation]) -> list[SubgraphSource]:
    """Read every subgraph's SDL, fetching remote ones concurrently."""
    async with aiohttp.ClientSession() as session:
        sdls = await asyncio.gather(
            *(
                fetch_subgraph_sdl(location.sdl_from, session)
                if location.is_remote
                else asyncio.to_thread(read_sdl_file, location.sdl_from)
                for location in locations
            )
        )
    return [
        SubgraphSource(loc.name, loc.url, sdl) for loc, sdl in zip(locations, sdls, strict=True)
    ]
