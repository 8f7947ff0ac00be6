"""The request guard end to end: identity, authorization directives, limits, over real HTTP."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from gateway.app import create_gateway_app
from gateway.auth import RoleMap, StandaloneConfig, StandaloneIdentityProvider, hash_token
from gateway.composition import SubgraphSource, compose
from gateway.guard import RequestGuard
from gateway.limits import LimitSettings
from gateway.limits.request import RequestLimits
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.suite import RunningSuite, Suite, start_suite

FIXTURE = Path(__file__).parent / "fixture"
VIEWER_TOKEN = "mpt_viewer_token_for_tests_0123456789"
ADMIN_TOKEN = "mpt_admin_token_for_tests_0123456789"
QUERY = "{ models { id name owner secretNotes deployments } }"


@pytest.fixture
async def suite(tmp_path: Path) -> AsyncIterator[RunningSuite]:
    directory = tmp_path / "authorization"
    shutil.copytree(FIXTURE, directory)
    sources = [
        SubgraphSource(name, f"http://{name}.invalid/graphql", (directory / "subgraphs" / f"{name}.graphql").read_text())
        for name in ("models", "deploy")
    ]
    (directory / "supergraph.graphql").write_text(compose(sources))
    async with start_suite(Suite("authorization", directory)) as running:
        yield running


def make_guard(**limits: Any) -> RequestGuard:
    config = StandaloneConfig.from_mapping(
        {
            "users": [
                {"name": "vera", "roles": ["viewer"], "tokens": [hash_token(VIEWER_TOKEN, algorithm="sha256")]},
                {"name": "ada", "roles": ["admin"], "tokens": [hash_token(ADMIN_TOKEN, algorithm="sha256")]},
            ],
            "allow_anonymous": True,
        },
        allow_anonymous=True,
    )
    provider = StandaloneIdentityProvider(config, RoleMap.default(), "default")
    settings = LimitSettings.from_env()
    for name, value in limits.items():
        object.__setattr__(settings, name, value)
    return RequestGuard(provider, RequestLimits.from_settings(settings), secret="test-secret")


async def ask(
    session: aiohttp.ClientSession, url: str, query: str, token: str | None = None, **headers: str
) -> tuple[int, dict[str, Any]]:
    if token:
        headers["authorization"] = f"Bearer {token}"
    async with session.post(url, json={"query": query}, headers=headers) as response:
        return response.status, await response.json()


def requests_to(suite: RunningSuite, subgraph: str) -> list[str]:
    return [request.query for request in suite.servers[subgraph].requests]


async def test_fields_are_nulled_by_role(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl, guard=make_guard())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        status, admin = await ask(session, url, QUERY, ADMIN_TOKEN)
        assert status == 200 and "errors" not in admin, admin
        assert admin["data"]["models"][0] == {
            "id": "m1", "name": "fraud", "owner": "ada", "secretNotes": "threshold 0.7",
            "deployments": ["prod-eu"],
        }

        status, viewer = await ask(session, url, QUERY, VIEWER_TOKEN)
        assert status == 200
        assert viewer["data"]["models"][0]["secretNotes"] is None
        assert viewer["data"]["models"][0]["owner"] == "ada"
        assert viewer["data"]["models"][0]["deployments"] == ["prod-eu"]
        assert [(e["path"], e["extensions"]["code"]) for e in viewer["errors"]] == [
            (["models", "secretNotes"], "FORBIDDEN")
        ]

        status, anonymous = await ask(session, url, "{ models { id name owner secretNotes } }")
        assert status == 200
        first = anonymous["data"]["models"][0]
        assert first["owner"] is None and first["secretNotes"] is None
        codes = {tuple(e["path"]): e["extensions"]["code"] for e in anonymous["errors"]}
        assert codes[("models", "owner")] == "UNAUTHENTICATED"
        # an anonymous caller is told to authenticate, not that it is forbidden
        assert codes[("models", "secretNotes")] == "UNAUTHENTICATED"

        # deployments is non-null: denying it nulls each model, and the non-null list
        # then nulls `models` (nullable at the root? no: [Model!]! nulls the data).
        status, partial = await ask(session, url, "{ motd models { id deployments } }")
        assert status == 200
        assert partial["data"] is None
        assert partial["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert partial["errors"][0]["path"] == ["models", "deployments"]

        suite.servers["models"].reset()
        await ask(session, url, QUERY, VIEWER_TOKEN)
    # A denied field never reaches its subgraph.
    sent = requests_to(suite, "models")
    assert sent and not any("secretNotes" in query for query in sent)


async def test_a_bad_token_is_unauthenticated(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl, guard=make_guard())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        status, body = await ask(session, url, QUERY, "mpt_not_a_real_token")
    assert status == 401
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_limits_refuse_before_any_subgraph_call(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl, guard=make_guard(max_aliases=2))
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        before = len(requests_to(suite, "models"))
        status, body = await ask(session, url, "{ a: motd b: motd c: motd }", ADMIN_TOKEN)
        assert status == 400
        assert body["errors"][0]["extensions"]["code"] == "OPERATION_LIMIT_EXCEEDED"
        async with session.post(url, data="{ motd }", headers={"content-type": "text/plain"}) as response:
            assert response.status in (400, 415)
        async with session.get(url, params={"query": "{ motd }"}) as response:
            assert response.status == 400  # a simple GET without a preflight header: CSRF
            assert (await response.json())["errors"][0]["extensions"]["code"] == "CSRF_REJECTED"
        async with session.get(url, params={"query": "{ motd }"}, headers={"x-modelplane-csrf": "1"}) as response:
            assert response.status == 200
        assert len(requests_to(suite, "models")) == before + 1


async def test_rate_limit_per_identity(suite: RunningSuite) -> None:
    app = create_gateway_app(
        suite.supergraph_sdl, guard=make_guard(rate_limit_rps=1.0, rate_limit_burst=2.0)
    )
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        statuses = [(await ask(session, url, "{ motd }", VIEWER_TOKEN))[0] for _ in range(4)]
        other = (await ask(session, url, "{ motd }", ADMIN_TOKEN))[0]
    assert statuses[:2] == [200, 200]
    assert 429 in statuses[2:]
    assert other == 200
