import { describe, expect, it } from "vitest";

import { catalogFilterQuery, containsPattern, fieldPath, quote, registryFilterQuery } from "./filters";

describe("registryFilterQuery", () => {
  it("is null when nothing is chosen", () => {
    expect(registryFilterQuery({ text: " ", owner: "", state: "", labels: [] })).toBeNull();
  });

  it("joins every chosen filter with AND", () => {
    expect(
      registryFilterQuery({ text: "fraud", owner: "alice", state: "LIVE", labels: ["prod", "team-a"] }),
    ).toBe(
      "name ILIKE '%fraud%' AND owner = 'alice' AND state = 'LIVE' AND prod.string_value = '' AND `team-a`.string_value = ''",
    );
  });

  it("escapes quotes and LIKE wildcards typed by the user", () => {
    expect(quote("o'neil\\x")).toBe("'o\\'neil\\\\x'");
    expect(containsPattern("50%_off")).toBe("%50\\%\\_off%");
  });
});

describe("catalogFilterQuery", () => {
  it("quotes each part of a dotted field that is not a plain word", () => {
    expect(fieldPath("artifacts.hardware_type")).toBe("artifacts.hardware_type");
    expect(fieldPath("artifacts.p-90")).toBe("artifacts.`p-90`");
  });

  it("turns choices, flags and ranges into conditions", () => {
    expect(
      catalogFilterQuery({
        values: { license: "apache-2.0", provider: "" },
        flags: { validated: "true" },
        ranges: [{ field: "artifacts.ttft_p90", max: 200 }, { field: "artifacts.requests_per_second", min: 5 }],
      }),
    ).toBe(
      "license = 'apache-2.0' AND validated = true AND artifacts.ttft_p90 <= 200 AND artifacts.requests_per_second >= 5",
    );
  });

  it("ignores empty and non-numeric bounds", () => {
    expect(catalogFilterQuery({ values: {}, ranges: [{ field: "x", min: Number.NaN }] })).toBeNull();
  });
});
