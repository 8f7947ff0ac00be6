"""Fixtures for the web tests: the built app, Chromium, and a real standalone Modelplane serving both."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def modelplane(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`modelplane serve`'s standalone app in its own process, plus web/dist (read per request,
    so a test that needs the app asks for `web_dist` too), on a free port."""
    data_dir = tmp_path_factory.mktemp("modelplane")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "MODELPLANE_DATA_DIR": str(data_dir)}
    env.pop("MODELPLANE_DATABASE_URL", None)
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
