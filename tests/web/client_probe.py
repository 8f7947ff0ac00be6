"""Run in the client's environment: exercise the convenience layer against $MODELPLANE_URL, print JSON."""

from __future__ import annotations

import json
import sys

from modelplane_client import Modelplane, ModelplaneError, get_model_version


def main() -> None:
    name = sys.argv[1]
    outcome: dict[str, object] = {}
    with Modelplane() as modelplane:
        version = get_model_version(name, "v1")
        assert version is not None
        outcome["version"] = version.model_dump(by_alias=True, mode="json")
        by_id = modelplane.get_model_version(version_id=version.id)
        assert by_id is not None
        outcome["by_id"] = by_id.model_dump(by_alias=True, mode="json")
        outcome["missing"] = modelplane.get_model_version(name, "no-such-version") is None
        try:
            modelplane.register_model(name, "v1", "s3://elsewhere")
        except ModelplaneError as error:
            outcome["conflict"] = {"code": error.code, "message": error.message}
        service = modelplane.deploy(version.id, "ci-staging", name="linear-demo-ci")
        outcome["deployed"] = service.model_dump(by_alias=True, mode="json")
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
