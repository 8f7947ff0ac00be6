"""Typed execution: subgraph answers decoded straight into the client's shape.

For a plan whose operation the msgspec shape types can express (concrete types, no
conditions: see struct_shape.py) and whose fetches map cleanly onto it, this module
generates, once per plan:

- a Struct type per position of the client's selection (`users.@.reviews.@`), with the
  client's fields in the client's order under their response keys, plus the key and
  @requires fields later fetches need there ("hidden": they are reset to UNSET, and so
  left out of the response, once execution ends);
- a decoder per fetch that reads the subgraph's JSON directly into those types (fields
  it did not ask for are skipped by the decoder; the fields it did ask for are required
  and type-checked, so a missing field or a null in a non-null position fails decoding);
- per entity fetch, code that collects the target objects by attribute, builds the
  representations (deduplicated, in the same order and form as the dict executor), and
  sets the entity's fields on each target.

The response is then one `msgspec.json.encode` of the root object: no merged dict tree,
no projection pass.

Anything the types cannot take — a subgraph error, a transport failure, a null entity, a
decoding failure, a missing key — raises `TypedFallback`. Every subgraph answer received
so far is recorded, and the caller runs the dict executor with those answers replayed,
so the request gets the general path's exact semantics (partial data, null propagation,
error paths) without asking any subgraph twice.
"""

from __future__ import annotations

import asyncio
import itertools
import keyword
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

import msgspec
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
)

from gateway.execution.executor import ExecutionState, PlanExecutor, SentFetch
from gateway.execution.merge import representation_plan
from gateway.execution.struct_shape import leaf_annotation, strip_none
from gateway.execution.transport import SubgraphTransportError
from gateway.planning.fetch_graph import list_depth
from gateway.planning.operation import Field
from gateway.planning.plan import Fetch, Flatten, Parallel, PlanNode, QueryPlan, Sequence
from gateway.planning.selection import Selection

UNSET = msgspec.UNSET
UnsetType = msgspec.UnsetType
_names = itertools.count()
log = logging.getLogger("modelplane.gateway")
ENCODE = msgspec.json.Encoder().encode


class NotTyped(Exception):
    """The plan needs what only the dict executor does."""


class TypedFallback(Exception):
    """This request met something only the dict executor handles."""


@dataclass(eq=False)
class _Position:
    path: tuple[str, ...]
    type_name: str
    fields: list[Field]
    by_key: dict[str, Field]
    children: dict[str, _Position] = field(default_factory=dict)
    hidden: dict[str, None] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    keyed: set[str] = field(default_factory=set)  # read into representations (keys, @requires)
    cls: Any = None


def _position(fields: list[Field], type_name: str, path: tuple[str, ...], index: dict[tuple[str, ...], _Position]) -> _Position:
    by_key: dict[str, Field] = {}
    for item in fields:
        if item.condition or item.alternatives or item.response_key in by_key:
            raise NotTyped("conditional or repeated field")
        by_key[item.response_key] = item
    position = _Position(path, type_name, fields, by_key)
    index[path] = position
    for item in fields:
        if item.selections is None:
            continue
        if len(item.selections) != 1:
            raise NotTyped("abstract selection")
        (concrete, sub), = item.selections.items()
        assert item.type is not None
        child_path = path + (item.response_key,) + ("@",) * list_depth(item.type)
        position.children[item.response_key] = _position(sub, concrete, child_path, index)
    return position


