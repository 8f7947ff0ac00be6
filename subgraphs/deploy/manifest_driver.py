"""The manifest-only driver: renders what it would apply, keeps it in a JSON file, applies nothing."""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common.errors import Conflict, NotFound
from subgraphs.deploy.merge_patch import apply_merge_patch
from subgraphs.deploy.records import Environment, ServingRuntime, StoredObject


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ManifestDriver:
    """Keeps rendered InferenceService manifests per tenant in one JSON file.

    The file survives a restart; every write replaces it atomically. Objects carry uid,
    resourceVersion and generation like a cluster's, so retries and stale writes behave the
    same way in both modes; their status is never invented.
    """

    mode = "manifest"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)

    async def close(self) -> None:
        return None

    def is_ready(self) -> bool:
        return True

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text())
        except FileNotFoundError:
            return {"resourceVersion": 0, "tenants": {}}
        if not isinstance(data, dict):
            return {"resourceVersion": 0, "tenants": {}}
        return {str(k): v for k, v in data.items()}

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
        os.replace(tmp, self.path)

    @staticmethod
    def _tenant(data: dict[str, Any], tenant: str) -> dict[str, Any]:
        space: dict[str, Any] = data["tenants"].setdefault(
            tenant, {"environments": {}, "services": {}}
        )
        return space

    @staticmethod
    def _next_version(data: dict[str, Any]) -> str:
        data["resourceVersion"] = int(data.get("resourceVersion", 0)) + 1
        return str(data["resourceVersion"])

    async def create_environment(self, environment: Environment) -> Environment:
        async with self._lock:
            data = self._load()
            envs = self._tenant(data, environment.tenant)["environments"]
            if environment.name in envs:
                raise Conflict(f"serving environment {environment.name!r} already exists")
            created = Environment(
                name=environment.name,
                description=environment.description,
                production=environment.production,
                tenant=environment.tenant,
                created_at=_now(),
            )
            envs[environment.name] = {
                "description": created.description,
                "production": created.production,
                "createdAt": created.created_at,
            }
            self._save(data)
            return created

    async def get_environment(self, tenant: str, name: str) -> Environment | None:
        env = self._tenant(self._load(), tenant)["environments"].get(name)
        if env is None:
            return None
        return Environment(name, env["description"], env["production"], tenant, env["createdAt"])

    async def list_environments(self, tenant: str) -> list[Environment]:
        envs = self._tenant(self._load(), tenant)["environments"]
        return [
            Environment(name, env["description"], env["production"], tenant, env["createdAt"])
            for name, env in sorted(envs.items())
        ]

    async def create_service(self, tenant: str, body: dict[str, Any]) -> StoredObject:
        async with self._lock:
            data = self._load()
            space = self._tenant(data, tenant)
            namespace, name = body["metadata"]["namespace"], body["metadata"]["name"]
            if namespace not in space["environments"]:
                raise NotFound(f"serving environment {namespace!r} not found")
            key = f"{namespace}/{name}"
            if key in space["services"]:
                raise Conflict(f"inference service {key!r} already exists")
            stored = json.loads(json.dumps(body))
            stored["metadata"].update(
                uid=str(uuid.uuid4()),
                resourceVersion=self._next_version(data),
                generation=1,
                creationTimestamp=_now(),
            )
            space["services"][key] = stored
            self._save(data)
            return StoredObject(stored, applied=False)

    async def get_service(self, tenant: str, namespace: str, name: str) -> StoredObject | None:
        body = self._tenant(self._load(), tenant)["services"].get(f"{namespace}/{name}")
        return None if body is None else StoredObject(body, applied=False)

    async def list_services(
        self, tenant: str, *, namespace: str | None = None, labels: dict[str, str] | None = None
    ) -> list[StoredObject]:
        out = []
        for key, body in sorted(self._tenant(self._load(), tenant)["services"].items()):
            if namespace is not None and not key.startswith(f"{namespace}/"):
                continue
            have = body["metadata"].get("labels") or {}
            if labels and any(have.get(k) != v for k, v in labels.items()):
                continue
            out.append(StoredObject(body, applied=False))
        return out

    async def patch_service(
        self, tenant: str, namespace: str, name: str, patch: dict[str, Any]
    ) -> StoredObject:
        async with self._lock:
            data = self._load()
            services = self._tenant(data, tenant)["services"]
            key = f"{namespace}/{name}"
            current = services.get(key)
            if current is None:
                raise NotFound(f"inference service {key!r} not found")
            wanted = (patch.get("metadata") or {}).get("resourceVersion")
            if wanted is not None and wanted != current["metadata"]["resourceVersion"]:
                raise Conflict(
                    f"inference service {key!r} was modified (resourceVersion "
                    f"{current['metadata']['resourceVersion']}, not {wanted})",
                    suggestion="read the latest resourceVersion and retry",
                )
            updated = apply_merge_patch(current, patch)
            for fixed in ("uid", "name", "namespace", "creationTimestamp", "generation"):
                updated["metadata"][fixed] = current["metadata"][fixed]
            if updated == current:
                return StoredObject(current, applied=False)
            if updated.get("spec") != current.get("spec"):
                updated["metadata"]["generation"] = current["metadata"]["generation"] + 1
            updated["metadata"]["resourceVersion"] = self._next_version(data)
            services[key] = updated
            self._save(data)
            return StoredObject(updated, applied=False)

    async def delete_service(self, tenant: str, namespace: str, name: str) -> None:
        async with self._lock:
            data = self._load()
            if self._tenant(data, tenant)["services"].pop(f"{namespace}/{name}", None) is None:
                raise NotFound(f"inference service {namespace}/{name!r} not found")
            self._save(data)

    async def list_serving_runtimes(self, tenant: str, namespace: str) -> list[ServingRuntime]:
        if await self.get_environment(tenant, namespace) is None:
            raise NotFound(f"serving environment {namespace!r} not found")
        # Without a cluster there are no runtimes to list; saying none is the honest answer.
        return []
