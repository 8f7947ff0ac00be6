// Composes a Federation 1 supergraph (core/join v0.1) with @apollo/federation 0.x, for suites
// that check the gateway still accepts the old supergraph format.
// Input (stdin): JSON [{"name": "...", "url": "...", "sdl": "..."}]. Output (stdout): the supergraph SDL.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "graphql";

const require = createRequire(import.meta.url);
const { composeAndValidate } = require("@apollo/federation");

const services = JSON.parse(readFileSync(0, "utf8"));
const result = composeAndValidate(
  services.map((service) => ({ name: service.name, url: service.url, typeDefs: parse(service.sdl) })),
);
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) {
    process.stderr.write(`${error.message}\n`);
  }
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
