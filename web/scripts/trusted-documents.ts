// Writes the trusted-documents manifest to the path given (or stdout): `vite-node scripts/trusted-documents.ts FILE`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import { manifestJson } from "./manifest";

const target = process.argv[2];
const json = manifestJson();
if (target && target !== "-") {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, json);
} else {
  process.stdout.write(json);
}
