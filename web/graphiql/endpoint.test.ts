import { readFileSync } from "node:fs";
import { join } from "node:path";

import { buildSchema, parse, validate } from "graphql";
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

  it("ships named example operations that are valid against the API schema", () => {
    const schema = buildSchema(readFileSync(join(__dirname, "..", "..", "schema", "api.graphql"), "utf8"));
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    for (const example of EXAMPLES) {
      expect(example.query).toMatch(/^(#.*\n)*(query|mutation) \w+/);
      expect(validate(schema, parse(example.query)).map((e) => e.message)).toEqual([]);
      if (example.variables) expect(() => JSON.parse(example.variables ?? "")).not.toThrow();
    }
  });
});
