"""Fixtures for the auth tests: a local OIDC issuer and a fake Kubernetes authorization API."""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.gateway.auth.fake_kube_api import FakeKubeApi
from tests.gateway.auth.issuer import LocalIssuer


@pytest.fixture
async def issuer() -> AsyncIterator[LocalIssuer]:
    server = LocalIssuer()
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def kube_api() -> AsyncIterator[FakeKubeApi]:
    server = FakeKubeApi()
    await server.start()
    try:
        yield server
    finally:
        await server.close()


ROOT = Path(__file__).resolve().parents[3]
KUBE_SCRIPT = ROOT / "scripts" / "kube-apiserver"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Building kube-apiserver from source takes minutes; only the first real-tier test pays it.
REAL_TIER_TIMEOUT = 1800


def _kube_apiserver_built() -> bool:
    # Where scripts/kube-apiserver caches its build (see the script's header).
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    binary = cache / "modelplane" / "kube-1.20" / "bin" / "kube-apiserver"
    return binary.is_file() and os.access(binary, os.X_OK)


@pytest.fixture(scope="session")
def real_apiserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A loopback kube-apiserver (RBAC on) + etcd for this session, via scripts/kube-apiserver;
    runs whenever the binaries are built, and always under CI=true."""
    if not _kube_apiserver_built() and not IN_CI:
        pytest.skip("kube-apiserver is not built (scripts/kube-apiserver build); CI=true builds it")
    env = {**os.environ, "MODELPLANE_KUBE_STATE_DIR": str(tmp_path_factory.mktemp("kube-auth"))}
    started = subprocess.run(
        [str(KUBE_SCRIPT), "start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=REAL_TIER_TIMEOUT,
    )
    if started.returncode != 0:
        pytest.fail(f"scripts/kube-apiserver start failed:\n{started.stderr[-4000:]}")
    try:
        yield dict(line.split("=", 1) for line in started.stdout.splitlines() if "=" in line)
    finally:
        subprocess.run([str(KUBE_SCRIPT), "stop"], env=env, capture_output=True, timeout=120)
