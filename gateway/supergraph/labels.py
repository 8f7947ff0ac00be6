"""Progressive @override labels: which are on for every request, which are drawn per request."""

from __future__ import annotations

import re
from collections.abc import Iterable

from gateway.supergraph.model import Supergraph

__all__ = ["percent_of", "with_override_labels"]


def with_override_labels(
    supergraph: Supergraph, turned_on: Iterable[str] = ()
) -> tuple[Supergraph, dict[str, float]]:
    """The supergraph with the labels that are on for every request (those turned on, and
    percent(100)), and the percentages of those drawn per request (percent(0) never is)."""
    known = supergraph.override_labels
    static = set(turned_on) & known
    drawn: dict[str, float] = {}
    for label in sorted(known - static):
        share = percent_of(label)
        if share is None or share <= 0:
            continue
        if share >= 100:
            static.add(label)
        else:
            drawn[label] = share
    if static:
        supergraph = supergraph.with_labels(frozenset(static))
    return supergraph, drawn


def percent_of(label: str) -> float | None:
    """`percent(25)` → 25.0; None for a label that is not a percentage (a feature flag)."""
    match = _PERCENT.fullmatch(label.strip())
    if match is None:
        return None
    share = float(match.group(1))
    return share if 0 <= share <= 100 else None


_PERCENT = re.compile(r"percent\(\s*(\d+(?:\.\d+)?)\s*\)")
