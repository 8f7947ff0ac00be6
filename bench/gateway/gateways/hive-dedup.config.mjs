// Hive Gateway with the Rust query planner and request deduplication on, inbound and
// outbound: identical concurrent client requests share one execution, and identical
// in-flight subgraph fetches share one HTTP request.
import { defineConfig } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  inboundInflightRequestDeduplication: true,
  transportEntries: {
    "*.http": { options: { deduplicateInflightRequests: true } },
  },
});
