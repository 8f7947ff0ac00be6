// Composes a supergraph from subgraph SDLs with @theguild/federation-composition.
// Input (stdin): JSON [{"name": "...", "url": "...", "sdl": "..."}]. Output (stdout): the supergraph SDL.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { composeServices } from "@theguild/federation-composition";

const services = JSON.parse(readFileSync(0, "utf8"));
const result = composeServices(
  services.map((service) => ({ name: service.name, url: service.url, typeDefs: parse(service.sdl) })),
);
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) {
    process.stderr.write(`${error.message}\n`);
  }
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
