/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: any; output: any; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type Approval = {
  __typename?: 'Approval';
  actor: Scalars['String']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  decision: ApprovalDecision;
  id: Scalars['ID']['output'];
  modelVersionId: Scalars['ID']['output'];
  targetStage: ModelVersionStage;
  /** False once superseded, withdrawn, or invalidated by a new artifact. */
  valid: Scalars['Boolean']['output'];
};

export type ApprovalDecision =
  | 'APPROVED'
  | 'REFUSED'
  | 'REQUESTED'
  | 'WITHDRAWN';

/** An approval request and where its review stands. */
export type ApprovalRequest = {
  __typename?: 'ApprovalRequest';
  /** By the model's risk tier. */
  approvalsNeeded: Scalars['Int']['output'];
  /** Approvers whose approval stands and counts (not the submitter). */
  approvedBy: Array<Scalars['String']['output']>;
  comment?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  /** The standing approvals and refusals for this target stage, oldest first. */
  decisions: Array<Approval>;
  id: Scalars['ID']['output'];
  modelVersion: ModelVersion;
  modelVersionId: Scalars['ID']['output'];
  /** Approvers whose refusal stands. */
  refusedBy: Array<Scalars['String']['output']>;
  requestedBy: Scalars['String']['output'];
  /** OPEN while it is the newest request for its target stage and the version can still move there. */
  state: ApprovalRequestState;
  targetStage: ModelVersionStage;
  /** The version's stage now. */
  versionStage: ModelVersionStage;
};

