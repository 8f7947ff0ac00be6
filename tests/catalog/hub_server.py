"""A local stand-in for the HuggingFace Hub's /api/models endpoints, on 127.0.0.1."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web


def hub_model(model_id: str, **overrides: Any) -> dict[str, Any]:
    """A model as the Hub's API returns it with full=True&cardData=True."""
    org = model_id.split("/")[0]
    model: dict[str, Any] = {
        "_id": f"id-{model_id}",
        "id": model_id,
        "modelId": model_id,
        "author": org,
        "sha": "0" * 40,
        "private": False,
        "gated": False,
        "disabled": False,
        "downloads": 1200,
        "likes": 34,
        "library_name": "transformers",
        "tags": ["transformers", "safetensors", "text-generation", "license:apache-2.0", "en"],
        "pipeline_tag": "text-generation",
        "createdAt": "2024-05-01T10:00:00.000Z",
        "lastModified": "2025-01-15T08:30:00.000Z",
        "cardData": {
            "license": "apache-2.0",
            "language": ["en"],
            "description": f"{model_id} card",
        },
        "config": {"architectures": ["LlamaForCausalLM"], "model_type": "llama"},
        "siblings": [],
    }
    model.update(overrides)
    return model


@dataclass
class FakeHub:
    models: list[dict[str, Any]] = field(default_factory=list)
    token: str | None = None  # when set, any other bearer token gets a 401
    page_size: int = 2
    status: int | None = None  # answer every request with this status (e.g. 429, 503)
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    requests: list[tuple[str, dict[str, str], str | None]] = field(default_factory=list)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> FakeHub:
        app = web.Application()
        app.router.add_get("/api/models", self.list_models)
        app.router.add_get("/api/models/{org}/{name}", self.model_info)
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _gate(self, request: web.Request) -> web.Response | None:
        auth = request.headers.get("authorization")
        self.requests.append((request.path, dict(request.query), auth))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status is not None:
            headers = {"Retry-After": "30"} if self.status == 429 else {}
            return web.json_response({"error": "nope"}, status=self.status, headers=headers)
        if self.token is not None and auth is not None and auth != f"Bearer {self.token}":
            return web.json_response(
                {"error": "Invalid credentials in Authorization header"}, status=401
            )
        return None

    async def list_models(self, request: web.Request) -> web.Response:
        refusal = await self._gate(request)
        if refusal is not None:
            return refusal
        author = request.query.get("author")
        search = request.query.get("search", "").lower()
        found = [
            m for m in self.models
            if (author is None or m["author"] == author) and search in m["id"].lower()
        ]  # fmt: skip
        limit = int(request.query.get("limit", self.page_size))
        size = min(limit, self.page_size)
        start = int(request.query.get("cursor", "0"))
        page = found[start : start + size]
        headers = {}
        if start + size < len(found):
            query = {k: v for k, v in request.query.items() if k != "cursor"}
            query["cursor"] = str(start + size)
            headers["Link"] = f'<{self.url}/api/models?{urlencode(query)}>; rel="next"'
        return web.json_response(page, headers=headers)

    async def model_info(self, request: web.Request) -> web.Response:
        refusal = await self._gate(request)
        if refusal is not None:
            return refusal
        model_id = f"{request.match_info['org']}/{request.match_info['name']}"
        for model in self.models:
            if model["id"] == model_id:
                return web.json_response(model)
        return web.json_response({"error": "Repository not found"}, status=404)
