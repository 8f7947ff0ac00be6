"""Real receivers for outbox tests: a signed-webhook HTTP server and a JetStream reader."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

from subgraphs.registry.governance.outbox import DELIVERY_HEADER, SIGNATURE_HEADER

SECRET = "webhook-secret"
# Every setting of the outbox relay and its sinks: tests start without any of them.
OUTBOX_VARIABLES = (
    "MODELPLANE_OUTBOX_WEBHOOK_URL",
    "MODELPLANE_OUTBOX_WEBHOOK_SECRET",
    "MODELPLANE_OUTBOX_POLL_SECONDS",
    "MODELPLANE_OUTBOX_LEASE_SECONDS",
    "MODELPLANE_OUTBOX_TIMEOUT_SECONDS",
    "MODELPLANE_OUTBOX_RETENTION_DAYS",
    "MODELPLANE_NATS_URL",
    "MODELPLANE_NATS_STREAM",
    "MODELPLANE_NATS_SUBJECT",
)


def clear_outbox_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in OUTBOX_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@dataclass
class WebhookReceiver:
    """An HTTP server on 127.0.0.1 that checks each signature, dedupes on the delivery id,
    and can fail (`failures` 503s), be slow (`delay`) or hold a request (`hold_first`)."""

    secret: str = SECRET
    failures: int = 0
    delay: float = 0.0
    hold_first: bool = False
    url: str = ""
    attempts: list[str] = field(default_factory=list)  # delivery ids, in arrival order
    accepted: dict[str, dict[str, Any]] = field(default_factory=dict)  # first body per id
    bad_signatures: int = 0
    overlaps: int = 0  # a delivery id arriving while the same id is still in flight
    held: asyncio.Event = field(default_factory=asyncio.Event)
    _in_flight: Counter[str] = field(default_factory=Counter)

    @property
    def duplicates(self) -> int:
        return len(self.attempts) - len(set(self.attempts))

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        expected = "sha256=" + hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(request.headers.get(SIGNATURE_HEADER, ""), expected):
            self.bad_signatures += 1
            return web.Response(status=401)
        delivery = request.headers[DELIVERY_HEADER]
        self.attempts.append(delivery)
        if self._in_flight[delivery]:
            self.overlaps += 1
        self._in_flight[delivery] += 1
        try:
            if self.failures > 0:
                self.failures -= 1
                return web.Response(status=503)
            # Processed (deduplicated on the delivery id) before the answer is sent: the
            # sender may die before it hears back, and then it sends the same id again.
            self.accepted.setdefault(delivery, json.loads(body))
            if self.hold_first and not self.held.is_set():
                self.held.set()
                await asyncio.sleep(3600)  # until the sender's connection goes away
            if self.delay:
                await asyncio.sleep(self.delay)
            return web.Response(status=204)
        finally:
            self._in_flight[delivery] -= 1


@asynccontextmanager
async def serve_webhook(receiver: WebhookReceiver) -> AsyncIterator[WebhookReceiver]:
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    receiver.url = f"http://127.0.0.1:{port}/hook"
    try:
        yield receiver
    finally:
        await runner.cleanup()


@dataclass(frozen=True)
class StreamNames:
    url: str
    stream: str
    subject: str


def unique_stream(url: str) -> StreamNames:
    token = uuid.uuid4().hex[:12]
    return StreamNames(url, f"MP_TEST_{token}", f"mptest.{token}")


@dataclass(frozen=True)
class StreamMessage:
    subject: str
    headers: dict[str, str]
    body: dict[str, Any]


async def read_stream(names: StreamNames, expect_at_least: int = 0) -> list[StreamMessage]:
    """Every message in the stream, pulled through an ephemeral consumer."""
    import nats

    client = await nats.connect(names.url)
    try:
        jetstream = client.jetstream()
        subscription = await jetstream.pull_subscribe(f"{names.subject}.>", stream=names.stream)
        messages: list[StreamMessage] = []
        for _ in range(20):
            try:
                batch = await subscription.fetch(100, timeout=0.5)
            except TimeoutError:
                if len(messages) >= expect_at_least:
                    break
                continue
            for message in batch:
                messages.append(
                    StreamMessage(
                        message.subject, dict(message.headers or {}), json.loads(message.data)
                    )
                )
                await message.ack()
        await subscription.unsubscribe()
        return messages
    finally:
        await client.close()


async def stream_count(names: StreamNames) -> int:
    import nats

    client = await nats.connect(names.url)
    try:
        info = await client.jetstream().stream_info(names.stream)
        return int(info.state.messages)
    finally:
        await client.close()


async def delete_stream(names: StreamNames) -> None:
    import nats
    from nats.js.errors import NotFoundError

    client = await nats.connect(names.url)
    try:
        with suppress(NotFoundError):
            await client.jetstream().delete_stream(names.stream)
    finally:
        await client.close()
