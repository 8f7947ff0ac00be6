// filterQuery strings (the Kubeflow grammar) built from what the user picked in a form.

/** A string literal in filterQuery: single quotes, with quotes and backslashes escaped. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** LIKE pattern for "contains", with the LIKE wildcards in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One name, backquoted when it is not a plain word (a label such as `team-a` or `v1.2`). */
export function identifier(name: string): string {
  return WORD.test(name) ? name : `\`${name.replace(/`/g, "")}\``;
}

/** A dotted path such as `artifacts.hardware_type`, each part quoted as needed. */
export function fieldPath(path: string): string {
  return path.split(".").map(identifier).join(".");
}

export interface RegistryFilters {
  text: string;
  owner: string;
  state: "" | "LIVE" | "ARCHIVED";
  labels: string[];
}

export function registryFilterQuery(filters: RegistryFilters): string | null {
  const parts: string[] = [];
  const text = filters.text.trim();
  if (text) parts.push(`name ILIKE ${quote(containsPattern(text))}`);
  const owner = filters.owner.trim();
  if (owner) parts.push(`owner = ${quote(owner)}`);
  if (filters.state) parts.push(`state = ${quote(filters.state)}`);
  for (const label of filters.labels) {
    if (label.trim()) parts.push(`${identifier(label.trim())}.string_value = ''`);
  }
  return parts.length > 0 ? parts.join(" AND ") : null;
}

export interface RangeFilter {
  field: string;
  min?: number;
  max?: number;
}

export interface CatalogFilters {
  /** field → chosen value, for STRING and BOOL fields. */
  values: Record<string, string>;
  /** field → "true" | "false", for BOOL fields. */
  flags?: Record<string, string>;
  ranges: RangeFilter[];
}

export function catalogFilterQuery(filters: CatalogFilters): string | null {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(filters.values)) {
    if (value !== "") parts.push(`${fieldPath(field)} = ${quote(value)}`);
  }
  for (const [field, flag] of Object.entries(filters.flags ?? {})) {
    if (flag === "true" || flag === "false") parts.push(`${fieldPath(field)} = ${flag}`);
  }
  for (const range of filters.ranges) {
    if (range.min !== undefined && Number.isFinite(range.min)) {
      parts.push(`${fieldPath(range.field)} >= ${range.min}`);
    }
    if (range.max !== undefined && Number.isFinite(range.max)) {
      parts.push(`${fieldPath(range.field)} <= ${range.max}`);
    }
  }
  return parts.length > 0 ? parts.join(" AND ") : null;
}
