"""Process logging: plain text for people, one JSON object a line for log pipelines."""

from __future__ import annotations

import json
import logging
import time

from common.settings import declare

LOG_FORMAT = declare("MODELPLANE_LOG_FORMAT", "text", "Log lines as 'text' or 'json'.")
LOG_LEVEL = declare("MODELPLANE_LOG_LEVEL", "INFO", "Lowest level logged (DEBUG, INFO, WARNING…).")

_STANDARD = set(vars(logging.makeLogRecord({})))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value  # extra= fields, e.g. request_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging() -> None:
    handler = logging.StreamHandler()
    if (LOG_FORMAT.get() or "text").lower() == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel((LOG_LEVEL.get() or "INFO").upper())
