// The user journeys the browser tests walk through, each on a fresh page.
const suffix = Date.now().toString(36);

function expectTrue(condition, message) {
  if (!condition) throw new Error(message);
}

async function graphql(base, query, variables = {}) {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const REGISTER = `mutation ($input: RegisterModelInput!) {
  registerModel(input: $input) { registeredModel { id } modelVersion { id } }
}`;

async function registry(page, { visit, capture }) {
  const name = `fraud-${suffix}`;
  await visit(page, "/registry");
  await page.getByRole("link", { name: "Register model" }).click();
  await page.getByLabel("Model name").fill(name);
  await page.getByLabel("Owner").fill("alice");
  await page.getByLabel("Artifact URI").fill("bucket/no-scheme");
  await page.getByText("A URI with a scheme").waitFor();
  await page.getByLabel("Artifact URI").fill("s3://models/fraud/v1");
  await page.getByLabel("Model format", { exact: true }).fill("onnx");
  await capture(page, "register-form");
  await page.getByRole("button", { name: "Register model" }).click();
  await page.getByRole("heading", { name: `${name} v1` }).waitFor();
  await capture(page, "registry-version");

  // A second version from the model page, with the form prefilled.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name }).click();
  await page.getByRole("tab", { name: "Versions" }).waitFor();
  await page.getByRole("link", { name: "Register new version" }).click();
  await page.waitForFunction(() => document.querySelector('input[name="versionName"]')?.value === "v2");
  await page.getByLabel("Artifact URI").fill("s3://models/fraud/v2");
  await page.getByRole("button", { name: "Register version" }).click();
  await page.getByRole("heading", { name: `${name} v2` }).waitFor();

  // The same version again is a conflict, shown in place with its code.
  await visit(page, "/registry/new");
  await page.getByLabel("Model name").fill(name);
  await page.getByLabel("Artifact URI").fill("s3://models/fraud/v1");
  await page.getByRole("button", { name: "Register model" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "CONFLICT" });
  await alert.waitFor();

  // Find it.
  await visit(page, "/registry");
  await page.getByLabel("Search by name").fill(name);
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name: "v2", exact: true }).waitFor();
  expectTrue((await page.getByRole("link", { name, exact: true }).count()) === 1, "search should find the model once");
  await capture(page, "registry-list");

  // Edit a label, then filter by it.
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByLabel("New label").fill("production");
  await page.getByRole("button", { name: "Add label" }).click();
  await page.getByRole("button", { name: "Remove label production" }).waitFor();
  await page.getByRole("tab", { name: "Properties" }).click();
  await page.getByLabel("Property name").fill("team");
  await page.getByLabel("Value").fill("risk");
  await page.getByRole("button", { name: "Set property" }).click();
  await page.getByRole("row", { name: /team STRING risk/ }).waitFor();
  await capture(page, "registry-model");
  await visit(page, "/registry");
  await page.getByLabel("Labels (comma-separated)").fill("production");
  await page.getByLabel("Search by name").fill(name);
  await page.getByRole("link", { name, exact: true }).waitFor();

  // Archive and restore.
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("button", { name: "Archive model" }).click();
  await page.getByText("Archived", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Restore model" }).click();
  await page.getByRole("button", { name: "Archive model" }).waitFor();

  // A missing model is an in-place message, not a blank page.
  await visit(page, "/registry/models/987654321");
  await page.getByRole("alert").filter({ hasText: "No registered model" }).waitFor();
}

