"""The response cache: complete, error-free query answers per caller, in process or in Redis.

Opt-in (a TTL above zero). An entry is the serialised response and its HTTP status, keyed by
everything that can change the answer: the supergraph and limit settings, the document, the
operation name, the variables (canonical JSON), the caller (tenant, project, user, roles,
scopes, groups), the response media type and the request headers forwarded to subgraphs.
Every tenant has a generation number; an entry is valid only under the generation it was
stored under, and a mutation through the gateway bumps its tenant's generation, so every
entry of that tenant is invalid at once. With Redis the entries and generations are shared
by every gateway replica; a Redis that fails never fails a request (the answer is uncached).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from common.tenancy import IDENTITY_HEADER, SIGNATURE_HEADER, Caller

log = logging.getLogger("modelplane.gateway.cache")

# Headers that never vary the key: the identity is the caller itself, the id is per request.
_NOT_VARYING = frozenset((IDENTITY_HEADER, SIGNATURE_HEADER, "x-request-id"))


@dataclass(frozen=True, slots=True)
class CachedResponse:
    status: int
    payload: bytes


class ResponseStore(Protocol):
    async def lookup(
        self, tenant: str, digest: str, *, read_entry: bool = True
    ) -> tuple[int | None, CachedResponse | None]:
        """The tenant's generation (None: the store cannot be used now) and the entry
        stored under it, if any and `read_entry`."""
        ...

    async def store(
        self, tenant: str, digest: str, generation: int, entry: CachedResponse, ttl: float
    ) -> bool: ...

    async def invalidate(self, tenant: str) -> bool: ...

    async def close(self) -> None: ...


class LocalResponseStore:
    """An LRU of at most `max_entries` entries and a generation per tenant, in this process."""

    def __init__(self, max_entries: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_entries = max(1, max_entries)
        self._clock = clock
        # (tenant, digest) -> (expires at, generation, entry)
        self._entries: OrderedDict[tuple[str, str], tuple[float, int, CachedResponse]] = OrderedDict()
        self._generations: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._entries)

    async def lookup(
        self, tenant: str, digest: str, *, read_entry: bool = True
    ) -> tuple[int | None, CachedResponse | None]:
        generation = self._generations.get(tenant, 0)
        if not read_entry:
            return generation, None
        key = (tenant, digest)
        found = self._entries.get(key)
        if found is None:
            return generation, None
        expires, stored_generation, entry = found
        if stored_generation != generation or expires <= self._clock():
            del self._entries[key]
            return generation, None
        self._entries.move_to_end(key)
        return generation, entry

    async def store(
        self, tenant: str, digest: str, generation: int, entry: CachedResponse, ttl: float
    ) -> bool:
        if self._generations.get(tenant, 0) != generation:
            return False  # a mutation ran meanwhile: the answer may predate it
        key = (tenant, digest)
        self._entries[key] = (self._clock() + ttl, generation, entry)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return True

    async def invalidate(self, tenant: str) -> bool:
        self._generations[tenant] = self._generations.get(tenant, 0) + 1
        return True

    async def close(self) -> None:
        self._entries.clear()


class RedisResponseStore:
    """Entries and generations in Redis, shared by gateway replicas; entries expire by TTL.

    Keys: `<prefix>{<tenant hash>}:gen` (the generation, no expiry) and
    `<prefix>{<tenant hash>}:<digest>` (`<generation>\\n<status>\\n<payload>`). The braces put a
    tenant's keys in one cluster slot, so a lookup is one MGET. After a failure Redis is left
    alone for `retry_after` seconds (requests are answered uncached); a warning is logged
    once per outage.
    """

    def __init__(
        self,
        redis_url: str,
        *,
        prefix: str = "mp:rc:",
        timeout: float = 0.5,
        retry_after: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import redis.asyncio as redis

        self.prefix = prefix
        self.retry_after = retry_after
        self._clock = clock
        self._client: Any = redis.Redis.from_url(
            redis_url, socket_connect_timeout=timeout, socket_timeout=timeout
        )
        self._down_until = 0.0
        self._down = False
        self.failures = 0

    def _keys(self, tenant: str) -> str:
        tag = hashlib.sha256(tenant.encode()).hexdigest()[:20]
        return f"{self.prefix}{{{tag}}}:"

    def _failed(self, action: str, error: BaseException) -> None:
        self.failures += 1
        self._down_until = self._clock() + self.retry_after
        if not self._down:
            self._down = True
            log.warning("response cache: Redis unavailable (%s), answering uncached: %s", action, error)

    def _recovered(self) -> None:
        if self._down:
            self._down = False
            log.info("response cache: Redis reachable again")

    async def lookup(
        self, tenant: str, digest: str, *, read_entry: bool = True
    ) -> tuple[int | None, CachedResponse | None]:
        from redis.exceptions import RedisError

        if self._clock() < self._down_until:
            return None, None
        base = self._keys(tenant)
        try:
            if read_entry:
                raw_generation, value = await self._client.mget(base + "gen", base + digest)
            else:
                raw_generation, value = await self._client.get(base + "gen"), None
        except (RedisError, OSError) as error:
            self._failed("lookup", error)
            return None, None
        self._recovered()
        try:
            generation = int(raw_generation or 0)
        except ValueError:
            log.warning("response cache: an unreadable generation in Redis under %sgen", base)
            return None, None
        if value is None:
            return generation, None
        try:
            stored_generation, status, payload = bytes(value).split(b"\n", 2)
            if int(stored_generation) != generation:
                return generation, None
            return generation, CachedResponse(int(status), payload)
        except ValueError:
            log.warning("response cache: an unreadable entry in Redis under %s", base + digest)
            return generation, None

    async def store(
        self, tenant: str, digest: str, generation: int, entry: CachedResponse, ttl: float
    ) -> bool:
        from redis.exceptions import RedisError

        if self._clock() < self._down_until:
            return False
        value = b"%d\n%d\n" % (generation, entry.status) + entry.payload
        try:
            await self._client.set(self._keys(tenant) + digest, value, px=max(1, int(ttl * 1000)))
        except (RedisError, OSError) as error:
            self._failed("store", error)
            return False
        self._recovered()
        return True

    async def invalidate(self, tenant: str) -> bool:
        # Tried even during an outage: a bump that gets through keeps other replicas honest.
        from redis.exceptions import RedisError

        try:
            await self._client.incr(self._keys(tenant) + "gen")
        except (RedisError, OSError) as error:
            self._failed("invalidate", error)
            return False
        self._recovered()
        return True

    async def close(self) -> None:
        await self._client.aclose()


class ResponseCache:
    """Keys, freshness and limits over a store; counts hits, misses and stores in metrics."""

    def __init__(
        self,
        store: ResponseStore,
        *,
        ttl: float,
        max_bytes: int = 262_144,
        scope: str = "",
        metrics: Any = None,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.max_bytes = max_bytes
        self.scope = scope  # what else the answers depend on (limit settings)
        self.metrics = metrics
        self._gateway: object | None = None
        self._gateway_scope = ""
        self._vary: Callable[[Mapping[str, str]], list[tuple[str, str]]] = lambda _: []

    def key(
        self,
        gateway: Any,
        query: str,
        operation_name: str | None,
        variables: Mapping[str, Any] | None,
        caller: Caller,
        media: str,
        headers: Mapping[str, str],
    ) -> str:
        """The digest of everything the answer depends on (the tenant's generation aside)."""
        if gateway is not self._gateway:
            self._bind(gateway)
        material = orjson.dumps(
            [
                self._gateway_scope,
                query,
                operation_name,
                variables or {},
                caller.tenant,
                caller.project,
                caller.user,
                sorted(caller.roles),
                sorted(caller.scopes),
                sorted(caller.groups),
                media,
                self._vary(headers),
            ],
            option=orjson.OPT_SORT_KEYS,
        )
        return hashlib.sha256(material).hexdigest()

    def _bind(self, gateway: Any) -> None:
        """Per supergraph: its fingerprint, and which request headers reach subgraphs."""
        supergraph = gateway.supergraph
        self._gateway_scope = hashlib.sha256(
            f"{self.scope}\n{supergraph.sdl}".encode()
        ).hexdigest()
        rule = getattr(gateway.executor, "header_rule", None)
        names = sorted({n for s in supergraph.subgraphs.values() for n in (s.name, s.graph)})
        if rule is None:
            self._vary = lambda _: []
        else:
            def vary(headers: Mapping[str, str]) -> list[tuple[str, str]]:
                seen: dict[str, str] = {}
                for name in names:
                    seen.update(rule(headers, name))
                return sorted((k, v) for k, v in seen.items() if k not in _NOT_VARYING)

            self._vary = vary
        self._gateway = gateway

    async def lookup(
        self, tenant: str, digest: str, *, read_entry: bool = True
    ) -> tuple[int | None, CachedResponse | None]:
        generation, entry = await self.store.lookup(tenant, digest, read_entry=read_entry)
        if self.metrics is not None:
            if generation is None:
                result = "unavailable"
            elif not read_entry:
                result = "bypass"
            else:
                result = "hit" if entry is not None else "miss"
            self.metrics.response_cache_lookups.labels(result).inc()
        return generation, entry

    async def save(
        self, tenant: str, digest: str, generation: int, status: int, payload: bytes
    ) -> bool:
        if len(payload) > self.max_bytes:
            return False
        stored = await self.store.store(tenant, digest, generation, CachedResponse(status, payload), self.ttl)
        if stored and self.metrics is not None:
            self.metrics.response_cache_stores.inc()
        return stored

    async def invalidate(self, tenant: str) -> None:
        if await self.store.invalidate(tenant) and self.metrics is not None:
            self.metrics.response_cache_invalidations.inc()

    async def close(self) -> None:
        await self.store.close()


def cache_directives(headers: Mapping[str, str]) -> tuple[bool, bool]:
    """(skip the lookup, skip the store) from the request's Cache-Control."""
    value = headers.get("cache-control")
    if not value:
        return False, False
    tokens = {part.strip().lower() for part in value.split(",")}
    no_store = "no-store" in tokens
    return no_store or "no-cache" in tokens, no_store


def build_response_cache(
    *,
    ttl: float,
    max_entries: int = 10_000,
    max_bytes: int = 262_144,
    redis_url: str | None = None,
    prefix: str = "mp:rc:",
    scope: str = "",
    metrics: Any = None,
) -> ResponseCache | None:
    """None when the TTL is not above zero (the cache is off)."""
    if ttl <= 0:
        return None
    store: ResponseStore = (
        RedisResponseStore(redis_url, prefix=prefix) if redis_url else LocalResponseStore(max_entries)
    )
    return ResponseCache(store, ttl=ttl, max_bytes=max_bytes, scope=scope, metrics=metrics)
