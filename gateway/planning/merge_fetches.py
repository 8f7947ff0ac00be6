"""Optimisation pass: entity fetches to one subgraph at one plan stage become one request.

Fetches at the same stage never depend on each other, so the representations of all their
paths can travel in one `_entities` call; their selections are merged per entity type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import print_ast

from gateway.planning.fetch_graph import FetchBuilder
from gateway.planning.selection import Selection, SubField


@dataclass(slots=True, eq=False)
class FetchGroup:
    """One subgraph request: one fetch, or several same-stage entity fetches merged."""

    members: list[FetchBuilder]
    stage: int
    selection: Selection = field(default_factory=Selection)
    requires: Selection = field(default_factory=Selection)

    @property
    def first(self) -> FetchBuilder:
        return self.members[0]

    @property
    def paths(self) -> tuple[tuple[str, ...], ...]:
        seen: list[tuple[str, ...]] = []
        for member in self.members:
            if member.path not in seen:
                seen.append(member.path)
        return tuple(seen)


def assign_stages(fetches: list[FetchBuilder]) -> dict[int, int]:
    """The stage of a fetch: one more than the latest stage it depends on."""
    by_id = {f.id: f for f in fetches}
    stages: dict[int, int] = {}

    def stage_of(fetch: FetchBuilder) -> int:
        known = stages.get(fetch.id)
        if known is not None:
            return known
        stages[fetch.id] = 0  # guards against a (planner-bug) cycle
        deps = [by_id[d] for d in fetch.depends_on if d in by_id and d != fetch.id]
        result = 1 + max((stage_of(d) for d in deps), default=-1)
        stages[fetch.id] = result
        return result

    for fetch in fetches:
        stage_of(fetch)
    return stages


def group_fetches(fetches: list[FetchBuilder]) -> list[FetchGroup]:
    stages = assign_stages(fetches)
    groups: list[FetchGroup] = []
    open_groups: dict[tuple[str, int, tuple[tuple[str, bool], ...]], list[FetchGroup]] = {}
    for fetch in sorted(fetches, key=lambda f: (stages[f.id], f.id)):
        stage = stages[fetch.id]
        if not fetch.is_entity:
            groups.append(FetchGroup([fetch], stage, fetch.selection, fetch.requires))
            continue
        key = (fetch.graph, stage, fetch.condition)
        for group in open_groups.get(key, []):
            if try_merge(group, fetch):
                break
        else:
            group = FetchGroup([fetch], stage, copy_selection(fetch.selection), copy_selection(fetch.requires))
            groups.append(group)
            open_groups.setdefault(key, []).append(group)
    return groups


def try_merge(group: FetchGroup, fetch: FetchBuilder) -> bool:
    for type_name, representation in fetch.requires.fragments.items():
        existing = group.requires.fragments.get(type_name)
        if existing is not None and not same_selection(existing, representation):
            return False  # one representation per object: its fields must agree
    if not mergeable(group.selection, fetch.selection):
        return False
    merge_into(group.selection, fetch.selection)
    merge_into(group.requires, fetch.requires)
    group.members.append(fetch)
    return True


def _signature(sub: SubField) -> tuple[str, str, str, str | None]:
    node = sub.node
    arguments = "" if node is None else ",".join(print_ast(a) for a in node.arguments or ())
    directives = "" if node is None else " ".join(print_ast(d) for d in node.directives or ())
    return (sub.name, arguments, directives + repr(sub.condition), sub.output_key)


def mergeable(a: Selection, b: Selection) -> bool:
    for key, sub in b.fields.items():
        other = a.fields.get(key)
        if other is None:
            continue
        if _signature(other) != _signature(sub) or other.source_key != sub.source_key:
            return False
        if (other.selection is None) != (sub.selection is None):
            return False
        if (
            other.selection is not None
            and sub.selection is not None
            and not mergeable(other.selection, sub.selection)
        ):
            return False
    for type_name, fragment in b.fragments.items():
        other_fragment = a.fragments.get(type_name)
        if other_fragment is not None and (
            other_fragment.as_type != fragment.as_type or not mergeable(other_fragment, fragment)
        ):
            return False
    return True


def merge_into(a: Selection, b: Selection) -> None:
    for key, sub in b.fields.items():
        other = a.fields.get(key)
        if other is None:
            a.fields[key] = copy_field(sub)
        elif sub.selection is not None and other.selection is not None:
            merge_into(other.selection, sub.selection)
    for type_name, fragment in b.fragments.items():
        other_fragment = a.fragments.get(type_name)
        if other_fragment is None:
            a.fragments[type_name] = copy_selection(fragment)
        else:
            merge_into(other_fragment, fragment)


def same_selection(a: Selection, b: Selection) -> bool:
    return mergeable(a, b) and mergeable(b, a) and _keys(a) == _keys(b)


def _keys(selection: Selection) -> tuple[object, ...]:
    return (
        tuple(sorted((k, _keys(s.selection) if s.selection else ()) for k, s in selection.fields.items())),
        tuple(sorted((t, _keys(f)) for t, f in selection.fragments.items())),
    )


def copy_field(sub: SubField) -> SubField:
    return SubField(
        sub.response_key, sub.name, sub.node, sub.condition,
        copy_selection(sub.selection) if sub.selection is not None else None,
        sub.source_key, sub.type_repr, sub.output_key,
    )


def copy_selection(selection: Selection) -> Selection:
    return Selection(
        {k: copy_field(s) for k, s in selection.fields.items()},
        {t: copy_selection(f) for t, f in selection.fragments.items()},
        selection.as_type,
    )
