from __future__ import annotations

from pathlib import Path

import pytest

from subgraphs.catalog.errors import CatalogConfigError
from subgraphs.catalog.patterns import NameFilter, parse_hub_pattern
from subgraphs.catalog.sources_file import merge_sources, read_sources_file
from tests.catalog.conftest import write


def merged(*paths: Path):  # type: ignore[no-untyped-def]
    return merge_sources([read_sources_file(p) for p in paths])


def test_sample_sources_file_parses(sample_sources: Path) -> None:
    result = merged(sample_sources)
    assert not result.errors
    assert list(result.configs) == [
        "organization_models", "validated_models", "archived_models", "hf_granite", "community_models"
    ]  # fmt: skip
    assert result.configs["archived_models"].enabled is False
    hf = result.configs["hf_granite"]
    assert hf.properties["syncInterval"] == 12 * 3600
    assert hf.properties["maxModels"] == 50
    assert [label.name for label in result.labels] == [
        "Organization AI",
        "Validated AI",
        "Community",
    ]
    yaml_source = result.configs["validated_models"]
    assert yaml_source.yaml_catalog_path == sample_sources.parent / "validated-models.yaml"


def test_model_catalogs_wins_over_catalogs_on_an_id_clash(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sources.yaml",
        """
        catalogs:
          - {id: a, name: From catalogs, type: yaml, properties: {yamlCatalogPath: a.yaml}}
        model_catalogs:
          - {id: a, name: From model_catalogs, type: yaml, properties: {yamlCatalogPath: b.yaml}}
        """,
    )
    config = merged(path).configs["a"]
    assert config.name == "From model_catalogs"
    assert config.yaml_catalog_path == tmp_path / "b.yaml"


def test_later_files_override_fields_and_single_properties(tmp_path: Path) -> None:
    base = write(
        tmp_path / "base" / "sources.yaml",
        """
        catalogs:
          - id: hub
            name: Hub
            type: hf
            labels: [one]
            includedModels: ["org/*"]
            properties: {url: "http://hub.internal", maxModels: 10}
          - id: files
            type: yaml
            properties: {yamlCatalogPath: models.yaml}
        """,
    )
    override = write(
        tmp_path / "override" / "sources.yaml",
        """
        catalogs:
          - id: hub
            enabled: false
            labels: [two]
            properties: {maxModels: 25}
          - id: files
            name: Files
        """,
    )
    result = merged(base, override)
    hub = result.configs["hub"]
    assert (hub.enabled, hub.labels, hub.name) == (False, ("two",), "Hub")
    assert hub.properties["maxModels"] == 25
    assert hub.properties["url"] == "http://hub.internal"
    assert hub.defined_in == (str(base), str(override))
    # yamlCatalogPath stays relative to the file that set it.
    assert result.configs["files"].yaml_catalog_path == tmp_path / "base" / "models.yaml"
    assert result.configs["files"].name == "Files"


