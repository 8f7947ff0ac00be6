// Hive Gateway with the Rust query planner (@graphql-hive/router-runtime) and request
// deduplication off: neither inbound (identical client requests sharing one execution)
// nor outbound (identical in-flight subgraph fetches sharing one HTTP request, on by
// default in the HTTP transport), so every client request makes its own fetches.
import { defineConfig } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  inboundInflightRequestDeduplication: false,
  transportEntries: {
    "*.http": { options: { deduplicateInflightRequests: false } },
  },
});
