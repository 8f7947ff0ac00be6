"""Fixtures for the catalog tests: the sample catalog, scratch catalogs and a fake Hub."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.catalog.hub_server import FakeHub

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "catalog"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.fixture
def sample_sources() -> Path:
    return EXAMPLES / "sources.yaml"


@pytest.fixture
async def fake_hub() -> AsyncIterator[FakeHub]:
    hub = await FakeHub().start()
    try:
        yield hub
    finally:
        await hub.stop()
