"""Fixtures for the web tests: the built app, Chromium, and a real standalone Modelplane serving both."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from gateway.auth import hash_token
from tests.web.toolchain import REPO, ensure_chromium, ensure_node_modules, ensure_web_build


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/readyz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="session")
def node_modules() -> None:
    ensure_node_modules()


@pytest.fixture(scope="session")
def web_dist() -> Path:
    return ensure_web_build()


@pytest.fixture(scope="session")
def chromium() -> Path:
    return ensure_chromium()


@contextmanager
def running_modelplane(data_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`modelplane serve`'s standalone app in its own process, plus web/dist, on a free port."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "MODELPLANE_DATA_DIR": str(data_dir), **(extra_env or {})}
    env.pop("MODELPLANE_DATABASE_URL", None)
    if "MODELPLANE_AUTH_CONFIG" not in (extra_env or {}):
        env.pop("MODELPLANE_AUTH_CONFIG", None)
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.web.server", "--port", str(port)],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not _ready(base):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Modelplane did not start:\n{(data_dir / 'server.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def modelplane(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A standalone Modelplane without auth configuration (everyone is the local admin); it
    serves web/dist, read per request, so a test that needs the app asks for `web_dist` too."""
    with running_modelplane(tmp_path_factory.mktemp("modelplane")) as base:
        yield base


# People of the governed server: alice builds models and may also approve (so that separation
# of duties, not her roles, stops her approving her own submission); bob approves; vic reads.
PEOPLE = {
    "alice": ["contributor", "approver"],
    "bob": ["approver"],
    "vic": [],
}
GOVERNANCE_CONFIG = """\
version: "web-e2e-1"
approvals: {LOW: 1, MEDIUM: 1, HIGH: 2}
policies:
  - name: model-card
    rule: model_card
    stages: [APPROVED_STAGING]
  - name: accurate-enough
    rule: evaluation_passed
    suite: task-accuracy
    metric: accuracy
    threshold: 0.9
    stages: [APPROVED_PROD]
"""


@dataclass(frozen=True)
class GovernedModelplane:
    base: str
    tokens: dict[str, str]


@pytest.fixture(scope="module")
def governed_modelplane(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GovernedModelplane]:
    """A standalone Modelplane that needs API tokens (users in an auth config file) and checks
    governance policies, for journeys with more than one person."""
    data_dir = tmp_path_factory.mktemp("governed")
    tokens = {name: f"mpt_web_{name}_{secrets.token_hex(16)}" for name in PEOPLE}
    users = [
        {"name": name, "roles": roles, "tokens": [hash_token(tokens[name], algorithm="sha256")]}
        for name, roles in PEOPLE.items()
    ]
    auth = data_dir / "auth.yaml"
    auth.write_text(yaml.safe_dump({"users": users}))
    governance = data_dir / "governance.yaml"
    governance.write_text(GOVERNANCE_CONFIG)
    env = {"MODELPLANE_AUTH_CONFIG": str(auth), "MODELPLANE_GOVERNANCE_CONFIG": str(governance)}
    with running_modelplane(data_dir, env) as base:
        yield GovernedModelplane(base, tokens)
