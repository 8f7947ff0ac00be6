"""Fixtures for the auth tests: a local OIDC issuer and a fake Kubernetes authorization API."""

from __future__ import annotations

from collections.abc import AsyncIterator

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
