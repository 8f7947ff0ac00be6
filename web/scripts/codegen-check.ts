// Fails when src/gql/ is stale: regenerates in memory and compares with the committed files.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { generate } from "@graphql-codegen/cli";

import config from "../codegen";
import { manifestJson } from "./manifest";

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

const root = join(__dirname, "..");
process.chdir(root);
const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
const stale = outputs.filter((o) => readOrEmpty(join(root, o.filename)) !== o.content).map((o) => o.filename);
const manifestPath = "src/gql/trusted-documents.json";
if (readOrEmpty(join(root, manifestPath)) !== manifestJson()) stale.push(manifestPath);
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.join(", ")}. Run \`npm run codegen\` and commit them.`);
  process.exit(1);
}
console.log(`Generated files are up to date (${outputs.length} files and ${manifestPath}).`);
