"""The HuggingFace source: Hub models by pattern, mapped to catalog models, cached and re-synced."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from aiocache.base import BaseCache
from huggingface_hub import HfApi
from huggingface_hub.errors import HfHubHTTPError
from huggingface_hub.hf_api import ModelInfo

from subgraphs.catalog.cache import read_cached, write_cached
from subgraphs.catalog.errors import CatalogConfigError, HubError
from subgraphs.catalog.hub_transport import HubRequestFailed, hub_call_policy, install_transport
from subgraphs.catalog.patterns import HubPattern, NameFilter, parse_hub_pattern
from subgraphs.catalog.records import CatalogModelRecord, SourceConfig, SourceStatus
from subgraphs.catalog.yaml_catalog import parse_models

log = logging.getLogger("modelplane.catalog.huggingface")
MIN_RETRY_SECONDS = 5.0
MAX_RETRY_SECONDS = 900.0


class HubClient:
    """One Hub endpoint read through huggingface_hub's HfApi, each call in a worker thread."""

    def __init__(self, endpoint: str, token: str | None, timeout: float) -> None:
        install_transport()
        # token=False: never fall back to a token saved on this machine for another endpoint.
        self.api = HfApi(endpoint=endpoint, token=token or False)
        self.timeout = timeout

    async def fetch_models(self, pattern: HubPattern, limit: int) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._fetch_models, pattern, limit)

    def _fetch_models(self, pattern: HubPattern, limit: int) -> list[dict[str, Any]]:
        with hub_call_policy(self.timeout):
            try:
                if not pattern.wildcard:
                    return [map_hub_model(self.api.model_info(pattern.exact_id))]
                found = self.api.list_models(
                    author=pattern.organization,
                    search=pattern.model or None,
                    limit=None if pattern.model else limit,
                    full=True,
                    cardData=True,
                )
                matching = (info for info in found if pattern.matches(info.id))
                return [map_hub_model(info) for info in islice(matching, limit)]
            except HubRequestFailed as error:
                raise HubError(error.reason, status=error.status) from None
            except HfHubHTTPError as error:
                raise hub_http_error(error, pattern) from None
            except (ValueError, KeyError, TypeError) as error:
                raise HubError(f"unexpected answer from the Hub: {error}") from None


def hub_http_error(error: HfHubHTTPError, pattern: HubPattern) -> HubError:
    status = error.response.status_code if error.response is not None else None
    if status == 401:
        return HubError("the Hub rejected the API token (401 Unauthorized)", status=401)
    if status == 403:
        return HubError(f"no access to {pattern} on the Hub (403 Forbidden)", status=403)
    if status == 404:
        return HubError(f"{pattern} was not found on the Hub (404)", status=404)
    return HubError(f"the Hub answered {status} for {pattern}", status=status)


def map_hub_model(info: ModelInfo) -> dict[str, Any]:
    """A Hub model in the Kubeflow catalog model format (the YAML parser then checks it)."""
    card: dict[str, Any] = info.card_data.to_dict() if info.card_data is not None else {}  # type: ignore[no-untyped-call]
    tags = [str(t) for t in info.tags or []]
    license_name = card.get("license") or next(
        (t.split(":", 1)[1] for t in tags if t.startswith("license:")), None
    )
    tasks = [info.pipeline_tag, card.get("pipeline_tag"), *_as_list(card.get("tasks"))]
    config = info.config if isinstance(info.config, dict) else {}
    properties: dict[str, Any] = {
        "private": {"metadataType": "MetadataBoolValue", "bool_value": bool(info.private)},
        "gated": {"metadataType": "MetadataStringValue", "string_value": str(info.gated or False).lower()},
        "tags": {"metadataType": "MetadataStringValue", "string_value": ",".join(tags)},
    }  # fmt: skip
    architectures = [str(a) for a in _as_list(config.get("architectures"))]
    if architectures:
        properties["architectures"] = {
            "metadataType": "MetadataStringValue", "string_value": ",".join(architectures)
        }  # fmt: skip
    for key, value in (("downloads", info.downloads), ("likes", info.likes)):
        if isinstance(value, int):
            properties[key] = {"metadataType": "MetadataIntValue", "int_value": str(value)}
    model: dict[str, Any] = {
        "name": info.id,
        "provider": info.author or info.id.partition("/")[0],
        "description": _string_or_none(card.get("description")),
        "language": [str(x) for x in _as_list(card.get("language"))],
        "license": _string_or_none(license_name),
        "libraryName": info.library_name or _string_or_none(card.get("library_name")),
        "tasks": list(dict.fromkeys(str(t) for t in tasks if t)),
        "customProperties": properties,
        "artifacts": [{"uri": f"hf://{info.id}"}],
    }
    if info.created_at is not None:
        model["createTimeSinceEpoch"] = int(info.created_at.timestamp() * 1000)
    if info.last_modified is not None:
        model["lastUpdateTimeSinceEpoch"] = int(info.last_modified.timestamp() * 1000)
    return model


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _string_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


