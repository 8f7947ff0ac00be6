import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { RegisteredModelDocument } from "../gql/graphql";
import { ErrorNotice } from "./ErrorNotice";
import { graphiqlHref } from "./GraphiQLLink";
import { LabelEditor } from "./LabelEditor";
import { renderMarkdown } from "./Markdown";
import { PerformanceChart } from "./PerformanceChart";

afterEach(cleanup);

describe("ErrorNotice", () => {
  it("shows the message, extensions.code and what to do", () => {
    render(<ErrorNotice errors={[{ message: "name taken", code: "CONFLICT" }]} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("name taken");
    expect(alert.textContent).toContain("CONFLICT");
    expect(alert.textContent).toContain("reload");
  });

  it("prefers the server's own suggestion", () => {
    render(<ErrorNotice errors={[{ message: "no", code: "FORBIDDEN", suggestion: "ask the owner" }]} />);
    expect(screen.getByRole("alert").textContent).toContain("ask the owner");
  });
});

describe("Markdown", () => {
  it("renders Markdown and strips scripts and handlers", () => {
    const html = renderMarkdown("# Card\n\n<img src=x onerror=alert(1)><script>alert(2)</script>**bold**");
    expect(html).toContain("<h1>Card</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<script");
  });
});

describe("LabelEditor", () => {
  it("adds and removes labels, validating as the user types", () => {
    const onSave = vi.fn();
    render(<LabelEditor labels={["prod"]} busy={false} onSave={onSave} />);
    const input = screen.getByLabelText("New label");
    fireEvent.change(input, { target: { value: "bad label" } });
    expect(screen.getByText("No spaces.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add label" }).hasAttribute("disabled")).toBe(true);
    fireEvent.change(input, { target: { value: "staging" } });
    fireEvent.click(screen.getByRole("button", { name: "Add label" }));
    expect(onSave).toHaveBeenLastCalledWith(["prod", "staging"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove label prod" }));
    expect(onSave).toHaveBeenLastCalledWith([]);
  });
});

describe("PerformanceChart", () => {
  it("plots one labelled point per hardware configuration", () => {
    const { container } = render(
      <PerformanceChart
        latencyLabel="TTFT p90"
        points={[
          { label: "1× H100", throughput: 18.9, latency: 62.8 },
          { label: "2× L40S", throughput: 6.2, latency: 515.9 },
        ]}
      />,
    );
    expect(container.querySelectorAll("circle")).toHaveLength(2);
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("1× H100: 18.9 requests/s at 62.8 ms");
  });
});

describe("graphiqlHref", () => {
  it("carries the page's operation and variables in the fragment", () => {
    const href = graphiqlHref(RegisteredModelDocument, { id: "7" });
    expect(href.startsWith("/graphql#")).toBe(true);
    const params = new URLSearchParams(href.split("#")[1]);
    expect(params.get("query")).toContain("query RegisteredModel($id: ID!)");
    expect(JSON.parse(params.get("variables") ?? "{}")).toEqual({ id: "7" });
  });
});

describe("ErrorBoundary", () => {
  it("shows a failing page's error instead of a blank screen", async () => {
    const { ErrorBoundary } = await import("./ErrorBoundary");
    const Broken = () => {
      throw new Error("cannot read version");
    };
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <ErrorBoundary resetKey="/x">
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("alert").textContent).toContain("cannot read version");
    quiet.mockRestore();
  });
});
