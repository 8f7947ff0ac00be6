"""Kubernetes SubjectAccessReview checks with a short-lived cache of the decisions."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from kubernetes_asyncio import client as k8s

from common.errors import Unavailable

ApiClientFactory = Callable[[], Awaitable[k8s.ApiClient]]


@dataclass(frozen=True, slots=True)
class ResourceCheck:
    """A verb on a resource kind, as RBAC names them (`resource` plural, `group` API group)."""

    verb: str
    resource: str
    group: str = ""

    @classmethod
    def parse(cls, verb: str, resource: str) -> ResourceCheck:
        """`resource` may be qualified like kubectl: "inferenceservices.serving.kserve.io"."""
        name, _, group = resource.partition(".")
        return cls(verb=verb, resource=name, group=group)


@dataclass(frozen=True, slots=True)
class _ReviewKey:
    user: str
    groups: tuple[str, ...]
    namespace: str
    check: ResourceCheck


class AccessReviewer:
    """Asks the API server whether a user may do something in a namespace; caches answers."""

    def __init__(
        self,
        api_client: ApiClientFactory,
        *,
        ttl_seconds: float = 10.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connect = api_client
        self._api: k8s.ApiClient | None = None
        self._ttl = ttl_seconds
        self._max_entries = max_entries
        self._clock = clock
        self._decisions: dict[_ReviewKey, tuple[float, bool]] = {}
        self._pending: dict[_ReviewKey, asyncio.Future[bool]] = {}
        self.reviews_sent = 0

    async def is_allowed(
        self, user: str, groups: tuple[str, ...], namespace: str, check: ResourceCheck
    ) -> bool:
        key = _ReviewKey(user, tuple(sorted(groups)), namespace, check)
        cached = self._decisions.get(key)
        if cached is not None and cached[0] > self._clock():
            return cached[1]
        pending = self._pending.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            allowed = await self._review(key)
            self._remember(key, allowed)
            future.set_result(allowed)
            return allowed
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # waiters re-raise it; mark it retrieved for the loop
            raise
        finally:
            del self._pending[key]

    async def close(self) -> None:
        if self._api is not None:
            await self._api.close()
            self._api = None

    async def _review(self, key: _ReviewKey) -> bool:
        if self._api is None:
            self._api = await self._connect()
        body = k8s.V1SubjectAccessReview(
            api_version="authorization.k8s.io/v1",
            kind="SubjectAccessReview",
            spec=k8s.V1SubjectAccessReviewSpec(
                user=key.user,
                groups=list(key.groups) or None,
                resource_attributes=k8s.V1ResourceAttributes(
                    namespace=key.namespace,
                    verb=key.check.verb,
                    group=key.check.group,
                    resource=key.check.resource,
                ),
            ),
        )
        self.reviews_sent += 1
        try:
            review = await k8s.AuthorizationV1Api(self._api).create_subject_access_review(body)
        except (TimeoutError, k8s.ApiException, OSError) as error:
            raise Unavailable(
                "the Kubernetes API server could not check this request's permissions",
                suggestion="retry shortly; the gateway needs RBAC to create subjectaccessreviews",
            ) from error
        return bool(review.status is not None and review.status.allowed)

    def _remember(self, key: _ReviewKey, allowed: bool) -> None:
        if len(self._decisions) >= self._max_entries:
            now = self._clock()
            self._decisions = {k: v for k, v in self._decisions.items() if v[0] > now}
            if len(self._decisions) >= self._max_entries:
                self._decisions.clear()
        self._decisions[key] = (self._clock() + self._ttl, allowed)


async def connect_to_cluster() -> k8s.ApiClient:
    """An API client from the in-cluster service account, else from the local kubeconfig."""
    from kubernetes_asyncio import config

    try:
        config.load_incluster_config()  # type: ignore[no-untyped-call]
    except config.ConfigException:
        await config.load_kube_config()
    return k8s.ApiClient()
