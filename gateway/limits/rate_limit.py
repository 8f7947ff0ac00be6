"""Rate limits per identity: a token bucket in process, or in Redis so replicas share it."""

from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from common.tenancy import Caller
from gateway.limits.errors import RateLimited

log = logging.getLogger("modelplane.gateway.limits")


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    remaining: float
    retry_after: float


class RateLimiter(Protocol):
    async def hit(self, key: str, cost: float = 1.0) -> RateDecision: ...

    async def close(self) -> None: ...


class LocalRateLimiter:
    """A token bucket per key: `rate` tokens a second, at most `burst` saved up."""

    def __init__(
        self,
        rate: float,
        burst: float,
        *,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def hit(self, key: str, cost: float = 1.0) -> RateDecision:
        now = self._clock()
        tokens, stamp = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + max(0.0, now - stamp) * self.rate)
        if tokens >= cost:
            decision = RateDecision(True, tokens - cost, 0.0)
            tokens -= cost
        else:
            decision = RateDecision(False, tokens, (cost - tokens) / self.rate)
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)  # the least recently seen key starts afresh
        return decision

    async def close(self) -> None:
        self._buckets.clear()


# The same token bucket, atomic in Redis, timed by the Redis server's clock so that
# replicas with skewed clocks agree.
_TOKEN_BUCKET = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'stamp')
local tokens = tonumber(state[1])
local stamp = tonumber(state[2])
if tokens == nil or stamp == nil then
  tokens = burst
  stamp = now
end
tokens = math.min(burst, tokens + math.max(0, now - stamp) * rate)
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = (cost - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'stamp', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(tokens), tostring(retry)}
"""


class RedisRateLimiter:
    """The token bucket in Redis, one Lua call per request; lets requests through (and logs)
    when Redis cannot be reached, since an outage there must not take the gateway down."""

    def __init__(
        self, redis_url: str, rate: float, burst: float, *, prefix: str = "mp:rl:"
    ) -> None:
        import redis.asyncio as redis

        self.rate = rate
        self.burst = burst
        self.prefix = prefix
        self._client: Any = redis.Redis.from_url(redis_url)
        self._script = self._client.register_script(_TOKEN_BUCKET)
        self._warned_at = 0.0

    async def hit(self, key: str, cost: float = 1.0) -> RateDecision:
        from redis.exceptions import RedisError

        try:
            allowed, remaining, retry = await self._script(
                keys=[self.prefix + key], args=[self.rate, self.burst, cost]
            )
        except (RedisError, OSError) as error:
            if time.monotonic() - self._warned_at > 60:
                self._warned_at = time.monotonic()
                log.warning("rate limit: Redis unavailable, not limiting: %s", error)
            return RateDecision(True, self.burst, 0.0)
        return RateDecision(bool(int(allowed)), float(remaining), float(retry))

    async def close(self) -> None:
        await self._client.aclose()


def build_rate_limiter(rate: float, burst: float, redis_url: str | None) -> RateLimiter:
    if redis_url:
        return RedisRateLimiter(redis_url, rate, burst)
    return LocalRateLimiter(rate, burst)


def rate_limit_key(caller: Caller, client_address: str | None = None) -> str:
    """Who a request counts against: the user within their tenant, else the client address."""
    if caller.user:
        return f"user:{caller.tenant}:{caller.user}"
    return f"address:{client_address or 'unknown'}"


async def check_rate_limit(limiter: RateLimiter, key: str, cost: float = 1.0) -> RateDecision:
    """Spends `cost` from the key's bucket; raises RateLimited when it is empty."""
    decision = await limiter.hit(key, cost)
    if not decision.allowed:
        retry_after = max(1, math.ceil(decision.retry_after))
        raise RateLimited(
            "too many requests; slow down",
            suggestion=f"retry after {retry_after} s",
            retryAfter=retry_after,
        )
    return decision
