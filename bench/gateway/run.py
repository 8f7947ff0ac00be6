"""Runs the gateway benchmark: subgraphs, each gateway in turn, the load, and a results table.

    python bench/gateway/run.py [--quick] [--only apollo,hive,modelplane] [--duration 20]

Each gateway runs as one process pinned to core 0; the subgraphs, the load generator and
this runner share core 1. Results go to bench/gateway/results/latest.json.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from expected import build_request_body, compute_expected_response

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SUPERGRAPH = HERE / "supergraph.graphql"
COMPOSED_SUBGRAPH_PORT = 4200
GATEWAY_CORE = 0
LOAD_CORE = 1
READY_TIMEOUT_S = 90.0
PROBE_REQUESTS = 10
NICENESS = [0]  # set once from --nice
LOAD_ENGINE = ["wrk"]  # set once from --engine
QUIET_INTERVAL_S = 0.5
FETCH_BODY_CHARS = 600


@dataclass(frozen=True)
class Gateway:
    """How to start one gateway: its command and environment, given the supergraph and port."""

    name: str
    description: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = HERE


def find_modelplane_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "modelplane"
    if beside_python.exists():
        return [str(beside_python)]
    on_path = shutil.which("modelplane")
    return [on_path] if on_path else [sys.executable, "-m", "modelplane.cli"]


def define_gateways(supergraph: Path, port: int) -> dict[str, Gateway]:
    node = shutil.which("node") or "node"
    hive = str(HERE / "node_modules" / ".bin" / "hive-gateway")
    hive_args = ["supergraph", str(supergraph), "--port", str(port), "--host", "127.0.0.1"]
    modelplane = [*find_modelplane_command(), "gateway", "--supergraph", str(supergraph)]
    modelplane += ["--port", str(port)]
    production = {"NODE_ENV": "production"}
    # Run our gateway from the checkout itself, whether or not it is pip-installed.
    in_checkout = {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    }
    return {
        gateway.name: gateway
        for gateway in [
            Gateway(
                "apollo",
                "Apollo Gateway (@apollo/gateway + @apollo/server standalone)",
                [node, str(HERE / "gateways" / "apollo.mjs")],
                {**production, "SUPERGRAPH": str(supergraph), "PORT": str(port)},
            ),
            Gateway(
                "hive",
                "Hive Gateway, Rust planner (@graphql-hive/router-runtime), dedup off",
                [hive, *hive_args, "--fork", "1", "-c", str(HERE / "gateways" / "hive.config.mjs")],
                production,
            ),
            Gateway(
                "hive-dedup",
                "Hive Gateway, Rust planner, request deduplication on",
                [
                    hive,
                    *hive_args,
                    "--fork",
                    "1",
                    "-c",
                    str(HERE / "gateways" / "hive-dedup.config.mjs"),
                ],
                production,
            ),
            Gateway(
                "modelplane",
                "Modelplane gateway",
                modelplane,
                {**in_checkout, "MODELPLANE_GATEWAY_DEDUP": "0"},
                REPO,
            ),
            Gateway(
                "modelplane-dedup",
                "Modelplane gateway, in-flight request deduplication on",
                modelplane,
                {**in_checkout, "MODELPLANE_GATEWAY_DEDUP": "1"},
                REPO,
            ),
        ]
    }


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


def pin(command: Sequence[str], core: int) -> list[str]:
    """Pin to one core, and raise the priority when asked (--nice) on a shared machine."""
    pinned = ["taskset", "-c", str(core), *command]
    return ["nice", "-n", str(NICENESS[0]), *pinned] if NICENESS[0] else pinned


def start_process(
    command: Sequence[str], core: int | None, env: dict[str, str], cwd: Path, log: Path
) -> subprocess.Popen[bytes]:
    pinned = pin(command, core) if core is not None else list(command)
    with log.open("wb") as sink:
        process = subprocess.Popen(
            pinned,
            cwd=cwd,
            env={**os.environ, **env},
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    raise_session_priority(process.pid)
    return process


def raise_session_priority(pid: int) -> None:
    """With --nice, also renice the process's scheduler autogroup.

    Linux's autogroups make every session compete as one unit, so `nice` alone does not
    help a process in its own session against other sessions' work.
    """
    if NICENESS[0] == 0:
        return
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(str(NICENESS[0]))


def stop_process(process: subprocess.Popen[Any]) -> None:
    if process.poll() is not None:
        return
    # The gateway was started in its own session: signal its whole process group
    # (e.g. a CLI that runs node under a wrapper), and nothing else.
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


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


def list_descendants(pid: int) -> list[int]:
    children: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            children.extend(int(child) for child in text)
    except OSError:
        return []
    found = list(children)
    for child in children:
        found.extend(list_descendants(child))
    return found


def read_status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def read_peak_rss_mb(root_pid: int) -> tuple[float, list[dict[str, Any]]]:
    """VmHWM of every process under the one we started (wrappers like taskset exec away)."""
    processes: list[dict[str, Any]] = []
    for pid in [root_pid, *list_descendants(root_pid)]:
        try:
            name = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        processes.append({"pid": pid, "name": name, "vm_hwm_kb": read_status_kb(pid, "VmHWM")})
    total_kb = sum(entry["vm_hwm_kb"] for entry in processes)
    return round(total_kb / 1024, 1), processes


def read_process_cpu_s(root_pid: int) -> float:
    """User+system CPU seconds used so far by the process and its descendants."""
    ticks = 0
    for pid in [root_pid, *list_descendants(root_pid)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def read_cpu_times() -> dict[str, tuple[int, int]]:
    """Per-core (busy, total) jiffies from /proc/stat."""
    times: dict[str, tuple[int, int]] = {}
    for line in Path("/proc/stat").read_text().splitlines():
        if line.startswith("cpu") and line[3:4].isdigit():
            name, *values = line.split()
            numbers = [int(value) for value in values]
            idle = numbers[3] + numbers[4]
            times[name] = (sum(numbers) - idle, sum(numbers))
    return times


def busy_percent(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> dict[str, float]:
    result = {}
    for name, (busy_after, total_after) in after.items():
        busy_before, total_before = before.get(name, (0, 0))
        total = total_after - total_before
        result[name] = round(100.0 * (busy_after - busy_before) / total, 1) if total else 0.0
    return result


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
        peak_rss_mb, processes = read_peak_rss_mb(process.pid)
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
        processes=processes,
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


def add_ratios(results: list[dict[str, Any]]) -> None:
    """ours_x = how many times this gateway's throughput Modelplane's gateway has."""
    ours = next((r for r in results if r["gateway"] == "modelplane" and r["status"] == "ok"), None)
    for result in results:
        if ours is None or result.get("status") != "ok" or not result.get("requests_per_s"):
            result["ours_x"] = None
        else:
            result["ours_x"] = round(ours["requests_per_s"] / result["requests_per_s"], 2)


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
    rows.append(LEGEND)
    return "\n".join(rows)


LEGEND = """
fetch/req: subgraph fetches per request, one request at a time (the plan's count)
ours x:    Modelplane's requests/s divided by this gateway's
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
        ["node", "--version"], capture_output=True, text=True, check=False
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


def ensure_node_modules(names: list[str]) -> None:
    if not any(name.startswith(("apollo", "hive")) for name in names):
        return
    if (HERE / "node_modules" / ".bin" / "hive-gateway").exists():
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
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of measured load")
    parser.add_argument(
        "--warmup", type=float, default=15.0, help="seconds of unmeasured load first"
    )
    parser.add_argument("--max-requests", type=int, default=200_000, help="request budget per run")
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
    subgraph_log = workdir / "subgraphs.log"
    subgraphs = start_process(
        [sys.executable, str(HERE / "subgraph_server.py"), "--port", str(args.subgraph_port)],
        LOAD_CORE, {}, HERE, subgraph_log,
    )  # fmt: skip
    results: list[dict[str, Any]] = []
    try:
        wait_for_subgraphs(subgraphs, args.subgraph_port, subgraph_log)
        for name in names:
            results.append(benchmark_gateway(gateways[name], args, files, expected, subgraphs.pid))
    finally:
        stop_process(subgraphs)
    add_ratios(results)
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


if __name__ == "__main__":
    sys.exit(main())
