"""Environment settings: every variable is declared once, with its default and meaning."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class ConfigurationError(RuntimeError):
    """A setting or configuration file that cannot be used; the process should not start."""


@dataclass(frozen=True, slots=True)
class EnvSetting:
    name: str
    default: str | None
    help: str

    def get(self) -> str | None:
        value = os.environ.get(self.name)
        return value if value not in (None, "") else self.default

    def get_str(self) -> str:
        value = self.get()
        if value is None:
            raise ConfigurationError(f"{self.name} is not set: {self.help}")
        return value

    def get_int(self) -> int:
        raw = self.get_str()
        try:
            return int(raw)
        except ValueError:
            raise ConfigurationError(f"{self.name} must be an integer, got {raw!r}") from None

    def get_float(self) -> float:
        raw = self.get_str()
        try:
            return float(raw)
        except ValueError:
            raise ConfigurationError(f"{self.name} must be a number, got {raw!r}") from None

    def get_bool(self) -> bool:
        raw = (self.get() or "").strip().lower()
        return raw in ("1", "true", "yes", "on")


DECLARED: dict[str, EnvSetting] = {}


def declare(name: str, default: str | None, help: str) -> EnvSetting:
    """Declare an environment variable; the README's list is checked against these."""
    setting = EnvSetting(name, default, help)
    DECLARED[name] = setting
    return setting


MODE = declare(
    "MODELPLANE_MODE", "standalone", "Deployment mode: standalone, kubeflow or federated."
)
DATA_DIR = declare(
    "MODELPLANE_DATA_DIR", ".modelplane", "Directory for the standalone SQLite file and other state."
)
DATABASE_URL = declare(
    "MODELPLANE_DATABASE_URL",
    None,
    "SQLAlchemy URL of the registry database (postgresql+asyncpg://… or sqlite+aiosqlite:///…); "
    "standalone default: a SQLite file in the data directory.",
)
REDIS_URL = declare(
    "MODELPLANE_REDIS_URL", None, "Redis URL for shared caches and rate limits; unset: in-process."
)
INTERNAL_SECRET = declare(
    "MODELPLANE_INTERNAL_SECRET",
    None,
    "Shared secret that signs identity headers from the gateway to the subgraphs.",
)
DEFAULT_TENANT = declare(
    "MODELPLANE_DEFAULT_TENANT", "default", "Tenant used when a request names none (standalone)."
)


def data_dir() -> Path:
    path = Path(DATA_DIR.get_str())
    path.mkdir(parents=True, exist_ok=True)
    return path
