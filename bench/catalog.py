"""Catalog benchmark: 100,000 models in several YAML sources; load, reload, search latency.

Run: .venv/bin/python bench/catalog.py [--models 100000] [--sources 5] [--queries 400]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subgraphs.catalog.cache import build_cache
from subgraphs.catalog.catalog import Catalog
from subgraphs.catalog.index import build_index
from subgraphs.catalog.search import ModelQuery, search_models
from subgraphs.catalog.watcher import CatalogWatcher

WORDS = ["granite", "llama", "mistral", "whisper", "vision", "embed", "coder", "chat", "reasoner",
         "tiny", "large", "instruct", "guard", "speech", "table", "rerank"]  # fmt: skip
PROVIDERS = ["Acme AI", "Contoso Research", "Northwind", "Fabrikam", "Globex", "Initech"]
LICENSES = ["apache-2.0", "mit", "llama3.3", "cc-by-4.0", "proprietary"]
TASKS = ["text-generation", "summarization", "feature-extraction", "image-classification",
         "automatic-speech-recognition", "text-classification"]  # fmt: skip
HARDWARE = ["H100", "A100", "L40S", "MI300X"]


def write_catalog(path: Path, source: int, count: int, rng: random.Random, tag: str = "") -> None:
    lines = [f"source: Bench {source}", "models:"]
    for n in range(count):
        words = rng.sample(WORDS, 3)
        name = f"org{source}-{rng.randrange(40)}/{words[0]}-{words[1]}-{n}{tag}"
        lines += [
            f"  - name: {name}",
            f"    provider: {rng.choice(PROVIDERS)}",
            f"    description: A {words[2]} model for {rng.choice(TASKS)} tuned by team {n % 97}",
            f"    license: {rng.choice(LICENSES)}",
            f"    libraryName: {rng.choice(['transformers', 'vllm', 'onnx'])}",
            f"    tasks: [{rng.choice(TASKS)}]",
            f"    language: [{rng.choice(['en', 'de', 'fr', 'ja'])}]",
            f"    maturity: {rng.choice(['Generally Available', 'Technology Preview', 'Community'])}",
            f'    createTimeSinceEpoch: "{1_600_000_000_000 + rng.randrange(10**11)}"',
            f'    lastUpdateTimeSinceEpoch: "{1_700_000_000_000 + rng.randrange(10**10)}"',
            "    customProperties:",
            f'      size_b: {{metadataType: MetadataIntValue, int_value: "{rng.choice([1, 3, 8, 70])}"}}',
            "    artifacts:",
            f"      - uri: oci://registry.example/{name}:1",
        ]
        if rng.random() < 0.4:
            lines += [
                "      - artifactType: metrics-artifact",
                "        metricsType: performance-metrics",
                "        customProperties:",
                f"          hardware_type: {{metadataType: MetadataStringValue, string_value: {rng.choice(HARDWARE)}}}",
                f"          ttft_p90: {{metadataType: MetadataDoubleValue, double_value: {rng.uniform(20, 500):.1f}}}",
                f"          requests_per_second: {{metadataType: MetadataDoubleValue, double_value: {rng.uniform(1, 40):.2f}}}",
            ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")


def write_sources(root: Path, sources: int) -> Path:
    lines = ["catalogs:"]
    for s in range(sources):
        lines += [f"  - {{id: bench{s}, name: Bench {s}, type: yaml, labels: [L{s % 2}],"
                  f" properties: {{yamlCatalogPath: models-{s}.yaml}}}}"]  # fmt: skip
    path = root / "sources.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


QUERIES = [
    ("granite", "license = 'apache-2.0'"),
    ("chat instruct", "provider = 'Acme AI' AND size_b >= 8"),
    ("whisper", "tasks = 'automatic-speech-recognition'"),
    ("llama", "artifacts.hardware_type = 'H100' AND artifacts.ttft_p90 < 150"),
    ("team 42", "license IN ('mit', 'cc-by-4.0')"),
    ("org3", "maturity = 'Generally Available' AND libraryName = 'vllm'"),
    ("model", "createTimeSinceEpoch > 1650000000000"),
    ("embed", "language = 'de' OR language = 'fr'"),
    ("reasoner-tiny", "size_b.int_value = 70"),
    ("guard", "name LIKE 'org1%'"),
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=5)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(42)
    per_source = args.models // args.sources
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        for s in range(args.sources):
            write_catalog(root / f"models-{s}.yaml", s, per_source, rng)
        sources = write_sources(root, args.sources)
        size_mb = sum(p.stat().st_size for p in root.iterdir()) / 1e6
        print(f"generated {per_source * args.sources} models in {args.sources} sources "
              f"({size_mb:.0f} MB of YAML) in {time.perf_counter() - started:.1f}s")  # fmt: skip

        small = root / "small"
        small.mkdir()
        write_catalog(small / "models-0.yaml", 0, 50, rng)
        small_catalog = Catalog([write_sources(small, 1)], cache=build_cache(redis_url=""))
        await small_catalog.start()
        small_watcher = CatalogWatcher(small_catalog, debounce_ms=150)
        await small_watcher.start()
        small_delays = []
        for attempt in range(5):
            tag = f"-small{attempt}"
            write_catalog(small / ".staging.yaml", 0, 50, random.Random(attempt), tag=tag)
            started = time.perf_counter()
            (small / ".staging.yaml").replace(small / "models-0.yaml")
            await small_catalog.wait_for(
                lambda s, tag=tag: s.sources["bench0"].models[0].name.endswith(tag)  # type: ignore[misc]
            )
            small_delays.append((time.perf_counter() - started) * 1000)
        print("hot-reload delay at 50 models (debounce 150 ms): "
              + ", ".join(f"{d:.0f} ms" for d in small_delays))  # fmt: skip
        await small_watcher.stop()
        await small_catalog.stop()
        catalog = Catalog([sources], cache=build_cache(redis_url=""))
        started, cpu = time.perf_counter(), time.process_time()
        await catalog.start()
        load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"load (parse + index): {load:.2f}s wall, {load_cpu:.2f}s CPU, "
              f"{len(catalog.snapshot.index)} models")  # fmt: skip
        models = list(catalog.snapshot.index.models)
        started, cpu = time.perf_counter(), time.process_time()
        build_index(models)
        print(f"index build alone: {time.perf_counter() - started:.2f}s wall, "
              f"{time.process_time() - cpu:.2f}s CPU")  # fmt: skip

        latencies: dict[str, list[float]] = {"q+filter": [], "q only": [], "filter only": []}
        cpu_times: dict[str, list[float]] = {kind: [] for kind in latencies}
        for number in range(args.queries):
            q, filter_query = QUERIES[number % len(QUERIES)]
            for kind, query in (
                ("q+filter", ModelQuery(q=q, filter_query=filter_query, first=20)),
                ("q only", ModelQuery(q=q, first=20)),
                ("filter only", ModelQuery(filter_query=filter_query, first=20, order_by="LAST_UPDATE_TIME", descending=True)),
            ):  # fmt: skip
                t0, c0 = time.perf_counter(), time.thread_time()
                search_models(catalog.snapshot.index, query)
                latencies[kind].append((time.perf_counter() - t0) * 1000)
                cpu_times[kind].append((time.thread_time() - c0) * 1000)
        for kind, samples in latencies.items():
            cpu_samples = cpu_times[kind]
            print(f"{kind:12s} page of 20: wall p50 {statistics.median(samples):6.2f} ms "
                  f"p99 {percentile(samples, 0.99):6.2f} ms | CPU p50 "
                  f"{statistics.median(cpu_samples):6.2f} ms p99 {percentile(cpu_samples, 0.99):6.2f} ms")  # fmt: skip

        # Reload after one source's file changes (the other sources are reused as they are).
        write_catalog(root / "models-0.yaml", 0, per_source, rng, tag="-v2")
        started, cpu = time.perf_counter(), time.process_time()
        report = await catalog.reload()
        print(f"reload after one {per_source}-model file changed: {time.perf_counter() - started:.2f}s"
              f" wall, {time.process_time() - cpu:.2f}s CPU (changed={report.changed})")  # fmt: skip
        started = time.perf_counter()
        report = await catalog.reload()
        print(f"reload with nothing changed: {(time.perf_counter() - started) * 1000:.0f} ms "
              f"(changed={report.changed})")  # fmt: skip

        # Hot reload: from an atomic rename on disk to the new snapshot being served.
        watcher = CatalogWatcher(catalog, debounce_ms=150)
        await watcher.start()
        delays = []
        for attempt in range(1):
            tag = f"-hot{attempt}"
            staging = root / ".staging.yaml"
            write_catalog(staging, 1, per_source, random.Random(attempt), tag=tag)
            started = time.perf_counter()
            staging.replace(root / "models-1.yaml")
            await catalog.wait_for(
                lambda s, tag=tag: s.sources["bench1"].models[0].name.endswith(tag),  # type: ignore[misc]
                timeout=1800,
            )
            delays.append(time.perf_counter() - started)
        print("hot-reload delay at 100k models, one 20k-model file renamed in (rename to served): "
              + ", ".join(f"{d:.2f}s" for d in delays))  # fmt: skip

        await watcher.stop()
        await catalog.stop()


if __name__ == "__main__":
    asyncio.run(main())
