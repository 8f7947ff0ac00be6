"""Reads a supergraph SDL from a file or an http(s) URL."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from gateway.errors import SupergraphError


def load_supergraph_sdl(location: str, timeout: float = 10.0) -> str:
    if location.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(location, timeout=timeout) as response:
                return str(response.read().decode("utf-8"))
        except OSError as error:
            raise SupergraphError(f"cannot fetch the supergraph from {location}: {error}") from None
    path = Path(location)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise SupergraphError(f"cannot read the supergraph file {location}: {error}") from None
