"""What the ship tests read: the rendered overlays, compose.yaml and the Dockerfile, from the repository."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tests.ship.kustomize import Manifest, render_kustomization

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "k8s"
OVERLAYS = ("standalone", "kubeflow", "kubeflow-postgres", "federated")
IMAGE = "modelplane"


@cache
def _rendered(overlay: str) -> tuple[Manifest, ...]:
    return tuple(render_kustomization(K8S / "overlays" / overlay))


def render_overlay(overlay: str) -> list[Manifest]:
    """The overlay's objects; a fresh deep copy each call, so tests may change them."""
    import copy

    return copy.deepcopy(list(_rendered(overlay)))


def object_key(obj: Manifest) -> tuple[str, str, str]:
    return (obj["kind"], obj["metadata"].get("namespace", ""), obj["metadata"]["name"])


def load_compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8")))


def project_version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])
