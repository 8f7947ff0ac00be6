"""Trusted documents: a manifest of the web app's operations, looked up by their sha256."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from common.errors import BadUserInput
from gateway.limits.errors import PersistedQueryNotFound, TrustedDocumentRequired


class TrustedDocuments:
    """Operation text by sha256 hex digest."""

    def __init__(self, documents: Mapping[str, str]) -> None:
        self._documents = {
            key.lower().removeprefix("sha256:"): text for key, text in documents.items()
        }

    @classmethod
    def from_manifest(cls, manifest: Mapping[str, Any]) -> TrustedDocuments:
        """Reads Apollo's persisted-query manifest (`{"format": "apollo-persisted-query-manifest",
        "operations": [{"id", "body"}]}`) or a plain `{"<sha256>": "<document>"}` map."""
        if manifest.get("format") == "apollo-persisted-query-manifest":
            operations = manifest.get("operations") or []
            return cls({str(op["id"]): str(op["body"]) for op in operations})
        return cls({str(key): str(value) for key, value in manifest.items()})

    @classmethod
    def from_file(cls, path: str | Path) -> TrustedDocuments:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a trusted-documents manifest is a JSON object")
        return cls.from_manifest(data)

    def get(self, sha256: str) -> str | None:
        return self._documents.get(sha256.lower().removeprefix("sha256:"))

    def contains_text(self, text: str) -> bool:
        return hashlib.sha256(text.encode()).hexdigest() in self._documents

    def __len__(self) -> int:
        return len(self._documents)


def requested_document_id(body: Mapping[str, Any]) -> str | None:
    """The id a request names: `documentId` (GraphQL over HTTP) or APQ's
    `extensions.persistedQuery.sha256Hash`."""
    document_id = body.get("documentId")
    if isinstance(document_id, str) and document_id:
        return document_id
    extensions = body.get("extensions")
    if isinstance(extensions, Mapping):
        persisted = extensions.get("persistedQuery")
        if isinstance(persisted, Mapping):
            digest = persisted.get("sha256Hash")
            if isinstance(digest, str) and digest:
                return digest
    return None


def resolve_document(
    body: Mapping[str, Any], store: TrustedDocuments | None, *, require_trusted: bool
) -> str:
    """The operation text to run for a request body (POST JSON or GET query parameters).

    A named id must be in the manifest; a raw `query` runs unless `require_trusted`, in which
    case it must itself be one of the manifest's documents.
    """
    query = body.get("query")
    if query is not None and not isinstance(query, str):
        raise BadUserInput("'query' must be a string")
    document_id = requested_document_id(body)
    if document_id is not None:
        text = store.get(document_id) if store is not None else None
        if text is None:
            raise PersistedQueryNotFound(
                f"no trusted document has the id {document_id!r}",
                suggestion="regenerate the client's manifest and deploy it with the gateway",
            )
        return text
    if query is None or not query.strip():
        raise BadUserInput("the request has no 'query' and no 'documentId'")
    if require_trusted and (store is None or not store.contains_text(query)):
        raise TrustedDocumentRequired(
            "this gateway only runs the web app's trusted documents for browser sessions",
            suggestion="send a 'documentId' from the manifest",
        )
    return query


def is_browser_request(headers: Mapping[str, str]) -> bool:
    """Whether a browser sent this (it adds Origin or Sec-Fetch-* to fetch requests); scripts
    and typed clients send neither."""
    names = {key.lower() for key in headers}
    return "sec-fetch-mode" in names or "origin" in names
