"""Which driver `create_app` picks from the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from subgraphs.deploy.app import choose_driver
from subgraphs.deploy.kube_config import ClusterSettings, load_configuration
from subgraphs.deploy.kubernetes_driver import KubernetesDriver
from subgraphs.deploy.manifest_driver import ManifestDriver


def test_no_cluster_means_manifest_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MODELPLANE_KUBECONFIG", "MODELPLANE_KUBE_HOST", "MODELPLANE_KUBE_IN_CLUSTER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MODELPLANE_DEPLOY_STORE", raising=False)
    driver = choose_driver()
    assert isinstance(driver, ManifestDriver)
    assert driver.path == tmp_path / "deploy-manifests.json"


def test_host_setting_means_kubernetes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELPLANE_KUBE_HOST", "https://127.0.0.1:6443")
    monkeypatch.setenv("MODELPLANE_KUBE_TOKEN", "t")
    assert isinstance(choose_driver(), KubernetesDriver)


async def test_kubeconfig_is_read_on_start(tmp_path: Path) -> None:
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
        "clusters: [{name: k, cluster: {server: 'https://127.0.0.1:6443', insecure-skip-tls-verify: true}}]\n"
        "users: [{name: u, user: {token: abc}}]\n"
        "contexts: [{name: c, context: {cluster: k, user: u}}]\n"
    )
    configuration = await load_configuration(ClusterSettings(kubeconfig=str(kubeconfig)))
    assert configuration.host == "https://127.0.0.1:6443"
    assert configuration.api_key["BearerToken"].endswith("abc")
