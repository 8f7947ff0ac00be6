from __future__ import annotations

import json
import logging

from common.logs import JsonFormatter


def test_json_lines_carry_extra_fields() -> None:
    record = logging.makeLogRecord(
        {"name": "modelplane.gateway", "levelname": "ERROR", "msg": "boom %s", "args": (1,), "request_id": "r1"}
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "boom 1"
    assert entry["request_id"] == "r1"
    assert entry["level"] == "ERROR" and entry["time"].endswith("Z")
