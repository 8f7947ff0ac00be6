"""Every environment variable the code declares is documented in the README."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import common
import common.settings
import gateway
import subgraphs

README = Path(__file__).resolve().parents[2] / "README.md"


def _import_all(package: object) -> None:
    """Every module that declares a setting (its source calls `declare(`)."""
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):  # type: ignore[attr-defined]
        spec = importlib.util.find_spec(module.name)
        origin = spec.origin if spec else None
        if origin and origin.endswith(".py") and "declare(" in Path(origin).read_text(encoding="utf-8"):
            importlib.import_module(module.name)


def test_every_declared_variable_is_in_the_readme() -> None:
    _import_all(common)
    _import_all(gateway)
    _import_all(subgraphs)
    documented = set(re.findall(r"`(MODELPLANE_[A-Z0-9_]+)`", README.read_text(encoding="utf-8")))
    declared = set(common.settings.DECLARED)
    assert len(declared) > 10
    missing = sorted(declared - documented)
    assert not missing, f"declared but not in README's configuration table: {missing}"
    unknown = sorted(documented - declared)
    assert not unknown, f"documented in README but declared nowhere: {unknown}"
