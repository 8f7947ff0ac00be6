"""Run in the client's environment: submit_for_approval against $MODELPLANE_URL, print JSON.

argv: model name, then the approver's token ($MODELPLANE_TOKEN is the submitter's)."""

from __future__ import annotations

import json
import sys

from modelplane_client import Modelplane, ModelplaneError, submit_for_approval


def main() -> None:
    name, approver_token = sys.argv[1], sys.argv[2]
    outcome: dict[str, object] = {}
    with Modelplane() as modelplane:
        registered = modelplane.register_model(name, "v1", "oci://models/probe@sha256:" + "a" * 64)
        outcome["version_id"] = registered.version_id
        first = submit_for_approval(registered.version_id, comment="ready for review")
        outcome["first"] = {
            "stage": first.stage.value,
            "target": first.target_stage.value,
            "request": first.request.model_dump(by_alias=True, mode="json"),
        }
        # Already SUBMITTED: asks again without moving the version.
        again = modelplane.submit_for_approval(registered.version_id, target_stage="APPROVED_STAGING")
        outcome["again"] = {"stage": again.stage.value, "request_id": again.request.id}
        try:
            modelplane.submit_for_approval("987654321")
        except ModelplaneError as error:
            outcome["missing"] = {"code": error.code, "message": error.message}
    with Modelplane(token=approver_token) as approver:
        try:
            approver.submit_for_approval(registered.version_id)
        except ModelplaneError as error:
            outcome["approver"] = {"code": error.code, "message": error.message}
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
