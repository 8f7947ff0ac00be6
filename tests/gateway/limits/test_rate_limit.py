"""Rate limits per identity: the in-process token bucket, and the Redis one shared by replicas."""

from __future__ import annotations

import asyncio

import pytest

from common.tenancy import Caller
from gateway.limits.errors import RateLimited
from gateway.limits.rate_limit import (
    LocalRateLimiter,
    RedisRateLimiter,
    build_rate_limiter,
    check_rate_limit,
    rate_limit_key,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_the_local_bucket_allows_the_burst_then_refills_at_the_rate() -> None:
    clock = Clock()
    limiter = LocalRateLimiter(rate=2, burst=3, clock=clock)
    decisions = [await limiter.hit("alice") for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert decisions[3].retry_after == pytest.approx(0.5)
    clock.now += 0.5
    assert (await limiter.hit("alice")).allowed
    assert not (await limiter.hit("alice")).allowed
    clock.now += 100
    assert [(await limiter.hit("alice")).allowed for _ in range(4)] == [True, True, True, False]


async def test_identities_have_separate_buckets() -> None:
    limiter = LocalRateLimiter(rate=1, burst=1, clock=Clock())
    assert (await limiter.hit("alice")).allowed
    assert (await limiter.hit("bob")).allowed
    assert not (await limiter.hit("alice")).allowed


async def test_the_least_recent_keys_are_forgotten_past_the_bound() -> None:
    limiter = LocalRateLimiter(rate=1, burst=1, max_keys=2, clock=Clock())
    for key in ["a", "b", "c"]:
        await limiter.hit(key)
    assert (await limiter.hit("a")).allowed  # evicted, so a fresh bucket


async def test_check_rate_limit_raises_rate_limited_with_retry_after() -> None:
    limiter = LocalRateLimiter(rate=0.5, burst=1, clock=Clock())
    await check_rate_limit(limiter, "k")
    with pytest.raises(RateLimited) as error:
        await check_rate_limit(limiter, "k")
    assert error.value.http_status == 429
    assert error.value.extensions()["code"] == "RATE_LIMITED"
    assert error.value.extensions()["retryAfter"] == 2


def test_the_key_is_the_user_in_their_tenant_or_the_client_address() -> None:
    assert rate_limit_key(Caller(user="al", tenant="acme")) == "user:acme:al"
    assert rate_limit_key(Caller(user="", tenant="acme"), "10.0.0.1") == "address:10.0.0.1"


async def test_redis_limiters_on_two_replicas_share_one_bucket(redis_url: str) -> None:
    first = RedisRateLimiter(redis_url, rate=0.001, burst=5)
    second = RedisRateLimiter(redis_url, rate=0.001, burst=5)
    try:
        results = []
        for limiter in [first, second, first, second, first, second, first]:
            results.append((await limiter.hit("user:acme:al")).allowed)
        assert results == [True, True, True, True, True, False, False]
        assert (await second.hit("user:acme:bob")).allowed
        denied = await first.hit("user:acme:al")
        assert denied.retry_after > 100
    finally:
        await first.close()
        await second.close()


async def test_redis_buckets_are_atomic_under_concurrency(redis_url: str) -> None:
    limiters = [RedisRateLimiter(redis_url, rate=0.001, burst=20) for _ in range(3)]
    try:
        decisions = await asyncio.gather(*(limiters[i % 3].hit("hot") for i in range(60)))
        assert sum(d.allowed for d in decisions) == 20
    finally:
        for limiter in limiters:
            await limiter.close()


async def test_redis_refills_over_time(redis_url: str) -> None:
    limiter = RedisRateLimiter(redis_url, rate=50, burst=1)
    try:
        assert (await limiter.hit("k")).allowed
        assert not (await limiter.hit("k")).allowed
        await asyncio.sleep(0.1)
        assert (await limiter.hit("k")).allowed
    finally:
        await limiter.close()


async def test_an_unreachable_redis_lets_requests_through() -> None:
    limiter = RedisRateLimiter("redis://127.0.0.1:1/0", rate=1, burst=1)
    try:
        assert all([(await limiter.hit("k")).allowed for _ in range(3)])
    finally:
        await limiter.close()


async def test_the_limiter_is_chosen_by_the_redis_url(redis_url: str) -> None:
    local = build_rate_limiter(10, 20, None)
    shared = build_rate_limiter(10, 20, redis_url)
    assert isinstance(local, LocalRateLimiter)
    assert isinstance(shared, RedisRateLimiter)
    await local.close()
    await shared.close()
