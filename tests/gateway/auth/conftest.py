"""Fixtures for the auth tests: a local OIDC issuer and a fake Kubernetes authorization API."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
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
IN_CI = os.environ.get("CI", "").lower() == "true"
# Building kube-apiserver from source takes minutes; only the first real-tier test pays it.
REAL_TIER_TIMEOUT = 1800


@pytest.fixture(scope="session")
def real_apiserver(kube_apiserver: dict[str, str]) -> dict[str, str]:
    """The session's kube-apiserver (tests/conftest.py), RBAC on."""
    return kube_apiserver
