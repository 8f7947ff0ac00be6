"""The gateways the benchmark can run, and how each is started."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
GATEWAY_CORE = 0
LOAD_CORE = 1


@dataclass(frozen=True)
class Gateway:
    """How to start one gateway: its command and environment, given the supergraph and port."""

    name: str
    description: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = HERE


def find_modelplane_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "modelplane"
    if beside_python.exists():
        return [str(beside_python)]
    on_path = shutil.which("modelplane")
    return [on_path] if on_path else [sys.executable, "-m", "modelplane.cli"]


def bundled_node() -> Path | None:
    """Where `npm ci` puts Node.js 22 for this machine (`node-linux-<arch>` in package.json),
    or None on a platform it has no package for."""
    arch = {"x86_64": "x64", "aarch64": "arm64"}.get(platform.machine())
    return None if arch is None else HERE / "node_modules" / f"node-linux-{arch}" / "bin" / "node"


def gateway_node() -> str:
    """The Node.js the npm gateways run on: 22 from npm (Hive Gateway asks for ≥ 22.15 and
    ran about 10 % slower on a machine's Node 20), else the machine's own."""
    bundled = bundled_node()
    if bundled is not None and bundled.exists():
        return str(bundled)
    return shutil.which("node") or "node"


def define_gateways(supergraph: Path, port: int) -> dict[str, Gateway]:
    node = gateway_node()
    # The package's script, run by that Node (its shebang would take the one on PATH).
    hive_script = (HERE / "node_modules" / ".bin" / "hive-gateway").resolve()
    hive = [node, str(hive_script)]
    hive_args = ["supergraph", str(supergraph), "--port", str(port), "--host", "127.0.0.1"]
    modelplane = [*find_modelplane_command(), "gateway", "--supergraph", str(supergraph)]
    modelplane += ["--port", str(port)]
    production = {"NODE_ENV": "production"}
    # One caller sends every request: a per-identity rate limit would measure itself.
    unrefused = {"MODELPLANE_RATE_LIMIT_RPS": "1000000000"}
    # Run our gateway from the checkout itself, whether or not it is pip-installed.
    in_checkout = {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    }
    return {
        gateway.name: gateway
        for gateway in [
            Gateway(
                "apollo",
                "Apollo Gateway (@apollo/gateway + @apollo/server standalone)",
                [node, str(HERE / "gateways" / "apollo.mjs")],
                {**production, "SUPERGRAPH": str(supergraph), "PORT": str(port)},
            ),
            Gateway(
                "hive",
                "Hive Gateway, Rust planner (@graphql-hive/router-runtime), dedup off",
                [*hive, *hive_args, "--fork", "1", "-c", str(HERE / "gateways" / "hive.config.mjs")],
                production,
            ),
            Gateway(
                "hive-dedup",
                "Hive Gateway, Rust planner, request deduplication on",
                [
                    *hive,
                    *hive_args,
                    "--fork",
                    "1",
                    "-c",
                    str(HERE / "gateways" / "hive-dedup.config.mjs"),
                ],
                production,
            ),
            Gateway(
                "modelplane",
                "Modelplane gateway: identity, authorization and limits on (the rate limit "
                "set high enough not to refuse the benchmark's single caller)",
                modelplane,
                {**in_checkout, **unrefused, "MODELPLANE_GATEWAY_DEDUP": "0"},
                REPO,
            ),
            Gateway(
                "modelplane-noguard",
                "Modelplane gateway with --no-guard: no identity, authorization or limits",
                [*modelplane, "--no-guard"],
                {**in_checkout, "MODELPLANE_GATEWAY_DEDUP": "0"},
                REPO,
            ),
            Gateway(
                "modelplane-dedup",
                "Modelplane gateway, in-flight request deduplication on",
                modelplane,
                {**in_checkout, **unrefused, "MODELPLANE_GATEWAY_DEDUP": "1"},
                REPO,
            ),
        ]
    }
