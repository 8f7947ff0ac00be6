"""A strict in-process Kubernetes API server for custom resources and namespaces, over real HTTP.

It keeps what a client can observe of kube-apiserver: uid, resourceVersion and generation;
404 and 409 (duplicates, stale resourceVersions) as Status objects; merge patch, and a 400
for a JSON object sent as a JSON patch; a separate status subresource; CRD schema validation
(422) and pruning; label selectors; list and watch from a resourceVersion, with 410 once
a version has been compacted away; bearer-token authentication.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web

from subgraphs.deploy.merge_patch import apply_merge_patch
from tests.deploy.structural_schema import prune, validate

NAMESPACES = ("", "v1", "namespaces")


@dataclass(frozen=True, slots=True)
class ResourceType:
    group: str
    version: str
    plural: str
    kind: str
    namespaced: bool
    schema: dict[str, Any] | None
    status_subresource: bool

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def qualified(self) -> str:
        return f"{self.plural}.{self.group}" if self.group else self.plural


@dataclass(slots=True)
class Event:
    version: int
    resource: tuple[str, str, str]
    type: str
    body: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _status(code: int, reason: str, message: str, **details: Any) -> web.Response:
    body: dict[str, Any] = {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
        "code": code,
    }
    if details:
        body["details"] = details
    return web.json_response(body, status=code)


class StatusError(Exception):
    def __init__(self, response: web.Response) -> None:
        super().__init__(response.text)
        self.response = response


def _fail(code: int, reason: str, message: str, **details: Any) -> StatusError:
    return StatusError(_status(code, reason, message, **details))


def load_resource_types(crd_files: list[Path]) -> list[ResourceType]:
    return list(_load_resource_types(tuple(crd_files)))


@functools.cache
def _load_resource_types(crd_files: tuple[Path, ...]) -> tuple[ResourceType, ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    types = []
    for path in crd_files:
        for crd in yaml.load_all(path.read_text(), Loader=loader):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            for version in spec["versions"]:
                if not version.get("served", True):
                    continue
                types.append(
                    ResourceType(
                        group=spec["group"],
                        version=version["name"],
                        plural=spec["names"]["plural"],
                        kind=spec["names"]["kind"],
                        namespaced=spec.get("scope", "Namespaced") == "Namespaced",
                        schema=(version.get("schema") or {}).get("openAPIV3Schema"),
                        status_subresource="status" in (version.get("subresources") or {}),
                    )
                )
    return tuple(types)


def parse_selector(raw: str) -> list[tuple[str, str, str | None]]:
    """`k=v,k!=v,k,!k` into (op, key, value) terms; 400 on anything else."""
    terms: list[tuple[str, str, str | None]] = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        if "!=" in part:
            key, value = part.split("!=", 1)
            terms.append(("!=", key.strip(), value.strip()))
        elif "==" in part or "=" in part:
            key, value = part.split("==", 1) if "==" in part else part.split("=", 1)
            terms.append(("=", key.strip(), value.strip()))
        elif part.startswith("!"):
            terms.append(("!", part[1:].strip(), None))
        elif all(c.isalnum() or c in "-_./" for c in part):
            terms.append(("exists", part, None))
        else:
            raise _fail(400, "BadRequest", f"unable to parse requirement: {part!r}")
    return terms


def selector_matches(terms: list[tuple[str, str, str | None]], labels: dict[str, str]) -> bool:
    for op, key, value in terms:
        if op == "=" and labels.get(key) != value:
            return False
        if op == "!=" and labels.get(key) == value:
            return False
        if op == "exists" and key not in labels:
            return False
        if op == "!" and key in labels:
            return False
    return True


class FakeApiServer:
    """Start with `await server.start()`; `server.url` and `server.token` configure a client."""

    def __init__(
        self,
        crd_files: list[Path],
        *,
        token: str = "fake-admin-token",
        read_only_tokens: tuple[str, ...] = (),
        history: int = 1000,
    ) -> None:
        self.token = token
        self.read_only_tokens = read_only_tokens
        self.types = {(t.group, t.version, t.plural): t for t in load_resource_types(crd_files)}
        self.objects: dict[tuple[tuple[str, str, str], str, str], dict[str, Any]] = {}
        self.events: list[Event] = []
        self.history = history
        self.compacted_before = 0
        self.version = 100
        self.changed = asyncio.Condition()
        self.closing = False
        self.requests: list[tuple[str, str, str]] = []
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._seed_namespace("default")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _seed_namespace(self, name: str) -> None:
        self.version += 1
        self.objects[(NAMESPACES, "", name)] = {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "name": name,
                "uid": str(uuid.uuid4()),
                "resourceVersion": str(self.version),
                "creationTimestamp": _now(),
                "labels": {"kubernetes.io/metadata.name": name},
            },
            "spec": {"finalizers": ["kubernetes"]},
            "status": {"phase": "Active"},
        }

    async def start(self, port: int = 0) -> None:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_route("*", "/api/v1/namespaces", self._namespaces)
        app.router.add_route("*", "/api/v1/namespaces/{name}", self._namespace)
        app.router.add_route("*", "/apis/{group}/{version}/{plural}", self._collection)
        app.router.add_route("*", "/apis/{group}/{version}/namespaces/{ns}/{plural}", self._collection)
        app.router.add_route("*", "/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}", self._item)
        app.router.add_route(
            "*", "/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}/status", self._status_item
        )
        self.closing = False
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=0.2)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Goes away: watches end, connections close, the port stops answering."""
        self.closing = True
        async with self.changed:
            self.changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def compact(self) -> None:
        """Forget the event history, as etcd compaction does: older watches get 410 Gone."""
        self.compacted_before = self.version
        self.events.clear()

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.requests.append((request.method, request.path, request.headers.get("Content-Type", "")))
        auth = request.headers.get("Authorization", "")
        if auth != f"Bearer {self.token}":
            if auth.removeprefix("Bearer ") in self.read_only_tokens:
                if request.method != "GET":
                    return _status(403, "Forbidden", f"{request.method} {request.path} is forbidden: user cannot write")
            else:
                return _status(401, "Unauthorized", "Unauthorized")
        try:
            return await handler(request)
        except StatusError as error:
            return error.response
        except json.JSONDecodeError as error:
            return _status(400, "BadRequest", f"the body of the request was in an unknown format: {error}")

    # Helpers.

    def _type(self, request: web.Request) -> ResourceType:
        key = (request.match_info["group"], request.match_info["version"], request.match_info["plural"])
        found = self.types.get(key)
        if found is None:
            raise _fail(404, "NotFound", "the server could not find the requested resource")
        return found

    def _require_namespace(self, namespace: str) -> None:
        if (NAMESPACES, "", namespace) not in self.objects:
            raise _fail(404, "NotFound", f'namespaces "{namespace}" not found',
                        name=namespace, kind="namespaces")

    def _not_found(self, rtype: ResourceType, name: str) -> StatusError:
        return _fail(404, "NotFound", f'{rtype.qualified} "{name}" not found',
                     name=name, group=rtype.group, kind=rtype.plural)

    def _conflict(self, rtype: ResourceType, name: str) -> StatusError:
        return _fail(
            409, "Conflict",
            f'Operation cannot be fulfilled on {rtype.qualified} "{name}": the object has been '
            "modified; please apply your changes to the latest version and try again",
            name=name, group=rtype.group, kind=rtype.plural,
        )

    async def _record(self, key: tuple[str, str, str], kind: str, body: dict[str, Any]) -> None:
        self.events.append(Event(self.version, key, kind, copy.deepcopy(body)))
        if len(self.events) > self.history:
            dropped = self.events[: len(self.events) - self.history]
            self.compacted_before = dropped[-1].version
            del self.events[: len(dropped)]
        async with self.changed:
            self.changed.notify_all()

    def _validate(self, rtype: ResourceType, body: dict[str, Any], name: str) -> dict[str, Any]:
        if rtype.schema is None:
            return body
        properties = rtype.schema.get("properties") or {}
        causes = []
        out = dict(body)
        for part in ("spec", "status"):
            if part in body and part in properties:
                causes.extend(validate(properties[part], body[part], part))
                out[part] = prune(properties[part], body[part])
        if causes:
            message = "; ".join(c[1] for c in causes)
            if len(causes) > 1:
                message = "[" + ", ".join(c[1] for c in causes) + "]"
            raise _fail(
                422, "Invalid", f'{rtype.kind}.{rtype.group} "{name}" is invalid: {message}',
                name=name, group=rtype.group, kind=rtype.kind,
                causes=[{"reason": "FieldValueInvalid", "message": m, "field": f} for f, m in causes],
            )
        return out

    async def _read_json(self, request: web.Request) -> Any:
        raw = await request.read()
        if request.content_type in ("application/yaml",):
            return yaml.safe_load(raw)
        return json.loads(raw or b"null")

    # Namespaces.

    async def _namespaces(self, request: web.Request) -> web.StreamResponse:
        if request.method == "GET":
            return await self._list_or_watch(request, NAMESPACES, None, "NamespaceList", "v1")
        if request.method != "POST":
            raise _fail(405, "MethodNotAllowed", f"{request.method} is not supported")
        body = await self._read_json(request)
        if not isinstance(body, dict):
            raise _fail(400, "BadRequest", "the body must be a Namespace object")
        name = (body.get("metadata") or {}).get("name")
        if not name:
            raise _fail(422, "Invalid", 'Namespace "" is invalid: metadata.name: Required value: name or generateName is required')
        if (NAMESPACES, "", name) in self.objects:
            raise _fail(409, "AlreadyExists", f'namespaces "{name}" already exists', name=name, kind="namespaces")
        self._seed_namespace(name)
        stored = self.objects[(NAMESPACES, "", name)]
        metadata = body.get("metadata") or {}
        stored["metadata"]["labels"].update(metadata.get("labels") or {})
        if metadata.get("annotations"):
            stored["metadata"]["annotations"] = dict(metadata["annotations"])
        await self._record(NAMESPACES, "ADDED", stored)
        return web.json_response(stored, status=201)

    async def _namespace(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        stored = self.objects.get((NAMESPACES, "", name))
        if stored is None:
            raise _fail(404, "NotFound", f'namespaces "{name}" not found', name=name, kind="namespaces")
        if request.method == "GET":
            return web.json_response(stored)
        raise _fail(405, "MethodNotAllowed", f"{request.method} on a namespace is not supported by this fake")

    # Custom resources.

    async def _collection(self, request: web.Request) -> web.StreamResponse:
        rtype = self._type(request)
        namespace = request.match_info.get("ns")
        key = (rtype.group, rtype.version, rtype.plural)
        if request.method == "GET":
            return await self._list_or_watch(request, key, namespace, f"{rtype.kind}List", rtype.api_version)
        if request.method != "POST" or namespace is None:
            raise _fail(405, "MethodNotAllowed", f"{request.method} is not supported here")
        body = await self._read_json(request)
        if not isinstance(body, dict):
            raise _fail(400, "BadRequest", f"the body must be a {rtype.kind} object")
        metadata = dict(body.get("metadata") or {})
        name = metadata.get("name")
        if body.get("apiVersion") != rtype.api_version or body.get("kind") != rtype.kind:
            raise _fail(400, "BadRequest", f"the API version in the data ({body.get('apiVersion')}) does not match the expected API version ({rtype.api_version})")
        if not name:
            raise _fail(422, "Invalid", f'{rtype.kind}.{rtype.group} "" is invalid: metadata.name: Required value: name or generateName is required')
        if metadata.get("namespace", namespace) != namespace:
            raise _fail(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request")
        self._require_namespace(namespace)
        if (key, namespace, name) in self.objects:
            raise _fail(409, "AlreadyExists", f'{rtype.qualified} "{name}" already exists',
                        name=name, group=rtype.group, kind=rtype.plural)
        body = self._validate(rtype, body, name)
        if rtype.status_subresource:
            body.pop("status", None)
        self.version += 1
        metadata.update(
            namespace=namespace, uid=str(uuid.uuid4()), resourceVersion=str(self.version),
            generation=1, creationTimestamp=_now(),
        )
        stored = {**copy.deepcopy(body), "metadata": metadata}
        self.objects[(key, namespace, name)] = stored
        await self._record(key, "ADDED", stored)
        return web.json_response(stored, status=201)

    async def _item(self, request: web.Request) -> web.StreamResponse:
        return await self._write_item(request, status_only=False)

    async def _status_item(self, request: web.Request) -> web.StreamResponse:
        rtype = self._type(request)
        if not rtype.status_subresource:
            raise _fail(404, "NotFound", "the server could not find the requested resource")
        return await self._write_item(request, status_only=True)

    async def _write_item(self, request: web.Request, *, status_only: bool) -> web.StreamResponse:
        rtype = self._type(request)
        namespace, name = request.match_info["ns"], request.match_info["name"]
        key = (rtype.group, rtype.version, rtype.plural)
        current = self.objects.get((key, namespace, name))
        if request.method == "GET":
            if current is None:
                raise self._not_found(rtype, name)
            return web.json_response(current)
        if current is None:
            raise self._not_found(rtype, name)
        if request.method == "DELETE":
            del self.objects[(key, namespace, name)]
            self.version += 1
            gone = copy.deepcopy(current)
            gone["metadata"]["resourceVersion"] = str(self.version)
            await self._record(key, "DELETED", gone)
            return web.json_response(
                {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
                 "details": {"name": name, "group": rtype.group, "kind": rtype.plural, "uid": current["metadata"]["uid"]}}
            )
        if request.method == "PUT":
            wanted = await self._read_json(request)
            if not isinstance(wanted, dict):
                raise _fail(400, "BadRequest", f"the body must be a {rtype.kind} object")
            if not (wanted.get("metadata") or {}).get("resourceVersion"):
                raise _fail(422, "Invalid", f'{rtype.kind}.{rtype.group} "{name}" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update')
        elif request.method == "PATCH":
            wanted = self._patched(current, request.content_type, await self._read_json(request))
        else:
            raise _fail(405, "MethodNotAllowed", f"{request.method} is not supported")
        precondition = (wanted.get("metadata") or {}).get("resourceVersion")
        if precondition is not None and precondition != current["metadata"]["resourceVersion"]:
            raise self._conflict(rtype, name)
        return web.json_response(await self._replace(rtype, key, current, wanted, status_only))

    def _patched(self, current: dict[str, Any], content_type: str, patch: Any) -> dict[str, Any]:
        if content_type == "application/merge-patch+json":
            if not isinstance(patch, dict):
                raise _fail(400, "BadRequest", "a merge patch must be a JSON object")
            return apply_merge_patch(current, patch)  # type: ignore[no-any-return]
        if content_type == "application/json-patch+json":
            if not isinstance(patch, list):
                raise _fail(400, "BadRequest", "json: cannot unmarshal object into Go value of type jsonpatch.Patch")
            return apply_json_patch(current, patch)
        raise _fail(415, "UnsupportedMediaType", f"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json (got {content_type})")

    async def _replace(
        self, rtype: ResourceType, key: tuple[str, str, str], current: dict[str, Any],
        wanted: dict[str, Any], status_only: bool,
    ) -> dict[str, Any]:
        name = current["metadata"]["name"]
        if status_only:
            candidate = {**copy.deepcopy(current), "status": copy.deepcopy(wanted.get("status"))}
            if candidate["status"] is None:
                candidate.pop("status")
        else:
            candidate = copy.deepcopy(wanted)
            if rtype.status_subresource:
                candidate.pop("status", None)
                if "status" in current:
                    candidate["status"] = copy.deepcopy(current["status"])
            metadata = dict(candidate.get("metadata") or {})
            for fixed in ("name", "namespace", "uid", "creationTimestamp", "generation", "resourceVersion"):
                metadata[fixed] = current["metadata"][fixed]
            candidate["metadata"] = {k: v for k, v in metadata.items() if v is not None}
            candidate["apiVersion"], candidate["kind"] = current["apiVersion"], current["kind"]
        candidate = self._validate(rtype, candidate, name)
        if candidate == current:
            return current
        if not status_only and any(
            candidate.get(k) != current.get(k) for k in set(candidate) | set(current) if k not in ("metadata", "status")
        ):
            candidate["metadata"]["generation"] = current["metadata"]["generation"] + 1
        self.version += 1
        candidate["metadata"]["resourceVersion"] = str(self.version)
        self.objects[(key, current["metadata"]["namespace"], name)] = candidate
        await self._record(key, "MODIFIED", candidate)
        return candidate

    # Lists and watches.

    def _selected(self, key: tuple[str, str, str], namespace: str | None, terms: list[Any]) -> list[dict[str, Any]]:
        return [
            body
            for (k, ns, _), body in sorted(self.objects.items(), key=lambda kv: (kv[0][1], kv[0][2]))
            if k == key and (namespace is None or ns == namespace)
            and selector_matches(terms, body["metadata"].get("labels") or {})
        ]

    async def _list_or_watch(
        self, request: web.Request, key: tuple[str, str, str], namespace: str | None, list_kind: str, api_version: str
    ) -> web.StreamResponse:
        terms = parse_selector(request.query.get("labelSelector", ""))
        if request.query.get("watch", "").lower() in ("true", "1", "t"):
            return await self._watch(request, key, namespace, terms)
        return web.json_response({
            "apiVersion": api_version,
            "kind": list_kind,
            "metadata": {"resourceVersion": str(self.version)},
            "items": self._selected(key, namespace, terms),
        })

    async def _watch(
        self, request: web.Request, key: tuple[str, str, str], namespace: str | None, terms: list[Any]
    ) -> web.StreamResponse:
        raw_version = request.query.get("resourceVersion", "")
        timeout = float(request.query.get("timeoutSeconds", "1800"))
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)

        async def send(kind: str, body: dict[str, Any]) -> None:
            await response.write(json.dumps({"type": kind, "object": body}).encode() + b"\n")

        def wanted(event: Event) -> bool:
            ns = event.body["metadata"].get("namespace")
            return event.resource == key and (namespace is None or ns == namespace) and \
                selector_matches(terms, event.body["metadata"].get("labels") or {})

        if raw_version in ("", "0"):
            since = self.version
            for body in self._selected(key, namespace, terms):
                await send("ADDED", body)
        else:
            if not raw_version.isdigit():
                raise _fail(400, "BadRequest", f'invalid resource version "{raw_version}"')
            since = int(raw_version)
            if since < self.compacted_before:
                await send("ERROR", {
                    "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                    "message": f"too old resource version: {since} ({self.compacted_before})",
                    "reason": "Expired", "code": 410,
                })
                return response
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.closing:
            for event in [e for e in self.events if e.version > since]:
                since = event.version
                if wanted(event):
                    await send(event.type, event.body)
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            async with self.changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.changed.wait(), timeout=min(remaining, 1.0))
        return response


