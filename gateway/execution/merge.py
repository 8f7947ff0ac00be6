"""Finds the objects an entity fetch targets, builds representations, and merges results in."""

from __future__ import annotations

from typing import Any

import orjson

from gateway.planning.selection import Selection


def collect_targets(
    data: Any, path: tuple[str, ...], response_path: list[str | int] | None = None
) -> list[tuple[dict[str, Any], list[str | int]]]:
    """Every object at `path` ("@" flattens a list level), with its concrete response path."""
    results: list[tuple[dict[str, Any], list[str | int]]] = []
    _walk(data, path, 0, response_path or [], results)
    return results


def _walk(
    value: Any,
    path: tuple[str, ...],
    index: int,
    current: list[str | int],
    out: list[tuple[dict[str, Any], list[str | int]]],
) -> None:
    if value is None:
        return
    if index == len(path):
        if isinstance(value, dict):
            out.append((value, current))
        elif isinstance(value, list):
            for position, item in enumerate(value):
                _walk(item, path, index, [*current, position], out)
        return
    step = path[index]
    if step == "@":
        if isinstance(value, list):
            for position, item in enumerate(value):
                _walk(item, path, index + 1, [*current, position], out)
        return
    if isinstance(value, dict):
        _walk(value.get(step), path, index + 1, [*current, step], out)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _walk(item, path, index, [*current, position], out)


_MISSING = object()


def project(value: Any, selection: Selection) -> Any:
    """`value` cut down to `selection`; _MISSING when a selected field is absent."""
    if value is None:
        return None
    if isinstance(value, list):
        items = [project(item, selection) for item in value]
        return _MISSING if any(item is _MISSING for item in items) else items
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, sub in selection.fields.items():
        source = sub.source_key or key
        if source not in value:
            return _MISSING
        inner = value[source]
        if sub.selection is not None:
            inner = project(inner, sub.selection)
            if inner is _MISSING:
                return _MISSING
        out[key] = inner
    typename = value.get("__typename")
    for type_name, fragment in selection.fragments.items():
        if typename == type_name:
            part = project(value, fragment)
            if part is _MISSING:
                return _MISSING
            out.update(part)
    return out


def representation(obj: dict[str, Any], requires: Selection) -> dict[str, Any] | None:
    typename = obj.get("__typename")
    fragment = requires.fragments.get(typename) if isinstance(typename, str) else None
    if fragment is None:
        return None
    result = project(obj, fragment)
    if result is _MISSING or result is None:
        return None
    if fragment.as_type is not None:
        result["__typename"] = fragment.as_type
    return result  # type: ignore[no-any-return]


def deep_merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        existing = target.get(key)
        if isinstance(existing, dict) and isinstance(value, dict):
            deep_merge(existing, value)
        elif isinstance(existing, list) and isinstance(value, list) and len(existing) == len(value):
            for index, item in enumerate(value):
                current = existing[index]
                if isinstance(current, dict) and isinstance(item, dict):
                    deep_merge(current, item)
                else:
                    existing[index] = item
        else:
            target[key] = value


def compile_collector(path: tuple[str, ...]) -> Any:
    """Generated nested loops that append every object at `path` (no response paths)."""
    lines = ["def collect(data, out):", "    v0 = data"]
    depth = 0
    indent = "    "
    for step in path:
        source = f"v{depth}"
        depth += 1
        if step == "@":
            lines.append(f"{indent}if {source}.__class__ is not list:")
            lines.append(f"{indent}    return")
            lines.append(f"{indent}for v{depth} in {source}:")
            indent += "    "
            lines.append(f"{indent}if v{depth} is None:")
            lines.append(f"{indent}    continue")
        else:
            lines.append(f"{indent}if {source}.__class__ is not dict:")
            lines.append(f"{indent}    {'continue' if indent != '    ' else 'return'}")
            lines.append(f"{indent}v{depth} = {source}.get({step!r})")
            lines.append(f"{indent}if v{depth} is None:")
            lines.append(f"{indent}    {'continue' if indent != '    ' else 'return'}")
    last = f"v{depth}"
    lines.append(f"{indent}if {last}.__class__ is dict:")
    lines.append(f"{indent}    out.append({last})")
    lines.append(f"{indent}elif {last}.__class__ is list:")
    lines.append(f"{indent}    out.extend(collect_objects({last}, ()))")
    namespace: dict[str, Any] = {"collect_objects": collect_objects}
    exec(compile("\n".join(lines), "<collector>", "exec"), namespace)
    return namespace["collect"]


def collect_objects(data: Any, path: tuple[str, ...]) -> list[dict[str, Any]]:
    """The objects at `path`, without their response paths (the fast, common case)."""
    current: list[Any] = [data]
    for step in path:
        following: list[Any] = []
        if step == "@":
            for value in current:
                if value.__class__ is list:
                    following.extend(value)
        else:
            for value in current:
                if value.__class__ is dict:
                    inner = value.get(step)
                    if inner is not None:
                        following.append(inner)
        current = following
    result: list[dict[str, Any]] = []
    for value in current:
        if value.__class__ is dict:
            result.append(value)
        elif value.__class__ is list:
            result.extend(o for o, _ in collect_targets(value, ()))
    return result


