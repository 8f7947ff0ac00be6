"""Governance: version stages, model risk tiers, transitions, approvals, the audit chain."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

IDENTIFIER = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

POSTGRES_GUARD = """
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()",
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()",
]
SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
]


def upgrade() -> None:
    with op.batch_alter_table("registered_models") as batch_op:
        batch_op.add_column(sa.Column("risk_tier", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("owners", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("group_name", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("tags", sa.JSON(), nullable=True))
    with op.batch_alter_table("model_versions") as batch_op:
        batch_op.add_column(
            sa.Column("stage", sa.String(length=32), nullable=False, server_default="DRAFT")
        )
    op.create_table(
        "stage_transitions",
        sa.Column("id", IDENTIFIER, autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("model_version_id", sa.BigInteger(), nullable=False),
        sa.Column("from_stage", sa.String(length=32), nullable=False),
        sa.Column("to_stage", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_transitions")),
    )
    op.create_index(
        op.f("ix_stage_transitions_tenant_id_model_version_id"),
        "stage_transitions",
        ["tenant_id", "model_version_id"],
    )
    op.create_table(
        "approvals",
        sa.Column("id", IDENTIFIER, autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("model_version_id", sa.BigInteger(), nullable=False),
        sa.Column("target_stage", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    op.create_index(
        op.f("ix_approvals_tenant_id_model_version_id"),
        "approvals",
        ["tenant_id", "model_version_id"],
    )
    op.create_table(
        "audit_events",
        sa.Column("id", IDENTIFIER, autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=255), nullable=False),
        sa.Column("occurred_at", sa.BigInteger(), nullable=False),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("tenant_id", "seq", name=op.f("uq_audit_events_tenant_id_seq")),
    )
    op.create_index(
        op.f("ix_audit_events_tenant_id_entity_type_entity_id"),
        "audit_events",
        ["tenant_id", "entity_type", "entity_id"],
    )
    op.create_index(op.f("ix_audit_events_tenant_id_actor"), "audit_events", ["tenant_id", "actor"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_GUARD)
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("audit_events")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_events_refuse_change()")
    op.drop_table("approvals")
    op.drop_table("stage_transitions")
    with op.batch_alter_table("model_versions") as batch_op:
        batch_op.drop_column("stage")
    with op.batch_alter_table("registered_models") as batch_op:
        batch_op.drop_column("tags")
        batch_op.drop_column("group_name")
        batch_op.drop_column("owners")
        batch_op.drop_column("risk_tier")
