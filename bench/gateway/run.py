"""Runs the gateway benchmark: subgraphs, each gateway in turn, the load, and a results table.

    python bench/gateway/run.py [--quick] [--only apollo,hive,modelplane] [--duration 20]

Each gateway runs as one process pinned to core 0; the subgraphs, the load generator and
this runner share core 1. Results go to bench/gateway/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
from expected import build_request_body, compute_expected_response
from lineup import GATEWAY_CORE, HERE, LOAD_CORE, REPO, Gateway, bundled_node, define_gateways
from processes import (
    NICENESS,
    busy_percent,
    pin,
    raise_session_priority,
    read_cpu_times,
    read_peak_rss_mb,
    read_process_cpu_s,
    refuse_taken_port,
    start_process,
    stop_process,
    tail,
)
from report import add_ratios, combine_rounds, format_table, write_results

SUPERGRAPH = HERE / "supergraph.graphql"
COMPOSED_SUBGRAPH_PORT = 4200
READY_TIMEOUT_S = 90.0
PROBE_REQUESTS = 10
QUIET_INTERVAL_S = 0.5
FETCH_BODY_CHARS = 600
LOAD_ENGINE = ["wrk"]  # set once from --engine


class GatewayFailed(Exception):
    """A gateway did not start, or did not answer the benchmark query correctly."""


def http_request(url: str, body: bytes | None = None, timeout: float = 10.0) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=body, headers={"content-type": "application/json"} if body else {}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_ready(
    process: subprocess.Popen[bytes], url: str, body: bytes, expected: Any, log: Path
) -> None:
    """Ready means: answers the benchmark query with the expected response."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise GatewayFailed(f"exited with status {process.returncode}:\n{tail(log)}")
        try:
            status, answer = http_request(url, body)
        except OSError as error:
            last = f"{type(error).__name__}: {error}"
            time.sleep(0.25)
            continue
        if status == 200 and orjson.loads(answer) == expected:
            return
        last = f"HTTP {status}: {answer[:500]!r}"
        if status == 200:
            raise GatewayFailed(f"answered the benchmark query wrongly: {last}")
        time.sleep(0.25)
    raise GatewayFailed(f"not ready after {READY_TIMEOUT_S:.0f} s ({last}):\n{tail(log)}")


def run_loadgen(
    url: str, files: dict[str, Path], connections: int, duration: float, max_requests: int
) -> dict[str, Any]:
    command = pin([
        sys.executable, str(HERE / "loadgen.py"),
        "--url", url,
        "--body-file", str(files["body"]),
        "--expected-file", str(files["expected"]),
        "--connections", str(connections),
        "--duration", str(duration),
        "--max-requests", str(max_requests),
        "--engine", LOAD_ENGINE[0],
    ], LOAD_CORE)  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    raise_session_priority(process.pid)
    try:
        stdout, stderr = process.communicate(timeout=duration + 180)
    except subprocess.TimeoutExpired:
        stop_process(process)
        raise GatewayFailed("the load generator did not finish") from None
    if process.returncode != 0:
        raise GatewayFailed(f"load generator failed: {stderr.decode()[-2000:]}")
    report: dict[str, Any] = json.loads(stdout)
    return report


def read_subgraph_stats(subgraph_url: str) -> dict[str, Any]:
    _status, body = http_request(f"{subgraph_url}/stats")
    stats: dict[str, Any] = json.loads(body)
    return stats


def read_subgraph_fetches(subgraph_url: str) -> dict[str, int]:
    fetches: dict[str, int] = read_subgraph_stats(subgraph_url)["fetches"]
    return fetches


