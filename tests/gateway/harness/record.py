"""Records the reference gateway's answers for the audit corpus (needs node; tests do not).

Usage: python -m tests.gateway.harness.record [SUITE ...] [--no-compose]

For each suite: start its subgraphs, compose supergraph.graphql with
@theguild/federation-composition (unless suite.json says the supergraph is hand-written),
serve it through Apollo Gateway (tools/reference-gateway), run every case and write
<case>.expected.json and <case>.fetches.json. Run `npm ci` in tools/reference-gateway first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

from tests.gateway.harness.comparison import normalise_response
from tests.gateway.harness.suite import (
    RunningSuite,
    Suite,
    list_suites,
    load_suite,
    rewrite_subgraph_urls,
    start_suite,
)

REFERENCE = Path(__file__).resolve().parents[3] / "tools" / "reference-gateway"
NODE = os.environ.get("NODE", "node")


def placeholder_url(name: str) -> str:
    return f"http://{name}.subgraph.test/graphql"


async def compose_supergraph(running: RunningSuite) -> str:
    """Composes the suite's subgraph SDLs; the result names placeholder URLs."""
    services = [
        {"name": name, "url": placeholder_url(name), "sdl": running.suite.subgraph_sdl(name)}
        for name in running.suite.subgraph_names
    ]
    # Federation 1 supergraphs (core/join v0.1) come from the old composer.
    script = (
        "compose-fed1.mjs" if running.suite.settings.get("composer") == "fed1" else "compose.mjs"
    )
    process = await asyncio.create_subprocess_exec(
        NODE,
        str(REFERENCE / script),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=REFERENCE,
    )
    out, err = await process.communicate(json.dumps(services).encode())
    if process.returncode != 0:
        raise RuntimeError(f"{running.suite.name}: composition failed:\n{err.decode()}")
    return out.decode()


async def serve_reference(
    supergraph_path: Path, suite: Suite
) -> tuple[asyncio.subprocess.Process, str]:
    timeout_ms = int(float(suite.settings.get("subgraph_timeout_seconds", 2.0)) * 1000)
    process = await asyncio.create_subprocess_exec(
        NODE,
        str(REFERENCE / "serve.mjs"),
        str(supergraph_path),
        stdout=asyncio.subprocess.PIPE,
        cwd=REFERENCE,
        env={
            **os.environ,
            "SUBGRAPH_TIMEOUT_MS": str(timeout_ms),
            "APOLLO_TELEMETRY_DISABLED": "true",
            "METADATA_SERVER_DETECTION": "none",
        },
    )
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
    if not line:
        await process.wait()
        raise RuntimeError(f"{suite.name}: reference gateway did not start")
    return process, json.loads(line)["url"]


async def record_suite(suite: Suite, compose: bool) -> int:
    async with start_suite(suite) as running:
        if compose and not suite.settings.get("handwritten_supergraph"):
            supergraph = await compose_supergraph(running)
            suite.supergraph_path.write_text(supergraph)
        sdl = rewrite_subgraph_urls(suite.supergraph_path.read_text(), running.urls)
        with tempfile.NamedTemporaryFile("w", suffix=".graphql", delete=False) as handle:
            handle.write(sdl)
        process, url = await serve_reference(Path(handle.name), suite)
        try:
            async with aiohttp.ClientSession() as session:
                for case in suite.cases():
                    running.prepare(case)
                    async with session.post(url, json=case.request_body) as response:
                        body: dict[str, Any] = await response.json(content_type=None)
                    await asyncio.sleep(0.05)
                    if case.name in suite.settings.get("hand_checked", []):
                        print(
                            f"{suite.name}/{case.name}: hand-checked, kept; reference said "
                            + json.dumps(normalise_response(body))
                        )
                    else:
                        _write_json(
                            case.directory / f"{case.name}.expected.json", normalise_response(body)
                        )
                    if case.name not in suite.settings.get("hand_checked_fetches", []):
                        _write_json(
                            case.directory / f"{case.name}.fetches.json", running.fetch_counts()
                        )
                    print(f"{suite.name}/{case.name}: {json.dumps(normalise_response(body))[:160]}")
        finally:
            process.terminate()
            await process.wait()
            os.unlink(handle.name)
        return len(suite.cases())


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2) + "\n")


async def record(names: list[str], compose: bool) -> None:
    suites = [load_suite(name) for name in names] if names else list_suites()
    total = 0
    failed: list[str] = []
    for suite in suites:
        try:
            total += await record_suite(suite, compose)
        except RuntimeError as error:
            failed.append(suite.name)
            print(f"FAILED {error}", file=sys.stderr)
    print(f"recorded {total} cases in {len(suites) - len(failed)} suites", file=sys.stderr)
    if failed:
        print("failed suites: " + " ".join(failed), file=sys.stderr)
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="*")
    parser.add_argument("--no-compose", action="store_true")
    arguments = parser.parse_args()
    asyncio.run(record(arguments.suites, compose=not arguments.no_compose))


if __name__ == "__main__":
    main()
