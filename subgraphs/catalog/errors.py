"""Catalog errors: bad source configuration, bad catalog content, and Hub failures."""

from __future__ import annotations

from pathlib import Path

from common.errors import BadUserInput, ModelplaneError, Unavailable


class CatalogConfigError(ModelplaneError):
    """A sources or catalog file is invalid; names the file, the source and the key."""

    code = "CATALOG_CONFIG_INVALID"
    http_status = 500

    def __init__(
        self,
        message: str,
        *,
        file: Path | str,
        source_id: str | None = None,
        key: str | None = None,
    ) -> None:
        where = str(file)
        if source_id is not None:
            where += f": source {source_id!r}"
        if key is not None:
            where += f": key {key!r}"
        super().__init__(f"{where}: {message}", file=str(file), sourceId=source_id, key=key)
        self.file = str(file)
        self.source_id = source_id
        self.key = key


class HubError(Unavailable):
    """The HuggingFace Hub could not be read; `reason` is short and safe to show."""

    def __init__(self, reason: str, *, status: int | None = None) -> None:
        super().__init__(reason, status=status)
        self.reason = reason
        self.status = status


class BadCursor(BadUserInput):
    def __init__(self) -> None:
        super().__init__(
            "the `after` cursor is not valid for this query",
            suggestion="pass an endCursor returned by the same query with the same orderBy",
        )
