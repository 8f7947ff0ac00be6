// Example operations GraphiQL opens with, one tab each; each works against schema/api.graphql.

export interface ExampleTab {
  query: string;
  variables?: string;
}

export const EXAMPLES: ExampleTab[] = [
  {
    query: `# Registered models with their versions and where each version is deployed.
# The deployments come from the deploy subgraph, joined by the gateway.
query RegisteredModels($first: Int = 10) {
  registeredModels(first: $first, orderBy: LAST_UPDATE_TIME, sortOrder: DESC) {
    totalCount
    nodes {
      id
      name
      owner
      state
      versions(first: 5) {
        nodes { id name state deployments { name environmentName applied } }
      }
    }
  }
}
`,
  },
  {
    query: `# Register a model, its first version and the model artifact in one call.
mutation RegisterModel($input: RegisterModelInput!) {
  registerModel(input: $input) {
    registeredModel { id name }
    modelVersion { id name }
    modelArtifact { id uri modelFormatName }
  }
}
`,
    variables: JSON.stringify(
      {
        input: {
          name: "fraud-detector",
          versionName: "v1",
          uri: "s3://models/fraud/v1",
          modelFormatName: "onnx",
        },
      },
      null,
      2,
    ),
  },
  {
    query: `# Search the model catalog and read each model's serving performance.
query CatalogSearch($q: String = "granite") {
  catalogModels(q: $q, first: 5) {
    totalCount
    nodes {
      sourceId
      name
      provider
      license
      tasks
      artifacts(artifactType: "metrics-artifact") {
        performance { hardwareType hardwareCount requestsPerSecond ttftMean e2eMean }
      }
    }
  }
  catalogFilterOptions { field type values min max }
}
`,
  },
  {
    query: `# Catalog sources with their status, and where deployments go.
query Sources {
  catalogSources { id name type enabled labels status error modelCount loadedAt }
  deployDriver { mode appliesToCluster description }
  servingEnvironments { name namespace production }
}
`,
  },
  {
    query: `# Deploy a model version (in manifest-only mode the manifest is rendered, not applied).
mutation Deploy($modelVersionId: ID!, $environment: String!) {
  deployModelVersion(input: { modelVersionId: $modelVersionId, environment: $environment }) {
    id
    name
    applied
    status { state ready }
    manifest
  }
}
`,
    variables: JSON.stringify({ modelVersionId: "1", environment: "default" }, null, 2),
  },
];
