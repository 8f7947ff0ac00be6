"""The request guard: identity, request limits and authorization, before any subgraph call."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.headers import LowercaseHeaders
from common.tenancy import IDENTITY_HEADER, SIGNATURE_HEADER, Caller, sign_caller
from gateway.auth import DirectiveEnforcer, IdentityProvider, PolicyRegistry
from gateway.auth.directives import AuthorizationError
from gateway.documents import PreparedOperation
from gateway.http.protocol import GraphQLRequest
from gateway.limits import LimitSettings, OperationLimits
from gateway.limits.introspection import check_introspection, uses_introspection
from gateway.limits.request import RequestLimits
from gateway.supergraph.model import Supergraph


@dataclass(slots=True)
class Admission:
    caller: Caller
    # The request headers, with the signed identity for subgraphs (the client's own
    # identity headers removed); the same mapping when there is nothing to change.
    headers: Mapping[str, str]


class RequestGuard:
    """Per process: who is calling, CSRF, trusted documents, tokens and rate limits."""

    def __init__(
        self,
        identity: IdentityProvider,
        limits: RequestLimits,
        *,
        secret: str | None,
        reject_whole_operation: bool = False,
    ) -> None:
        self.identity = identity
        self.limits = limits
        self.secret = secret
        self.reject_whole_operation = reject_whole_operation

    @classmethod
    def from_env(cls, secret: str | None, mode: str | None = None) -> RequestGuard:
        from gateway.auth import build_identity_provider

        settings = LimitSettings.from_env()
        return cls(build_identity_provider(mode), RequestLimits.from_settings(settings), secret=secret)

    @property
    def settings(self) -> LimitSettings:
        return self.limits.settings

    async def admit(
        self, request: GraphQLRequest, headers: Mapping[str, str], method: str, client: str | None
    ) -> Admission:
        self.limits.check_request(method, headers)
        caller = await self.identity.identify(headers)
        await self.limits.check_rate(caller, client)
        if self.secret is None and IDENTITY_HEADER not in headers and SIGNATURE_HEADER not in headers:
            return Admission(caller, headers)  # nothing to strip or sign: no copy
        kept = [(k, v) for k, v in headers.items() if k not in (IDENTITY_HEADER, SIGNATURE_HEADER)]
        forwarded = LowercaseHeaders(kept) if isinstance(headers, LowercaseHeaders) else dict(kept)
        if self.secret is not None:
            forwarded.update(sign_caller(caller, self.secret))
        return Admission(caller, forwarded)

    def resolve_query(self, request: GraphQLRequest, headers: Mapping[str, str]) -> str:
        """Trusted documents and the token limit; the text to parse."""
        body: dict[str, Any] = {"query": request.query or None}
        if request.extensions:
            body["extensions"] = request.extensions
        if request.document_id:
            body["documentId"] = request.document_id
        return self.limits.resolve_query(body, headers)

    async def close(self) -> None:
        await self.identity.close()
        await self.limits.close()


class SchemaGuard:
    """Per supergraph: shape and cost limits, introspection, authorization directives."""

    def __init__(self, supergraph: Supergraph, settings: LimitSettings, reject_whole: bool) -> None:
        names = supergraph.names
        self.operations = OperationLimits(supergraph.api_schema, settings)
        self.enforcer = DirectiveEnforcer(
            supergraph.api_schema,
            PolicyRegistry.with_defaults(),
            reject_whole_operation=reject_whole,
            directive_names={
                kind: names.security_name(kind)
                for kind in ("authenticated", "requiresScopes", "policy")
            },
        )

    def check(
        self, prepared: PreparedOperation, variables: Mapping[str, Any], caller: Caller
    ) -> None:
        assert prepared.document is not None
        name = prepared.operation.name.value if prepared.operation and prepared.operation.name else None
        document = prepared.document
        settings = self.operations.settings
        if not prepared.shape_checked:
            self.operations.check_shape(document, name)
            prepared.uses_introspection = uses_introspection(document, name)
            prepared.shape_checked = True
        if prepared.uses_introspection:
            check_introspection(document, name, caller, enabled=settings.introspection)
        if prepared.operation is not None and not prepared.operation.variable_definitions:
            # Without variables the estimate cannot change: compute it once per document.
            if prepared.cost is None:
                prepared.cost = self.operations.cost.check(document, name, None, settings.max_cost)
            return
        self.operations.cost.check(document, name, variables, settings.max_cost)

    def authorize(
        self, prepared: PreparedOperation, variables: Mapping[str, Any], caller: Caller
    ) -> tuple[Any, tuple[AuthorizationError, ...]]:
        """The document to plan (None: the original) and the errors for removed fields."""
        assert prepared.document is not None
        name = prepared.operation.name.value if prepared.operation and prepared.operation.name else None
        if prepared.document_key is None:
            prepared.document_key = hashlib.sha256(prepared.query.encode()).hexdigest()
        result = self.enforcer.authorize(
            prepared.document, name, caller, variables, document_key=prepared.document_key
        )
        if not result.changed:
            return None, ()
        key = self.enforcer.cache_key(
            prepared.document, name, caller, variables, document_key=prepared.document_key
        )
        return (key, result.document), result.errors
