"""Request-hardening settings from the environment, with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass

from common import settings as common_settings
from common.settings import declare

MAX_DEPTH = declare("MODELPLANE_MAX_DEPTH", "15", "Deepest field nesting an operation may have.")
MAX_ALIASES = declare("MODELPLANE_MAX_ALIASES", "30", "Most aliased fields in one operation.")
MAX_ROOT_FIELDS = declare("MODELPLANE_MAX_ROOT_FIELDS", "20", "Most root fields in one operation.")
MAX_TOKENS = declare(
    "MODELPLANE_MAX_TOKENS", "10000", "Most lexical tokens in a document (counted before parsing)."
)
MAX_COST = declare(
    "MODELPLANE_MAX_COST", "50000", "Highest estimated operation cost (@cost/@listSize aware)."
)
DEFAULT_LIST_SIZE = declare(
    "MODELPLANE_COST_LIST_SIZE", "10", "List size the cost estimate assumes without @listSize."
)
MAX_BODY_BYTES = declare(
    "MODELPLANE_MAX_BODY_BYTES", str(1024 * 1024), "Largest request body in bytes (413 above)."
)
RATE_LIMIT_RPS = declare(
    "MODELPLANE_RATE_LIMIT_RPS", "100", "Requests per second per identity; 0 turns limiting off."
)
RATE_LIMIT_BURST = declare(
    "MODELPLANE_RATE_LIMIT_BURST",
    None,
    "Requests an identity may save up; default: twice the rate.",
)
OPERATION_TIMEOUT = declare(
    "MODELPLANE_OPERATION_TIMEOUT_SECONDS", "30", "Time limit on each operation; 0: none."
)
CSRF_PREVENTION = declare(
    "MODELPLANE_CSRF_PREVENTION",
    "true",
    "Refuse GET/simple POST requests without a preflight header.",
)
INTROSPECTION = declare(
    "MODELPLANE_INTROSPECTION",
    None,
    "Allow introspection to everyone (true) or only to roles with the 'introspection' scope "
    "(false); default: true in standalone mode, false otherwise.",
)
TRUSTED_DOCUMENTS = declare(
    "MODELPLANE_TRUSTED_DOCUMENTS",
    None,
    "JSON manifest of trusted documents (sha256 → document, or Apollo's manifest format).",
)
REQUIRE_TRUSTED_DOCUMENTS = declare(
    "MODELPLANE_REQUIRE_TRUSTED_DOCUMENTS",
    "false",
    "Run only trusted documents for browser requests (those with Origin/Sec-Fetch-Mode).",
)


@dataclass(frozen=True, slots=True)
class LimitSettings:
    max_depth: int = 15
    max_aliases: int = 30
    max_root_fields: int = 20
    max_tokens: int = 10_000
    max_cost: int = 50000
    default_list_size: int = 10
    max_body_bytes: int = 1024 * 1024
    rate_limit_rps: float = 100.0
    rate_limit_burst: float = 200.0
    operation_timeout_seconds: float = 30.0
    csrf_prevention: bool = True
    introspection: bool = False
    trusted_documents_path: str | None = None
    require_trusted_documents: bool = False
    redis_url: str | None = None

    @classmethod
    def from_env(cls) -> LimitSettings:
        rate = RATE_LIMIT_RPS.get_float()
        burst = RATE_LIMIT_BURST.get()
        introspection = INTROSPECTION.get()
        mode = common_settings.MODE.get_str()
        return cls(
            max_depth=MAX_DEPTH.get_int(),
            max_aliases=MAX_ALIASES.get_int(),
            max_root_fields=MAX_ROOT_FIELDS.get_int(),
            max_tokens=MAX_TOKENS.get_int(),
            max_cost=MAX_COST.get_int(),
            default_list_size=DEFAULT_LIST_SIZE.get_int(),
            max_body_bytes=MAX_BODY_BYTES.get_int(),
            rate_limit_rps=rate,
            rate_limit_burst=float(burst) if burst else 2 * rate,
            operation_timeout_seconds=OPERATION_TIMEOUT.get_float(),
            csrf_prevention=CSRF_PREVENTION.get_bool(),
            introspection=(
                introspection.strip().lower() in ("1", "true", "yes", "on")
                if introspection
                else mode == "standalone"
            ),
            trusted_documents_path=TRUSTED_DOCUMENTS.get(),
            require_trusted_documents=REQUIRE_TRUSTED_DOCUMENTS.get_bool(),
            redis_url=common_settings.REDIS_URL.get(),
        )