def benchmark_gateway(
    gateway: Gateway,
    args: argparse.Namespace,
    files: dict[str, Path],
    expected: Any,
    subgraphs_pid: int,
) -> dict[str, Any]:
    """Start one gateway, probe, warm up, measure, stop; never raises for a bad gateway."""
    url = f"http://127.0.0.1:{args.gateway_port}/graphql"
    subgraph_url = f"http://127.0.0.1:{args.subgraph_port}"
    body = files["body"].read_bytes()
    log = files["logs"] / f"{gateway.name}.log"
    result: dict[str, Any] = {"gateway": gateway.name, "description": gateway.description}
    # Relative to the checkout, so that the results file names no machine's paths.
    result["command"] = " ".join(gateway.command).replace(f"{REPO}{os.sep}", "")
    print(f"\n== {gateway.name}: {gateway.description}", flush=True)
    process = start_process(gateway.command, GATEWAY_CORE, gateway.env, gateway.cwd, log)
    try:
        wait_until_ready(process, url, body, expected, log)
        result["plan_fetches"], result["plan_fetch_list"] = probe_plan_fetches(
            url, body, expected, subgraph_url
        )
        print(f"   ready ({result['plan_fetches']} fetches/request when alone); "
              f"warming up for {args.warmup:g} s", flush=True)  # fmt: skip
        warmup = run_loadgen(url, files, args.connections, args.warmup, args.max_requests)
        result["warmup"] = {key: warmup[key] for key in ("responses", "errors", "mismatches")}
        wait_until_quiet(subgraph_url)
        http_request(f"{subgraph_url}/stats/reset")
        print(
            f"   measuring for {args.duration:g} s (at most {args.max_requests} requests)",
            flush=True,
        )
        before = take_cpu_snapshot(process.pid, subgraphs_pid)
        load = run_loadgen(url, files, args.connections, args.duration, args.max_requests)
        during = take_cpu_snapshot(process.pid, subgraphs_pid)
        wait_until_quiet(subgraph_url)
        settled = take_cpu_snapshot(process.pid, subgraphs_pid)
        subgraph_stats = read_subgraph_stats(subgraph_url)
        fetches = subgraph_stats["fetches"]
        peak_rss_mb, gateway_processes = read_peak_rss_mb(process.pid)
        if process.poll() is not None:
            raise GatewayFailed(
                f"exited during the load with status {process.returncode}:\n{tail(log)}"
            )
    except GatewayFailed as failure:
        result.update(status="failed", reason=str(failure))
        print(f"   FAILED: {failure}", flush=True)
        return result
    finally:
        stop_process(process)
    # Requests the gateway served in the window: the answered ones plus those the load
    # generator left in flight when it stopped (their fetches and CPU are in the window).
    served = load["responses"] + load["abandoned_in_flight"]
    cores = busy_percent(before["cores"], during["cores"])
    result.update(
        status="ok" if load["errors"] == 0 and load["mismatches"] == 0 else "wrong",
        load=load,
        requests_per_s=load["requests_per_s"],
        p50_ms=load["latency_ms"]["p50"],
        p99_ms=load["latency_ms"]["p99"],
        peak_rss_mb=peak_rss_mb,
        processes=gateway_processes,
        subgraph_fetches_under_load=fetches,
        # Fetches whose exact body had not been seen before, so graphql-core ran.
        subgraph_executions=subgraph_stats["executions"],
        subgraph_connections_opened=subgraph_stats["connections_opened"],
        fetches_per_request_under_load=per_request(sum(fetches.values()), served),
        cpu_busy_percent={
            "gateway_core": cores.get(f"cpu{GATEWAY_CORE}"),
            "load_core": cores.get(f"cpu{LOAD_CORE}"),
        },
        # The CPU the gateway itself used: unlike the wall-clock figures, this does not
        # depend on what else runs on the machine.
        gateway_cpu_percent=round(
            100 * (during["gateway"] - before["gateway"]) / load["elapsed_s"], 1
        ),
        gateway_cpu_ms_per_request=per_request(
            1000 * (settled["gateway"] - before["gateway"]), served
        ),
        # What core 1 spends per gateway request, to show that it is not the bottleneck.
        subgraphs_cpu_us_per_request=per_request(
            1e6 * (settled["subgraphs"] - before["subgraphs"]), served
        ),
        loadgen_cpu_us_per_request=load.get("loadgen_cpu_us_per_request"),
    )
    # How much of core 1 our own subgraphs and load generator used: near 100 % would
    # mean the figures measure core 1, not the gateway.
    load_side_us = (result["subgraphs_cpu_us_per_request"] or 0) + (
        result["loadgen_cpu_us_per_request"] or 0
    )
    result["load_core_used_by_bench_percent"] = round(
        load_side_us * load["requests_per_s"] / 1e4, 1
    )
    if result["load_core_used_by_bench_percent"] > 85:
        print("   warning: the subgraphs and load generator used most of core 1;"
              " this gateway may be faster than measured", flush=True)  # fmt: skip
    if result["status"] == "wrong":
        print(
            f"   WRONG: {load['errors']} errors, {load['mismatches']} wrong responses; "
            f"first error: {load['first_error']}",
            flush=True,
        )
    return result


