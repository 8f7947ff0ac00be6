"""The catalog subgraph: read-only model discovery over YAML and HuggingFace sources."""

from __future__ import annotations

__all__ = ["Catalog", "CatalogSnapshot", "build_schema", "create_app"]


def __getattr__(name: str) -> object:
    # Lazy so that `import subgraphs.catalog.records` never drags in Strawberry or Starlette.
    if name == "Catalog" or name == "CatalogSnapshot":
        from subgraphs.catalog import catalog

        return getattr(catalog, name)
    if name == "build_schema":
        from subgraphs.catalog.schema import build_schema

        return build_schema
    if name == "create_app":
        from subgraphs.catalog.app import create_app

        return create_app
    raise AttributeError(name)
