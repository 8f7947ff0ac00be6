"""Role-by-operation matrix over Modelplane's real supergraph, through the standalone server."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import uvicorn

from gateway.auth import hash_token
from modelplane.standalone import build_standalone_app

ROLES = ("viewer", "contributor", "approver", "deployer", "admin")
TOKENS = {role: f"mpt_{role}_test_token_0123456789abcdef" for role in ROLES}

READ_MODELS = "{ registeredModels { totalCount } }"
READ_CATALOG = "{ catalogSources { id } }"
REGISTER = (
    'mutation { registerModel(input: {name: "m-ROLE", versionName: "v1", uri: "s3://b/m"}) '
    "{ modelVersion { id } } }"
)

READ_DEPLOYMENTS = "{ inferenceServices { name } }"
CREATE_ENVIRONMENT = (
    'mutation { createServingEnvironment(input: {name: "env-ROLE"}) { name } }'
)
VERSION_DEPLOYMENTS = "{ registeredModels { nodes { versions { nodes { deployments { name } } } } } }"

# operation -> the roles allowed to run it
MATRIX: dict[str, set[str]] = {
    READ_MODELS: set(ROLES),
    READ_CATALOG: set(ROLES),
    READ_DEPLOYMENTS: set(ROLES),
    VERSION_DEPLOYMENTS: set(ROLES),
    REGISTER: {"contributor", "admin"},
    CREATE_ENVIRONMENT: {"deployer", "admin"},
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    users = "\n".join(
        f'  - name: {role}-user\n    roles: [{role}]\n    tokens: ["{hash_token(TOKENS[role], algorithm="sha256")}"]'
        for role in ROLES
    )
    config = tmp_path / "auth.yaml"
    config.write_text(f"users:\n{users}\n")
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MODELPLANE_AUTH_CONFIG", str(config))
    monkeypatch.delenv("MODELPLANE_DATABASE_URL", raising=False)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    app = build_standalone_app(base, seed=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    try:
        yield f"{base}/graphql"
    finally:
        server.should_exit = True
        await task


async def _run(session: aiohttp.ClientSession, url: str, query: str, token: str | None) -> tuple[int, Any]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    async with session.post(url, json={"query": query}, headers=headers) as response:
        return response.status, await response.json()


@pytest.mark.parametrize("role", ROLES)
async def test_role_operation_matrix(server: str, role: str) -> None:
    async with aiohttp.ClientSession() as session:
        for operation, allowed in MATRIX.items():
            query = operation.replace("ROLE", role)
            status, body = await _run(session, server, query, TOKENS[role])
            assert status == 200, (role, operation, body)
            codes = [e["extensions"]["code"] for e in body.get("errors") or ()]
            if role in allowed:
                assert not codes, (role, operation, body)
                assert body["data"] is not None
            else:
                assert codes == ["FORBIDDEN"], (role, operation, body)


async def test_no_token_and_bad_token_are_unauthenticated(server: str) -> None:
    async with aiohttp.ClientSession() as session:
        for token in (None, "mpt_forged_token"):
            status, body = await _run(session, server, READ_MODELS, token)
            assert status == 401
            assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