@dataclass(frozen=True, slots=True)
class HubResult:
    models: tuple[CatalogModelRecord, ...]
    status: SourceStatus
    error: str | None
    retry_in: float | None  # seconds until the next attempt, sooner than syncInterval


class HubSource:
    """Keeps one hf source's models: cache first, then the Hub; the last good data on failure."""

    def __init__(
        self,
        config: SourceConfig,
        cache: BaseCache,
        *,
        timeout: float,
        client_factory: Callable[[str, str | None, float], HubClient] = HubClient,
    ) -> None:
        self.config = config
        self.cache = cache
        self.timeout = timeout
        self.client_factory = client_factory
        organization = config.properties.get("allowedOrganization")
        globs = config.included_models or (f"{organization}/*",)
        self.patterns = tuple(parse_hub_pattern(p, organization) for p in globs)
        self.excluded = NameFilter.from_globs((), config.excluded_models)
        self.last_good: dict[str, list[dict[str, Any]]] = {}
        self.failures = 0

    @property
    def sync_interval(self) -> float:
        return float(self.config.properties["syncInterval"])

    def token(self) -> str | None:
        return os.environ.get(str(self.config.properties["apiKeyEnvVar"])) or None

    def cache_key(self, pattern: HubPattern, token: str | None) -> str:
        # Results seen with one token may include private models: never share them across tokens.
        who = hashlib.sha256(token.encode()).hexdigest()[:12] if token else "anonymous"
        limit = self.config.properties["maxModels"]
        return f"hf:{self.config.properties['url']}:{who}:{pattern}:{limit}"

    async def sync(self, *, use_cache: bool = True) -> HubResult:
        token = self.token()
        client = self.client_factory(str(self.config.properties["url"]), token, self.timeout)
        limit = int(self.config.properties["maxModels"])
        problems: list[str] = []
        retry_hint: float | None = None
        for pattern in self.patterns:
            key = self.cache_key(pattern, token)
            cached = await read_cached(self.cache, key) if use_cache else None
            if cached is not None:
                self.last_good[str(pattern)] = cached
                continue
            try:
                fetched = await client.fetch_models(pattern, limit)
            except HubError as error:
                problems.append(f"{pattern}: {error.reason}")
                if error.status == 429:
                    retry_hint = max(retry_hint or 0.0, MIN_RETRY_SECONDS)
                continue
            self.last_good[str(pattern)] = fetched
            await write_cached(self.cache, key, fetched, self.sync_interval)
        return self._result(problems, retry_hint)

    def _result(self, problems: list[str], retry_hint: float | None) -> HubResult:
        seen: dict[str, dict[str, Any]] = {}
        for pattern in self.patterns:
            for model in self.last_good.get(str(pattern), []):
                if self.excluded.admits(model["name"]):
                    seen.setdefault(model["name"], model)
        try:
            models = parse_models(self.config, seen.values(), str(self.config.properties["url"]))
        except CatalogConfigError as error:
            models, problems = (), [*problems, error.message]
        if not problems:
            self.failures = 0
            return HubResult(models, "available", None, None)
        self.failures += 1
        backoff = min(MAX_RETRY_SECONDS, MIN_RETRY_SECONDS * 2 ** (self.failures - 1))
        retry_in = min(self.sync_interval, max(backoff, retry_hint or 0.0))
        status: SourceStatus = "partially-available" if models else "error"
        served = f"; serving {len(models)} models from the last good sync" if models else ""
        return HubResult(models, status, "; ".join(problems) + served, retry_in)


SyncListener = Callable[[str, HubResult], Awaitable[None]]


class HubSyncLoop:
    """Runs HubSource.sync now and then every syncInterval (sooner after a failure)."""

    def __init__(self, source: HubSource, on_result: SyncListener) -> None:
        self.source = source
        self.on_result = on_result
        self.task: asyncio.Task[None] | None = None
        self.last_sync: float | None = None

    def start(self) -> None:
        if self.task is None:
            self.task = asyncio.create_task(self._run(), name=f"hf-sync:{self.source.config.id}")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None

    async def _run(self) -> None:
        use_cache = True
        while True:
            try:
                result = await self.source.sync(use_cache=use_cache)
            except Exception as error:  # a bug here must not stop later syncs
                log.exception("hf source %s failed to sync", self.source.config.id)
                result = HubResult((), "error", f"sync failed: {error}", MIN_RETRY_SECONDS)
            self.last_sync = time.time()
            await self.on_result(self.source.config.id, result)
            # Cached entries expire after syncInterval, so later rounds refetch from the Hub.
            use_cache = True
            await asyncio.sleep(result.retry_in or self.source.sync_interval)
