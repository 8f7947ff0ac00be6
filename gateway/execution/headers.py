"""Which request headers travel on to subgraphs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from common.tenancy import IDENTITY_HEADER, SIGNATURE_HEADER

# The signed caller (set by the request guard, never taken from the client) and the
# request id. A client's Authorization header stays at the gateway unless configured.
FORWARDED_HEADERS = (IDENTITY_HEADER, SIGNATURE_HEADER, "x-request-id")

HeaderRule = Callable[[Mapping[str, str], str], Mapping[str, str]]


def build_header_rule(
    extra: Iterable[str] = (), per_subgraph: Mapping[str, Iterable[str]] | None = None
) -> HeaderRule:
    """Forward the defaults, `extra` headers to every subgraph, and per-subgraph ones."""
    common = tuple(dict.fromkeys([*FORWARDED_HEADERS, *(h.lower() for h in extra)]))
    specific = {
        name: tuple(dict.fromkeys([*common, *(h.lower() for h in headers)]))
        for name, headers in (per_subgraph or {}).items()
    }

    def rule(headers: Mapping[str, str], subgraph: str) -> Mapping[str, str]:
        names = specific.get(subgraph, common)
        return {name: headers[name] for name in names if name in headers}

    return rule


def parse_forward_setting(value: str | None) -> HeaderRule:
    """`accept-language,x-trace; catalog=authorization` → a rule (headers for all, then
    `subgraph=header|header` pairs after semicolons)."""
    extra: list[str] = []
    per_subgraph: dict[str, list[str]] = {}
    for part in (value or "").split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            subgraph, headers = part.split("=", 1)
            per_subgraph[subgraph.strip()] = [h.strip() for h in headers.replace("|", ",").split(",") if h.strip()]
        else:
            extra.extend(h.strip() for h in part.split(",") if h.strip())
    return build_header_rule(extra, per_subgraph)


forward_default_headers = build_header_rule()
