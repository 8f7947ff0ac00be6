import { describe, expect, it } from "vitest";

import { checkRegisterValues, EMPTY_VALUES, toRegisterInput } from "./registerForm";

describe("register form", () => {
  it("asks for a name, a version and a URI with a scheme", () => {
    expect(checkRegisterValues(EMPTY_VALUES)).toEqual({
      name: "A model name is required.",
      versionName: "A version name is required.",
      uri: "The artifact URI is required.",
    });
    expect(checkRegisterValues({ ...EMPTY_VALUES, name: "m", versionName: "v1", uri: "bucket/path" }).uri).toMatch(
      /scheme/,
    );
    expect(checkRegisterValues({ ...EMPTY_VALUES, name: "m", versionName: "v1", uri: "s3://b/p" })).toEqual({});
  });

  it("records the catalog source on the artifact", () => {
    const input = toRegisterInput({
      ...EMPTY_VALUES,
      name: " granite ",
      versionName: "v1",
      uri: "oci://registry/granite:1",
      catalogSourceId: "validated_models",
      catalogModelName: "ibm/granite",
    });
    expect(input).toMatchObject({
      name: "granite",
      modelSourceKind: "catalog",
      modelSourceClass: "validated_models",
      modelSourceName: "ibm/granite",
      owner: null,
    });
  });
});