export type ApprovalRequestConnection = {
  __typename?: 'ApprovalRequestConnection';
  edges: Array<ApprovalRequestEdge>;
  nodes: Array<ApprovalRequest>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ApprovalRequestEdge = {
  __typename?: 'ApprovalRequestEdge';
  cursor: Scalars['String']['output'];
  node: ApprovalRequest;
};

export type ApprovalRequestState =
  | 'CLOSED'
  | 'OPEN';

export type Artifact = {
  artifactType: ArtifactType;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  state: ArtifactState;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
};

export type ArtifactConnection = {
  __typename?: 'ArtifactConnection';
  edges: Array<ArtifactEdge>;
  nodes: Array<Artifact>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ArtifactEdge = {
  __typename?: 'ArtifactEdge';
  cursor: Scalars['String']['output'];
  node: Artifact;
};

/** Exactly one of the fields: the artifact and its type. */
export type ArtifactInput = {
  dataSet?: InputMaybe<DataSetInput>;
  docArtifact?: InputMaybe<DocArtifactInput>;
  metric?: InputMaybe<MetricInput>;
  modelArtifact?: InputMaybe<ModelArtifactInput>;
  parameter?: InputMaybe<ParameterInput>;
};

export type ArtifactState =
  | 'ABANDONED'
  | 'DELETED'
  | 'LIVE'
  | 'MARKED_FOR_DELETION'
  | 'PENDING'
  | 'REFERENCE'
  | 'UNKNOWN';

export type ArtifactType =
  | 'DATASET_ARTIFACT'
  | 'DOC_ARTIFACT'
  | 'METRIC'
  | 'MODEL_ARTIFACT'
  | 'PARAMETER';

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  /** {before, after}: the changed keys only. */
  diff: Scalars['JSON']['output'];
  entityId: Scalars['String']['output'];
  entityType: Scalars['String']['output'];
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['String']['output'];
  prevHash: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
  tenant: Scalars['String']['output'];
};

export type AuditEventPage = {
  __typename?: 'AuditEventPage';
  events: Array<AuditEvent>;
  /** Pass as `after` for the next page. */
  nextCursor?: Maybe<Scalars['String']['output']>;
};

export type AuditVerification = {
  __typename?: 'AuditVerification';
  brokenEventId?: Maybe<Scalars['ID']['output']>;
  brokenSeq?: Maybe<Scalars['Int']['output']>;
  /** Events verified before the first broken one. */
  checked: Scalars['Int']['output'];
  ok: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  tenant: Scalars['String']['output'];
};

/** Who is asking: the caller the gateway identified. */
export type Caller = {
  __typename?: 'Caller';
  groups: Array<Scalars['String']['output']>;
  project?: Maybe<Scalars['String']['output']>;
  roles: Array<Scalars['String']['output']>;
  /** Granted by the roles (and the token). */
  scopes: Array<Scalars['String']['output']>;
  tenant: Scalars['String']['output'];
  user: Scalars['String']['output'];
};

/** Accuracy scores of a model on evaluation benchmarks. */
export type CatalogAccuracyMetrics = {
  __typename?: 'CatalogAccuracyMetrics';
  overallAverage?: Maybe<Scalars['Float']['output']>;
  /** Every numeric score other than overall_average. */
  scores: Array<CatalogBenchmarkScore>;
};

export type CatalogArtifact = {
  __typename?: 'CatalogArtifact';
  accuracy?: Maybe<CatalogAccuracyMetrics>;
  /** model-artifact or metrics-artifact. */
  artifactType: Scalars['String']['output'];
  createTimeSinceEpoch?: Maybe<Scalars['String']['output']>;
  customProperties: Array<CatalogCustomProperty>;
  lastUpdateTimeSinceEpoch?: Maybe<Scalars['String']['output']>;
  /** performance-metrics or accuracy-metrics, for a metrics-artifact. */
  metricsType?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  performance?: Maybe<CatalogPerformanceMetrics>;
  uri?: Maybe<Scalars['String']['output']>;
};

export type CatalogBenchmarkScore = {
  __typename?: 'CatalogBenchmarkScore';
  benchmark: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type CatalogCustomProperty = {
  __typename?: 'CatalogCustomProperty';
  boolValue?: Maybe<Scalars['Boolean']['output']>;
  doubleValue?: Maybe<Scalars['Float']['output']>;
  /** A 64-bit integer, as a string so that no digit is lost. */
  intValue?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  stringValue?: Maybe<Scalars['String']['output']>;
  structValue?: Maybe<Scalars['JSON']['output']>;
  type: CatalogPropertyType;
};

export type CatalogFilterOption = {
  __typename?: 'CatalogFilterOption';
  field: Scalars['String']['output'];
  /** Largest value, for NUMBER fields. */
  max?: Maybe<Scalars['Float']['output']>;
  /** Smallest value, for NUMBER fields. */
  min?: Maybe<Scalars['Float']['output']>;
  type: CatalogFilterOptionType;
  /** Distinct values, for STRING and BOOL fields. */
  values: Array<Scalars['String']['output']>;
};

export type CatalogFilterOptionType =
  | 'BOOL'
  | 'NUMBER'
  | 'STRING';

export type CatalogLabel = {
  __typename?: 'CatalogLabel';
  description?: Maybe<Scalars['String']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type CatalogModel = {
  __typename?: 'CatalogModel';
  artifacts: Array<CatalogArtifact>;
  /** Milliseconds since the epoch, as in the catalog file. */
  createTimeSinceEpoch?: Maybe<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  createdAt?: Maybe<Scalars['String']['output']>;
  customProperties: Array<CatalogCustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  language: Array<Scalars['String']['output']>;
  lastUpdateTimeSinceEpoch?: Maybe<Scalars['String']['output']>;
  libraryName?: Maybe<Scalars['String']['output']>;
  license?: Maybe<Scalars['String']['output']>;
  licenseLink?: Maybe<Scalars['String']['output']>;
  logo?: Maybe<Scalars['String']['output']>;
  maturity?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  provider?: Maybe<Scalars['String']['output']>;
  /** Markdown. */
  readme?: Maybe<Scalars['String']['output']>;
  source?: Maybe<CatalogSource>;
  sourceId: Scalars['String']['output'];
  tasks: Array<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  updatedAt?: Maybe<Scalars['String']['output']>;
};


export type CatalogModelArtifactsArgs = {
  artifactType?: InputMaybe<Scalars['String']['input']>;
};

export type CatalogModelConnection = {
  __typename?: 'CatalogModelConnection';
  edges: Array<CatalogModelEdge>;
  nodes: Array<CatalogModel>;
  pageInfo: CatalogPageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CatalogModelEdge = {
  __typename?: 'CatalogModelEdge';
  cursor: Scalars['String']['output'];
  node: CatalogModel;
};

export type CatalogModelOrderField =
  | 'CREATE_TIME'
  | 'LAST_UPDATE_TIME'
  | 'NAME';

export type CatalogPageInfo = {
  __typename?: 'CatalogPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Serving performance measured for a model on given hardware. */
export type CatalogPerformanceMetrics = {
  __typename?: 'CatalogPerformanceMetrics';
  /** End-to-end request latency, milliseconds. */
  e2eMean?: Maybe<Scalars['Float']['output']>;
  e2eP90?: Maybe<Scalars['Float']['output']>;
  e2eP95?: Maybe<Scalars['Float']['output']>;
  e2eP99?: Maybe<Scalars['Float']['output']>;
  hardwareCount?: Maybe<Scalars['Int']['output']>;
  hardwareType?: Maybe<Scalars['String']['output']>;
  /** Inter-token latency, milliseconds. */
  itlMean?: Maybe<Scalars['Float']['output']>;
  itlP90?: Maybe<Scalars['Float']['output']>;
  itlP95?: Maybe<Scalars['Float']['output']>;
  itlP99?: Maybe<Scalars['Float']['output']>;
  meanInputTokens?: Maybe<Scalars['Float']['output']>;
  meanOutputTokens?: Maybe<Scalars['Float']['output']>;
  requestsPerSecond?: Maybe<Scalars['Float']['output']>;
  /** Output tokens per second. */
  tpsMean?: Maybe<Scalars['Float']['output']>;
  /** Time to first token, milliseconds. */
  ttftMean?: Maybe<Scalars['Float']['output']>;
  ttftP90?: Maybe<Scalars['Float']['output']>;
  ttftP95?: Maybe<Scalars['Float']['output']>;
  ttftP99?: Maybe<Scalars['Float']['output']>;
  useCase?: Maybe<Scalars['String']['output']>;
};

export type CatalogPropertyType =
  | 'BOOL'
  | 'DOUBLE'
  | 'INT'
  | 'STRING'
  | 'STRUCT';

/** A catalog source. Sources are shared by every tenant of a deployment. */
export type CatalogSource = {
  __typename?: 'CatalogSource';
  enabled: Scalars['Boolean']['output'];
  /** Why the source is in error or only partially available. */
  error?: Maybe<Scalars['String']['output']>;
  excludedModels: Array<Scalars['String']['output']>;
  id: Scalars['String']['output'];
  includedModels: Array<Scalars['String']['output']>;
  labels: Array<Scalars['String']['output']>;
  loadedAt?: Maybe<Scalars['String']['output']>;
  /** Models this source serves now (the last good data on error). */
  modelCount: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  status: CatalogSourceStatus;
  /** yaml or hf. */
  type: Scalars['String']['output'];
};

export type CatalogSourceStatus =
  | 'AVAILABLE'
  | 'DISABLED'
  | 'ERROR'
  | 'PARTIALLY_AVAILABLE';

export type CreateServingEnvironmentInput = {
  description?: Scalars['String']['input'];
  name: Scalars['String']['input'];
  production?: Scalars['Boolean']['input'];
};

export type CustomProperty = {
  __typename?: 'CustomProperty';
  boolValue?: Maybe<Scalars['Boolean']['output']>;
  doubleValue?: Maybe<Scalars['Float']['output']>;
  /** A 64-bit integer, as a string so that it stays exact. */
  intValue?: Maybe<Scalars['String']['output']>;
  /** A string property with an empty value is a label. */
  isLabel: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  stringValue?: Maybe<Scalars['String']['output']>;
  structValue?: Maybe<Scalars['JSON']['output']>;
  type: CustomPropertyType;
};

export type CustomPropertyInput = {
  boolValue?: InputMaybe<Scalars['Boolean']['input']>;
  doubleValue?: InputMaybe<Scalars['Float']['input']>;
  /** A 64-bit integer as a string, so that it stays exact. */
  intValue?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  stringValue?: InputMaybe<Scalars['String']['input']>;
  structValue?: InputMaybe<Scalars['JSON']['input']>;
  type?: InputMaybe<CustomPropertyType>;
};

export type CustomPropertyType =
  | 'BOOL'
  | 'DOUBLE'
  | 'INT'
  | 'STRING'
  | 'STRUCT';

export type DataSet = Artifact & {
  __typename?: 'DataSet';
  artifactType: ArtifactType;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  digest?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  profile?: Maybe<Scalars['String']['output']>;
  schema?: Maybe<Scalars['String']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  sourceType?: Maybe<Scalars['String']['output']>;
  state: ArtifactState;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
};

export type DataSetInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  digest?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  profile?: InputMaybe<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  sourceType?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ArtifactState>;
  uri?: InputMaybe<Scalars['String']['input']>;
};

export type DeleteInferenceServicePayload = {
  __typename?: 'DeleteInferenceServicePayload';
  deleted: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
};

/** Where deployments go: a Kubernetes cluster, or rendered manifests only. */
export type DeployDriverInfo = {
  __typename?: 'DeployDriverInfo';
  appliesToCluster: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  mode: DriverMode;
};

export type DeployModelVersionInput = {
  environment: Scalars['String']['input'];
  maxReplicas?: InputMaybe<Scalars['Int']['input']>;
  minReplicas?: InputMaybe<Scalars['Int']['input']>;
  modelVersionId: Scalars['ID']['input'];
  /** Default: derived from the model name and version id. */
  name?: InputMaybe<Scalars['String']['input']>;
  resources?: InputMaybe<ResourcesInput>;
  runtime?: InputMaybe<Scalars['String']['input']>;
  scaleMetric?: InputMaybe<Scalars['String']['input']>;
  scaleTarget?: InputMaybe<Scalars['Int']['input']>;
};

export type DesiredState =
  | 'DEPLOYED'
  | 'UNDEPLOYED';

export type DocArtifact = Artifact & {
  __typename?: 'DocArtifact';
  artifactType: ArtifactType;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  state: ArtifactState;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
};

export type DocArtifactInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ArtifactState>;
  uri?: InputMaybe<Scalars['String']['input']>;
};

export type DriverMode =
  | 'KUBERNETES'
  | 'MANIFEST';

export type EvaluationKind =
  | 'BIAS'
  | 'ROBUSTNESS'
  | 'SAFETY'
  | 'TASK';

export type EvaluationResult = {
  __typename?: 'EvaluationResult';
  direction: MetricDirection;
  evaluatedAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: EvaluationKind;
  metric: Scalars['String']['output'];
  passed: Scalars['Boolean']['output'];
  run?: Maybe<Scalars['String']['output']>;
  suite: Scalars['String']['output'];
  threshold: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
};

export type EvaluationSuite = {
  __typename?: 'EvaluationSuite';
  id: Scalars['ID']['output'];
  kind: EvaluationKind;
  metrics: Array<MetricThreshold>;
  name: Scalars['String']['output'];
};

export type EvaluationSuiteInput = {
  kind: EvaluationKind;
  metrics: Array<MetricThresholdInput>;
  name: Scalars['String']['input'];
};

export type EvidenceBundle = {
  __typename?: 'EvidenceBundle';
  /** The .tar.gz archive, base64-encoded. */
  contentBase64: Scalars['String']['output'];
  filename: Scalars['String']['output'];
  modelVersionId: Scalars['ID']['output'];
  sha256: Scalars['String']['output'];
};

export type Experiment = {
  __typename?: 'Experiment';
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  runs: ExperimentRunConnection;
  state: ExperimentState;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
};


export type ExperimentRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};

export type ExperimentConnection = {
  __typename?: 'ExperimentConnection';
  edges: Array<ExperimentEdge>;
  nodes: Array<Experiment>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExperimentCreateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  owner?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ExperimentState>;
};

export type ExperimentEdge = {
  __typename?: 'ExperimentEdge';
  cursor: Scalars['String']['output'];
  node: Experiment;
};

export type ExperimentRun = {
  __typename?: 'ExperimentRun';
  artifacts: ArtifactConnection;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  endTime?: Maybe<Scalars['String']['output']>;
  experiment: Experiment;
  experimentId: Scalars['ID']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  /** Every logged value of the run's metrics, by name and step. */
  metricHistory: Array<MetricPoint>;
  name: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  startTime?: Maybe<Scalars['String']['output']>;
  state: ExperimentRunState;
  status: ExperimentRunStatus;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
};


export type ExperimentRunArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  artifactType?: InputMaybe<ArtifactType>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type ExperimentRunMetricHistoryArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
};

export type ExperimentRunConnection = {
  __typename?: 'ExperimentRunConnection';
  edges: Array<ExperimentRunEdge>;
  nodes: Array<ExperimentRun>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExperimentRunCreateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** ISO-8601 or milliseconds since the epoch. */
  endTime?: InputMaybe<Scalars['String']['input']>;
  experimentId: Scalars['ID']['input'];
  externalId?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  owner?: InputMaybe<Scalars['String']['input']>;
  /** ISO-8601 or milliseconds since the epoch. */
  startTime?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ExperimentRunState>;
  status?: InputMaybe<ExperimentRunStatus>;
};

export type ExperimentRunEdge = {
  __typename?: 'ExperimentRunEdge';
  cursor: Scalars['String']['output'];
  node: ExperimentRun;
};

export type ExperimentRunState =
  | 'ARCHIVED'
  | 'LIVE';

export type ExperimentRunStatus =
  | 'FAILED'
  | 'FINISHED'
  | 'KILLED'
  | 'RUNNING'
  | 'SCHEDULED';

/** Fields to change; names are immutable after create. */
export type ExperimentRunUpdateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  endTime?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  startTime?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ExperimentRunState>;
  status?: InputMaybe<ExperimentRunStatus>;
};