Representer = Any  # Callable[[dict], tuple[Hashable, dict] | None]


def representation_plan(type_name: str, fragment: Selection) -> tuple[str, tuple[tuple[str, str], ...]]:
    """For a flat representation: the `__typename` it is sent as, and each of its fields
    with where the object holds the value (the key in the representation, the source key)."""
    fields = tuple(
        (key, sub.source_key or key) for key, sub in fragment.fields.items() if key != "__typename"
    )
    return fragment.as_type or type_name, fields


def compile_representer(requires: Selection) -> Representer:
    """A function giving an object's representation and a hashable key to deduplicate it."""
    flat = {
        type_name: fragment
        for type_name, fragment in requires.fragments.items()
        if not fragment.fragments
        and all(sub.selection is None for sub in fragment.fields.values())
    }
    if len(flat) != len(requires.fragments):
        return _generic_representer(requires)
    plans = {type_name: representation_plan(type_name, fragment) for type_name, fragment in flat.items()}

    def represent(obj: dict[str, Any]) -> tuple[Any, dict[str, Any]] | None:
        plan = plans.get(obj.get("__typename"))  # type: ignore[arg-type]
        if plan is None:
            return None
        as_type, fields = plan
        result = {"__typename": as_type}
        try:
            for key, source in fields:
                result[key] = obj[source]
        except KeyError:
            return None
        identity: Any
        try:
            identity = tuple(result.values())
            hash(identity)
        except TypeError:
            identity = orjson.dumps(result, option=orjson.OPT_SORT_KEYS)
        return identity, result

    return represent


def _generic_representer(requires: Selection) -> Representer:
    def represent(obj: dict[str, Any]) -> tuple[Any, dict[str, Any]] | None:
        result = representation(obj, requires)
        if result is None:
            return None
        return orjson.dumps(result, option=orjson.OPT_SORT_KEYS), result

    return represent


def compile_entity_batch(requires: Selection, selection: Selection | None) -> Any:
    """Generated code for one entity fetch: representations with deduplication, and the merge
    of the answers back into their objects; None when the representation is not flat."""
    types = requires.fragments
    if any(
        fragment.fragments or any(sub.selection is not None for sub in fragment.fields.values())
        for fragment in types.values()
    ):
        return None
    lines = [
        "def build(candidates):",
        "    reps = []",
        "    seen = {}",
        "    objs = []",
        "    ixs = []",
        "    for o in candidates:",
        "        t = o.get('__typename')",
    ]
    keyword = "if"
    for type_name, fragment in types.items():
        fields = [
            (key, sub.source_key or key) for key, sub in fragment.fields.items() if key != "__typename"
        ]
        lines.append(f"        {keyword} t == {type_name!r}:")
        keyword = "elif"
        for position, (_, source) in enumerate(fields):
            lines.append(f"            k{position} = o.get({source!r}, M)")
            lines.append(f"            if k{position} is M:")
            lines.append("                continue")
        values = "".join(f", k{p}" for p in range(len(fields)))
        lines.append(f"            identity = ({type_name!r}{values})")
        lines.append("            i = seen.get(identity)")
        lines.append("            if i is None:")
        lines.append("                i = seen[identity] = len(reps)")
        rep_entries = ", ".join(
            [f"'__typename': {(fragment.as_type or type_name)!r}"]
            + [f"{key!r}: k{p}" for p, (key, _) in enumerate(fields)]
        )
        lines.append(f"                reps.append({{{rep_entries}}})")
        lines.append("            objs.append(o)")
        lines.append("            ixs.append(i)")
    lines.append("    return reps, objs, ixs")
    composite = sorted(
        {
            key
            for fragment in (selection.fragments.values() if selection is not None else ())
            for key, sub in fragment.fields.items()
            if sub.selection is not None
        }
    )
    lines += [
        "",
        "def merge(objs, ixs, entities):",
        "    n = len(entities)",
        "    for o, i in zip(objs, ixs):",
        "        if i < n:",
        "            e = entities[i]",
        "            if e.__class__ is dict:",
    ]
    if composite:
        test = " or ".join(f"{key!r} in o" for key in composite)
        lines += [
            f"                if {test}:",
            "                    deep_merge(o, e)",
            "                else:",
            "                    o.update(e)",
        ]
    else:
        lines.append("                o.update(e)")
    namespace: dict[str, Any] = {"M": _MISSING, "deep_merge": deep_merge}
    exec(compile("\n".join(lines), "<entity batch>", "exec"), namespace)
    return namespace["build"], namespace["merge"]
