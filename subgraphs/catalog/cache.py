"""The catalog's result cache: aiocache in-process by default, Redis when one is configured."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import unquote, urlsplit

from aiocache import RedisCache, SimpleMemoryCache
from aiocache.base import BaseCache
from aiocache.serializers import JsonSerializer

from common.settings import REDIS_URL

log = logging.getLogger("modelplane.catalog.cache")


class ModernRedisCache(RedisCache):  # type: ignore[misc]
    """aiocache 0.12's Redis backend on the redis-py calls that are not deprecated."""

    async def _set(
        self,
        key: str,
        value: Any,
        ttl: float | None = None,
        _cas_token: Any = None,
        _conn: Any = None,
    ) -> Any:
        if ttl is None or _cas_token is not None:
            return await super()._set(key, value, ttl=ttl, _cas_token=_cas_token, _conn=_conn)
        if isinstance(ttl, float):
            return await self.client.set(key, value, px=int(ttl * 1000))
        return await self.client.set(key, value, ex=ttl)

    async def _close(self, *args: Any, _conn: Any = None, **kwargs: Any) -> None:
        await self.client.aclose()


def build_cache(namespace: str = "modelplane:catalog", redis_url: str | None = None) -> BaseCache:
    url = redis_url if redis_url is not None else REDIS_URL.get()
    if not url:
        return SimpleMemoryCache(serializer=JsonSerializer(), namespace=namespace)
    parts = urlsplit(url)
    db = parts.path.strip("/") or "0"
    return ModernRedisCache(
        serializer=JsonSerializer(),
        namespace=namespace,
        endpoint=parts.hostname or "127.0.0.1",
        port=parts.port or 6379,
        db=int(db),
        password=unquote(parts.password) if parts.password else None,
        ssl=parts.scheme == "rediss",
    )


async def read_cached(cache: BaseCache, key: str) -> Any:
    """A cache miss when the cache itself is down: the Hub is the source of truth."""
    try:
        return await cache.get(key)
    except Exception as error:
        log.warning("catalog cache read failed for %s: %s", key, error)
        return None


async def write_cached(cache: BaseCache, key: str, value: Any, ttl: float) -> None:
    try:
        await cache.set(key, value, ttl=max(1, int(ttl)))
    except Exception as error:
        log.warning("catalog cache write failed for %s: %s", key, error)
