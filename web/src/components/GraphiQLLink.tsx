// "Open in GraphiQL": the page's own operation and variables, carried in the URL fragment.
import type { DocumentNode } from "graphql";

import { GRAPHQL_ENDPOINT } from "../api/client";
import { operationText } from "../api/documents";

export function graphiqlHref(document: DocumentNode, variables?: unknown): string {
  const params = new URLSearchParams({ query: operationText(document) });
  if (variables && Object.keys(variables).length > 0) {
    params.set("variables", JSON.stringify(variables, null, 2));
  }
  return `${GRAPHQL_ENDPOINT}#${params.toString()}`;
}

export function GraphiQLLink({ document, variables }: { document: DocumentNode; variables?: unknown }) {
  return (
    <a className="graphiql-link" href={graphiqlHref(document, variables)}>
      Open this page's query in GraphiQL
    </a>
  );
}
