from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from subgraphs.catalog.cache import build_cache
from subgraphs.catalog.catalog import Catalog, CatalogSnapshot
from subgraphs.catalog.watcher import CatalogWatcher
from tests.catalog.conftest import write

SOURCES = """
catalogs:
  - id: team
    name: Team models
    type: yaml
    labels: [Team]
    properties:
      yamlCatalogPath: models.yaml
"""


def models_yaml(*names: str) -> str:
    lines = ["source: Team", "models:"]
    for name in names:
        lines += [f"  - name: {name}", f"    description: the {name} model", "    artifacts:",
                  f"      - uri: oci://registry.example/{name}:1"]  # fmt: skip
    return "\n".join(lines) + "\n"


def names(snapshot: CatalogSnapshot, source_id: str = "team") -> list[str]:
    return sorted(m.name for m in snapshot.sources[source_id].models)


class Live:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def after(self, change: object, predicate: object, timeout: float = 10.0) -> float:
        """Seconds from a change on disk until a snapshot satisfying `predicate` is served."""
        started = time.perf_counter()
        assert callable(change) and callable(predicate)
        change()
        await self.catalog.wait_for(predicate, timeout=timeout)  # type: ignore[arg-type]
        return time.perf_counter() - started


async def watch(sources: list[Path]) -> AsyncIterator[Live]:
    catalog = Catalog(sources, cache=build_cache(redis_url=""))
    await catalog.start()
    watcher = CatalogWatcher(catalog, debounce_ms=50)
    await watcher.start()
    try:
        yield Live(catalog)
    finally:
        await watcher.stop()
        await catalog.stop()


@pytest.fixture
async def plain(tmp_path: Path) -> AsyncIterator[Live]:
    write(tmp_path / "models.yaml", models_yaml("alpha", "beta"))
    async for live in watch([write(tmp_path / "sources.yaml", SOURCES)]):
        yield live


async def test_editing_a_catalog_file_reloads_quickly(plain: Live, tmp_path: Path) -> None:
    assert names(plain.catalog.snapshot) == ["alpha", "beta"]
    delay = await plain.after(
        lambda: (tmp_path / "models.yaml").write_text(models_yaml("alpha", "beta", "gamma")),
        lambda s: "gamma" in names(s),
    )
    assert delay < 5
    print(f"hot-reload delay after an in-place edit: {delay * 1000:.0f} ms")


async def test_atomic_rename(plain: Live, tmp_path: Path) -> None:
    def replace() -> None:
        staging = tmp_path / ".models.yaml.tmp"
        staging.write_text(models_yaml("delta"))
        os.replace(staging, tmp_path / "models.yaml")

    await plain.after(replace, lambda s: names(s) == ["delta"])


async def test_editing_the_sources_file(plain: Live, tmp_path: Path) -> None:
    write(tmp_path / "more.yaml", models_yaml("omega"))
    more = (
        SOURCES
        + """
  - id: more
    type: yaml
    properties: {yamlCatalogPath: more.yaml}
"""
    )
    await plain.after(lambda: write(tmp_path / "sources.yaml", more),
                      lambda s: "more" in s.sources and names(s, "more") == ["omega"])  # fmt: skip
    disabled = more + "    enabled: false\n"
    snapshot_generation = plain.catalog.snapshot.generation
    await plain.after(lambda: write(tmp_path / "sources.yaml", disabled),
                      lambda s: s.sources["more"].status == "disabled")  # fmt: skip
    assert plain.catalog.snapshot.generation > snapshot_generation
    assert plain.catalog.snapshot.model("more", "omega") is None