export type ExperimentState =
  | 'ARCHIVED'
  | 'LIVE';

/** Fields to change; names are immutable after create. */
export type ExperimentUpdateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ExperimentState>;
};

/** A KServe InferenceService (serving.kserve.io/v1beta1). */
export type InferenceService = {
  __typename?: 'InferenceService';
  /** False when the manifest was only rendered (no cluster configured). */
  applied: Scalars['Boolean']['output'];
  /** Traffic share of the latest revision; null when it has all of it. */
  canaryTrafficPercent?: Maybe<Scalars['Int']['output']>;
  createdAt?: Maybe<Scalars['String']['output']>;
  desiredState: DesiredState;
  environment?: Maybe<ServingEnvironment>;
  environmentName: Scalars['String']['output'];
  generation?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** The InferenceService manifest, as YAML. */
  manifest: Scalars['String']['output'];
  maxReplicas?: Maybe<Scalars['Int']['output']>;
  minReplicas?: Maybe<Scalars['Int']['output']>;
  modelArtifactId?: Maybe<Scalars['ID']['output']>;
  modelFormat?: Maybe<ModelFormat>;
  modelVersion?: Maybe<ModelVersion>;
  name: Scalars['String']['output'];
  /** The version the canary replaces (traffic goes back to it on rollback). */
  previousModelVersion?: Maybe<ModelVersion>;
  registeredModelId?: Maybe<Scalars['ID']['output']>;
  resourceVersion?: Maybe<Scalars['String']['output']>;
  resources: ResourceRequirements;
  rolledBack: Scalars['Boolean']['output'];
  runtime?: Maybe<Scalars['String']['output']>;
  scaleMetric?: Maybe<Scalars['String']['output']>;
  scaleTarget?: Maybe<Scalars['Int']['output']>;
  status: InferenceServiceStatus;
  storageUri?: Maybe<Scalars['String']['output']>;
  uid?: Maybe<Scalars['String']['output']>;
};

/** Live status, read from the InferenceService's status subresource. */
export type InferenceServiceStatus = {
  __typename?: 'InferenceServiceStatus';
  conditions: Array<StatusCondition>;
  lastError?: Maybe<Scalars['String']['output']>;
  latestReadyRevision?: Maybe<Scalars['String']['output']>;
  observedGeneration?: Maybe<Scalars['Int']['output']>;
  previousRolledOutRevision?: Maybe<Scalars['String']['output']>;
  ready: Scalars['Boolean']['output'];
  state: ServingState;
  traffic: Array<TrafficTarget>;
  url?: Maybe<Scalars['String']['output']>;
};

export type Metric = Artifact & {
  __typename?: 'Metric';
  artifactType: ArtifactType;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  state: ArtifactState;
  step?: Maybe<Scalars['Int']['output']>;
  /** Milliseconds since the epoch. */
  timestamp?: Maybe<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['Float']['output']>;
};

export type MetricDirection =
  | 'HIGHER'
  | 'LOWER';

export type MetricInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ArtifactState>;
  step?: InputMaybe<Scalars['Int']['input']>;
  /** ISO-8601 or milliseconds since the epoch. */
  timestamp?: InputMaybe<Scalars['String']['input']>;
  uri?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<Scalars['Float']['input']>;
};

