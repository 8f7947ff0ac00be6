// One function that sends a typed operation to the gateway and returns typed data.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

import { operationName, operationText } from "./documents";
import { ApiRequestError, readApiErrors, type ApiError } from "./errors";
import { identityHeaders } from "./identity";

export const GRAPHQL_ENDPOINT = `${import.meta.env.BASE_URL}graphql`;

export interface Result<TData> {
  data: TData | null;
  errors: ApiError[];
}

/** Data and errors side by side: a partial answer still shows what it has. */
export async function request<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<Result<TData>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...identityHeaders(),
      },
      body: JSON.stringify({
        query: operationText(document),
        operationName: operationName(document),
        variables: variables ?? {},
      }),
    });
  } catch (error) {
    throw new ApiRequestError([
      { message: `Could not reach the server: ${String(error)}`, code: "NETWORK_ERROR" },
    ]);
  }
  let body: { data?: TData | null; errors?: unknown };
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError([
      { message: `The server answered ${response.status} without JSON`, code: "NETWORK_ERROR" },
    ]);
  }
  return { data: body.data ?? null, errors: readApiErrors(body.errors) };
}

/** For mutations: any error fails the whole action. */
export async function mutate<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const result = await request(document, variables);
  if (result.errors.length > 0 || result.data === null) {
    throw new ApiRequestError(
      result.errors.length > 0 ? result.errors : [{ message: "The server returned no data" }],
    );
  }
  return result.data;
}
