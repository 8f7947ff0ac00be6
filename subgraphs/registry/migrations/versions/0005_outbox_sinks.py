"""Governance: the outbox tracks each sink (webhook, NATS JetStream) and leases rows to a relay."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    "nats_attempts",
    "nats_next_attempt_at",
    "nats_published_at",
    "nats_last_error",
    "lease_owner",
    "lease_until",
)


def upgrade() -> None:
    # The existing delivered_at / attempts / next_attempt_at / last_error stay the webhook's.
    # Rows written before this migration are due on the stream at once (next attempt 0).
    op.add_column(
        "outbox", sa.Column("nats_attempts", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "outbox",
        sa.Column("nats_next_attempt_at", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.add_column("outbox", sa.Column("nats_published_at", sa.BigInteger(), nullable=True))
    op.add_column("outbox", sa.Column("nats_last_error", sa.Text(), nullable=True))
    op.add_column("outbox", sa.Column("lease_owner", sa.String(length=64), nullable=True))
    op.add_column("outbox", sa.Column("lease_until", sa.BigInteger(), nullable=True))
    op.create_index(
        op.f("ix_outbox_nats_published_at_nats_next_attempt_at"),
        "outbox",
        ["nats_published_at", "nats_next_attempt_at"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_nats_published_at_nats_next_attempt_at"), table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        for name in NEW_COLUMNS:
            batch.drop_column(name)
