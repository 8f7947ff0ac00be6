import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { approvalTargetFor, base64ToBlob, base64ToBytes, decisionProblem, needsSubmitMove, rangeProblem } from "../../governance";
import { Approvals } from "./Approvals";
import { AuditTrail } from "./AuditTrail";
import { PolicyResults } from "./VersionGovernance";

const future = { v7_startTransition: true, v7_relativeSplatPath: true };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

type Call = { operationName: string; variables: Record<string, unknown> };

/** A fake gateway answering by operation name, recording what was sent. */
function gateway(answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Call;
      calls.push(body);
      const reply = answers[body.operationName];
      if (!reply) throw new Error(`unexpected operation ${body.operationName}`);
      return answer(reply(body.variables));
    }),
  );
  return calls;
}

const request = {
  id: "7",
  modelVersionId: "3",
  targetStage: "APPROVED_STAGING",
  requestedBy: "alice",
  comment: "please review",
  createdAt: "2026-01-01T00:00:00.000Z",
  state: "OPEN",
  versionStage: "SUBMITTED",
  approvalsNeeded: 2,
  approvedBy: ["carol"],
  refusedBy: [],
  decisions: [{ id: "8", actor: "carol", decision: "APPROVED", comment: null, createdAt: "2026-01-01T00:01:00.000Z" }],
  modelVersion: { id: "3", name: "v1", registeredModel: { id: "1", name: "fraud", riskTier: "HIGH" } },
};
const inbox = {
  data: { approvalRequests: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: "c1" }, nodes: [request] } },
};
const me = (user: string, roles: string[]) => () => ({
  data: { me: { user, tenant: "default", project: null, roles, scopes: [], groups: [] } },
});

describe("governance helpers", () => {
  it("knows which approval a stage submits for", () => {
    expect(approvalTargetFor("DRAFT")).toBe("APPROVED_STAGING");
    expect(approvalTargetFor("STAGING")).toBe("APPROVED_PROD");
    expect(approvalTargetFor("PRODUCTION")).toBeNull();
    expect(needsSubmitMove("DRAFT")).toBe(true);
    expect(needsSubmitMove("SUBMITTED")).toBe(false);
  });

  it("validates decisions and time ranges", () => {
    expect(decisionProblem("REFUSE", "  ")).toMatch(/needs a comment/);
    expect(decisionProblem("REFUSE", "add a card")).toBeNull();
    expect(decisionProblem("APPROVE", "")).toBeNull();
    expect(rangeProblem("2026-02-01T00:00", "2026-01-01T00:00")).toMatch(/before the end/);
    expect(rangeProblem("2026-01-01T00:00", "")).toBeNull();
  });

  it("turns base64 into the archive's bytes", () => {
    const encoded = btoa("\u001f\u008b\u0008tar\u00ff");
    expect(Array.from(base64ToBytes(encoded))).toEqual([0x1f, 0x8b, 0x08, 0x74, 0x61, 0x72, 0xff]);
    const blob = base64ToBlob(encoded);
    expect(blob.size).toBe(7);
    expect(blob.type).toBe("application/gzip");
  });
});

