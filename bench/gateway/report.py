"""The benchmark's outputs: the printed table and the results file."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
from pathlib import Path
from typing import Any

import orjson
from expected import compute_expected_response
from lineup import GATEWAY_CORE, HERE, LOAD_CORE, gateway_node


def add_ratios(results: list[dict[str, Any]]) -> None:
    """ours_x = how many times this gateway's throughput Modelplane's gateway has."""
    ours = next((r for r in results if r["gateway"] == "modelplane" and r["status"] == "ok"), None)
    for result in results:
        if ours is None or result.get("status") != "ok" or not result.get("requests_per_s"):
            result["ours_x"] = None
        else:
            result["ours_x"] = round(ours["requests_per_s"] / result["requests_per_s"], 2)


def combine_rounds(rounds: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One result per gateway over several rounds (each with its ratios already added): the
    round with its median requests/s, whose figures all come from that one run, plus every
    round's requests/s and ratio, and `ours_x` as the median of the per-round ratios (each
    measured minutes apart at most, so drift in the machine's speed affects both alike)."""
    if len(rounds) == 1:
        return rounds[0]
    combined = []
    for index in range(len(rounds[0])):
        runs = [round_results[index] for round_results in rounds]
        good = [run for run in runs if run["status"] == "ok"]
        if len(good) < len(runs):
            chosen = next(run for run in runs if run["status"] != "ok")  # a failure shows
        else:
            chosen = sorted(good, key=lambda run: run["requests_per_s"])[(len(good) - 1) // 2]
        result = dict(chosen)
        result["rounds"] = [
            {"requests_per_s": run.get("requests_per_s"), "ours_x": run.get("ours_x"), "status": run["status"]}
            for run in runs
        ]
        ratios = [run["ours_x"] for run in runs if run.get("ours_x") is not None]
        result["ours_x"] = round(statistics.median(ratios), 2) if len(ratios) == len(runs) else None
        combined.append(result)
    assert all(result["gateway"] == first["gateway"] for result, first in zip(combined, rounds[0], strict=True))
    return combined


def format_table(results: list[dict[str, Any]]) -> str:
    header = (
        f"{'gateway':<17}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'RSS MB':>8}{'fetch/req':>10}"
        f"{'ours x':>8}{'gw cpu%':>8}{'cpu ms/req':>11}{'core1%':>7}  status"
    )
    rows = [header, "-" * len(header)]
    for result in results:
        if result["status"] == "failed":
            rows.append(f"{result['gateway']:<17}{'':>79}  failed: see the results file")
            continue
        ratio = "-" if result["ours_x"] is None else f"{result['ours_x']:.2f}"
        rows.append(
            f"{result['gateway']:<17}{result['requests_per_s']:>9.1f}{result['p50_ms']:>9.1f}"
            f"{result['p99_ms']:>9.1f}{result['peak_rss_mb']:>8.0f}{result['plan_fetches']:>10.2f}"
            f"{ratio:>8}{result['gateway_cpu_percent']:>8.0f}{result['gateway_cpu_ms_per_request']:>11.2f}"
            f"{result['load_core_used_by_bench_percent']:>7.0f}  {result['status']}"
        )
    for result in results:
        if len(result.get("rounds") or ()) > 1:
            per_round = ", ".join(
                "failed" if run["status"] != "ok" else f"{run['requests_per_s']:.1f} req/s" + (f" ({run['ours_x']:.2f})" if run["ours_x"] is not None else "")
                for run in result["rounds"]
            )
            rows.append(f"{result['gateway']:<18} rounds: {per_round}")
    rows.append(LEGEND)
    return "\n".join(rows)


LEGEND = """
fetch/req: subgraph fetches per request, one request at a time (the plan's count)
ours x:    Modelplane's requests/s divided by this gateway's (with --rounds: the median of the rounds' ratios;
           the other figures are from each gateway's median round; "rounds:" lines list every round)
gw cpu%:   share of core 0 the gateway process used during the load
cpu ms/req: gateway CPU time per request (independent of other work on the machine)
core1%:    share of core 1 used by our subgraphs and load generator (near 100: core 1 limits)"""


def describe_machine() -> dict[str, Any]:
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    node_version = subprocess.run(
        [gateway_node(), "--version"], capture_output=True, text=True, check=False
    )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "node": node_version.stdout.strip(),
    }


def read_npm_versions() -> dict[str, str]:
    lock = HERE / "package-lock.json"
    if not lock.exists():
        return {}
    packages = json.loads(lock.read_text()).get("packages", {})
    wanted = json.loads((HERE / "package.json").read_text())["dependencies"]
    return {name: packages.get(f"node_modules/{name}", {}).get("version", "?") for name in wanted}


def write_results(args: argparse.Namespace, results: list[dict[str, Any]]) -> None:
    document = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "workload": {
            "query": "bench/gateway/query.graphql",
            "response_bytes": len(orjson.dumps(compute_expected_response())),
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "max_requests": args.max_requests,
            "pinning": {"gateway": f"core {GATEWAY_CORE}", "subgraphs+load": f"core {LOAD_CORE}"},
            "niceness": args.nice,
            "load_engine": args.engine,
            "rounds": args.rounds,
        },
        "machine": describe_machine(),
        # Other work on the machine slows every gateway alike; the load averages say how much.
        "load_average_at_start": args.load_average_at_start,
        "load_average_at_end": [round(value, 2) for value in os.getloadavg()],
        "npm": read_npm_versions(),
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n")
    print(f"results written to {args.output}")
