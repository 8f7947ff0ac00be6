"""Model name patterns: include/exclude globs and the HuggingFace `org/model` patterns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


def compile_glob(pattern: str) -> re.Pattern[str]:
    """`*` matches any run of characters; the match is case-insensitive and whole-name."""
    body = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.compile(body + r"\Z", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class NameFilter:
    """Includes then excludes; an exclude always beats an include."""

    included: tuple[re.Pattern[str], ...]
    excluded: tuple[re.Pattern[str], ...]

    @classmethod
    def from_globs(cls, included: Sequence[str], excluded: Sequence[str]) -> NameFilter:
        return cls(
            tuple(compile_glob(p) for p in included), tuple(compile_glob(p) for p in excluded)
        )

    def admits(self, name: str) -> bool:
        if self.included and not any(p.match(name) for p in self.included):
            return False
        return not any(p.match(name) for p in self.excluded)


@dataclass(frozen=True, slots=True)
class HubPattern:
    """`org/model` (exact), `org/*` (the whole organisation) or `org/prefix*`."""

    organization: str
    model: str  # without the trailing `*` for a prefix pattern
    wildcard: bool

    @property
    def exact_id(self) -> str:
        return f"{self.organization}/{self.model}"

    def matches(self, model_id: str) -> bool:
        org, _, name = model_id.partition("/")
        if org.lower() != self.organization.lower():
            return False
        if self.wildcard:
            return name.lower().startswith(self.model.lower())
        return name.lower() == self.model.lower()

    def __str__(self) -> str:
        return f"{self.organization}/{self.model}{'*' if self.wildcard else ''}"


def parse_hub_pattern(pattern: str, allowed_organization: str | None = None) -> HubPattern:
    """Parse one pattern; raises ValueError with the reason for a pattern the Hub cannot serve."""
    text = pattern.strip()
    if "/" not in text:
        if allowed_organization is None or not text.strip("*"):
            raise ValueError(f"{pattern!r} must be 'org/model', 'org/*' or 'org/prefix*'")
        text = f"{allowed_organization}/{text}"
    organization, _, model = text.partition("/")
    if not organization or "*" in organization:
        raise ValueError(f"{pattern!r}: the organisation must be named, without wildcards")
    if "/" in model or not model:
        raise ValueError(f"{pattern!r} must be 'org/model', 'org/*' or 'org/prefix*'")
    if allowed_organization is not None and organization.lower() != allowed_organization.lower():
        raise ValueError(
            f"{pattern!r} is outside the allowed organisation {allowed_organization!r}"
        )
    if "*" in model.rstrip("*") or model.count("*") > 1:
        raise ValueError(f"{pattern!r}: only one trailing '*' is allowed")
    wildcard = model.endswith("*")
    return HubPattern(organization, model.rstrip("*"), wildcard)
