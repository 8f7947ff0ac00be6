from __future__ import annotations

import pytest
from aiocache import SimpleMemoryCache

from subgraphs.catalog.cache import ModernRedisCache, build_cache, read_cached, write_cached


async def test_in_process_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODELPLANE_REDIS_URL", raising=False)
    cache = build_cache()
    assert isinstance(cache, SimpleMemoryCache)
    await write_cached(cache, "k", [{"name": "m"}], ttl=60)
    assert await read_cached(cache, "k") == [{"name": "m"}]
    await cache.close()


async def test_redis_when_configured(monkeypatch: pytest.MonkeyPatch, redis_url: str) -> None:
    monkeypatch.setenv("MODELPLANE_REDIS_URL", redis_url)
    cache = build_cache(namespace="test")  # Redis keys are namespace:key
    try:
        assert isinstance(cache, ModernRedisCache)
        await write_cached(cache, "k", {"models": [1, 2]}, ttl=60)
        await write_cached(cache, "short", "x", ttl=0.5)
        assert await read_cached(cache, "k") == {"models": [1, 2]}
        assert 0 < await cache.client.ttl("test:k") <= 60
        assert 0 < await cache.client.pttl("test:short") <= 1000
    finally:
        await cache.close()


async def test_an_unreachable_redis_is_a_cache_miss(unused_tcp_port: int) -> None:
    cache = build_cache(redis_url=f"redis://127.0.0.1:{unused_tcp_port}/0")
    try:
        assert await read_cached(cache, "k") is None
        await write_cached(cache, "k", 1, ttl=10)  # logged, not raised
    finally:
        await cache.close()
