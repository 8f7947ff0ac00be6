"""The outbox's event stream: every notification published to NATS JetStream.

A row goes to `<subject>.<topic>` (e.g. `modelplane.events.version.stage_changed`) with the
`Nats-Msg-Id` header set to its outbox id, so JetStream drops a republished row within the
stream's duplicate window. The stream is created when missing, and given the subject when it
exists without it."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import nats
from nats.aio.client import Client
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError

from subgraphs.registry.governance.outbox import NATS_COLUMNS, SinkColumns

log = logging.getLogger("modelplane.registry.outbox")

MSG_ID_HEADER = "Nats-Msg-Id"
# JetStream stream names: no whitespace, dots, wildcards or path separators.
STREAM_NAME = re.compile(r"^[A-Za-z0-9_-]{1,255}$")
# Subject tokens: no whitespace or wildcards, none empty.
SUBJECT = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")


def check_stream_name(name: str) -> str:
    if not STREAM_NAME.match(name):
        raise ValueError(f"{name!r} is not a JetStream stream name (letters, digits, _ and -)")
    return name


def check_subject(subject: str) -> str:
    if not SUBJECT.match(subject):
        raise ValueError(
            f"{subject!r} is not a NATS subject prefix (dot-separated tokens of letters, "
            "digits, _ and -, no wildcards)"
        )
    return subject


async def _log_error(error: Exception) -> None:
    log.debug("NATS: %s", error)


def subject_for(prefix: str, topic: str) -> str:
    return f"{prefix}.{topic}"


class JetStreamSink:
    """Publishes rows to JetStream; connects (and ensures the stream) on first use and again
    after the connection is lost. Every failure is reported as the row's error, never raised."""

    name = "nats"
    columns: SinkColumns = NATS_COLUMNS

    def __init__(self, url: str, stream: str, subject: str, *, timeout: float = 10.0) -> None:
        self.url = url
        self.stream = check_stream_name(stream)
        self.subject = check_subject(subject)
        self.timeout = timeout
        self._client: Client | None = None
        self._jetstream: JetStreamContext | None = None

    async def _connect(self) -> JetStreamContext:
        if self._client is not None and self._jetstream is not None and not self._client.is_closed:
            return self._jetstream
        await self.close()
        # No reconnecting in the background: a lost connection closes the client, and the
        # next row connects again (failing fast, with backoff per row, while NATS is away).
        client = await asyncio.wait_for(
            nats.connect(
                self.url,
                connect_timeout=max(1, int(self.timeout)),
                allow_reconnect=False,
                error_cb=_log_error,
                name="modelplane-registry-outbox",
            ),
            timeout=self.timeout + 1,
        )
        try:
            jetstream = client.jetstream(timeout=self.timeout)
            await ensure_stream(jetstream, self.stream, self.subject)
        except BaseException:
            await client.close()
            raise
        self._client, self._jetstream = client, jetstream
        return jetstream

    async def deliver(self, row: Any) -> str | None:
        try:
            jetstream = await self._connect()
            await jetstream.publish(
                subject_for(self.subject, row.topic),
                row.payload.encode(),
                timeout=self.timeout,
                stream=self.stream,
                headers={MSG_ID_HEADER: str(row.id)},
            )
        except Exception as exc:  # any failure is this row's to retry
            text = str(exc) or repr(exc)
            return f"{type(exc).__name__}: {text}"
        return None

    async def close(self) -> None:
        client, self._client, self._jetstream = self._client, None, None
        if client is not None and not client.is_closed:
            try:
                await client.close()
            except Exception:  # closing a broken connection
                log.debug("closing the NATS connection failed", exc_info=True)


async def ensure_stream(jetstream: JetStreamContext, stream: str, subject: str) -> None:
    """The stream exists and captures `<subject>.>`."""
    wanted = f"{subject}.>"
    try:
        info = await jetstream.stream_info(stream)
    except NotFoundError:
        await jetstream.add_stream(name=stream, subjects=[wanted])
        log.info("created the JetStream stream %s for %s", stream, wanted)
        return
    subjects = list(info.config.subjects or [])
    if wanted not in subjects:
        config = info.config.evolve(subjects=[*subjects, wanted])
        await jetstream.update_stream(config)
        log.info("added %s to the JetStream stream %s", wanted, stream)
