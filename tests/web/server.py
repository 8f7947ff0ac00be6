"""A standalone Modelplane that also serves the built web app, as the browser tests need it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import uvicorn
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from modelplane.standalone import build_standalone_app

WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
API_PATHS = ("/graphql", "/health", "/readyz", "/schema.graphql")


class WebApp:
    """Until the gateway serves web/dist itself: assets, the SPA's index.html for page routes."""

    def __init__(self, api: ASGIApp, dist: Path = WEB_DIST) -> None:
        self.api = api
        self.index = dist / "app" / "index.html"
        self.assets = StaticFiles(directory=dist / "app" / "assets", check_dir=False)
        self.graphiql = StaticFiles(directory=dist / "graphiql", check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.api(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith("/assets/"):
            await self.assets(_strip(scope, "/assets"), receive, send)
        elif path.startswith("/graphiql/"):
            await self.graphiql(_strip(scope, "/graphiql"), receive, send)
        elif self.is_page(scope):
            await FileResponse(self.index, media_type="text/html")(scope, receive, send)
        else:
            await self.api(scope, receive, send)

    def is_page(self, scope: Scope) -> bool:
        path: str = scope["path"]
        if scope["method"] != "GET" or path in API_PATHS or path.startswith("/subgraphs/"):
            return False
        accept = dict(scope["headers"]).get(b"accept", b"")
        return b"text/html" in accept and self.index.is_file()


def _strip(scope: Scope, prefix: str) -> Scope:
    child: dict[str, Any] = dict(scope)
    child["path"] = scope["path"][len(prefix):]
    child["root_path"] = scope.get("root_path", "") + prefix
    return child


def build_web_app(base_url: str) -> WebApp:
    return WebApp(build_standalone_app(base_url, seed=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = build_web_app(f"http://127.0.0.1:{args.port}")
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
