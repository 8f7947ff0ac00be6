"""The lifecycle stages of a model version and the legal moves between them."""

from __future__ import annotations

import enum

import strawberry

from common.errors import BadUserInput, FailedPrecondition


@strawberry.enum(name="ModelVersionStage")
class Stage(enum.StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"
    APPROVED_STAGING = "APPROVED_STAGING"
    STAGING = "STAGING"
    APPROVED_PROD = "APPROVED_PROD"
    PRODUCTION = "PRODUCTION"
    DEPRECATED = "DEPRECATED"
    RETIRED = "RETIRED"


TRANSITIONS: dict[Stage, tuple[Stage, ...]] = {
    Stage.DRAFT: (Stage.SUBMITTED, Stage.RETIRED),
    Stage.SUBMITTED: (Stage.CHANGES_REQUESTED, Stage.APPROVED_STAGING, Stage.RETIRED),
    Stage.CHANGES_REQUESTED: (Stage.SUBMITTED, Stage.RETIRED),
    Stage.APPROVED_STAGING: (Stage.STAGING, Stage.CHANGES_REQUESTED, Stage.RETIRED),
    Stage.STAGING: (Stage.APPROVED_PROD, Stage.CHANGES_REQUESTED, Stage.DEPRECATED),
    Stage.APPROVED_PROD: (Stage.PRODUCTION, Stage.CHANGES_REQUESTED, Stage.DEPRECATED),
    Stage.PRODUCTION: (Stage.DEPRECATED,),
    Stage.DEPRECATED: (Stage.RETIRED, Stage.PRODUCTION),
    Stage.RETIRED: (),
}

APPROVAL_STAGES = (Stage.APPROVED_STAGING, Stage.APPROVED_PROD)


def parse_stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        allowed = ", ".join(stage.value for stage in Stage)
        raise BadUserInput(f"unknown stage {value!r}; stages are {allowed}") from None


def check_transition(current: Stage, target: Stage) -> None:
    """Raises FailedPrecondition naming the allowed next stages when the move is illegal."""
    allowed = TRANSITIONS[current]
    if target in allowed:
        return
    names = ", ".join(stage.value for stage in allowed) or "none (final stage)"
    raise FailedPrecondition(
        f"cannot move a version from {current.value} to {target.value}; allowed next stages: {names}",
        allowedStages=[stage.value for stage in allowed],
    )
