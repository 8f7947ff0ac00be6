// GraphiQL built from npm packages, so the page needs nothing from a CDN.
import "graphiql/graphiql.css";

import type { Fetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";

import { readEndpoint, readLinkedOperation } from "./endpoint";
import { EXAMPLES } from "./examples";

const endpoint = readEndpoint(document);
const linked = readLinkedOperation(window.location.hash);

const fetcher: Fetcher = async (params, options) => {
  const response = await fetch(endpoint, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLES}
      defaultEditorToolsVisibility={Boolean(linked.variables)}
      query={linked.query}
      variables={linked.variables}
    />,
  );
}
