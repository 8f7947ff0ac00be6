import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { identityHeaders, kubeflowNamespace, saveToken, tokenProblem } from "./api/identity";
import { App } from "./App";
import { isHidden, pagesFor, readMode } from "./mode";

const future = { v7_startTransition: true, v7_relativeSplatPath: true };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

function stubApi() {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ data: null, errors: [] }), { headers: { "content-type": "application/json" } })),
  );
}

function navLinks(): string[] {
  const nav = screen.getByRole("navigation", { name: "Main" });
  return Array.from(nav.querySelectorAll("a")).map((a) => a.textContent ?? "");
}

describe("deployment modes", () => {
  it("reads the build's mode, standalone unless told otherwise", () => {
    expect(readMode("kubeflow")).toBe("kubeflow");
    expect(readMode("federated")).toBe("federated");
    expect(readMode(undefined)).toBe("standalone");
    expect(readMode("bogus")).toBe("standalone");
  });

  it("standalone shows every page, governance included", () => {
    stubApi();
    render(
      <MemoryRouter future={future} initialEntries={["/settings"]}>
        <App mode="standalone" />
      </MemoryRouter>,
    );
    expect(navLinks()).toEqual(["Registry", "Catalog", "Deployments", "Approvals", "Audit trail", "Settings", "GraphiQL"]);
  });

  it("kubeflow mode hides the Deployments page under the dashboard's path prefix", () => {
    stubApi();
    expect(isHidden("kubeflow", "deployments")).toBe(true);
    expect(pagesFor("kubeflow").map((p) => p.key)).toEqual(["registry", "catalog", "approvals", "audit", "settings"]);
    render(
      <MemoryRouter future={future} basename="/modelplane" initialEntries={["/modelplane/deployments"]}>
        <App mode="kubeflow" />
      </MemoryRouter>,
    );
    expect(navLinks()).not.toContain("Deployments");
    // Links carry the prefix; the hidden page's address explains itself instead of showing the page.
    const approvals = screen.getByRole("link", { name: "Approvals" });
    expect(approvals.getAttribute("href")).toBe("/modelplane/governance/approvals");
    expect(screen.getByRole("heading", { name: "Deployments is not part of this app here" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Deployments", level: 1 })).toBeNull();
  });

  it("kubeflow mode has no API token form on Settings; standalone has one", async () => {
    stubApi();
    render(
      <MemoryRouter future={future} basename="/modelplane" initialEntries={["/modelplane/settings"]}>
        <App mode="kubeflow" />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/signed in through the Kubeflow dashboard/)).toBeTruthy();
    expect(screen.queryByLabelText("Token")).toBeNull();
    cleanup();
    render(
      <MemoryRouter future={future} initialEntries={["/settings"]}>
        <App mode="standalone" />
      </MemoryRouter>,
    );
    expect(await screen.findByLabelText("Token")).toBeTruthy();
  });
});

describe("identity headers", () => {
  it("sends the saved token as a bearer token outside kubeflow mode", () => {
    expect(identityHeaders("standalone")).toEqual({});
    saveToken("  mpt_abc  ");
    expect(identityHeaders("standalone")).toEqual({ authorization: "Bearer mpt_abc" });
    expect(identityHeaders("federated")).toEqual({ authorization: "Bearer mpt_abc" });
    saveToken("");
    expect(identityHeaders("standalone")).toEqual({});
  });

  it("refuses tokens a header cannot carry", () => {
    expect(tokenProblem("abc def")).toMatch(/no spaces/);
    expect(tokenProblem("abcé")).toMatch(/ASCII/);
    expect(tokenProblem("mpt_ok")).toBeNull();
    window.localStorage.setItem("modelplane.apiToken", "bad token");
    expect(identityHeaders("standalone")).toEqual({});
  });

  it("in kubeflow mode sends the dashboard's namespace as the tenant, never a token", () => {
    saveToken("mpt_abc");
    expect(kubeflowNamespace("?ns=team-a")).toBe("team-a");
    // Remembered for the pages that follow, whose URLs lack ?ns=.
    expect(kubeflowNamespace("")).toBe("team-a");
    expect(identityHeaders("kubeflow")).toEqual({ "x-tenant-id": "team-a" });
  });
});
