"""compose.yaml: health checks, ordering, ports, volumes and secrets, checked without Docker."""

from __future__ import annotations

import re
from typing import Any

from tests.ship.manifests import ROOT, load_compose

SUBGRAPHS = ("registry", "catalog", "deploy")


def _services() -> dict[str, dict[str, Any]]:
    return dict(load_compose()["services"])


def _one_shot(services: dict[str, dict[str, Any]]) -> set[str]:
    """Services others wait on to *finish*: they exit, so a health check means nothing."""
    return {
        name
        for service in services.values()
        for name, condition in (service.get("depends_on") or {}).items()
        if condition["condition"] == "service_completed_successfully"
    }


def test_every_long_running_service_has_a_health_check() -> None:
    services = _services()
    one_shot = _one_shot(services)
    assert one_shot == {"migrate"}
    for name, service in services.items():
        if name in one_shot:
            assert service["restart"] == "no"
            continue
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"


def test_dependencies_wait_for_health_or_completion() -> None:
    services = _services()
    for name, service in services.items():
        depends_on = service.get("depends_on") or {}
        assert isinstance(depends_on, dict), f"{name}: depends_on without conditions"
        for dependency, condition in depends_on.items():
            assert dependency in services
            assert condition["condition"] in ("service_healthy", "service_completed_successfully")


def test_gateway_waits_for_healthy_subgraphs() -> None:
    gateway = _services()["gateway"]
    for subgraph in SUBGRAPHS:
        assert gateway["depends_on"][subgraph] == {"condition": "service_healthy"}
    command = " ".join(gateway["command"])
    for subgraph in SUBGRAPHS:
        assert f"{subgraph}=http://{subgraph}:8000/graphql" in command


def test_migration_runs_once_before_the_registry() -> None:
    services = _services()
    assert services["migrate"]["command"] == ["db", "upgrade"]
    assert services["registry"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert services["migrate"]["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_host_ports_do_not_clash() -> None:
    published: list[str] = []
    for service in _services().values():
        for port in service.get("ports", []):
            parts = str(port).split(":")
            host = parts[-2] if len(parts) >= 2 else parts[0]
            published.append(host)
    assert published, "nothing is reachable from the host"
    assert len(published) == len(set(published))
    # PostgreSQL and Redis stay inside: a host usually runs its own on these ports.
    assert not {"5432", "6379"} & set(published)


def test_data_lives_in_named_volumes() -> None:
    compose = load_compose()
    named = set(compose["volumes"])
    used = set()
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                used.add(source)
    assert used == named
    assert {"postgres-data", "redis-data", "nats-data"} <= named


def test_catalog_sources_come_from_examples() -> None:
    catalog = _services()["catalog"]
    assert "./examples/catalog:/etc/modelplane/catalog:ro" in catalog["volumes"]
    assert (
        catalog["environment"]["MODELPLANE_CATALOG_SOURCES"]
        == "/etc/modelplane/catalog/sources.yaml"
    )
    assert (ROOT / "examples" / "catalog" / "sources.yaml").is_file()


def test_secrets_come_from_the_env_file() -> None:
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    # Required secrets are interpolated with ${NAME:?...}: compose refuses to start without them.
    for name in ("MODELPLANE_INTERNAL_SECRET", "POSTGRES_PASSWORD"):
        assert re.search(r"\$\{" + name + r":\?", text)
    interpolated = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert interpolated == set(re.findall(r"^([A-Z0-9_]+)=", example, re.MULTILINE))
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_nats_runs_jetstream() -> None:
    nats = _services()["nats"]
    assert "--jetstream" in nats["command"]
    assert "js-enabled-only=true" in " ".join(nats["healthcheck"]["test"])
