"""Trusted documents: lookup by documentId or APQ hash, and browser sessions limited to the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from common.errors import BadUserInput
from gateway.limits.errors import PersistedQueryNotFound, TrustedDocumentRequired
from gateway.limits.trusted_documents import (
    TrustedDocuments,
    is_browser_request,
    requested_document_id,
    resolve_document,
)

MODELS = "query Models { models { id name } }"
DIGEST = hashlib.sha256(MODELS.encode()).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> TrustedDocuments:
    path = tmp_path / "manifest.json"
    manifest = {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [{"id": DIGEST, "name": "Models", "type": "query", "body": MODELS}],
    }
    path.write_text(json.dumps(manifest))
    return TrustedDocuments.from_file(path)


def test_both_manifest_formats_are_read(store: TrustedDocuments) -> None:
    plain = TrustedDocuments.from_manifest({DIGEST: MODELS})
    assert store.get(DIGEST) == plain.get(DIGEST) == MODELS
    assert len(store) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"documentId": DIGEST},
        {"documentId": f"sha256:{DIGEST}"},
        {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": DIGEST}}},
    ],
)
def test_documents_are_found_by_id_or_hash(
    store: TrustedDocuments, body: dict[str, object]
) -> None:
    assert requested_document_id(body) is not None
    assert resolve_document(body, store, require_trusted=True) == MODELS


def test_an_unknown_id_is_persisted_query_not_found(store: TrustedDocuments) -> None:
    with pytest.raises(PersistedQueryNotFound) as error:
        resolve_document({"documentId": "0" * 64}, store, require_trusted=False)
    assert error.value.code == "PERSISTED_QUERY_NOT_FOUND"
    with pytest.raises(PersistedQueryNotFound):
        resolve_document({"documentId": DIGEST}, None, require_trusted=False)


def test_raw_queries_run_unless_trusted_documents_are_required(store: TrustedDocuments) -> None:
    other = "{ models { id } }"
    assert resolve_document({"query": other}, store, require_trusted=False) == other
    with pytest.raises(TrustedDocumentRequired) as error:
        resolve_document({"query": other}, store, require_trusted=True)
    assert error.value.http_status == 403
    assert resolve_document({"query": MODELS}, store, require_trusted=True) == MODELS


def test_a_request_without_a_document_is_bad_input(store: TrustedDocuments) -> None:
    with pytest.raises(BadUserInput):
        resolve_document({}, store, require_trusted=False)
    with pytest.raises(BadUserInput):
        resolve_document({"query": 42}, store, require_trusted=False)


def test_browser_requests_are_told_apart_from_scripts() -> None:
    assert is_browser_request({"Origin": "https://app.example"})
    assert is_browser_request({"sec-fetch-mode": "cors"})
    assert not is_browser_request({"authorization": "Bearer x", "user-agent": "curl/8"})
