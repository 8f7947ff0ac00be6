"""Kubernetes backends for the deploy tests: the in-repo fake always, a real kube-apiserver when built."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from subgraphs.deploy.kube_config import ClusterSettings, load_configuration
from subgraphs.deploy.kubernetes_driver import KubernetesDriver
from tests.deploy.fake_apiserver import FakeApiServer
from tests.deploy.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[2]
CRD_FILES = sorted((ROOT / "tests" / "fixtures" / "kserve").glob("full120_*.yaml"))
SCRIPT = ROOT / "scripts" / "kube-apiserver"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Building kube-apiserver from source takes minutes; only the first real-tier test pays it.
REAL_TIER_TIMEOUT = 1800


@dataclass
class KubeTarget:
    kind: str
    scheme: str
    port: int
    token: str
    fake: FakeApiServer | None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("kube") == "real":
            item.add_marker(pytest.mark.timeout(REAL_TIER_TIMEOUT))


@pytest.fixture(scope="session")
def real_apiserver(kube_apiserver: dict[str, str]) -> dict[str, str]:
    """The session's kube-apiserver (tests/conftest.py)."""
    return kube_apiserver


@pytest.fixture(params=["fake", "real"])
async def kube(request: pytest.FixtureRequest) -> AsyncIterator[KubeTarget]:
    if request.param == "fake":
        server = FakeApiServer(CRD_FILES)
        await server.start()
        try:
            yield KubeTarget("fake", "http", server.port, server.token, server)
        finally:
            await server.stop()
    else:
        env = request.getfixturevalue("real_apiserver")
        host = env["MODELPLANE_KUBE_HOST"]
        yield KubeTarget("real", "https", int(host.rsplit(":", 1)[1]), env["MODELPLANE_KUBE_TOKEN"], None)


@pytest.fixture
async def proxy(kube: KubeTarget) -> AsyncIterator[TcpProxy]:
    """A cuttable front for the API server: the driver under test talks through it."""
    front = TcpProxy("127.0.0.1", kube.port)
    await front.start()
    try:
        yield front
    finally:
        await front.cut()


async def make_driver(kube: KubeTarget, port: int, token: str | None = None) -> KubernetesDriver:
    cluster = ClusterSettings(host=f"{kube.scheme}://127.0.0.1:{port}", token=token or kube.token)
    return KubernetesDriver(
        await load_configuration(cluster),
        request_timeout=5,
        watch_timeout_seconds=5,
        watch_retry_seconds=0.2,
    )


@pytest.fixture
async def driver(kube: KubeTarget, proxy: TcpProxy) -> AsyncIterator[KubernetesDriver]:
    built = await make_driver(kube, proxy.port)
    await built.start()
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
async def direct(kube: KubeTarget) -> AsyncIterator[KubernetesDriver]:
    """A second client straight to the API server (no proxy, no cache), for setup and checks."""
    built = await make_driver(kube, kube.port)
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
def namespace_name() -> str:
    # Namespaces are never deleted: a bare kube-apiserver has no controller to finish that.
    return f"mp-{uuid.uuid4().hex[:10]}"