class _Compiler:
    def __init__(self, plan: QueryPlan, fields: list[Field], root_type: str,
                 abstract: frozenset[str], restricted: dict[str, frozenset[str]]) -> None:
        self.plan = plan
        self.abstract = abstract
        self.restricted = restricted
        self.positions: dict[tuple[str, ...], _Position] = {}
        self.root = _position(fields, root_type, (), self.positions)
        self.fetches: list[Fetch] = []
        self.providers: dict[tuple[tuple[str, ...], str], int] = {}
        self.before: dict[int, frozenset[int]] = {}
        self.stable: dict[int, set[tuple[str, ...]]] = {}  # entity fetch id -> its settled paths
        self.shared: dict[tuple[str, ...], Callable[[Any, list[Any]], None]] = {}

    # ---- mapping every fetch's selection onto the positions ---------------------------
    def walk(self, node: PlanNode | None) -> None:
        if node is None:
            return
        if isinstance(node, Fetch):
            if node.requires is not None or node.path:
                raise NotTyped("entity fetch outside a Flatten")
            self.map_root(node)
        elif isinstance(node, Flatten):
            self.map_entity(node.node)
        elif isinstance(node, (Sequence, Parallel)):
            for child in node.nodes:
                self.walk(child)
        else:
            raise NotTyped("condition node")

    def map_root(self, fetch: Fetch) -> None:
        if fetch.renamed or fetch.selection is None or fetch.selection.fragments:
            raise NotTyped("renamed or fragmentary root fetch")
        self.fetches.append(fetch)
        for key in fetch.selection.fields:
            if key == "__typename" or key not in self.root.by_key:
                raise NotTyped("root field the client did not select")
        self.map_fields(fetch.selection, self.root, fetch.id, creating=False)

    def map_entity(self, fetch: Fetch) -> None:
        if fetch.renamed or fetch.selection is None or fetch.requires is None:
            raise NotTyped("renamed entity fetch")
        self.fetches.append(fetch)
        for path in fetch.paths or (fetch.path,):
            position = self.positions.get(path)
            if position is None:
                raise NotTyped("entity path outside the client's selection")
            fragment = fetch.selection.fragments.get(position.type_name)
            requires = fetch.requires.fragments.get(position.type_name)
            if fragment is None or requires is None or (fragment.fields and fragment.fragments):
                raise NotTyped("entity type not served")
            if requires.fragments or any(s.selection is not None for s in requires.fields.values()):
                raise NotTyped("nested representation")
            for key, sub in requires.fields.items():
                if key == "__typename":
                    continue
                attribute = sub.source_key or key
                if attribute not in position.by_key and attribute not in position.hidden:
                    raise NotTyped("key field not fetched before")
                position.keyed.add(attribute)
            self.map_fields(fragment, position, fetch.id, creating=False)

    def map_fields(self, selection: Selection, position: _Position, fetch_id: int, *, creating: bool) -> None:
        if selection.fragments:
            raise NotTyped("fragment inside a fetch")
        for key, sub in selection.fields.items():
            if sub.output_key is not None or sub.source_key is not None:
                raise NotTyped("aliased field")
            if key == "__typename":
                continue
            client = position.by_key.get(key)
            if client is None:
                if sub.selection is not None:
                    raise NotTyped("hidden composite field")
                position.hidden[key] = None
                if creating:
                    position.required.add(key)
                continue
            if client.name != sub.name:
                raise NotTyped("response key used for another field")
            provider = self.providers.setdefault((position.path, key), fetch_id)
            if provider != fetch_id and sub.selection is not None:
                raise NotTyped("composite field from two fetches")
            if creating:
                position.required.add(key)
            if sub.selection is not None:
                self.map_fields(sub.selection, position.children[key], fetch_id, creating=True)

    # ---- types --------------------------------------------------------------------------
    def build_class(self, position: _Position) -> Any:
        if position.cls is not None:
            return position.cls
        definitions: list[Any] = []
        for item in position.fields:
            key = item.response_key
            if item.name == "__typename":
                # msgspec keeps dunder names for itself: another attribute, same JSON key.
                definitions.append((
                    f"typename_{len(definitions)}", Literal[position.type_name],
                    msgspec.field(default=position.type_name, name=key),
                ))
                continue
            assert item.type is not None
            annotation = self.annotation(item, item.type, position)
            if key in position.required:
                definitions.append((key, annotation))
            else:
                definitions.append((key, Union[annotation, UnsetType], UNSET))  # noqa: UP007
        for key in position.hidden:
            if key in position.required:
                definitions.append((key, Any))
            else:
                definitions.append((key, Union[Any, UnsetType], UNSET))  # noqa: UP007
        for definition in definitions:
            name = definition[0]
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("__"):
                raise NotTyped("response key that is not a Python name")
        position.cls = msgspec.defstruct(
            f"Typed{next(_names)}_{position.type_name}", definitions, kw_only=True, gc=False
        )
        return position.cls

    def annotation(
        self, item: Field, graphql_type: GraphQLOutputType, position: _Position, nullable: bool = True
    ) -> Any:
        if isinstance(graphql_type, GraphQLNonNull):
            return strip_none(self.annotation(item, graphql_type.of_type, position, nullable=False))
        if isinstance(graphql_type, GraphQLList):
            element = self.annotation(item, graphql_type.of_type, position)
            return Union[list[element], None]  # type: ignore[valid-type]  # noqa: UP007
        if isinstance(graphql_type, GraphQLObjectType):
            child = position.children[item.response_key]
            return Union[self.build_class(child), None]  # noqa: UP007
        if nullable and isinstance(graphql_type, GraphQLScalarType) and item.response_key not in position.keyed:
            # A nullable scalar the gateway only passes on: its JSON text as the subgraph
            # sent it (the dict executor passes leaf values on unchanged too), copied into
            # the response instead of decoded to a str and escaped again.
            return msgspec.Raw
        leaf = leaf_annotation(graphql_type, self.restricted)
        if leaf is None:
            raise NotTyped("abstract type")
        return leaf

    def fetch_fields(self, selection: Selection, position: _Position) -> list[tuple[str, Any]]:
        """The fields a fetch returns at a position, as required struct fields."""
        fields: list[tuple[str, Any]] = []
        for key, _sub in selection.fields.items():
            if key == "__typename":
                continue
            client = position.by_key.get(key)
            if client is None:
                fields.append((key, Any))
            else:
                assert client.type is not None
                fields.append((key, self.annotation(client, client.type, position)))
        return fields

    # ---- objects collected once for the entity fetches that share a path ----------------
    def order(self, node: PlanNode | None, before: frozenset[int]) -> frozenset[int]:
        """Records in self.before, for each fetch, the fetches certain to have finished
        when it starts; returns those finished after `node`."""
        if isinstance(node, Fetch):
            self.before[node.id] = before
            return before | {node.id}
        if isinstance(node, Flatten):
            return self.order(node.node, before)
        if isinstance(node, Sequence):
            for child in node.nodes:
                before = self.order(child, before)
            return before
        if isinstance(node, Parallel):
            finished = before
            for child in node.nodes:
                finished = finished | self.order(child, before)
            return finished
        return before

    def stable_for(self, fetch: Fetch) -> set[tuple[str, ...]]:
        """The paths of `fetch` whose objects cannot change any more when it starts: every
        composite field on the way is set by one fetch only (map_fields makes sure), and
        those fetches have all finished. Fetches can then share one collection of them."""
        stable = set()
        for path in fetch.paths or (fetch.path,):
            setters: set[int | None] = set()
            at: tuple[str, ...] = ()
            index = 0
            while index < len(path):
                key = path[index]
                setters.add(self.providers.get((at, key)))
                at += (key,)
                index += 1
                while index < len(path) and path[index] == "@":
                    at += ("@",)
                    index += 1
            if None not in setters and setters <= self.before.get(fetch.id, frozenset()):
                stable.add(path)
        return stable

    def share_paths(self) -> None:
        """A collector for every path that two or more entity fetches walk when stable."""
        self.order(self.plan.node, frozenset())
        uses: dict[tuple[str, ...], int] = {}
        for fetch in self.fetches:
            if fetch.requires is not None:
                self.stable[fetch.id] = self.stable_for(fetch)
                for path in self.stable[fetch.id]:
                    uses[path] = uses.get(path, 0) + 1
        self.shared = {path: _collector(path) for path, count in uses.items() if count > 1}

    def compile(self) -> TypedPlan:
        self.walk(self.plan.node)
        self.share_paths()
        for position in self.positions.values():
            self.build_class(position)
        programs: dict[int, Any] = {}
        for fetch in self.fetches:
            assert fetch.selection is not None
            if fetch.requires is None:
                fields = self.fetch_fields(fetch.selection, self.root)
                data = msgspec.defstruct(f"Data{fetch.id}", fields, kw_only=True, gc=False)
                names = [name for name, _ in fields]
                programs[fetch.id] = _RootProgram(fetch, _decoder(data), _setter(names))
            else:
                programs[fetch.id] = self.entity_program(fetch)
        hidden = [p for p in self.positions.values() if p.hidden]
        resets = [(_collector(p.path), tuple(p.hidden)) for p in hidden]
        return TypedPlan(self.root.cls, programs, resets)

    def entity_program(self, fetch: Fetch) -> _EntityProgram:
        assert fetch.selection is not None and fetch.requires is not None
        per_type: dict[str, Any] = {}  # entity type -> the struct its answers decode into
        path_fields: list[tuple[tuple[str, ...], str, list[str]]] = []
        paths = fetch.paths or (fetch.path,)
        # Several types, each answer naming its __typename: one tagged-union decode.
        tagged = "__typename" in fetch.selection.fields and len(
            {self.positions[path].type_name for path in paths}
        ) > 1
        for path in paths:
            position = self.positions[path]
            type_name = position.type_name
            fields = self.fetch_fields(fetch.selection.fragments[type_name], position)
            path_fields.append((path, type_name, [name for name, _ in fields]))
            tag_field, tag = ("__typename", type_name) if tagged else (None, None)
            known = per_type.get(type_name)
            if known is None:
                per_type[type_name] = msgspec.defstruct(
                    f"Entity{fetch.id}_{type_name}", fields, kw_only=True, gc=False,
                    tag_field=tag_field, tag=tag,
                )
            elif msgspec.structs.fields(known) != msgspec.structs.fields(
                msgspec.defstruct("Check", fields, kw_only=True, tag_field=tag_field, tag=tag)
            ):
                raise NotTyped("one entity type decoded two ways")
        representation = {
            type_name: representation_plan(type_name, fragment)
            for type_name, fragment in fetch.requires.fragments.items()
        }
        classes = None
        if len(per_type) == 1 or tagged:
            entity: Any = Union[(*per_type.values(), None)]
            wrapper = msgspec.defstruct(
                f"Entities{fetch.id}",
                [("entities", list[entity], msgspec.field(name="_entities"))],
                kw_only=True, gc=False,
            )
            decoders = None
            if tagged:
                classes = per_type
        else:
            wrapper = msgspec.defstruct(
                f"Entities{fetch.id}",
                [("entities", list[msgspec.Raw], msgspec.field(name="_entities"))],
                kw_only=True, gc=False,
            )
            decoders = {
                type_name: msgspec.json.Decoder(Union[entity, None])  # noqa: UP007
                for type_name, entity in per_type.items()
            }
        programs = []
        for path, type_name, names in path_fields:
            as_type, keys = representation[type_name]
            collect = self.shared.get(path) if path in self.stable[fetch.id] else None
            build, merge = _path_program(
                path, type_name, as_type, keys, names, len(per_type) == 1, listed=collect is not None
            )
            programs.append((build, merge, type_name, collect))
        return _EntityProgram(fetch, _decoder(wrapper), programs, decoders, classes)


