"""The dry-run tests use the session's kube-apiserver (tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.conftest import require_service


def _port(env: dict[str, str]) -> int:
    return int(env["MODELPLANE_KUBE_HOST"].rsplit(":", 1)[1])


@pytest.fixture(scope="session")
def apiserver(kube_apiserver: dict[str, str]) -> dict[str, str]:
    """MODELPLANE_KUBE_HOST / MODELPLANE_KUBE_TOKEN of the session's kube-apiserver."""
    require_service("kube-apiserver", _port(kube_apiserver))
    return kube_apiserver
