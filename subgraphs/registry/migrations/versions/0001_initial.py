"""Initial registry schema: models, versions, artifacts, experiments, runs, properties."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "artifacts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("artifact_type", sa.String(length=32), nullable=False),
        sa.Column("parent_kind", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.BigInteger(), nullable=False),
        sa.Column("uri", sa.String(length=2048), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("model_format_name", sa.String(length=255), nullable=True),
        sa.Column("model_format_version", sa.String(length=255), nullable=True),
        sa.Column("storage_key", sa.String(length=255), nullable=True),
        sa.Column("storage_path", sa.String(length=2048), nullable=True),
        sa.Column("service_account_name", sa.String(length=255), nullable=True),
        sa.Column("model_source_kind", sa.String(length=255), nullable=True),
        sa.Column("model_source_class", sa.String(length=255), nullable=True),
        sa.Column("model_source_group", sa.String(length=255), nullable=True),
        sa.Column("model_source_id", sa.String(length=255), nullable=True),
        sa.Column("model_source_name", sa.String(length=255), nullable=True),
        sa.Column("digest", sa.String(length=255), nullable=True),
        sa.Column("source_type", sa.String(length=255), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("schema", sa.Text(), nullable=True),
        sa.Column("profile", sa.Text(), nullable=True),
        sa.Column("metric_value", sa.Double(), nullable=True),
        sa.Column("metric_timestamp", sa.BigInteger(), nullable=True),
        sa.Column("metric_step", sa.BigInteger(), nullable=True),
        sa.Column("parameter_value", sa.Text(), nullable=True),
        sa.Column("parameter_type", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_artifacts")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_artifacts_tenant_id_external_id")
        ),
        sa.UniqueConstraint(
            "tenant_id",
            "parent_kind",
            "parent_id",
            "name",
            name=op.f("uq_artifacts_tenant_id_parent_kind_parent_id_name"),
        ),
    )
    with op.batch_alter_table("artifacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_artifacts_parent_kind_parent_id"),
            ["parent_kind", "parent_id"],
            unique=False,
        )

    op.create_table(
        "custom_properties",
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("entity_kind", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("value_type", sa.String(length=8), nullable=False),
        sa.Column("string_value", sa.Text(), nullable=True),
        sa.Column("int_value", sa.BigInteger(), nullable=True),
        sa.Column("double_value", sa.Double(), nullable=True),
        sa.Column("bool_value", sa.Boolean(), nullable=True),
        sa.Column("struct_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(
            "entity_kind", "entity_id", "name", name=op.f("pk_custom_properties")
        ),
    )
    with op.batch_alter_table("custom_properties", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custom_properties_tenant_id_entity_kind_name"),
            ["tenant_id", "entity_kind", "name"],
            unique=False,
        )

    op.create_table(
        "experiments",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("owner", sa.String(length=255), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiments")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_experiments_tenant_id_external_id")
        ),
        sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_experiments_tenant_id_name")),
    )
    op.create_table(
        "registered_models",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("owner", sa.String(length=255), nullable=True),
        sa.Column("readme", sa.Text(), nullable=True),
        sa.Column("maturity", sa.String(length=255), nullable=True),
        sa.Column("language", sa.JSON(), nullable=False),
        sa.Column("tasks", sa.JSON(), nullable=False),
        sa.Column("provider", sa.String(length=255), nullable=True),
        sa.Column("logo", sa.Text(), nullable=True),
        sa.Column("license", sa.String(length=255), nullable=True),
        sa.Column("license_link", sa.String(length=2048), nullable=True),
        sa.Column("library_name", sa.String(length=255), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registered_models")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_registered_models_tenant_id_external_id")
        ),
        sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_registered_models_tenant_id_name")),
    )
    op.create_table(
        "experiment_runs",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column(
            "experiment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("owner", sa.String(length=255), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("start_time", sa.BigInteger(), nullable=True),
        sa.Column("end_time", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiments.id"],
            name=op.f("fk_experiment_runs_experiment_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiment_runs")),
        sa.UniqueConstraint(
            "tenant_id",
            "experiment_id",
            "name",
            name=op.f("uq_experiment_runs_tenant_id_experiment_id_name"),
        ),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_experiment_runs_tenant_id_external_id")
        ),
    )
    with op.batch_alter_table("experiment_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_experiment_runs_experiment_id"), ["experiment_id"], unique=False
        )

    op.create_table(
        "model_versions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column(
            "registered_model_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("author", sa.String(length=255), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["registered_model_id"],
            ["registered_models.id"],
            name=op.f("fk_model_versions_registered_model_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_versions")),
        sa.UniqueConstraint(
            "tenant_id", "external_id", name=op.f("uq_model_versions_tenant_id_external_id")
        ),
        sa.UniqueConstraint(
            "tenant_id",
            "registered_model_id",
            "name",
            name=op.f("uq_model_versions_tenant_id_registered_model_id_name"),
        ),
    )
    with op.batch_alter_table("model_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_model_versions_registered_model_id"),
            ["registered_model_id"],
            unique=False,
        )

    op.create_table(
        "metric_history",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tenant_id", sa.String(length=255), nullable=False),
        sa.Column(
            "experiment_run_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("step", sa.BigInteger(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("timestamp", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["experiment_run_id"],
            ["experiment_runs.id"],
            name=op.f("fk_metric_history_experiment_run_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_history")),
        sa.UniqueConstraint(
            "tenant_id",
            "experiment_run_id",
            "name",
            "step",
            name=op.f("uq_metric_history_tenant_id_experiment_run_id_name_step"),
        ),
    )


def downgrade() -> None:
    op.drop_table("metric_history")
    with op.batch_alter_table("model_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_model_versions_registered_model_id"))

    op.drop_table("model_versions")
    with op.batch_alter_table("experiment_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experiment_runs_experiment_id"))

    op.drop_table("experiment_runs")
    op.drop_table("registered_models")
    op.drop_table("experiments")
    with op.batch_alter_table("custom_properties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custom_properties_tenant_id_entity_kind_name"))

    op.drop_table("custom_properties")
    with op.batch_alter_table("artifacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artifacts_parent_kind_parent_id"))

    op.drop_table("artifacts")
