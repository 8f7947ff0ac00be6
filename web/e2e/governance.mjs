// Governance journeys against a Modelplane that needs API tokens: E2E_TOKENS is a JSON object
// {alice, bob} (alice contributes and may approve, bob approves). Each person has their own
// browser context, and the app carries the token it keeps in the browser.
import { readFileSync } from "node:fs";

const suffix = Date.now().toString(36);

function expectTrue(condition, message) {
  if (!condition) throw new Error(message);
}

function tokens() {
  const raw = process.env.E2E_TOKENS;
  if (!raw) throw new Error("E2E_TOKENS is not set: the governance journeys need alice's and bob's API tokens");
  return JSON.parse(raw);
}

async function graphql(base, token, query, variables = {}) {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A browser context whose app already holds `token` (as if typed on the Settings page). */
async function personContext(newContext, token) {
  const context = await newContext();
  if (token) {
    // Runs in every document, about:blank included, where storage is off limits.
    await context.addInitScript((value) => {
      if (window.location.protocol.startsWith("http")) window.localStorage.setItem("modelplane.apiToken", value);
    }, token);
  }
  return context;
}

async function stageIs(page, label) {
  await page.locator("section.governance dd .stage").filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
}

async function moveTo(page, label) {
  await page.getByLabel("Next stage").selectOption({ label });
  await page.getByRole("button", { name: `Move to ${label}` }).click();
  await stageIs(page, label);
}

async function approveFromInbox(page, visit, title, comment) {
  await visit(page, "/governance/approvals");
  const card = page.getByRole("article", { name: new RegExp(`^${title} for`) });
  await card.waitFor();
  await card.getByLabel("Comment").fill(comment);
  await card.getByRole("button", { name: "Approve" }).click();
  await card.getByRole("status").filter({ hasText: `You approved ${title}.` }).waitFor();
  return card;
}

async function draftToApprovedProd(page, { base, visit, capture, newContext }) {
  const { alice, bob } = tokens();
  const name = `governed-${suffix}`;
  const title = `${name} v1`;
  // Setup through the API as alice: a model with a pinned artifact and its model card.
  const registered = await graphql(
    base,
    alice,
    `mutation ($input: RegisterModelInput!) { registerModel(input: $input) { modelVersion { id } } }`,
    { input: { name, versionName: "v1", uri: `oci://models/${name}@sha256:${"c".repeat(64)}`, modelFormatName: "onnx" } },
  );
  const versionId = registered.registerModel.modelVersion.id;
  await graphql(
    base,
    alice,
    `mutation ($id: ID!) { upsertModelVersionArtifact(modelVersionId: $id, input: {docArtifact: {name: "model-card", uri: "s3://cards/governed.md"}}) { id } }`,
    { id: versionId },
  );

  // Alice submits the draft from the version page.
  await page.close();
  const aliceContext = await personContext(newContext, alice);
  const alicePage = await aliceContext.newPage();
  const bobContext = await personContext(newContext, null);
  const bobPage = await bobContext.newPage();
  try {
    await visit(alicePage, `/registry/versions/${versionId}`);
    await stageIs(alicePage, "Draft");
    await alicePage.getByLabel("Note for the approvers").fill("first review, please");
    await alicePage.getByRole("button", { name: "Submit for approval" }).click();
    await stageIs(alicePage, "Submitted");
    await alicePage.getByRole("status").filter({ hasText: "Submitted: approvers are asked" }).waitFor();

    // Separation of duties: alice may approve, but not her own submission; the refusal shows on the request.
    await visit(alicePage, "/governance/approvals");
    const own = alicePage.getByRole("article", { name: new RegExp(`^${title} for`) });
    await own.getByRole("button", { name: "Approve" }).click();
    await own.getByRole("alert").filter({ hasText: "nobody may approve or refuse their own submission" }).waitFor();
    await own.getByText("FORBIDDEN").waitFor();

    // Bob signs in on the Settings page with his token, and sees who he is.
    await visit(bobPage, "/settings");
    await bobPage.getByLabel("Token", { exact: true }).fill(bob);
    await bobPage.getByRole("button", { name: "Save token" }).click();
    await bobPage.locator("dl.identity dd").filter({ hasText: /^bob$/ }).waitFor();
    await bobPage.locator("dl.identity dd").filter({ hasText: /^approver$/ }).waitFor();
    // The rest of the page, refused before the token, loads with it.
    await bobPage.getByRole("heading", { name: "Catalog sources" }).waitFor();
    await bobPage.waitForFunction(() => document.querySelectorAll('[role="alert"]').length === 0);
    await capture(bobPage, "settings-identity");

    // Bob's inbox: asking for changes needs a comment (validated as he types); he approves.
    await visit(bobPage, "/governance/approvals");
    const card = bobPage.getByRole("article", { name: new RegExp(`^${title} for`) });
    await card.waitFor();
    expectTrue(await card.getByRole("button", { name: "Request changes" }).isDisabled(), "Request changes needs a comment first");
    await card.getByLabel("Comment").fill("card looks complete");
    expectTrue(await card.getByRole("button", { name: "Request changes" }).isEnabled(), "a comment enables Request changes");
    await capture(bobPage, "approvals-inbox");
    await card.getByRole("button", { name: "Approve" }).click();
    await card.getByRole("status").filter({ hasText: `You approved ${title}.` }).waitFor();
    await card.getByText("1 of 1").waitFor();

    // Alice moves it on: every policy for staging passes, shown before the move.
    await visit(alicePage, `/registry/versions/${versionId}`);
    await alicePage.getByLabel("Next stage").selectOption({ label: "Approved staging" });
    await alicePage.getByText("All 1 policies pass for Approved staging.").waitFor();
    await alicePage.getByRole("button", { name: "Move to Approved staging" }).click();
    await stageIs(alicePage, "Approved staging");
    await moveTo(alicePage, "Staging");

    // Production needs an evaluation: the dry run names the failing rule and why.
    await alicePage.getByRole("button", { name: "Submit for approval" }).click();
    await alicePage.getByRole("status").filter({ hasText: "Approved prod" }).waitFor();
    await alicePage.getByLabel("Next stage").selectOption({ label: "Approved prod" });
    const failing = alicePage.getByRole("row").filter({ hasText: "accurate-enough" });
    await failing.getByText("Fail").waitFor();
    await alicePage.getByText(/1 of 1 policies fail for Approved prod/).waitFor();
    await capture(alicePage, "version-governance");
    await alicePage.getByRole("button", { name: "Move to Approved prod" }).click();
    await alicePage.getByRole("alert").filter({ hasText: "FAILED_PRECONDITION" }).waitFor();

    // The evaluation is recorded (as a pipeline would, through the API); bob approves for production.
    const suites = await graphql(base, alice, `{ evaluationSuites { name } }`);
    if (!suites.evaluationSuites.some((s) => s.name === "task-accuracy")) {
      await graphql(
        base,
        alice,
        `mutation { defineEvaluationSuite(input: {name: "task-accuracy", kind: TASK, metrics: [{name: "accuracy", threshold: 0.9}]}) { name } }`,
      );
    }
    await graphql(
      base,
      alice,
      `mutation ($id: ID!) { recordEvaluation(versionId: $id, suite: "task-accuracy", metrics: [{name: "accuracy", value: 0.95}], run: "e2e") { passed } }`,
      { id: versionId },
    );
    const prodCard = await approveFromInbox(bobPage, visit, title, "metrics are in");
    await prodCard.getByRole("heading", { name: `${title} for Approved prod` }).waitFor();

    await visit(alicePage, `/registry/versions/${versionId}`);
    await alicePage.getByRole("row").filter({ hasText: "accuracy" }).filter({ hasText: "Pass" }).waitFor();
    await alicePage.getByLabel("Next stage").selectOption({ label: "Approved prod" });
    await alicePage.getByText("All 1 policies pass for Approved prod.").waitFor();
    await alicePage.getByRole("button", { name: "Move to Approved prod" }).click();
    await stageIs(alicePage, "Approved prod");
    const history = alicePage.getByRole("table").filter({ hasText: "From" }).first();
    for (const stage of ["Submitted", "Approved staging", "Staging", "Approved prod"]) {
      await history.getByRole("cell", { name: stage, exact: true }).first().waitFor();
    }
    const approvals = alicePage.getByRole("table").filter({ hasText: "Decision" });
    expectTrue((await approvals.getByRole("row").filter({ hasText: "bob" }).count()) === 2, "bob approved twice");

    // The evidence bundle downloads as a .tar.gz.
    const [download] = await Promise.all([
      alicePage.waitForEvent("download"),
      alicePage.getByRole("button", { name: "Download evidence bundle" }).click(),
    ]);
    expectTrue(download.suggestedFilename() === `evidence-version-${versionId}.tar.gz`, `file name ${download.suggestedFilename()}`);
    const saved = await download.path();
    const bytes = readFileSync(saved);
    expectTrue(bytes[0] === 0x1f && bytes[1] === 0x8b, "the bundle is gzip");
    await alicePage.getByRole("status").filter({ hasText: `Saved evidence-version-${versionId}.tar.gz` }).waitFor();
    await capture(alicePage, "version-approved-prod");

    // The audit trail: the version's events, bob's approvals among them, and the chain intact.
    await visit(alicePage, `/governance/audit?entityType=model_version&entityId=${versionId}`);
    await alicePage.getByRole("status").filter({ hasText: /Chain intact/ }).waitFor();
    const rows = alicePage.locator("table.audit tbody tr");
    await rows.filter({ hasText: "approval.approved" }).filter({ hasText: "bob" }).first().waitFor();
    await rows.filter({ hasText: "approval.requested" }).filter({ hasText: "alice" }).first().waitFor();
    await capture(alicePage, "audit-trail");
    await alicePage.getByLabel("Actor").fill("bob");
    // Only bob's events remain: his two approvals of this version.
    await alicePage.waitForFunction(() => {
      const actors = [...document.querySelectorAll("table.audit tbody tr td:nth-child(3)")].map((c) => c.textContent);
      return actors.length === 2 && actors.every((a) => a === "bob");
    });
  } finally {
    await aliceContext.close();
    await bobContext.close();
  }
}

async function auditPaging(page, { base, visit, newContext }) {
  const { alice } = tokens();
  await page.close();
  // Enough events for more than one page of 25: each registration writes several.
  for (let i = 0; i < 8; i += 1) {
    await graphql(
      base,
      alice,
      `mutation ($input: RegisterModelInput!) { registerModel(input: $input) { modelVersion { id } } }`,
      { input: { name: `paged-${suffix}-${i}`, versionName: "v1", uri: `s3://models/paged/${i}` } },
    );
  }
  const context = await personContext(newContext, alice);
  const own = await context.newPage();
  try {
    await visit(own, "/governance/audit");
    await own.getByText("Page 1", { exact: true }).waitFor();
    const first = await own.locator("table.audit tbody th").first().textContent();
    expectTrue(Number(first) === 1, `page 1 starts at event ${first}`);
    await own.getByRole("button", { name: "Next page" }).click();
    await own.getByText("Page 2", { exact: true }).waitFor();
    // The second page starts right after the first one's 25 events.
    await own.locator("table.audit tbody th").first().filter({ hasText: /^26$/ }).waitFor();
    await own.getByRole("button", { name: "Previous page" }).click();
    await own.getByText("Page 1", { exact: true }).waitFor();
    await own.locator("table.audit tbody th").first().filter({ hasText: /^1$/ }).waitFor();
  } finally {
    await context.close();
  }
}

export const GOVERNANCE_SCENARIOS = [
  { name: "governance-draft-to-approved-prod", run: draftToApprovedProd },
  { name: "governance-audit-paging", run: auditPaging },
];
