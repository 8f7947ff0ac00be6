// Typed document nodes for every operation in src/**/*.graphql, from the committed API schema.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  // MODELPLANE_API_SCHEMA: check against another copy of the schema (e.g. the committed one).
  schema: process.env.MODELPLANE_API_SCHEMA ?? "../schema/api.graphql",
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { JSON: "unknown" } },
    },
  },
};

export default config;
