"""The Hub client's HTTP transport: bounded timeouts and failures that surface at once.

huggingface_hub retries 429, 5xx and network errors itself, sleeping in the calling thread
for up to ~30 s and without any request timeout. The catalog's sync loop schedules its own
retries, so inside a catalog call this transport turns those answers into an error the Hub
client does not retry. Calls made outside the catalog (no policy set) pass through unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx2
from huggingface_hub import set_client_factory

_CALL_TIMEOUT: ContextVar[float | None] = ContextVar("catalog_hub_timeout", default=None)
_INSTALLED = threading.Event()
_INSTALL_LOCK = threading.Lock()


class HubRequestFailed(Exception):
    """Deliberately not an httpx2 error: huggingface_hub must not retry it."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class FailFastTransport(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport | None = None) -> None:
        self._inner = inner or httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        timeout = _CALL_TIMEOUT.get()
        if timeout is None:
            return self._inner.handle_request(request)
        request.extensions["timeout"] = {
            "connect": timeout, "read": timeout, "write": timeout, "pool": timeout
        }  # fmt: skip
        try:
            response = self._inner.handle_request(request)
        except httpx2.TimeoutException:
            raise HubRequestFailed(f"the Hub did not answer within {timeout:g}s") from None
        except httpx2.TransportError as error:
            raise HubRequestFailed(f"the Hub is unreachable ({type(error).__name__})") from None
        status = response.status_code
        if status == 429 or status >= 500:
            retry_after = _retry_after(response.headers.get("retry-after"))
            response.close()
            reason = (
                "the Hub is rate-limiting requests (429)"
                if status == 429
                else (f"the Hub answered {status}")
            )
            raise HubRequestFailed(reason, status=status, retry_after=retry_after)
        return response

    def close(self) -> None:
        self._inner.close()


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def install_transport() -> None:
    """Make huggingface_hub's shared client use FailFastTransport (once per process)."""
    if _INSTALLED.is_set():
        return
    with _INSTALL_LOCK:
        if not _INSTALLED.is_set():
            set_client_factory(
                lambda: httpx2.Client(
                    transport=FailFastTransport(), follow_redirects=True, timeout=None
                )
            )
            _INSTALLED.set()


@contextmanager
def hub_call_policy(timeout: float) -> Iterator[None]:
    token = _CALL_TIMEOUT.set(timeout)
    try:
        yield
    finally:
        _CALL_TIMEOUT.reset(token)
