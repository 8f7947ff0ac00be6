"""Hot reload: watch the directories of every catalog file and reload after a quiet moment.

Directories, not files: a Kubernetes ConfigMap volume updates by swapping its `..data`
symlink, which never touches the path the sources file is read through.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from watchfiles import awatch

from subgraphs.catalog.catalog import Catalog

log = logging.getLogger("modelplane.catalog.watcher")


def watched_directories(files: set[Path]) -> set[Path]:
    directories: set[Path] = set()
    for path in files:
        directories.add(path.parent)
        with contextlib.suppress(OSError):
            directories.add(path.resolve().parent)  # a symlinked file changes where it points
    return {d for d in directories if d.is_dir()}


class _StopWhen:
    """What awatch's stop_event needs (`is_set`, `set`), true when either event is set."""

    def __init__(self, first: asyncio.Event, second: asyncio.Event) -> None:
        self.first = first
        self.second = second

    def is_set(self) -> bool:
        return self.first.is_set() or self.second.is_set()

    def set(self) -> None:
        self.second.set()


class CatalogWatcher:
    """Runs `catalog.reload()` once changes have settled for `debounce_ms`."""

    def __init__(self, catalog: Catalog, *, debounce_ms: int = 150) -> None:
        self.catalog = catalog
        self.debounce_ms = debounce_ms
        self.task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    async def start(self) -> None:
        self.task = asyncio.create_task(self._run(), name="catalog-watcher")
        # awatch registers its watches synchronously on its first step; letting the task run
        # that far means no change made after start() returns can be missed.
        for _ in range(3):
            await asyncio.sleep(0)

    async def stop(self) -> None:
        self._stop.set()
        if self.task is not None:
            try:
                await asyncio.wait_for(self.task, timeout=5)
            except TimeoutError:
                log.warning("the catalog watcher did not stop in time")
            self.task = None

    async def _run(self) -> None:
        while not self._stop.is_set():
            directories = watched_directories(self.catalog.watched_files())
            if not directories:
                await _sleep_until(self._stop, 1.0)
                continue
            restart = asyncio.Event()
            try:
                async for changes in awatch(
                    *directories,
                    stop_event=_StopWhen(self._stop, restart),
                    step=self.debounce_ms,
                    debounce=max(1600, self.debounce_ms * 4),
                    recursive=False,
                    rust_timeout=1000,
                    ignore_permission_denied=True,
                ):
                    log.debug("catalog files changed: %s", changes)
                    try:
                        await self.catalog.reload()
                    except Exception:  # a bug in one reload must not end hot reload
                        log.exception("catalog reload failed")
                    if watched_directories(self.catalog.watched_files()) != directories:
                        restart.set()
            except FileNotFoundError:
                await _sleep_until(self._stop, 0.5)


async def _sleep_until(event: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), timeout=seconds)
