"""The dependency rules of DESIGN.md, checked on every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package prefix -> prefixes it must never import
RULES: dict[str, tuple[str, ...]] = {
    "common": ("gateway", "subgraphs", "modelplane"),
    "subgraphs.registry": ("gateway", "modelplane", "subgraphs.catalog", "subgraphs.deploy"),
    "subgraphs.catalog": ("gateway", "modelplane", "subgraphs.registry", "subgraphs.deploy"),
    "subgraphs.deploy": ("gateway", "modelplane", "subgraphs.registry", "subgraphs.catalog"),
    "gateway.supergraph": (
        "gateway.planning", "gateway.execution", "gateway.http", "gateway.auth", "modelplane",
    ),
    "gateway.planning": ("gateway.execution", "gateway.http", "gateway.auth", "modelplane"),
    "gateway.execution": ("gateway.http", "gateway.auth", "modelplane"),
    "gateway.auth": ("gateway.planning", "gateway.execution", "gateway.http", "modelplane"),
    "gateway.limits": ("gateway.planning", "gateway.execution", "gateway.http", "modelplane"),
    "gateway": ("subgraphs", "modelplane"),
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for package in ("common", "gateway", "subgraphs"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            found.append((".".join(relative.parts).removesuffix(".__init__"), path))
    return found


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _forbidden(module: str) -> tuple[str, ...]:
    rules = [(prefix, banned) for prefix, banned in RULES.items() if module == prefix or module.startswith(prefix + ".")]
    return tuple(b for _, banned in rules for b in banned)


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_module_respects_the_layering(module: str, path: Path) -> None:
    banned = _forbidden(module)
    bad = sorted(
        name for name in _imports(path) for prefix in banned if name == prefix or name.startswith(prefix + ".")
    )
    assert not bad, f"{module} imports {bad}, which DESIGN.md's dependency rules forbid"
