"""A real kube-apiserver for the dry-run tests, started by scripts/kube-apiserver (as tests/deploy does)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import IN_CI, require_service
from tests.ship.manifests import ROOT

SCRIPT = ROOT / "scripts" / "kube-apiserver"
# Building kube-apiserver from source takes minutes; only the first dry-run test pays it.
APISERVER_TIMEOUT = 1800


def _parse_env(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def _port(env: dict[str, str]) -> int:
    return int(env["MODELPLANE_KUBE_HOST"].rsplit(":", 1)[1])


@pytest.fixture(scope="session")
def apiserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """MODELPLANE_KUBE_HOST / MODELPLANE_KUBE_TOKEN of a running kube-apiserver + etcd."""
    if os.environ.get("MODELPLANE_KUBE_STATE_DIR"):
        # A server the developer started for repeated runs: use it, leave it running.
        running = subprocess.run([str(SCRIPT), "env"], capture_output=True, text=True)
        if running.returncode == 0:
            env = _parse_env(running.stdout)
            require_service("kube-apiserver", _port(env))
            yield env
            return
    built = subprocess.run([str(SCRIPT), "available"], capture_output=True).returncode == 0
    if not built and not IN_CI:
        pytest.skip(
            "kube-apiserver is not built (run scripts/kube-apiserver build); CI=true builds it"
        )
    state = {**os.environ, "MODELPLANE_KUBE_STATE_DIR": str(tmp_path_factory.mktemp("kube-state"))}
    started = subprocess.run(
        [str(SCRIPT), "start"], capture_output=True, text=True, env=state, timeout=APISERVER_TIMEOUT
    )
    if started.returncode != 0:
        pytest.fail(f"scripts/kube-apiserver start failed:\n{started.stderr[-4000:]}")
    try:
        env = _parse_env(started.stdout)
        require_service("kube-apiserver", _port(env))
        yield env
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=state, capture_output=True, timeout=120)
