// The register form's values, their checks (run as the user types) and the mutation input.
import type { RegisterModelInput } from "../../gql/graphql";

export interface RegisterValues {
  name: string;
  versionName: string;
  uri: string;
  modelFormatName: string;
  modelFormatVersion: string;
  description: string;
  author: string;
  owner: string;
  modelDescription: string;
  catalogSourceId: string;
  catalogModelName: string;
}

export const EMPTY_VALUES: RegisterValues = {
  name: "",
  versionName: "",
  uri: "",
  modelFormatName: "",
  modelFormatVersion: "",
  description: "",
  author: "",
  owner: "",
  modelDescription: "",
  catalogSourceId: "",
  catalogModelName: "",
};

export type Problems = Partial<Record<keyof RegisterValues, string>>;

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

export function checkRegisterValues(values: RegisterValues): Problems {
  const problems: Problems = {};
  if (!values.name.trim()) problems.name = "A model name is required.";
  else if (values.name.length > 255) problems.name = "At most 255 characters.";
  if (!values.versionName.trim()) problems.versionName = "A version name is required.";
  else if (values.versionName.length > 255) problems.versionName = "At most 255 characters.";
  if (!values.uri.trim()) problems.uri = "The artifact URI is required.";
  else if (!URI.test(values.uri.trim())) problems.uri = "A URI with a scheme, e.g. s3://bucket/path or hf://org/model.";
  return problems;
}

function optional(value: string): string | null {
  return value.trim() ? value.trim() : null;
}

export function toRegisterInput(values: RegisterValues): RegisterModelInput {
  const input: RegisterModelInput = {
    name: values.name.trim(),
    versionName: values.versionName.trim(),
    uri: values.uri.trim(),
    modelFormatName: optional(values.modelFormatName),
    modelFormatVersion: optional(values.modelFormatVersion),
    description: optional(values.description),
    author: optional(values.author),
    owner: optional(values.owner),
    modelDescription: optional(values.modelDescription),
  };
  if (values.catalogSourceId && values.catalogModelName) {
    // Recorded on the artifact, so the version links back to its catalog model.
    input.modelSourceKind = "catalog";
    input.modelSourceClass = values.catalogSourceId;
    input.modelSourceName = values.catalogModelName;
  }
  return input;
}
