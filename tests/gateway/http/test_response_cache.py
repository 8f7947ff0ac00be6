"""The response cache over real HTTP: hits make no subgraph fetch, the key separates callers,
variables and media types, mutations invalidate their tenant, TTL, Redis shared by replicas."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from gateway.app import create_gateway_app
from gateway.auth import RoleMap, StandaloneConfig, StandaloneIdentityProvider, hash_token
from gateway.execution.headers import build_header_rule
from gateway.guard import RequestGuard
from gateway.limits import LimitSettings
from gateway.limits.request import RequestLimits
from gateway.response_cache import (
    LocalResponseStore,
    RedisResponseStore,
    ResponseCache,
    build_response_cache,
)
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.subgraph_server import Failure
from tests.gateway.harness.suite import RunningSuite, start_suite

ADA = "mpt_ada_token_for_response_cache_0123456789"  # tenants acme and globex
BOB = "mpt_bob_token_for_response_cache_0123456789"  # tenant acme
USERS = "{ users { id nickname } }"
WITH_NICK = "query ($nick: Boolean!) { users { id email nickname @include(if: $nick) } }"
PRODUCTS = "{ products { id name } }"
RENAME = 'mutation { renameProduct(id: "p1", name: "Desk lamp") { id name } }'
GRAPHQL_RESPONSE = "application/graphql-response+json"


def make_guard() -> RequestGuard:
    config = StandaloneConfig.from_mapping(
        {
            "users": [
                {"name": "ada", "roles": ["admin"], "tenants": ["acme", "globex"],
                 "tokens": [hash_token(ADA, algorithm="sha256")]},
                {"name": "bob", "roles": ["admin"], "tenants": ["acme"],
                 "tokens": [hash_token(BOB, algorithm="sha256")]},
            ]
        }
    )
    provider = StandaloneIdentityProvider(config, RoleMap.default(), "default")
    return RequestGuard(provider, RequestLimits.from_settings(LimitSettings()), secret="test-secret")


def local_cache(ttl: float = 60.0, **options: Any) -> ResponseCache:
    cache = build_response_cache(ttl=ttl, **options)
    assert cache is not None
    return cache


@pytest.fixture
async def users_suite() -> AsyncIterator[RunningSuite]:
    async with start_suite("simple-entity-call") as running:
        yield running


@pytest.fixture
async def products_suite() -> AsyncIterator[RunningSuite]:
    async with start_suite("mutations") as running:
        yield running


@pytest.fixture
def no_cache_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "MODELPLANE_RESPONSE_CACHE_TTL_SECONDS",
        "MODELPLANE_RESPONSE_CACHE_MAX_ENTRIES",
        "MODELPLANE_RESPONSE_CACHE_MAX_BYTES",
        "MODELPLANE_REDIS_URL",
    ):
        monkeypatch.delenv(name, raising=False)


class Client:
    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url

    async def ask(
        self,
        query: str,
        token: str = ADA,
        *,
        tenant: str | None = None,
        variables: dict[str, Any] | None = None,
        method: str = "POST",
        **headers: str,
    ) -> tuple[int, str | None, bytes]:
        headers = {k.replace("_", "-"): v for k, v in headers.items()}
        headers["authorization"] = f"Bearer {token}"
        if tenant is not None:
            headers["x-tenant-id"] = tenant
        if method == "GET":
            request = self.session.get(self.url, params={"query": query}, headers=headers)
        else:
            body: dict[str, Any] = {"query": query}
            if variables is not None:
                body["variables"] = variables
            request = self.session.post(self.url, json=body, headers=headers)
        async with request as response:
            return response.status, response.headers.get("x-modelplane-cache"), await response.read()

    async def metrics(self) -> str:
        async with self.session.get(self.url.replace("/graphql", "/metrics")) as response:
            return await response.text()


def fetches(suite: RunningSuite) -> int:
    return sum(suite.fetch_counts().values())


async def test_a_hit_makes_no_subgraph_fetch(users_suite: RunningSuite) -> None:
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        status, cache, first = await client.ask(USERS)
        assert (status, cache) == (200, "miss"), first
        assert b'"nickname"' in first and b"errors" not in first
        after_miss = fetches(users_suite)
        assert after_miss == 2  # accounts, then profiles for the entities

        status, cache, second = await client.ask(USERS)
        assert (status, cache) == (200, "hit")
        assert second == first
        assert fetches(users_suite) == after_miss

        # GET and POST share the entry.
        status, cache, third = await client.ask(USERS, method="GET", x_modelplane_csrf="1")
        assert (status, cache, third) == (200, "hit", first)
        assert fetches(users_suite) == after_miss

        metrics = await client.metrics()
    assert 'modelplane_gateway_response_cache_lookups_total{result="hit"} 2.0' in metrics
    assert 'modelplane_gateway_response_cache_lookups_total{result="miss"} 1.0' in metrics
    assert "modelplane_gateway_response_cache_stores_total 1.0" in metrics


async def test_the_key_separates_variables_callers_tenants_and_media_types(
    users_suite: RunningSuite,
) -> None:
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        variants: list[dict[str, Any]] = [
            {"query": WITH_NICK, "variables": {"nick": True}},
            {"query": WITH_NICK, "variables": {"nick": False}},
            {"query": WITH_NICK, "variables": {"nick": True}, "token": BOB},
            {"query": WITH_NICK, "variables": {"nick": True}, "tenant": "globex"},
            {"query": WITH_NICK, "variables": {"nick": True}, "accept": GRAPHQL_RESPONSE},
        ]
        answers = []
        for variant in variants:
            before = fetches(users_suite)
            status, cache, body = await client.ask(**variant)
            assert (status, cache) == (200, "miss"), (variant, body)
            assert fetches(users_suite) > before, variant
            answers.append(body)
        assert b"nickname" in answers[0] and b"nickname" not in answers[1]
        before = fetches(users_suite)
        for variant, answer in zip(variants, answers, strict=True):
            status, cache, body = await client.ask(**variant)
            assert (status, cache, body) == (200, "hit", answer), variant
        assert fetches(users_suite) == before


async def test_headers_forwarded_to_subgraphs_are_part_of_the_key(users_suite: RunningSuite) -> None:
    app = create_gateway_app(
        users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache(),
        header_rule=build_header_rule(["accept-language"]),
    )
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert (await client.ask(USERS, accept_language="en"))[1] == "miss"
        assert (await client.ask(USERS, accept_language="de"))[1] == "miss"
        assert (await client.ask(USERS, accept_language="en"))[1] == "hit"
        # A header that is not forwarded cannot change the answer: it does not split entries.
        assert (await client.ask(USERS, accept_language="en", x_client="cli"))[1] == "hit"
    sent = users_suite.servers["accounts"].requests
    assert [r.headers.get("Accept-Language") for r in sent] == ["en", "de"]


async def test_a_mutation_invalidates_its_tenant_only(products_suite: RunningSuite) -> None:
    app = create_gateway_app(products_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        for token, tenant in ((ADA, "acme"), (BOB, "acme"), (ADA, "globex")):
            status, cache, body = await client.ask(PRODUCTS, token, tenant=tenant)
            assert (status, cache) == (200, "miss")
            assert b'"Lamp"' in body

        # A mutation refused before it runs changes nothing and invalidates nothing.
        status, cache, body = await client.ask("mutation { renameProduct(id: 1) { id } }", tenant="acme")
        assert b"GRAPHQL_VALIDATION_FAILED" in body and cache is None
        assert (await client.ask(PRODUCTS, tenant="acme"))[1] == "hit"

        status, cache, body = await client.ask(RENAME, tenant="acme")
        assert status == 200 and b'"Desk lamp"' in body and cache is None

        before = fetches(products_suite)
        for token in (ADA, BOB):  # every caller of the tenant, not only the one who mutated
            status, cache, body = await client.ask(PRODUCTS, token, tenant="acme")
            assert (status, cache) == (200, "miss")
            assert b'"Desk lamp"' in body
        assert fetches(products_suite) == before + 2
        # Another tenant's answers stay until their TTL (the subgraphs keep tenants apart).
        status, cache, body = await client.ask(PRODUCTS, tenant="globex")
        assert (status, cache) == (200, "hit")
        assert b'"Lamp"' in body
        assert "modelplane_gateway_response_cache_invalidations_total 1.0" in await client.metrics()


async def test_answers_with_errors_are_not_cached(users_suite: RunningSuite) -> None:
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        users_suite.servers["profiles"].failure = Failure.HTTP_500
        for _ in range(2):
            before = fetches(users_suite)
            status, cache, body = await client.ask(USERS)
            assert (status, cache) == (200, "miss")
            assert b'"errors"' in body and b'"users"' in body  # partial data, not stored
            assert fetches(users_suite) == before + 2
        users_suite.servers["profiles"].failure = None
        assert (await client.ask(USERS))[1] == "miss"
        assert (await client.ask(USERS))[1] == "hit"

        # Invalid documents are not cacheable at all.
        status, cache, body = await client.ask("{ users { nope } }", accept=GRAPHQL_RESPONSE)
        assert (status, cache) == (400, None)
        assert "modelplane_gateway_response_cache_stores_total 1.0" in await client.metrics()


async def test_the_ttl_expires_entries(users_suite: RunningSuite) -> None:
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache(0.4))
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert (await client.ask(USERS))[1] == "miss"
        assert (await client.ask(USERS))[1] == "hit"
        await asyncio.sleep(0.5)
        before = fetches(users_suite)
        assert (await client.ask(USERS))[1] == "miss"
        assert fetches(users_suite) == before + 2


async def test_size_and_entry_limits(users_suite: RunningSuite) -> None:
    tiny = local_cache(max_bytes=16)
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=tiny)
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert [(await client.ask(USERS))[1] for _ in range(2)] == ["miss", "miss"]

    one = local_cache(max_entries=1)
    assert isinstance(one.store, LocalResponseStore)
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard(), response_cache=one)
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert (await client.ask(USERS))[1] == "miss"
        assert (await client.ask(USERS))[1] == "hit"
        assert (await client.ask(USERS, BOB))[1] == "miss"  # evicts ada's answer
        assert len(one.store) == 1
        assert (await client.ask(USERS))[1] == "miss"


async def test_cache_control_no_cache_refreshes_the_entry(products_suite: RunningSuite) -> None:
    app = create_gateway_app(products_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert (await client.ask(PRODUCTS))[1] == "miss"
        # A change made in the subgraph directly, not through the gateway...
        async with session.post(products_suite.servers["products"].url, json={"query": RENAME}) as response:
            assert response.status == 200
        # ...is not seen until the TTL, unless the client asks for a fresh answer.
        status, cache, body = await client.ask(PRODUCTS)
        assert (cache, b'"Lamp"' in body) == ("hit", True)
        before = fetches(products_suite)
        status, cache, body = await client.ask(PRODUCTS, cache_control="no-cache")
        assert (status, cache) == (200, "bypass")
        assert b'"Desk lamp"' in body
        assert fetches(products_suite) == before + 1
        status, cache, refreshed = await client.ask(PRODUCTS)
        assert (cache, refreshed) == ("hit", body)
        # no-store: neither looked up nor stored.
        assert (await client.ask(PRODUCTS, BOB, cache_control="no-store"))[1] == "bypass"
        assert (await client.ask(PRODUCTS, BOB))[1] == "miss"
        assert 'modelplane_gateway_response_cache_lookups_total{result="bypass"} 2.0' in await client.metrics()


async def test_off_by_default(users_suite: RunningSuite, no_cache_settings: None) -> None:
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard())
    assert app.response_cache is None and app.endpoint.cache is None
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        for expected in (2, 4):
            status, cache, _ = await client.ask(USERS)
            assert (status, cache) == (200, None)
            assert fetches(users_suite) == expected


async def test_turned_on_by_settings(
    users_suite: RunningSuite, no_cache_settings: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPLANE_RESPONSE_CACHE_TTL_SECONDS", "30")
    monkeypatch.setenv("MODELPLANE_RESPONSE_CACHE_MAX_ENTRIES", "5")
    app = create_gateway_app(users_suite.supergraph_sdl, guard=make_guard())
    assert app.response_cache is not None and app.response_cache.ttl == 30
    assert isinstance(app.response_cache.store, LocalResponseStore)
    assert app.response_cache.store.max_entries == 5
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert [(await client.ask(USERS))[1] for _ in range(2)] == ["miss", "hit"]
    # Without the request guard there is no caller to key on: nothing is cached.
    unguarded = create_gateway_app(users_suite.supergraph_sdl)
    assert unguarded.response_cache is None


async def test_with_deduplication(users_suite: RunningSuite) -> None:
    app = create_gateway_app(
        users_suite.supergraph_sdl, guard=make_guard(), response_cache=local_cache(), dedup=True
    )
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        results = await asyncio.gather(*(client.ask(USERS) for _ in range(3)))
        assert all(status == 200 for status, _, _ in results)
        assert {cache for _, cache, _ in results} <= {"miss", "hit"}
        assert (await client.ask(USERS))[1] == "hit"
        users_suite.servers["profiles"].failure = Failure.HTTP_500
        assert (await client.ask(USERS, BOB))[1] == "miss"
        users_suite.servers["profiles"].failure = None
        assert (await client.ask(USERS, BOB))[1] == "miss"  # the partial answer was not kept


def redis_cache(redis_url: str, prefix: str, ttl: float = 60.0) -> ResponseCache:
    cache = build_response_cache(ttl=ttl, redis_url=redis_url, prefix=prefix)
    assert cache is not None and isinstance(cache.store, RedisResponseStore)
    return cache


async def test_replicas_share_answers_and_invalidations_in_redis(
    products_suite: RunningSuite, redis_url: str
) -> None:
    import redis.asyncio as redis

    prefix = f"mp:rc:test:{uuid.uuid4().hex}:"
    one = create_gateway_app(products_suite.supergraph_sdl, guard=make_guard(), response_cache=redis_cache(redis_url, prefix))
    two = create_gateway_app(products_suite.supergraph_sdl, guard=make_guard(), response_cache=redis_cache(redis_url, prefix))
    async with serve_app(one) as url_one, serve_app(two) as url_two, aiohttp.ClientSession() as session:
        first, second = Client(session, url_one), Client(session, url_two)
        status, cache, stored = await first.ask(PRODUCTS, tenant="acme")
        assert (status, cache) == (200, "miss")
        assert (await first.ask(PRODUCTS, tenant="globex"))[1] == "miss"
        before = fetches(products_suite)
        status, cache, shared = await second.ask(PRODUCTS, tenant="acme")
        assert (status, cache, shared) == (200, "hit", stored)
        assert fetches(products_suite) == before

        client = redis.Redis.from_url(redis_url)
        try:
            keys = [key.decode() async for key in client.scan_iter(match=prefix + "*")]
            entries = [key for key in keys if not key.endswith(":gen")]
            assert len(entries) == 2
            for key in entries:
                assert 0 < await client.pttl(key) <= 60_000  # entries expire by TTL in Redis too

            # A mutation through the second replica invalidates the first one's answers.
            status, cache, body = await second.ask(RENAME, tenant="acme")
            assert status == 200 and b'"Desk lamp"' in body
            assert [key async for key in client.scan_iter(match=prefix + "*:gen")]
        finally:
            await client.aclose()
        status, cache, body = await first.ask(PRODUCTS, tenant="acme")
        assert (status, cache) == (200, "miss")
        assert b'"Desk lamp"' in body
        assert (await second.ask(PRODUCTS, tenant="acme"))[1] == "hit"
        status, cache, body = await first.ask(PRODUCTS, tenant="globex")
        assert (cache, b'"Lamp"' in body) == ("hit", True)


async def test_redis_entries_expire(users_suite: RunningSuite, redis_url: str) -> None:
    prefix = f"mp:rc:test:{uuid.uuid4().hex}:"
    app = create_gateway_app(
        users_suite.supergraph_sdl, guard=make_guard(), response_cache=redis_cache(redis_url, prefix, ttl=0.4)
    )
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        assert [(await client.ask(USERS))[1] for _ in range(2)] == ["miss", "hit"]
        await asyncio.sleep(0.6)
        before = fetches(users_suite)
        assert (await client.ask(USERS))[1] == "miss"
        assert fetches(users_suite) == before + 2


async def test_a_redis_that_is_down_never_fails_a_request(
    products_suite: RunningSuite, caplog: pytest.LogCaptureFixture
) -> None:
    down = redis_cache("redis://127.0.0.1:1/0", f"mp:rc:test:{uuid.uuid4().hex}:")
    app = create_gateway_app(products_suite.supergraph_sdl, guard=make_guard(), response_cache=down)
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        client = Client(session, url)
        for _ in range(3):
            before = fetches(products_suite)
            status, cache, body = await client.ask(PRODUCTS)
            assert (status, cache) == (200, "miss")
            assert b'"Lamp"' in body and b"errors" not in body
            assert fetches(products_suite) == before + 1
        status, _, body = await client.ask(RENAME)
        assert status == 200 and b'"Desk lamp"' in body and b"errors" not in body
        status, _, body = await client.ask(PRODUCTS)
        assert status == 200 and b'"Desk lamp"' in body
        metrics = await client.metrics()
    assert 'modelplane_gateway_response_cache_lookups_total{result="unavailable"} 4.0' in metrics
    assert "modelplane_gateway_response_cache_stores_total 0.0" in metrics
    warnings = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(warnings) == 1  # logged once per outage, not per request
