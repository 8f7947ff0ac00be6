"""A watch-fed cache of InferenceServices, so queries don't hit the API server for every field."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from kubernetes_asyncio.client.exceptions import ApiException
from kubernetes_asyncio.watch import Watch

log = logging.getLogger("modelplane.deploy.cache")

ListFunction = Callable[..., Awaitable[Any]]


def resource_version_of(body: dict[str, Any]) -> int:
    raw = (body.get("metadata") or {}).get("resourceVersion") or "0"
    return int(raw) if str(raw).isdigit() else 0


class LiveCache:
    """Lists, then watches from the list's resourceVersion; re-lists when the watch breaks.

    `synced` is true only while the watch is healthy: when the API server goes away, readers
    fall back to direct calls (and see the outage) rather than serving old status as live.
    """

    def __init__(
        self,
        list_objects: ListFunction,
        *,
        label_selector: str,
        watch_timeout_seconds: int = 60,
        retry_seconds: float = 1.0,
    ) -> None:
        self.list_objects = list_objects
        self.label_selector = label_selector
        self.watch_timeout_seconds = watch_timeout_seconds
        self.retry_seconds = retry_seconds
        self.objects: dict[tuple[str, str], dict[str, Any]] = {}
        self.synced = False
        self.disabled = False
        self._task: asyncio.Task[None] | None = None
        self._watch: Watch | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="modelplane-deploy-watch")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._watch is not None:
            await self._watch.close()
            self._watch = None
        self.synced = False

    async def wait_synced(self, timeout: float) -> bool:
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.synced and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.02)
        return self.synced

    def remember(self, body: dict[str, Any]) -> None:
        """Record an object this process just wrote, unless the watch already has newer."""
        key = _key(body)
        held = self.objects.get(key)
        if held is None or resource_version_of(held) <= resource_version_of(body):
            self.objects[key] = body

    def forget(self, namespace: str, name: str) -> None:
        self.objects.pop((namespace, name), None)

    async def _run(self) -> None:
        while True:
            try:
                version = await self._relist()
                await self._follow(version)
            except asyncio.CancelledError:
                raise
            except ApiException as error:
                self.synced = False
                if error.status in (401, 403):
                    log.warning("live status cache disabled: the cluster refused list/watch")
                    self.disabled = True
                    return
                if error.status != 410:
                    log.info("watch failed (%s); retrying", error.status)
                    await asyncio.sleep(self.retry_seconds)
            except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as error:
                self.synced = False
                log.info("watch connection lost (%s); retrying", type(error).__name__)
                await asyncio.sleep(self.retry_seconds)

    async def _relist(self) -> str:
        listing = await self.list_objects(label_selector=self.label_selector)
        version = str((listing.get("metadata") or {}).get("resourceVersion") or "")
        listed = {_key(item): item for item in listing.get("items", [])}
        # Writes this process made while the list was in flight are newer than the list.
        floor = int(version) if version.isdigit() else 0
        for key, body in self.objects.items():
            if resource_version_of(body) > floor:
                listed[key] = body
        self.objects = listed
        self.synced = True
        return version

    async def _follow(self, version: str) -> None:
        """Applies watch events until the server says the version is gone (410) or breaks."""
        while True:
            self._watch = Watch()
            stream = self._watch.stream(
                self.list_objects,
                label_selector=self.label_selector,
                resource_version=version,
                timeout_seconds=self.watch_timeout_seconds,
            )
            async with stream:
                async for event in stream:
                    body = event["raw_object"]
                    if event["type"] == "DELETED":
                        self.objects.pop(_key(body), None)
                    elif event["type"] in ("ADDED", "MODIFIED"):
                        self.objects[_key(body)] = body
                    if stream.resource_version:
                        version = str(stream.resource_version)
            # A watch that ends cleanly hit its timeout; one that ends at once lost its server,
            # which the next call will show as a connection error.
            self._watch = None


def _key(body: dict[str, Any]) -> tuple[str, str]:
    metadata = body.get("metadata") or {}
    return str(metadata.get("namespace", "")), str(metadata.get("name", ""))
