"""The registry's tables (SQLAlchemy Core); every row carries the tenant that owns it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAME_LENGTH = 255
URI_LENGTH = 2048

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit key.
Identifier = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _common_columns() -> list[Column[object]]:
    return [
        Column("id", Identifier, primary_key=True, autoincrement=True),
        Column("tenant_id", String(NAME_LENGTH), nullable=False),
        Column("name", String(NAME_LENGTH), nullable=False),
        Column("description", Text),
        Column("external_id", String(NAME_LENGTH)),
        # Milliseconds since the epoch, as the Kubeflow API counts them.
        Column("created_at", BigInteger, nullable=False),
        Column("updated_at", BigInteger, nullable=False),
    ]


registered_models = Table(
    "registered_models",
    metadata,
    *_common_columns(),
    Column("owner", String(NAME_LENGTH)),
    Column("readme", Text),
    Column("maturity", String(NAME_LENGTH)),
    Column("language", JSON, nullable=False),
    Column("tasks", JSON, nullable=False),
    Column("provider", String(NAME_LENGTH)),
    Column("logo", Text),
    Column("license", String(NAME_LENGTH)),
    Column("license_link", String(URI_LENGTH)),
    Column("library_name", String(NAME_LENGTH)),
    Column("state", String(16), nullable=False),
    # Governance (migration 0002): NULL reads as LOW risk and empty lists.
    Column("risk_tier", String(16)),
    Column("owners", JSON),
    Column("group_name", String(NAME_LENGTH)),
    Column("tags", JSON),
    UniqueConstraint("tenant_id", "name"),
    UniqueConstraint("tenant_id", "external_id"),
)

model_versions = Table(
    "model_versions",
    metadata,
    *_common_columns(),
    Column(
        "registered_model_id",
        Identifier,
        ForeignKey("registered_models.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("author", String(NAME_LENGTH)),
    Column("state", String(16), nullable=False),
    Column("stage", String(32), nullable=False, server_default="DRAFT"),
    UniqueConstraint("tenant_id", "registered_model_id", "name"),
    UniqueConstraint("tenant_id", "external_id"),
    Index(None, "registered_model_id"),
)

experiments = Table(
    "experiments",
    metadata,
    *_common_columns(),
    Column("owner", String(NAME_LENGTH)),
    Column("state", String(16), nullable=False),
    UniqueConstraint("tenant_id", "name"),
    UniqueConstraint("tenant_id", "external_id"),
)

experiment_runs = Table(
    "experiment_runs",
    metadata,
    *_common_columns(),
    Column(
        "experiment_id",
        Identifier,
        ForeignKey("experiments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("owner", String(NAME_LENGTH)),
    Column("state", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("start_time", BigInteger),
    Column("end_time", BigInteger),
    UniqueConstraint("tenant_id", "experiment_id", "name"),
    UniqueConstraint("tenant_id", "external_id"),
    Index(None, "experiment_id"),
)

# One table for every artifact type: the columns a type does not use stay NULL.
# parent_kind is "version", "run" or "none" (parent_id 0) so that the unique name
# constraint also holds for artifacts without a parent (NULLs never collide).
artifacts = Table(
    "artifacts",
    metadata,
    *_common_columns(),
    Column("artifact_type", String(32), nullable=False),
    Column("parent_kind", String(16), nullable=False),
    Column("parent_id", BigInteger, nullable=False),
    Column("uri", String(URI_LENGTH)),
    Column("state", String(32), nullable=False),
    Column("model_format_name", String(NAME_LENGTH)),
    Column("model_format_version", String(NAME_LENGTH)),
    Column("storage_key", String(NAME_LENGTH)),
    Column("storage_path", String(URI_LENGTH)),
    Column("service_account_name", String(NAME_LENGTH)),
    Column("model_source_kind", String(NAME_LENGTH)),
    Column("model_source_class", String(NAME_LENGTH)),
    Column("model_source_group", String(NAME_LENGTH)),
    Column("model_source_id", String(NAME_LENGTH)),
    Column("model_source_name", String(NAME_LENGTH)),
    Column("digest", String(NAME_LENGTH)),
    Column("source_type", String(NAME_LENGTH)),
    Column("source", Text),
    Column("schema", Text),
    Column("profile", Text),
    Column("metric_value", Double),
    Column("metric_timestamp", BigInteger),
    Column("metric_step", BigInteger),
    Column("parameter_value", Text),
    Column("parameter_type", String(16)),
    UniqueConstraint("tenant_id", "parent_kind", "parent_id", "name"),
    UniqueConstraint("tenant_id", "external_id"),
    Index(None, "parent_kind", "parent_id"),
)

# Typed values: exactly one of the *_value columns is set, as value_type says.
custom_properties = Table(
    "custom_properties",
    metadata,
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("entity_kind", String(16), primary_key=True),
    Column("entity_id", BigInteger, primary_key=True),
    Column("name", String(NAME_LENGTH), primary_key=True),
    Column("value_type", String(8), nullable=False),
    Column("string_value", Text),
    Column("int_value", BigInteger),
    Column("double_value", Double),
    Column("bool_value", Boolean),
    Column("struct_value", Text),
    Index(None, "tenant_id", "entity_kind", "name"),
)

metric_history = Table(
    "metric_history",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column(
        "experiment_run_id",
        Identifier,
        ForeignKey("experiment_runs.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("step", BigInteger, nullable=False),
    Column("value", Double, nullable=False),
    Column("timestamp", BigInteger, nullable=False),
    UniqueConstraint("tenant_id", "experiment_run_id", "name", "step"),
)

# Governance: every stage change of a version, who made it and why.
stage_transitions = Table(
    "stage_transitions",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("model_version_id", BigInteger, nullable=False),
    Column("from_stage", String(32), nullable=False),
    Column("to_stage", String(32), nullable=False),
    Column("actor", String(NAME_LENGTH), nullable=False),
    Column("reason", Text),
    Column("created_at", BigInteger, nullable=False),
    Index(None, "tenant_id", "model_version_id"),
)

# One row per (version, target stage, reviewer); `valid` turns false when a new artifact
# or a request for changes makes the decision stale.
approvals = Table(
    "approvals",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("model_version_id", BigInteger, nullable=False),
    Column("target_stage", String(32), nullable=False),
    Column("actor", String(NAME_LENGTH), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("comment", Text),
    Column("valid", Boolean, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
    Index(None, "tenant_id", "model_version_id"),
)

# Append-only (triggers refuse UPDATE and DELETE); a SHA-256 hash chain per tenant.
audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("actor", String(NAME_LENGTH), nullable=False),
    Column("action", String(64), nullable=False),
    Column("entity_type", String(32), nullable=False),
    Column("entity_id", String(NAME_LENGTH), nullable=False),
    Column("occurred_at", BigInteger, nullable=False),
    Column("diff", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("tenant_id", "seq"),
    Index(None, "tenant_id", "entity_type", "entity_id"),
    Index(None, "tenant_id", "actor"),
)

# Evaluation suites: named metrics with a threshold and a direction ("higher" or "lower").
evaluation_suites = Table(
    "evaluation_suites",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("metrics", JSON, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    UniqueConstraint("tenant_id", "name"),
)

# One row per metric of an evaluation run against a version; `passed` judged by the suite.
evaluation_results = Table(
    "evaluation_results",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("model_version_id", BigInteger, nullable=False),
    Column("suite", String(NAME_LENGTH), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("metric", String(NAME_LENGTH), nullable=False),
    Column("value", Double, nullable=False),
    Column("threshold", Double, nullable=False),
    Column("direction", String(8), nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("run", String(NAME_LENGTH)),
    Column("evaluated_at", BigInteger, nullable=False),
    Index(None, "tenant_id", "model_version_id"),
)

# Notifications written in the same transaction as the change; a relay delivers them later,
# so a crash between commit and delivery loses nothing.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Identifier, primary_key=True, autoincrement=True),
    Column("tenant_id", String(NAME_LENGTH), nullable=False),
    Column("topic", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", BigInteger, nullable=False),
    # The webhook's delivery state.
    Column("delivered_at", BigInteger),
    Column("last_error", Text),
    # The NATS JetStream feed's, kept apart so that one sink's failure never repeats the other.
    Column("nats_attempts", Integer, nullable=False, server_default="0"),
    Column("nats_next_attempt_at", BigInteger, nullable=False, server_default="0"),
    Column("nats_published_at", BigInteger),
    Column("nats_last_error", Text),
    # The relay that claimed the row, and until when: one relay at a time delivers a row.
    Column("lease_owner", String(64)),
    Column("lease_until", BigInteger),
    Index(None, "delivered_at", "next_attempt_at"),
    Index(None, "nats_published_at", "nats_next_attempt_at"),
)