def apply_json_patch(target: dict[str, Any], operations: list[Any]) -> dict[str, Any]:
    """RFC 6902 add/replace/remove/test on object paths (enough for the clients we test)."""
    result = copy.deepcopy(target)
    for operation in operations:
        if not isinstance(operation, dict) or "op" not in operation or "path" not in operation:
            raise _fail(400, "BadRequest", "json patch operations need 'op' and 'path'")
        parts = [p.replace("~1", "/").replace("~0", "~") for p in operation["path"].split("/")[1:]]
        parent: Any = result
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent.setdefault(part, {})
        last = parts[-1]
        op = operation["op"]
        if op in ("add", "replace"):
            if op == "replace" and isinstance(parent, dict) and last not in parent:
                raise _fail(422, "Invalid", f"replace operation does not apply: doc is missing key: {operation['path']}")
            parent[last] = operation.get("value")
        elif op == "remove":
            if last not in parent:
                raise _fail(422, "Invalid", f"remove operation does not apply: doc is missing path: {operation['path']}")
            del parent[last]
        elif op == "test":
            if parent.get(last) != operation.get("value"):
                raise _fail(422, "Invalid", f"testing value {operation['path']} failed")
        else:
            raise _fail(400, "BadRequest", f"unsupported json patch op {op!r}")
    return result
