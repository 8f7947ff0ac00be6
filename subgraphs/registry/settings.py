"""The registry's settings: the notification relay (docs/governance.md, "Notifications")."""

from __future__ import annotations

from common import settings

WEBHOOK_URL = settings.declare(
    "MODELPLANE_OUTBOX_WEBHOOK_URL",
    None,
    "URL that stage changes and approval requests are POSTed to (docs/governance.md); "
    "unset: no webhook.",
)
WEBHOOK_SECRET = settings.declare(
    "MODELPLANE_OUTBOX_WEBHOOK_SECRET",
    None,
    "HMAC-SHA256 key of the X-Modelplane-Signature header; required with the webhook URL.",
)
POLL_SECONDS = settings.declare(
    "MODELPLANE_OUTBOX_POLL_SECONDS", "1", "How often the relay looks for due notifications."
)
LEASE_SECONDS = settings.declare(
    "MODELPLANE_OUTBOX_LEASE_SECONDS",
    "60",
    "How long a relay holds the rows it claimed; a relay that dies leaves them to others "
    "after this. At least twice the timeout.",
)
TIMEOUT_SECONDS = settings.declare(
    "MODELPLANE_OUTBOX_TIMEOUT_SECONDS",
    "10",
    "Time limit on one webhook POST or one JetStream publish (and NATS connect).",
)
NATS_URL = settings.declare(
    "MODELPLANE_NATS_URL",
    None,
    "NATS server (nats://host:4222) whose JetStream receives every notification; unset: none.",
)
NATS_STREAM = settings.declare(
    "MODELPLANE_NATS_STREAM",
    "modelplane-events",
    "JetStream stream the notifications go to; created when missing.",
)
NATS_SUBJECT = settings.declare(
    "MODELPLANE_NATS_SUBJECT",
    "modelplane.events",
    "Subject prefix: a notification goes to <prefix>.<topic>, e.g. "
    "modelplane.events.version.stage_changed.",
)
RETENTION_DAYS = settings.declare(
    "MODELPLANE_OUTBOX_RETENTION_DAYS",
    "7",
    "Days a notification delivered to every configured sink stays in the outbox before the "
    "relay deletes it; 0 keeps every row forever.",
)
