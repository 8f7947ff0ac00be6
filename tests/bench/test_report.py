"""The gateway benchmark's report: several rounds become one result per gateway."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "gateway"))

import pytest
from processes import refuse_taken_port
from report import add_ratios, combine_rounds, format_table


def run(gateway: str, rps: float, status: str = "ok") -> dict[str, Any]:
    return {
        "gateway": gateway, "status": status, "requests_per_s": rps, "p50_ms": 1.0, "p99_ms": 2.0,
        "peak_rss_mb": 100, "plan_fetches": 7.0, "gateway_cpu_percent": 99,
        "gateway_cpu_ms_per_request": 1000 / rps if rps else 0.0, "load_core_used_by_bench_percent": 10,
    }


def rounds_of(*pairs: tuple[float, float]) -> list[list[dict[str, Any]]]:
    rounds = []
    for hive, ours in pairs:
        measured = [run("hive", hive), run("modelplane", ours)]
        add_ratios(measured)
        rounds.append(measured)
    return rounds


def test_one_round_is_reported_as_it_is() -> None:
    (only,) = rounds_of((200, 1800))
    assert combine_rounds([only]) is only
    assert only[0]["ours_x"] == 9.0


def test_the_median_round_and_the_median_of_the_per_round_ratios() -> None:
    hive, ours = combine_rounds(rounds_of((200, 1800), (300, 2100), (250, 2500)))
    # Hive's median round is 250 req/s; the ratios per round are 9.0, 7.0 and 10.0.
    assert hive["requests_per_s"] == 250 and hive["gateway_cpu_ms_per_request"] == 4.0
    assert hive["ours_x"] == 9.0
    assert [r["requests_per_s"] for r in hive["rounds"]] == [200, 300, 250]
    assert ours["requests_per_s"] == 2100 and ours["ours_x"] == 1.0
    table = format_table([hive, ours])
    assert "rounds: 200.0 req/s (9.00), 300.0 req/s (7.00), 250.0 req/s (10.00)" in table


def test_a_failed_round_is_shown_and_gives_no_ratio() -> None:
    rounds = rounds_of((200, 1800), (300, 2100))
    rounds[1][0] = run("hive", 0, status="failed")
    add_ratios(rounds[1])
    hive, _ = combine_rounds(rounds)
    assert hive["status"] == "failed"
    assert hive["ours_x"] is None
    assert hive["rounds"][1]["status"] == "failed"


def test_the_benchmark_refuses_a_port_something_already_listens_on() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(SystemExit, match=f"127.0.0.1:{port}.*--subgraph-port"):
            refuse_taken_port(port, "--subgraph-port")
    refuse_taken_port(port, "--subgraph-port")  # free again: no objection
