"""The live catalog: loads every source, and swaps in a new immutable snapshot on each change."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from aiocache.base import BaseCache

from common.errors import NotFound
from subgraphs.catalog.cache import build_cache
from subgraphs.catalog.errors import CatalogConfigError
from subgraphs.catalog.huggingface import HubClient, HubResult, HubSource, HubSyncLoop
from subgraphs.catalog.index import CatalogIndex, build_index
from subgraphs.catalog.records import (
    CatalogModelRecord,
    SourceConfig,
    SourceLabel,
    SourceState,
)
from subgraphs.catalog.settings import CATALOG_HUB_TIMEOUT
from subgraphs.catalog.sources_file import (
    SourcesDocument,
    describe_broken_source,
    merge_sources,
    parse_sources_text,
)
from subgraphs.catalog.yaml_catalog import load_yaml_catalog

log = logging.getLogger("modelplane.catalog")
HUB_PENDING = "the first sync with the Hub has not finished yet"


@dataclass(frozen=True, slots=True)
class CatalogSnapshot:
    """Everything one query reads; replaced whole, never modified."""

    sources: Mapping[str, SourceState]
    labels: tuple[SourceLabel, ...]
    index: CatalogIndex
    problems: tuple[str, ...] = ()  # file-level errors not tied to one source
    generation: int = 0
    loaded_at: float = field(default_factory=time.time)

    def model(self, source_id: str, name: str) -> CatalogModelRecord | None:
        row = self.index.by_key.get((source_id, name))
        return None if row is None else self.index.models[row]

    def source_ids_with_labels(self, labels: Sequence[str]) -> tuple[str, ...]:
        wanted = set(labels)
        return tuple(s.config.id for s in self.sources.values() if wanted & set(s.config.labels))


EMPTY_SNAPSHOT = CatalogSnapshot(MappingProxyType({}), (), build_index(()))


@dataclass(frozen=True, slots=True)
class ReloadReport:
    changed: bool
    seconds: float
    generation: int


class Catalog:
    """Reads the sources files, keeps each source's last good content, serves snapshots."""

    def __init__(
        self,
        sources_files: Sequence[Path | str],
        *,
        cache: BaseCache | None = None,
        hub_timeout: float | None = None,
        hub_client_factory: Callable[[str, str | None, float], HubClient] = HubClient,
    ) -> None:
        self.sources_files = tuple(Path(p).absolute() for p in sources_files)
        self.cache = cache if cache is not None else build_cache()
        self.hub_timeout = (
            hub_timeout if hub_timeout is not None else (CATALOG_HUB_TIMEOUT.get_float())
        )
        self.hub_client_factory = hub_client_factory
        self.snapshot = EMPTY_SNAPSHOT
        self.last_reload: ReloadReport | None = None
        self._lock = asyncio.Lock()
        self._documents: dict[Path, SourcesDocument] = {}
        self._file_hashes: dict[Path, str] = {}
        self._hub_loops: dict[str, HubSyncLoop] = {}
        self._hub_results: dict[str, HubResult] = {}
        self._running = False
        self._stopping: set[asyncio.Task[None]] = set()
        self._swapped = asyncio.Condition()

    async def start(self) -> None:
        self._running = True
        await self.reload()

    async def stop(self) -> None:
        self._running = False
        loops, self._hub_loops = list(self._hub_loops.values()), {}
        for loop in loops:
            await loop.stop()
        if self._stopping:
            await asyncio.gather(*self._stopping, return_exceptions=True)
        await self.cache.close()

    async def wait_for(
        self, predicate: Callable[[CatalogSnapshot], bool], timeout: float = 10.0
    ) -> CatalogSnapshot:
        """The first snapshot for which `predicate` holds (tests and the benchmark use this)."""
        async with asyncio.timeout(timeout), self._swapped:
            await self._swapped.wait_for(lambda: predicate(self.snapshot))
        return self.snapshot

    def watched_files(self) -> set[Path]:
        files = set(self.sources_files)
        for state in self.snapshot.sources.values():
            if state.config.type == "yaml" and "yamlCatalogPath" in state.config.properties:
                files.add(state.config.yaml_catalog_path)
        return files

    async def reload(self) -> ReloadReport:
        """Re-read every file; swap in a new snapshot only when something really changed."""
        async with self._lock:
            started = time.perf_counter()
            documents, problems = await asyncio.to_thread(self._read_sources_files)
            merged = merge_sources(documents)
            self._sync_hub_loops(merged.configs, merged.errors)
            previous = self.snapshot
            states: dict[str, SourceState] = {}
            for source_id, config in merged.configs.items():
                states[source_id] = await self._load_source(config, previous, problems)
            for source_id, error in merged.errors.items():
                message = problems.get(error.file, error.message)
                states[source_id] = self._broken_state(documents, source_id, message, previous)
            changed = _differs(previous, states, merged.labels, problems)
            if changed:
                await self._swap(previous, states, merged.labels, problems)
            report = ReloadReport(changed, time.perf_counter() - started, self.snapshot.generation)
            self.last_reload = report
            return report

    def _read_sources_files(self) -> tuple[list[SourcesDocument], dict[str, str]]:
        """Each file's last good parse; `problems` maps a file to why its newest text failed."""
        documents: list[SourcesDocument] = []
        problems: dict[str, str] = {}
        for path in self.sources_files:
            try:
                text = path.read_text(encoding="utf-8")
                digest = hashlib.sha256(text.encode()).hexdigest()
                if self._file_hashes.get(path) != digest or path not in self._documents:
                    self._documents[path] = parse_sources_text(text, path)
                    self._file_hashes[path] = digest
            except OSError as error:
                problems[str(path)] = f"{path}: cannot read: {error.strerror or error}"
            except CatalogConfigError as error:
                problems[str(path)] = error.message
            if path in self._documents:
                documents.append(self._documents[path])
        return documents, problems

    async def _load_source(
        self, config: SourceConfig, previous: CatalogSnapshot, problems: Mapping[str, str]
    ) -> SourceState:
        old = previous.sources.get(config.id)
        file_problem = next((problems[f] for f in config.defined_in if f in problems), None)
        if not config.enabled:
            return SourceState(config, "disabled", loaded_at=time.time())
        if config.type == "hf":
            state = self._hub_state(config)
        else:
            state = await self._load_yaml_source(config, old)
        if file_problem is not None:
            # The sources file itself is broken: keep serving, but say so.
            return SourceState(
                state.config,
                "error",
                state.models,
                file_problem,
                state.fingerprint,
                state.loaded_at,
            )
        return state

    async def _load_yaml_source(self, config: SourceConfig, old: SourceState | None) -> SourceState:
        path = config.yaml_catalog_path
        try:
            text = await asyncio.to_thread(path.read_text, encoding="utf-8")
        except OSError as error:
            message = f"{path}: source {config.id!r}: cannot read: {error.strerror or error}"
            return _keep_last_good(config, old, message)
        fingerprint = hashlib.sha256(
            f"{config.included_models}|{config.excluded_models}|".encode() + text.encode()
        ).hexdigest()
        if old is not None and old.fingerprint == fingerprint and old.status == "available":
            return old if old.config == config else _replace_config(old, config)
        try:
            models = await asyncio.to_thread(load_yaml_catalog, config, text)
        except CatalogConfigError as error:
            return _keep_last_good(config, old, error.message)
        return SourceState(config, "available", models, None, fingerprint, time.time())

    def _hub_state(self, config: SourceConfig) -> SourceState:
        result = self._hub_results.get(config.id)
        if result is None:
            return SourceState(config, "partially-available", (), HUB_PENDING)
        return SourceState(config, result.status, result.models, result.error, None, time.time())

    def _broken_state(
        self,
        documents: Sequence[SourcesDocument],
        source_id: str,
        message: str,
        previous: CatalogSnapshot,
    ) -> SourceState:
        old = previous.sources.get(source_id)
        config = old.config if old is not None else describe_broken_source(documents, source_id)
        return _keep_last_good(config, old, message)

    def _sync_hub_loops(self, configs: Mapping[str, SourceConfig], broken: Collection[str]) -> None:
        """One sync loop per enabled hf source; a changed configuration restarts its loop.

        A source whose new configuration is invalid keeps its loop on the last good one.
        """
        wanted = {i: c for i, c in configs.items() if c.type == "hf" and c.enabled}
        for source_id in broken:
            if source_id in self._hub_loops:
                wanted[source_id] = self._hub_loops[source_id].source.config
        for source_id in list(self._hub_loops):
            loop = self._hub_loops[source_id]
            if source_id not in wanted or loop.source.config != wanted[source_id]:
                del self._hub_loops[source_id]
                self._hub_results.pop(source_id, None)
                task = asyncio.get_running_loop().create_task(loop.stop())
                self._stopping.add(task)
                task.add_done_callback(self._stopping.discard)
        if not self._running:
            return
        for source_id, config in wanted.items():
            if source_id not in self._hub_loops:
                source = HubSource(
                    config,
                    self.cache,
                    timeout=self.hub_timeout,
                    client_factory=self.hub_client_factory,
                )
                loop = HubSyncLoop(source, self._on_hub_result)
                self._hub_loops[source_id] = loop
                loop.start()

    async def resync_hub_source(self, source_id: str) -> None:
        """Sync one hf source with the Hub now, bypassing the cache."""
        loop = self._hub_loops.get(source_id)
        if loop is None:
            raise NotFound(f"no running hf source {source_id!r}")
        await self._on_hub_result(source_id, await loop.source.sync(use_cache=False))

    async def _on_hub_result(self, source_id: str, result: HubResult) -> None:
        self._hub_results[source_id] = result
        await self.reload()

    async def _swap(
        self,
        previous: CatalogSnapshot,
        states: dict[str, SourceState],
        labels: tuple[SourceLabel, ...],
        problems: Mapping[str, str],
    ) -> None:
        live = [s for s in states.values() if s.config.enabled]
        same_models = [id(s.models) for s in previous.sources.values() if s.config.enabled] == [
            id(s.models) for s in live
        ]
        if same_models:
            index = previous.index
        else:
            models = [m for s in live for m in s.models]
            index = await asyncio.to_thread(build_index, models)
        # A single attribute assignment: a query sees the old snapshot or the new, never a mix.
        self.snapshot = CatalogSnapshot(
            MappingProxyType(states),
            labels,
            index,
            tuple(problems.values()),
            previous.generation + 1,
        )
        for message in problems.values():
            log.warning("catalog sources file problem: %s", message)
        async with self._swapped:
            self._swapped.notify_all()


def _keep_last_good(config: SourceConfig, old: SourceState | None, message: str) -> SourceState:
    models = old.models if old is not None else ()
    fingerprint = old.fingerprint if old is not None else None
    return SourceState(config, "error", models, message, fingerprint, time.time())


def _replace_config(old: SourceState, config: SourceConfig) -> SourceState:
    return SourceState(config, old.status, old.models, old.error, old.fingerprint, old.loaded_at)


def _differs(
    previous: CatalogSnapshot,
    states: Mapping[str, SourceState],
    labels: tuple[SourceLabel, ...],
    problems: Mapping[str, str],
) -> bool:
    if list(previous.sources) != list(states) or previous.labels != labels:
        return True
    if previous.problems != tuple(problems.values()):
        return True
    for source_id, state in states.items():
        old = previous.sources[source_id]
        if (old.config, old.status, old.error, id(old.models)) != (
            state.config,
            state.status,
            state.error,
            id(state.models),
        ):
            return True
    return False