async function catalog(page, { visit, capture }) {
  await visit(page, "/catalog");
  await page.getByRole("heading", { name: "Validated AI" }).waitFor();
  await page.getByLabel("License").selectOption("llama3.3");
  await page.getByRole("status").filter({ hasText: "2 models match." }).waitFor();
  await page.getByRole("searchbox", { name: "Search" }).fill("reasoner");
  await page.getByRole("status").filter({ hasText: "2 models match." }).waitFor();
  await capture(page, "catalog");
  await page.getByRole("link", { name: "contoso/reasoner-70b-instruct" }).click();
  await page.getByRole("heading", { name: "Performance insights" }).waitFor();
  await page.getByRole("img", { name: /against throughput/ }).waitFor();
  await page.getByRole("heading", { name: "Model card" }).waitFor();
  await capture(page, "catalog-model");

  await page.getByRole("link", { name: "Register from catalog" }).click();
  await page.waitForFunction(
    () => document.querySelector('input[name="name"]')?.value === "reasoner-70b-instruct",
  );
  const uri = await page.getByLabel("Artifact URI").inputValue();
  expectTrue(uri.startsWith("oci://"), `the artifact URI should come from the catalog, got ${uri}`);
  await page.getByLabel("Version name").fill(`v-${suffix}`);
  await page.getByRole("button", { name: "Register model" }).click();
  await page.getByRole("heading", { name: `reasoner-70b-instruct v-${suffix}` }).waitFor();
  await page.getByRole("link", { name: "contoso/reasoner-70b-instruct" }).waitFor();
}

async function deployments(page, { base, visit, capture }) {
  const model = `deployable-${suffix}`;
  const first = await graphql(base, REGISTER, {
    input: { name: model, versionName: "v1", uri: "s3://models/deployable/v1", modelFormatName: "onnx" },
  });
  await graphql(base, REGISTER, {
    input: { name: model, versionName: "v2", uri: "s3://models/deployable/v2", modelFormatName: "onnx" },
  });
  const environment = `staging-${suffix}`;
  await graphql(base, `mutation ($name: String!) { createServingEnvironment(input: {name: $name}) { name } }`, {
    name: environment,
  });
  const service = `svc-${suffix}`;

  await visit(page, `/registry/versions/${first.registerModel.modelVersion.id}`);
  await page.getByText("nothing is applied").waitFor();
  await page.getByLabel("Environment").selectOption(environment);
  await page.getByLabel("Service name (optional)").fill("Bad_Name");
  await page.getByText("Lower-case letters").waitFor();
  await page.getByLabel("Service name (optional)").fill(service);
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await page.getByText("Not applied (manifest only)").waitFor();

  await visit(page, "/deployments");
  const card = page.getByRole("article", { name: new RegExp(service) });
  await card.getByText("Not applied: manifest only").waitFor();
  await card.getByText("Rendered manifest (not applied)").click();
  await card.getByText("kind: InferenceService").waitFor();
  await card.getByLabel("Roll out version").selectOption({ label: "v2" });
  await card.getByRole("button", { name: /Roll out as 10% canary/ }).click();
  await card.getByText("Canary 10% on v2").waitFor();
  await capture(page, "deployments");
  await card.getByRole("button", { name: "Promote" }).click();
  await card.getByText("All traffic on the latest version").waitFor();
}

async function settings(page, { visit, capture }) {
  await visit(page, "/settings");
  await page.getByRole("row", { name: /Validated/ }).getByText("AVAILABLE").waitFor();
  await page.getByRole("heading", { name: "Who I am" }).waitFor();
  // Without an auth configuration every request is the local admin of the default tenant.
  await page.locator("dl.identity dd").filter({ hasText: /^local-admin$/ }).waitFor();
  await page.locator("dl.identity dd").filter({ hasText: /^default$/ }).waitFor();
  await capture(page, "settings");
}

async function graphiql(page, { visit, capture }) {
  // The registry page links into GraphiQL with its own query.
  await visit(page, "/registry");
  await page.getByRole("link", { name: "Open this page's query in GraphiQL" }).click();
  await page.locator(".graphiql-container").waitFor();
  await page.locator(".graphiql-query-editor").getByText("query RegisteredModels(").waitFor();
  await page.locator(".graphiql-execute-button").click();
  await page.locator(".result-window").getByText('"registeredModels"').waitFor();
  await capture(page, "graphiql", { axe: false });
}

export const SCENARIOS = [
  { name: "registry", run: registry },
  { name: "catalog", run: catalog },
  { name: "deployments", run: deployments },
  { name: "settings", run: settings },
  { name: "graphiql", run: graphiql },
];
