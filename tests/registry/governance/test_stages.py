"""The transition table itself: every ordered pair of stages is either legal or refused."""

from __future__ import annotations

import itertools

import pytest

from common.errors import FailedPrecondition
from subgraphs.registry.governance.stages import TRANSITIONS, Stage, check_transition

# The lifecycle as the issue states it, written out independently of TRANSITIONS.
LEGAL = {
    ("DRAFT", "SUBMITTED"),
    ("DRAFT", "RETIRED"),
    ("SUBMITTED", "CHANGES_REQUESTED"),
    ("SUBMITTED", "APPROVED_STAGING"),
    ("SUBMITTED", "RETIRED"),
    ("CHANGES_REQUESTED", "SUBMITTED"),
    ("CHANGES_REQUESTED", "RETIRED"),
    ("APPROVED_STAGING", "STAGING"),
    ("APPROVED_STAGING", "CHANGES_REQUESTED"),
    ("APPROVED_STAGING", "RETIRED"),
    ("STAGING", "APPROVED_PROD"),
    ("STAGING", "CHANGES_REQUESTED"),
    ("STAGING", "DEPRECATED"),
    ("APPROVED_PROD", "PRODUCTION"),
    ("APPROVED_PROD", "CHANGES_REQUESTED"),
    ("APPROVED_PROD", "DEPRECATED"),
    ("PRODUCTION", "DEPRECATED"),
    ("DEPRECATED", "PRODUCTION"),
    ("DEPRECATED", "RETIRED"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Stage, Stage)))
def test_every_pair_is_legal_or_refused_with_the_allowed_stages(
    current: Stage, target: Stage
) -> None:
    if (current.value, target.value) in LEGAL:
        check_transition(current, target)
        return
    with pytest.raises(FailedPrecondition) as refused:
        check_transition(current, target)
    allowed = refused.value.extensions()["allowedStages"]
    assert allowed == [stage.value for stage in TRANSITIONS[current]]
    assert refused.value.extensions()["code"] == "FAILED_PRECONDITION"
    for name in allowed:
        assert name in refused.value.message


def test_retired_is_final() -> None:
    assert TRANSITIONS[Stage.RETIRED] == ()
