"""CSRF prevention: requests a browser could send cross-site without a preflight are refused."""

from __future__ import annotations

import pytest

from common.headers import LowercaseHeaders
from gateway.limits.csrf import check_csrf, needs_preflight
from gateway.limits.errors import CsrfRejected


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        ("GET", {}),
        ("GET", {"content-type": "application/json"}),
        ("POST", {}),
        ("POST", {"Content-Type": "text/plain"}),
        ("POST", {"content-type": "application/x-www-form-urlencoded"}),
        ("POST", {"content-type": "multipart/form-data; boundary=x"}),
        ("POST", {"content-type": "TEXT/PLAIN; charset=utf-8"}),
        ("POST", {"content-type": "text/plain", "x-modelplane-csrf": ""}),
    ],
)
def test_simple_requests_are_refused(method: str, headers: dict[str, str]) -> None:
    assert not needs_preflight(method, headers)
    with pytest.raises(CsrfRejected) as error:
        check_csrf(method, headers)
    assert error.value.code == "CSRF_REJECTED"


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        ("POST", {"content-type": "application/json"}),
        ("POST", {"Content-Type": "application/graphql-response+json; charset=utf-8"}),
        ("GET", {"X-Modelplane-CSRF": "1"}),
        ("GET", {"apollo-require-preflight": "true"}),
        ("POST", {"content-type": "text/plain", "x-apollo-operation-name": "Q"}),
    ],
)
def test_preflighted_requests_pass(method: str, headers: dict[str, str]) -> None:
    assert needs_preflight(method, headers)
    check_csrf(method, headers)


def test_the_required_headers_are_configurable() -> None:
    assert needs_preflight("GET", {"x-requested-with": "fetch"}, ["x-requested-with"])
    assert not needs_preflight("GET", {"x-modelplane-csrf": "1"}, ["x-requested-with"])


@pytest.mark.parametrize("lowercase", [False, True])
def test_lowercase_headers_from_the_endpoint_give_the_same_verdicts(lowercase: bool) -> None:
    def headers(**values: str) -> dict[str, str]:
        named = {k.replace("_", "-"): v for k, v in values.items()}
        return LowercaseHeaders(named) if lowercase else named

    assert needs_preflight("POST", headers(content_type="application/json"))
    assert needs_preflight("GET", headers(x_modelplane_csrf="1"))
    assert not needs_preflight("GET", headers(x_modelplane_csrf="  "))
    assert not needs_preflight("post", headers(content_type="text/plain"))
    assert needs_preflight("post", headers(content_type="application/json"))
