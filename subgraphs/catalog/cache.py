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


def build_cache(namespace: str = "modelplane:catalog:", redis_url: str | None = None) -> BaseCache:
    url = redis_url if redis_url is not None else REDIS_URL.get()
    if not url:
        return SimpleMemoryCache(serializer=JsonSerializer(), namespace=namespace)
    parts = urlsplit(url)
    db = parts.path.strip("/") or "0"
    return RedisCache(
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
