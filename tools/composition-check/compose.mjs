// Composes subgraph SDLs with @theguild/federation-composition.
// Input (stdin): JSON [{"name": ..., "url": ..., "sdl": ...}, ...]
// Output (stdout): JSON {"supergraphSdl": "..."} or {"errors": [{"message", "code"}]}
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";

const subgraphs = JSON.parse(readFileSync(0, "utf8"));
let output;
try {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  output = compositionHasErrors(result)
    ? { errors: result.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? null })) }
    : { supergraphSdl: result.supergraphSdl };
} catch (error) {
  output = { errors: [{ message: String(error?.message ?? error), code: "EXCEPTION" }] };
}
process.stdout.write(JSON.stringify(output) + "\n");
