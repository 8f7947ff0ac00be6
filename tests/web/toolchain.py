"""Node, the web build and Debian's Chromium, installed or rebuilt only when missing or stale."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def screenshots_dir(tmp_path: Path) -> Path:
    """Where the browser journeys save their screenshots: the committed ones in
    tests/web/screenshots/ only with MODELPLANE_UPDATE_SCREENSHOTS=1, so that a test run
    leaves the checkout as it was."""
    if os.environ.get("MODELPLANE_UPDATE_SCREENSHOTS") == "1":
        return REPO / "tests" / "web" / "screenshots"
    return tmp_path / "screenshots"
WEB = REPO / "web"
DIST = WEB / "dist"
CHROMIUM = Path("/usr/bin/chromium")
BUILD_INPUTS = ("app", "graphiql", "src", "package-lock.json", "vite.app.config.ts", "vite.graphiql.config.ts")
LOCK_STAMP = WEB / "node_modules" / ".modelplane-lock-sha256"
BUILD_STAMP = DIST / ".modelplane-build-sha256"


def run_checked(command: list[str], *, cwd: Path = WEB, timeout: float = 600, env: dict[str, str] | None = None) -> str:
    """Run a command; on failure, fail the test with its output (the reason is in there)."""
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {result.returncode}:\n{output[-6000:]}")
    return output


def _apt_install(*packages: str) -> None:
    if os.geteuid() != 0:
        pytest.fail(f"{', '.join(packages)} missing: install it (apt-get install -y {' '.join(packages)})")
    subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600)
    run_checked(["apt-get", "install", "-y", "-qq", *packages], cwd=REPO, timeout=900,
                env={"DEBIAN_FRONTEND": "noninteractive"})


def ensure_node() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        _apt_install("nodejs", "npm")


def ensure_chromium() -> Path:
    if not CHROMIUM.exists():
        _apt_install("chromium")
    return CHROMIUM


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(WEB)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(name: str) -> list[Path]:
    path = WEB / name
    return [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]


def ensure_node_modules() -> None:
    """`npm ci` when node_modules does not match package-lock.json."""
    ensure_node()
    wanted = _digest([WEB / "package-lock.json"])
    if LOCK_STAMP.is_file() and LOCK_STAMP.read_text() == wanted:
        return
    ci = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"], cwd=WEB, capture_output=True, text=True, timeout=900
    )
    if ci.returncode != 0:
        if "EUSAGE" not in ci.stdout + ci.stderr:
            pytest.fail(f"npm ci failed:\n{(ci.stdout + ci.stderr)[-6000:]}")
        # A registry mirror that lacks other platforms' optional packages (rollup's) makes npm ci
        # call the lock file out of sync; install the same locked versions without rewriting it.
        run_checked(["npm", "install", "--no-save", "--no-audit", "--no-fund"], timeout=900)
    LOCK_STAMP.write_text(wanted)


def ensure_web_build() -> Path:
    """`npm run build` when the sources changed since the last build."""
    ensure_node_modules()
    wanted = _digest([f for name in BUILD_INPUTS for f in _files(name)])
    if BUILD_STAMP.is_file() and BUILD_STAMP.read_text() == wanted:
        return DIST
    run_checked(["npm", "run", "build"], timeout=900)
    BUILD_STAMP.write_text(wanted)
    return DIST
