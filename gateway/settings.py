"""Gateway settings that are not about identity or limits."""

from __future__ import annotations

from common.settings import declare

SUBGRAPH_TIMEOUT = declare(
    "MODELPLANE_SUBGRAPH_TIMEOUT_SECONDS", "30", "Time limit on each subgraph request."
)
DEDUP = declare(
    "MODELPLANE_GATEWAY_DEDUP",
    "0",
    "1: identical queries in flight at the same time (same document, variables and caller) "
    "share one execution.",
)
CONCURRENCY = declare(
    "MODELPLANE_GATEWAY_CONCURRENCY",
    "adaptive",
    "How many operations execute at once: 'adaptive' (a soft limit that follows latency), "
    "'off', or a whole number (a fixed soft limit). Waiting is capped at 50 ms.",
)
OVERRIDE_LABELS = declare(
    "MODELPLANE_GATEWAY_OVERRIDE_LABELS",
    None,
    "Progressive @override labels turned on for every request ('beta,eu-cutover'); "
    "percent(x) labels need nothing: each is on for a random x% of requests.",
)
FORWARD_HEADERS = declare(
    "MODELPLANE_FORWARD_HEADERS",
    None,
    "Request headers passed on to subgraphs besides the signed identity and x-request-id: "
    "'h1,h2' for every subgraph, '; name=h3|h4' for one subgraph.",
)
WEB_DIR = declare(
    "MODELPLANE_WEB_DIR",
    None,
    "Directory of the built web app (app/ and graphiql/); default: the checkout's web/dist.",
)
RESPONSE_CACHE_TTL = declare(
    "MODELPLANE_RESPONSE_CACHE_TTL_SECONDS",
    "0",
    "Response cache: how long a complete, error-free query answer is reused for the same "
    "caller, document, variables and media type; 0 turns the cache off. In Redis when "
    "MODELPLANE_REDIS_URL is set (shared by replicas), else in process.",
)
RESPONSE_CACHE_MAX_ENTRIES = declare(
    "MODELPLANE_RESPONSE_CACHE_MAX_ENTRIES",
    "10000",
    "Response cache: most answers kept in process (least recently used go first); "
    "Redis entries are bounded by the TTL and Redis's own memory policy.",
)
RESPONSE_CACHE_MAX_BYTES = declare(
    "MODELPLANE_RESPONSE_CACHE_MAX_BYTES",
    "262144",
    "Response cache: answers larger than this many bytes are not stored.",
)
