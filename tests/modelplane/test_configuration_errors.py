"""A bad setting stops a command with one line saying what is wrong, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelplane.cli import main

SUPERGRAPH = Path(__file__).resolve().parents[2] / "bench" / "gateway" / "supergraph.graphql"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MODELPLANE_GATEWAY_CONCURRENCY", "lots", "'adaptive', 'off' or a whole number"),
        ("MODELPLANE_SUBGRAPH_TIMEOUT_SECONDS", "soon", "must be a number"),
    ],
)
def test_gateway_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert main(["gateway", "--supergraph", str(SUPERGRAPH), "--port", "1"]) == 2
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if x.startswith("modelplane: configuration error: ")]
    assert message in line and variable in line
    assert "Traceback" not in err
