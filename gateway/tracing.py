"""OpenTelemetry traces: a span per request and per subgraph fetch, exported when configured."""

from __future__ import annotations

import logging
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

from common.settings import declare

OTLP_ENDPOINT = declare(
    "MODELPLANE_OTLP_ENDPOINT",
    None,
    "OTLP/HTTP traces endpoint (e.g. http://collector:4318/v1/traces); unset: no tracing.",
)
SERVICE_NAME = declare("MODELPLANE_SERVICE_NAME", "modelplane-gateway", "Service name on traces.")

log = logging.getLogger("modelplane.tracing")


class Tracing:
    """Wraps an OpenTelemetry tracer; with none configured every call is a cheap no-op."""

    def __init__(self, tracer: Any | None = None) -> None:
        self.tracer = tracer
        if tracer is not None:
            from opentelemetry.propagate import inject

            self._inject = inject

    @property
    def enabled(self) -> bool:
        return self.tracer is not None

    @contextmanager
    def span(self, name: str, **attributes: Any) -> Iterator[Any]:
        if self.tracer is None:
            yield None
            return
        with self.tracer.start_as_current_span(name, attributes=attributes) as span:
            yield span

    def inject(self, headers: MutableMapping[str, str]) -> None:
        """W3C traceparent for the subgraph, so its spans join the gateway's trace."""
        if self.tracer is not None:
            self._inject(headers)


def tracing_from_env() -> Tracing:
    endpoint = OTLP_ENDPOINT.get()
    if not endpoint:
        return Tracing()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME.get_str()}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    log.info("exporting traces to %s", endpoint)
    return Tracing(provider.get_tracer("modelplane.gateway"))
