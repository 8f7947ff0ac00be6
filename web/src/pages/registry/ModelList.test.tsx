import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ModelList } from "./ModelList";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

const page = {
  data: {
    registeredModels: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        {
          id: "1",
          name: "fraud-detector",
          description: null,
          owner: "alice",
          state: "LIVE",
          updatedAt: "2026-01-01T00:00:00Z",
          customProperties: [{ name: "prod", type: "STRING", stringValue: "", isLabel: true }],
          versions: { totalCount: 1, nodes: [{ id: "3", name: "v1" }] },
        },
      ],
    },
  },
};

describe("ModelList", () => {
  it("lists models and sends the search as a filterQuery", async () => {
    const fetch = vi.fn(async () => answer(page));
    vi.stubGlobal("fetch", fetch);
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <ModelList />
      </MemoryRouter>,
    );
    expect(await screen.findByRole("link", { name: "fraud-detector" })).toBeTruthy();
    expect(screen.getByText("prod")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Search by name"), { target: { value: "fraud" } });
    await waitFor(() => {
      const body = JSON.parse(String((fetch.mock.calls.at(-1) as unknown as [string, RequestInit])[1].body));
      expect(body.operationName).toBe("RegisteredModels");
      expect(body.variables.filterQuery).toBe("name ILIKE '%fraud%'");
    });
  });

  it("shows an API error in place with its code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answer({ data: null, errors: [{ message: "filterQuery: bad", extensions: { code: "BAD_USER_INPUT" } }] })),
    );
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <ModelList />
      </MemoryRouter>,
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("filterQuery: bad");
    expect(alert.textContent).toContain("BAD_USER_INPUT");
  });
});
