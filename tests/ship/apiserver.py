"""A small client for server-side dry-run: discovery, namespaces, CRDs and `?dryRun=All` creates."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import aiohttp

# Kinds whose GA version is newer than the test API server (kube-apiserver 1.20): dry-run
# them as the older version with the same fields. policy/v1 PodDisruptionBudget is GA in
# 1.21 and autoscaling/v2 in 1.23; neither changed the fields k8s/ uses.
OLDER_VERSIONS = {
    ("policy/v1", "PodDisruptionBudget"): "policy/v1beta1",
    ("autoscaling/v2", "HorizontalPodAutoscaler"): "autoscaling/v2beta2",
}


@dataclass(frozen=True)
class Resource:
    plural: str
    namespaced: bool


@dataclass(frozen=True)
class DryRun:
    sent: dict[str, Any]
    stored: dict[str, Any]

    def dropped_fields(self) -> list[str]:
        return missing_fields(self.sent, self.stored)


class ApiError(Exception):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class KubeApi:
    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.session = aiohttp.ClientSession(
            headers={"Authorization": f"Bearer {token}"},
            connector=aiohttp.TCPConnector(ssl=False),
            timeout=aiohttp.ClientTimeout(total=30),
        )

    async def close(self) -> None:
        await self.session.close()

    async def request(self, method: str, path: str, body: Any = None) -> Any:
        async with self.session.request(method, self.url + path, json=body) as response:
            text = await response.text()
            if response.status >= 400:
                # Unknown paths answer plain text ("404 page not found"), not a Status object.
                raise ApiError(response.status, text)
            return json.loads(text)

    async def discover(self) -> dict[tuple[str, str], Resource]:
        """(apiVersion, kind) -> resource, for every served version."""
        versions = ["v1"]
        groups = await self.request("GET", "/apis")
        versions += [v["groupVersion"] for g in groups["groups"] for v in g["versions"]]
        found: dict[tuple[str, str], Resource] = {}
        for version in versions:
            prefix = "/api/" if version == "v1" else "/apis/"
            listing = await self.request("GET", prefix + version)
            for item in listing["resources"]:
                if "/" not in item["name"]:
                    found[(version, item["kind"])] = Resource(item["name"], item["namespaced"])
        return found

    async def ensure(self, collection: str, obj: dict[str, Any]) -> None:
        """Create an object at `collection` (a path) unless it exists."""
        try:
            await self.request("POST", collection, obj)
        except ApiError as error:
            if error.status != 409:
                raise

    async def wait_for_kinds(self, kinds: set[tuple[str, str]], seconds: float = 60) -> None:
        """Until every (group/version, kind) is served, asking only those group versions."""
        for _ in range(int(seconds * 4)):
            served = set()
            for version in {v for v, _ in kinds}:
                try:
                    listing = await self.request("GET", f"/apis/{version}")
                except ApiError:
                    continue
                served |= {(version, r["kind"]) for r in listing["resources"]}
            if kinds <= served:
                return
            await asyncio.sleep(0.25)
        raise TimeoutError(f"the API server never served {sorted(kinds)}")

    async def dry_run_create(
        self, obj: dict[str, Any], namespace: str, discovered: dict[tuple[str, str], Resource]
    ) -> DryRun:
        """What the API server would store for `obj`: validated, defaulted, admitted, not stored."""
        api_version = obj["apiVersion"]
        if (api_version, obj["kind"]) not in discovered:
            api_version = OLDER_VERSIONS.get((api_version, obj["kind"]), api_version)
        resource = discovered[(api_version, obj["kind"])]
        body = {**obj, "apiVersion": api_version, "metadata": dict(obj["metadata"])}
        if resource.namespaced:
            body["metadata"]["namespace"] = namespace
        path = (
            _collection(api_version, resource, namespace)
            + "?dryRun=All&fieldManager=modelplane-tests"
        )
        return DryRun(body, await self.request("POST", path, body))


def _collection(api_version: str, resource: Resource, namespace: str | None) -> str:
    prefix = "/api/v1" if api_version == "v1" else f"/apis/{api_version}"
    if resource.namespaced and namespace:
        return f"{prefix}/namespaces/{namespace}/{resource.plural}"
    return f"{prefix}/{resource.plural}"


def missing_fields(sent: Any, stored: Any, path: str = "") -> list[str]:
    """Paths of what was sent but is not in what the server kept (pruned or misspelt fields)."""
    if isinstance(sent, dict):
        if not isinstance(stored, dict):
            return [path or "."]
        found = []
        for key, value in sent.items():
            if key not in stored:
                found.append(f"{path}.{key}")
            else:
                found.extend(missing_fields(value, stored[key], f"{path}.{key}"))
        return found
    if isinstance(sent, list):
        if not isinstance(stored, list) or len(stored) != len(sent):
            return [path]
        return [
            m
            for i, item in enumerate(sent)
            for m in missing_fields(item, stored[i], f"{path}[{i}]")
        ]
    return [] if sent == stored else [f"{path} ({sent!r} became {stored!r})"]
