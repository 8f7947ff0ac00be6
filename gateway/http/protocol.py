"""The GraphQL-over-HTTP rules: what a request may be, and which status and media type answer it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import orjson

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
APPLICATION_JSON = "application/json"


class RequestError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(slots=True)
class GraphQLRequest:
    query: str
    operation_name: str | None
    variables: dict[str, Any] | None
    extensions: dict[str, Any] | None
    document_id: str | None = None


_MEDIA_CHOICES: dict[str, str | None] = {}


def choose_media_type(accept: str | None) -> str | None:
    """The response media type for an Accept header; None when none is acceptable.
    Clients send few distinct Accept headers: the answers are remembered (up to 256)."""
    if not accept:
        return APPLICATION_JSON
    try:
        return _MEDIA_CHOICES[accept]
    except KeyError:
        chosen = _choose_media_type(accept)
    if len(_MEDIA_CHOICES) >= 256:
        _MEDIA_CHOICES.clear()
    _MEDIA_CHOICES[accept] = chosen
    return chosen


def _choose_media_type(accept: str) -> str | None:
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        quality = 1.0
        for parameter in pieces[1:]:
            if parameter.startswith("q="):
                try:
                    quality = float(parameter[2:])
                except ValueError:
                    quality = 0.0
        if media in (GRAPHQL_RESPONSE_JSON, APPLICATION_JSON):
            chosen = media
        elif media in ("*/*", "application/*"):
            chosen = APPLICATION_JSON
        else:
            continue
        if quality <= 0:
            continue
        candidate = (quality, -position, chosen)
        if best is None or candidate > best:
            best = candidate
    return best[2] if best else None


def _object(value: Any, name: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError(400, f"'{name}' must be a JSON object")
    return value


def parse_post_body(content_type: str | None, body: bytes) -> GraphQLRequest:
    media = (content_type or "").split(";")[0].strip().lower()
    if media not in (APPLICATION_JSON, GRAPHQL_RESPONSE_JSON):
        raise RequestError(415, "POST requests must have Content-Type: application/json")
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise RequestError(400, "the request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise RequestError(400, "the request body must be a JSON object")
    return _request_from(payload)


def _request_from(payload: dict[str, Any]) -> GraphQLRequest:
    query = payload.get("query")
    extensions = _object(payload.get("extensions"), "extensions")
    document_id = payload.get("documentId")
    if document_id is not None and not isinstance(document_id, str):
        raise RequestError(400, "'documentId' must be a string")
    if query is None and (document_id or (extensions and "persistedQuery" in extensions)):
        query = ""
    if not isinstance(query, str):
        raise RequestError(400, "'query' must be a string")
    name = payload.get("operationName")
    if name is not None and not isinstance(name, str):
        raise RequestError(400, "'operationName' must be a string")
    return GraphQLRequest(
        query, name or None, _object(payload.get("variables"), "variables"), extensions, document_id
    )


def parse_get_query(query_string: bytes) -> GraphQLRequest:
    params = {k: v[-1] for k, v in parse_qs(query_string.decode("latin-1"), keep_blank_values=True).items()}
    payload: dict[str, Any] = {
        "query": params.get("query"),
        "operationName": params.get("operationName"),
        "documentId": params.get("documentId"),
    }
    for name in ("variables", "extensions"):
        if params.get(name):
            try:
                payload[name] = orjson.loads(params[name])
            except orjson.JSONDecodeError:
                raise RequestError(400, f"'{name}' is not valid JSON") from None
    return _request_from(payload)
