from __future__ import annotations

from pathlib import Path

import pytest

from subgraphs.catalog.errors import CatalogConfigError
from subgraphs.catalog.records import PropertyValue, SourceConfig
from subgraphs.catalog.sources_file import merge_sources, read_sources_file
from subgraphs.catalog.yaml_catalog import load_yaml_catalog
from tests.catalog.conftest import EXAMPLES


def config(**overrides: object) -> SourceConfig:
    values: dict[str, object] = {
        "id": "s", "name": "S", "type": "yaml",
        "properties": {"yamlCatalogPath": "models.yaml"}, "base_dir": Path("/catalogs"),
    }  # fmt: skip
    values.update(overrides)
    return SourceConfig(**values)  # type: ignore[arg-type]


def test_sample_catalogs_load_with_include_and_exclude(sample_sources: Path) -> None:
    configs = merge_sources([read_sources_file(sample_sources)]).configs
    loaded = {
        source_id: load_yaml_catalog(c, c.yaml_catalog_path.read_text())
        for source_id, c in configs.items()
        if c.type == "yaml"
    }
    organization = [m.name for m in loaded["organization_models"]]
    assert "northwind/legacy-sentiment-deprecated" not in organization  # excludedModels
    assert len(organization) == 3
    community = [m.name for m in loaded["community_models"]]
    assert community == ["community/whisper-small-de", "community/table-qa-base", "tinystories-33m"]
    table_qa = loaded["community_models"][1]
    assert table_qa.artifacts == ()  # a model without artifacts


def test_fields_typed_values_and_metrics_artifacts() -> None:
    text = (EXAMPLES / "validated-models.yaml").read_text()
    models = load_yaml_catalog(config(), text)
    reasoner = models[0]
    assert reasoner.name == "contoso/reasoner-70b-instruct"
    assert reasoner.create_time == 1733961600000  # Kubeflow's int64-as-string
    assert reasoner.tasks == ("text-generation",)
    assert reasoner.custom_properties["validated"] == PropertyValue("BOOL", True)
    kinds = [(a.kind, a.metrics_type) for a in reasoner.artifacts]
    assert kinds == [
        ("model-artifact", None),
        ("metrics-artifact", "performance-metrics"),
        ("metrics-artifact", "performance-metrics"),
        ("metrics-artifact", "accuracy-metrics"),
    ]
    h100 = reasoner.artifacts[1].custom_properties
    assert h100["hardware_count"] == PropertyValue("INT", 4)
    assert h100["ttft_p90"] == PropertyValue("DOUBLE", 143.2)
    assert reasoner.readme is not None and reasoner.readme.startswith("# Reasoner 70B")


@pytest.mark.parametrize(
    ("models", "key", "fragment"),
    [
        ("- {description: no name}", "name", "required"),
        ("- {name: m, size: 3}", "size", "unknown key"),
        ("- {name: m, artifacts: [{}]}", "artifacts[0].uri", "needs a uri"),
        ("- {name: m, artifacts: [{uri: 'ftp://x/y'}]}", "artifacts[0].uri", "scheme"),
        (
            "- {name: m, artifacts: [{artifactType: metrics-artifact}]}",
            "artifacts[0].metricsType",
            "performance-metrics",
        ),
        (
            "- {name: m, artifacts: [{artifactType: weights, uri: 's3://b/k'}]}",
            "artifacts[0].artifactType",
            "model-artifact",
        ),
        ("- {name: m, tasks: text}", "name", ""),  # a single string is accepted as one task
        ("- {name: m, createTimeSinceEpoch: yesterday}", "createTimeSinceEpoch", "milliseconds"),
        (
            "- {name: m, customProperties: {x: {metadataType: MetadataIntValue, int_value: 'ten'}}}",
            "customProperties.x.int_value",
            "invalid",
        ),
        (
            "- {name: m, customProperties: {x: {metadataType: MetadataFooValue}}}",
            "customProperties.x.metadataType",
            "must be one of",
        ),
        (
            "- {name: m, customProperties: {x: {metadataType: MetadataStringValue}}}",
            "customProperties.x.string_value",
            "needs",
        ),
        ("- {name: m}\n- {name: m}", "name", "duplicate"),
    ],
)
def test_invalid_models_name_the_file_source_and_key(models: str, key: str, fragment: str) -> None:
    text = "models:\n" + "\n".join("  " + line for line in models.splitlines()) + "\n"
    if not fragment:
        assert load_yaml_catalog(config(), text)[0].tasks == ("text",)
        return
    with pytest.raises(CatalogConfigError) as caught:
        load_yaml_catalog(config(), text)
    error = caught.value
    assert (error.file, error.source_id, error.key) == ("/catalogs/models.yaml", "s", key)
    assert fragment in error.message


def test_invalid_yaml_reports_the_line() -> None:
    with pytest.raises(CatalogConfigError) as caught:
        load_yaml_catalog(config(), "models:\n  - name: a\n   bad: [\n")
    assert "invalid YAML" in caught.value.message and "line" in caught.value.message


def test_empty_file_is_an_empty_catalog() -> None:
    assert load_yaml_catalog(config(), "") == ()
    assert load_yaml_catalog(config(), "source: nothing yet\n") == ()
