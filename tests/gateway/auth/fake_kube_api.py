"""A fake Kubernetes API server with just the SubjectAccessReview endpoint and RBAC-like rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

SAR_PATH = "/apis/authorization.k8s.io/v1/subjectaccessreviews"


@dataclass(frozen=True)
class Grant:
    """`subject` (a user, or "group:<name>") may `verb` `group/resource` in `namespace`."""

    subject: str
    namespace: str
    verb: str
    resource: str
    group: str = ""


class FakeKubeApi:
    def __init__(self) -> None:
        self.grants: list[Grant] = []
        self.reviews: list[dict[str, Any]] = []
        self.failing = False
        self.server: TestServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def grant(
        self, subject: str, namespace: str, verb: str, resource: str, group: str = ""
    ) -> None:
        self.grants.append(Grant(subject, namespace, verb, resource, group))

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(SAR_PATH, self._review)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    async def _review(self, request: web.Request) -> web.Response:
        if self.failing:
            return web.json_response({"kind": "Status", "message": "boom"}, status=500)
        body = await request.json()
        self.reviews.append(body)
        spec = body["spec"]
        attributes = spec["resourceAttributes"]
        subjects = {spec.get("user")} | {f"group:{g}" for g in spec.get("groups") or []}
        allowed = any(
            grant.subject in subjects
            and grant.namespace == attributes.get("namespace")
            and grant.verb in (attributes.get("verb"), "*")
            and grant.resource == attributes.get("resource")
            and grant.group == (attributes.get("group") or "")
            for grant in self.grants
        )
        status = {"allowed": allowed}
        return web.json_response({**body, "status": status}, status=201)
