"""The Dockerfile, read as instructions: stages, user, health check, entry point, no build tools."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from tests.ship.manifests import ROOT

BUILD_TOOLS = ("build-essential", "gcc", "g++", "make", "clang", "libc6-dev", "python3-dev")


@dataclass
class Stage:
    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)


def parse_dockerfile(text: str) -> list[Stage]:
    """Instructions per stage, with continuation lines joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and not pending):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    stages: list[Stage] = []
    for line in logical:
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            match = re.fullmatch(r"(\S+)(?:\s+AS\s+(\S+))?", rest.strip(), re.IGNORECASE)
            assert match, line
            stages.append(Stage(match.group(1), match.group(2) or str(len(stages))))
        elif stages:
            stages[-1].instructions.append((keyword, rest.strip()))
    return stages


def _stages() -> list[Stage]:
    return parse_dockerfile((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def _final() -> Stage:
    return _stages()[-1]


def _values(stage: Stage, keyword: str) -> list[str]:
    return [rest for kw, rest in stage.instructions if kw == keyword]


def test_stages_build_the_web_app_then_the_wheel_then_a_slim_runtime() -> None:
    stages = _stages()
    assert [s.name for s in stages] == ["web", "build", "runtime"]
    assert stages[0].base.startswith("node:")
    assert "npm run build" in " ".join(_values(stages[0], "RUN"))
    assert "pip wheel" in " ".join(_values(stages[1], "RUN"))
    assert stages[2].base.startswith("python:") and "slim" in stages[2].base


def test_the_web_stage_tolerates_a_missing_web_app() -> None:
    run = " ".join(_values(_stages()[0], "RUN"))
    assert "-f web/package.json" in run and "mkdir -p /src/web/dist" in run


def test_final_stage_runs_as_a_numeric_non_root_user() -> None:
    users = _values(_final(), "USER")
    assert users, "no USER in the final stage"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0


def test_final_stage_has_no_build_tools() -> None:
    runs = " ".join(_values(_final(), "RUN"))
    assert "apt-get install" not in runs
    for tool in BUILD_TOOLS:
        assert not re.search(rf"(^|\s){re.escape(tool)}(\s|$)", runs), tool
    copies = _values(_final(), "COPY")
    # Only the virtual environment and built assets come from other stages, never /wheels or /src.
    from_stages = [c for c in copies if c.startswith("--from=")]
    assert all("/wheels" not in c for c in from_stages)


def test_health_check_entry_point_and_default_command() -> None:
    final = _final()
    healthcheck = " ".join(_values(final, "HEALTHCHECK"))
    assert "/health" in healthcheck and "CMD" in healthcheck
    assert json.loads(_values(final, "ENTRYPOINT")[-1]) == ["modelplane"]
    assert json.loads(_values(final, "CMD")[-1]) == [
        "serve",
        "--component",
        "all",
        "--host",
        "0.0.0.0",
    ]


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".env", ".venv", ".git", ".modelplane"):
        assert entry in ignored