describe("Approvals inbox", () => {
  it("shows where a review stands and needs a comment to request changes", async () => {
    const calls = gateway({
      ApprovalRequests: () => inbox,
      Me: me("bob", ["approver"]),
      RefuseModelVersion: () => ({ data: { refuseModelVersion: { id: "9", decision: "REFUSED", valid: true } } }),
    });
    render(
      <MemoryRouter future={future}>
        <Approvals />
      </MemoryRouter>,
    );
    const card = await screen.findByRole("article", { name: /fraud v1 for Approved staging/ });
    expect(card.textContent).toContain("1 of 2");
    expect(card.textContent).toContain("carol: approved");
    const refuse = screen.getByRole("button", { name: "Request changes" }) as HTMLButtonElement;
    expect(refuse.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "add a model card" } });
    expect(refuse.disabled).toBe(false);
    fireEvent.click(refuse);
    await screen.findByText("You requested changes to fraud v1.");
    const sent = calls.find((c) => c.operationName === "RefuseModelVersion");
    expect(sent?.variables).toEqual({ versionId: "3", targetStage: "APPROVED_STAGING", comment: "add a model card" });
    expect(calls[0].variables).toMatchObject({ state: "OPEN", first: 10, after: null });
  });

  it("shows a separation-of-duties refusal on the request it concerns", async () => {
    gateway({
      ApprovalRequests: () => inbox,
      Me: me("alice", ["approver"]),
      ApproveModelVersion: () => ({
        data: null,
        errors: [{ message: "nobody may approve or refuse their own submission", extensions: { code: "FORBIDDEN" } }],
      }),
    });
    render(
      <MemoryRouter future={future}>
        <Approvals />
      </MemoryRouter>,
    );
    const card = await screen.findByRole("article", { name: /fraud v1/ });
    fireEvent.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(card.textContent).toContain("nobody may approve or refuse their own submission"));
    expect(card.textContent).toContain("FORBIDDEN");
    expect(card.querySelector('[role="alert"]')?.textContent).toContain("Your decision was not recorded");
  });

  it("validates the version id as you type", async () => {
    gateway({ ApprovalRequests: () => inbox, Me: me("alice", ["contributor"]) });
    render(
      <MemoryRouter future={future}>
        <Approvals />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText("Version id"), { target: { value: "v1" } });
    expect(screen.getByText(/positive whole number/)).toBeTruthy();
    const submit = screen.getByRole("button", { name: "Submit for approval" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Version id"), { target: { value: "3" } });
    expect(submit.disabled).toBe(false);
  });
});

describe("Policy results before a transition", () => {
  it("lists every failing rule with its reason", async () => {
    gateway({
      EvaluatePolicies: () => ({
        data: {
          evaluatePolicies: {
            passed: false,
            policyVersion: "2026-11-1",
            targetStage: "APPROVED_STAGING",
            results: [
              { policy: "weights-are-pinned", rule: "artifact_digest_and_license", passed: false, reason: "no sha256 digest" },
              { policy: "model-card", rule: "model_card", passed: false, reason: "no model card" },
              { policy: "owner-set", rule: "owner", passed: true, reason: "owner alice" },
            ],
          },
        },
      }),
    });
    render(<PolicyResults versionId="3" target="APPROVED_STAGING" />);
    expect(await screen.findByText(/2 of 3 policies fail/)).toBeTruthy();
    const rows = screen.getAllByRole("row").map((r) => r.textContent);
    expect(rows).toContainEqual(expect.stringContaining("weights-are-pinned"));
    expect(rows.find((r) => r?.includes("weights-are-pinned"))).toContain("no sha256 digest");
    expect(rows.find((r) => r?.includes("model-card"))).toContain("Fail");
    expect(rows.find((r) => r?.includes("owner-set"))).toContain("Pass");
  });
});

describe("Audit trail", () => {
  it("shows the chain's status and sends the filters", async () => {
    const calls = gateway({
      AuditTrail: () => ({
        data: {
          auditEvents: {
            events: [
              {
                id: "1", seq: 1, actor: "alice", action: "model_version.create", entityType: "model_version",
                entityId: "3", occurredAt: "2026-01-01T00:00:00.000Z", diff: { after: { name: "v1" } }, hash: "ab".repeat(32),
              },
            ],
            nextCursor: "1",
          },
          verifyAuditTrail: { ok: false, tenant: "default", checked: 4, brokenSeq: 5, brokenEventId: "5", reason: "hash mismatch" },
        },
      }),
    });
    render(
      <MemoryRouter future={future}>
        <AuditTrail />
      </MemoryRouter>,
    );
    expect((await screen.findByRole("alert")).textContent).toContain("Chain broken at event 5");
    expect(screen.getByRole("link", { name: "model_version 3" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Actor"), { target: { value: "alice" } });
    await waitFor(() => expect(calls.at(-1)?.variables).toMatchObject({ actor: "alice", after: null, first: 25 }));
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    await waitFor(() => expect(calls.at(-1)?.variables).toMatchObject({ actor: "alice", after: "1" }));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-02-01T00:00" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-01-01T00:00" } });
    expect(screen.getByText("The start must be before the end.")).toBeTruthy();
  });
});
