import { describe, expect, it } from "vitest";

import { labelsOf, propertyNameProblem, valueOf, withLabels, withProperty, type Property } from "./properties";

const properties: Property[] = [
  { name: "prod", type: "STRING", stringValue: "", isLabel: true },
  { name: "team", type: "STRING", stringValue: "fraud", isLabel: false },
  { name: "epochs", type: "INT", intValue: "9007199254740993", isLabel: false },
  { name: "auc", type: "DOUBLE", doubleValue: 0.91, isLabel: false },
];

describe("properties", () => {
  it("reads labels and values", () => {
    expect(labelsOf(properties)).toEqual(["prod"]);
    expect(properties.map(valueOf)).toEqual(["", "fraud", "9007199254740993", "0.91"]);
  });

  it("replaces labels and keeps the other properties with their types", () => {
    expect(withLabels(properties, ["staging", "staging", " "])).toEqual([
      { name: "team", type: "STRING", stringValue: "fraud" },
      { name: "epochs", type: "INT", intValue: "9007199254740993" },
      { name: "auc", type: "DOUBLE", doubleValue: 0.91 },
      { name: "staging", type: "STRING", stringValue: "" },
    ]);
  });

  it("sets and removes one property", () => {
    expect(withProperty(properties, "team", "risk").at(-1)).toEqual({ name: "team", type: "STRING", stringValue: "risk" });
    expect(withProperty(properties, "team", null).map((p) => p.name)).toEqual(["prod", "epochs", "auc"]);
  });

  it("checks names as the user types", () => {
    expect(propertyNameProblem("")).toMatch(/required/);
    expect(propertyNameProblem("a b")).toMatch(/spaces/);
    expect(propertyNameProblem("ok")).toBeNull();
  });
});
