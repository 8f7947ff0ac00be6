// Composes subgraph SDLs with @theguild/federation-composition.
// Input (stdin), JSON: a list of subgraphs [{"name", "url", "sdl"}, ...], or an object of
// such lists keyed by case name to compose many in one run.
// Output (stdout), JSON: {"supergraphSdl": "..."} or {"errors": [{"message", "code"}]};
// for an object input, an object of those keyed by case name.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";

function composeOne(subgraphs) {
  try {
    const result = composeServices(
      subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
    );
    return compositionHasErrors(result)
      ? { errors: result.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? null })) }
      : { supergraphSdl: result.supergraphSdl };
  } catch (error) {
    return { errors: [{ message: String(error?.message ?? error), code: "EXCEPTION" }] };
  }
}

const input = JSON.parse(readFileSync(0, "utf8"));
const output = Array.isArray(input)
  ? composeOne(input)
  : Object.fromEntries(Object.entries(input).map(([name, subgraphs]) => [name, composeOne(subgraphs)]));
process.stdout.write(JSON.stringify(output) + "\n");
