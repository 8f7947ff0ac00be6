"""How the gateway reaches subgraphs: a Protocol, and an aiohttp implementation with keep-alive pools."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from typing import Protocol

import aiohttp


class SubgraphTransportError(Exception):
    """A subgraph could not be reached or did not answer in time."""

    def __init__(self, message: str, code: str = "SUBREQUEST_HTTP_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class SubgraphTransport(Protocol):
    """`post` returns an awaitable of (HTTP status, body): a coroutine, or a future.
    A request that is not `idempotent` (a mutation) is never sent twice."""

    def post(
        self, url: str, body: bytes, headers: Mapping[str, str], timeout: float,
        idempotent: bool = True,
    ) -> Awaitable[tuple[int, bytes]]: ...

    async def close(self) -> None: ...


class AiohttpTransport:
    """Keep-alive connection pools per host; TLS, proxies and redirects come with aiohttp."""

    def __init__(self, pool_size: int = 100) -> None:
        self.pool_size = pool_size
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=0, limit_per_host=self.pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, auto_decompress=True, skip_auto_headers=("User-Agent",)
            )
        return self._session

    async def post(
        self, url: str, body: bytes, headers: Mapping[str, str], timeout: float,
        idempotent: bool = True,  # aiohttp does not resend a POST
    ) -> tuple[int, bytes]:
        try:
            async with self.session().post(
                url,
                data=body,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                return response.status, await response.read()
        except TimeoutError:
            raise SubgraphTransportError(f"timed out after {timeout:g}s", "SUBREQUEST_TIMEOUT") from None
        except aiohttp.ClientError as error:
            raise SubgraphTransportError(str(error) or type(error).__name__) from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
