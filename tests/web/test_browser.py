"""End-to-end journeys in headless Chromium against a real standalone Modelplane."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.toolchain import run_checked, screenshots_dir

SCENARIOS = {"registry", "catalog", "deployments", "settings", "graphiql"}
PAGES = {
    "register-form", "registry-version", "registry-list", "registry-model",
    "catalog", "catalog-model", "deployments", "settings", "graphiql",
}


@pytest.mark.timeout(1200)
def test_user_journeys_in_chromium(
    web_dist: Path, modelplane: str, chromium: Path, tmp_path: Path
) -> None:
    report = tmp_path / "e2e.json"
    shots = screenshots_dir(tmp_path)
    output = run_checked(
        ["node", "e2e/run.mjs"],
        timeout=600,
        env={
            "BASE_URL": modelplane,
            "CHROMIUM_PATH": str(chromium),
            "SCREENSHOTS_DIR": str(shots),
            "E2E_REPORT": str(report),
        },
    )
    results = json.loads(report.read_text())
    assert {r["name"] for r in results["results"] if r["ok"]} == SCENARIOS, output
    # axe-core ran on every page of ours (GraphiQL is the vendor's page) and found nothing serious.
    assert set(results["accessibility"]) == PAGES - {"graphiql"}
    assert all(violations == [] for violations in results["accessibility"].values())
    for page in PAGES:
        assert (shots / f"{page}.png").stat().st_size > 10_000
