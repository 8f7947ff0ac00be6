"""The Kubernetes driver: KServe objects through kubernetes-asyncio's CustomObjectsApi."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

import aiohttp
from kubernetes_asyncio import client
from kubernetes_asyncio.client.exceptions import ApiException

from common.errors import NotFound
from subgraphs.deploy.errors import error_from_status, unreachable
from subgraphs.deploy.live_cache import LiveCache
from subgraphs.deploy.records import Environment, ServingRuntime, StoredObject
from subgraphs.deploy.resource import (
    DESCRIPTION,
    GROUP,
    MANAGED_BY,
    MANAGER,
    PLURAL,
    PRODUCTION,
    RUNTIME_PLURAL,
    RUNTIME_VERSION,
    TENANT,
    VERSION,
)

T = TypeVar("T")

MERGE_PATCH = "application/merge-patch+json"


class KubernetesDriver:
    """Drives KServe in one cluster; a namespace is a serving environment.

    Tenancy is a label on every object this driver creates; objects of another tenant are
    reported as not found.
    """

    mode = "kubernetes"

    def __init__(
        self,
        configuration: client.Configuration,
        *,
        request_timeout: float = 15.0,
        watch: bool = True,
        watch_timeout_seconds: int = 60,
        watch_retry_seconds: float = 1.0,
    ) -> None:
        self.configuration = configuration
        self.request_timeout = request_timeout
        self.watch = watch
        self.watch_timeout_seconds = watch_timeout_seconds
        self.watch_retry_seconds = watch_retry_seconds
        self._api_client: client.ApiClient | None = None
        self.cache: LiveCache | None = None

    @property
    def api_client(self) -> client.ApiClient:
        if self._api_client is None:
            self._api_client = client.ApiClient(configuration=self.configuration)
        return self._api_client

    @property
    def objects(self) -> client.CustomObjectsApi:
        return client.CustomObjectsApi(self.api_client)

    @property
    def core(self) -> client.CoreV1Api:
        return client.CoreV1Api(self.api_client)

    async def start(self) -> None:
        if self.watch and self.cache is None:
            self.cache = LiveCache(
                self._list_all_services,
                label_selector=f"{MANAGED_BY}={MANAGER}",
                watch_timeout_seconds=self.watch_timeout_seconds,
                retry_seconds=self.watch_retry_seconds,
            )
            self.cache.start()

    async def close(self) -> None:
        if self.cache is not None:
            await self.cache.stop()
            self.cache = None
        if self._api_client is not None:
            await self._api_client.close()
            self._api_client = None

    def is_ready(self) -> bool:
        return self.cache is None or self.cache.synced or self.cache.disabled

    async def _call(self, what: str, call: Awaitable[T]) -> T:
        try:
            return await call
        except ApiException as error:
            if error.status == 0 or error.status is None:
                raise unreachable(what, error) from None
            raise error_from_status(error.status, error.body, what=what) from None
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            raise unreachable(what, error) from None

    def _live(self) -> LiveCache | None:
        cache = self.cache
        return cache if cache is not None and cache.synced else None

    async def _list_all_services(self, **kwargs: Any) -> Any:
        return await self.objects.list_cluster_custom_object(
            GROUP, VERSION, PLURAL, _request_timeout=None if kwargs.get("watch") else self.request_timeout, **kwargs
        )

    # Environments are namespaces.

    async def create_environment(self, environment: Environment) -> Environment:
        body = {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "name": environment.name,
                "labels": {
                    MANAGED_BY: MANAGER,
                    TENANT: environment.tenant,
                    PRODUCTION: "true" if environment.production else "false",
                },
                "annotations": {DESCRIPTION: environment.description},
            },
        }
        created = await self._call(
            f"namespace {environment.name}",
            self.core.create_namespace(body, _request_timeout=self.request_timeout),  # type: ignore[arg-type]
        )
        return _environment(self.api_client.sanitize_for_serialization(created))

    async def get_environment(self, tenant: str, name: str) -> Environment | None:
        try:
            found = await self._call(
                f"namespace {name}",
                self.core.read_namespace(name, _request_timeout=self.request_timeout),
            )
        except NotFound:
            return None
        environment = _environment(self.api_client.sanitize_for_serialization(found))
        return environment if environment.tenant == tenant else None

    async def list_environments(self, tenant: str) -> list[Environment]:
        found = await self._call(
            "namespaces",
            self.core.list_namespace(
                label_selector=f"{MANAGED_BY}={MANAGER},{TENANT}={tenant}",
                _request_timeout=self.request_timeout,
            ),
        )
        items = self.api_client.sanitize_for_serialization(found).get("items", [])
        return sorted((_environment(item) for item in items), key=lambda e: e.name)

    # InferenceServices.

    async def create_service(self, tenant: str, body: dict[str, Any]) -> StoredObject:
        namespace, name = body["metadata"]["namespace"], body["metadata"]["name"]
        await self._require_environment(tenant, namespace)
        created = await self._call(
            f"inference service {namespace}/{name}",
            self.objects.create_namespaced_custom_object(
                GROUP, VERSION, namespace, PLURAL, body, _request_timeout=self.request_timeout
            ),
        )
        return self._remember(created)

    async def get_service(self, tenant: str, namespace: str, name: str) -> StoredObject | None:
        live = self._live()
        body = live.objects.get((namespace, name)) if live is not None else None
        if body is None:
            # A miss may be a create the watch has not delivered yet: ask the server.
            try:
                body = await self._call(
                    f"inference service {namespace}/{name}",
                    self.objects.get_namespaced_custom_object_status(
                        GROUP, VERSION, namespace, PLURAL, name, _request_timeout=self.request_timeout
                    ),
                )
            except NotFound:
                return None
        if body is None or _tenant_of(body) != tenant:
            return None
        return StoredObject(body, applied=True)

    async def list_services(
        self, tenant: str, *, namespace: str | None = None, labels: dict[str, str] | None = None
    ) -> list[StoredObject]:
        wanted = {MANAGED_BY: MANAGER, TENANT: tenant, **(labels or {})}
        live = self._live()
        if live is not None:
            items = [
                body
                for (ns, _), body in live.objects.items()
                if (namespace is None or ns == namespace) and _has_labels(body, wanted)
            ]
        else:
            selector = ",".join(f"{k}={v}" for k, v in wanted.items())
            if namespace is None:
                listing = await self._call("inference services", self._list_all_services(label_selector=selector))
            else:
                listing = await self._call(
                    f"inference services in {namespace}",
                    self.objects.list_namespaced_custom_object(
                        GROUP, VERSION, namespace, PLURAL, label_selector=selector,
                        _request_timeout=self.request_timeout,
                    ),
                )
            items = listing.get("items", [])
        items.sort(key=lambda b: (b["metadata"]["namespace"], b["metadata"]["name"]))
        return [StoredObject(body, applied=True) for body in items]

    async def patch_service(
        self, tenant: str, namespace: str, name: str, patch: dict[str, Any]
    ) -> StoredObject:
        await self._require_service(tenant, namespace, name)
        patched = await self._call(
            f"inference service {namespace}/{name}",
            self.objects.patch_namespaced_custom_object(  # type: ignore[call-arg]
                GROUP, VERSION, namespace, PLURAL, name, patch,
                _content_type=MERGE_PATCH, _request_timeout=self.request_timeout,
            ),
        )
        return self._remember(patched)

    async def delete_service(self, tenant: str, namespace: str, name: str) -> None:
        await self._require_service(tenant, namespace, name)
        await self._call(
            f"inference service {namespace}/{name}",
            self.objects.delete_namespaced_custom_object(
                GROUP, VERSION, namespace, PLURAL, name, _request_timeout=self.request_timeout
            ),
        )
        if self.cache is not None:
            self.cache.forget(namespace, name)

    async def list_serving_runtimes(self, tenant: str, namespace: str) -> list[ServingRuntime]:
        await self._require_environment(tenant, namespace)
        listing = await self._call(
            f"serving runtimes in {namespace}",
            self.objects.list_namespaced_custom_object(
                GROUP, RUNTIME_VERSION, namespace, RUNTIME_PLURAL, _request_timeout=self.request_timeout
            ),
        )
        return [_runtime(item) for item in listing.get("items", [])]

    async def _require_environment(self, tenant: str, namespace: str) -> None:
        if await self.get_environment(tenant, namespace) is None:
            raise NotFound(f"serving environment {namespace!r} not found")

    async def _require_service(self, tenant: str, namespace: str, name: str) -> None:
        # Read from the server, not the cache: this check guards a write.
        try:
            body = await self._call(
                f"inference service {namespace}/{name}",
                self.objects.get_namespaced_custom_object(
                    GROUP, VERSION, namespace, PLURAL, name, _request_timeout=self.request_timeout
                ),
            )
        except NotFound:
            body = None
        if body is None or _tenant_of(body) != tenant:
            raise NotFound(f"inference service {namespace}/{name} not found")

    def _remember(self, body: dict[str, Any]) -> StoredObject:
        if self.cache is not None:
            self.cache.remember(body)
        return StoredObject(body, applied=True)


def _tenant_of(body: dict[str, Any]) -> str | None:
    return ((body.get("metadata") or {}).get("labels") or {}).get(TENANT)


def _has_labels(body: dict[str, Any], wanted: dict[str, str]) -> bool:
    labels = (body.get("metadata") or {}).get("labels") or {}
    return all(labels.get(k) == v for k, v in wanted.items())


def _environment(namespace: dict[str, Any]) -> Environment:
    metadata = namespace.get("metadata") or {}
    labels = metadata.get("labels") or {}
    created = metadata.get("creationTimestamp")
    return Environment(
        name=str(metadata.get("name", "")),
        description=str((metadata.get("annotations") or {}).get(DESCRIPTION, "")),
        production=labels.get(PRODUCTION) == "true",
        tenant=str(labels.get(TENANT, "")),
        created_at=created if isinstance(created, str) or created is None else created.isoformat(),
    )


def _runtime(body: dict[str, Any]) -> ServingRuntime:
    metadata = body.get("metadata") or {}
    spec = body.get("spec") or {}
    formats = tuple(
        str(f.get("name")) for f in spec.get("supportedModelFormats") or [] if isinstance(f, dict)
    )
    containers = tuple(
        str(c.get("image", c.get("name", ""))) for c in spec.get("containers") or [] if isinstance(c, dict)
    )
    return ServingRuntime(
        name=str(metadata.get("name", "")),
        namespace=str(metadata.get("namespace", "")),
        model_formats=formats,
        disabled=bool(spec.get("disabled", False)),
        multi_model=bool(spec.get("multiModel", False)),
        containers=containers,
    )