@pytest.mark.parametrize(
    ("entry", "key", "fragment"),
    [
        (
            "{id: s, type: yaml, colour: red, properties: {yamlCatalogPath: x.yaml}}",
            "colour",
            "unknown key",
        ),
        ("{id: s, type: csv, properties: {yamlCatalogPath: x.yaml}}", "type", "yaml, hf"),
        (
            "{id: s, type: yaml, enabled: 'yes', properties: {yamlCatalogPath: x.yaml}}",
            "enabled",
            "true or false",
        ),
        (
            "{id: s, type: yaml, labels: label, properties: {yamlCatalogPath: x.yaml}}",
            "labels",
            "list",
        ),
        (
            "{id: s, type: yaml, properties: {yamlCatalogPath: x.yaml, url: 'http://x'}}",
            "properties.url",
            "unknown property",
        ),
        ("{id: s, type: yaml}", "properties.yamlCatalogPath", "needs a yamlCatalogPath"),
        ("{id: s, type: hf, includedModels: ['*']}", "includedModels", "org/model"),
        ("{id: s, type: hf, includedModels: ['*/*']}", "includedModels", "organisation"),
        ("{id: s, type: hf, includedModels: ['ib*/granite']}", "includedModels", "organisation"),
        ("{id: s, type: hf, includedModels: ['org/a*b']}", "includedModels", "trailing"),
        (
            "{id: s, type: hf, includedModels: ['org/*'], properties: {maxModels: 0}}",
            "properties.maxModels",
            "positive",
        ),
        (
            "{id: s, type: hf, includedModels: ['org/*'], properties: {syncInterval: soon}}",
            "properties.syncInterval",
            "duration",
        ),
        (
            "{id: s, type: hf, includedModels: ['org/*'], properties: {url: 'ftp://x'}}",
            "properties.url",
            "http",
        ),
        (
            "{id: s, type: hf, includedModels: ['org/*'], properties: {apiKey: secret}}",
            "properties.apiKey",
            "unknown property",
        ),
        (
            "{id: s, type: hf, includedModels: ['other/*'], properties: {allowedOrganization: org}}",
            "includedModels",
            "allowed organisation",
        ),
        ("{id: s, type: hf}", "includedModels", "allowedOrganization"),
    ],
)
def test_invalid_sources_name_the_file_source_and_key(
    tmp_path: Path, entry: str, key: str, fragment: str
) -> None:
    path = write(tmp_path / "sources.yaml", f"catalogs:\n  - {entry}\n")
    result = merged(path)
    assert "s" not in result.configs
    error = result.errors["s"]
    assert (error.file, error.source_id, error.key) == (str(path), "s", key)
    assert fragment in error.message
    assert str(path) in error.message and "'s'" in error.message and repr(key) in error.message


def test_one_bad_source_does_not_hide_the_others(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sources.yaml",
        """
        catalogs:
          - {id: good, type: yaml, properties: {yamlCatalogPath: g.yaml}}
          - {id: bad, type: yaml, typo: 1, properties: {yamlCatalogPath: b.yaml}}
        """,
    )
    result = merged(path)
    assert list(result.configs) == ["good"]
    assert list(result.errors) == ["bad"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("catalogs: [\n", "invalid YAML"),
        ("- just a list\n", "top level must be a mapping"),
        ("sources: []\n", "unknown top-level key"),
        ("catalogs: {id: x}\n", "must be a list"),
        ("catalogs:\n  - {name: no id, type: yaml}\n", "non-empty string id"),
        ("catalogs:\n  - {id: a, type: yaml}\n  - {id: a, type: yaml}\n", "duplicate source id"),
    ],
)
def test_file_level_problems_raise(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path / "sources.yaml", text)
    with pytest.raises(CatalogConfigError) as caught:
        read_sources_file(path)
    assert fragment in caught.value.message
    assert caught.value.file == str(path)


def test_kubeflow_only_keys_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sources.yaml",
        """
        catalogs:
          - {id: a, type: yaml, properties: {yamlCatalogPath: a.yaml}}
        mcp_catalogs:
          - {id: m, type: yaml, properties: {yamlCatalogPath: m.yaml}}
        namedQueries:
          production_ready: {verifiedSource: {operator: "=", value: true}}
        """,
    )
    assert list(merged(path).configs) == ["a"]


def test_globs_are_whole_name_case_insensitive_and_exclude_wins() -> None:
    names = NameFilter.from_globs(["Granite-*", "exact/model"], ["*-base"])
    assert names.admits("granite-3b-instruct")
    assert names.admits("EXACT/MODEL")
    assert not names.admits("exact/model-2")
    assert not names.admits("my-granite-3b")
    assert not names.admits("granite-3b-base")
    assert NameFilter.from_globs([], []).admits("anything")


def test_hub_patterns() -> None:
    exact = parse_hub_pattern("ibm-granite/granite-3.3-8b-instruct")
    assert (exact.wildcard, exact.exact_id) == (False, "ibm-granite/granite-3.3-8b-instruct")
    prefix = parse_hub_pattern("ibm-granite/granite-3*")
    assert prefix.matches("IBM-Granite/Granite-3.3-2b") and not prefix.matches("ibm-granite/x")
    whole = parse_hub_pattern("ibm-granite/*")
    assert whole.matches("ibm-granite/anything") and not whole.matches("other/anything")
    assert parse_hub_pattern("granite-*", "ibm-granite").organization == "ibm-granite"
    for bad in ("*", "*/*", "*/model", "org*/model", "org/a*b", "org/**", "org/", "a/b/c"):
        with pytest.raises(ValueError):
            parse_hub_pattern(bad)
