"""The web app's own checks (types, generated code, Vitest) and what the server hands a browser."""

from __future__ import annotations

import hashlib
import json
import re
import urllib.request
from pathlib import Path

import pytest

from tests.web.toolchain import WEB, run_checked

pytestmark = pytest.mark.timeout(1200)


def _get(url: str, accept: str = "*/*") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers.get("content-type", ""), response.read().decode()


def test_generated_operations_match_the_schema(node_modules: None) -> None:
    output = run_checked(["npm", "run", "codegen:check"])
    assert "up to date" in output


def test_typescript_compiles(node_modules: None) -> None:
    run_checked(["npm", "run", "typecheck"])


def test_vitest_component_tests(node_modules: None) -> None:
    # Vitest colours its summary when CI=true: read it without the escape codes.
    output = re.sub(r"\x1b\[[0-9;]*m", "", run_checked(["npm", "test"]))
    match = re.search(r"Tests\s+(\d+) passed", output)
    assert match and int(match.group(1)) > 0, output[-2000:]


def test_trusted_documents_manifest_hashes_every_operation(web_dist: Path) -> None:
    manifest = json.loads((web_dist / "trusted-documents.json").read_text())
    committed = json.loads((WEB / "src" / "gql" / "trusted-documents.json").read_text())
    assert manifest == committed
    names = set()
    for digest, text in manifest.items():
        assert hashlib.sha256(text.encode()).hexdigest() == digest
        names.update(re.findall(r"^(?:query|mutation) (\w+)", text, re.MULTILINE))
    sources = "\n".join(p.read_text() for p in (WEB / "src").rglob("*.graphql"))
    assert names == set(re.findall(r"^(?:query|mutation) (\w+)", sources, re.MULTILINE))


def test_graphiql_comes_from_our_own_assets(web_dist: Path, modelplane: str) -> None:
    status, content_type, page = _get(f"{modelplane}/graphql", accept="text/html")
    assert status == 200 and "text/html" in content_type
    assert '<meta name="graphql-endpoint" content="/graphql"' in page
    assets = re.findall(r'(?:src|href)="(/graphiql/assets/[^"]+)"', page)
    assert len(assets) >= 2, page
    assert "http://" not in page and "https://" not in page
    for asset in assets:
        assert _get(f"{modelplane}{asset}")[0] == 200


def test_client_side_routes_get_the_app(web_dist: Path, modelplane: str) -> None:
    status, content_type, page = _get(f"{modelplane}/registry/models/42", accept="text/html")
    assert status == 200 and "text/html" in content_type
    assert '<div id="root"></div>' in page
    script = re.search(r'src="(/assets/[^"]+\.js)"', page)
    assert script is not None
    assert _get(f"{modelplane}{script.group(1)}")[0] == 200
