# syntax=docker/dockerfile:1
# One image for every component: `modelplane serve --component gateway|registry|catalog|deploy|all`.
# Configured only through MODELPLANE_* environment variables and mounted files (docs/ship.md).
#
#   docker build -t modelplane:0.1.0 .
#   docker build --build-arg BUILD_WEB=false -t modelplane:0.1.0 .   # skip the web app
ARG PYTHON_VERSION=3.11
ARG NODE_VERSION=20

# --- web: the single-page app and the offline GraphiQL assets --------------------------------
# Built when web/package.json exists and BUILD_WEB is not "false"; otherwise an empty dist/
# (the gateway then serves its script-free GraphiQL console).
FROM node:${NODE_VERSION}-bookworm-slim AS web
ARG BUILD_WEB=auto
WORKDIR /src
# The whole context (filtered by .dockerignore), because COPY of a missing web/ would fail.
COPY . /src
RUN mkdir -p /src/web/dist \
 && if [ "$BUILD_WEB" != "false" ] && [ -f web/package.json ]; then \
      cd web \
      && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; \
         else npm install --no-audit --no-fund; fi \
      && npm run build; \
    fi

# --- build: the wheel, installed with its dependencies into a virtual environment --------------
FROM python:${PYTHON_VERSION}-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# A compiler only for dependencies without a wheel for this platform; never in the final stage.
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY common ./common
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY modelplane ./modelplane
RUN python -m venv /opt/modelplane \
 && /opt/modelplane/bin/pip install --upgrade pip \
 && /opt/modelplane/bin/pip wheel --no-deps --wheel-dir /wheels . \
 && /opt/modelplane/bin/pip install /wheels/*.whl

# --- runtime: slim Python, the virtual environment, no compiler, a non-root user ---------------
FROM python:${PYTHON_VERSION}-slim-bookworm AS runtime
ARG PYTHON_VERSION
ENV PATH=/opt/modelplane/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MODELPLANE_DATA_DIR=/var/lib/modelplane \
    MODELPLANE_CATALOG_SOURCES=/etc/modelplane/catalog/sources.yaml
RUN groupadd --system --gid 10001 modelplane \
 && useradd --system --uid 10001 --gid modelplane --home-dir /var/lib/modelplane \
      --no-create-home --shell /usr/sbin/nologin modelplane \
 && mkdir -p /var/lib/modelplane /etc/modelplane/catalog /app \
 && chown modelplane:modelplane /var/lib/modelplane
COPY --from=build /opt/modelplane /opt/modelplane
# The gateway looks for web/dist beside its installed packages (gateway/http/graphiql.py).
COPY --from=web /src/web/dist /opt/modelplane/lib/python${PYTHON_VERSION}/site-packages/web/dist
# schema/ holds the committed supergraph; examples/catalog is the sample catalog, replaced by a
# mounted directory (compose volume, Kubernetes ConfigMap) in real deployments.
COPY schema /app/schema
COPY examples/catalog /etc/modelplane/catalog
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# Every component answers /health on the port it serves; the manifests keep it at 8000.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
ENTRYPOINT ["modelplane"]
CMD ["serve", "--component", "all", "--host", "0.0.0.0"]
