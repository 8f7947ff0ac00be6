"""Executes a query plan: fetches in sequence and in parallel, entity batches, merged data."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from gateway.execution.merge import (
    collect_targets,
    compile_collector,
    compile_entity_batch,
    compile_representer,
    deep_merge,
)
from gateway.execution.transport import SubgraphTransport, SubgraphTransportError
from gateway.planning.plan import Condition, Fetch, Flatten, Parallel, PlanNode, Sequence
from gateway.planning.selection import restore_aliases
from gateway.supergraph.model import Supergraph

HeaderRule = Callable[[Mapping[str, str], str], Mapping[str, str]]


@dataclass(slots=True)
class ExecutionState:
    variables: dict[str, Any]
    headers: Mapping[str, str]
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    fetches: int = 0
    # (graph, request body) -> (status, body) or the transport error: see PlanExecutor.post
    recording: dict[tuple[str, bytes], Any] | None = None
    replay: dict[tuple[str, bytes], Any] | None = None
    # subgraph -> the headers its requests carry (the same for every fetch of a request)
    sent_headers: dict[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(slots=True)
class SentFetch:
    """A subgraph request on its way: see PlanExecutor.start."""

    fetch: Fetch
    body: bytes
    answer: asyncio.Future[tuple[int, bytes]]
    started: float
    replayed: bool = False


class PlanExecutor:
    def __init__(
        self,
        supergraph: Supergraph,
        transport: SubgraphTransport,
        *,
        timeout: float = 30.0,
        timeouts: Mapping[str, float] | None = None,
        header_rule: HeaderRule | None = None,
        urls: Mapping[str, str] | None = None,
        metrics: Any = None,
        tracing: Any = None,
    ) -> None:
        self.metrics = metrics
        self._latency: dict[str, Any] = {}  # subgraph -> its latency histogram's observe
        self.tracing = tracing
        self.supergraph = supergraph
        self.transport = transport
        self.timeout = timeout
        self.timeouts = dict(timeouts or {})
        self.header_rule = header_rule
        self.urls = {
            graph: (urls or {}).get(sub.name, sub.url) for graph, sub in supergraph.subgraphs.items()
        }

    async def execute(self, node: PlanNode | None, state: ExecutionState) -> None:
        if node is None:
            return
        if isinstance(node, Fetch):
            await self.run_root_fetch(node, state)
        elif isinstance(node, Flatten):
            await self.run_entity_fetch(node.node, state)
        elif isinstance(node, Sequence):
            for child in node.nodes:
                await self.execute(child, state)
        elif isinstance(node, Parallel):
            await asyncio.gather(*(self.execute(child, state) for child in node.nodes))
        elif isinstance(node, Condition):
            value = bool(state.variables.get(node.variable))
            await self.execute(node.if_true if value else node.if_false, state)

    async def post(
        self, fetch: Fetch, variables: dict[str, Any], state: ExecutionState
    ) -> tuple[int, bytes]:
        """One subgraph request: the HTTP status and body, or SubgraphTransportError."""
        sent = self.start(fetch, variables, state)
        try:
            outcome = await sent.answer
        except SubgraphTransportError as error:
            self.failed(sent, state, error)
            raise
        self.received(sent, state, outcome)
        return outcome

    def start(self, fetch: Fetch, variables: dict[str, Any], state: ExecutionState) -> SentFetch:
        """Sends one subgraph request; the caller awaits `answer` (the HTTP status and
        body, or SubgraphTransportError) and then reports it with `received` or `failed`.
        Split so that the typed executor can send a Parallel node's fetches and await
        their answers in one coroutine, with no task or coroutine per fetch.

        With `state.recording`, every outcome is kept by (graph, request body); with
        `state.replay`, a request already answered there is not sent again (the typed
        executor hands its answers over when it falls back to this one)."""
        body = orjson.dumps({"query": fetch.query, "variables": variables})
        replay = state.replay
        if replay is not None:
            outcome = replay.get((fetch.graph, body))
            if outcome is not None:
                answer = asyncio.get_running_loop().create_future()
                if isinstance(outcome, SubgraphTransportError):
                    answer.set_exception(outcome)
                else:
                    answer.set_result(outcome)
                return SentFetch(fetch, body, answer, 0.0, replayed=True)
        subgraph = fetch.service_name
        headers = state.sent_headers.get(subgraph)
        if headers is None:
            headers = state.sent_headers[subgraph] = self.subgraph_headers(state.headers, subgraph)
        state.fetches += 1
        timeout = self.timeouts.get(subgraph, self.timeout)
        idempotent = fetch.operation_kind != "mutation"  # a mutation is never sent twice
        started = time.perf_counter()
        tracing = self.tracing
        url = self.urls[fetch.graph]
        sending: Awaitable[tuple[int, bytes]]
        if tracing is not None and tracing.enabled:
            sending = self._traced(fetch, url, body, headers, timeout, idempotent)
        else:
            sending = self.transport.post(url, body, headers, timeout, idempotent)
        if isinstance(sending, asyncio.Future):
            return SentFetch(fetch, body, sending, started)
        # A coroutine sends only once awaited: a task starts it now.
        return SentFetch(fetch, body, asyncio.ensure_future(sending), started)

    async def _traced(
        self, fetch: Fetch, url: str, body: bytes, headers: Mapping[str, str], timeout: float,
        idempotent: bool,
    ) -> tuple[int, bytes]:
        subgraph = fetch.service_name
        assert self.tracing is not None
        with self.tracing.span(
            f"fetch {subgraph}", **{"graphql.subgraph": subgraph, "graphql.fetch.id": fetch.id}
        ):
            traced = dict(headers)
            self.tracing.inject(traced)
            return await self.transport.post(url, body, traced, timeout, idempotent)

    def received(self, sent: SentFetch, state: ExecutionState, outcome: tuple[int, bytes]) -> None:
        if sent.replayed:
            return
        if self.metrics is not None:
            subgraph = sent.fetch.service_name
            observe = self._latency.get(subgraph)
            if observe is None:
                observe = self._latency[subgraph] = self.metrics.subgraph_latency.labels(subgraph).observe
            observe(time.perf_counter() - sent.started)
        if state.recording is not None:
            state.recording[(sent.fetch.graph, sent.body)] = outcome

    def failed(self, sent: SentFetch, state: ExecutionState, error: SubgraphTransportError) -> None:
        if sent.replayed:
            return
        if self.metrics is not None:
            self.metrics.subgraph_failures.labels(sent.fetch.service_name, error.code).inc()
        if state.recording is not None:
            state.recording[(sent.fetch.graph, sent.body)] = error

    def subgraph_headers(self, headers: Mapping[str, str], subgraph: str) -> dict[str, str]:
        sent = {"content-type": "application/json", "accept": "application/json"}
        if self.header_rule is not None:
            sent.update(self.header_rule(headers, subgraph))
        return sent

    async def send(
        self, fetch: Fetch, variables: dict[str, Any], state: ExecutionState
    ) -> dict[str, Any] | None:
        subgraph = fetch.service_name
        try:
            status, payload = await self.post(fetch, variables, state)
        except SubgraphTransportError as error:
            state.errors.append(_fetch_error(subgraph, error.message, error.code))
            return None
        try:
            response = orjson.loads(payload)
        except orjson.JSONDecodeError:
            detail = f"HTTP {status}" if status >= 400 else "invalid JSON"
            state.errors.append(
                _fetch_error(subgraph, f"{detail} in the response", "SUBREQUEST_HTTP_ERROR")
            )
            return None
        if not isinstance(response, dict) or (
            "data" not in response and "errors" not in response
        ):
            state.errors.append(
                _fetch_error(subgraph, f"HTTP {status}: not a GraphQL response", "SUBREQUEST_HTTP_ERROR")
            )
            return None
        return response

    async def run_root_fetch(self, fetch: Fetch, state: ExecutionState) -> None:
        variables = {n: state.variables[n] for n in fetch.variable_names if n in state.variables}
        response = await self.send(fetch, variables, state)
        if response is None:
            return
        data = response.get("data")
        if isinstance(data, dict):
            if fetch.renamed and fetch.selection is not None:
                restore_aliases(data, fetch.selection)
            deep_merge(state.data, data)
        for error in response.get("errors") or ():
            state.errors.append(_rewrite_error(error, fetch.service_name, None))

    async def run_entity_fetch(self, fetch: Fetch, state: ExecutionState) -> None:
        assert fetch.requires is not None
        represent = fetch.runtime.get("represent")
        if represent is None:
            represent = fetch.runtime["represent"] = compile_representer(fetch.requires)
        paths = fetch.paths or (fetch.path,)
        collectors = fetch.runtime.get("collectors")
        if collectors is None:
            collectors = fetch.runtime["collectors"] = [compile_collector(p) for p in paths]
        candidates: list[dict[str, Any]] = []
        for collect in collectors:  # type: ignore[attr-defined]
            collect(state.data, candidates)
        batch = fetch.runtime.get("batch", False)
        if batch is False:
            batch = fetch.runtime["batch"] = compile_entity_batch(fetch.requires, fetch.selection)
        representations: list[dict[str, Any]]
        objects: list[dict[str, Any]]
        indexes: list[int]
        merge_back = None
        try:
            if batch is None:
                raise TypeError
            representations, objects, indexes = batch[0](candidates)  # type: ignore[index]
            merge_back = batch[1]  # type: ignore[index]
        except TypeError:  # not flat, or a key value that cannot be hashed
            representations, objects, indexes = _represent_generic(represent, candidates)
        if not representations:
            return
        variables = {n: state.variables[n] for n in fetch.variable_names if n in state.variables}
        variables["representations"] = representations
        response = await self.send(fetch, variables, state)
        if response is None:
            return
        data = response.get("data")
        entities = data.get("_entities") if isinstance(data, dict) else None
        if isinstance(entities, list):
            if fetch.renamed and fetch.selection is not None:
                restore_aliases(entities, fetch.selection)
            if merge_back is not None:
                merge_back(objects, indexes, entities)
            else:
                count = len(entities)
                for obj, index in zip(objects, indexes, strict=True):
                    if index < count and entities[index].__class__ is dict:
                        deep_merge(obj, entities[index])
        errors = response.get("errors")
        if errors:
            first_path: dict[int, list[Any]] = {}
            by_identity = {id(o): i for o, i in zip(objects, indexes, strict=True)}
            for path in paths:
                for obj, response_path in collect_targets(state.data, path):
                    found = by_identity.get(id(obj))
                    if found is not None:
                        first_path.setdefault(found, response_path)
            for error in errors:
                state.errors.append(_rewrite_error(error, fetch.service_name, first_path))


def _represent_generic(
    represent: Any, candidates: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
    representations: list[dict[str, Any]] = []
    index_of: dict[Any, int] = {}
    objects: list[dict[str, Any]] = []
    indexes: list[int] = []
    for obj in candidates:
        found = represent(obj)
        if found is None:
            continue
        identity, rep = found
        index = index_of.get(identity)
        if index is None:
            index = index_of[identity] = len(representations)
            representations.append(rep)
        objects.append(obj)
        indexes.append(index)
    return representations, objects, indexes


def _fetch_error(subgraph: str, message: str, code: str) -> dict[str, Any]:
    return {
        "message": f'Request to subgraph "{subgraph}" failed: {message}',
        "extensions": {"code": code, "serviceName": subgraph},
    }


def _rewrite_error(
    error: Any, subgraph: str, entity_paths: dict[int, list[Any]] | None
) -> dict[str, Any]:
    if not isinstance(error, dict):
        error = {"message": str(error)}
    result: dict[str, Any] = {"message": str(error.get("message", "Subgraph error"))}
    path = error.get("path")
    if isinstance(path, list):
        if entity_paths is not None:
            if len(path) >= 2 and path[0] == "_entities" and isinstance(path[1], int):
                base = entity_paths.get(path[1])
                if base is not None:
                    result["path"] = [*base, *path[2:]]
        else:
            result["path"] = path
    if error.get("locations") and False:
        result["locations"] = error["locations"]
    extensions = dict(error.get("extensions") or {})
    extensions["serviceName"] = subgraph
    result["extensions"] = extensions
    return result
