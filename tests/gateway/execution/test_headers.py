from __future__ import annotations

from gateway.execution.headers import parse_forward_setting

HEADERS = {
    "authorization": "Bearer t",
    "accept-language": "de",
    "x-trace": "1",
    "x-request-id": "r1",
    "x-modelplane-identity": "id",
    "x-modelplane-signature": "sig",
    "cookie": "secret",
}


def test_defaults_forward_only_identity_and_request_id() -> None:
    rule = parse_forward_setting(None)
    assert rule(HEADERS, "registry") == {
        "x-modelplane-identity": "id", "x-modelplane-signature": "sig", "x-request-id": "r1",
    }


def test_configured_headers_for_all_and_for_one_subgraph() -> None:
    rule = parse_forward_setting("Accept-Language, x-trace; catalog=authorization|x-missing")
    assert set(rule(HEADERS, "registry")) == {
        "x-modelplane-identity", "x-modelplane-signature", "x-request-id", "accept-language", "x-trace",
    }
    assert set(rule(HEADERS, "catalog")) == {
        "x-modelplane-identity", "x-modelplane-signature", "x-request-id", "accept-language", "x-trace",
        "authorization",
    }
    assert "cookie" not in rule(HEADERS, "catalog")