def per_request(total: float, requests: int) -> float | None:
    return round(total / requests, 2) if requests else None


def take_cpu_snapshot(gateway_pid: int, subgraphs_pid: int) -> dict[str, Any]:
    return {
        "cores": read_cpu_times(),
        "gateway": read_process_cpu_s(gateway_pid),
        "subgraphs": read_process_cpu_s(subgraphs_pid),
    }


def probe_plan_fetches(
    url: str, body: bytes, expected: Any, subgraph_url: str
) -> tuple[float, list[dict[str, Any]]]:
    """Subgraph fetches per request with one request at a time: the plan's own count,
    and the operations the gateway sent to each subgraph for one request."""
    wait_until_quiet(subgraph_url)
    http_request(f"{subgraph_url}/stats/reset")
    for _ in range(PROBE_REQUESTS):
        status, answer = http_request(url, body, timeout=60)
        if status != 200 or orjson.loads(answer) != expected:
            raise GatewayFailed(
                f"answered the benchmark query wrongly: HTTP {status}: {answer[:500]!r}"
            )
    wait_until_quiet(subgraph_url)
    fetches = round(sum(read_subgraph_fetches(subgraph_url).values()) / PROBE_REQUESTS, 2)
    _status, listing = http_request(f"{subgraph_url}/stats/requests")
    fetch_list = [
        {
            "subgraph": entry["subgraph"],
            "per_request": round(entry["fetches"] / PROBE_REQUESTS, 2),
            "body": entry["body"][:FETCH_BODY_CHARS],
        }
        for entry in json.loads(listing)
    ]
    return fetches, fetch_list


def wait_until_quiet(subgraph_url: str, timeout_s: float = 120.0) -> None:
    """Wait until the subgraphs stop receiving fetches: the gateway has drained its work."""
    deadline = time.monotonic() + timeout_s
    last = read_subgraph_fetches(subgraph_url)
    while time.monotonic() < deadline:
        time.sleep(QUIET_INTERVAL_S)
        current = read_subgraph_fetches(subgraph_url)
        if current == last:
            return
        last = current


