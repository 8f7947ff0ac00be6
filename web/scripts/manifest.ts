// The trusted-documents manifest: sha256 of each operation's text → that text, as the app sends it.
import { createHash } from "node:crypto";

import type { DocumentNode } from "graphql";

import { operationText } from "../src/api/documents";
import * as generated from "../src/gql/graphql";

function isOperation(value: unknown): value is DocumentNode {
  const document = value as DocumentNode | undefined;
  return (
    document?.kind === "Document" && document.definitions.some((d) => d.kind === "OperationDefinition")
  );
}

export function buildManifest(): Record<string, string> {
  const entries = Object.values(generated)
    .filter(isOperation)
    .map((document) => {
      const text = operationText(document);
      return [createHash("sha256").update(text).digest("hex"), text] as const;
    })
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

export function manifestJson(): string {
  return `${JSON.stringify(buildManifest(), null, 2)}\n`;
}
