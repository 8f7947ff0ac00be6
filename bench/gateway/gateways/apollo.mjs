// Apollo Gateway on Apollo Server's standalone HTTP server, one process.
// Environment: SUPERGRAPH (file), PORT.
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

const supergraphSdl = readFileSync(process.env.SUPERGRAPH, "utf8");
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
});
console.log(`Apollo Gateway ready at ${url}`);
