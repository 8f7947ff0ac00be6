"""Every audit case's query plan, pretty-printed, against its committed snapshot.

The snapshots (`<case>.plan.txt` beside each case) make planner changes reviewable: a
change that adds a fetch or reorders work shows up as a diff. Regenerate them with
MODELPLANE_UPDATE_SNAPSHOTS=1 and read the diff before committing.
"""

from __future__ import annotations

import os

import pytest

from gateway.planning.command import render_plan
from gateway.supergraph import parse_supergraph
from gateway.supergraph.labels import with_override_labels
from tests.gateway.harness.suite import Case, Suite, list_suites

CASES: list[tuple[Suite, Case]] = [(s, c) for s in list_suites() for c in s.cases()]
UPDATE = os.environ.get("MODELPLANE_UPDATE_SNAPSHOTS") == "1"
_SUPERGRAPHS: dict[str, object] = {}


def supergraph_of(suite: Suite) -> object:
    """The suite's supergraph as its gateway plans by default: with the override labels
    that are on for every request (gateway_options, percent(100))."""
    if suite.name not in _SUPERGRAPHS:
        supergraph = parse_supergraph(suite.supergraph_path.read_text())
        labels = suite.gateway_options.get("override_labels", ())
        _SUPERGRAPHS[suite.name] = with_override_labels(supergraph, labels)[0]
    return _SUPERGRAPHS[suite.name]


@pytest.mark.parametrize(("suite", "case"), CASES, ids=[f"{s.name}/{c.name}" for s, c in CASES])
def test_plan_matches_snapshot(suite: Suite, case: Case) -> None:
    plan = render_plan(supergraph_of(suite), case.query, None) + "\n"
    snapshot = case.directory / f"{case.name}.plan.txt"
    if UPDATE or not snapshot.exists():
        snapshot.write_text(plan)
        if not UPDATE:
            pytest.fail(f"wrote a new snapshot {snapshot.name}; review and commit it")
    assert plan == snapshot.read_text(), f"plan changed for {suite.name}/{case.name}"


def test_every_case_has_a_snapshot() -> None:
    assert len(CASES) >= 150
    missing = [f"{s.name}/{c.name}" for s, c in CASES if not (c.directory / f"{c.name}.plan.txt").exists()]
    assert not missing