def _decoder(data: Any) -> Any:
    response = msgspec.defstruct(
        f"Response{next(_names)}",
        [
            ("data", Union[data, None], None),  # noqa: UP007
            ("errors", Union[Any, UnsetType], UNSET),  # noqa: UP007
        ],
        kw_only=True, gc=False,
    )
    return msgspec.json.Decoder(response).decode


def _setter(names: list[str]) -> Callable[[Any, Any], None]:
    lines = ["def set_fields(o, e):"]
    lines += [f"    o.{name} = e.{name}" for name in names] or ["    pass"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<typed setter>", "exec"), namespace)
    return namespace["set_fields"]  # type: ignore[no-any-return]


def _walk(path: tuple[str, ...]) -> tuple[list[str], str, str]:
    """Generated loops from `root` to every object at `path` (None or UNSET ends a branch):
    the lines, the indentation inside the innermost loop, and the object's variable."""
    lines = ["    v0 = root"]
    indent = "    "
    depth = 0
    for step in path:
        source = f"v{depth}"
        depth += 1
        leave = "continue" if indent != "    " else "return"
        if step == "@":
            lines.append(f"{indent}for v{depth} in {source}:")
            indent += "    "
            lines.append(f"{indent}if v{depth} is None:")
            lines.append(f"{indent}    continue")
        else:
            lines.append(f"{indent}v{depth} = {source}.{step}")
            lines.append(f"{indent}if v{depth} is None or v{depth} is U:")
            lines.append(f"{indent}    {leave}")
    return lines, indent, f"v{depth}"


def _collector(path: tuple[str, ...]) -> Callable[[Any, list[Any]], None]:
    """Generated loops that append every object at `path`."""
    walk, indent, last = _walk(path)
    lines = ["def collect(root, out):", *walk, f"{indent}out.append({last})"]
    namespace: dict[str, Any] = {"U": UNSET}
    exec(compile("\n".join(lines), "<typed collector>", "exec"), namespace)
    return namespace["collect"]  # type: ignore[no-any-return]


def _path_program(
    path: tuple[str, ...], type_name: str, as_type: str,
    keys: tuple[tuple[str, str], ...], fields: list[str], one_type: bool, *, listed: bool = False,
) -> tuple[Callable[..., None], Callable[..., None]]:
    """Generated code for one path of an entity fetch: walk to the objects, build their
    representations (deduplicated by type and key values, as the dict executor does), and
    later set the entity's fields on each object. In a fetch for `one_type` only, the key
    values alone tell representations apart. `listed`: the objects come as a list, from a
    collector that fetches sharing the path run once."""
    for _, attribute in keys:
        if not attribute.isidentifier() or keyword.iskeyword(attribute) or attribute.startswith("__"):
            raise NotTyped("key field that is not a Python name")
    if listed:  # over the objects a shared collector found
        lines = ["def build(objects, reps, seen, pairs):", "    for o in objects:"]
        indent = "        "
    else:
        walk, indent, last = _walk(path)
        lines = ["def build(root, reps, seen, pairs):", *walk]
        lines.append(f"{indent}o = {last}")
    for position, (_, attribute) in enumerate(keys):
        lines.append(f"{indent}k{position} = o.{attribute}")
        lines.append(f"{indent}if k{position} is U:")
        lines.append(f"{indent}    raise FB")
    values = "".join(f", k{p}" for p in range(len(keys)))
    if one_type and len(keys) == 1:
        lines.append(f"{indent}ident = k0")
    elif one_type:
        lines.append(f"{indent}ident = ({values[2:]},)")
    else:
        lines.append(f"{indent}ident = ({type_name!r}{values})")
    lines.append(f"{indent}i = seen.get(ident)")
    lines.append(f"{indent}if i is None:")
    lines.append(f"{indent}    i = seen[ident] = len(reps)")
    entries = ", ".join([f"'__typename': {as_type!r}"] + [f"{key!r}: k{p}" for p, (key, _) in enumerate(keys)])
    lines.append(f"{indent}    reps.append({{{entries}}})")
    lines.append(f"{indent}pairs.append((o, i))")
    lines += ["", "def merge(pairs, ents):", "    for o, i in pairs:", "        e = ents[i]",
              "        if e is None:", "            raise FB"]
    lines += [f"        o.{name} = e.{name}" for name in fields]
    namespace: dict[str, Any] = {"U": UNSET, "FB": TypedFallback}
    exec(compile("\n".join(lines), "<typed entity path>", "exec"), namespace)
    return namespace["build"], namespace["merge"]


@dataclass(eq=False)
class _RootProgram:
    fetch: Fetch
    decode: Any
    set_fields: Callable[[Any, Any], None]


@dataclass(eq=False)
class _EntityProgram:
    fetch: Fetch
    decode: Any
    # per path: build, merge, type, and the collector of its objects when fetches share them
    paths: list[tuple[Callable[..., None], Callable[..., None], str, Callable[..., None] | None]]
    decoders: dict[str, Any] | None  # several types, untagged: each answer decoded by its type
    classes: dict[str, Any] | None  # several types, tagged: the class each answer must have


@dataclass(eq=False)
class TypedPlan:
    root_cls: Any
    programs: dict[int, Any]
    resets: list[tuple[Callable[[Any, list[Any]], None], tuple[str, ...]]]

    async def run(self, executor: PlanExecutor, node: PlanNode | None, state: ExecutionState) -> bytes:
        """The serialised response; TypedFallback when the dict executor must take over
        (state.recording then holds every answer received)."""
        root = self.root_cls()
        await self.execute(executor, node, state, root, {})
        for collect, names in self.resets:
            found: list[Any] = []
            collect(root, found)
            for obj in found:
                for name in names:
                    setattr(obj, name, UNSET)
        return ENCODE({"data": root})

    async def execute(
        self, executor: PlanExecutor, node: PlanNode | None, state: ExecutionState, root: Any,
        found: dict[Any, list[Any]],
    ) -> None:
        """Runs `node`; `found` keeps the objects collected at a path for the fetches that
        share it (see _Compiler.share_paths)."""
        if node is None:
            return
        if isinstance(node, (Fetch, Flatten)):
            await self.fetches(executor, [node], state, root, found)
        elif isinstance(node, Sequence):
            for child in node.nodes:
                await self.execute(executor, child, state, root, found)
        elif isinstance(node, Parallel):
            leaves = [child for child in node.nodes if isinstance(child, (Fetch, Flatten))]
            if len(leaves) == len(node.nodes):
                await self.fetches(executor, leaves, state, root, found)
            else:
                await self.parallel(executor, node.nodes, state, root, found)
        else:  # pragma: no cover - excluded at compile time
            raise TypedFallback

    async def fetches(
        self, executor: PlanExecutor, nodes: list[Fetch | Flatten], state: ExecutionState, root: Any,
        found: dict[Any, list[Any]],
    ) -> None:
        """A Fetch or Flatten node, or a Parallel's branches that are each one: every
        request is sent, then the answers are awaited and settled in the plan's order, all
        in this coroutine (a task per branch and its chain of coroutines cost more than
        the fetches' own code here). Every answer is awaited before an error is raised, so
        that all are recorded for a fallback; cancelling this cancels the requests still
        unanswered."""
        steps: list[_Step] = []
        error: BaseException | None = None
        try:
            for child in nodes:
                step = self.send(executor, child, state, root, found)
                if step is not None:
                    steps.append(step)
        except Exception as failure:  # an unhashable key value: TypedFallback
            error = failure
        for index, step in enumerate(steps):
            try:
                answer = await step.sent.answer
            except SubgraphTransportError as failure:
                executor.failed(step.sent, state, failure)
                error = error or TypedFallback()
                continue
            except asyncio.CancelledError:
                for later in steps[index + 1:]:
                    later.sent.answer.cancel()
                raise
            executor.received(step.sent, state, answer)
            if error is None:
                try:
                    step.settle(answer, root)
                except Exception as failure:
                    error = failure
        if error is not None:
            raise error

    async def parallel(
        self, executor: PlanExecutor, nodes: tuple[PlanNode, ...], state: ExecutionState, root: Any,
        found: dict[Any, list[Any]],
    ) -> None:
        """The branches run at once: every one but the first as a task, the first in this
        coroutine. Every branch finishes before an error is raised, so that all answers
        are recorded for a fallback; cancelling this cancels the branches."""
        if not nodes:
            return
        first, *rest = nodes
        start = asyncio.get_running_loop().create_task
        tasks = [start(self.execute(executor, child, state, root, found)) for child in rest]
        error: BaseException | None = None
        try:
            await self.execute(executor, first, state, root, found)
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            raise
        except Exception as failure:
            error = failure
        for task in tasks:
            try:
                await task
            except asyncio.CancelledError:
                for other in tasks:
                    other.cancel()
                raise
            except Exception as failure:
                error = error or failure
        if error is not None:
            raise error

    def send(
        self, executor: PlanExecutor, node: Fetch | Flatten, state: ExecutionState, root: Any,
        found: dict[Any, list[Any]],
    ) -> _Step | None:
        """Sends the fetch of a Fetch or Flatten node: None when an entity fetch finds no
        object to fetch for."""
        if isinstance(node, Fetch):
            program = self.programs[node.id]
            variables = {n: state.variables[n] for n in node.variable_names if n in state.variables}
            return _RootStep(program, executor.start(node, variables, state))
        entity = self.programs[node.node.id]
        fetch = entity.fetch
        representations: list[dict[str, Any]] = []
        seen: dict[tuple[Any, ...], int] = {}
        batches: list[list[tuple[Any, int]]] = []
        try:
            for build, _, _, collect in entity.paths:
                pairs: list[tuple[Any, int]] = []
                if collect is None:
                    build(root, representations, seen, pairs)
                else:
                    objects = found.get(collect)
                    if objects is None:
                        objects = found[collect] = []
                        collect(root, objects)
                    build(objects, representations, seen, pairs)
                batches.append(pairs)
        except TypeError:  # an unhashable key value
            raise TypedFallback from None
        if not representations:
            return None
        variables = {n: state.variables[n] for n in fetch.variable_names if n in state.variables}
        variables["representations"] = representations
        return _EntityStep(entity, executor.start(fetch, variables, state), batches, len(representations))


def _data_of(answer: tuple[int, bytes], decode: Any) -> Any:
    """The decoded `data` of a subgraph's answer; TypedFallback unless it is a 200 with
    data, no errors, in the expected shape."""
    status, payload = answer
    if status != 200:
        raise TypedFallback
    try:
        response = decode(payload)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise TypedFallback from None
    if response.errors is not UNSET or response.data is None:
        raise TypedFallback
    return response.data


class _RootStep:
    """A root fetch sent: its answer's fields go onto the root object."""

    __slots__ = ("program", "sent")

    def __init__(self, program: _RootProgram, sent: SentFetch) -> None:
        self.program = program
        self.sent = sent

    def settle(self, answer: tuple[int, bytes], root: Any) -> None:
        self.program.set_fields(root, _data_of(answer, self.program.decode))


class _EntityStep:
    """An entity fetch sent, with the objects each representation's answer goes onto."""

    __slots__ = ("batches", "count", "program", "sent")

    def __init__(
        self, program: _EntityProgram, sent: SentFetch, batches: list[list[tuple[Any, int]]], count: int
    ) -> None:
        self.program = program
        self.sent = sent
        self.batches = batches
        self.count = count

    def settle(self, answer: tuple[int, bytes], root: Any) -> None:
        program = self.program
        entities = _data_of(answer, program.decode).entities
        if len(entities) != self.count:
            raise TypedFallback
        decoders = program.decoders
        classes = program.classes
        if decoders is not None or classes is not None:
            types = [""] * self.count
            for (_, _, type_name, _), pairs in zip(program.paths, self.batches, strict=True):
                for _, index in pairs:
                    types[index] = type_name
            if classes is not None:
                for type_name, entity in zip(types, entities, strict=True):
                    if entity.__class__ is not classes[type_name]:
                        raise TypedFallback  # null, or another type than the one asked for
            else:
                assert decoders is not None
                try:
                    entities = [decoders[t].decode(raw) for t, raw in zip(types, entities, strict=True)]
                except (msgspec.DecodeError, msgspec.ValidationError):
                    raise TypedFallback from None
        for (_, merge, _, _), pairs in zip(program.paths, self.batches, strict=True):
            merge(pairs, entities)


_Step = Union[_RootStep, _EntityStep]  # noqa: UP007


def compile_typed_plan(
    plan: QueryPlan,
    fields: list[Field],
    root_type: str,
    abstract: frozenset[str],
    restricted_enums: dict[str, frozenset[str]],
) -> TypedPlan | None:
    if plan.local_fields or plan.node is None:
        return None
    try:
        return _Compiler(plan, fields, root_type, abstract, restricted_enums).compile()
    except NotTyped:
        return None
    except (TypeError, ValueError, RuntimeError, KeyError):
        # A shape msgspec cannot build types for: the dict executor serves it.
        log.debug("no typed execution for this plan", exc_info=True)
        return None
