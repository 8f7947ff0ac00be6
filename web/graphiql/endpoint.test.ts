import { describe, expect, it } from "vitest";

import { EXAMPLES } from "./examples";
import { readEndpoint, readLinkedOperation } from "./endpoint";

describe("GraphiQL endpoint", () => {
  it("uses the endpoint the gateway wrote, or /graphql when none was", () => {
    document.head.innerHTML = '<meta name="graphql-endpoint" content="/prefix/graphql">';
    expect(readEndpoint(document)).toBe("/prefix/graphql");
    document.head.innerHTML = '<meta name="graphql-endpoint" content="__ENDPOINT__">';
    expect(readEndpoint(document)).toBe("/graphql");
  });

  it("reads a linked operation from the fragment", () => {
    const hash = `#${new URLSearchParams({ query: "{ a }", variables: '{"x":1}' })}`;
    expect(readLinkedOperation(hash)).toEqual({ query: "{ a }", variables: '{"x":1}' });
    expect(readLinkedOperation("")).toEqual({ query: undefined, variables: undefined });
  });

  it("ships named example operations", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    for (const example of EXAMPLES) expect(example.query).toMatch(/^(#.*\n)*(query|mutation) \w+/);
  });
});
