"""The registry's GraphQL enums, named as in the Kubeflow Model Registry API."""

from __future__ import annotations

from enum import Enum

import strawberry

from subgraphs.registry.pagination import OrderField


@strawberry.enum
class RegisteredModelState(Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


@strawberry.enum
class ModelVersionState(Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


@strawberry.enum
class ExperimentState(Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


@strawberry.enum
class ExperimentRunState(Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


@strawberry.enum
class ExperimentRunStatus(Enum):
    RUNNING = "RUNNING"
    SCHEDULED = "SCHEDULED"
    FINISHED = "FINISHED"
    FAILED = "FAILED"
    KILLED = "KILLED"


@strawberry.enum
class ArtifactState(Enum):
    UNKNOWN = "UNKNOWN"
    PENDING = "PENDING"
    LIVE = "LIVE"
    MARKED_FOR_DELETION = "MARKED_FOR_DELETION"
    DELETED = "DELETED"
    ABANDONED = "ABANDONED"
    REFERENCE = "REFERENCE"


@strawberry.enum
class ArtifactType(Enum):
    MODEL_ARTIFACT = "model-artifact"
    DOC_ARTIFACT = "doc-artifact"
    DATASET_ARTIFACT = "dataset-artifact"
    METRIC = "metric"
    PARAMETER = "parameter"


@strawberry.enum
class ParameterType(Enum):
    STRING = "STRING"
    NUMBER = "NUMBER"
    BOOLEAN = "BOOLEAN"
    OBJECT = "OBJECT"


@strawberry.enum
class CustomPropertyType(Enum):
    STRING = "STRING"
    INT = "INT"
    DOUBLE = "DOUBLE"
    BOOL = "BOOL"
    STRUCT = "STRUCT"


@strawberry.enum
class OrderByField(Enum):
    CREATE_TIME = "CREATE_TIME"
    LAST_UPDATE_TIME = "LAST_UPDATE_TIME"
    ID = "ID"
    NAME = "NAME"

    @property
    def field(self) -> OrderField:
        return OrderField[self.name]


@strawberry.enum
class SortOrder(Enum):
    ASC = "ASC"
    DESC = "DESC"
