"""The generated Python client: current with the schema, and working against a real standalone server."""

from __future__ import annotations

import filecmp
import json
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.web.conftest import GovernedModelplane
from tests.web.toolchain import REPO, run_checked

CLIENT = REPO / "clients" / "python"
CODEGEN_VENV = CLIENT / ".venv-codegen"
CODEGEN_REQUIREMENT = "ariadne-codegen>=0.14,<0.20"

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="session")
def client_python() -> Path:
    """The tool environment: ariadne-codegen (graphql-core < 3.3) and the client's own httpx/pydantic."""
    python = CODEGEN_VENV / "bin" / "python"
    if not (CODEGEN_VENV / "bin" / "ariadne-codegen").exists():
        run_checked([sys.executable, "-m", "venv", str(CODEGEN_VENV)], cwd=CLIENT)
        run_checked([str(python), "-m", "pip", "install", "-q", CODEGEN_REQUIREMENT], cwd=CLIENT)
    return python


def _run_client(python: Path, args: list[str], base: str) -> str:
    return run_checked(
        [str(python), *args],
        cwd=CLIENT,
        env={"MODELPLANE_URL": f"{base}/graphql", "PYTHONPATH": str(CLIENT), "MODELPLANE_TOKEN": ""},
        timeout=120,
    )


