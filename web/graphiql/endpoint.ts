// Where GraphiQL sends operations, and what a link into it carries in the URL fragment.

const PLACEHOLDER = "__" + "ENDPOINT" + "__";

/** The endpoint the gateway wrote into the page, or /graphql when the page is served as a file. */
export function readEndpoint(doc: Document): string {
  const content = doc.querySelector('meta[name="graphql-endpoint"]')?.getAttribute("content") ?? "";
  return content && content !== PLACEHOLDER ? content : "/graphql";
}

export interface LinkedOperation {
  query?: string;
  variables?: string;
}

/** `#query=…&variables=…`: a fragment, because GET /graphql?query=… runs the query instead. */
export function readLinkedOperation(hash: string): LinkedOperation {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const query = params.get("query") ?? undefined;
  const variables = params.get("variables") ?? undefined;
  return { query, variables };
}
