// The exact text sent for a typed document; the trusted-documents manifest hashes the same text.
import { print, type DocumentNode } from "graphql";

const texts = new WeakMap<DocumentNode, string>();

export function operationText(document: DocumentNode): string {
  let text = texts.get(document);
  if (text === undefined) {
    text = print(document);
    texts.set(document, text);
  }
  return text;
}

export function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === "OperationDefinition") return definition.name?.value;
  }
  return undefined;
}