export type MetricPoint = {
  __typename?: 'MetricPoint';
  name: Scalars['String']['output'];
  step: Scalars['Int']['output'];
  /** Milliseconds since the epoch. */
  timestamp: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type MetricThreshold = {
  __typename?: 'MetricThreshold';
  direction: MetricDirection;
  name: Scalars['String']['output'];
  threshold: Scalars['Float']['output'];
};

export type MetricThresholdInput = {
  direction?: MetricDirection;
  name: Scalars['String']['input'];
  threshold: Scalars['Float']['input'];
};

export type MetricValueInput = {
  name: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type ModelArtifact = Artifact & {
  __typename?: 'ModelArtifact';
  artifactType: ArtifactType;
  /** The catalog model, when modelSourceKind is catalog (sourceId in modelSourceClass, model name in modelSourceName). */
  catalogModel?: Maybe<CatalogModel>;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  modelFormatName?: Maybe<Scalars['String']['output']>;
  modelFormatVersion?: Maybe<Scalars['String']['output']>;
  modelSourceClass?: Maybe<Scalars['String']['output']>;
  modelSourceGroup?: Maybe<Scalars['String']['output']>;
  modelSourceId?: Maybe<Scalars['String']['output']>;
  modelSourceKind?: Maybe<Scalars['String']['output']>;
  modelSourceName?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  serviceAccountName?: Maybe<Scalars['String']['output']>;
  state: ArtifactState;
  storageKey?: Maybe<Scalars['String']['output']>;
  storagePath?: Maybe<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
};

export type ModelArtifactInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  modelFormatName?: InputMaybe<Scalars['String']['input']>;
  modelFormatVersion?: InputMaybe<Scalars['String']['input']>;
  modelSourceClass?: InputMaybe<Scalars['String']['input']>;
  modelSourceGroup?: InputMaybe<Scalars['String']['input']>;
  modelSourceId?: InputMaybe<Scalars['String']['input']>;
  modelSourceKind?: InputMaybe<Scalars['String']['input']>;
  modelSourceName?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  serviceAccountName?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ArtifactState>;
  storageKey?: InputMaybe<Scalars['String']['input']>;
  storagePath?: InputMaybe<Scalars['String']['input']>;
  uri?: InputMaybe<Scalars['String']['input']>;
};

export type ModelFormat = {
  __typename?: 'ModelFormat';
  name: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
};

export type ModelGovernanceInput = {
  group?: InputMaybe<Scalars['String']['input']>;
  owners?: InputMaybe<Array<Scalars['String']['input']>>;
  riskTier?: InputMaybe<RiskTier>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A registry model version, seen from deploy. */
export type ModelVersion = {
  __typename?: 'ModelVersion';
  /** Approval requests and decisions, oldest first. */
  approvals: Array<Approval>;
  artifacts: ArtifactConnection;
  author?: Maybe<Scalars['String']['output']>;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  /** Inference services whose current spec serves this version. */
  deployments: Array<InferenceService>;
  description?: Maybe<Scalars['String']['output']>;
  /** Evaluation results, one per metric, oldest first. */
  evaluations: Array<EvaluationResult>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  registeredModel: RegisteredModel;
  registeredModelId: Scalars['ID']['output'];
  /** Governance lifecycle stage. */
  stage: ModelVersionStage;
  state: ModelVersionState;
  /** Every stage change, oldest first: who, when and why. */
  transitions: Array<StageTransition>;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
};


/** A registry model version, seen from deploy. */
export type ModelVersionArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  artifactType?: InputMaybe<ArtifactType>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};

export type ModelVersionConnection = {
  __typename?: 'ModelVersionConnection';
  edges: Array<ModelVersionEdge>;
  nodes: Array<ModelVersion>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ModelVersionCreateInput = {
  author?: InputMaybe<Scalars['String']['input']>;
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  registeredModelId: Scalars['ID']['input'];
  state?: InputMaybe<ModelVersionState>;
};

export type ModelVersionEdge = {
  __typename?: 'ModelVersionEdge';
  cursor: Scalars['String']['output'];
  node: ModelVersion;
};

export type ModelVersionStage =
  | 'APPROVED_PROD'
  | 'APPROVED_STAGING'
  | 'CHANGES_REQUESTED'
  | 'DEPRECATED'
  | 'DRAFT'
  | 'PRODUCTION'
  | 'RETIRED'
  | 'STAGING'
  | 'SUBMITTED';

export type ModelVersionState =
  | 'ARCHIVED'
  | 'LIVE';

/** Fields to change; names are immutable after create. */
export type ModelVersionUpdateInput = {
  author?: InputMaybe<Scalars['String']['input']>;
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<ModelVersionState>;
};

export type Mutation = {
  __typename?: 'Mutation';
  approveModelVersion: Approval;
  archiveExperiment: Experiment;
  archiveExperimentRun: ExperimentRun;
  archiveModelVersion: ModelVersion;
  archiveRegisteredModel: RegisteredModel;
  createExperiment: Experiment;
  createExperimentRun: ExperimentRun;
  createModelVersion: ModelVersion;
  createRegisteredModel: RegisteredModel;
  createServingEnvironment: ServingEnvironment;
  defineEvaluationSuite: EvaluationSuite;
  deleteInferenceService: DeleteInferenceServicePayload;
  deployModelVersion: InferenceService;
  promoteCanary: InferenceService;
  /** Records a run of a suite against a version. */
  recordEvaluation: Array<EvaluationResult>;
  /** Refuses with a comment saying what to change. */
  refuseModelVersion: Approval;
  /** Create or reuse the registered model, then create the version and its model artifact, in one transaction. */
  registerModel: RegisterModelPayload;
  /** Asks approvers to review the version for a target stage. */
  requestApproval: Approval;
  restoreExperiment: Experiment;
  restoreExperimentRun: ExperimentRun;
  restoreModelVersion: ModelVersion;
  restoreRegisteredModel: RegisteredModel;
  rollbackInferenceService: InferenceService;
  rolloutModelVersion: InferenceService;
  setCanaryTraffic: InferenceService;
  /** Sets a model's risk tier, owners, group and tags. */
  setModelGovernance: RegisteredModel;
  /** Moves a version to another stage, if the move is legal. */
  transitionModelVersion: ModelVersion;
  undeployInferenceService: InferenceService;
  updateArtifact: Artifact;
  updateExperiment: Experiment;
  updateExperimentRun: ExperimentRun;
  updateInferenceService: InferenceService;
  updateModelVersion: ModelVersion;
  updateRegisteredModel: RegisteredModel;
  /** Create the named artifact under the run, or update it. */
  upsertExperimentRunArtifact: Artifact;
  /** Create the named artifact under the version, or update it. */
  upsertModelVersionArtifact: Artifact;
  /** Withdraws the caller's own standing decision. */
  withdrawApproval: Approval;
};


export type MutationApproveModelVersionArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  targetStage: ModelVersionStage;
  versionId: Scalars['ID']['input'];
};


export type MutationArchiveExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveExperimentRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveModelVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveRegisteredModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateExperimentArgs = {
  input: ExperimentCreateInput;
};


export type MutationCreateExperimentRunArgs = {
  input: ExperimentRunCreateInput;
};


export type MutationCreateModelVersionArgs = {
  input: ModelVersionCreateInput;
};


export type MutationCreateRegisteredModelArgs = {
  input: RegisteredModelCreateInput;
};


export type MutationCreateServingEnvironmentArgs = {
  input: CreateServingEnvironmentInput;
};


export type MutationDefineEvaluationSuiteArgs = {
  input: EvaluationSuiteInput;
};


export type MutationDeleteInferenceServiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeployModelVersionArgs = {
  input: DeployModelVersionInput;
};


export type MutationPromoteCanaryArgs = {
  id: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRecordEvaluationArgs = {
  metrics: Array<MetricValueInput>;
  run?: InputMaybe<Scalars['String']['input']>;
  suite: Scalars['String']['input'];
  versionId: Scalars['ID']['input'];
};


export type MutationRefuseModelVersionArgs = {
  comment: Scalars['String']['input'];
  targetStage: ModelVersionStage;
  versionId: Scalars['ID']['input'];
};


export type MutationRegisterModelArgs = {
  input: RegisterModelInput;
};


export type MutationRequestApprovalArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  targetStage: ModelVersionStage;
  versionId: Scalars['ID']['input'];
};


export type MutationRestoreExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreExperimentRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreModelVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreRegisteredModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackInferenceServiceArgs = {
  id: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRolloutModelVersionArgs = {
  input: RolloutModelVersionInput;
};


export type MutationSetCanaryTrafficArgs = {
  id: Scalars['ID']['input'];
  percent: Scalars['Int']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetModelGovernanceArgs = {
  id: Scalars['ID']['input'];
  input: ModelGovernanceInput;
};


export type MutationTransitionModelVersionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  to: ModelVersionStage;
};


export type MutationUndeployInferenceServiceArgs = {
  id: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateArtifactArgs = {
  id: Scalars['ID']['input'];
  input: ArtifactInput;
};


export type MutationUpdateExperimentArgs = {
  id: Scalars['ID']['input'];
  input: ExperimentUpdateInput;
};


export type MutationUpdateExperimentRunArgs = {
  id: Scalars['ID']['input'];
  input: ExperimentRunUpdateInput;
};


export type MutationUpdateInferenceServiceArgs = {
  input: UpdateInferenceServiceInput;
};


export type MutationUpdateModelVersionArgs = {
  id: Scalars['ID']['input'];
  input: ModelVersionUpdateInput;
};


export type MutationUpdateRegisteredModelArgs = {
  id: Scalars['ID']['input'];
  input: RegisteredModelUpdateInput;
};


export type MutationUpsertExperimentRunArtifactArgs = {
  experimentRunId: Scalars['ID']['input'];
  input: ArtifactInput;
};


export type MutationUpsertModelVersionArtifactArgs = {
  input: ArtifactInput;
  modelVersionId: Scalars['ID']['input'];
};


export type MutationWithdrawApprovalArgs = {
  targetStage: ModelVersionStage;
  versionId: Scalars['ID']['input'];
};

export type OrderByField =
  | 'CREATE_TIME'
  | 'ID'
  | 'LAST_UPDATE_TIME'
  | 'NAME';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Parameter = Artifact & {
  __typename?: 'Parameter';
  artifactType: ArtifactType;
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  name: Scalars['String']['output'];
  parameterType?: Maybe<ParameterType>;
  state: ArtifactState;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  uri?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['String']['output']>;
};

export type ParameterInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  parameterType?: InputMaybe<ParameterType>;
  state?: InputMaybe<ArtifactState>;
  uri?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<Scalars['String']['input']>;
};

export type ParameterType =
  | 'BOOLEAN'
  | 'NUMBER'
  | 'OBJECT'
  | 'STRING';

export type PolicyOutcome = {
  __typename?: 'PolicyOutcome';
  passed: Scalars['Boolean']['output'];
  policy: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  rule: Scalars['String']['output'];
};

export type PolicyReport = {
  __typename?: 'PolicyReport';
  passed: Scalars['Boolean']['output'];
  policyVersion: Scalars['String']['output'];
  results: Array<PolicyOutcome>;
  targetStage: ModelVersionStage;
};

export type Query = {
  __typename?: 'Query';
  /** The approvals inbox: approval requests across the tenant's versions, oldest first. */
  approvalRequests: ApprovalRequestConnection;
  artifact?: Maybe<Artifact>;
  artifacts: ArtifactConnection;
  /** Audit events of the caller's tenant, oldest first. */
  auditEvents: AuditEventPage;
  /** For each filterable field, its distinct values or its range. */
  catalogFilterOptions: Array<CatalogFilterOption>;
  /** Labels declared in the sources files. */
  catalogLabels: Array<CatalogLabel>;
  /** One model; names may contain '/' (e.g. org/model). */
  catalogModel?: Maybe<CatalogModel>;
  /** Search the catalog. `q` matches name, description, provider, libraryName and tasks (case-insensitive, every word). `filterQuery` uses the registry's grammar; `artifacts.<property>` conditions joined by AND must hold on one artifact. */
  catalogModels: CatalogModelConnection;
  catalogSource?: Maybe<CatalogSource>;
  /** Every configured source with its status (global per deployment). */
  catalogSources: Array<CatalogSource>;
  deployDriver: DeployDriverInfo;
  /** Dry run: the policies a move to targetStage would check. */
  evaluatePolicies: PolicyReport;
  evaluationSuites: Array<EvaluationSuite>;
  /** The version's evidence bundle (.tar.gz), base64-encoded. */
  evidenceBundle: EvidenceBundle;
  experiment?: Maybe<Experiment>;
  /** By id, by externalId, or by experimentId and name. */
  experimentRun?: Maybe<ExperimentRun>;
  experimentRuns: ExperimentRunConnection;
  experiments: ExperimentConnection;
  inferenceService?: Maybe<InferenceService>;
  inferenceServices: Array<InferenceService>;
  listServingRuntimes: Array<ServingRuntime>;
  /** Who I am: the caller's user, tenant, project, roles, scopes and groups. */
  me: Caller;
  /** By id, by externalId, or by registeredModelId and name. */
  modelVersion?: Maybe<ModelVersion>;
  modelVersions: ModelVersionConnection;
  registeredModel?: Maybe<RegisteredModel>;
  registeredModels: RegisteredModelConnection;
  servingEnvironment?: Maybe<ServingEnvironment>;
  servingEnvironments: Array<ServingEnvironment>;
  /** Recomputes the hash chain; names the first broken link. */
  verifyAuditTrail: AuditVerification;
};


export type QueryApprovalRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ApprovalRequestState>;
  targetStage?: InputMaybe<ModelVersionStage>;
};


export type QueryArtifactArgs = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  artifactType?: InputMaybe<ArtifactType>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type QueryAuditEventsArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryCatalogFilterOptionsArgs = {
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryCatalogModelArgs = {
  name: Scalars['String']['input'];
  sourceId: Scalars['String']['input'];
};


export type QueryCatalogModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  orderBy?: CatalogModelOrderField;
  orderByArtifactMetric?: InputMaybe<Scalars['String']['input']>;
  q?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: SortOrder;
  sourceIds?: InputMaybe<Array<Scalars['String']['input']>>;
  sourceLabels?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryCatalogSourceArgs = {
  id: Scalars['String']['input'];
};


export type QueryCatalogSourcesArgs = {
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  status?: InputMaybe<CatalogSourceStatus>;
};


export type QueryEvaluatePoliciesArgs = {
  targetStage: ModelVersionStage;
  versionId: Scalars['ID']['input'];
};


export type QueryEvidenceBundleArgs = {
  versionId: Scalars['ID']['input'];
};


export type QueryExperimentArgs = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExperimentRunArgs = {
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExperimentRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type QueryExperimentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type QueryInferenceServiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInferenceServicesArgs = {
  environment?: InputMaybe<Scalars['String']['input']>;
  modelVersionId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryListServingRuntimesArgs = {
  environment: Scalars['String']['input'];
};


export type QueryModelVersionArgs = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  registeredModelId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  registeredModelId?: InputMaybe<Scalars['ID']['input']>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type QueryRegisteredModelArgs = {
  externalId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRegisteredModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};


export type QueryServingEnvironmentArgs = {
  name: Scalars['String']['input'];
};


export type QueryVerifyAuditTrailArgs = {
  tenant?: InputMaybe<Scalars['String']['input']>;
};

/** registerModel: the model (created if new), its version and artifact. */
export type RegisterModelInput = {
  artifactCustomProperties?: InputMaybe<Array<CustomPropertyInput>>;
  /** Defaults to the registered model's name. */
  artifactName?: InputMaybe<Scalars['String']['input']>;
  author?: InputMaybe<Scalars['String']['input']>;
  /** Of the model version. */
  description?: InputMaybe<Scalars['String']['input']>;
  group?: InputMaybe<Scalars['String']['input']>;
  modelCustomProperties?: InputMaybe<Array<CustomPropertyInput>>;
  modelDescription?: InputMaybe<Scalars['String']['input']>;
  modelFormatName?: InputMaybe<Scalars['String']['input']>;
  modelFormatVersion?: InputMaybe<Scalars['String']['input']>;
  modelSourceClass?: InputMaybe<Scalars['String']['input']>;
  modelSourceGroup?: InputMaybe<Scalars['String']['input']>;
  modelSourceId?: InputMaybe<Scalars['String']['input']>;
  modelSourceKind?: InputMaybe<Scalars['String']['input']>;
  modelSourceName?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Of a new registered model. */
  owner?: InputMaybe<Scalars['String']['input']>;
  owners?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Of the registered model, like owners, group and tags: set on a new model; on an existing one, each given field replaces its value (audited as model.governance). */
  riskTier?: InputMaybe<RiskTier>;
  serviceAccountName?: InputMaybe<Scalars['String']['input']>;
  storageKey?: InputMaybe<Scalars['String']['input']>;
  storagePath?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  uri: Scalars['String']['input'];
  versionCustomProperties?: InputMaybe<Array<CustomPropertyInput>>;
  versionExternalId?: InputMaybe<Scalars['String']['input']>;
  versionName: Scalars['String']['input'];
};

export type RegisterModelPayload = {
  __typename?: 'RegisterModelPayload';
  modelArtifact: ModelArtifact;
  modelVersion: ModelVersion;
  registeredModel: RegisteredModel;
};

export type RegisteredModel = {
  __typename?: 'RegisteredModel';
  /** Milliseconds since the epoch. */
  createTimeSinceEpoch: Scalars['String']['output'];
  /** ISO-8601, UTC. */
  createdAt: Scalars['String']['output'];
  customProperties: Array<CustomProperty>;
  description?: Maybe<Scalars['String']['output']>;
  externalId?: Maybe<Scalars['String']['output']>;
  group?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  language: Array<Scalars['String']['output']>;
  /** Milliseconds since the epoch. */
  lastUpdateTimeSinceEpoch: Scalars['String']['output'];
  libraryName?: Maybe<Scalars['String']['output']>;
  license?: Maybe<Scalars['String']['output']>;
  licenseLink?: Maybe<Scalars['String']['output']>;
  logo?: Maybe<Scalars['String']['output']>;
  maturity?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  owners: Array<Scalars['String']['output']>;
  provider?: Maybe<Scalars['String']['output']>;
  readme?: Maybe<Scalars['String']['output']>;
  riskTier: RiskTier;
  state: RegisteredModelState;
  tags: Array<Scalars['String']['output']>;
  tasks: Array<Scalars['String']['output']>;
  /** ISO-8601, UTC. */
  updatedAt: Scalars['String']['output'];
  versions: ModelVersionConnection;
};


export type RegisteredModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
};

export type RegisteredModelConnection = {
  __typename?: 'RegisteredModelConnection';
  edges: Array<RegisteredModelEdge>;
  nodes: Array<RegisteredModel>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RegisteredModelCreateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  group?: InputMaybe<Scalars['String']['input']>;
  language?: InputMaybe<Array<Scalars['String']['input']>>;
  libraryName?: InputMaybe<Scalars['String']['input']>;
  license?: InputMaybe<Scalars['String']['input']>;
  licenseLink?: InputMaybe<Scalars['String']['input']>;
  logo?: InputMaybe<Scalars['String']['input']>;
  maturity?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  owner?: InputMaybe<Scalars['String']['input']>;
  owners?: InputMaybe<Array<Scalars['String']['input']>>;
  provider?: InputMaybe<Scalars['String']['input']>;
  readme?: InputMaybe<Scalars['String']['input']>;
  /** LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version needs. */
  riskTier?: InputMaybe<RiskTier>;
  state?: InputMaybe<RegisteredModelState>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  tasks?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RegisteredModelEdge = {
  __typename?: 'RegisteredModelEdge';
  cursor: Scalars['String']['output'];
  node: RegisteredModel;
};

export type RegisteredModelState =
  | 'ARCHIVED'
  | 'LIVE';

/** Fields to change; names are immutable after create. */
export type RegisteredModelUpdateInput = {
  customProperties?: InputMaybe<Array<CustomPropertyInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  group?: InputMaybe<Scalars['String']['input']>;
  language?: InputMaybe<Array<Scalars['String']['input']>>;
  libraryName?: InputMaybe<Scalars['String']['input']>;
  license?: InputMaybe<Scalars['String']['input']>;
  licenseLink?: InputMaybe<Scalars['String']['input']>;
  logo?: InputMaybe<Scalars['String']['input']>;
  maturity?: InputMaybe<Scalars['String']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  owners?: InputMaybe<Array<Scalars['String']['input']>>;
  provider?: InputMaybe<Scalars['String']['input']>;
  readme?: InputMaybe<Scalars['String']['input']>;
  /** LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version needs. */
  riskTier?: InputMaybe<RiskTier>;
  state?: InputMaybe<RegisteredModelState>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  tasks?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ResourceRequirements = {
  __typename?: 'ResourceRequirements';
  cpuLimit?: Maybe<Scalars['String']['output']>;
  cpuRequest?: Maybe<Scalars['String']['output']>;
  gpuLimit?: Maybe<Scalars['String']['output']>;
  memoryLimit?: Maybe<Scalars['String']['output']>;
  memoryRequest?: Maybe<Scalars['String']['output']>;
};

export type ResourcesInput = {
  cpuLimit?: InputMaybe<Scalars['String']['input']>;
  cpuRequest?: InputMaybe<Scalars['String']['input']>;
  gpuLimit?: InputMaybe<Scalars['String']['input']>;
  memoryLimit?: InputMaybe<Scalars['String']['input']>;
  memoryRequest?: InputMaybe<Scalars['String']['input']>;
};

export type RiskTier =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Roll a new version out: canary N%, 0 for blue/green, null for all at once. */
export type RolloutModelVersionInput = {
  canaryTrafficPercent?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  modelVersionId: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
};

export type ServingEnvironment = {
  __typename?: 'ServingEnvironment';
  createdAt?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  inferenceServices: Array<InferenceService>;
  name: Scalars['String']['output'];
  /** The Kubernetes namespace this environment is. */
  namespace: Scalars['String']['output'];
  production: Scalars['Boolean']['output'];
  servingRuntimes: Array<ServingRuntime>;
};

export type ServingRuntime = {
  __typename?: 'ServingRuntime';
  disabled: Scalars['Boolean']['output'];
  environment: Scalars['String']['output'];
  modelFormats: Array<Scalars['String']['output']>;
  multiModel: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
};

export type ServingState =
  | 'NOT_APPLIED'
  | 'NOT_READY'
  | 'PENDING'
  | 'READY'
  | 'STOPPED';

export type SortOrder =
  | 'ASC'
  | 'DESC';

export type StageTransition = {
  __typename?: 'StageTransition';
  actor: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  fromStage: ModelVersionStage;
  id: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  toStage: ModelVersionStage;
};

export type StatusCondition = {
  __typename?: 'StatusCondition';
  lastTransitionTime?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type TrafficTarget = {
  __typename?: 'TrafficTarget';
  latestRevision?: Maybe<Scalars['Boolean']['output']>;
  percent?: Maybe<Scalars['Int']['output']>;
  revisionName?: Maybe<Scalars['String']['output']>;
  tag?: Maybe<Scalars['String']['output']>;
};

export type UpdateInferenceServiceInput = {
  id: Scalars['ID']['input'];
  maxReplicas?: InputMaybe<Scalars['Int']['input']>;
  minReplicas?: InputMaybe<Scalars['Int']['input']>;
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
  resources?: InputMaybe<ResourcesInput>;
  runtime?: InputMaybe<Scalars['String']['input']>;
  scaleMetric?: InputMaybe<Scalars['String']['input']>;
  scaleTarget?: InputMaybe<Scalars['Int']['input']>;
};

export type CatalogModelsQueryVariables = Exact<{
  q?: InputMaybe<Scalars['String']['input']>;
  sourceLabels?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  orderBy: CatalogModelOrderField;
  sortOrder: SortOrder;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CatalogModelsQuery = { __typename?: 'Query', catalogModels: { __typename?: 'CatalogModelConnection', totalCount: number, pageInfo: { __typename?: 'CatalogPageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'CatalogModel', sourceId: string, name: string, provider?: string | null, description?: string | null, license?: string | null, tasks: Array<string>, maturity?: string | null, source?: { __typename?: 'CatalogSource', id: string, name: string, labels: Array<string> } | null }> } };

export type CatalogFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogFiltersQuery = { __typename?: 'Query', catalogFilterOptions: Array<{ __typename?: 'CatalogFilterOption', field: string, type: CatalogFilterOptionType, values: Array<string>, min?: number | null, max?: number | null }>, catalogLabels: Array<{ __typename?: 'CatalogLabel', name: string, displayName?: string | null, description?: string | null }> };

export type CatalogModelQueryVariables = Exact<{
  sourceId: Scalars['String']['input'];
  name: Scalars['String']['input'];
}>;


export type CatalogModelQuery = { __typename?: 'Query', catalogModel?: { __typename?: 'CatalogModel', sourceId: string, name: string, provider?: string | null, description?: string | null, readme?: string | null, license?: string | null, licenseLink?: string | null, language: Array<string>, tasks: Array<string>, maturity?: string | null, libraryName?: string | null, source?: { __typename?: 'CatalogSource', id: string, name: string, labels: Array<string> } | null, artifacts: Array<{ __typename?: 'CatalogArtifact', artifactType: string, uri?: string | null, name?: string | null, metricsType?: string | null, performance?: { __typename?: 'CatalogPerformanceMetrics', hardwareType?: string | null, hardwareCount?: number | null, requestsPerSecond?: number | null, useCase?: string | null, ttftMean?: number | null, ttftP90?: number | null, e2eMean?: number | null, e2eP90?: number | null, itlMean?: number | null, tpsMean?: number | null } | null, accuracy?: { __typename?: 'CatalogAccuracyMetrics', overallAverage?: number | null, scores: Array<{ __typename?: 'CatalogBenchmarkScore', benchmark: string, value: number }> } | null }> } | null };

export type InferenceServiceFieldsFragment = { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } };

export type DeploymentsQueryVariables = Exact<{
  environment?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeploymentsQuery = { __typename?: 'Query', deployDriver: { __typename?: 'DeployDriverInfo', mode: DriverMode, appliesToCluster: boolean, description: string }, servingEnvironments: Array<{ __typename?: 'ServingEnvironment', name: string, namespace: string, production: boolean }>, inferenceServices: Array<{ __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } }> };

export type DeployTargetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DeployTargetsQuery = { __typename?: 'Query', deployDriver: { __typename?: 'DeployDriverInfo', mode: DriverMode, appliesToCluster: boolean }, servingEnvironments: Array<{ __typename?: 'ServingEnvironment', name: string, production: boolean }>, modelVersions: { __typename?: 'ModelVersionConnection', nodes: Array<{ __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } }> } };

export type CreateServingEnvironmentMutationVariables = Exact<{
  input: CreateServingEnvironmentInput;
}>;


export type CreateServingEnvironmentMutation = { __typename?: 'Mutation', createServingEnvironment: { __typename?: 'ServingEnvironment', name: string, namespace: string, production: boolean } };

export type DeployModelVersionMutationVariables = Exact<{
  input: DeployModelVersionInput;
}>;


export type DeployModelVersionMutation = { __typename?: 'Mutation', deployModelVersion: { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } } };

export type RolloutModelVersionMutationVariables = Exact<{
  input: RolloutModelVersionInput;
}>;


export type RolloutModelVersionMutation = { __typename?: 'Mutation', rolloutModelVersion: { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } } };

export type SetCanaryTrafficMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  percent: Scalars['Int']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
}>;


export type SetCanaryTrafficMutation = { __typename?: 'Mutation', setCanaryTraffic: { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } } };

export type PromoteCanaryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
}>;


export type PromoteCanaryMutation = { __typename?: 'Mutation', promoteCanary: { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } } };

export type RollbackInferenceServiceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  resourceVersion?: InputMaybe<Scalars['String']['input']>;
}>;


export type RollbackInferenceServiceMutation = { __typename?: 'Mutation', rollbackInferenceService: { __typename?: 'InferenceService', id: string, name: string, environmentName: string, runtime?: string | null, storageUri?: string | null, desiredState: DesiredState, canaryTrafficPercent?: number | null, rolledBack: boolean, applied: boolean, manifest: string, resourceVersion?: string | null, createdAt?: string | null, modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string } } | null, previousModelVersion?: { __typename?: 'ModelVersion', id: string, name: string } | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean, url?: string | null, lastError?: string | null, traffic: Array<{ __typename?: 'TrafficTarget', revisionName?: string | null, percent?: number | null, latestRevision?: boolean | null, tag?: string | null }> } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Caller', user: string, tenant: string, project?: string | null, roles: Array<string>, scopes: Array<string>, groups: Array<string> } };

