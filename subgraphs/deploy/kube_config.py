"""Where the Kubernetes driver finds its cluster: kubeconfig, in-cluster, or host and token."""

from __future__ import annotations

from dataclasses import dataclass

from kubernetes_asyncio import client, config

from subgraphs.deploy import settings


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    kubeconfig: str | None = None
    context: str | None = None
    host: str | None = None
    token: str | None = None
    ca_file: str | None = None
    in_cluster: bool = False

    @classmethod
    def from_environment(cls) -> ClusterSettings:
        return cls(
            kubeconfig=settings.KUBECONFIG.get(),
            context=settings.KUBE_CONTEXT.get(),
            host=settings.KUBE_HOST.get(),
            token=settings.KUBE_TOKEN.get(),
            ca_file=settings.KUBE_CA_FILE.get(),
            in_cluster=settings.KUBE_IN_CLUSTER.get_bool(),
        )

    @property
    def configured(self) -> bool:
        return bool(self.kubeconfig or self.host or self.in_cluster)


async def load_configuration(cluster: ClusterSettings) -> client.Configuration:
    """A kubernetes-asyncio Configuration for the cluster these settings name."""
    configuration = client.Configuration()
    if cluster.host:
        configuration.host = cluster.host.rstrip("/")
        if cluster.token:
            configuration.api_key = {"BearerToken": cluster.token}
            configuration.api_key_prefix = {"BearerToken": "Bearer"}
        configuration.verify_ssl = cluster.ca_file is not None
        configuration.ssl_ca_cert = cluster.ca_file
    elif cluster.in_cluster:
        config.load_incluster_config(client_configuration=configuration)  # type: ignore[no-untyped-call]
    elif cluster.kubeconfig:
        await config.load_kube_config(
            config_file=cluster.kubeconfig,
            context=cluster.context,
            client_configuration=configuration,
            persist_config=False,
        )
    else:
        raise ValueError("no cluster configured")
    return configuration
