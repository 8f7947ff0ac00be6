// Labels and custom properties: the registry keeps a label as a string property with no value.
import type { CustomPropertyInput, PropertyFieldsFragment } from "./gql/graphql";

export type Property = PropertyFieldsFragment;

export function labelsOf(properties: readonly Property[]): string[] {
  return properties.filter((p) => p.isLabel).map((p) => p.name);
}

export function valueOf(property: Property): string {
  switch (property.type) {
    case "INT":
      return property.intValue ?? "";
    case "DOUBLE":
      return property.doubleValue === null || property.doubleValue === undefined
        ? ""
        : String(property.doubleValue);
    case "BOOL":
      return property.boolValue === null || property.boolValue === undefined
        ? ""
        : String(property.boolValue);
    case "STRUCT":
      return JSON.stringify(property.structValue);
    default:
      return property.stringValue ?? "";
  }
}

/** Back to input form, keeping each property's type. */
export function toInput(property: Property): CustomPropertyInput {
  const input: CustomPropertyInput = { name: property.name, type: property.type };
  if (property.type === "INT") input.intValue = property.intValue;
  else if (property.type === "DOUBLE") input.doubleValue = property.doubleValue;
  else if (property.type === "BOOL") input.boolValue = property.boolValue;
  else if (property.type === "STRUCT") input.structValue = property.structValue;
  else input.stringValue = property.stringValue ?? "";
  return input;
}

export function withLabels(properties: readonly Property[], labels: string[]): CustomPropertyInput[] {
  const kept = properties.filter((p) => !p.isLabel).map(toInput);
  const unique = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
  return [...kept, ...unique.map((name) => ({ name, type: "STRING" as const, stringValue: "" }))];
}

/** Set (or, with value null, remove) one string property, keeping the others. */
export function withProperty(
  properties: readonly Property[],
  name: string,
  value: string | null,
): CustomPropertyInput[] {
  const others = properties.filter((p) => p.name !== name).map(toInput);
  return value === null ? others : [...others, { name, type: "STRING", stringValue: value }];
}

/** Name check shared by the forms: what the registry accepts as a property or label name. */
export function propertyNameProblem(name: string): string | null {
  if (!name.trim()) return "A name is required.";
  if (name.length > 255) return "At most 255 characters.";
  if (/\s/.test(name)) return "No spaces.";
  return null;
}