export type VersionGovernanceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VersionGovernanceQuery = { __typename?: 'Query', modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, stage: ModelVersionStage, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string, riskTier: RiskTier }, transitions: Array<{ __typename?: 'StageTransition', id: string, fromStage: ModelVersionStage, toStage: ModelVersionStage, actor: string, reason?: string | null, createdAt: string }>, approvals: Array<{ __typename?: 'Approval', id: string, targetStage: ModelVersionStage, actor: string, decision: ApprovalDecision, comment?: string | null, valid: boolean, createdAt: string }>, evaluations: Array<{ __typename?: 'EvaluationResult', id: string, suite: string, kind: EvaluationKind, metric: string, value: number, threshold: number, direction: MetricDirection, passed: boolean, run?: string | null, evaluatedAt: string }> } | null };

export type EvaluatePoliciesQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
  targetStage: ModelVersionStage;
}>;


export type EvaluatePoliciesQuery = { __typename?: 'Query', evaluatePolicies: { __typename?: 'PolicyReport', passed: boolean, policyVersion: string, targetStage: ModelVersionStage, results: Array<{ __typename?: 'PolicyOutcome', policy: string, rule: string, passed: boolean, reason: string }> } };

export type TransitionModelVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  to: ModelVersionStage;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type TransitionModelVersionMutation = { __typename?: 'Mutation', transitionModelVersion: { __typename?: 'ModelVersion', id: string, stage: ModelVersionStage } };

