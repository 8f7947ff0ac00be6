"""The registry app's outbox relay: its settings, and starting and stopping it with the app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from common.settings import ConfigurationError
from subgraphs.registry.database import Database
from subgraphs.registry.governance.outbox import Sink, WebhookSink, run_pruner, run_relay
from subgraphs.registry.settings import (
    LEASE_SECONDS,
    NATS_STREAM,
    NATS_SUBJECT,
    NATS_URL,
    POLL_SECONDS,
    RETENTION_DAYS,
    TIMEOUT_SECONDS,
    WEBHOOK_SECRET,
    WEBHOOK_URL,
)

log = logging.getLogger("modelplane.registry.outbox")

# Pruning runs this long after the relay starts, then at this interval.
PRUNE_DELAY_SECONDS = 60.0
PRUNE_INTERVAL_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class RelaySettings:
    webhook_url: str | None = None
    webhook_secret: str | None = None
    nats_url: str | None = None
    nats_stream: str = "modelplane-events"
    nats_subject: str = "modelplane.events"
    poll_seconds: float = 1.0
    lease_seconds: float = 60.0
    timeout_seconds: float = 10.0
    retention_days: int = 7
    prune_delay_seconds: float = PRUNE_DELAY_SECONDS
    prune_interval_seconds: float = PRUNE_INTERVAL_SECONDS

    @property
    def enabled(self) -> bool:
        return bool(self.webhook_url or self.nats_url)

    @classmethod
    def from_env(cls) -> RelaySettings:
        """The settings from the environment, checked: a bad combination stops the start."""
        relay = cls(
            webhook_url=WEBHOOK_URL.get(),
            webhook_secret=WEBHOOK_SECRET.get(),
            nats_url=NATS_URL.get(),
            nats_stream=NATS_STREAM.get_str(),
            nats_subject=NATS_SUBJECT.get_str(),
            poll_seconds=POLL_SECONDS.get_float(),
            lease_seconds=LEASE_SECONDS.get_float(),
            timeout_seconds=TIMEOUT_SECONDS.get_float(),
            retention_days=RETENTION_DAYS.get_int(),
        )
        relay.check()
        return relay

    def check(self) -> None:
        if self.webhook_url:
            if urlsplit(self.webhook_url).scheme not in ("http", "https"):
                raise ConfigurationError(
                    f"{WEBHOOK_URL.name} must be an http:// or https:// URL, "
                    f"got {self.webhook_url!r}"
                )
            if not self.webhook_secret:
                raise ConfigurationError(
                    f"{WEBHOOK_URL.name} is set but {WEBHOOK_SECRET.name} is not: every "
                    "webhook delivery is signed with that secret so the receiver can trust "
                    f"it. Set {WEBHOOK_SECRET.name} (e.g. to the output of "
                    "`openssl rand -hex 32`), or unset the URL."
                )
        if self.nats_url:
            from subgraphs.registry.governance.stream import check_stream_name, check_subject

            try:
                check_stream_name(self.nats_stream)
                check_subject(self.nats_subject)
            except ValueError as error:
                raise ConfigurationError(f"{NATS_STREAM.name} / {NATS_SUBJECT.name}: {error}") from None
        if self.poll_seconds <= 0:
            raise ConfigurationError(f"{POLL_SECONDS.name} must be positive")
        if self.timeout_seconds <= 0:
            raise ConfigurationError(f"{TIMEOUT_SECONDS.name} must be positive")
        if self.lease_seconds < 2 * self.timeout_seconds:
            raise ConfigurationError(
                f"{LEASE_SECONDS.name} ({self.lease_seconds:g}) must be at least twice "
                f"{TIMEOUT_SECONDS.name} ({self.timeout_seconds:g}): a relay sends a row only "
                "while a full timeout of its lease is left"
            )
        if self.retention_days < 0:
            raise ConfigurationError(
                f"{RETENTION_DAYS.name} must be a whole number of days, 0 or more (0 keeps "
                f"delivered notifications forever), got {self.retention_days}"
            )
        if self.prune_delay_seconds < 0 or self.prune_interval_seconds <= 0:
            raise ConfigurationError("the outbox pruning delay and interval must be positive")


class OutboxRelay:
    """The relay task of one registry app, and its pruner (the delivered rows older than the
    retention go, shortly after the start and then hourly): started after migrations, stopped
    before the database closes. Stopping lets a delivery in flight finish (up to the
    timeout); rows not reached keep their delivery state and are delivered by the next relay.
    A prune batch in flight finishes; none starts after the stop."""

    def __init__(self, database: Database, config: RelaySettings) -> None:
        self.database = database
        self.config = config
        self.sinks: list[Sink] = []
        self._session: aiohttp.ClientSession | None = None
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._pruner: asyncio.Task[None] | None = None

    def describe(self) -> str:
        parts = []
        if self.config.webhook_url:
            parts.append(f"webhook {urlsplit(self.config.webhook_url).netloc}")
        if self.config.nats_url:
            parts.append(f"JetStream {self.config.nats_stream} ({self.config.nats_subject}.>)")
        return ", ".join(parts)

    async def start(self) -> None:
        config = self.config
        # The stream first: a publish is quick, and a slow webhook then never holds it up.
        if config.nats_url:
            from subgraphs.registry.governance.stream import JetStreamSink

            self.sinks.append(
                JetStreamSink(
                    config.nats_url,
                    config.nats_stream,
                    config.nats_subject,
                    timeout=config.timeout_seconds,
                )
            )
        if config.webhook_url and config.webhook_secret:
            timeout = aiohttp.ClientTimeout(total=config.timeout_seconds)
            self._session = aiohttp.ClientSession(timeout=timeout)
            self.sinks.append(WebhookSink(self._session, config.webhook_url, config.webhook_secret))
        self._stop.clear()
        self._task = asyncio.create_task(
            run_relay(
                self.database,
                self.sinks,
                self._stop,
                interval=config.poll_seconds,
                lease_seconds=config.lease_seconds,
                timeout_seconds=config.timeout_seconds,
            ),
            name="modelplane-outbox-relay",
        )
        self._pruner = asyncio.create_task(
            run_pruner(
                self.database,
                [sink.columns for sink in self.sinks],
                self._stop,
                retention_days=config.retention_days,
                delay=config.prune_delay_seconds,
                interval=config.prune_interval_seconds,
            ),
            name="modelplane-outbox-pruner",
        )
        kept = f"{config.retention_days} days" if config.retention_days > 0 else "forever"
        log.info("outbox relay started: %s; delivered rows kept %s", self.describe(), kept)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self) -> None:
        self._stop.set()
        task, self._task = self._task, None
        if task is not None:
            # A delivery in flight may take up to two timeouts (a POST, then its record).
            grace = 2 * self.config.timeout_seconds + 5
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout=grace)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            except Exception:  # the relay logs its own failures
                log.exception("outbox relay ended with an error")
        pruner, self._pruner = self._pruner, None
        if pruner is not None:
            # A batch in flight finishes (one short transaction); none starts after the stop.
            try:
                await asyncio.wait_for(asyncio.shield(pruner), timeout=self.config.timeout_seconds)
            except TimeoutError:
                pruner.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pruner
            except Exception:
                log.exception("outbox pruning ended with an error")
        for sink in self.sinks:
            close = getattr(sink, "close", None)
            if close is not None:
                await close()
        self.sinks = []
        if self._session is not None:
            await self._session.close()
            self._session = None
        log.info("outbox relay stopped")
