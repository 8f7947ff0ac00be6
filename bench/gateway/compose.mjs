// Composes bench/gateway/supergraph.graphql from the subgraph SDLs in sdl/ with
// @theguild/federation-composition. Usage: node compose.mjs [--port 4200] [--output FILE]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const port = option("--port", "4200");
const output = option("--output", join(here, "supergraph.graphql"));

const services = ["accounts", "inventory", "products", "reviews"].map((name) => ({
  name,
  url: `http://127.0.0.1:${port}/${name}`,
  typeDefs: parse(readFileSync(join(here, "sdl", `${name}.graphql`), "utf8")),
}));

const result = composeServices(services);
if (compositionHasErrors(result)) {
  for (const error of result.errors) console.error(error.message);
  process.exit(1);
}
writeFileSync(output, result.supergraphSdl.trimEnd() + "\n");
console.log(`wrote ${output}`);
