"""Governance in the browser: two people take a version from DRAFT to APPROVED_PROD and read
the audit trail, against a real standalone Modelplane that needs API tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.conftest import GovernedModelplane
from tests.web.toolchain import run_checked, screenshots_dir

SCENARIOS = {"governance-draft-to-approved-prod", "governance-audit-paging"}
PAGES = {"settings-identity", "approvals-inbox", "version-governance", "version-approved-prod", "audit-trail"}


@pytest.mark.timeout(1200)
def test_two_people_take_a_version_to_approved_prod(
    web_dist: Path, governed_modelplane: GovernedModelplane, chromium: Path, tmp_path: Path
) -> None:
    report = tmp_path / "e2e-governance.json"
    shots = screenshots_dir(tmp_path)
    tokens = governed_modelplane.tokens
    output = run_checked(
        ["node", "e2e/run.mjs"],
        timeout=600,
        env={
            "BASE_URL": governed_modelplane.base,
            "CHROMIUM_PATH": str(chromium),
            "SCREENSHOTS_DIR": str(shots),
            "E2E_REPORT": str(report),
            "E2E_SUITE": "governance",
            "E2E_TOKENS": json.dumps({"alice": tokens["alice"], "bob": tokens["bob"]}),
        },
    )
    results = json.loads(report.read_text())
    assert {r["name"] for r in results["results"] if r["ok"]} == SCENARIOS, output
    # axe-core ran on every new page and found nothing serious or critical.
    assert set(results["accessibility"]) == PAGES
    assert all(violations == [] for violations in results["accessibility"].values())
    for page in PAGES:
        assert (shots / f"{page}.png").stat().st_size > 10_000
