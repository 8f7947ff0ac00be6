"""Environment settings the deploy subgraph reads."""

from __future__ import annotations

from common.settings import declare

REGISTRY_URL = declare(
    "MODELPLANE_REGISTRY_URL",
    None,
    "GraphQL URL of the registry subgraph that deploy reads model versions from "
    "(standalone: set by `modelplane serve`).",
)
KUBECONFIG = declare(
    "MODELPLANE_KUBECONFIG",
    None,
    "Path of a kubeconfig file; when set, deploy drives KServe in that cluster.",
)
KUBE_CONTEXT = declare(
    "MODELPLANE_KUBE_CONTEXT", None, "Context to use from MODELPLANE_KUBECONFIG (default: current)."
)
KUBE_HOST = declare(
    "MODELPLANE_KUBE_HOST",
    None,
    "URL of a Kubernetes API server (https://host:port); used with MODELPLANE_KUBE_TOKEN.",
)
KUBE_TOKEN = declare(
    "MODELPLANE_KUBE_TOKEN", None, "Bearer token for MODELPLANE_KUBE_HOST."
)
KUBE_CA_FILE = declare(
    "MODELPLANE_KUBE_CA_FILE",
    None,
    "CA bundle that signs MODELPLANE_KUBE_HOST's certificate; unset: TLS is not verified.",
)
KUBE_IN_CLUSTER = declare(
    "MODELPLANE_KUBE_IN_CLUSTER",
    "false",
    "true: use the pod's service account (in-cluster config) to drive KServe.",
)
DEPLOY_STORE = declare(
    "MODELPLANE_DEPLOY_STORE",
    None,
    "JSON file where the manifest-only driver keeps rendered manifests "
    "(default: deploy-manifests.json in MODELPLANE_DATA_DIR).",
)
