"""Nothing is lost when the registry process dies between the commit and the delivery.

A real registry process (`modelplane serve --component registry`) relays to a webhook that
accepts the first notification but never answers, and to NATS JetStream. The test makes a
stage change and an approval request over HTTP, SIGKILLs the process while that first
delivery hangs, starts a new process on the same database, and checks that the webhook and
the stream end up with exactly the outbox rows: signed, redelivered ids deduplicated."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from subgraphs.registry.database import Database
from subgraphs.registry.governance.stream import MSG_ID_HEADER
from subgraphs.registry.tables import outbox
from tests.registry.governance.sinks import (
    SECRET,
    StreamNames,
    WebhookReceiver,
    read_stream,
    serve_webhook,
)

REPO = Path(__file__).resolve().parents[3]
START_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class RegistryProcess:
    """`modelplane serve --component registry` in a child process."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as output:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "modelplane.cli", "serve", "--component", "registry",
                "--host", "127.0.0.1", "--port", str(self.port),
                cwd=REPO, env=self.env, stdout=output, stderr=output,
            )
        async with aiohttp.ClientSession() as session:
            for _ in range(START_SECONDS * 10):
                if self.process.returncode is not None:
                    break
                try:
                    async with session.get(f"{self.url}/readyz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"the registry did not start:\n{self.log.read_text()[-3000:]}")

    async def graphql(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        async with aiohttp.ClientSession() as session, session.post(
            f"{self.url}/graphql", json={"query": query, "variables": variables or {}}
        ) as response:
            body = await response.json()
        assert "errors" not in body, body
        return body["data"]

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> int:
        """SIGTERM: uvicorn shuts the app down (the relay stops with it), then re-raises."""
        if self.process is None:
            return 0
        if self.process.returncode is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.process.wait(), timeout=30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    async with serve_webhook(WebhookReceiver(hold_first=True)) as target:
        yield target


REGISTER = """
mutation { registerModel(input: {name: "crash", versionName: "v1",
  uri: "oci://models/crash@sha256:0123"}) { modelVersion { id } } }
"""
TRANSITION = """
mutation($id: ID!) { transitionModelVersion(id: $id, to: SUBMITTED, reason: "review") { stage } }
"""
REQUEST = """
mutation($id: ID!) { requestApproval(versionId: $id, targetStage: APPROVED_STAGING) { id } }
"""


async def outbox_rows(url: str) -> list[Any]:
    database = Database(url)
    try:
        async with database.read() as connection:
            return list(await connection.execute(select(outbox).order_by(outbox.c.id)))
    finally:
        await database.dispose()


async def test_a_notification_survives_a_kill_between_commit_and_delivery(
    database_url: str,
    receiver: WebhookReceiver,
    jetstream: StreamNames,
    tmp_path: Path,
) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MODELPLANE_")},
        "MODELPLANE_DATA_DIR": str(tmp_path / "data"),
        "MODELPLANE_DATABASE_URL": database_url,
        "MODELPLANE_OUTBOX_WEBHOOK_URL": receiver.url,
        "MODELPLANE_OUTBOX_WEBHOOK_SECRET": SECRET,
        "MODELPLANE_OUTBOX_POLL_SECONDS": "0.1",
        "MODELPLANE_OUTBOX_TIMEOUT_SECONDS": "2",
        "MODELPLANE_OUTBOX_LEASE_SECONDS": "4",
        "MODELPLANE_NATS_URL": jetstream.url,
        "MODELPLANE_NATS_STREAM": jetstream.stream,
        "MODELPLANE_NATS_SUBJECT": jetstream.subject,
    }
    first = RegistryProcess(env, tmp_path / "first.log")
    second = RegistryProcess(env, tmp_path / "second.log")
    try:
        await first.start()
        version_id = (await first.graphql(REGISTER))["registerModel"]["modelVersion"]["id"]
        assert (await first.graphql(TRANSITION, {"id": version_id}))[
            "transitionModelVersion"
        ]["stage"] == "SUBMITTED"
        await first.graphql(REQUEST, {"id": version_id})
        # Both changes are committed; the first notification is with the receiver, which
        # has processed it but not answered. The sender dies before it hears back.
        await asyncio.wait_for(receiver.held.wait(), timeout=30)
        await first.kill()
        committed = await outbox_rows(database_url)
        ids = [str(row.id) for row in committed]
        assert [row.topic for row in committed] == ["version.stage_changed", "approval.requested"]
        assert committed[0].delivered_at is None  # not recorded as delivered: it never was
        assert receiver.attempts == [ids[0]]

        receiver.failures = 1  # and the webhook fails the restarted process's first try
        await second.start()

        async def delivered() -> bool:
            rows = await outbox_rows(database_url)
            return all(
                row.delivered_at is not None and row.nats_published_at is not None
                for row in rows
            )

        for _ in range(600):
            if await delivered():
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"not delivered:\n{second.log.read_text()[-3000:]}")
        # uvicorn shuts the app down on SIGTERM, then ends by that signal.
        assert await second.stop() in (0, -signal.SIGTERM)
        assert "outbox relay stopped" in second.log.read_text()
    finally:
        for process in (first, second):
            if process.process is not None and process.process.returncode is None:
                await process.kill()
    # The webhook: exactly the outbox rows, signed; the first id came twice (or more) and
    # was processed once.
    assert receiver.bad_signatures == 0
    assert sorted(receiver.accepted, key=int) == ids
    assert receiver.attempts.count(ids[0]) >= 2 and receiver.duplicates >= 1
    stage_change = receiver.accepted[ids[0]]
    assert (stage_change["topic"], stage_change["modelVersionId"], stage_change["to"]) == (
        "version.stage_changed",
        version_id,
        "SUBMITTED",
    )
    assert receiver.accepted[ids[1]]["topic"] == "approval.requested"
    # The stream: each row exactly once, its message id the outbox id.
    messages = await read_stream(jetstream, expect_at_least=2)
    assert [m.headers[MSG_ID_HEADER] for m in messages] == ids
    assert [m.body for m in messages] == [receiver.accepted[i] for i in ids]
    final = await outbox_rows(database_url)
    assert all(row.lease_owner is None for row in final)
