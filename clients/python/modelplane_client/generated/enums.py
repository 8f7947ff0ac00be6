from enum import Enum


class CatalogFilterOptionType(str, Enum):
    STRING = "STRING"
    NUMBER = "NUMBER"
    BOOL = "BOOL"


class CatalogModelOrderField(str, Enum):
    NAME = "NAME"
    CREATE_TIME = "CREATE_TIME"
    LAST_UPDATE_TIME = "LAST_UPDATE_TIME"


class CatalogPropertyType(str, Enum):
    STRING = "STRING"
    INT = "INT"
    DOUBLE = "DOUBLE"
    BOOL = "BOOL"
    STRUCT = "STRUCT"


class CatalogSourceStatus(str, Enum):
    AVAILABLE = "AVAILABLE"
    PARTIALLY_AVAILABLE = "PARTIALLY_AVAILABLE"
    ERROR = "ERROR"
    DISABLED = "DISABLED"


class SortOrder(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


class DesiredState(str, Enum):
    DEPLOYED = "DEPLOYED"
    UNDEPLOYED = "UNDEPLOYED"


class DriverMode(str, Enum):
    KUBERNETES = "KUBERNETES"
    MANIFEST = "MANIFEST"


class ServingState(str, Enum):
    NOT_APPLIED = "NOT_APPLIED"
    PENDING = "PENDING"
    READY = "READY"
    NOT_READY = "NOT_READY"
    STOPPED = "STOPPED"


class ApprovalDecision(str, Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"
    WITHDRAWN = "WITHDRAWN"


class ApprovalRequestState(str, Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class ArtifactState(str, Enum):
    UNKNOWN = "UNKNOWN"
    PENDING = "PENDING"
    LIVE = "LIVE"
    MARKED_FOR_DELETION = "MARKED_FOR_DELETION"
    DELETED = "DELETED"
    ABANDONED = "ABANDONED"
    REFERENCE = "REFERENCE"


class ArtifactType(str, Enum):
    MODEL_ARTIFACT = "MODEL_ARTIFACT"
    DOC_ARTIFACT = "DOC_ARTIFACT"
    DATASET_ARTIFACT = "DATASET_ARTIFACT"
    METRIC = "METRIC"
    PARAMETER = "PARAMETER"


class CustomPropertyType(str, Enum):
    STRING = "STRING"
    INT = "INT"
    DOUBLE = "DOUBLE"
    BOOL = "BOOL"
    STRUCT = "STRUCT"


class EvaluationKind(str, Enum):
    TASK = "TASK"
    BIAS = "BIAS"
    SAFETY = "SAFETY"
    ROBUSTNESS = "ROBUSTNESS"


class ExperimentRunState(str, Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


class ExperimentRunStatus(str, Enum):
    RUNNING = "RUNNING"
    SCHEDULED = "SCHEDULED"
    FINISHED = "FINISHED"
    FAILED = "FAILED"
    KILLED = "KILLED"


class ExperimentState(str, Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


class MetricDirection(str, Enum):
    HIGHER = "HIGHER"
    LOWER = "LOWER"


class ModelVersionStage(str, Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"
    APPROVED_STAGING = "APPROVED_STAGING"
    STAGING = "STAGING"
    APPROVED_PROD = "APPROVED_PROD"
    PRODUCTION = "PRODUCTION"
    DEPRECATED = "DEPRECATED"
    RETIRED = "RETIRED"


class ModelVersionState(str, Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


class OrderByField(str, Enum):
    CREATE_TIME = "CREATE_TIME"
    LAST_UPDATE_TIME = "LAST_UPDATE_TIME"
    ID = "ID"
    NAME = "NAME"


class ParameterType(str, Enum):
    STRING = "STRING"
    NUMBER = "NUMBER"
    BOOLEAN = "BOOLEAN"
    OBJECT = "OBJECT"


class RegisteredModelState(str, Enum):
    LIVE = "LIVE"
    ARCHIVED = "ARCHIVED"


class RiskTier(str, Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
