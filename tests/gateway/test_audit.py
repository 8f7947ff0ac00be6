"""Runs every audit fixture case through our gateway and compares it with the reference gateway."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from tests.gateway.harness.comparison import find_differences, normalise_response
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.suite import Case, Suite, list_suites, start_suite

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
    return create_gateway_app  # type: ignore[no-any-return]


def test_corpus_is_complete() -> None:
    suites = list_suites()
    assert len(suites) >= 35
    assert len(CASES) >= 150
    for suite, case in CASES:
        assert suite.supergraph_path.exists(), f"{suite.name}: no supergraph.graphql"
        assert case.expected is not None, f"{suite.name}/{case.name}: not recorded"
        assert case.expected_fetches is not None, f"{suite.name}/{case.name}: no fetch counts"


@pytest.mark.parametrize(
    ("suite", "case"), CASES, ids=[f"{suite.name}/{case.name}" for suite, case in CASES]
)
async def test_case_matches_reference_gateway(suite: Suite, case: Case) -> None:
    create_gateway_app = load_gateway_factory()
    expected = case.expected
    assert expected is not None, f"{suite.name}/{case.name} has no expected.json: run record.py"
    async with start_suite(suite) as running:
        app = create_gateway_app(running.supergraph_sdl, **suite.gateway_options)
        async with serve_app(app) as url:
            running.prepare(case)
            async with aiohttp.ClientSession() as session, session.post(
                url,
                json=case.request_body,
                headers={"accept": "application/graphql-response+json, application/json"},
                timeout=aiohttp.ClientTimeout(total=30),
            ) as response:
                body = await response.json(content_type=None)
        actual = normalise_response(body)
        if case.name in suite.settings.get("lenient_errors", []):
            # The reference's errors are debatable here (see fixtures/README.md): data only.
            actual.pop("errors", None)
            expected = {"data": expected.get("data")}
        problems = find_differences(actual, expected)
        assert not problems, (
            f"{suite.name}/{case.name}:\n" + "\n".join(problems) + f"\nfull response: {json.dumps(body)}"
        )
        reference_fetches = case.expected_fetches or {}
        ours = running.fetch_counts()
        assert sum(ours.values()) <= sum(reference_fetches.values()), (
            f"{suite.name}/{case.name}: {sum(ours.values())} subgraph fetches {ours}, "
            f"the reference gateway made {sum(reference_fetches.values())} {reference_fetches}"
        )