async def test_invalid_edit_keeps_the_last_good_content_then_recovers(
    plain: Live, tmp_path: Path
) -> None:
    await plain.after(
        lambda: (tmp_path / "models.yaml").write_text("models:\n  - name: [broken\n"),
        lambda s: s.sources["team"].status == "error",
    )
    state = plain.catalog.snapshot.sources["team"]
    assert "invalid YAML" in (state.error or "") and "models.yaml" in (state.error or "")
    assert names(plain.catalog.snapshot) == ["alpha", "beta"]
    assert plain.catalog.snapshot.model("team", "alpha") is not None

    await plain.after(
        lambda: (tmp_path / "models.yaml").write_text(models_yaml("alpha", "fixed")),
        lambda s: s.sources["team"].status == "available",
    )
    assert names(plain.catalog.snapshot) == ["alpha", "fixed"]
    assert plain.catalog.snapshot.sources["team"].error is None


async def test_invalid_sources_file_keeps_serving(plain: Live, tmp_path: Path) -> None:
    await plain.after(
        lambda: write(tmp_path / "sources.yaml", SOURCES.replace("labels:", "labelz:")),
        lambda s: s.sources["team"].status == "error",
    )
    state = plain.catalog.snapshot.sources["team"]
    assert "'labelz'" in (state.error or "") and "unknown key" in (state.error or "")
    assert state.config.labels == ("Team",)  # the last good configuration
    assert names(plain.catalog.snapshot) == ["alpha", "beta"]
    await plain.after(
        lambda: write(tmp_path / "sources.yaml", "catalogs: [\n"),
        lambda s: "invalid YAML" in (s.sources["team"].error or ""),
    )
    await plain.after(lambda: write(tmp_path / "sources.yaml", SOURCES),
                      lambda s: s.sources["team"].status == "available")  # fmt: skip


async def test_an_unchanged_file_does_not_swap_the_snapshot(plain: Live, tmp_path: Path) -> None:
    before = plain.catalog.snapshot
    (tmp_path / "models.yaml").write_text(models_yaml("alpha", "beta"))  # same bytes
    report = await plain.catalog.reload()
    assert not report.changed
    assert plain.catalog.snapshot is before


def configmap_layout(root: Path, version: str, sources: str, models: str) -> None:
    """What the kubelet writes: a timestamped directory, `..data` pointing at it, and
    user-visible names that are symlinks through `..data`."""
    target = root / f"..{version}"
    target.mkdir()
    (target / "sources.yaml").write_text(sources)
    (target / "models.yaml").write_text(models)
    staging = root / "..data_tmp"
    staging.symlink_to(target.name)
    os.replace(staging, root / "..data")
    for name in ("sources.yaml", "models.yaml"):
        if not (root / name).is_symlink():
            (root / name).symlink_to(f"..data/{name}")


async def test_configmap_symlink_swap(tmp_path: Path) -> None:
    root = tmp_path / "config"
    root.mkdir()
    configmap_layout(root, "2025_01_01_00_00_00.1", SOURCES, models_yaml("first"))
    async for live in watch([root / "sources.yaml"]):
        assert names(live.catalog.snapshot) == ["first"]

        def swap() -> None:
            configmap_layout(root, "2025_01_01_00_05_00.2", SOURCES, models_yaml("second", "third"))

        delay = await live.after(swap, lambda s: names(s) == ["second", "third"])
        print(f"hot-reload delay after a ConfigMap symlink swap: {delay * 1000:.0f} ms")


async def test_reads_never_see_a_half_loaded_catalog(plain: Live, tmp_path: Path) -> None:
    """Every snapshot is whole: its index and its sources always describe the same models."""
    seen: list[int] = []
    for round_number in range(5):
        new_names = [f"m{round_number}-{n}" for n in range(20)]
        await plain.after(
            lambda names_=new_names: (tmp_path / "models.yaml").write_text(models_yaml(*names_)),  # type: ignore[misc]
            lambda s, names_=new_names: names(s) == sorted(names_),  # type: ignore[misc]
        )
        snapshot = plain.catalog.snapshot
        assert sorted(m.name for m in snapshot.index.models) == names(snapshot)
        seen.append(snapshot.generation)
    assert seen == sorted(set(seen))