def ensure_node_modules(names: list[str]) -> None:
    if not any(name.startswith(("apollo", "hive")) for name in names):
        return
    node = bundled_node()
    if (HERE / "node_modules" / ".bin" / "hive-gateway").exists() and (node is None or node.exists()):
        return
    print("installing the npm gateways into bench/gateway/node_modules (npm ci)", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def ensure_wrk() -> bool:
    if shutil.which("wrk"):
        return True
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    print("installing wrk (apt-get install wrk)", flush=True)

    def run_quietly(*command: str) -> int:
        quiet = subprocess.DEVNULL
        return subprocess.run(command, stdout=quiet, stderr=quiet, check=False).returncode

    if run_quietly("apt-get", "install", "-y", "wrk") != 0:
        run_quietly("apt-get", "update")
        run_quietly("apt-get", "install", "-y", "wrk")
    return shutil.which("wrk") is not None


def prepare_supergraph(subgraph_port: int, workdir: Path) -> Path:
    if subgraph_port == COMPOSED_SUBGRAPH_PORT:
        return SUPERGRAPH
    moved = SUPERGRAPH.read_text().replace(
        f"127.0.0.1:{COMPOSED_SUBGRAPH_PORT}/", f"127.0.0.1:{subgraph_port}/"
    )
    path = workdir / "supergraph.graphql"
    path.write_text(moved)
    return path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        default="apollo,hive,hive-dedup,modelplane",
        help="comma-separated gateways: apollo, hive, hive-dedup, modelplane, modelplane-dedup",
    )
    parser.add_argument("--quick", action="store_true", help="short warm-up and load (smoke run)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure every gateway this many times, alternating the order; each gateway's "
        "figures are its median round's, and `ours x` the median of the per-round ratios",
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of measured load")
    parser.add_argument(
        "--warmup", type=float, default=15.0, help="seconds of unmeasured load first"
    )
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="request budget per run")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--gateway-port", type=int, default=4000)
    parser.add_argument("--subgraph-port", type=int, default=COMPOSED_SUBGRAPH_PORT)
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run gateways, subgraphs and load at this niceness (e.g. -10 on a busy machine; needs root)",
    )
    parser.add_argument(
        "--engine",
        choices=["wrk", "python"],
        default="wrk",
        help="load generator: wrk (installed with apt-get when missing) or Python asyncio",
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.quick:
        args.duration, args.warmup, args.max_requests = 5.0, 3.0, min(args.max_requests, 20_000)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.load_average_at_start = [round(value, 2) for value in os.getloadavg()]
    NICENESS[0], LOAD_ENGINE[0] = args.nice, args.engine
    if args.engine == "wrk" and not ensure_wrk():
        print("wrk is missing and could not be installed; using the Python load generator")
        LOAD_ENGINE[0] = args.engine = "python"
    if (os.cpu_count() or 1) < 2:
        print("this benchmark needs two cores: the gateway on one, the load on the other")
        return 2
    os.sched_setaffinity(0, {LOAD_CORE})
    names = [name.strip() for name in args.only.split(",") if name.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="gateway-bench-"))
    files = {"body": workdir / "body.json", "expected": workdir / "expected.json", "logs": workdir}
    expected = compute_expected_response()
    files["body"].write_bytes(build_request_body())
    files["expected"].write_bytes(orjson.dumps(expected))
    supergraph = prepare_supergraph(args.subgraph_port, workdir)
    gateways = define_gateways(supergraph, args.gateway_port)
    unknown = [name for name in names if name not in gateways]
    if unknown:
        print(f"unknown gateway(s) {', '.join(unknown)}; choose from {', '.join(gateways)}")
        return 2
    ensure_node_modules(names)
    refuse_taken_port(args.subgraph_port, "--subgraph-port")
    refuse_taken_port(args.gateway_port, "--gateway-port")
    subgraph_log = workdir / "subgraphs.log"
    subgraphs = start_process(
        [sys.executable, str(HERE / "subgraph_server.py"), "--port", str(args.subgraph_port)],
        LOAD_CORE, {}, HERE, subgraph_log,
    )  # fmt: skip
    rounds: list[list[dict[str, Any]]] = []
    try:
        wait_for_subgraphs(subgraphs, args.subgraph_port, subgraph_log)
        for round_index in range(args.rounds):
            # Every other round in reverse order, so that a machine slowing down or speeding
            # up over the run does not favour the gateways measured first.
            order = names if round_index % 2 == 0 else names[::-1]
            if args.rounds > 1:
                print(f"round {round_index + 1} of {args.rounds}", flush=True)
            measured = {name: benchmark_gateway(gateways[name], args, files, expected, subgraphs.pid) for name in order}
            rounds.append([measured[name] for name in names])
            add_ratios(rounds[-1])
    finally:
        stop_process(subgraphs)
    results = combine_rounds(rounds)
    write_results(args, results)
    print()
    print(format_table(results))
    print(f"\nlogs in {workdir}")
    return 0 if all(result["status"] == "ok" for result in results) else 1


def wait_for_subgraphs(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the subgraphs did not start:\n{tail(log)}")
        try:
            if http_request(f"http://127.0.0.1:{port}/health")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the subgraphs did not answer on port {port}:\n{tail(log)}")


if __name__ == "__main__":
    sys.exit(main())
