"""The checks a request passes before its document is parsed, wired from LimitSettings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from common.tenancy import Caller
from gateway.limits.csrf import check_csrf
from gateway.limits.rate_limit import (
    RateLimiter,
    build_rate_limiter,
    check_rate_limit,
    rate_limit_key,
)
from gateway.limits.settings import LimitSettings
from gateway.limits.tokens import check_tokens
from gateway.limits.trusted_documents import TrustedDocuments, is_browser_request, resolve_document


class RequestLimits:
    """CSRF, trusted documents, the token count and the rate limit, in request order."""

    def __init__(
        self,
        settings: LimitSettings,
        *,
        trusted_documents: TrustedDocuments | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.settings = settings
        self.trusted_documents = trusted_documents
        self.rate_limiter = rate_limiter

    @classmethod
    def from_settings(cls, settings: LimitSettings) -> RequestLimits:
        documents = (
            TrustedDocuments.from_file(settings.trusted_documents_path)
            if settings.trusted_documents_path
            else None
        )
        limiter = (
            build_rate_limiter(
                settings.rate_limit_rps, settings.rate_limit_burst, settings.redis_url
            )
            if settings.rate_limit_rps > 0
            else None
        )
        return cls(settings, trusted_documents=documents, rate_limiter=limiter)

    def check_request(self, method: str, headers: Mapping[str, str]) -> None:
        """Before reading the body: refuses cross-site requests that skipped a preflight."""
        if self.settings.csrf_prevention:
            check_csrf(method, headers)

    def resolve_query(self, body: Mapping[str, Any], headers: Mapping[str, str]) -> str:
        """The document text to parse: from the manifest when the request names an id (or
        must, for browsers in production), bounded in tokens."""
        require = self.settings.require_trusted_documents and is_browser_request(headers)
        text = resolve_document(body, self.trusted_documents, require_trusted=require)
        check_tokens(text, self.settings.max_tokens)
        return text

    async def check_rate(self, caller: Caller, client_address: str | None = None) -> None:
        if self.rate_limiter is not None:
            await check_rate_limit(self.rate_limiter, rate_limit_key(caller, client_address))

    async def close(self) -> None:
        if self.rate_limiter is not None:
            await self.rate_limiter.close()
