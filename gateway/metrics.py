"""Prometheus metrics of the gateway: requests, errors by code, latencies, cache hit rates."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

MAX_OPERATION_LABELS = 1000
OTHER_OPERATIONS = "(other)"
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class GatewayMetrics:
    """One registry per gateway app, so several apps in one process never collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "modelplane_gateway_requests", "GraphQL requests answered, by operation and outcome.",
            ["operation", "outcome"], registry=self.registry,
        )
        self.errors = Counter(
            "modelplane_gateway_errors", "GraphQL errors returned, by extensions.code.",
            ["code"], registry=self.registry,
        )
        self.latency = Histogram(
            "modelplane_gateway_request_seconds", "Time to answer a GraphQL request.",
            ["operation"], buckets=_BUCKETS, registry=self.registry,
        )
        self.subgraph_latency = Histogram(
            "modelplane_gateway_subgraph_fetch_seconds", "Time of one subgraph fetch.",
            ["subgraph"], buckets=_BUCKETS, registry=self.registry,
        )
        self.subgraph_failures = Counter(
            "modelplane_gateway_subgraph_failures", "Subgraph fetches that failed, by code.",
            ["subgraph", "code"], registry=self.registry,
        )
        self._children: dict[tuple[str, bool], tuple[Any, Any]] = {}
        self._operation_names: set[str] = set()
        self.response_cache_lookups = Counter(
            "modelplane_gateway_response_cache_lookups",
            "Response cache lookups of queries, by result: hit, miss, bypass (Cache-Control), "
            "unavailable (Redis down).",
            ["result"], registry=self.registry,
        )
        self.response_cache_stores = Counter(
            "modelplane_gateway_response_cache_stores", "Answers stored in the response cache.",
            registry=self.registry,
        )
        self.response_cache_invalidations = Counter(
            "modelplane_gateway_response_cache_invalidations",
            "Tenant generations bumped by mutations (every cached answer of the tenant dropped).",
            registry=self.registry,
        )
        self.cache_source: object | None = None
        self.limiter: object | None = None  # the endpoint's ConcurrencyLimiter, if any
        self.registry.register(_CacheCollector(self))

    def observe_request(self, operation: str | None, seconds: float, errors: list[str]) -> None:
        name = operation or "anonymous"
        children = self._children.get((name, bool(errors)))
        if children is None:
            # Operation names come from clients: past MAX_OPERATION_LABELS distinct names,
            # the rest share one label instead of growing the metrics without end.
            if name not in self._operation_names:
                if len(self._operation_names) >= MAX_OPERATION_LABELS:
                    name = OTHER_OPERATIONS
                else:
                    self._operation_names.add(name)
            children = self._children.get((name, bool(errors)))
            if children is None:
                children = self._children[(name, bool(errors))] = (
                    self.latency.labels(name).observe,
                    self.requests.labels(name, "error" if errors else "ok").inc,
                )
        children[0](seconds)
        children[1]()
        for code in errors:
            self.errors.labels(code).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _CacheCollector:
    def __init__(self, metrics: GatewayMetrics) -> None:
        self.metrics = metrics

    def describe(self) -> list[GaugeMetricFamily]:
        return []

    def collect(self) -> list[GaugeMetricFamily]:
        source = self.metrics.cache_source
        family = GaugeMetricFamily(
            "modelplane_gateway_document_cache", "Document cache lookups.", labels=["result"]
        )
        if source is not None:
            family.add_metric(["hit"], float(getattr(source, "hits", 0)))
            family.add_metric(["miss"], float(getattr(source, "misses", 0)))
        families = [family]
        limiter = self.metrics.limiter
        if limiter is not None:
            for name, help_text, value in (
                ("modelplane_gateway_concurrency_limit", "Operations allowed to execute at once now.", limiter.effective_limit),  # type: ignore[attr-defined]
                ("modelplane_gateway_concurrency_in_flight", "Operations executing now.", limiter.in_flight),  # type: ignore[attr-defined]
                ("modelplane_gateway_concurrency_waiting", "Operations waiting for a slot now.", len(limiter.waiters)),  # type: ignore[attr-defined]
                ("modelplane_gateway_concurrency_bypassed", "Operations that ran past the limit after waiting the longest allowed (a count since start).", limiter.bypassed),  # type: ignore[attr-defined]
            ):
                gauge = GaugeMetricFamily(name, help_text)
                gauge.add_metric([], float(value))
                families.append(gauge)
        return families
