"""GraphQL types of a catalog model's artifacts, metrics and custom properties."""

# strawberry.field(description=...) is not typed for mypy; the resolvers below are.
# mypy: disable-error-code="untyped-decorator"

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from subgraphs.catalog.records import CatalogArtifact as ArtifactRecord
from subgraphs.catalog.records import PropertyValue


@strawberry.enum
class CatalogPropertyType(Enum):
    STRING = "STRING"
    INT = "INT"
    DOUBLE = "DOUBLE"
    BOOL = "BOOL"
    STRUCT = "STRUCT"


@strawberry.type
class CatalogCustomProperty:
    name: str
    type: CatalogPropertyType
    string_value: str | None = None
    int_value: str | None = strawberry.field(
        default=None, description="A 64-bit integer, as a string so that no digit is lost."
    )
    double_value: float | None = None
    bool_value: bool | None = None
    struct_value: JSON | None = None


def custom_properties(values: dict[str, PropertyValue] | Any) -> list[CatalogCustomProperty]:
    out = []
    for name, value in sorted(values.items()):
        prop = CatalogCustomProperty(name=name, type=CatalogPropertyType(value.type))
        if value.type == "STRING":
            prop.string_value = value.value
        elif value.type == "INT":
            prop.int_value = str(value.value)
        elif value.type == "DOUBLE":
            prop.double_value = value.value
        elif value.type == "BOOL":
            prop.bool_value = value.value
        else:
            prop.struct_value = json.loads(json.dumps(value.value))
        out.append(prop)
    return out


def _number(values: Any, name: str) -> float | None:
    value = values.get(name)
    if value is None or value.type not in ("INT", "DOUBLE"):
        return None
    return float(value.value)


def _text(values: Any, name: str) -> str | None:
    value = values.get(name)
    return None if value is None or value.type == "STRUCT" else str(value.value)


@strawberry.type(description="Serving performance measured for a model on given hardware.")
class CatalogPerformanceMetrics:
    values: strawberry.Private[Any]

    @strawberry.field
    def hardware_type(self) -> str | None:
        return _text(self.values, "hardware_type")

    @strawberry.field
    def hardware_count(self) -> int | None:
        number = _number(self.values, "hardware_count")
        return None if number is None else int(number)

    @strawberry.field
    def requests_per_second(self) -> float | None:
        return _number(self.values, "requests_per_second")

    @strawberry.field
    def use_case(self) -> str | None:
        return _text(self.values, "use_case")

    @strawberry.field(description="Time to first token, milliseconds.")
    def ttft_mean(self) -> float | None:
        return _number(self.values, "ttft_mean")

    @strawberry.field
    def ttft_p90(self) -> float | None:
        return _number(self.values, "ttft_p90")

    @strawberry.field
    def ttft_p95(self) -> float | None:
        return _number(self.values, "ttft_p95")

    @strawberry.field
    def ttft_p99(self) -> float | None:
        return _number(self.values, "ttft_p99")

    @strawberry.field(description="End-to-end request latency, milliseconds.")
    def e2e_mean(self) -> float | None:
        return _number(self.values, "e2e_mean")

    @strawberry.field
    def e2e_p90(self) -> float | None:
        return _number(self.values, "e2e_p90")

    @strawberry.field
    def e2e_p95(self) -> float | None:
        return _number(self.values, "e2e_p95")

    @strawberry.field
    def e2e_p99(self) -> float | None:
        return _number(self.values, "e2e_p99")

    @strawberry.field(description="Inter-token latency, milliseconds.")
    def itl_mean(self) -> float | None:
        return _number(self.values, "itl_mean")

    @strawberry.field
    def itl_p90(self) -> float | None:
        return _number(self.values, "itl_p90")

    @strawberry.field
    def itl_p95(self) -> float | None:
        return _number(self.values, "itl_p95")

    @strawberry.field
    def itl_p99(self) -> float | None:
        return _number(self.values, "itl_p99")

    @strawberry.field(description="Output tokens per second.")
    def tps_mean(self) -> float | None:
        return _number(self.values, "tps_mean")

    @strawberry.field
    def mean_input_tokens(self) -> float | None:
        return _number(self.values, "mean_input_tokens")

    @strawberry.field
    def mean_output_tokens(self) -> float | None:
        return _number(self.values, "mean_output_tokens")


@strawberry.type
class CatalogBenchmarkScore:
    benchmark: str
    value: float


@strawberry.type(description="Accuracy scores of a model on evaluation benchmarks.")
class CatalogAccuracyMetrics:
    values: strawberry.Private[Any]

    @strawberry.field
    def overall_average(self) -> float | None:
        return _number(self.values, "overall_average")

    @strawberry.field(description="Every numeric score other than overall_average.")
    def scores(self) -> list[CatalogBenchmarkScore]:
        return [
            CatalogBenchmarkScore(benchmark=name, value=float(value.value))
            for name, value in sorted(self.values.items())
            if name != "overall_average" and value.type in ("INT", "DOUBLE")
        ]


@strawberry.type
class CatalogArtifact:
    record: strawberry.Private[ArtifactRecord]

    @strawberry.field(description="model-artifact or metrics-artifact.")
    def artifact_type(self) -> str:
        return self.record.kind

    @strawberry.field
    def uri(self) -> str | None:
        return self.record.uri

    @strawberry.field
    def name(self) -> str | None:
        return self.record.name

    @strawberry.field(
        description="performance-metrics or accuracy-metrics, for a metrics-artifact."
    )
    def metrics_type(self) -> str | None:
        return self.record.metrics_type

    @strawberry.field
    def create_time_since_epoch(self) -> str | None:
        return epoch_text(self.record.create_time)

    @strawberry.field
    def last_update_time_since_epoch(self) -> str | None:
        return epoch_text(self.record.last_update_time)

    @strawberry.field
    def custom_properties(self) -> list[CatalogCustomProperty]:
        return custom_properties(self.record.custom_properties)

    @strawberry.field
    def performance(self) -> CatalogPerformanceMetrics | None:
        if self.record.metrics_type != "performance-metrics":
            return None
        return CatalogPerformanceMetrics(values=self.record.custom_properties)

    @strawberry.field
    def accuracy(self) -> CatalogAccuracyMetrics | None:
        if self.record.metrics_type != "accuracy-metrics":
            return None
        return CatalogAccuracyMetrics(values=self.record.custom_properties)


def epoch_text(value: int | None) -> str | None:
    return None if value is None else str(value)


def iso_text(value: int | None) -> str | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value / 1000, tz=UTC).isoformat().replace("+00:00", "Z")
