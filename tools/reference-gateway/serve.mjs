// Serves one supergraph through Apollo Gateway on 127.0.0.1 and a free port.
// Usage: node serve.mjs SUPERGRAPH_FILE. Prints {"url": "..."} on one line once it listens.
// SUBGRAPH_TIMEOUT_MS bounds every subgraph fetch, so a sleeping subgraph becomes an error.
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

// Apollo Gateway would otherwise send usage metrics out and probe cloud metadata addresses:
// this oracle talks to 127.0.0.1 only.
process.env.APOLLO_TELEMETRY_DISABLED = "true";
process.env.METADATA_SERVER_DETECTION = "none";

const supergraphSdl = readFileSync(process.argv[2], "utf8");
const timeoutMs = Number(process.env.SUBGRAPH_TIMEOUT_MS ?? "2000");

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService({ url }) {
    return new RemoteGraphQLDataSource({
      url,
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
  },
});
const server = new ApolloServer({
  gateway,
  includeStacktraceInErrorResponses: false,
  csrfPrevention: false,
});
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
process.stdout.write(`${JSON.stringify({ url })}\n`);