export type RequestApprovalMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
  targetStage: ModelVersionStage;
  comment?: InputMaybe<Scalars['String']['input']>;
}>;


export type RequestApprovalMutation = { __typename?: 'Mutation', requestApproval: { __typename?: 'Approval', id: string, targetStage: ModelVersionStage, decision: ApprovalDecision } };

export type ApproveModelVersionMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
  targetStage: ModelVersionStage;
  comment?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApproveModelVersionMutation = { __typename?: 'Mutation', approveModelVersion: { __typename?: 'Approval', id: string, decision: ApprovalDecision, valid: boolean } };

export type RefuseModelVersionMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
  targetStage: ModelVersionStage;
  comment: Scalars['String']['input'];
}>;


export type RefuseModelVersionMutation = { __typename?: 'Mutation', refuseModelVersion: { __typename?: 'Approval', id: string, decision: ApprovalDecision, valid: boolean } };

export type WithdrawApprovalMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
  targetStage: ModelVersionStage;
}>;


export type WithdrawApprovalMutation = { __typename?: 'Mutation', withdrawApproval: { __typename?: 'Approval', id: string, decision: ApprovalDecision } };

export type ApprovalRequestsQueryVariables = Exact<{
  state?: InputMaybe<ApprovalRequestState>;
  targetStage?: InputMaybe<ModelVersionStage>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApprovalRequestsQuery = { __typename?: 'Query', approvalRequests: { __typename?: 'ApprovalRequestConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'ApprovalRequest', id: string, modelVersionId: string, targetStage: ModelVersionStage, requestedBy: string, comment?: string | null, createdAt: string, state: ApprovalRequestState, versionStage: ModelVersionStage, approvalsNeeded: number, approvedBy: Array<string>, refusedBy: Array<string>, decisions: Array<{ __typename?: 'Approval', id: string, actor: string, decision: ApprovalDecision, comment?: string | null, createdAt: string }>, modelVersion: { __typename?: 'ModelVersion', id: string, name: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string, riskTier: RiskTier } } }> } };

export type AuditTrailQueryVariables = Exact<{
  entityType?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditTrailQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventPage', nextCursor?: string | null, events: Array<{ __typename?: 'AuditEvent', id: string, seq: number, actor: string, action: string, entityType: string, entityId: string, occurredAt: string, diff: unknown, hash: string }> }, verifyAuditTrail: { __typename?: 'AuditVerification', ok: boolean, tenant: string, checked: number, brokenSeq?: number | null, brokenEventId?: string | null, reason?: string | null } };

export type EvidenceBundleQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;


export type EvidenceBundleQuery = { __typename?: 'Query', evidenceBundle: { __typename?: 'EvidenceBundle', modelVersionId: string, filename: string, sha256: string, contentBase64: string } };

export type VersionStageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VersionStageQuery = { __typename?: 'Query', modelVersion?: { __typename?: 'ModelVersion', id: string, stage: ModelVersionStage } | null };

export type PropertyFieldsFragment = { __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean };

export type RegisteredModelsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filterQuery?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<OrderByField>;
  sortOrder?: InputMaybe<SortOrder>;
}>;


export type RegisteredModelsQuery = { __typename?: 'Query', registeredModels: { __typename?: 'RegisteredModelConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'RegisteredModel', id: string, name: string, description?: string | null, owner?: string | null, state: RegisteredModelState, updatedAt: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }>, versions: { __typename?: 'ModelVersionConnection', totalCount: number, nodes: Array<{ __typename?: 'ModelVersion', id: string, name: string }> } }> } };

export type RegisteredModelQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RegisteredModelQuery = { __typename?: 'Query', registeredModel?: { __typename?: 'RegisteredModel', id: string, name: string, description?: string | null, owner?: string | null, state: RegisteredModelState, readme?: string | null, provider?: string | null, license?: string | null, tasks: Array<string>, language: Array<string>, createdAt: string, updatedAt: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }>, versions: { __typename?: 'ModelVersionConnection', totalCount: number, nodes: Array<{ __typename?: 'ModelVersion', id: string, name: string, state: ModelVersionState, author?: string | null, updatedAt: string, deployments: Array<{ __typename?: 'InferenceService', id: string, name: string, environmentName: string }> }> } } | null };

export type ModelVersionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ModelVersionQuery = { __typename?: 'Query', modelVersion?: { __typename?: 'ModelVersion', id: string, name: string, description?: string | null, author?: string | null, state: ModelVersionState, createdAt: string, updatedAt: string, registeredModel: { __typename?: 'RegisteredModel', id: string, name: string }, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }>, artifacts: { __typename?: 'ArtifactConnection', totalCount: number, nodes: Array<{ __typename: 'DataSet', source?: string | null, digest?: string | null, id: string, name: string, uri?: string | null, artifactType: ArtifactType, state: ArtifactState, createdAt: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } | { __typename: 'DocArtifact', id: string, name: string, uri?: string | null, artifactType: ArtifactType, state: ArtifactState, createdAt: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } | { __typename: 'Metric', step?: number | null, id: string, name: string, uri?: string | null, artifactType: ArtifactType, state: ArtifactState, createdAt: string, metricValue?: number | null, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } | { __typename: 'ModelArtifact', modelFormatName?: string | null, modelFormatVersion?: string | null, modelSourceKind?: string | null, modelSourceClass?: string | null, modelSourceName?: string | null, id: string, name: string, uri?: string | null, artifactType: ArtifactType, state: ArtifactState, createdAt: string, catalogModel?: { __typename?: 'CatalogModel', sourceId: string, name: string, provider?: string | null } | null, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } | { __typename: 'Parameter', parameterType?: ParameterType | null, id: string, name: string, uri?: string | null, artifactType: ArtifactType, state: ArtifactState, createdAt: string, parameterValue?: string | null, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> }> }, deployments: Array<{ __typename?: 'InferenceService', id: string, name: string, environmentName: string, applied: boolean, canaryTrafficPercent?: number | null, status: { __typename?: 'InferenceServiceStatus', state: ServingState, ready: boolean } }> } | null };

export type RegisterModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterModelMutation = { __typename?: 'Mutation', registerModel: { __typename?: 'RegisterModelPayload', registeredModel: { __typename?: 'RegisteredModel', id: string, name: string }, modelVersion: { __typename?: 'ModelVersion', id: string, name: string }, modelArtifact: { __typename?: 'ModelArtifact', id: string, uri?: string | null } } };

export type UpdateRegisteredModelPropertiesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  customProperties: Array<CustomPropertyInput> | CustomPropertyInput;
}>;


export type UpdateRegisteredModelPropertiesMutation = { __typename?: 'Mutation', updateRegisteredModel: { __typename?: 'RegisteredModel', id: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } };

export type UpdateModelVersionPropertiesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  customProperties: Array<CustomPropertyInput> | CustomPropertyInput;
}>;


export type UpdateModelVersionPropertiesMutation = { __typename?: 'Mutation', updateModelVersion: { __typename?: 'ModelVersion', id: string, customProperties: Array<{ __typename?: 'CustomProperty', name: string, type: CustomPropertyType, stringValue?: string | null, intValue?: string | null, doubleValue?: number | null, boolValue?: boolean | null, structValue?: unknown | null, isLabel: boolean }> } };

export type ArchiveRegisteredModelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ArchiveRegisteredModelMutation = { __typename?: 'Mutation', archiveRegisteredModel: { __typename?: 'RegisteredModel', id: string, state: RegisteredModelState } };

export type RestoreRegisteredModelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreRegisteredModelMutation = { __typename?: 'Mutation', restoreRegisteredModel: { __typename?: 'RegisteredModel', id: string, state: RegisteredModelState } };

export type ArchiveModelVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ArchiveModelVersionMutation = { __typename?: 'Mutation', archiveModelVersion: { __typename?: 'ModelVersion', id: string, state: ModelVersionState } };

export type RestoreModelVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreModelVersionMutation = { __typename?: 'Mutation', restoreModelVersion: { __typename?: 'ModelVersion', id: string, state: ModelVersionState } };

export type SettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsQuery = { __typename?: 'Query', catalogSources: Array<{ __typename?: 'CatalogSource', id: string, name: string, type: string, enabled: boolean, labels: Array<string>, includedModels: Array<string>, excludedModels: Array<string>, status: CatalogSourceStatus, error?: string | null, modelCount: number, loadedAt?: string | null }>, deployDriver: { __typename?: 'DeployDriverInfo', mode: DriverMode, appliesToCluster: boolean, description: string } };

export const InferenceServiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<InferenceServiceFieldsFragment, unknown>;
export const PropertyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<PropertyFieldsFragment, unknown>;
export const CatalogModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"q"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sourceLabels"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filterQuery"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogModelOrderField"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SortOrder"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogModels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"q"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}},{"kind":"Argument","name":{"kind":"Name","value":"sourceLabels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sourceLabels"}}},{"kind":"Argument","name":{"kind":"Name","value":"filterQuery"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filterQuery"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"license"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"}},{"kind":"Field","name":{"kind":"Name","value":"maturity"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogModelsQuery, CatalogModelsQueryVariables>;
export const CatalogFiltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogFilterOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogLabels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<CatalogFiltersQuery, CatalogFiltersQueryVariables>;
export const CatalogModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sourceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sourceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sourceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"readme"}},{"kind":"Field","name":{"kind":"Name","value":"license"}},{"kind":"Field","name":{"kind":"Name","value":"licenseLink"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"}},{"kind":"Field","name":{"kind":"Name","value":"maturity"}},{"kind":"Field","name":{"kind":"Name","value":"libraryName"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"artifactType"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metricsType"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hardwareType"}},{"kind":"Field","name":{"kind":"Name","value":"hardwareCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPerSecond"}},{"kind":"Field","name":{"kind":"Name","value":"useCase"}},{"kind":"Field","name":{"kind":"Name","value":"ttftMean"}},{"kind":"Field","name":{"kind":"Name","value":"ttftP90"}},{"kind":"Field","name":{"kind":"Name","value":"e2eMean"}},{"kind":"Field","name":{"kind":"Name","value":"e2eP90"}},{"kind":"Field","name":{"kind":"Name","value":"itlMean"}},{"kind":"Field","name":{"kind":"Name","value":"tpsMean"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accuracy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overallAverage"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmark"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogModelQuery, CatalogModelQueryVariables>;
export const DeploymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deployments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"environment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployDriver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"appliesToCluster"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servingEnvironments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"production"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inferenceServices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"environment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"environment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<DeploymentsQuery, DeploymentsQueryVariables>;
export const DeployTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeployTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployDriver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"appliesToCluster"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servingEnvironments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"production"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"LAST_UPDATE_TIME"}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"EnumValue","value":"DESC"}},{"kind":"Argument","name":{"kind":"Name","value":"filterQuery"},"value":{"kind":"StringValue","value":"state = 'LIVE'","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeployTargetsQuery, DeployTargetsQueryVariables>;
export const CreateServingEnvironmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServingEnvironment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServingEnvironmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServingEnvironment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"production"}}]}}]}}]} as unknown as DocumentNode<CreateServingEnvironmentMutation, CreateServingEnvironmentMutationVariables>;
export const DeployModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeployModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<DeployModelVersionMutation, DeployModelVersionMutationVariables>;
export const RolloutModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RolloutModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RolloutModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloutModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<RolloutModelVersionMutation, RolloutModelVersionMutationVariables>;
export const SetCanaryTrafficDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCanaryTraffic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"percent"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCanaryTraffic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"percent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"percent"}}},{"kind":"Argument","name":{"kind":"Name","value":"resourceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<SetCanaryTrafficMutation, SetCanaryTrafficMutationVariables>;
export const PromoteCanaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteCanary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteCanary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"resourceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<PromoteCanaryMutation, PromoteCanaryMutationVariables>;
export const RollbackInferenceServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackInferenceService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackInferenceService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"resourceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InferenceServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InferenceServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InferenceService"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousModelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"rolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"resourceVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revisionName"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"latestRevision"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}}]}}]}}]}}]} as unknown as DocumentNode<RollbackInferenceServiceMutation, RollbackInferenceServiceMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"project"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const VersionGovernanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VersionGovernance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"riskTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromStage"}},{"kind":"Field","name":{"kind":"Name","value":"toStage"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"targetStage"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suite"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"run"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<VersionGovernanceQuery, VersionGovernanceQueryVariables>;
export const EvaluatePoliciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluatePolicies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluatePolicies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"targetStage"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluatePoliciesQuery, EvaluatePoliciesQueryVariables>;
export const TransitionModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<TransitionModelVersionMutation, TransitionModelVersionMutationVariables>;
export const RequestApprovalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestApproval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestApproval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"targetStage"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}}]} as unknown as DocumentNode<RequestApprovalMutation, RequestApprovalMutationVariables>;
export const ApproveModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}}]}}]} as unknown as DocumentNode<ApproveModelVersionMutation, ApproveModelVersionMutationVariables>;
export const RefuseModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}}]}}]} as unknown as DocumentNode<RefuseModelVersionMutation, RefuseModelVersionMutationVariables>;
export const WithdrawApprovalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawApproval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawApproval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}}]} as unknown as DocumentNode<WithdrawApprovalMutation, WithdrawApprovalMutationVariables>;
export const ApprovalRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApprovalRequestState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionStage"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetStage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetStage"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"targetStage"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"versionStage"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"refusedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"riskTier"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalRequestsQuery, ApprovalRequestsQueryVariables>;
export const AuditTrailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entityType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"actor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actor"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"diff"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"brokenSeq"}},{"kind":"Field","name":{"kind":"Name","value":"brokenEventId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AuditTrailQuery, AuditTrailQueryVariables>;
export const EvidenceBundleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvidenceBundle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidenceBundle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<EvidenceBundleQuery, EvidenceBundleQueryVariables>;
export const VersionStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VersionStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<VersionStageQuery, VersionStageQueryVariables>;
export const RegisteredModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegisteredModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filterQuery"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderByField"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registeredModels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filterQuery"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filterQuery"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"CREATE_TIME"}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"EnumValue","value":"DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<RegisteredModelsQuery, RegisteredModelsQueryVariables>;
export const RegisteredModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegisteredModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"readme"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"license"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"CREATE_TIME"}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"EnumValue","value":"DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deployments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<RegisteredModelQuery, RegisteredModelQueryVariables>;
export const ModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"artifactType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelArtifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelFormatName"}},{"kind":"Field","name":{"kind":"Name","value":"modelFormatVersion"}},{"kind":"Field","name":{"kind":"Name","value":"modelSourceKind"}},{"kind":"Field","name":{"kind":"Name","value":"modelSourceClass"}},{"kind":"Field","name":{"kind":"Name","value":"modelSourceName"}},{"kind":"Field","name":{"kind":"Name","value":"catalogModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Metric"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"metricValue"},"name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Parameter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"parameterValue"},"name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"parameterType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"environmentName"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"canaryTrafficPercent"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<ModelVersionQuery, ModelVersionQueryVariables>;
export const RegisterModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registeredModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelArtifact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterModelMutation, RegisterModelMutationVariables>;
export const UpdateRegisteredModelPropertiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRegisteredModelProperties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customProperties"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomPropertyInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRegisteredModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"customProperties"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customProperties"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<UpdateRegisteredModelPropertiesMutation, UpdateRegisteredModelPropertiesMutationVariables>;
export const UpdateModelVersionPropertiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateModelVersionProperties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customProperties"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomPropertyInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"customProperties"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customProperties"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PropertyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PropertyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomProperty"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stringValue"}},{"kind":"Field","name":{"kind":"Name","value":"intValue"}},{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"boolValue"}},{"kind":"Field","name":{"kind":"Name","value":"structValue"}},{"kind":"Field","name":{"kind":"Name","value":"isLabel"}}]}}]} as unknown as DocumentNode<UpdateModelVersionPropertiesMutation, UpdateModelVersionPropertiesMutationVariables>;
export const ArchiveRegisteredModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveRegisteredModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveRegisteredModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ArchiveRegisteredModelMutation, ArchiveRegisteredModelMutationVariables>;
export const RestoreRegisteredModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRegisteredModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreRegisteredModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RestoreRegisteredModelMutation, RestoreRegisteredModelMutationVariables>;
export const ArchiveModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ArchiveModelVersionMutation, ArchiveModelVersionMutationVariables>;
export const RestoreModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RestoreModelVersionMutation, RestoreModelVersionMutationVariables>;
export const SettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"includedModels"}},{"kind":"Field","name":{"kind":"Name","value":"excludedModels"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"modelCount"}},{"kind":"Field","name":{"kind":"Name","value":"loadedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployDriver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"appliesToCluster"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<SettingsQuery, SettingsQueryVariables>;