"""The `federation_fixture` pytest fixture: start any audit suite's subgraphs inside a test.

Import it into a test module (`from tests.gateway.harness.pytest_plugin import federation_fixture`,
with `# noqa: F811` on the test's parameter for ruff) and call it with a suite name:

    async def test_plan(federation_fixture):
        running = await federation_fixture("requires-with-fragments")
        running.urls              # {"library": "http://127.0.0.1:PORT/graphql", ...}
        running.supergraph_sdl    # the suite's supergraph, pointing at those URLs
        running.fetch_counts()    # requests each subgraph received so far

Every suite started this way stops when the test ends.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack

import pytest_asyncio

from tests.gateway.harness.suite import RunningSuite, start_suite

StartSuite = Callable[[str], Awaitable[RunningSuite]]


@pytest_asyncio.fixture
async def federation_fixture() -> AsyncIterator[StartSuite]:
    async with AsyncExitStack() as stack:

        async def start(name: str) -> RunningSuite:
            return await stack.enter_async_context(start_suite(name))

        yield start
