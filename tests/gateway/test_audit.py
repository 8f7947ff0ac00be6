"""Runs every audit fixture case through our gateway and compares it with the reference gateway.

Each suite's subgraphs and gateway start once and serve all of that suite's cases in turn
(request logs are cleared, failures armed and stateful data reset before each case).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any

import aiohttp
import pytest
import pytest_asyncio

from tests.gateway.harness.comparison import find_differences, normalise_response
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.suite import Case, RunningSuite, Suite, list_suites, start_suite

CASES: list[tuple[Suite, Case]] = [
    (suite, case) for suite in list_suites() for case in suite.cases()
]


def load_gateway_factory() -> Callable[..., Any]:
    try:
        from gateway.app import create_gateway_app
    except ImportError as error:
        pytest.fail(
            "the gateway is not there yet: `from gateway.app import create_gateway_app` "
            f"failed ({error}). It must be create_gateway_app(supergraph_sdl: str, **options) "
            "-> a Starlette app serving POST /graphql.",
            pytrace=False,
        )
    return create_gateway_app


def find_duplicate_representations(running: RunningSuite) -> list[str]:
    """Representations that one `_entities` request carries more than once."""
    found: list[str] = []
    for name, server in running.servers.items():
        for request in server.requests:
            for value in (request.variables or {}).values():
                if not isinstance(value, list) or not request.is_entities_call:
                    continue
                seen: set[str] = set()
                for representation in value:
                    key = json.dumps(representation, sort_keys=True)
                    if key in seen:
                        found.append(f"{name}: {key}")
                    seen.add(key)
    return found


class SuiteGateways:
    """Keeps one suite's subgraphs and our gateway running while its cases run."""

    def __init__(self) -> None:
        self._stack: AsyncExitStack | None = None
        self._suite: str | None = None
        self._running: RunningSuite | None = None
        self._url = ""

    async def open(self, suite: Suite) -> tuple[RunningSuite, str]:
        if self._suite != suite.name or self._running is None:
            await self.close()
            create_gateway_app = load_gateway_factory()
            stack = AsyncExitStack()
            try:
                running = await stack.enter_async_context(start_suite(suite))
                app = create_gateway_app(running.supergraph_sdl, **suite.gateway_options)
                url = await stack.enter_async_context(serve_app(app))
            except BaseException:
                await stack.aclose()
                raise
            self._stack, self._suite, self._running, self._url = stack, suite.name, running, url
        return self._running, self._url

    async def close(self) -> None:
        if self._stack is not None:
            stack, self._stack, self._suite, self._running = self._stack, None, None, None
            await stack.aclose()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def suite_gateways() -> AsyncIterator[SuiteGateways]:
    gateways = SuiteGateways()
    yield gateways
    await gateways.close()


def test_corpus_is_complete() -> None:
    suites = list_suites()
    assert len(suites) >= 35
    assert len(CASES) >= 150
    for suite, case in CASES:
        assert suite.supergraph_path.exists(), f"{suite.name}: no supergraph.graphql"
        assert case.expected is not None, f"{suite.name}/{case.name}: not recorded"
        assert case.expected_fetches is not None, f"{suite.name}/{case.name}: no fetch counts"


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(
    ("suite", "case"), CASES, ids=[f"{suite.name}/{case.name}" for suite, case in CASES]
)
async def test_case_matches_reference_gateway(
    suite: Suite, case: Case, suite_gateways: SuiteGateways
) -> None:
    expected = case.expected
    assert expected is not None, f"{suite.name}/{case.name} has no expected.json: run record.py"
    running, url = await suite_gateways.open(suite)
    running.prepare(case)
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            url,
            json=case.request_body,
            headers={"accept": "application/graphql-response+json, application/json"},
            timeout=aiohttp.ClientTimeout(total=30),
        ) as response,
    ):
        body = await response.json(content_type=None)
    actual = normalise_response(body)
    if case.name in suite.settings.get("lenient_errors", []):
        # The reference's errors are debatable here (see fixtures/README.md): data only.
        actual.pop("errors", None)
        expected = {"data": expected.get("data")}
    problems = find_differences(actual, expected)
    assert not problems, (
        f"{suite.name}/{case.name}:\n"
        + "\n".join(problems)
        + f"\nfull response: {json.dumps(body)}"
    )
    duplicates = find_duplicate_representations(running)
    assert not duplicates, (
        f"{suite.name}/{case.name}: representations sent more than once in one _entities "
        f"request (issue 3 asks for deduplication): {duplicates}"
    )
    if case.failures:
        # A retry after a dropped connection is fair; plan efficiency is judged on healthy cases.
        return
    reference_fetches = case.expected_fetches or {}
    ours = running.fetch_counts()
    assert sum(ours.values()) <= sum(reference_fetches.values()), (
        f"{suite.name}/{case.name}: {sum(ours.values())} subgraph fetches {ours}, "
        f"the reference gateway made {sum(reference_fetches.values())} {reference_fetches}"
    )
