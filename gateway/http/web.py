"""Serves the built web app (web/dist): its assets, GraphiQL's, and index.html for page routes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles

from gateway import settings

DEFAULT_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
API_PATHS = ("/graphql", "/health", "/readyz", "/metrics", "/schema.graphql")


def web_dist() -> Path:
    configured = settings.WEB_DIR.get()
    return Path(configured) if configured else DEFAULT_DIST


class WebAssets:
    """Answers the requests that belong to the web app; `handles` says which."""

    def __init__(self, dist: Path | None = None) -> None:
        self.dist = dist or web_dist()
        self.index = self.dist / "app" / "index.html"
        self.assets = StaticFiles(directory=self.dist / "app" / "assets", check_dir=False)
        self.graphiql = StaticFiles(directory=self.dist / "graphiql", check_dir=False)

    @property
    def available(self) -> bool:
        return self.index.is_file()

    def handles(self, scope: dict[str, Any]) -> bool:
        path: str = scope["path"]
        if path.startswith(("/assets/", "/graphiql/")):
            return True
        if scope["method"] != "GET" or path in API_PATHS or path.startswith("/subgraphs/"):
            return False
        accept = next((v for k, v in scope["headers"] if k == b"accept"), b"")
        return b"text/html" in accept and self.available

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path: str = scope["path"]
        if path.startswith("/assets/"):
            await self.assets(_strip(scope, "/assets"), receive, send)
        elif path.startswith("/graphiql/"):
            await self.graphiql(_strip(scope, "/graphiql"), receive, send)
        else:
            await FileResponse(self.index, media_type="text/html")(scope, receive, send)


def _strip(scope: dict[str, Any], prefix: str) -> dict[str, Any]:
    child = dict(scope)
    child["path"] = scope["path"][len(prefix):]
    child["root_path"] = scope.get("root_path", "") + prefix
    return child
