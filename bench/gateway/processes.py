"""Starting, pinning and stopping the benchmark's processes, and reading their CPU and memory from /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

NICENESS = [0]  # set once by the runner from --nice


def refuse_taken_port(port: int, option: str) -> None:
    """Stops the run when something already listens on `port`: the benchmark would talk to
    that server instead of the one it starts (whose bind fails), and measure the wrong
    process on the load core."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(
                f"something already listens on 127.0.0.1:{port}; stop it, or choose another "
                f"port with {option}"
            )


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
