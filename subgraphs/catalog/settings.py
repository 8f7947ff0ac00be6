"""Environment settings the catalog subgraph reads."""

from __future__ import annotations

from common.settings import declare

CATALOG_SOURCES = declare(
    "MODELPLANE_CATALOG_SOURCES",
    None,
    "Comma-separated paths of catalog sources files (Kubeflow format); later files override "
    "earlier ones by source id. Unset: the repository's examples/catalog/sources.yaml when "
    "present, else an empty catalog.",
)
CATALOG_HUB_TIMEOUT = declare(
    "MODELPLANE_CATALOG_HUB_TIMEOUT",
    "30",
    "Seconds the catalog waits for one HuggingFace Hub request before marking the source.",
)
CATALOG_RELOAD_DEBOUNCE_MS = declare(
    "MODELPLANE_CATALOG_RELOAD_DEBOUNCE_MS",
    "150",
    "Milliseconds of quiet after a change to a catalog file before the catalog reloads.",
)