def _post(base: str, query: str, variables: dict[str, object], token: str | None = None) -> dict[str, object]:
    """The response body, with the HTTP status under "status"."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"{base}/graphql", data=json.dumps({"query": query, "variables": variables}).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    body: dict[str, object] = json.loads(raw)
    body["status"] = status
    return body


def _graphql(base: str, query: str, variables: dict[str, object], token: str | None = None) -> dict[str, object]:
    body = _post(base, query, variables, token)
    assert "errors" not in body, body
    return body["data"]  # type: ignore[return-value]


def test_generated_client_matches_schema_and_operations(client_python: Path, tmp_path: Path) -> None:
    copy = tmp_path / "clients" / "python"
    shutil.copytree(CLIENT, copy, ignore=shutil.ignore_patterns(".venv-codegen", "__pycache__", "generated"))
    (tmp_path / "schema").mkdir()
    shutil.copy(REPO / "schema" / "api.graphql", tmp_path / "schema" / "api.graphql")
    run_checked([str(client_python.parent / "ariadne-codegen")], cwd=copy)
    fresh = copy / "modelplane_client" / "generated"
    committed = CLIENT / "modelplane_client" / "generated"
    names = sorted(p.name for p in fresh.glob("*.py"))
    assert names == sorted(p.name for p in committed.glob("*.py")), "run ariadne-codegen in clients/python"
    _, mismatch, errors = filecmp.cmpfiles(fresh, committed, names, shallow=False)
    assert mismatch == [] and errors == [], f"stale generated files: {mismatch + errors}"


def test_training_script_registers_a_model_with_metrics(
    client_python: Path, modelplane: str, tmp_path: Path
) -> None:
    output = run_checked(
        [str(client_python), "examples/train_and_register.py", "linear-demo", "v1"],
        cwd=CLIENT,
        env={"MODELPLANE_URL": f"{modelplane}/graphql", "PYTHONPATH": str(CLIENT),
             "MODEL_OUTPUT_DIR": str(tmp_path)},
        timeout=120,
    )
    printed = json.loads(output.strip().splitlines()[-1])
    data = _graphql(
        modelplane,
        "query ($id: ID) { modelVersion(id: $id) { name author registeredModel { name } "
        "customProperties { name type intValue stringValue isLabel } "
        "artifacts { nodes { __typename name uri ... on Metric { value } } } } }",
        {"id": printed["version_id"]},
    )
    version = data["modelVersion"]
    assert isinstance(version, dict)
    assert version["registeredModel"] == {"name": "linear-demo"}
    assert version["author"] == "train_and_register.py"
    properties = {p["name"]: p for p in version["customProperties"]}
    assert properties["demo"]["isLabel"] is True
    assert properties["epochs"]["type"] == "INT" and properties["epochs"]["intValue"] == "1"
    metrics = {a["name"]: a["value"] for a in version["artifacts"]["nodes"] if a["__typename"] == "Metric"}
    assert metrics["mse"] == pytest.approx(printed["mse"])
    assert metrics["slope"] == pytest.approx(2.0, abs=0.05)
    model_uri = next(a["uri"] for a in version["artifacts"]["nodes"] if a["__typename"] == "ModelArtifact")
    assert model_uri == (tmp_path / "model.json").as_uri()


def test_lookup_deploy_and_errors_through_the_convenience_layer(client_python: Path, modelplane: str) -> None:
    _run_client(client_python, ["examples/train_and_register.py", "probe-model", "v1"], modelplane)
    outcome = json.loads(
        _run_client(client_python, [str(REPO / "tests" / "web" / "client_probe.py"), "probe-model"], modelplane)
        .strip().splitlines()[-1]
    )
    assert outcome["version"]["name"] == "v1"
    assert outcome["by_id"]["id"] == outcome["version"]["id"]
    assert outcome["missing"] is True
    assert outcome["conflict"]["code"] == "CONFLICT"
    deployed = outcome["deployed"]
    assert deployed["name"] == "linear-demo-ci" and deployed["environmentName"] == "ci-staging"
    assert deployed["applied"] is False and deployed["status"]["state"] == "NOT_APPLIED"
    assert "kind: InferenceService" in deployed["manifest"]
    services = _graphql(modelplane, "{ inferenceServices { name modelVersion { id } } }", {})
    listed = services["inferenceServices"]
    assert isinstance(listed, list)
    assert {"name": "linear-demo-ci", "modelVersion": {"id": outcome["version"]["id"]}} in listed


def test_submit_for_approval_through_the_convenience_layer(
    client_python: Path, governed_modelplane: GovernedModelplane
) -> None:
    base, tokens = governed_modelplane.base, governed_modelplane.tokens
    output = run_checked(
        [str(client_python), str(REPO / "tests" / "web" / "client_submit_probe.py"), "submitted-model", tokens["bob"]],
        cwd=CLIENT,
        env={"MODELPLANE_URL": f"{base}/graphql", "PYTHONPATH": str(CLIENT), "MODELPLANE_TOKEN": tokens["alice"]},
        timeout=120,
    )
    outcome = json.loads(output.strip().splitlines()[-1])
    first = outcome["first"]
    assert first["stage"] == "SUBMITTED" and first["target"] == "APPROVED_STAGING"
    assert first["request"]["actor"] == "alice" and first["request"]["decision"] == "REQUESTED"
    assert first["request"]["comment"] == "ready for review"
    assert first["request"]["modelVersionId"] == outcome["version_id"]
    assert outcome["again"]["stage"] == "SUBMITTED"
    assert outcome["missing"]["code"] == "NOT_FOUND"
    # bob approves but may not write to the registry: asking for approval is refused.
    assert outcome["approver"]["code"] == "FORBIDDEN"
    # The approvals inbox, as bob sees it, holds alice's newest request; the older one is closed.
    inbox = _graphql(
        base,
        "query { approvalRequests(state: null) { nodes { id modelVersionId requestedBy state } } }",
        {},
        token=tokens["bob"],
    )
    nodes = inbox["approvalRequests"]["nodes"]  # type: ignore[index]
    mine = [n for n in nodes if n["modelVersionId"] == outcome["version_id"]]
    assert [(n["id"], n["state"]) for n in mine] == [
        (first["request"]["id"], "CLOSED"),
        (outcome["again"]["request_id"], "OPEN"),
    ]
    assert {n["requestedBy"] for n in mine} == {"alice"}
    # The transition is recorded with the submitter and the comment as its reason.
    version = _graphql(
        base,
        "query ($id: ID) { modelVersion(id: $id) { stage transitions { toStage actor reason } } }",
        {"id": outcome["version_id"]},
        token=tokens["alice"],
    )["modelVersion"]
    assert version == {
        "stage": "SUBMITTED",
        "transitions": [{"toStage": "SUBMITTED", "actor": "alice", "reason": "ready for review"}],
    }


def test_me_needs_only_a_valid_token(governed_modelplane: GovernedModelplane) -> None:
    base, tokens = governed_modelplane.base, governed_modelplane.tokens
    # vic has no roles, so no scopes: `me` still answers, the registry does not.
    me = _graphql(base, "{ me { user tenant roles scopes groups } }", {}, token=tokens["vic"])
    assert me == {"me": {"user": "vic", "tenant": "default", "roles": [], "scopes": [], "groups": []}}
    bob = _graphql(base, "{ me { user roles scopes } }", {}, token=tokens["bob"])["me"]
    assert bob["user"] == "bob" and bob["roles"] == ["approver"]  # type: ignore[index]
    assert "governance:approve" in bob["scopes"]  # type: ignore[index]
    refused = _post(base, "{ registeredModels { totalCount } }", {}, token=tokens["vic"])
    errors = refused["errors"]
    assert isinstance(errors, list)
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    anonymous = _post(base, "{ me { user } }", {})
    assert anonymous["status"] == 401
