"""The committed schema/ files are what the code produces."""

from __future__ import annotations

from pathlib import Path

from modelplane.schema_export import render_schema_files

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def test_committed_schema_files_match_the_code() -> None:
    stale = []
    for name, text in render_schema_files().items():
        path = SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    assert not stale, f"schema/ is stale for {stale}: run `make schema` and commit the result"


def test_api_schema_has_no_federation_machinery() -> None:
    api = (SCHEMA_DIR / "api.graphql").read_text(encoding="utf-8")
    for marker in ("join__", "link__", "_entities", "_Any", "@inaccessible"):
        assert marker not in api
    assert "type Query" in api and "registerModel" in api and "catalogModels" in api
