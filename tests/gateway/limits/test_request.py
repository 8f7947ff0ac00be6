"""The pre-parse checks wired together from settings."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from common.tenancy import Caller
from gateway.limits.errors import (
    CsrfRejected,
    OperationLimitExceeded,
    PersistedQueryNotFound,
    RateLimited,
    TrustedDocumentRequired,
)
from gateway.limits.rate_limit import LocalRateLimiter, RedisRateLimiter
from gateway.limits.request import RequestLimits
from gateway.limits.settings import LimitSettings

APP_QUERY = "query Models { models { id } }"
APP_ID = hashlib.sha256(APP_QUERY.encode()).hexdigest()
BROWSER = {"origin": "https://modelplane.example", "content-type": "application/json"}
SCRIPT = {"authorization": "Bearer t", "content-type": "application/json"}


@pytest.fixture
def manifest(tmp_path: Path) -> str:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({APP_ID: APP_QUERY}))
    return str(path)


async def test_production_settings_restrict_browsers_to_the_manifest(manifest: str) -> None:
    limits = RequestLimits.from_settings(
        LimitSettings(
            trusted_documents_path=manifest, require_trusted_documents=True, max_tokens=20
        )
    )
    try:
        assert limits.resolve_query({"documentId": f"sha256:{APP_ID}"}, BROWSER) == APP_QUERY
        with pytest.raises(TrustedDocumentRequired):
            limits.resolve_query({"query": "{ models { id name } }"}, BROWSER)
        assert (
            limits.resolve_query({"query": "{ models { id name } }"}, SCRIPT)
            == "{ models { id name } }"
        )
        with pytest.raises(PersistedQueryNotFound):
            limits.resolve_query({"documentId": "f" * 64}, SCRIPT)
        with pytest.raises(OperationLimitExceeded, match="tokens"):
            limits.resolve_query({"query": "{ " + "a " * 30 + "}"}, SCRIPT)
        limits.check_request("POST", BROWSER)
        with pytest.raises(CsrfRejected):
            limits.check_request("POST", {"content-type": "text/plain"})
    finally:
        await limits.close()


async def test_rate_limits_apply_per_identity() -> None:
    limits = RequestLimits.from_settings(LimitSettings(rate_limit_rps=1, rate_limit_burst=2))
    assert isinstance(limits.rate_limiter, LocalRateLimiter)
    alice = Caller(user="alice", tenant="acme")
    try:
        await limits.check_rate(alice)
        await limits.check_rate(alice)
        with pytest.raises(RateLimited):
            await limits.check_rate(alice)
        await limits.check_rate(Caller(user="bob", tenant="acme"))
    finally:
        await limits.close()


async def test_redis_is_used_when_configured_and_limits_can_be_off(redis_url: str) -> None:
    shared = RequestLimits.from_settings(LimitSettings(redis_url=redis_url))
    assert isinstance(shared.rate_limiter, RedisRateLimiter)
    await shared.check_rate(Caller(user="alice"))
    await shared.close()
    off = RequestLimits.from_settings(LimitSettings(rate_limit_rps=0, csrf_prevention=False))
    assert off.rate_limiter is None
    off.check_request("GET", {})
    await off.check_rate(Caller(user="alice"))
    await off.close()
